"""English attributions on sentences written for these tests."""

from __future__ import annotations

import pytest

from _helpers import attributions_of, first_of_kind

pytestmark = pytest.mark.slow


def _find(nlp, text: str):  # type: ignore[no-untyped-def]
    return attributions_of(nlp, text, "en")


_one = first_of_kind


def test_indirect_said_that(nlp_en) -> None:
    a = _one(
        _find(nlp_en, "The finance minister said on Tuesday that inflation would fall below 3% next year."), "indirect"
    )
    assert a.cue.text == "said"
    assert a.source.text == "The finance minister"
    assert a.content[0].text == "inflation would fall below 3% next year"


def test_inverted_with_subject_between_comma_and_cue(nlp_en) -> None:
    a = _one(_find(nlp_en, "The dam will hold until spring, engineers in the region said on Friday."), "indirect")
    assert a.source.text == "engineers in the region"
    assert a.content[0].text == "The dam will hold until spring"


def test_direct_quote_with_trailing_cue_and_pronoun(nlp_en) -> None:
    text = (
        "Harbour master Kadri Tamm spoke to reporters on Monday. "
        '"We have never seen anything like this. The cranes simply stopped," she said.'
    )
    a = _one(_find(nlp_en, text), "direct")
    assert a.content[0].text == "We have never seen anything like this. The cranes simply stopped"
    assert a.source.text == "she"
    assert a.speaker == "Kadri Tamm"


def test_mixed_reported_speech_with_quoted_fragment(nlp_en) -> None:
    a = _one(_find(nlp_en, 'The senator warned that the bill was "dead on arrival" in its current form.'), "mixed")
    assert a.cue.text == "warned"
    assert "dead on arrival" in a.content[0].text


def test_according_to_and_chain(nlp_en) -> None:
    a = _one(
        _find(nlp_en, "According to local officials, at least 40 people were evacuated from the valley."),
        "according_to",
    )
    assert a.cue.text == "According"
    assert a.source.text == "local officials"
    assert a.content[0].text.startswith("at least 40 people")


def test_citing_gives_the_chain_and_not_the_content(nlp_en) -> None:
    a = _one(
        _find(nlp_en, "The newspaper reported that the talks had collapsed, citing two diplomats in Geneva."),
        "indirect",
    )
    assert a.content[0].text == "the talks had collapsed"
    assert a.based_on == ("two diplomats in Geneva",)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry did not respond to a request for comment.", "respond"),
        ("A spokesperson for the company declined to comment.", "declined"),
        ("The airline could not be reached for comment on Sunday.", "reached"),
    ],
)
def test_no_response(nlp_en, text: str, cue: str) -> None:
    a = _one(_find(nlp_en, text), "no_response")
    assert a.cue.text == cue and a.content == ()


def test_evaluation_of_a_report(nlp_en) -> None:
    a = _one(_find(nlp_en, "The defence minister called the report plausible."), "evaluation")
    assert a.content[0].text == "plausible" and a.certainty == "probable"


def test_headline_is_not_mined(nlp_en) -> None:
    found = _find(nlp_en, "Mayor says bridge will close\n\nThe bridge reopened on Monday.")
    assert found == []


def test_quote_without_cue_takes_the_previous_speaker(nlp_en) -> None:
    text = (
        'Economist Maria Lopez said prices would keep rising. "Nobody should expect relief before the summer. '
        'The harvest was poor."'
    )
    found = _find(nlp_en, text)
    direct = _one(found, "direct")
    assert direct.cue is None and direct.speaker == "Maria Lopez"


def test_announcement(nlp_en) -> None:
    a = _one(_find(nlp_en, "The city council announced on Friday that the bridge will reopen in June."), "announcement")
    assert a.cue.text == "announced" and a.content[0].text == "the bridge will reopen in June"
    assert a.source.text == "The city council"


def test_a_short_lead_sentence_is_not_taken_for_a_headline(nlp_en) -> None:
    found = _find(nlp_en, "The dam will hold, the operator said on Friday.\n\nRain is expected all weekend.")
    assert [a.cue.text for a in found if a.cue] == ["said"]


