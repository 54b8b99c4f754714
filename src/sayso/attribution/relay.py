"""An outlet that relays a speaker: `X said Y, according to OUTLET`, `Volgens OUTLET zei X dat Y`.

The speaker's attribution and the outlet's `according_to` share one content, Y (the annotators'
convention for published news): the outlet vouches for the report of what X said, not for the words
`X said`. The speaker's content never holds the outlet's cue and source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sayso._intervals import Intervals
from sayso.attribution._tokens import trim
from sayso.records import Attribution, Span


def _inside(span: Span | None, spans: Sequence[Span]) -> bool:
    return span is not None and any(s.start <= span.start and span.end <= s.end for s in spans)


def _cut_out(text: str, content: Sequence[Span], cut: Span, openers: frozenset[str]) -> tuple[Span, ...]:
    """The content spans without the outlet's phrase ``cut`` (`, according to OUTLET,`) and a `that` after it."""
    out = []
    for s in content:
        for a, b in ((s.start, min(s.end, cut.start)), (max(s.start, cut.end), s.end)):
            a, b = trim(text, a, b)
            first = text[a:b].split()[:1]
            if first and first[0].lower() in openers:
                a, b = trim(text, a + len(first[0]), b)
            if b > a:
                out.append(Span.of(text, a, b))
    return tuple(out)


def _next_to(text: str, a: Span | None, b: Span | None) -> bool:
    """Whether span ``a`` ends right before span ``b`` begins, with only spaces and commas between."""
    return a is not None and b is not None and a.end <= b.start and not text[a.end : b.start].strip(" ,")


def _relays(text: str, relay: Attribution, said: Attribution) -> bool:
    """`Volgens OUTLET zei X`, `zei X volgens OUTLET`, `X said, according to OUTLET,`: the outlet's phrase
    stands right next to the cue or the speaker of the statement; `According to OUTLET, X said ...` with a
    clause between names the outlet for the whole clause, which stays its content."""
    if said.cue is None or relay.cue is None:
        return False  # a relay and a statement are both said with a cue
    said_end = said.source if said.source is not None and said.source.start > said.cue.start else said.cue
    return _next_to(text, relay.source, said.cue) or _next_to(text, said_end, relay.cue)


def _names_outlet(source: Span | None, outlets: frozenset[str]) -> bool:
    """Whether a source is an outlet: it ends with an outlet's word or name (`de NOS`, `persbureau AFP`), not a
    person of one (`an Al Jazeera reporter in Kenya`)."""
    low = f" {source.text.lower().strip()}" if source is not None else ""
    return any(low.endswith(f" {w}") for w in outlets)


def _outlet_reports(relay: Attribution, said: Attribution, outlets: frozenset[str]) -> bool:
    """`Ook de politie vond geen aanwijzingen, meldde de NOS`: an outlet's verb-cued report whose content holds
    another speaker's statement, cue and source: the outlet is the channel of that statement."""
    phrase_end = max(relay.cue.end, relay.source.end) if relay.cue and relay.source else 0
    return (
        relay.kind != "according_to"
        and _names_outlet(relay.source, outlets)
        and said.source is not None
        and _inside(said.cue, relay.content)
        and _inside(said.source, relay.content)
        and all(c.end <= phrase_end or _inside(c, relay.content) for c in said.content)
    )  # the statement ends with the outlet's phrase or inside its report, not past it (`, reported by X as ...`)


def _said_end(said: Attribution) -> Span | None:
    return said.source if said.source is not None and said.source.start > said.cue.start else said.cue  # type: ignore[union-attr]


class _Neighbours:
    """The attributions (by index) that can share a relay's content: those whose cue lies inside the relay's
    content, right after its source, or whose end (``_said_end``) lies right before its cue, with only spaces
    and commas between (``_next_to``). A superset of what ``_relays`` and ``_outlet_reports`` accept, found
    through indexes instead of a scan of all attributions per relay; in order."""

    def __init__(self, text: str, found: Sequence[Attribution]) -> None:
        self.text = text
        cued = [(j, a) for j, a in enumerate(found) if a.cue is not None]
        self.cues = Intervals(cued, bounds=lambda ja: (ja[1].cue.start, ja[1].cue.start + 1))  # type: ignore[union-attr]
        ends = [(j, e.end) for j, a in cued if (e := _said_end(a)) is not None]
        self.ends = Intervals(ends, bounds=lambda je: (je[1], je[1] + 1))

    def _gap_after(self, i: int) -> int:
        j = i
        while j < len(self.text) and self.text[j] in " ,":
            j += 1
        return j

    def _gap_before(self, i: int) -> int:
        j = i
        while j > 0 and self.text[j - 1] in " ,":
            j -= 1
        return j

    def candidates(self, relay: Attribution) -> list[int]:
        found = set()
        if relay.content:
            lo, hi = min(s.start for s in relay.content), max(s.end for s in relay.content)
            found |= {j for j, _ in self.cues.overlapping(lo, hi + 1)}
        if relay.source is not None:
            found |= {j for j, _ in self.cues.overlapping(relay.source.end, self._gap_after(relay.source.end) + 1)}
        if relay.cue is not None:
            found |= {j for j, _ in self.ends.overlapping(self._gap_before(relay.cue.start), relay.cue.start + 1)}
        return sorted(found)


def share_relayed_content(
    found: Sequence[Attribution], text: str, openers: frozenset[str], outlets: frozenset[str] = frozenset()
) -> list[Attribution]:
    """The attributions, where an `according_to` relays a verb-cued attribution next to it, or an outlet
    (``outlets``: its words and names) reports one inside its content, with the two sharing the speaker's content.
    ``openers``: the complementizers (`that`, `dat`) a content never starts with."""
    out = list(found)
    near = _Neighbours(text, out)
    for k, relay in enumerate(out):
        if relay.cue is None or (relay.kind != "according_to" and not _names_outlet(relay.source, outlets)):
            continue
        for j in near.candidates(relay):
            said = out[j]
            if said is relay or said.cue is None or said.kind == "according_to" or not said.content:
                continue
            verb_cued = relay.kind != "according_to"
            if not (_outlet_reports(relay, said, outlets) if verb_cued else _relays(text, relay, said)):
                continue
            if _inside(relay.cue, said.content):
                phrase = Span.of(text, relay.cue.start, max(relay.cue.end, relay.source.end if relay.source else 0))
                out[j] = said = replace(said, content=_cut_out(text, said.content, phrase, openers))
            if said.content:
                out[k] = replace(relay, content=said.content)
            break
    return out
