"""Who a headline quotes: its claims carry the speaker (a role named in the body takes the body's name), each
claim the headline's own words (a part between semicolons), and the headline still yields no attribution of the
article (GUIDELINES.md: headlines are no attributions)."""

from __future__ import annotations

from datetime import date

import pytest

from sayso import Article, analyze

pytestmark = pytest.mark.slow


def _headline_claims(text: str, language: str) -> list[tuple[str | None, str]]:
    result = analyze(Article(text=text, id="t", language=language, published=date(2025, 3, 14)))
    headline = text.split("\n", 1)[0]
    assert all(not headline or a.cue is None or a.cue.start >= len(headline) for a in result.attributions)
    return [(c.speaker, " … ".join(s.text for s in c.content)) for c in result.claims if c.kind == "headline"]


BODY_EN = (
    "\n\nThe cargo ship ran aground near the harbour mouth on Sunday night. The Danish salvage firm Nordhavn "
    "Bjergning said on Monday that the hull was intact. Officials in the port said the channel would reopen soon.\n"
)
BODY_NL = (
    "\n\nHet vrachtschip liep zondagavond vast bij de havenmond. Volgens bergingsbedrijf Smit Salvage is de romp "
    "niet beschadigd. Wethouder Ellen de Wit zegt dat de vaargeul snel weer opengaat.\n"
)


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Stranded ship's hull intact, salvage firm says", "Nordhavn Bjergning"),
        ("Stranded ship's hull intact, says salvage firm", "Nordhavn Bjergning"),
        ("Channel to reopen within days: officials", "officials"),
        ("Port officials say channel will reopen within days", "Port officials"),
    ],
)
def test_headline_speaker_en(headline: str, speaker: str) -> None:
    assert _headline_claims(headline + BODY_EN, "en") == [(speaker, headline)]


@pytest.mark.parametrize(
    ("headline", "claims"),
    [
        ("Bergingsbedrijf: romp vrachtschip niet beschadigd", [("Smit Salvage", None)]),
        ("Wethouder: 'Vaargeul snel weer open'", [("Ellen de Wit", None)]),
        (
            "Gemeente: romp heel; wethouder: vaargeul snel open",
            [("Gemeente", "Gemeente: romp heel"), ("Ellen de Wit", "wethouder: vaargeul snel open")],
        ),
    ],
)
def test_headline_speaker_nl(headline: str, claims: list[tuple[str, str | None]]) -> None:
    expected = [(speaker, words or headline) for speaker, words in claims]
    assert _headline_claims(headline + BODY_NL, "nl") == expected


@pytest.mark.parametrize(
    ("headline", "language"),
    [
        ("Analysis: what the grounding means for the port", "en"),
        ("Storm over the North Sea: what we know so far", "en"),
        ("Vrachtschip vast in de havenmond: wat we weten", "nl"),
        ("Schip loopt vast bij havenmond", "nl"),
    ],
)
def test_a_headline_without_a_speaker_keeps_one_claim_without_speaker(headline: str, language: str) -> None:
    body = BODY_EN if language == "en" else BODY_NL
    assert _headline_claims(headline + body, language) == [(None, headline)]


BODY_LEAD_EN = (
    "\n\nThe harbour's cranes stopped for six hours on Tuesday. Harbour master Anton Vos said the night shift "
    "had been sent home. Nordlys Security, which was hired by the port, said that a ransomware gang from abroad "
    "had locked the cranes' control systems.\n"
)
BODY_LEAD_NL = (
    "\n\nDe kranen in de haven lagen dinsdag zes uur stil. Havenmeester Anton Vos zei dat de nachtploeg naar "
    "huis was gestuurd. Het bedrijf Nordlys Security zegt dat een buitenlandse ransomwarebende de "
    "besturing van de kranen heeft geblokkeerd.\n"
)


@pytest.mark.parametrize(
    ("headline", "language", "speaker"),
    [
        ("Ransomware gang locked cranes' control systems, security firm says", "en", "Nordlys Security"),
        ("Beveiliger: ransomwarebende blokkeerde besturing kranen", "nl", "Nordlys Security"),
    ],
)
def test_a_role_the_body_never_uses_names_the_speaker_whose_statement_the_headline_sums_up(
    headline: str, language: str, speaker: str
) -> None:
    """The body never calls Nordlys Security a security firm; its statement shares the headline's meaning words,
    the harbour master's does not."""
    body = BODY_LEAD_EN if language == "en" else BODY_LEAD_NL
    assert [s for s, _ in _headline_claims(headline + body, language)] == [speaker]
