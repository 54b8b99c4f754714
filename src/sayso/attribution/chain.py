"""The chain behind a claim and when it was said.

``based_on``: the sources a speaker relies on (`op basis van een rapport van X`,
`citing X`, `op gezag van X`). ``chain``: the whole path from the outlet that
printed or was told the claim (`X told The Guardian`, `meldden aan de Britse
krant`), through the speaker, to the sources cited; the last link is the origin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sayso._intervals import Intervals
from sayso.attribution._tokens import char_span, lower_text_of, noun_phrase_after, text_of, trim
from sayso.attribution.lexicon import Lexicon, leading_words
from sayso.records import Attribution, ChainLink, Span, TimeExpr


def _sentence_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return 0, len(text_of(doc))
    return span.sent.start_char, span.sent.end_char


def _outside(spans: Sequence[Span], a: int, b: int) -> bool:
    return all(b <= s.start or a >= s.end for s in spans)


def _named_phrase(doc: Doc, start: int, hi: int, lex: Lexicon, blocked: Sequence[tuple[int, int]]) -> Span | None:
    """The noun phrase that starts at character ``start``; a document's author stands for the document."""
    span = doc.char_span(start, hi, alignment_mode="expand")
    first = next((t for t in span if not t.is_space and t.idx >= start), None) if span is not None else None
    if first is None or span is None:
        return None
    if first.like_num:  # `op gezag van drie ingewijden`: a counted group, though its number is a quantity
        blocked = [(a, b) for a, b in blocked if not a <= first.idx < b]
    rng = noun_phrase_after(doc, first.i, span.end, lex, blocked)
    if rng is None:
        return None
    last = doc[rng[1] - 1]
    if last.lower_ in lex.document_nouns and rng[1] < span.end and doc[rng[1]].lower_ in lex.author_links:
        author = noun_phrase_after(doc, rng[1] + 1, span.end, lex, blocked)  # `a report by the firm X`
        if author is not None:
            rng = (rng[0], author[1])
    tokens = doc[rng[0] : rng[1]]
    for k, t in enumerate(tokens):  # `een rapport van X`: X is the source
        if t.lower_ in lex.document_nouns and k + 1 < len(tokens) and tokens[k + 1].lower_ in lex.author_links:
            tokens = tokens[k + 2 :]
            break
    if not len(tokens):
        return None
    a, b = trim(text_of(doc), *char_span(tokens), quotes=True)
    m = leading_words(lex.name_determiners).match(text_of(doc)[a:b])
    a = a + m.end() if m else a
    return Span.of(text_of(doc), a, b) if b > a else None


def _cited(a: Attribution, doc: Doc, lex: Lexicon, blocked: Sequence[tuple[int, int]]) -> list[Span]:
    if a.cue is None:
        return []
    lo, hi = _sentence_bounds(doc, a.cue.start)
    low = lower_text_of(doc)
    out: list[Span] = []
    for phrase in lex.based_on:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", low[lo:hi]):
            start = lo + m.end()
            if not _outside(a.content, lo + m.start(), start):
                continue
            span = _named_phrase(doc, start, hi, lex, blocked)
            if span is not None and _names_someone(span.text, lex) and all(span.text != s.text for s in out):
                out.append(span)
    return out


def _names_someone(phrase: str, lex: Lexicon) -> bool:
    """A cited phrase names a source unless it is a document or a thing with no name in it (`op basis van een
    voorlopige telling`): the speaker made that count, and stays the origin."""
    head = phrase.lower().split()[-1] if phrase.split() else ""
    thing = head in lex.document_nouns or head in lex.non_speakers
    return not thing or any(w[:1].isupper() for w in phrase.split())


def _told_outlet(a: Attribution, doc: Doc, lex: Lexicon, blocked: Sequence[tuple[int, int]]) -> Span | None:
    """`told The Guardian`, `meldden aan de Britse krant`: the outlet the speaker talked to."""
    if a.cue is None:
        return None
    _lo, hi = _sentence_bounds(doc, a.cue.start)
    after = doc.char_span(a.cue.end, hi, alignment_mode="expand")
    if after is None:
        return None
    for tok in after[:8]:
        if not _outside(a.content, tok.idx, tok.idx + len(tok)):
            break
        addressee = (
            tok.i == after.start and a.cue.text.lower() in lex.addressee_verbs
        ) or tok.lower_ in lex.addressee_prepositions
        if not addressee:
            continue
        start = tok.idx if tok.i == after.start and tok.lower_ not in lex.addressee_prepositions else tok.idx + len(tok)
        phrase = _named_phrase(doc, start, hi, lex, blocked)
        if phrase is not None and _is_outlet(phrase.text, lex) and _outside(a.content, phrase.start, phrase.end):
            return phrase
    return None


