"""The chain behind a claim (`op basis van een rapport van X`, `citing X`) and when it was said."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sayso.attribution._tokens import char_span, noun_phrase_after, trim
from sayso.attribution.lexicon import Lexicon
from sayso.records import Attribution, Span, TimeExpr

_DETERMINERS = re.compile(r"^(de|het|een|the|a|an)\s+", re.IGNORECASE)


def _sentence_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return 0, len(doc.text)
    return span.sent.start_char, span.sent.end_char


def _outside(spans: Sequence[Span], a: int, b: int) -> bool:
    return all(b <= s.start or a >= s.end for s in spans)


def _based_on(a: Attribution, doc: Doc, lex: Lexicon, times: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    if a.cue is None:
        return ()
    lo, hi = _sentence_bounds(doc, a.cue.start)
    text = doc.text
    low = text.lower()
    out: list[str] = []
    for phrase in lex.based_on:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", low[lo:hi]):
            start = lo + m.end()
            if not _outside(a.content, lo + m.start(), start):
                continue
            span = doc.char_span(start, hi, alignment_mode="expand")
            if span is None:
                continue
            first = next((t for t in span if not t.is_space and t.idx >= start), None)
            if first is None:
                continue
            rng = noun_phrase_after(doc, first.i, span.end, lex, times)
            if rng is None:
                continue
            tokens = doc[rng[0] : rng[1]]
            # `een rapport van X`: the document's author is the source
            for k, t in enumerate(tokens):
                if t.lower_ in lex.document_nouns and k + 1 < len(tokens) and tokens[k + 1].lower_ in ("van", "of", "from", "by"):
                    tokens = tokens[k + 2 :]
                    break
            if len(tokens):
                a_, b_ = trim(text, *char_span(tokens), quotes=True)
                name = _DETERMINERS.sub("", text[a_:b_])
                if name and name not in out:
                    out.append(name)
    return tuple(out)


def _said_at(a: Attribution, doc: Doc, times: Sequence[TimeExpr]) -> TimeExpr | None:
    if a.cue is None:
        return None
    lo, hi = _sentence_bounds(doc, a.cue.start)
    near = [t for t in times if lo <= t.start < hi and _outside(a.content, t.start, t.end) and t.kind != "duration"]
    return min(near, key=lambda t: abs(t.start - a.cue.start)) if near else None  # type: ignore[union-attr]


def add_chain_and_time(
    attributions: Sequence[Attribution], doc: Doc, lex: Lexicon, times: Sequence[TimeExpr]
) -> list[Attribution]:
    spans = tuple((t.start, t.end) for t in times)
    out = []
    for a in attributions:
        when = _said_at(a, doc, times)
        out.append(
            replace(
                a,
                based_on=_based_on(a, doc, lex, spans),
                said_at=when.value if when else None,
                said_at_span=Span(when.start, when.end, when.text) if when else None,
            )
        )
    return out
