"""Attributions to what a document shows: `Dat blijkt uit onderzoek van X`, `Uit een peiling blijkt dat ...`,
`Dat staat in het rapport`, `In de notulen staat dat ...` (the language's `evidence_verbs`: a verb form and
the preposition that introduces its source)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sayso.attribution._content import clause_end
from sayso.attribution._context import Context
from sayso.attribution._tokens import char_span, noun_phrase_after, trim
from sayso.records import Attribution, Span

REACH = 3  # tokens between the verb and its preposition (`blijkt ook uit`), or the sentence start and the verb


def _source(ctx: Context, start: int, sent: SpacySpan) -> Span | None:
    rng = noun_phrase_after(ctx.doc, start, sent.end, ctx.lex, ctx.blocked_phrases)
    if rng is None:
        return None
    a, b = trim(ctx.text, *char_span(ctx.doc[rng[0] : rng[1]]))
    return ctx.span(a, b) if b > a else None


def _backward(tok: Token, prep: str, ctx: Context, sent: SpacySpan) -> Attribution | None:
    """`Dat blijkt (ook) uit X.`: the content is the sentence before."""
    first = sent[0]
    if sent.start == 0 or first.lower_ not in ctx.lex.anaphoric or not 0 < tok.i - first.i <= REACH:
        return None
    after = [t for t in sent[tok.i - sent.start + 1 : tok.i - sent.start + 1 + REACH] if t.lower_ == prep]
    source = _source(ctx, after[0].i + 1, sent) if after else None
    if source is None:
        return None
    prev = ctx.doc[sent.start - 1].sent
    content = trim(ctx.text, prev.start_char, prev.end_char)
    cue = Span.of(ctx.text, tok.idx, tok.idx + len(tok))
    return Attribution("indirect", source, cue, (ctx.span(*content),))


def _forward(tok: Token, prep: str, ctx: Context, sent: SpacySpan) -> Attribution | None:
    """`Uit X blijkt dat Y`, `In X staat dat Y`: the source before the verb, the content after `dat`."""
    first = sent[0]
    if first.lower_ != prep or tok.i + 1 >= sent.end or ctx.doc[tok.i + 1].lower_ not in ctx.lex.complementizers:
        return None
    source = _source(ctx, first.i + 1, sent)
    start = tok.i + 2
    if source is None or start >= sent.end or source.end > tok.idx:
        return None
    a, b = trim(ctx.text, ctx.doc[start].idx, clause_end(start, tok, ctx, sent))
    if b <= a:
        return None
    cue = Span.of(ctx.text, tok.idx, tok.idx + len(tok))
    return Attribution("indirect", source, cue, (ctx.span(a, b),))


def find_evidence_attributions(ctx: Context, found: Sequence[Attribution]) -> list[Attribution]:
    """Every attribution to what a document shows.
    ``found`` (what the constructions before this one found) is unused: `constructions.py` gives every finder one
    signature."""
    out: list[Attribution] = []
    for sent in ctx.sentences():
        for tok in sent:
            prep = ctx.lex.evidence_verbs.get(tok.lower_)
            if prep is None:
                continue
            hit = _backward(tok, prep, ctx, sent) or _forward(tok, prep, ctx, sent)
            if hit is not None:
                out.append(hit)
    return out
