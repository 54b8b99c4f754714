"""TIMEX3 values written as people write them: ``2025-03-11TMO`` -> "the morning of 11 March 2025",
``PTXH`` -> "some hours", ``XXXX-WXX-2`` -> "a Tuesday".

    describe("2025-03-11TMO")            -> "the morning of 11 March 2025"
    describe("P1.5Y", language="nl")     -> "1,5 jaar"
    describe("P1W", kind="set")          -> "every week"

The words are data (``resources/LANG/time_readable.json``). A value this does not know is given back as
it is, so the result is never empty and ``describe`` never raises on text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sayso.language.resources import load_json

_DAY = re.compile(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)")
_MONTH = re.compile(r"(\d{4}|XXXX)-(\d\d|XX)")
_WEEK = re.compile(r"(\d{4}|XXXX)-W(\d\d|XX)(?:-([1-7]|WE))?")
_PERIOD = re.compile(r"(\d{4}|XXXX)-(Q[1-4X]|H[12]|SP|SU|FA|WI)")
_YEARISH = re.compile(r"(\d{4})|(\d{3})X|(\d\d)|FY(\d{4})|XXXX")
_TIME = re.compile(
    r"(?P<date>.*?)T(?:(?P<part>MO|AF|EV|NI|DT)|(?P<clock>\d\d:\d\d(?::\d\d)?)(?P<zone>Z|[+-]\d\d:?\d\d)?)"
)
_DURATION = re.compile(r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|WE))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])*)?")
_PART = re.compile(r"(\d+(?:\.\d+)?|X)(DE|CE|WE|Y|M|W|D|H|S)")


def describe(value: str, language: str = "en", *, kind: str | None = None) -> str:
    """``value`` (a TIMEX3 value, as ``sayso.time`` gives them) in the words of ``language``; ``kind="set"``
    makes it a repetition (``P1W`` -> "every week"). Unknown values come back unchanged."""
    words: dict[str, Any] = load_json(language, "time_readable")
    text = _describe(value, words)
    if text and kind == "set":
        text = words["templates"]["every"].format(what=text.removeprefix("1 ").removeprefix(_a(words)))
    return text or (value if value.strip() else "?")


def _a(words: dict[str, Any]) -> str:
    """The indefinite article the language's "a Tuesday" begins with, and its space."""
    return words["templates"]["a_weekday"].split("{", 1)[0]


def _describe(value: str, words: dict[str, Any]) -> str | None:
    if value in words["references"]:
        return str(words["references"][value])
    if "/" in value:
        start, _, end = value.partition("/")
        first, last = _describe(start, words), _describe(end, words)
        return words["templates"]["range"].format(start=first, end=last) if first and last else None
    for parse in _PARSERS:
        text = parse(value, words)
        if text:
            return text
    return None


def _timed(value: str, words: dict[str, Any]) -> str | None:
    m = _TIME.fullmatch(value)
    if m is None:
        return None
    when = _describe(m["date"], words) if m["date"] else None
    if m["part"]:
        return str(words["dayparts"][m["part"]].format(when=when) if when else words["dayparts_alone"][m["part"]])
    clock = m["clock"] + (" UTC" if m["zone"] == "Z" else f" {m['zone']}" if m["zone"] else "")
    return words["templates"]["clock"].format(clock=clock, when=when) if when else clock


def _day(value: str, words: dict[str, Any]) -> str | None:
    m = _DAY.fullmatch(value)
    if m is None:
        return None
    year, mon, dom = m.groups()
    t, unknown = words["templates"], words["templates"]["unknown"]
    if mon == "XX" or not 1 <= int(mon) <= 12:
        return str(unknown["day"])
    if dom == "XX":
        return str(unknown["day_of_month"].format(when=_month(f"{year}-{mon}", words)))
    name = words["months"][int(mon) - 1]
    if year == "XXXX":
        return str(t["day_of_month"].format(day=int(dom), month=name))
    return str(t["day"].format(day=int(dom), month=name, year=int(year)))


def _month(value: str, words: dict[str, Any]) -> str | None:
    m = _MONTH.fullmatch(value)
    if m is None:
        return None
    year, mon = m.groups()
    unknown = words["templates"]["unknown"]
    if mon == "XX" or not 1 <= int(mon) <= 12:
        return str(unknown["month"] if year == "XXXX" else unknown["month_of_year"].format(year=int(year)))
    name = words["months"][int(mon) - 1]
    return name if year == "XXXX" else str(words["templates"]["month"].format(month=name, year=int(year)))


def _week(value: str, words: dict[str, Any]) -> str | None:
    m = _WEEK.fullmatch(value)
    if m is None:
        return None
    year, week, day = m.groups()
    t = words["templates"]
    if year == "XXXX" or week == "XX":
        if day == "WE":
            return str(t["a_weekend"])
        return str(t["a_weekday"].format(weekday=words["weekdays"][int(day) - 1])) if day else t["unknown"]["week"]
    fields = {"week": int(week), "year": int(year)}
    if day == "WE":
        return str(t["weekend_of_week"].format(**fields))
    if day:
        return str(t["weekday_of_week"].format(weekday=words["weekdays"][int(day) - 1], **fields))
    return str(t["week"].format(**fields))


def _period(value: str, words: dict[str, Any]) -> str | None:
    m = _PERIOD.fullmatch(value)
    if m is None:
        return None
    year, code = m.groups()
    t = words["templates"]
    if code in words["seasons"]:
        season = words["seasons"][code]
        return season if year == "XXXX" else str(t["season"].format(season=season, year=int(year)))
    if year == "XXXX" or code == "QX":
        return str(t["unknown"]["quarter"] if code.startswith("Q") else t["unknown"]["year"])
    if code.startswith("H"):
        return str(words["halves"][int(code[1]) - 1].format(year=int(year)))
    return str(t["quarter"].format(quarter=int(code[1]), year=int(year)))


def _yearish(value: str, words: dict[str, Any]) -> str | None:
    m = _YEARISH.fullmatch(value)
    if m is None:
        return None
    year, decade, century, fiscal = m.groups()
    t = words["templates"]
    if year:
        return str(int(year))
    if decade:
        return str(t["decade"].format(decade=int(decade)))
    if century:
        return str(t["century"].format(century=int(century)))
    if fiscal:
        return str(t["fiscal_year"].format(year=int(fiscal)))
    return str(t["unknown"]["year"])


def _duration(value: str, words: dict[str, Any]) -> str | None:
    if value in ("P", "PT") or _DURATION.fullmatch(value) is None:
        return None
    date_part, _, time_part = value[1:].partition("T")
    parts = [(n, u) for n, u in _PART.findall(date_part)]
    parts += [(n, "MIN" if u == "M" else u) for n, u in _PART.findall(time_part)]
    return " ".join(_amount(n, unit, words) for n, unit in parts) or None


def _amount(n: str, unit: str, words: dict[str, Any]) -> str:
    one, many, some = words["units"][unit]
    if n == "X":
        return str(words["templates"]["some"].format(unit=some))
    count = n.replace(".", words["decimal_mark"])
    return str(words["templates"]["count"].format(count=count, unit=one if float(n) == 1 else many))


_PARSERS: tuple[Callable[[str, dict[str, Any]], str | None], ...] = (
    _timed,
    _day,
    _week,
    _period,
    _month,
    _yearish,
    _duration,
)
