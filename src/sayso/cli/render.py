"""The readable terminal report: source -> cue -> content, then numbers, dates and names."""

from __future__ import annotations

import os
from typing import TextIO

from sayso.records import Analysis

_COLOURS = {"source": "1;36", "cue": "1;33", "content": "0", "dim": "2", "head": "1", "label": "35"}


def _painter(stream: TextIO, colour: bool | None):  # type: ignore[no-untyped-def]
    if colour is None:
        colour = stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

    def paint(text: str, role: str) -> str:
        return f"\033[{_COLOURS[role]}m{text}\033[0m" if colour else text

    return paint


def render_text(analysis: Analysis, stream: TextIO, *, colour: bool | None = None) -> None:
    p = _painter(stream, colour)
    art = analysis.article
    head = art.title or art.id or art.origin
    stream.write(
        p(f"== {head}", "head") + p(f"  [{analysis.language}, published {art.published or 'unknown'}]", "dim") + "\n"
    )
    stream.write(p(f"Attributions ({len(analysis.attributions)})", "head") + "\n")
    for a in analysis.attributions:
        who = a.speaker or (a.source.text if a.source else "?")
        written = f' ("{a.source.text}")' if a.source and a.source.text != who else ""
        cue = a.cue.text if a.cue else "—"
        content = " … ".join(c.text for c in a.content) or "(no content)"
        extra = [a.kind, a.certainty or ""]
        if a.said_at:
            extra.append(f"said {a.said_at}")
        if a.based_on:
            extra.append("based on " + "; ".join(a.based_on))
        stream.write(
            f"  {p(who, 'source')}{p(written, 'dim')} -> {p(cue, 'cue')} -> {p(content, 'content')}\n"
            f"      {p(' · '.join(x for x in extra if x), 'dim')}\n"
        )
    stream.write(p(f"Quantities ({len(analysis.quantities)})", "head") + "\n")
    for q in analysis.quantities:
        bounds = (
            ""
            if q.low is None and q.high is None
            else f" [{q.low if q.low is not None else ''}..{q.high if q.high is not None else ''}]"
        )
        stream.write(f"  {q.text!r}: {q.value}{bounds} {q.unit or ''} {p(q.qualifier, 'label')}\n")
    stream.write(p(f"Times ({len(analysis.times)})", "head") + "\n")
    for t in analysis.times:
        stream.write(f"  {t.text!r}: {p(t.value, 'label')} {p(t.kind, 'dim')}\n")
    stream.write(p(f"Entities ({len({e.canonical for e in analysis.entities})} distinct)", "head") + "\n")
    seen: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for e in analysis.entities:
        seen.setdefault(e.canonical, set()).add(e.text)
        labels[e.canonical] = e.label
    for canonical, forms in seen.items():
        other = sorted(f for f in forms if f != canonical)
        stream.write(
            f"  {p(labels[canonical], 'label')} {canonical}"
            + (p(f" ({', '.join(other)})", "dim") if other else "")
            + "\n"
        )
    stream.write("\n")
