"""Non-responses: `heeft niet gereageerd`, `declined to comment`, `could not be reached`."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sayso.attribution._content import complement
from sayso.attribution._context import Context
from sayso.attribution._sources import find_source
from sayso.attribution._tokens import char_span, subjects_of, subtree_range, trim
from sayso.records import Attribution, Span

NEGATION_WINDOW = 12  # tokens before the cue in which its negation may stand
SAY_NEGATION_WINDOW = 4  # the same for a cue that is also a verb of saying (`wilde het niet bevestigen`)


def negated(tok: Token, ctx: Context, sent: SpacySpan) -> bool:
    """Whether the non-response cue ``tok`` is negated (`heeft niet gereageerd`, `wilde dat niet bevestigen`).
    A cue that is also a verb of saying (`bevestigen`, `confirm`) needs its negation close by."""
    if tok.lower_ in ctx.lex.say_forms:
        near = []
        for t in reversed(sent[max(0, tok.i - SAY_NEGATION_WINDOW - sent.start) : tok.i - sent.start]):
            if t.is_punct:
                break  # `Die melding is er nooit gekomen, bevestigt X`: that negation is the content's
            near.append(t.lower_)
        reach = SAY_NEGATION_WINDOW if ctx.lex.subject_after_cue else 0  # only V2 puts it after: `zei het niet`
        for t in sent[tok.i - sent.start + 1 : tok.i - sent.start + 1 + reach]:
            if t.lower_ in ctx.lex.complementizers or t.is_punct:
                break  # `bevestigde dat er niet ...`: that negation is the content's
            if t.pos_ in ("ADV", "PART"):
                near.append(t.lower_)  # `bevestigde het bericht niet`; not `confirmed no deaths`
        return any(n in near for n in ctx.lex.negations)
    if tok.lower_ in ctx.lex.no_negation_needed:
        objects = ctx.lex.no_response_objects.get(tok.lower_)
        if not objects:
            return True
        after = [t.lower_ for t in sent if tok.i < t.i <= tok.i + 3]
        return any(w in objects for w in after)
    before = [t.lower_ for t in sent if tok.i - NEGATION_WINDOW <= t.i < tok.i]
    after = [t.lower_ for t in sent if tok.i < t.i <= tok.i + 2]
    return any(n in before or n in after for n in ctx.lex.negations)


def _not_reached(tok: Token, ctx: Context) -> tuple[int, int] | None:
    """`Smith could not be reached`, `X kon niet worden bereikt`: the passive subject is who did not respond."""
    subject = next((c for c in tok.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
    if subject is None:  # `The mayor was not available for comment`: the subject of the clause the cue is in
        root = tok.sent.root
        subject = next((c for c in subjects_of(root, tok.sent) if c.i < tok.i), None) if root.i < tok.i else None
    if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    left, right = subtree_range(subject, stop_at=subject.head.i)
    return trim(ctx.text, *char_span(ctx.doc[left:right]))


def _withheld(tok: Token, ctx: Context, sent: SpacySpan) -> tuple[int, int] | None:
    """`wilde niet zeggen of hij ontslagen was`, `declined to say whether ...`: the question left unanswered,
    a clause opening right after the cue."""
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < sent.end else None
    if nxt is None or nxt.lower_ not in ctx.lex.complementizers:
        return None
    return complement(tok, ctx, sent)


def find_no_responses(ctx: Context, found: Sequence[Attribution]) -> list[Attribution]:
    """Every non-response (`heeft niet gereageerd`, `declined to comment`), one a sentence at most.
    ``found`` (what the constructions before this one found) is unused: `constructions.py` gives every finder one
    signature."""
    out: list[Attribution] = []
    for sent in ctx.sentences():
        for tok in sent:
            if tok.lower_ not in ctx.lex.no_response_cues or not negated(tok, ctx, sent):
                continue
            if any(
                q.open_mark is not None and q.start <= tok.idx < q.end for q in ctx.quotes_near(tok.idx, tok.idx + 1)
            ):
                continue
            cue = Span.of(ctx.text, tok.idx, tok.idx + len(tok))
            content = _withheld(tok, ctx, sent)
            source = find_source(tok, ctx, sent, content) or _not_reached(tok, ctx)
            pieces = (ctx.span(*content),) if content is not None else ()
            out.append(Attribution("no_response", source and ctx.span(*source), cue, pieces))
            break  # one non-response a sentence
    return out
