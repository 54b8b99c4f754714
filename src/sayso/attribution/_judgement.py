"""Judging verbs: `X called the report "a fantasy"`, `X achtte het bericht aannemelijk`,
`X noemde het besluit onverantwoord`, `X dismissed the account as baseless`.

A judgement of a claim or report is an `evaluation` whose content is the judgement;
a judgement of anything else (a decision, a person) is `indirect`, with the object and
the judgement as content (GUIDELINES.md, Attributions).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sayso.attribution._content import clause_end
from sayso.attribution._context import Context
from sayso.attribution._tokens import QUOTE_CHARS, inside, noun_phrase_after, trim

VERB_FINAL_REACH = 4  # tokens before a clause-final judging verb where its judgement stands


@dataclass(frozen=True, slots=True)
class Judgement:
    kind: str  # evaluation or indirect
    content: tuple[int, int]
    certainty: str | None


def _certainty(ctx: Context, a: int, b: int) -> str | None:
    words = ctx.text[a:b].lower().split()
    return next((ctx.lex.evaluative_words[w] for w in words if w in ctx.lex.evaluative_words), None)


def _about_a_claim(ctx: Context, tokens: SpacySpan) -> bool:
    return any(t.lower_ in ctx.lex.claim_nouns for t in tokens) or (
        len(tokens) == 1 and tokens[0].lower_ in ctx.lex.anaphoric
    )


def _inverted_subject(tok: Token, ctx: Context, rng: tuple[int, int]) -> bool:
    """Whether the phrase right after a judging verb is its subject (verb-second order), not its object."""
    if not ctx.lex.subject_after_cue:
        return False
    words = ctx.doc[rng[0] : rng[1]]
    return rng[1] - rng[0] == 1 and (
        words[0].lower_ in ctx.lex.subject_pronouns or words[0].lower_ in ctx.lex.group_nouns
    )


def _after(tok: Token, ctx: Context, sent: SpacySpan) -> Judgement | None:
    """`called OBJECT (as) JUDGEMENT`: the object right after the verb, the judgement after it."""
    parsed = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.i > tok.i]
    k0 = tok.i + 1
    if k0 + 1 < sent.end and ctx.doc[k0].lower_ in ctx.lex.anaphoric and ctx.doc[k0 + 1].lower_ in ctx.lex.claim_nouns:
        parsed = [ctx.doc[k0 + 1]]  # `noemde dat bericht „een verzinsel”`: `dat` is a demonstrative here
    if parsed:
        rng: tuple[int, int] | None = (tok.i + 1, parsed[0].right_edge.i + 1)
    else:
        rng = noun_phrase_after(ctx.doc, tok.i + 1, sent.end, ctx.lex, ctx.blocked_phrases)
        while rng is not None and rng[1] - rng[0] > 1 and ctx.doc[rng[1] - 1].pos_ == "ADJ":
            rng = (rng[0], rng[1] - 1)  # `noemde het besluit onverantwoord`: the adjective is the judgement
    if rng is not None and rng[1] < sent.end and ctx.doc[rng[1]].lower_ in ctx.lex.claim_nouns:
        if all(t.lower_ in ctx.lex.articles or t.lower_ in ctx.lex.placeholders for t in ctx.doc[rng[0] : rng[1]]):
            rng = (rng[0], rng[1] + 1)  # `achtte het bericht aannemelijk`, `bericht` mistagged a verb
    if rng is not None:  # `noemde de berichten onzin`, `de berichten „propaganda”`: the object ends at its claim noun
        noun = next((i for i in range(rng[0], rng[1] - 1) if ctx.doc[i].lower_ in ctx.lex.claim_nouns), None)
        rng = (rng[0], noun + 1) if noun is not None else rng
    if rng is not None and _inverted_subject(tok, ctx, rng):  # `Toch achten analisten het bericht aannemelijk`
        rng = noun_phrase_after(ctx.doc, rng[1], sent.end, ctx.lex, ctx.blocked_phrases)
    if rng is None or rng[1] >= sent.end:
        return None
    obj = ctx.doc[rng[0] : rng[1]]
    k = rng[1]
    if ctx.doc[k].lower_ in ctx.lex.judgement_links:
        k += 1
    if k >= sent.end or ctx.doc[k].text in ".,;":
        return None
    while k < sent.end and inside(ctx.doc[k].idx, ctx.blocked_phrases) and not ctx.doc[k].like_num:
        k += 1  # `noemde het plan dinsdag „onzin”`: past the time to the judgement
    if k >= sent.end or ctx.doc[k].text in ".,;":
        return None  # `dismissed its chief executive on Monday`: a sacking, no judgement follows
    at = ctx.doc[k].idx
    quote = next((q for q in ctx.quotes_near(at, at + 1) if q.open_mark == at and q.close_mark is not None), None)
    if quote is not None:  # `rejected the claim as "completely untrue" in an interview`: the quoted judgement
        a, b = quote.start, quote.end
    else:
        a, b = trim(ctx.text, ctx.doc[k].idx, clause_end(k, tok, ctx, sent), quotes=True)
    if b <= a:
        return None
    if _about_a_claim(ctx, obj):
        return Judgement("evaluation", (a, b), _certainty(ctx, a, b))
    end = clause_end(k, tok, ctx, sent)
    if quote is not None and quote.close_mark is not None and ctx.text[quote.close_mark - 1] in ".!?":
        end = min(end, quote.close_mark + 1)  # `noemde X „Y.” Daarna ...`: a quote closing a sentence ends it
    a2, b2 = trim(ctx.text, obj.start_char, end)
    return Judgement("indirect", (a2, b2), None)


def _before(tok: Token, ctx: Context, sent: SpacySpan) -> Judgement | None:
    """`dat X „aannemelijk” achtte`: a clause-final verb with its judgement right before it."""
    for t in reversed(sent[max(0, tok.i - sent.start - VERB_FINAL_REACH) : tok.i - sent.start]):
        if t.text in QUOTE_CHARS:
            continue
        if t.lower_ in ctx.lex.evaluative_words or t.pos_ == "ADJ":
            quote_before = t.i > 0 and ctx.doc[t.i - 1].text in QUOTE_CHARS
            if t.lower_ in ctx.lex.evaluative_words or quote_before:
                return Judgement("evaluation", (t.idx, t.idx + len(t)), _certainty(ctx, t.idx, t.idx + len(t)))
        return None
    return None


def judge(tok: Token, ctx: Context, sent: SpacySpan) -> Judgement | None:
    """The judgement a judging verb makes, or None when it makes none here."""
    return _after(tok, ctx, sent) or _before(tok, ctx, sent)