def test_a_dateline_is_no_source_and_no_content(nlp_en) -> None:
    text = (
        "Hungary denies report\n\n"
        "BUDAPEST, June 12 (Reuters) - Hungary's government on Thursday denied a report that it had asked for "
        "money.\n\nKYIV, June 12 (Reuters) - Russia has moved 40,000 troops, Ukraine's intelligence chief said."
    )
    found = attributions_of(nlp_en, text, "en")
    assert [a.source.text for a in found] == ["Hungary's government", "Ukraine's intelligence chief"]
    assert found[1].content[0].text == "Russia has moved 40,000 troops"


@pytest.mark.parametrize(
    "dateline",
    ["OSLO/BERGEN, May 3 (Reuters) - ", "(Bloomberg) -- ", "Tromso, Norway (AFP) - "],
)
def test_a_dateline_with_two_places_no_place_or_a_place_in_lower_case_is_no_content(nlp_en, dateline: str) -> None:
    said = "Norwegian ferry line Fjordlink stopped all sailings on Friday, the company said."
    text = f"Ferry line stops\n\n{dateline}{said}"
    [found] = attributions_of(nlp_en, text, "en")
    assert found.content[0].text == "Norwegian ferry line Fjordlink stopped all sailings on Friday"


def test_a_relative_clause_with_its_own_speaker_ends_the_content(nlp_en) -> None:
    text = "Mayor Ann Lee claimed the council had hidden the changes, which she said had cost her the vote."
    a = _one(attributions_of(nlp_en, text, "en"), "indirect")
    assert a.content[0].text == "the council had hidden the changes"


def test_the_subject_of_a_passive_head_speaks_for_its_coordinated_cue(nlp_en) -> None:
    text = 'Coach Mark Hill was asked about the player at a news conference and said only: "I like him."'
    a = _one(attributions_of(nlp_en, text, "en"), "direct")
    assert a.source is not None and "Mark Hill" in a.source.text


def test_estimated_takes_its_object_as_content(nlp_en) -> None:
    a = _one(attributions_of(nlp_en, "Officials estimated the damage to crops at 2 billion pesos.", "en"), "indirect")
    assert a.content[0].text == "the damage to crops at 2 billion pesos"


def test_that_after_a_quoted_noun_is_a_relative_pronoun(nlp_en) -> None:
    text = 'He told reporters the city would rebuild "every school and every clinic" that had been damaged.'
    a = _one(attributions_of(nlp_en, text, "en"), "mixed")
    assert a.content[0].text.startswith("the city would rebuild") and a.content[0].text.endswith("been damaged")


def test_a_gerund_cue_after_a_comma_ends_the_content_and_judges(nlp_en) -> None:
    text = 'The ministry denied a report that it had paid the firm, calling the story "pure invention".'
    found = attributions_of(nlp_en, text, "en")
    assert _one(found, "indirect").content[0].text == "it had paid the firm"
    assert _one(found, "evaluation").content[0].text == "pure invention"


def test_claims_to_have_reports_the_infinitive_but_an_order_is_none(nlp_en) -> None:
    a = _one(attributions_of(nlp_en, "The union claims to have seen the documents.", "en"), "indirect")
    assert a.content[0].text == "to have seen the documents"
    assert attributions_of(nlp_en, "She told staff not to copy her in on emails.", "en") == []


def test_speaker_types_follow_the_head_word(nlp_en) -> None:
    text = (
        "Russia moved troops, the army's intelligence chief said. The disaster agency said 40 people died. "
        "The study found that coffee helps."
    )
    types = {a.source.text: a.speaker_type for a in attributions_of(nlp_en, text, "en") if a.source}
    assert types["The disaster agency"] == "government or institution"
    assert types["The study"] == "document" and types["the army's intelligence chief"] != "document"


def test_would_not_confirm_is_a_non_response(nlp_en) -> None:
    assert (
        _one(attributions_of(nlp_en, "Raman would not confirm the talks.", "en"), "no_response").source.text == "Raman"
    )


