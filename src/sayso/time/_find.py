"""find_times: run the grammar, keep the best non-overlapping expressions, anchor and extend them."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from sayso.records import TimeExpr
from sayso.time._anchor import anchor
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
    chosen = anchor(chosen, ctx)
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
