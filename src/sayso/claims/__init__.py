"""Claims: every attributed content and every assertion of the article itself, each with
who vouches for it, how sure, and the numbers and dates inside it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import TypeVar

from sayso._intervals import Intervals
from sayso.certainty import assess_certainty, polarity
from sayso.records import Attribution, Claim, Quantity, Span, TimeExpr

__all__ = ["build_claims"]


Item = TypeVar("Item", Quantity, TimeExpr)


def _within(items: Intervals[tuple[int, Item]], spans: Sequence[Span]) -> tuple[Item, ...]:
    """The items that lie inside one of ``spans``, in their order."""
    found = {k: x for s in spans for k, x in items.within(s.start, s.end)}
    return tuple(found[k] for k in sorted(found))


def _numbered(items: Sequence[Item]) -> Intervals[tuple[int, Item]]:
    return Intervals(list(enumerate(items)), bounds=lambda kx: (kx[1].start, kx[1].end))


class _Sentences:
    """The article's sentences, found by offset when they are in text order (none inside another)."""

    def __init__(self, sentences: Sequence[tuple[int, int]]) -> None:
        self.sentences = sentences
        self.starts, self.ends = [a for a, _ in sentences], [b for _, b in sentences]
        self.ordered = all(x <= y for x, y in pairwise(self.starts)) and all(x <= y for x, y in pairwise(self.ends))

    def touched(self, parts: Sequence[Span]) -> tuple[int, int] | None:
        """The first and last sentence that ``parts`` overlap."""
        if not self.ordered:
            overlap = [k for k, (a, b) in enumerate(self.sentences) if any(a < s.end and s.start < b for s in parts)]
            return (overlap[0], overlap[-1]) if overlap else None
        ranges = [(bisect_right(self.ends, s.start), bisect_left(self.starts, s.end)) for s in parts]
        ranges = [(i, j) for i, j in ranges if i < j]
        return (min(i for i, _ in ranges), max(j for _, j in ranges) - 1) if ranges else None


CONTEXT_CHARS = 1_000  # a news sentence is far shorter; a transcript's run-on "sentence" is not


def _context(text: str, parts: Sequence[Span], sentences: _Sentences) -> Span | None:
    """From the first to the last sentence that ``parts`` touch: the passage the claim was made in. A passage
    longer than ``CONTEXT_CHARS`` (a text without sentence ends) shrinks to the parts themselves, so that
    the output does not repeat a long passage once for every claim in it."""
    touched = sentences.touched(parts)
    if touched is None:
        return None
    start, end = sentences.starts[touched[0]], sentences.ends[touched[1]]
    if end - start > CONTEXT_CHARS:
        start, end = max(start, min(p.start for p in parts)), min(end, max(p.end for p in parts))
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


_CLOSING_MARKS = "'\"’”»"
_CUT_EDGE = " \t\n,;:"


def _parts(text: str, content: Sequence[Span], breaks: Sequence[tuple[int, int]]) -> list[tuple[Span, ...]]:
    """``content`` cut at each of ``breaks`` inside it (``propositions.proposition_breaks``: where a part
    ends, where the next starts): one group of spans a proposition, commas and spaces at the cuts left out."""
    groups: list[list[Span]] = [[]]
    for span in content:
        start = span.start
        for cut, resume in ((a, b) for a, b in breaks if span.start < a and b < span.end and start <= a):
            end = cut
            while end > start and text[end - 1] in _CUT_EDGE:
                end -= 1
            if end > start:
                groups[-1].append(Span.of(text, start, end))
            groups.append([])
            start = resume
            while start < span.end and text[start] in _CUT_EDGE:
                start += 1
        if start < span.end:
            groups[-1].append(Span.of(text, start, span.end))
    return [tuple(g) for g in groups if g]