def test_a_relative_clause_belongs_to_the_source_not_to_the_speaker_or_its_time(nlp_en) -> None:
    text = "Tom Reyes, who founded the firm in 2014, said on Tuesday that sales rose."
    a = _one(attributions_of(nlp_en, text, "en"), "indirect")
    assert a.source.text == "Tom Reyes, who founded the firm in 2014" and a.speaker == "Tom Reyes"
    assert a.said_at == "2025-03-11"


def test_did_not_say_is_a_non_response_and_it_is_the_subject_before(nlp_en) -> None:
    text = "The inspectorate reviewed the plan last year. It would not say who approved it."
    a = _one(attributions_of(nlp_en, text, "en"), "no_response")
    assert a.speaker == "inspectorate"


def test_a_quote_then_a_role_and_a_name_then_the_cue(nlp_en) -> None:
    text = "“We lost everything,” a local farmer, Ahmed Musa, told reporters."
    a = _one(attributions_of(nlp_en, text, "en"), "direct")
    assert a.content[0].text == "We lost everything" and "Ahmed Musa" in a.source.text


def test_forecasts_and_intentions_are_no_claims_but_a_quoted_judgement_is_one(nlp_en) -> None:
    assert attributions_of(nlp_en, "The firm is expected to report a sharp fall in profit.", "en") == []
    found = attributions_of(nlp_en, "The firm said that it expects to ship the reader in March.", "en")
    assert [a.cue.text for a in found] == ["said"]
    text = 'Ann Lee rejected the claim as "completely untrue" in an interview with the BBC.'
    assert _one(attributions_of(nlp_en, text, "en"), "evaluation").content[0].text == "completely untrue"


@pytest.mark.parametrize(
    "text", ["His wife declined to speak to reporters.", "Neither side has confirmed it will attend."]
)
def test_more_non_responses(nlp_en, text: str) -> None:
    assert [a.kind for a in attributions_of(nlp_en, text, "en")] == ["no_response"]


def test_dismissing_a_person_is_no_judgement(nlp_en) -> None:
    assert attributions_of(nlp_en, "The company dismissed its chief executive on Monday.", "en") == []


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("The road stays closed until June, a council spokesperson told local radio.", "local radio"),
        ("Sales fell by a third, the chief executive told a press conference in Oslo.", "a press conference"),
    ],
)
def test_inverted_told_keeps_its_addressee_out_of_the_content(nlp_en, text: str, addressee: str) -> None:
    a = _one(_find(nlp_en, text), "indirect")
    assert a.cue.text == "told"
    assert addressee not in a.content[0].text and a.content[0].text.endswith(("June", "third"))


@pytest.mark.parametrize(
    "text",
    ["We put the boxes in the car before noon.", "She saw the lorry leave the depot.", "He put a sign on the door."],
)
def test_frame_verbs_without_their_object_noun_cue_nothing(nlp_en, text: str) -> None:
    assert _find(nlp_en, text) == []


def test_frame_verb_puts_the_damage_at_a_sum(nlp_en) -> None:
    a = _one(_find(nlp_en, "The agency puts the damage at two million pounds."), "indirect")
    assert (a.cue.text, a.content[0].text) == ("puts", "the damage at two million pounds")


def test_she_after_a_role_takes_up_that_speaker(nlp_en) -> None:
    text = (
        "A spokeswoman for the hospital said that six patients had been admitted. "
        "Two of them are in intensive care, she said."
    )
    found = _find(nlp_en, text)
    assert found[1].source.text == "she"
    assert found[1].speaker == found[0].speaker == "spokeswoman for the hospital"


def test_according_to_a_hyphenated_description_keeps_it_whole_and_its_name_speaks(nlp_en) -> None:
    text = "The dam will hold until spring, according to the Delft-based engineering firm Waterkant Advies."
    a = _one(_find(nlp_en, text), "according_to")
    assert a.source.text == "the Delft-based engineering firm Waterkant Advies"
    assert a.content[0].text == "The dam will hold until spring"
    # a spaced dash is no word hyphen: it still ends the phrase
    b = _one(_find(nlp_en, "Prices will rise, according to Tom Baker - but not by much."), "according_to")
    assert b.source.text == "Tom Baker"


