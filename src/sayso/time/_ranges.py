"""Ranges of two times: ``from 2011 to 2019``, ``tussen 2014 en 2016``, ``July-September``.

A range that opens with ``from`` or ``between`` is one more time expression, a duration over the whole
span (TimeML: ``from 2009 to 2011`` is ``P2Y``), beside its two ends, which keep no preposition of
their own. Two months without a year in a range share one year: that of the later month
(``the July-September period`` is July to September of one year; ``November-January`` ends a year later).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sayso.records import TimeExpr
from sayso.time._lexicon import TimeLexicon, alt, norm

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DASHES = ("-", "–", "—")


def join_ranges(times: list[TimeExpr], text: str, lex: TimeLexicon) -> list[TimeExpr]:
    """``times`` (sorted, not overlapping) with month ranges sharing their year and a duration added
    for each range opened by ``from`` or ``between``."""
    out = list(times)
    added: list[TimeExpr] = []
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        closer = _closer(first, second, text, lex)
        if closer is None:
            continue
        bare_second = _without(second, closer)
        if _MONTH.match(first.value) and _MONTH.match(bare_second.value) and not _has_year(first.text + second.text):
            out[i] = first = replace(first, value=_same_year(first.value, bare_second.value))
        opener = _opener(first, text, lex, closer)
        if opener is None:
            continue
        length = _length(first.value, bare_second.value)
        if length is None:
            continue
        out[i + 1] = bare_second
        added.append(TimeExpr(opener, second.end, text[opener : second.end], length, "duration", rule="range"))
    return sorted([*out, *added], key=lambda t: (t.start, -t.end))


def _closer(first: TimeExpr, second: TimeExpr, text: str, lex: TimeLexicon) -> str | None:
    """The word or dash that joins ``first`` to ``second`` (``to``, ``en``, ``-``), else None."""
    gap = text[first.end : second.start]
    words = {*lex.rel["to"], *lex.rel["and"]}
    if not gap.strip():
        m = re.match(rf"({alt(sorted(words))})[^\S\n]+", second.text, re.IGNORECASE)
        return norm(m.group(1)) if m else None
    gap_word = norm(gap)
    if gap_word in words or (gap_word in _DASHES and len(gap) == 1):
        return gap_word
    return None


def _opener(first: TimeExpr, text: str, lex: TimeLexicon, closer: str) -> int | None:
    """Where ``from``/``between`` before ``first`` starts, if the range opens with the word that fits ``closer``."""
    m = re.search(
        rf"(?<![\w])({alt(sorted({*lex.rel['from'], *lex.rel['between']}))})[^\S\n]+$",
        text[: first.start],
        re.IGNORECASE,
    )
    if m is None:
        return None
    word = norm(m.group(1))
    fits = closer in lex.rel["and"] if word in lex.rel["between"] else closer in lex.rel["to"] or closer in _DASHES
    return m.start() if fits else None


def _without(t: TimeExpr, closer: str) -> TimeExpr:
    m = re.match(rf"{re.escape(closer)}[^\S\n]+", t.text, re.IGNORECASE)
    if m is None:
        return t
    return replace(t, start=t.start + m.end(), text=t.text[m.end() :])


def _has_year(text: str) -> bool:
    return re.search(r"\d{4}|['’]\d{2}", text) is not None


def _same_year(first: str, second: str) -> str:
    year, mon = int(second[:4]), int(first[5:7])
    return f"{year - (mon > int(second[5:7])):04d}-{mon:02d}"


def _length(first: str, second: str) -> str | None:
    """The duration from ``first`` to ``second`` at their shared granularity (years, months or days)."""
    if _YEAR.match(first) and _YEAR.match(second):
        n, unit = int(second) - int(first), "Y"
    elif _MONTH.match(first) and _MONTH.match(second):
        n, unit = (int(second[:4]) - int(first[:4])) * 12 + int(second[5:7]) - int(first[5:7]), "M"
    elif _DAY.match(first) and _DAY.match(second):
        n, unit = (date.fromisoformat(second) - date.fromisoformat(first)).days, "D"
    else:
        return None
    return f"P{n}{unit}" if n > 0 else None
