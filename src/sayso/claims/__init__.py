"""Claims: every attributed content and every assertion of the article itself, each with
who vouches for it, how sure, and the numbers and dates inside it."""

from __future__ import annotations

from collections.abc import Sequence

from sayso.certainty import assess_certainty, polarity
from sayso.records import Attribution, Claim, Quantity, Span, TimeExpr

__all__ = ["build_claims"]


def _within(item: Quantity | TimeExpr, spans: Sequence[Span]) -> bool:
    return any(s.start <= item.start and item.end <= s.end for s in spans)


def _overlaps(a: tuple[int, int], spans: Sequence[Span]) -> bool:
    return any(a[0] < s.end and s.start < a[1] for s in spans)


def _context(text: str, parts: Sequence[Span], sentences: Sequence[tuple[int, int]]) -> Span | None:
    """From the first to the last sentence that ``parts`` touch: the passage the claim was made in."""
    touched = [(start, end) for start, end in sentences if _overlaps((start, end), parts)]
    if not touched:
        return None
    start, end = touched[0][0], touched[-1][1]
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


_CLOSING_MARKS = "'\"’”»"


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
) -> tuple[Claim, ...]:
    """Claims in text order: attributed ones carry their speaker; the article's own carry none. A headline is
    one claim, or one claim for each statement it ascribes to a speaker (``headline_attributions``:
    `Bond: ...; minister: ...`), each its own words with that speaker."""
    claims: list[tuple[int, Claim]] = []
    said = [c for a in attributions for c in a.content]
    for a in attributions:
        if not a.content:
            continue
        claims.append(
            (
                a.content[0].start,
                Claim(
                    content=a.content,
                    speaker=a.speaker,
                    kind=a.kind,
                    certainty=a.certainty or "certain",
                    polarity=polarity(text, a.content, language=language),
                    quantities=tuple(q for q in quantities if _within(q, a.content)),
                    times=tuple(t for t in times if _within(t, a.content)),
                    said_at=a.said_at,
                    context=_context(text, [*a.content, *(s for s in (a.source, a.cue) if s is not None)], sentences),
                ),
            )
        )
    if headline is not None:  # the headline's claim, often a question (`Troops killed in Ukraine?`)
        whole = Span.of(text, *headline)
        quoted = [(_headline_statement(text, a, headline), a.speaker) for a in headline_attributions if a.content] or [
            ((whole,), None)
        ]
        for span, speaker in quoted:
            claims.append(
                (
                    span[0].start,
                    Claim(
                        content=span,
                        speaker=speaker,
                        kind="headline",
                        certainty=assess_certainty(text, span, language=language).label,
                        polarity=polarity(text, span, language=language),
                        quantities=tuple(q for q in quantities if _within(q, span)),
                        times=tuple(t for t in times if _within(t, span)),
                        context=whole,
                    ),
                )
            )
    cues = [s for a in attributions for s in (a.cue, a.source) if s is not None]
    for start, end in sentences:
        if _overlaps((start, end), said) or _overlaps((start, end), cues):
            continue
        if any(b0 <= start < b1 for b0, b1 in blocked) or not any(c.isalpha() for c in text[start:end]):
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
                    quantities=tuple(q for q in quantities if _within(q, span)),
                    times=tuple(t for t in times if _within(t, span)),
                    context=span[0],
                ),
            )
        )
    return tuple(c for _, c in sorted(claims, key=lambda pair: pair[0]))
