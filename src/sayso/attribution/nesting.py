"""Attributions that reach into each other: the inner one's content stops where the outer one's cue begins.

`Ook Callnova bevestigde dat gegevens zijn gekopieerd, meldde VRT NWS`: `meldde` says the whole sentence
up to it (Callnova's confirmation included); `bevestigde` says what follows `dat`, but the parser lets it
run on over `, meldde VRT NWS`. Two contents that each hold the other's cue cannot both be right: the one
that starts later is inside the other, and when it runs on to the other's cue and source at its end, it ends
before them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sayso.attribution._tokens import trim
from sayso.records import Attribution, Span

__all__ = ["untangle"]


def _holds(a: Attribution, offset: int) -> bool:
    return any(s.start <= offset < s.end for s in a.content)


def _cut(text: str, inner: Attribution, outer: Attribution) -> Attribution:
    """``inner`` with its content ending before the outer's cue or source, whichever is first inside it."""
    assert outer.cue is not None
    marks = [s.start for s in (outer.cue, outer.source) if s is not None and _holds(inner, s.start)]
    stop = min(marks)
    spans = []
    for s in inner.content:
        if s.start >= stop:
            break
        a, b = trim(text, s.start, min(s.end, stop))
        if b > a:
            spans.append(Span.of(text, a, b))
    return replace(inner, content=tuple(spans)) if spans else inner


def _ends_with(text: str, inner: Attribution, outer: Attribution) -> bool:
    """Whether ``inner``'s content runs on over the outer's cue and source to its end and no further: the
    tail `, meldde VRT NWS` (not `volgens hem` or `reported by X as ...` in its middle)."""
    tail = max(s.end for s in (outer.cue, outer.source) if s is not None)
    return not text[tail : inner.content[-1].end].strip(" ,.;:\"'”’»")


def untangle(found: Sequence[Attribution], text: str) -> list[Attribution]:
    """``found`` with each content that holds the cue of an attribution whose content holds its own cue cut
    before that cue: of the two, the content that starts later is the inner one. In order."""
    out = list(found)
    with_cue = [k for k, a in enumerate(out) if a.cue is not None and a.content]
    for i in with_cue:
        for j in with_cue:
            a, b = out[i], out[j]
            if i == j or a.cue is None or b.cue is None:
                continue
            if _holds(a, b.cue.start) and _holds(b, a.cue.start) and a.content[0].start > b.content[0].start:
                if _ends_with(text, a, b):
                    out[i] = _cut(text, a, b)
    return out
