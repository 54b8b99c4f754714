"""find_times: run the grammar, keep the best non-overlapping expressions, anchor and extend them."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from sayso.records import TimeExpr
from sayso.time._calendar import add_days, quarter, quarter_of, shift, shift_quarter
from sayso.time._grammar import Context, Hit, grammar, tense_pattern
from sayso.time._lexicon import alt, lexicon, norm
from sayso.time._ranges import join_ranges

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_OUT_OF_CALENDAR = re.compile(r"^(?:\d{5}|0000|-)")  # a year after 9999 or before 1 (published near the ends)


def find_times(text: str, *, language: str, published: date | None) -> list[TimeExpr]:
    """Every time expression in ``text``, with its leading preposition, normalised TIMEX3-style.

    Relative expressions are resolved against ``published``. Without a publication date they
    get the most specific value that needs none: a weekday ``XXXX-WXX-1``, a day without a year
    ``XXXX-01-02``, a month ``XXXX-10``, and ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF`` for
    ``gisteren``, ``vorige week``, ``next year`` and the like; a time of day keeps only the time
    (``T18:00``) unless the text gives its day.
    """
    if not text:
        return []
    lex = lexicon(language)
    g = grammar(language)
    ctx = Context(text, published, lex, tense_pattern(language))
    hits: list[Hit] = []
    for index, (pattern, handler) in enumerate(g.rules):
        for m in pattern.finditer(text):
            for found in handler(m, ctx):
                start, end, value, kind = found[:4]
                clock = len(found) > 4 and bool(found[4])
                guessed = len(found) > 5 and bool(found[5])
                if end > start and not _OUT_OF_CALENDAR.match(value):
                    hits.append(Hit(start, end, value, kind, index, clock=clock, guessed_year=guessed))
    chosen = _resolve([h for h in hits if not _inside_a_name(h, text)])
    chosen = _anchor(chosen, ctx)
    return join_ranges([_extend(h, ctx, chosen, g.names) for h in chosen], text, lex)


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORD_AFTER = re.compile(r"^\s+(\S+)")


def _inside_a_name(h: Hit, text: str) -> bool:
    """`Freight Weekly`, `the Daily Telegraph`: a capitalised period word beside another capitalised
    word inside a sentence names a thing; it is no set or duration."""
    word = text[h.start : h.end]
    if h.kind not in ("set", "duration") or not word[:1].isupper() or any(c.isdigit() for c in word):
        return False
    before = _WORD_BEFORE.search(text[max(0, h.start - 40) : h.start])
    after = _WORD_AFTER.search(text[h.end : h.end + 40])
    mid_sentence = before is not None and before.group(1)[-1:] not in '.!?:"”'
    neighbour = (before is not None and mid_sentence and before.group(1)[:1].isupper()) or (
        after is not None and after.group(1)[:1].isupper()
    )
    return mid_sentence and neighbour


def _resolve(hits: list[Hit]) -> list[Hit]:
    """The longest expressions win; among equally long ones the earlier rule."""
    starts: list[int] = []
    taken: list[Hit] = []  # sorted by start, never overlapping
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.rule, h.start)):
        i = bisect.bisect_left(starts, h.start)
        if i > 0 and taken[i - 1].end > h.start:
            continue
        if i < len(taken) and taken[i].start < h.end:
            continue
        starts.insert(i, h.start)
        taken.insert(i, h)
    return taken


def _anchor(hits: list[Hit], ctx: Context) -> list[Hit]:
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
        narrative = [x for x in out if _DAY.match(x.value)]
        day = _day_of_sentence(i, h, hits, ctx)
        if day is None and narrative:  # at 8 PM after `on June 3`: the day the narrative is at
            day = narrative[-1].value[:10]
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


def _extend(h: Hit, ctx: Context, hits: list[Hit], names: list[str]) -> TimeExpr:
    """Take in a part word (``begin``, ``early``) and a leading preposition (``op``, ``on``)."""
    lex = ctx.lex
    text = ctx.text
    start = h.start
    previous_end = max((x.end for x in hits if x.end <= h.start), default=0)
    if h.kind in ("duration", "date", "time"):
        m = _approximator_before(lex.language).search(text, max(previous_end, start - 40), start)
        if m and m.end() == start and not _compares_a_count(m, ctx):
            start = m.start()
    value = h.value
    if h.kind in ("date", "time") and not h.value.startswith("P"):
        m = _part_before(lex.language).search(text, max(previous_end, start - 40), start)
        if m and m.end() == start:
            start = m.start()
            part = lex.rel["part_dayparts"].get(norm(m.group(1)))
            if part and _DAY.fullmatch(value):  # late on Tuesday: Tuesday evening
                value = f"{value}T{part}"
    m = _preposition_before(lex.language).search(text, max(previous_end, start - 30), start)
    adverb = norm(text[start : h.end]) in lex.units_data["vague_durations"]  # na urenlang debat: na leads debat
    if m and m.end() == start and not adverb and not _opens_range(m.group(0), h, ctx, hits):
        start = m.start()
    rule = "+".join(names[r] for r in (h.rule, *h.joined))
    return TimeExpr(start=start, end=h.end, text=text[start : h.end], value=value, kind=h.kind, rule=rule)


def without_preposition(t: TimeExpr, *, language: str) -> TimeExpr:
    """``t`` without its leading preposition (``on Saturday`` -> ``Saturday``), as TimeML spans are.

    The value and kind stay; the span starts at the expression itself.
    """
    m = re.match(rf"{alt(lexicon(language).prepositions)}[^\S\n]+", t.text, re.IGNORECASE)
    if m is None or m.end() >= len(t.text):
        return t
    return replace(t, start=t.start + m.end(), text=t.text[m.end() :])


def _compares_a_count(approximator: re.Match[str], ctx: Context) -> bool:
    """``8000 meer dan een jaar eerder``: after a count, ``meer dan`` compares it; it does not
    qualify the time."""
    if norm(approximator.group(0)) not in ctx.lex.rel.get("comparative_approximators", ()):
        return False
    return grammar(ctx.lex.language).counted_before(ctx, approximator.start())


def _opens_range(preposition: str, h: Hit, ctx: Context, hits: list[Hit]) -> bool:
    """``from`` in ``from 2009 to 2011`` opens the range, it does not lead 2009 alone."""
    rel = ctx.lex.rel
    if norm(preposition) not in {*rel["from"], *rel["between"]}:
        return False
    following = [x for x in hits if x.start >= h.end]
    if not following:
        return False
    gap = norm(ctx.text[h.end : following[0].start])
    return gap in {*rel["to"], *rel["and"], "-", "–"}


_PART_CACHE: dict[str, re.Pattern[str]] = {}
_PREP_CACHE: dict[str, re.Pattern[str]] = {}


_APPROX_CACHE: dict[str, re.Pattern[str]] = {}


def _approximator_before(language: str) -> re.Pattern[str]:
    if language not in _APPROX_CACHE:
        words = alt(lexicon(language).rel["approximators"])
        _APPROX_CACHE[language] = re.compile(rf"(?<![\w]){words}[^\S\n]+$", re.IGNORECASE)
    return _APPROX_CACHE[language]


def _part_before(language: str) -> re.Pattern[str]:
    if language not in _PART_CACHE:
        lex = lexicon(language)
        _PART_CACHE[language] = re.compile(rf"(?<![\w])({alt(lex.rel['parts'])})(?:[^\S\n]+|-)$", re.IGNORECASE)
    return _PART_CACHE[language]


def _preposition_before(language: str) -> re.Pattern[str]:
    if language not in _PREP_CACHE:
        lex = lexicon(language)
        _PREP_CACHE[language] = re.compile(rf"(?<![\w]){alt(lex.prepositions)}[^\S\n]+$", re.IGNORECASE)
    return _PREP_CACHE[language]
