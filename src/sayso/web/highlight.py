"""An article's text cut into pieces, each with the layers that cover it (source, cue, content, quantity, time,
entity, boilerplate): the template shows each piece as one element with those layers as classes, so that
overlapping spans need no nesting. A pure function of the analysis."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from sayso.records import Analysis, Span

LAYERS = ("source", "cue", "content", "quantity", "time", "entity", "boilerplate")


@dataclass(frozen=True, slots=True)
class Piece:
    """``text[start:end]`` and the layers over it; ``attribution``: the number of the attribution whose source,
    cue or content it is (the first, when several), for the link to its entry beside the text."""

    start: int
    end: int
    text: str
    layers: tuple[str, ...]
    attribution: int | None = None


def _marks(analysis: Analysis) -> Iterable[tuple[int, int, str, int | None]]:
    for n, a in enumerate(analysis.attributions, start=1):
        own = [("source", a.source), ("cue", a.cue)] + [("content", s) for s in a.content]
        for layer, span in own:
            if span is not None:
                yield span.start, span.end, layer, n
    for layer, spans in (
        ("quantity", analysis.quantities),
        ("time", analysis.times),
        ("entity", analysis.entities),
        ("boilerplate", analysis.article.boilerplate),
    ):
        for s in spans:
            yield s.start, s.end, layer, None


def pieces(analysis: Analysis) -> list[Piece]:
    """The whole text, in order, as pieces that each lie under one unchanging set of layers."""
    text = analysis.article.text
    marks = [(max(0, s), min(len(text), e), layer, n) for s, e, layer, n in _marks(analysis) if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in marks), *(e for _, e, _, _ in marks)})
    starting: dict[int, list[tuple[int, str, int | None]]] = {}
    for s, e, layer, n in marks:
        starting.setdefault(s, []).append((e, layer, n))
    open_: list[tuple[int, str, int | None]] = []
    out: list[Piece] = []
    for start, end in pairwise(cuts):
        open_ = [m for m in open_ if m[0] > start] + starting.get(start, [])
        layers = tuple(layer for layer in LAYERS if any(m[1] == layer for m in open_))
        owner = min((m[2] for m in open_ if m[2] is not None), default=None)
        out.append(Piece(start, end, text[start:end], layers, owner))
    return out


def span_dict(span: Span | None) -> dict[str, object] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}
