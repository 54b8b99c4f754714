"""Attribution: who says what, through which word, on whose authority, and when.

``find_attributions`` runs the finders in the order of ``constructions.CONSTRUCTIONS`` —
verbs of saying, prepositions, non-responses, evidence, then quotes that none of them
covers — and resolves speakers, chains and times. Headlines and page furniture are never mined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from sayso._intervals import SpanSet
from sayso.attribution._context import Context
from sayso.attribution._tokens import text_of
from sayso.attribution.chain import add_chains, add_sources_and_time
from sayso.attribution.constructions import CONSTRUCTIONS
from sayso.attribution.lexicon import lexicon
from sayso.attribution.nesting import untangle
from sayso.attribution.quotes import find_quotes
from sayso.attribution.relay import share_relayed_content
from sayso.attribution.speakers import refuse_mute_sources, resolve_speakers
from sayso.records import Attribution, Entity, Quantity, Span, TimeExpr

__all__ = ["find_attributions", "find_headlines", "find_quotes"]

_PARAGRAPH = re.compile(r"[^\n]+")
HEADLINE_MAX_WORDS = 30
SUBHEAD_MAX_WORDS = 12


def find_headlines(text: str) -> list[tuple[int, int]]:
    """The title line and the subheads: one-line paragraphs that are no sentences."""
    out = []
    for n, m in enumerate(_PARAGRAPH.finditer(text)):
        line = m.group().strip()
        if not line:
            continue
        words = len(line.split())
        ends_like_sentence = line[-1] in '.!:”"’»'
        title = n == 0 and words <= HEADLINE_MAX_WORDS and not line.endswith(".")  # a lead sentence is no title
        if (title and "\n\n" in text[m.end() : m.end() + 3]) or (
            words <= SUBHEAD_MAX_WORDS and not ends_like_sentence and line[-1] != ","
        ):
            out.append((m.start(), m.end()))
    return out


_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ .'’/-]{2,}(?:,\s*[\w .]+?)?"
    r"(?:\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?)?(?:\s*\([^()\n]{1,40}\))?"
    r"|(?:[A-ZÀ-Þ][\w.'’/-]*(?:[ ,]+[A-ZÀ-Þ][\w.'’/-]*){0,3}\s*)?\([A-Z][^()\n]{0,30}\))\s+(?:--|[—–-])\s+",
    re.MULTILINE,
)  # `BRUSSEL 17/03 (BELGA) - `: a date in figures after the place, too; `Tyre, Lebanon (AFP) - `,
# `(Bloomberg) -- `: a place in capitals and lower case, or none, before the agency in brackets


def find_datelines(text: str) -> list[tuple[int, int]]:
    """`LONDON — ...`, `DEN HAAG (ANP) - ...`, `KYIV, June 12 (Reuters) - ...`: where and by whom a report
    was filed; never a speaker, never part of a content."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


def _dedupe(found: Sequence[Attribution]) -> list[Attribution]:
    """One attribution per cue, and one cue per content: of two cues that reached the same content
    (`kondigde de introductie aan ..., door te zeggen dat "..."`), the one nearest to it. In order."""
    by_cue: dict[tuple[int, int], Attribution] = {}
    for a in found:
        by_cue.setdefault((a.cue.start, a.cue.end) if a.cue else (a.content[0].start, a.content[0].end), a)
    unique = list(by_cue.values())
    nearest: dict[tuple[bool, tuple[tuple[int, int], ...]], Attribution] = {}
    for a in unique:
        content = _content_key(a)
        if content[1] and (content not in nearest or _gap(a) < _gap(nearest[content])):
            nearest[content] = a
    return [a for a in unique if not a.content or nearest[_content_key(a)] is a]


def _content_key(a: Attribution) -> tuple[bool, tuple[tuple[int, int], ...]]:
    """A content and whether an `according to` names its source: `X said "...", according to OUTLET` is two
    attributions of one content (the speaker's, and the outlet's that reports it)."""
    return a.kind == "according_to", tuple((s.start, s.end) for s in a.content)


def _gap(a: Attribution) -> int:
    """Characters between the cue and the nearest edge of the content."""
    if a.cue is None:
        return 0
    return min(a.cue.start - s.end if a.cue.start >= s.end else max(s.start - a.cue.end, 0) for s in a.content)


def find_attributions(
    doc: Doc,
    *,
    language: str,
    entities: Sequence[Entity] = (),
    times: Sequence[TimeExpr] = (),
    quantities: Sequence[Quantity] = (),
    boilerplate: Sequence[Span] = (),
) -> list[Attribution]:
    """Every attribution in ``doc``, with speakers resolved, in text order."""
    blocked = SpanSet(sorted([*find_headlines(text_of(doc)), *((s.start, s.end) for s in boilerplate)]))
    datelines = find_datelines(text_of(doc))
    ctx = Context(
        doc=doc,
        lex=lexicon(language),
        quotes=tuple(find_quotes(text_of(doc))),
        blocked=blocked,
        blocked_phrases=SpanSet(
            sorted([*((t.start, t.end) for t in times), *((q.start, q.end) for q in quantities), *datelines])
        ),
        datelines=tuple(datelines),
    )
    found: list[Attribution] = []
    for construction in CONSTRUCTIONS:
        if construction.after_dedupe:
            found = _dedupe(found)
        found += construction.find(ctx, found)
    outlets = frozenset((*ctx.lex.outlet_words, *ctx.lex.outlet_names))
    found = untangle(found, text_of(doc))
    found = share_relayed_content(found, text_of(doc), ctx.lex.complementizers, outlets)
    found = add_sources_and_time(found, doc, ctx.lex, times, ctx.blocked_phrases)
    found = refuse_mute_sources(found, doc, ctx.lex)
    found = resolve_speakers(found, doc, entities, ctx.lex)
    return add_chains(found, doc, ctx.lex, ctx.blocked_phrases)