def _outermost(claims: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """Attributed claims without those inside a claim of the same speaker (`Telvora says it sees no indication
    of a leak`: `sees` has its content too; `he could not confirm that X`: `confirm` too): the speaker says
    the inner words once, as part of the outer claim, which also keeps how (sees, could not confirm). Of two
    claims with the same words, the first stays."""
    covered: set[int] = set()
    by_speaker: dict[str, list[tuple[Span, int]]] = {}
    for k, (_, claim) in enumerate(claims):
        if claim.speaker is not None:
            by_speaker.setdefault(claim.speaker, []).extend((s, k) for s in claim.content)
    for spans in by_speaker.values():
        inside: dict[int, int] = {}  # claim -> how many of its spans lie inside a span of another claim
        best, second = (-1, -1), (-1, -1)  # (end, claim): the furthest end so far, and of another claim
        for span, k in sorted(spans, key=lambda sk: (sk[0].start, -sk[0].end, sk[1])):
            if any(end >= span.end and owner not in (k, -1) for end, owner in (best, second)):
                inside[k] = inside.get(k, 0) + 1
            if k == best[1]:
                best = (max(best[0], span.end), k)
            elif span.end > best[0]:
                best, second = (span.end, k), best
            elif span.end > second[0]:
                second = (span.end, k)
        covered.update(k for k, n in inside.items() if n == len(claims[k][1].content))
    return [c for k, c in enumerate(claims) if k not in covered]


def _headline_statement(text: str, a: Attribution, headline: tuple[int, int]) -> tuple[Span, ...]:
    """The words of a headline that state ``a``, its speaker included (`Bond: ruimer heeft vogelgriep`): a
    headline is no attribution, its claim is what it says, now with who says it."""
    spans = [s for s in (a.source, a.cue, *a.content) if s is not None]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    while end < headline[1] and text[end] in _CLOSING_MARKS:
        end += 1
    return (Span.of(text, start, end),)


def build_claims(
    text: str,
    *,
    language: str,
    attributions: Sequence[Attribution],
    quantities: Sequence[Quantity],
    times: Sequence[TimeExpr],
    sentences: Sequence[tuple[int, int]],
    blocked: Sequence[tuple[int, int]] = (),
    headline: tuple[int, int] | None = None,
    headline_attributions: Sequence[Attribution] = (),
    breaks: Sequence[tuple[int, int]] = (),
    headline_breaks: Sequence[tuple[int, int]] = (),
) -> tuple[Claim, ...]:
    """Claims in text order: attributed ones carry their speaker; the article's own carry none. A headline is
    one claim, or one claim for each statement it ascribes to a speaker (``headline_attributions``:
    `Bond: ...; minister: ...`), each its own words with that speaker. An attributed content with one of
    ``breaks`` inside is one claim for each proposition it states (``propositions.proposition_breaks``), and so
    is a headline with ``headline_breaks`` (``propositions.headline_breaks``)."""
    claims: list[tuple[int, Claim]] = []
    said = Intervals([c for a in attributions for c in a.content])
    numbers, dates = _numbered(quantities), _numbered(times)
    indexed = _Sentences(sentences)
    for a in attributions:
        if not a.content:
            continue
        context = _context(text, [*a.content, *(s for s in (a.source, a.cue) if s is not None)], indexed)
        parts = _parts(text, a.content, breaks)
        stated = a.certainty or "certain"
        # the content's own words made its certainty (`reports ... were false, and residents were warned`): each
        # part has its own; the cue made it (`denies that A and B`): every part has it
        own = len(parts) > 1 and assess_certainty(text, a.content, language=language).label == stated
        for part in parts:
            claims.append(
                (
                    part[0].start,
                    Claim(
                        content=part,
                        speaker=a.speaker,
                        kind=a.kind,
                        certainty=assess_certainty(text, part, language=language).label if own else stated,
                        polarity=polarity(text, part, language=language),
                        quantities=_within(numbers, part),
                        times=_within(dates, part),
                        said_at=a.said_at,
                        context=context,
                    ),
                )
            )
    claims = _outermost(claims)
    if headline is not None:  # the headline's claim, often a question (`Troops killed in Ukraine?`)
        whole = Span.of(text, *headline)
        quoted = [(_headline_statement(text, a, headline), a.speaker) for a in headline_attributions if a.content] or [
            ((whole,), None)
        ]
        for statement, speaker in quoted:
            for span in _parts(text, statement, headline_breaks):
                claims.append(
                    (
                        span[0].start,
                        Claim(
                            content=span,
                            speaker=speaker,
                            kind="headline",
                            certainty=assess_certainty(text, span, language=language).label,
                            polarity=polarity(text, span, language=language),
                            quantities=_within(numbers, span),
                            times=_within(dates, span),
                            context=whole,
                        ),
                    )
                )
    cues = Intervals([s for a in attributions for s in (a.cue, a.source) if s is not None])
    furniture = Intervals(blocked, bounds=lambda b: b)
    for start, end in sentences:
        if said.any_overlapping(start, end) or cues.any_overlapping(start, end):
            continue
        if furniture.any_overlapping(start, start + 1) or not any(c.isalpha() for c in text[start:end]):
            continue
        span = (Span.of(text, start, end),)
        certainty = assess_certainty(text, span, language=language)
        claims.append(
            (
                start,
                Claim(
                    content=span,
                    speaker=None,
                    kind="assertion",
                    certainty=certainty.label,
                    polarity=polarity(text, span, language=language),
                    quantities=_within(numbers, span),
                    times=_within(dates, span),
                    context=span[0],
                ),
            )
        )
    return tuple(c for _, c in sorted(claims, key=lambda pair: pair[0]))
