"""The reference time of a narrative: what a relative or partial time counts from.

A time of day without a day, an anaphoric day or period (``the next day``, ``that evening``, ``the
previous year``, ``the same period last year``), ``overnight`` and a month or date without a year are
found by the grammar with a placeholder value (``T18:00``, ``@D+1``, ``@=D+0TEV``, ``@Y-1``, ``@S-1TNI``)
or a year guessed from publication and tense; :func:`anchor` resolves them against the dates named
before them, in order. See docs/time.md.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sayso.time._calendar import add_days, quarter, quarter_of, shift, shift_quarter, weekday_near
from sayso.time._grammar import Context, Hit
from sayso.time._lexicon import norm

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def anchor(hits: list[Hit], ctx: Context) -> list[Hit]:
    """Resolve what depends on the day the text speaks about.

    A time of day (``T18:00``) takes its day from a day named in the same sentence, else from the last
    day the narrative named, else the publication date. An anaphoric day (``@D+1``: the next day) or
    period (``@=Y-1``: the previous year; ``@=D+0TEV``: that evening) counts from the last date named
    before it that is precise enough, else from the publication date; ``@S-1TNI`` (overnight) from the
    day its sentence names, else from the publication date.
    """
    out: list[Hit] = []
    for i, h in enumerate(hits):
        if not h.clock:
            out.append(_narrative_year(h, out, ctx) if h.guessed_year else h)
            continue
        if h.value.startswith("@S"):
            out.append(_from_sentence_day(i, h, hits, ctx))
            continue
        if h.value.startswith("@F"):
            out.append(replace(h, value=_fiscal_of_reference([x.value for x in out], ctx.published), clock=False))
            continue
        if h.value.startswith("@T"):
            out.append(_in_quotation(i, h, hits, out, ctx))
            continue
        if h.value.startswith("@N"):
            day = _day_of_sentence(i, h, hits, ctx)
            if day is None and h.value.startswith("@NP"):  # a past clause: the day the narrative is at
                day = next((x.value[:10] for x in reversed(out) if _DAY.match(x.value)), None)
            part = h.value[h.value.index("T") :]
            out.append(replace(h, value=(day or "XXXX-XX-XX") + part, clock=False))
            continue
        if h.value.startswith("@Q"):
            out.append(replace(h, value=_quarter_of_reference(h.value == "@QP", out, ctx.published), clock=False))
            continue
        if h.value.startswith("@K"):
            out.append(replace(h, value=_weekday_of_reference(h.value[2:], out, ctx.published), clock=False))
            continue
        if h.value.startswith("@A"):
            out.append(_in_apposition(h, out, ctx))
            continue
        if h.value.startswith("@="):
            value = _period_of_reference(h.value[2:], [x.value for x in out], ctx.published)
            if value is not None:
                out.append(Hit(h.start, h.end, value, h.kind, h.rule, extend=h.extend))
            continue
        if h.value.startswith("@"):
            value = _from_reference(h.value[1], int(h.value[2:]), [x.value for x in out], ctx.published)
            if value is not None:
                out.append(Hit(h.start, h.end, value, h.kind, h.rule, extend=h.extend))
            continue
        gap = norm(ctx.text[out[-1].end : h.start]) if out else None
        if out and _DAY.fullmatch(out[-1].value) and (not gap or gap in ctx.lex.rel["day_clock_joiners"]):
            day_hit = out.pop()  # 10/20/2000 20:02, Monday at noon: a day and its time of day as one
            joined = (*day_hit.joined, h.rule)
            out.append(
                Hit(
                    day_hit.start,
                    h.end,
                    day_hit.value + h.value,
                    "time",
                    day_hit.rule,
                    extend=day_hit.extend,
                    joined=joined,
                )
            )
            continue
        day = _day_of_sentence(i, h, hits, ctx)
        if day is None:  # at 8 PM after `on June 3`: the day the narrative is at
            day = next((x.value[:10] for x in reversed(out) if _DAY.match(x.value)), None)
        if day is None:
            day = ctx.published.isoformat() if ctx.published is not None else "XXXX-XX-XX"
        out.append(Hit(h.start, h.end, day + h.value, h.kind, h.rule, clock=False, extend=h.extend))
    return out


_DATED = re.compile(r"^(\d{4})-\d{2}")  # a month or a day of a year
_WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d{2}(?!\d)")


def _narrative_year(h: Hit, earlier: list[Hit], ctx: Context) -> Hit:
    """``On 3 June 2019 the ship left Rotterdam. On 5 June it sank.``: a month or date without a year
    takes the year of a month or day with its year written out, named in its sentence or the sentence
    before it, in the same paragraph, where publication and tense alone would guess another year. A
    weekday (``on Wednesday``) has no year of its own to give."""
    s, _ = ctx.sentence(h.start, h.end)
    previous, _ = ctx.sentence(max(0, s - 2), max(0, s - 1))
    paragraph = ctx.text.rfind("\n", 0, h.start) + 1
    for x in reversed(earlier):
        if x.end <= max(previous, paragraph):
            break
        m = _DATED.match(x.value)
        if m and _WRITTEN_YEAR.search(ctx.text, x.start, x.end):
            year = m[1]
            if year != h.value[:4]:
                return replace(h, value=year + h.value[4:], guessed_year=False)
            break
    return h


def _fiscal_of_reference(earlier: list[str], published: date | None) -> str:
    """``the financial year``: the fiscal year the text last named, else the one named after the year of
    publication, as ``this financial year`` is."""
    named = next((v for v in reversed(earlier) if _FISCAL.match(v)), None)
    if named is not None:
        return named
    return f"FY{published.year:04d}" if published is not None else "PRESENT_REF"


_QUOTED_DEIXIS = re.compile(r"^@T([+-]\d+)(.*)$")


def _in_quotation(i: int, h: Hit, hits: list[Hit], earlier: list[Hit], ctx: Context) -> Hit:
    """``@T+0`` (``today`` inside a quotation): counted from the day its speaker spoke, named outside the
    quotation in the sentence that ends it (``"Today is a black day," the minister said on Saturday``) or
    that opens it, else from publication (TimeML anchors a deictic word to its speech time)."""
    m = _QUOTED_DEIXIS.match(h.value)
    quote = ctx.quote_at(h.start)
    if m is None or quote is None or ctx.published is None:
        return replace(h, value="XXXX-XX-XX", clock=False)
    qs, qe = quote
    _, after_e = ctx.sentence(qe, qe + 1)
    before_s, _ = ctx.sentence(qs, qs + 1)
    after = [x.value[:10] for x in hits[i + 1 :] if qe < x.start < after_e and _DAY.match(x.value)]
    before = [x.value[:10] for x in earlier if before_s <= x.start and x.end <= qs and _DAY.match(x.value)]
    day = after[0] if after else before[-1] if before else None
    base = date.fromisoformat(day) if day else ctx.published
    moved = add_days(base, int(m[1]))
    return replace(h, value=(moved.isoformat() if moved else "XXXX-XX-XX") + m[2], clock=False)


_QUARTER_VALUE = re.compile(r"^\d{4}-Q[1-4]$")


def _quarter_of_reference(past: bool, earlier: list[Hit], published: date | None) -> str:
    """``the quarter``: the quarter the text last named; else, when ``past``, the last whole quarter before
    publication, else the quarter of publication."""
    named = next((x.value for x in reversed(earlier) if _QUARTER_VALUE.match(x.value)), None)
    if named is not None:
        return named
    if published is None:
        return "XXXX-QX"
    y, q = shift_quarter(*quarter_of(published), -1 if past else 0)
    return quarter(y, q)


_WEEKDAY_ANAPHOR = re.compile(r"^([+-]1)([1-7])(.*)$")


def _weekday_of_reference(anaphor: str, earlier: list[Hit], published: date | None) -> str:
    """``+11`` (the following Monday): the first Monday after the last day the narrative named, else
    after publication; ``-15`` (the previous Friday) the last Friday before it."""
    m = _WEEKDAY_ANAPHOR.match(anaphor)
    if m is None:  # not written by the rule anaphoric_weekday
        return "XXXX-XX-XX"
    step, wd, part = int(m[1]), int(m[2]), m[3]
    day = next((x.value[:10] for x in reversed(earlier) if _DAY.match(x.value)), None)
    base = date.fromisoformat(day) if day else published
    found = weekday_near(add_days(base, step), wd, step > 0) if base else None
    return (found.isoformat() if found else f"XXXX-WXX-{wd}") + part


_APPOSITION = re.compile(r"\s*,\s*")


def _in_apposition(h: Hit, earlier: list[Hit], ctx: Context) -> Hit:
    """``@AP3D`` (``three days later than planned``): right after a date and a comma, that date
    (``arrives on November 11, three days later than planned``: 11 November); else the length alone."""
    last = earlier[-1] if earlier else None
    if (
        last is not None
        and last.kind in ("date", "time")
        and not last.value.startswith(("P", "@"))
        and _APPOSITION.fullmatch(ctx.text[last.end : h.start])
    ):
        return replace(h, value=last.value, kind=last.kind, clock=False)
    return replace(h, value=h.value[2:], kind="duration", clock=False)


def _day_of_sentence(i: int, h: Hit, hits: list[Hit], ctx: Context, *, skip: str = "") -> str | None:
    """The day named in the sentence of ``hits[i]``: the last one before it, else the first after it;
    a day ``skip`` does not count."""
    s, e = ctx.sentence(h.start, h.end)
    before = [x for x in hits[:i] if x.start >= s and _DAY.match(x.value) and x.value[:10] != skip]
    if before:
        return before[-1].value[:10]
    after = [x for x in hits[i + 1 :] if x.end <= e and _DAY.match(x.value) and x.value[:10] != skip]
    return after[0].value[:10] if after else None


def _from_sentence_day(i: int, h: Hit, hits: list[Hit], ctx: Context) -> Hit:
    """``@S-1TNI`` (overnight): days from the day its sentence names, else from publication. The
    publication date in a dateline (``MILLBRIDGE, March 18 — ...``) names no other day."""
    m = re.match(r"@S([+-]\d+)(.*)$", h.value)
    if m is None:  # not written by the rule sentence_day
        return h
    day = _day_of_sentence(i, h, hits, ctx, skip=ctx.published.isoformat() if ctx.published else "")
    base = date.fromisoformat(day) if day else ctx.published
    moved = add_days(base, int(m[1])) if base else None
    value = (moved.isoformat() if moved else "XXXX-XX-XX") + m[2]
    return Hit(h.start, h.end, value, h.kind, h.rule, extend=h.extend)


_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PERIOD_VALUE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI)$")  # a quarter, half, week, season


def _from_reference(unit: str, n: int, earlier: list[str], published: date | None) -> str | None:
    """The period ``n`` units from the last date the text named that is precise enough for ``unit``
    (a day for days and weeks, a month for months, a year for years), else from publication.

    Years keep the month, quarter, half, week or season of a reference that has one, as TimeML does
    (a year before September 2025 is September 2024, a year before 2025-Q2 is 2024-Q2): ``een jaar
    eerder`` with no reference but publication is that month a year before.
    """
    need = {"D": 3, "W": 3, "M": 2, "Y": 1, "Q": 2}[unit]
    base: date | None = None
    precision = 3
    for value in reversed(earlier):
        fiscal = _FISCAL.match(value)
        if fiscal and unit == "Y":  # the same period a year before the fiscal year 2007: FY2006
            return f"FY{int(fiscal[1]) + n:04d}" if 1 <= int(fiscal[1]) + n <= 9999 else None
        period = _PERIOD_VALUE.match(value)
        if period and (unit == "Y" or (unit == "Q" and period[2].startswith("Q"))):
            return _period_from(int(period[1]), period[2], unit, n)
        m = _DATE_VALUE.match(value[:10])
        if m and sum(1 for g in m.groups() if g) >= need:
            base = date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            precision = sum(1 for g in m.groups() if g)
            break
    if base is None:
        base = published
    if base is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX")
    if unit == "Y" and precision >= 2:
        return shift(base, "M", 12 * n)
    if unit == "Q":
        y, q = shift_quarter(*quarter_of(base), n)
        return quarter(y, q) if 1 <= y <= 9999 else None
    return shift(base, unit, n)


_ANAPHOR = re.compile(r"^([YMWD])([+-]\d+)(T(?:MO|AF|EV|NI))?$")
_FISCAL = re.compile(r"^FY(\d{4})$")


def _period_of_reference(anaphor: str, earlier: list[str], published: date | None) -> str | None:
    """``Y-1`` (the previous year), ``D+0TEV`` (that evening): the year, month, week or day of the last
    date the text named that is precise enough, moved ``n`` of them, else of publication. A quarter,
    half, season or fiscal year names its year."""
    m = _ANAPHOR.match(anaphor)
    if m is None:
        return None
    unit, n, part = m[1], int(m[2]), m[3] or ""
    need = {"Y": 1, "M": 2, "W": 3, "D": 3}[unit]
    base = published
    for value in reversed(earlier):
        year = _PERIOD_VALUE.match(value) or _FISCAL.match(value)
        if year and unit == "Y":
            base = date(int(year[1]), 1, 1)
            break
        found = _DATE_VALUE.match(value[:10])
        if found and sum(1 for g in found.groups() if g) >= need:
            base = date(int(found[1]), int(found[2] or 1), int(found[3] or 1))
            break
    if base is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX") + part
    moved = shift(base, unit, n)
    return moved + part if moved else None


def _period_from(year: int, part: str, unit: str, n: int) -> str | None:
    """A quarter, half, week or season ``n`` years (or quarters) away: a year before 2025-Q2 is 2024-Q2."""
    if unit == "Q":
        y, q = shift_quarter(year, int(part[1]), n)
        return quarter(y, q) if 1 <= y <= 9999 else None
    return f"{year + n:04d}-{part}" if 1 <= year + n <= 9999 else None