def _is_outlet(name: str, lex: Lexicon) -> bool:
    low = f" {name.lower()} "
    return any(f" {w} " in low for w in (*lex.outlet_words, *lex.outlet_names))


def _is_description(name: str, lex: Lexicon) -> bool:
    """`de Britse krant`, `the newspaper`: an outlet named by what it is, not by its name."""
    low = f" {name.lower()} "
    return any(f" {w} " in low for w in lex.outlet_words)


def _other_clause(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` (between a time and a cue) crosses into another clause: `, maar volgens ...`."""
    low = text.lower()
    return any(f", {w} " in low for w in lex.clause_openers)


def _said_at(
    a: Attribution,
    doc: Doc,
    times: Intervals[TimeExpr],
    said: Intervals[Span] | None = None,
    lex: Lexicon | None = None,
) -> TimeExpr | None:
    """The time nearest the cue in its sentence, outside every attribution's content (``said``); never a
    duration or a frequency (`in zijn dagelijkse analyse`)."""
    if a.cue is None:
        return None
    lo, hi = _sentence_bounds(doc, a.cue.start)
    near = [
        t
        for t in times.starting(lo, hi)
        if _outside(a.content, t.start, t.end)
        and not (said is not None and said.any_overlapping(t.start, t.end))
        and t.kind not in ("duration", "set")
    ]
    text = text_of(doc)
    if lex is not None:  # a time in another clause of the sentence says when that clause happened
        near = [t for t in near if not _other_clause(text[min(t.end, a.cue.start) : max(t.start, a.cue.end)], lex)]
    if a.source is not None:  # `The founder, who started it in 2014, said`: that time describes the source
        near = [t for t in near if not a.source.start <= t.start < a.source.end]
        if a.source.end <= a.cue.start and text[a.source.end : a.cue.start].lstrip().startswith(","):
            near = [t for t in near if not a.source.end <= t.start < a.cue.start]
    if a.content:  # a time beyond the content, on the far side from the cue, belongs to what follows it
        first, last = min(s.start for s in a.content), max(s.end for s in a.content)
        if first >= a.cue.end:
            near = [t for t in near if t.start < last]
        elif last <= a.cue.start:
            near = [t for t in near if t.end > first]
    return min(near, key=lambda t: abs(t.start - a.cue.start)) if near else None  # type: ignore[union-attr]


def add_sources_and_time(
    attributions: Sequence[Attribution],
    doc: Doc,
    lex: Lexicon,
    times: Sequence[TimeExpr],
    blocked: Sequence[tuple[int, int]],
) -> list[Attribution]:
    """Each attribution with ``based_on`` (the names it cites) and ``said_at``."""
    out = []
    said = Intervals([s for a in attributions for s in a.content])
    indexed = Intervals(times)
    for a in attributions:
        when = _said_at(a, doc, indexed, said, lex)
        out.append(
            replace(
                a,
                based_on=tuple(s.text for s in _cited(a, doc, lex, blocked)),
                said_at=when.value if when else None,
                said_at_span=Span(when.start, when.end, when.text) if when else None,
            )
        )
    return out


def add_chains(
    attributions: Sequence[Attribution], doc: Doc, lex: Lexicon, blocked: Sequence[tuple[int, int]]
) -> list[Attribution]:
    """Each attribution (speakers resolved) with its chain: outlet -> speaker -> cited sources.
    An outlet described without a name (`de Britse krant`) is the last outlet named before."""
    out: list[Attribution] = []
    last_outlet: str | None = None
    for a in attributions:
        links: list[ChainLink] = []
        outlet = _told_outlet(a, doc, lex, blocked)
        if outlet is not None:
            described = _is_description(outlet.text, lex) and last_outlet is not None
            links.append(ChainLink(last_outlet if described else outlet.text, "outlet", outlet))  # type: ignore[arg-type]
        if a.speaker:
            links.append(ChainLink(a.speaker, "speaker", a.source))
        links += [ChainLink(s.text, "cited", s) for s in _cited(a, doc, lex, blocked)]
        if a.speaker_type == "news outlet" and a.speaker:
            last_outlet = a.speaker
        elif outlet is not None:
            last_outlet = links[0].name
        out.append(replace(a, chain=tuple(links)))
    return out
