"""An outlet relaying a speaker shares the speaker's content: records only, no model."""

from __future__ import annotations

from sayso.attribution.relay import share_relayed_content
from sayso.records import Attribution, Span

THAT = frozenset({"that", "dat"})


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def test_relay_outlet_next_to_the_cue_shares_the_content() -> None:
    text = "Volgens De Krant zei de minister dat de fabriek sluit."
    relay = Attribution(
        "according_to",
        _span(text, "De Krant"),
        _span(text, "Volgens"),
        (_span(text, "zei de minister dat de fabriek sluit"),),
    )
    said = Attribution("indirect", _span(text, "de minister"), _span(text, "zei"), (_span(text, "de fabriek sluit"),))
    out = share_relayed_content([relay, said], text, THAT)
    assert [a.content[0].text for a in out] == ["de fabriek sluit", "de fabriek sluit"]


def test_relay_phrase_inside_the_content_is_cut_out() -> None:
    text = "Smith said, according to the Courier, that the plant would close."
    relay = Attribution(
        "according_to", _span(text, "the Courier"), _span(text, "according"), (_span(text, "Smith said"),)
    )
    said = Attribution(
        "indirect",
        _span(text, "Smith"),
        _span(text, "said"),
        (_span(text, "according to the Courier, that the plant would close"),),
    )
    out = share_relayed_content([relay, said], text, THAT)
    assert [a.content[0].text for a in out] == ["the plant would close", "the plant would close"]


def test_relay_outlet_before_a_whole_clause_keeps_the_clause() -> None:
    text = "According to the Courier, the mayor said that the plant would close."
    content = _span(text, "the mayor said that the plant would close")
    relay = Attribution("according_to", _span(text, "the Courier"), _span(text, "According"), (content,))
    said = Attribution(
        "indirect", _span(text, "the mayor"), _span(text, "said"), (_span(text, "the plant would close"),)
    )
    out = share_relayed_content([relay, said], text, THAT)
    assert out[0].content == (content,)
