from __future__ import annotations

from datetime import date

import pytest

from sayso import Article, analyze

pytestmark = pytest.mark.slow

TEXT = (
    "Troepen gesneuveld aan het front?\n\n"
    "Volgens de regering zijn zeker twaalf soldaten omgekomen. De minister zei dinsdag dat er geen "
    "burgers zijn geraakt. De oorlog duurt inmiddels anderhalf jaar. Is een bestand nog mogelijk?\n"
)


def test_claims_cover_attributions_assertions_and_the_headline() -> None:
    result = analyze(Article(text=TEXT, id="t", language="nl", published=date(2025, 3, 14)))
    kinds = [c.kind for c in result.claims]
    assert kinds[0] == "headline" and result.claims[0].certainty == "questioned"
    according = next(c for c in result.claims if c.kind == "according_to")
    assert according.speaker and "regering" in according.speaker
    assert [q.value for q in according.quantities] == [12]
    said = next(c for c in result.claims if c.kind == "indirect")
    assert said.polarity == "negative" and said.said_at == "2025-03-11"
    own = [c for c in result.claims if c.kind == "assertion"]
    assert any(c.certainty == "questioned" for c in own)
    assert any(t.value == "P1.5Y" for c in own for t in c.times)
    assert all(c.speaker is None for c in own)


def test_claims_know_the_sentence_they_were_made_in() -> None:
    result = analyze(Article(text=TEXT, id="t", language="nl", published=date(2025, 3, 14)))
    said = next(c for c in result.claims if c.kind == "indirect")
    assert said.context is not None and said.context.text == "De minister zei dinsdag dat er geen burgers zijn geraakt."
    assert said.context.start <= said.content[0].start and said.content[-1].end <= said.context.end
    according = next(c for c in result.claims if c.kind == "according_to")
    assert according.context is not None and according.context.text.startswith("Volgens de regering")
    assert all(c.context == c.content[0] for c in result.claims if c.kind in ("assertion", "headline"))


@pytest.mark.parametrize(
    ("text", "language", "parts"),
    [
        (
            "De krant meldde dat de rederij twee miljoen euro schuld heeft en een doorstart voorbereidt.",
            "nl",
            ["de rederij twee miljoen euro schuld heeft", "een doorstart voorbereidt"],
        ),
        (
            "The paper reported that the airline owed lessors about 30 million dollars and was seeking a buyer.",
            "en",
            ["the airline owed lessors about 30 million dollars", "was seeking a buyer"],
        ),
        (
            "Volgens de brandweer raakten negen mensen gewond, onder wie twee kinderen.",
            "nl",
            ["raakten negen mensen gewond", "onder wie twee kinderen"],
        ),
        (
            "A spokeswoman said nine people had been hurt and that two of them were in hospital.",
            "en",
            ["nine people had been hurt", "two of them were in hospital"],
        ),
    ],
)
def test_a_content_that_states_two_propositions_is_two_claims(text: str, language: str, parts: list[str]) -> None:
    result = analyze(Article(text=text, id="t", language=language, published=date(2025, 3, 14)))
    said = [c for c in result.claims if c.kind != "assertion"]
    assert [" ".join(s.text for s in c.content) for c in said] == parts
    assert len({c.speaker for c in said}) == 1 and len(result.attributions) == 1
    assert all(c.context == said[0].context for c in said)  # both made in the one sentence


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A neighbour said that nobody had called or warned the families in the street.", "en"),
        ("The minister said the talks were useful and constructive.", "en"),
        ("De burgemeester zei dat het water snel steeg en daalde.", "nl"),
        # `waaronder` before a clause, not before a count: no part of a set
        ("De bond zegt dat de firma een akkoord schendt, waaronder het bedrijf werd verboden te staken.", "nl"),
    ],
)
def test_two_verbs_of_one_clause_stay_one_claim(text: str, language: str) -> None:
    result = analyze(Article(text=text, id="t", language=language, published=date(2025, 3, 14)))
    assert len([c for c in result.claims if c.kind != "assertion"]) == 1


@pytest.mark.parametrize(
    ("text", "certainties"),
    [  # the content's words judge one part: the other keeps its own certainty
        ("The mayor said the rumours were false, and that the bridge would reopen on Monday.", ["denied", "certain"]),
        # the cue denies the whole: every part is denied
        ("The ministry denied that the dam had broken and that the village had flooded.", ["denied", "denied"]),
    ],
)
def test_each_proposition_of_a_content_has_its_certainty(text: str, certainties: list[str]) -> None:
    result = analyze(Article(text=text, id="t", language="en", published=date(2025, 3, 14)))
    assert [c.certainty for c in result.claims if c.kind != "assertion"] == certainties


def test_words_a_speaker_says_inside_its_own_claim_are_one_claim() -> None:
    # `sees` has a content of its own inside the one of `says`: the speaker says it once, with how
    text = "The water board itself says it sees no sign of a leak in the dike."
    result = analyze(Article(text=text, id="t", language="en", published=date(2025, 3, 14)))
    said = [" ".join(s.text for s in c.content) for c in result.claims if c.kind != "assertion"]
    assert len(result.attributions) == 2  # the outer and the inner cue are both attributions
    assert said == ["it sees no sign of a leak in the dike"]


@pytest.mark.parametrize(
    ("text", "language", "parts"),
    [
        ("Dam breaks in Ostvale, thousands leave their homes\n\nThe dam broke.", "en", 2),
        ("Dijk breekt bij Ostvale, duizenden mensen geëvacueerd\n\nDe dijk brak.", "nl", 2),
        # a part of a set and an opening adverbial are no propositions of their own
        ("Dam breaks in Ostvale, including two old sluices\n\nThe dam broke.", "en", 1),
        ("After the long storm, villages count the damage\n\nThe storm hit.", "en", 1),
        # one more item of a list states nothing of its own; a participle does, however tagged
        ("Orbix unveils two new tablets, a photo software suite\n\nOrbix showed them.", "en", 1),
        ("Drie dijken in Zeeland beschadigd door storm, 400 mensen geëvacueerd\n\nDe storm raasde.", "nl", 2),
    ],
)
def test_a_headline_states_each_proposition_between_commas(text: str, language: str, parts: int) -> None:
    result = analyze(Article(text=text, id="t", language=language, published=date(2025, 3, 14)))
    assert len([c for c in result.claims if c.kind == "headline"]) == parts
