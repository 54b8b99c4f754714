from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sayso.certainty import ESTIMATIVE_BANDS, LABELS, assess_certainty
from sayso.language.resources import load_json
from sayso.records import Span


def _label(text: str, language: str, cue: str | None = None) -> str:
    return assess_certainty(text, [Span(0, len(text), text)], language=language, cue_lemma=cue).label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("drie soldaten zouden zijn omgekomen bij de beschieting", "reported"),
        ("de minister is naar verluidt afgetreden", "reported"),
        ("het is waarschijnlijk dat de brug instort", "probable"),
        ("de aanval kan volgende week beginnen", "possible"),
        ("duidelijk is dat de economie krimpt", "certain"),
        ("de woordvoerder ontkent elke betrokkenheid", "denied"),
        ("gaat de regering vallen?", "questioned"),
        ("de haven is gesloten", "certain"),
    ],
)
def test_certainty_dutch(text: str, label: str) -> None:
    assert _label(text, "nl") == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the general was reportedly dismissed", "reported"),
        ("the suspect allegedly fled abroad", "reported"),
        ("the vote is likely to be delayed", "probable"),
        ("the strike might spread to other ports", "possible"),
        ("the claims are false", "denied"),
        ("is the ceasefire holding?", "questioned"),
        ("the factory closed in May", "certain"),
    ],
)
def test_certainty_english(text: str, label: str) -> None:
    assert _label(text, "en") == label


def test_certainty_stance_of_the_cue_verb() -> None:
    assert _label("the company paid the bribe", "en", cue="deny") == "denied"
    assert _label("the company paid the bribe", "en", cue="claim") == "reported"
    assert _label("het bedrijf betaalde steekpenningen", "nl", cue="bevestigen") == "certain"


def test_certainty_gives_its_trigger_words() -> None:
    text = "drie soldaten zouden zijn omgekomen"
    result = assess_certainty(text, [Span(0, len(text), text)], language="nl")
    assert [c.text for c in result.cues] == ["zouden"]
    assert all(text[c.start : c.end] == c.text for c in result.cues)


