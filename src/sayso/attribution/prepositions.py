"""Attributions cued by a preposition: `volgens X`, `according to X`, `..., aldus X`, `per X`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sayso._slices import ends_before
from sayso.attribution._context import Context
from sayso.attribution._tokens import char_span, noun_phrase_after, trim
from sayso.attribution.lexicon import Lexicon
from sayso.attribution.quotes import Quote
from sayso.records import Attribution, Span

_BRACKETS = re.compile(r"\s*\([^()\n]{1,40}\)")
_RELATIVE = re.compile(r"\s*,\s*(\w+)\b[^,.;:]{0,80},")


def _source_start(tok: Token, sent: SpacySpan, lex: Lexicon) -> int | None:
    """Token index where the source begins after the cue, or None when this is no cue here."""
    nxt = tok.i + 1
    if nxt >= sent.end:
        return None
    second = lex.preposition_second_words.get(tok.lower_)
    if second is not None:  # `according to X`
        return nxt + 1 if sent.doc[nxt].lower_ == second and nxt + 1 < sent.end else None
    if tok.lower_ in lex.name_only_prepositions:  # `per Reuters`, never `per cent`, `per day`
        return nxt if sent.doc[nxt].pos_ == "PROPN" else None
    if tok.lower_ in lex.comma_prepositions:  # `..., aldus X.`: only after a comma, never `aldus` = thus
        return nxt if tok.i > sent.start and sent.doc[tok.i - 1].text == "," else None
    return nxt


def _parsed_end(first: Token, start: int) -> int:
    """Where the parser ends the phrase that begins at ``first`` (its head's subtree), past ``start``."""
    head = first
    while (
        head.head.i != head.i and start <= head.head.i and head.dep_ not in ("ROOT", "root") and head.head.i >= first.i
    ):
        if head.head.pos_ in ("VERB", "AUX"):
            break
        head = head.head
    return max(start + 1, head.right_edge.i + 1)


def _clause_break(ctx: Context, a: int, b: int) -> int:
    """Where a clause with a cue of its own (`, al erkende hij dat ...`, `, but he admitted ...`) ends the
    statement within ``[a, b)``; `niet alleen X, maar vooral Y` and `twee, maar mogelijk zes` go on."""
    low = ctx.text[a:b].lower()
    for word in ctx.lex.clause_openers:
        for m in re.finditer(rf",\s+{re.escape(word)}\b((?:\s+\w+){{1,4}})", low):
            if any(w in ctx.lex.say_forms for w in m.group(1).split()):
                b = min(b, a + m.start())
    return b


def _clause_start(ctx: Context, a: int, b: int) -> int:
    """Where the clause holding the cue starts when it is a second clause (`..., hoewel het doelpunt volgens
    hem ...`, `..., but according to X ...`): the statement is that clause, not the sentence before it."""
    low = ctx.text[a:b].lower()
    words = "|".join(re.escape(w) for w in sorted(ctx.lex.clause_openers))
    found = list(re.finditer(rf",\s+(?:{words})\s+", low)) if words else []
    return a + found[-1].end() if found else a


def _content(ctx: Context, sent: SpacySpan, cut_start: int, cut_end: int) -> tuple[Span, ...]:
    pieces: list[Span] = []
    begin = _clause_start(ctx, ctx.start_of(sent), cut_start)
    for a, b in ((begin, cut_start), (cut_end, sent.end_char)):
        a, b = trim(ctx.text, a, _clause_break(ctx, a, b))
        words = ctx.text[a:b].split()
        if words and words[0].lower() in ctx.lex.leading_conjunctions:
            a, b = trim(ctx.text, a + len(words[0]), b)
        if pieces and ends_before(ctx.text, cut_start, ",") and _describes_source(ctx, a, b):
            break  # `..., according to a report on May 3 in which ...`: the statement ended at the comma
        if b > a and any(c.isalnum() for c in ctx.text[a:b]):
            pieces.append(ctx.span(a, b))
    return tuple(pieces)


def _describes_source(ctx: Context, a: int, b: int) -> bool:
    """A phrase that opens with a preposition or a relative pronoun: after a statement closed by a comma and
    its source, it goes on about the source (`in which ...`, `on May 3`), not the statement."""
    span = ctx.doc.char_span(a, b, alignment_mode="expand")
    first = next((t for t in span or () if not t.is_punct and not t.is_space), None)
    return first is not None and (first.pos_ == "ADP" or first.lower_ in ctx.lex.relatives)


def _reporting_phrase(tok: Token, sent: SpacySpan, ctx: Context) -> int | None:
    """Token index after `as reported by`, `as quoted by` when ``tok`` is the participle of one."""
    for phrase in ctx.lex.reporting_phrases:
        words = phrase.split()
        at = next((k for k, w in enumerate(words) if w in ctx.lex.say_forms), None)
        first = tok.i - (at or 0)
        if at is None or first < sent.start or first + len(words) >= sent.end:
            continue
        if all(sent.doc[first + k].lower_ == w for k, w in enumerate(words)):
            return first + len(words)
    return None


def _quote_after(ctx: Context, at: int) -> Quote | None:
    """The quote that opens right after a reporting phrase (`said — as reported by X — "..."`)."""
    near = ctx.quotes_near(at, at + 5)
    return next((q for q in near if q.open_mark is not None and 0 <= q.open_mark - at <= 4), None)


def find_preposition_attributions(ctx: Context, found: Sequence[Attribution]) -> list[Attribution]:
    """Every attribution whose cue is a preposition: `volgens X`, `..., aldus X`.
    ``found`` (what the constructions before this one found) is unused: `constructions.py` gives every finder one
    signature."""
    out: list[Attribution] = []
    for sent in ctx.sentences():
        for tok in sent:
            reporting = _reporting_phrase(tok, sent, ctx) if tok.lower_ in ctx.lex.say_forms else None
            if tok.lower_ not in ctx.lex.prepositions and reporting is None:
                continue
            if any(
                q.open_mark is not None and q.start <= tok.idx < q.end for q in ctx.quotes_near(tok.idx, tok.idx + 1)
            ):
                continue
            begin = reporting if reporting is not None else _source_start(tok, sent, ctx.lex)
            if begin is None:
                continue
            rng = noun_phrase_after(ctx.doc, begin, sent.end, ctx.lex, ctx.blocked_phrases)
            if rng is None:
                continue
            end = _parsed_end(ctx.doc[begin], rng[0])
            if end < rng[1] and ctx.doc[end].lower_ in ctx.lex.group_nouns:
                end += 1  # `volgens twee betrokkenen`: the parser hung the count apart from its noun
            rng = (rng[0], min(rng[1], end))
            src_a, src_b = trim(ctx.text, *char_span(ctx.doc[rng[0] : rng[1]]))
            brackets = _BRACKETS.match(ctx.text, src_b)  # `het Centraal Planbureau (CPB)`
            src_b = brackets.end() if brackets else src_b
            content_from = src_b + _relative_clause(ctx, src_b)
            cue = Span.of(ctx.text, tok.idx, tok.idx + len(tok))
            quote = _quote_before(ctx, tok)
            if reporting is not None:  # `said "...", as quoted by OUTLET`: the outlet's account of the quote
                quote = quote or _quote_after(ctx, src_b)
                if quote is not None:
                    inside = ctx.span(*trim(ctx.text, quote.start, quote.end))
                    out.append(Attribution("according_to", ctx.span(src_a, src_b), cue, (inside,)))
                    continue
            if quote is not None:  # `„...”, aldus X`: a direct quote, however many sentences it has
                inside = ctx.span(*trim(ctx.text, quote.start, quote.end))
                out.append(Attribution("direct", ctx.span(src_a, src_b), cue, (inside,)))
                continue
            content = _content(ctx, sent, tok.idx, content_from)
            if content:
                out.append(Attribution("according_to", ctx.span(src_a, src_b), cue, content))
    return out


def _relative_clause(ctx: Context, at: int) -> int:
    """Characters of `, die anoniem wilden blijven,` / `, who asked not to be named,` right after a source:
    its description, not the claim."""
    m = _RELATIVE.match(ctx.text, at)
    return m.end() - at if m and m.group(1).lower() in ctx.lex.relatives else 0


def _quote_before(ctx: Context, tok: Token) -> Quote | None:
    """The quote that closes right before the cue, but for a comma (`„...”, aldus X`, `"...," per X`)."""
    for q in ctx.quotes_near(tok.idx - 4, tok.idx):  # `between` is at most three characters
        if q.close_mark is not None and q.close_mark < tok.idx:
            between = ctx.text[q.close_mark + 1 : tok.idx]
            if len(between) <= 3 and not between.strip(" ,") and "," in ctx.text[q.close_mark - 1 : tok.idx]:
                return q
    return None
