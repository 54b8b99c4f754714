"""Quotations with no verb of saying in their sentence: `Breuker: „...”`, or a quote
whose speaker was named in the sentence before."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from sayso._intervals import GrowingSpans, Intervals
from sayso._slices import ends_before
from sayso.attribution._context import Context
from sayso.attribution._tokens import char_span, trim
from sayso.attribution.quotes import DOUBLE_CLOSERS, Quote
from sayso.records import Attribution, Span

MIN_WORDS = 4  # shorter quotes without a cue are scare quotes, not statements
REACH = 160  # characters before a colon where the speaker of the quote after it is named


def _covered(q: Quote, found: Intervals[tuple[Attribution, Span]], added: GrowingSpans) -> bool:
    """Whether an attribution already holds the quote; reported speech nested inside it (its cue inside) does
    not. ``found``: the contents found before, with their attributions; ``added``: the contents (without a cue)
    added since. Only a content that overlaps the quote, or its first character, can hold it."""
    a, b = q.start - 1, max(q.end, q.start + 1)  # an empty content at the first character, too
    return any(
        c.start <= q.start < c.end or q.start <= c.start < q.end
        for att, c in found.overlapping(a, b)
        if att.cue is None or not q.start <= att.cue.start < q.end
    ) or any(c0 <= q.start < c1 or q.start <= c0 < q.end for c0, c1 in added.overlapping(a, b))


def _colon_source(ctx: Context, q: Quote) -> tuple[int, int] | None:
    """`Breuker: „...”`: a short name right before a colon right before the quote."""
    mark = q.open_mark if q.open_mark is not None else q.start
    before = ctx.text[max(0, mark - 80) : mark].rstrip()
    if not before.endswith(":"):
        return None
    colon = mark - (len(ctx.text[max(0, mark - 80) : mark]) - len(before)) - 1
    span = ctx.doc.char_span(max(0, colon - REACH), colon, alignment_mode="expand")
    if span is None:
        return None
    tokens = [t for t in span if t.idx >= max(0, colon - REACH)]
    names: list[Token] = []
    for t in reversed(tokens):
        if t.text in ".!?:\n" or t.is_space:
            break
        names.insert(0, t)
    if names and len(names) > 6:  # `Bill Bodie, speciaal assistent van ...:`: a name with its role in apposition
        comma = next((k for k, t in enumerate(names) if t.text == ","), None)
        if comma is None or comma > 4 or not names[0].text[:1].isupper() or len(names) > 20:
            return None
    if not names or not any(t.pos_ in ("PROPN", "NOUN") for t in names):
        return None
    return trim(ctx.text, *char_span(names))


def _orphan_start(ctx: Context, q: Quote, found: Intervals[Attribution], added: Sequence[Attribution]) -> int:
    """Where a quote whose opening mark is missing begins: after the last statement before it (of ``found``,
    indexed by where each ends, then of those ``added`` since)."""
    start = q.start
    for a in [*found.overlapping(q.start, q.end), *added]:
        ends = [s.end for s in (*a.content, a.cue, a.source) if s is not None]
        if ends and start <= max(ends) < q.end:
            start = max(ends)
    for other in ctx.quotes_near(start, q.end):
        if other is not q and other.close_mark is not None and start <= other.close_mark < q.end:
            start = other.close_mark + 1
    first = ctx.first_sentence_start(start, q.end)
    if start != q.start and first is not None:
        start = first
    return start


def _words(ctx: Context, q: Quote) -> int:
    return len(ctx.text[q.start : q.end].split())


def _stray(ctx: Context, q: Quote) -> bool:
    """A closing mark with no opening one is a quote whose first mark was lost (a paragraph of speech), unless
    a term in quotes stands on its line (`het “iPhone OS” werd ...”`) or a quote closed right before it: then it
    is a stray mark. A statement quoted on the line may go on after its cue (`„...”, zegt X. ...”`)."""
    closed_on_line = any(
        o is not q and o.close_mark is not None and q.start <= o.close_mark < q.end and _words(ctx, o) < MIN_WORDS
        for o in ctx.quotes_near(q.start, q.end)
    )
    return closed_on_line or ends_before(ctx.text, q.start, tuple(DOUBLE_CLOSERS))


def _has_verb(ctx: Context, a: int, b: int) -> bool:
    span = ctx.doc.char_span(a, b, alignment_mode="expand")
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


def find_quote_attributions(ctx: Context, found: Sequence[Attribution]) -> list[Attribution]:
    """Direct attributions for the statement-like quotes that no other attribution covers."""
    out: list[Attribution] = []
    by_end = Intervals(found, bounds=_last_end)
    contents = Intervals([(a, c) for a in found for c in a.content], bounds=lambda ac: (ac[1].start, ac[1].end))
    added = GrowingSpans()
    for q in ctx.quotes:
        if q.open_mark is None and _stray(ctx, q):
            continue
        start = q.start if q.open_mark is not None else _orphan_start(ctx, q, by_end, out)
        a, b = trim(ctx.text, start, q.end, quotes=True)
        if any(x <= a < y for x, y in ctx.blocked) or _covered(Quote(a, b, q.open_mark, q.close_mark), contents, added):
            continue
        if len(ctx.text[a:b].split()) < MIN_WORDS or not _has_verb(ctx, a, b):
            continue  # a scare quote, a title or a caption (`het “Back to the Mac”-evenement`): no statement
        source = _colon_source(ctx, q)
        out.append(Attribution("direct", source and ctx.span(*source), None, (ctx.span(a, b),)))
        added.add(a, b)
    return out


def _last_end(a: Attribution) -> tuple[int, int]:
    """Where an attribution's last part ends (as a one-character span; before the text when it has none)."""
    ends = [s.end for s in (*a.content, a.cue, a.source) if s is not None]
    return (max(ends), max(ends) + 1) if ends else (-2, -1)
