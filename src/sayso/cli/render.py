"""The readable terminal report: source -> cue -> content, then numbers, dates and names."""

from __future__ import annotations

import os
import re
from typing import TextIO

from sayso.records import Analysis, Skipped
from sayso.time.readable import describe

_COLOURS = {"source": "1;36", "cue": "1;33", "content": "0", "dim": "2", "head": "1", "label": "35"}
# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text as a terminal should show it: control characters (ESC and the other C0 and C1 codes except newline
    and tab) and bidirectional overrides become visible escapes (``\\x1b``, ``\\u202e``), so that an article
    cannot move the cursor, recolour, retitle or rewrite the screen."""
    return _CONTROL.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# What JSON text may hold raw but a terminal acts on: DEL, C1 controls, bidi overrides, line separators
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps``, which escapes C0 controls itself) with the other characters a terminal
    acts on written as ``\\u`` escapes: the same JSON, read back, and inert on a screen."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 claim``, ``2 claims``: the count and the word, singular or plural (``many`` when not just +s)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def skip_line(item: Skipped) -> str:
    """One line for a skipped input: its origin (file, or file:line) and the reason, which says the fix."""
    reason = item.reason if item.origin and item.origin in item.reason else f"{item.origin}: {item.reason}"
    return terminal_safe(" ".join(reason.split()))


def _painter(stream: TextIO, colour: bool | None):  # type: ignore[no-untyped-def]
    if colour is None:
        colour = stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

    def paint(text: str, role: str) -> str:
        text = terminal_safe(text)
        return f"\033[{_COLOURS[role]}m{text}\033[0m" if colour else text

    return paint


def readable_time(value: str, kind: str | None = None) -> str:
    """A TIMEX3 value and, when they differ, how people write it: `2025-03-11TMO (the morning of 11 March 2025)`."""
    words = describe(value, kind=kind)
    return value if words == value else f"{value} ({words})"


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
            extra.append(f"said {readable_time(a.said_at)}")
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
        stream.write(terminal_safe(f"  {q.text!r}: {q.value}{bounds} {q.unit or ''} ") + p(q.qualifier, "label") + "\n")
    stream.write(p(f"Times ({len(analysis.times)})", "head") + "\n")
    for t in analysis.times:
        when = readable_time(t.value, t.kind)
        stream.write(f"  {terminal_safe(repr(t.text))}: {p(when, 'label')} {p(t.kind, 'dim')}\n")
    stream.write(p(f"Entities ({len({e.canonical for e in analysis.entities})} distinct)", "head") + "\n")
    seen: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for e in analysis.entities:
        seen.setdefault(e.canonical, set()).add(e.text)
        labels[e.canonical] = e.label
    for canonical, forms in seen.items():
        other = sorted(f for f in forms if f != canonical)
        stream.write(
            f"  {p(labels[canonical], 'label')} {terminal_safe(canonical)}"
            + (p(f" ({', '.join(other)})", "dim") if other else "")
            + "\n"
        )
    stream.write("\n")