def test_every_label_has_an_estimative_band() -> None:
    assert set(ESTIMATIVE_BANDS) == set(LABELS)
    assert all(0 <= low <= high <= 1 for _, low, high in ESTIMATIVE_BANDS.values())


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("er zijn geen Noord-Koreaanse troepen gezien", "nl", "negative"),
        ("de minister heeft niet gelogen", "nl", "negative"),
        ("de troepen zijn aangekomen", "nl", "positive"),
        ("the ministry has not received the letter", "en", "negative"),
        ("the dam wasn't damaged", "en", "negative"),
        ("the dam was damaged", "en", "positive"),
        # a negation inside an adverbial clause negates that clause, not the claim
        ("de bakkerij sluit omdat ze niet op kan tegen de supermarkt", "nl", "positive"),
        ("hoewel niemand het bevestigt, is de brug dicht", "nl", "positive"),
        ("de brug is niet dicht omdat de storm voorbij is", "nl", "negative"),
        ("the bakery closes because it cannot compete", "en", "positive"),
        ("although nobody has confirmed it, the bridge is closed", "en", "positive"),
        ("the bridge is not closed, although the storm is near", "en", "negative"),
        # `without` / `zonder` negate what they govern; a word that only ends in one is no negation
        ("the dam broke without any warning", "en", "negative"),
        ("de dijk brak zonder waarschuwing", "nl", "negative"),
        ("de schade is bijzonder groot", "nl", "positive"),
        # a negated confirmation leaves the claim open: uncertain, not negative
        ("I cannot confirm that the gang is behind the fire", "en", "positive"),
        ("ik kan niet bevestigen dat de bende achter de brand zit", "nl", "positive"),
        ("the gang did not start the fire", "en", "negative"),
        # a word that negates itself
        ("the invoices of the supplier remain unpaid", "en", "negative"),
        ("de rekeningen van de leverancier blijven onbetaald", "nl", "negative"),
        ("the invoices of the supplier were paid", "en", "positive"),
    ],
)
def test_polarity_of_a_claim(text: str, language: str, expected: str) -> None:
    from sayso.certainty import polarity

    assert polarity(text, [Span(0, len(text), text)], language=language) == expected


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("He created at least three fake vendor companies", "en", "certain"),
        ("The report is false", "en", "denied"),
        ("The story was fabricated and malicious", "en", "denied"),
        ("Zij vertelde een verzonnen verhaal aan de rechter", "nl", "certain"),
        ("Het bericht is onjuist", "nl", "denied"),
    ],
)
def test_certainty_falsity_words_count_only_as_predicates(text: str, language: str, label: str) -> None:
    assert assess_certainty(text, [Span.of(text, 0, len(text))], language=language).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("het waterbedrijf heeft de pompen zaterdag weer in bedrijf kunnen nemen", "certain"),
        ("de reddingswerkers hebben alle bewoners op tijd kunnen evacueren", "certain"),
        ("dat de bakker de oven weer heeft kunnen aansteken", "certain"),
        ("het waterbedrijf kan de pompen zaterdag weer in bedrijf nemen", "possible"),
        ("de pompen zouden zaterdag weer in bedrijf kunnen gaan", "possible"),
        ("het bedrijf had de pompen eerder kunnen herstellen", "possible"),
        ("de burgemeester heeft gezegd dat de bewoners terug kunnen keren", "possible"),
        ("het bedrijf heeft de pompen gerepareerd, maar ze kunnen weer uitvallen", "possible"),
    ],
)
def test_certainty_a_past_ability_is_no_hedge(text: str, label: str) -> None:
    assert _label(text, "nl") == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the crew was able to restart the pumps on Saturday", "certain"),
        ("engineers have been able to reopen two of the locks", "certain"),
        ("the crew could restart the pumps on Saturday", "possible"),
    ],
)
def test_certainty_english_ability_in_the_past(text: str, label: str) -> None:
    assert _label(text, "en") == label


def test_certainty_a_past_ability_gives_no_cue() -> None:
    text = "de monteurs hebben de lift gisteren kunnen repareren"
    assert assess_certainty(text, [Span(0, len(text), text)], language="nl").cues == ()


FILLER = st.lists(
    st.sampled_from(["de", "pompen", "zaterdag", "weer", "in", "bedrijf", "alle", "snel", "gisteren"]), max_size=8
)


@given(aux=st.sampled_from(load_json("nl", "certainty")["perfect_auxiliaries"]), words=FILLER)
def test_certainty_property_a_perfect_with_kunnen_is_a_fact(aux: str, words: list[str]) -> None:
    text = " ".join(["de monteurs", aux, *words, "kunnen", "herstellen"])
    assert _label(text, "nl") == "certain"


@given(
    aux=st.sampled_from(load_json("nl", "certainty")["perfect_auxiliaries"]),
    opener=st.sampled_from(load_json("nl", "certainty")["clause_openers"]),
    words=FILLER,
)
def test_certainty_property_kunnen_in_another_clause_stays_a_hedge(aux: str, opener: str, words: list[str]) -> None:
    text = " ".join(["de monteurs", aux, "gezegd", opener, "ze", *words, "kunnen", "herstellen"])
    assert _label(text, "nl") == "possible"


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("er zitten geen rijksregisternummers bij", "nl", ["rijksregisternummers", "bij"]),
        ("the staff were not paid, the newspaper says", "en", ["paid"]),  # the clause ends the scope
        ("the group had nothing to do with the attack", "en", ["to", "do", "with", "the"]),
        ("I cannot confirm that the group is behind it", "en", []),  # a negated confirmation denies nothing
        ("ik kan niet bevestigen dat de groep erachter zit", "nl", []),
        ("de brug is dicht omdat niemand hem repareert", "nl", []),  # inside an adverbial clause
    ],
)
def test_negated_words(text: str, language: str, words: list[str]) -> None:
    from sayso.certainty import negated_words

    assert negated_words(text, language=language) == words