def test_a_name_closing_a_description_speaks_but_not_a_complement(nlp_en) -> None:
    a = _one(_find(nlp_en, "The bridge is safe, according to the engineering firm Arcadis."), "according_to")
    assert a.speaker == "Arcadis"
    b = _one(_find(nlp_en, "The bridge is safe, a spokesman for Arcadis said."), "indirect")
    assert b.speaker != "Arcadis"


def test_a_document_issued_by_or_belonging_to_an_author_speaks_for_it(nlp_en) -> None:
    found = _find(nlp_en, "Figures published by the water board on Monday put the damage at two million euros.")
    assert _one(found, "indirect").speaker == "water board"
    text = "The agency's figures have changed. On Monday it said ten farms had flooded; later it said twelve had."
    assert {a.speaker for a in _find(nlp_en, text)} == {"agency"}
    man = _one(_find(nlp_en, "A man arrested by police said he had done nothing wrong."), "indirect")
    assert man.speaker == "man arrested by police"


def test_it_is_not_a_subject_inside_what_was_said_before(nlp_en) -> None:
    text = "The retailer Bakkers said on Monday that old stock had been sold, a week after it said it had none left."
    found = _find(nlp_en, text)
    assert [a.speaker for a in found if a.source is not None and a.source.text == "it"] == ["Bakkers"]


def test_a_coordinated_description_keeps_its_whole_name_and_an_outlet_mid_statement_relays_nothing(nlp_en) -> None:
    text = "The stores will close, according to the chain Bakkerij Jansen and the grocer Versland Holding."
    a = _one(_find(nlp_en, text), "according_to")
    assert a.speaker != "Versland Holding"
    text = "Police spokesman Jan Kowal said a fake badge was used by the attacker, reported by The Guardian as a thief."
    said = next(x for x in _find(nlp_en, text) if x.cue is not None and x.cue.text == "said")
    assert said.content[0].text.startswith("a fake badge was used by the attacker")
    assert len(said.content) == 1


def test_a_reporter_of_an_outlet_is_no_outlet_relaying_a_statement(nlp_en) -> None:
    text = "A BBC reporter in Lagos said local radio stations said the governor was ill."
    reporter = next(x for x in _find(nlp_en, text) if x.source is not None and "reporter" in x.source.text)
    assert reporter.content[0].text.startswith("local radio stations said")


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a present participle after a comma goes on its head's clause: that clause's subject speaks
        ("The army went on shelling the valley despite the truce, saying it was acting against armed groups.",
         "saying", "The army"),
        ("The brewery cut 300 jobs on Monday, adding that more cuts could follow.", "adding", "The brewery"),
        # ... past a content clause it hangs in: the mayor notes, not the flood
        ("The mayor said a flood was unlikely this spring, noting that the river had not risen in years.",
         "noting", "The mayor"),
    ],
)  # fmt: skip
def test_a_participle_cue_speaks_for_the_subject_of_its_clause(nlp_en, text: str, cue: str, source: str) -> None:
    a = next(a for a in _find(nlp_en, text) if a.cue is not None and a.cue.text == cue)
    assert a.source is not None and a.source.text == source


def test_a_person_named_inside_a_source_is_not_the_speaker_nor_the_next_she(nlp_en) -> None:
    text = 'Maria Lopez, a colleague of Peter Jansen, said the road was closed. "More rain is coming," she said.'
    found = _find(nlp_en, text)
    assert [a.speaker for a in found] == ["Maria Lopez", "Maria Lopez"]


def test_a_name_a_group_calls_itself_is_no_judgement(nlp_en) -> None:
    text = "A hacker group calling itself GreyFalcon claims to have stolen the records of 2 million patients."
    found = _find(nlp_en, text)
    assert not [a for a in found if a.cue is not None and a.cue.text == "calling"]
