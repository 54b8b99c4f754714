"""Constructions of published reporting (issue 9), on sentences written for these tests."""

from __future__ import annotations

import pytest

from _helpers import attributions_of, first_of_kind

pytestmark = pytest.mark.slow


def _texts(found, field: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [getattr(a, field).text if getattr(a, field) is not None else "" for a in found]


def test_object_content_ends_with_the_object(nlp_en) -> None:
    found = attributions_of(nlp_en, "The council announced the closures in a statement on its website.", "en")
    a = first_of_kind(found, "announcement")
    assert a.content[0].text == "the closures"
    assert a.source.text == "The council"


def test_identified_as_keeps_the_judgement(nlp_en) -> None:
    found = attributions_of(nlp_en, "Police identified the driver as a 34-year-old man from Leeds.", "en")
    a = next(a for a in found if a.cue.text == "identified")
    assert a.content[0].text == "the driver as a 34-year-old man from Leeds"


def test_subject_in_apposition_is_no_content(nlp_en) -> None:
    found = attributions_of(nlp_en, "Maria Lopez, the mayor of the town, announced a curfew for the weekend.", "en")
    a = next(a for a in found if a.cue.text == "announced")
    assert a.source.text.startswith("Maria Lopez")
    assert a.content[0].text == "a curfew for the weekend"


def test_subordinate_clause_before_comma_is_no_content(nlp_en) -> None:
    text = "While most payments still use cash, the bank announced a new mobile wallet."
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "announced")
    assert a.content[0].text == "a new mobile wallet"


def test_as_reported_by_is_a_second_attribution(nlp_en) -> None:
    text = 'The minister said — as reported by the Daily Planet — "We will not sign this treaty."'
    found = attributions_of(nlp_en, text, "en")
    outlet = first_of_kind(found, "according_to")
    assert outlet.source.text == "the Daily Planet"
    assert outlet.cue.text == "reported"
    assert any(a.kind == "direct" and a.source.text == "The minister" for a in found)
    assert {a.content[0].text for a in found} == {"We will not sign this treaty"}


def test_passive_non_response_names_who(nlp_en) -> None:
    found = attributions_of(nlp_en, "Jansen could not be reached for comment on Friday.", "en")
    a = first_of_kind(found, "no_response")
    assert a.source.text == "Jansen"


def test_quote_over_lines_is_one_content(nlp_nl) -> None:
    text = "Piet de Boer zei tegen de krant: „We hadden geen keus.\nDe dijk moest worden versterkt.”\n"
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "direct")
    assert a.content[0].text == "We hadden geen keus.\nDe dijk moest worden versterkt"


def test_stray_closing_mark_is_no_quote(nlp_nl) -> None:
    text = "Het bedrijf bracht de „Slimme Lamp” op de markt en verkocht er veel van.”\n"
    assert attributions_of(nlp_nl, text, "nl") == []


def test_nested_reported_speech_inside_a_quote(nlp_nl) -> None:
    text = "De trainer zei: „Iedereen zei dat we zouden verliezen, maar we hebben gewonnen.”\n"
    found = attributions_of(nlp_nl, text, "nl")
    nested = first_of_kind(found, "indirect")
    assert nested.source.text == "Iedereen"
    assert nested.content[0].text.startswith("we zouden verliezen")
    assert first_of_kind(found, "direct").content[0].text.startswith("Iedereen zei dat")


def test_first_person_inside_a_quote_is_no_nested_report(nlp_nl) -> None:
    text = "De trainer zei: „Ik geloof dat we de beste ploeg van de competitie zijn.”\n"
    assert [a.kind for a in attributions_of(nlp_nl, text, "nl")] == ["direct"]


def test_inverted_subject_is_no_part_of_the_object(nlp_nl) -> None:
    text = "Gisteren onthulde topman Karel Smit een nieuwe elektrische fiets."
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "announcement")
    assert a.content[0].text == "een nieuwe elektrische fiets"
    assert a.source.text == "topman Karel Smit"


def test_relative_dat_after_an_object(nlp_nl) -> None:
    text = "Het bedrijf introduceerde Vela, een nieuwe app, dat ook op oudere telefoons werkt."
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "announcement")
    assert a.content[0].text.startswith("Vela")


# English (helper)


def test_gerund_after_announce_is_the_content(nlp_en) -> None:
    text = "In May, the ferry company announced closing its office on the island for the winter."
    a = first_of_kind(attributions_of(nlp_en, text, "en"), "announcement")
    assert a.content[0].text.startswith("closing its office on the island")
    assert a.source.text == "the ferry company"


def test_quote_ending_a_paragraph_is_no_content_of_the_next_cue(nlp_en) -> None:
    text = '"We will keep the library open," the mayor told reporters.\n\nIn June, the council announced a new budget.'
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "announced")
    assert a.content[0].text == "a new budget"


def test_gerund_cue_after_a_comma_takes_the_quote(nlp_en) -> None:
    text = 'The club made the same point in a letter, writing "The pitch will be ready in August."'
    a = first_of_kind(attributions_of(nlp_en, text, "en"), "direct")
    assert a.cue.text == "writing"


def test_in_writing_is_no_cue(nlp_en) -> None:
    text = "A nurse warned the managers in writing that the ward was understaffed."
    assert [a.cue.text for a in attributions_of(nlp_en, text, "en")] == ["warned"]


def test_two_spaces_end_a_sentence(nlp_en) -> None:
    text = "According to the coast guard, four sailors were rescued.  A second report said five were found."
    a = first_of_kind(attributions_of(nlp_en, text, "en"), "according_to")
    assert a.content[0].text == "four sailors were rescued"


def test_clause_after_a_comma_past_the_cue_phrases(nlp_en) -> None:
    text = "The broadcaster reported in late 2018, 40 cinemas had closed within a year."
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "reported")
    assert a.content[0].text == "40 cinemas had closed within a year"
    assert a.source.text == "The broadcaster"


def test_relative_clause_after_the_cue_phrases_is_no_content(nlp_en) -> None:
    text = "The radio station reported on a call from a fisherman, who may have seen the wreck."
    found = [a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "reported"]
    assert all(not a.content or not a.content[0].text.startswith("who") for a in found)


def test_participle_inside_a_noun_phrase_is_no_cue(nlp_en) -> None:
    text = "Meanwhile, the total reported injuries rose to 40 from a previous 25."
    assert attributions_of(nlp_en, text, "en") == []


def test_phrase_without_a_verb_before_the_cue_is_no_content(nlp_en) -> None:
    text = "Of the twelve suspects, the driver's was the only name disclosed."
    assert attributions_of(nlp_en, text, "en") == []


def test_parenthetical_cue_splits_the_content(nlp_en) -> None:
    text = "In the meantime, the guard testified, two men had locked the door."
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "testified")
    assert _texts([a], "source") == ["the guard"]
    assert [c.text for c in a.content] == ["In the meantime", "two men had locked the door"]


def test_clause_before_a_parenthetical_cue_is_the_inverted_form(nlp_en) -> None:
    text = "Bread prices will rise, the bakers said, citing the cost of flour."
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "said")
    assert [c.text for c in a.content] == ["Bread prices will rise"]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of farmers called for the resignation of the minister.",
        "The island declared a state of emergency after the storm.",
        "The union called on the board to reopen the talks.",
    ],
)
def test_act_or_request_is_no_attribution(nlp_en, text: str) -> None:
    assert attributions_of(nlp_en, text, "en") == []


def test_quote_after_a_comma_past_the_addressee_and_phrases(nlp_en) -> None:
    text = 'The patient told a nurse at the desk, in Dutch and English, "they took my bag".'
    a = first_of_kind(attributions_of(nlp_en, text, "en"), "direct")
    assert a.cue.text == "told"
    assert a.content[0].text == "they took my bag"


def test_short_quote_as_the_whole_content_is_direct(nlp_en) -> None:
    text = 'The driver said, in Spanish, "the brakes failed".'
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "said")
    assert (a.kind, a.content[0].text) == ("direct", "the brakes failed")


def test_but_clause_with_its_own_subject_stays_in_the_content(nlp_en) -> None:
    text = "The harbour master said that ships try to dock early, but strong tides make it hard."
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "said")
    assert a.content[0].text == "ships try to dock early, but strong tides make it hard"


def test_but_clause_of_the_speaker_ends_the_content(nlp_en) -> None:
    text = "The harbour master said that two ships had collided, but declined to name them."
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue.text == "said")
    assert a.content[0].text == "two ships had collided"


def test_phrase_about_the_source_after_according_to_is_no_content(nlp_en) -> None:
    text = "The shops had no plans to ration flour, according to a radio report on May 3 in which they said so."
    a = first_of_kind(attributions_of(nlp_en, text, "en"), "according_to")
    assert [c.text for c in a.content] == ["The shops had no plans to ration flour"]


def test_subject_with_a_relative_clause_before_the_cue_is_no_content(nlp_en) -> None:
    text = "The club statement, which was posted on its website, announced the coach's departure."
    a = first_of_kind(attributions_of(nlp_en, text, "en"), "announcement")
    assert a.source.text.startswith("The club statement")
    assert a.content[0].text == "the coach's departure"


# Dutch (helper)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("De wethouder gaf wel aan dat de brug in mei opengaat.", "de brug in mei opengaat"),
        ("De wethouder gaf toe dat de brug te laat opengaat.", "de brug te laat opengaat"),
    ],
)
def test_shared_form_takes_the_verb_of_its_particle(nlp_nl, text: str, content: str) -> None:
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "indirect")
    assert (a.cue.text, a.content[0].text) == ("gaf", content)


def test_shared_form_without_particle_is_no_cue(nlp_nl) -> None:
    assert attributions_of(nlp_nl, "De wethouder gaf de burgemeester een boek.", "nl") == []


def test_promise_to_do_is_reported_speech(nlp_nl) -> None:
    found = attributions_of(nlp_nl, "De gemeente belooft voor de zomer een nieuwe speeltuin te bouwen.", "nl")
    a = first_of_kind(found, "indirect")
    assert a.content[0].text == "voor de zomer een nieuwe speeltuin te bouwen"


def test_promise_with_nothing_said_is_no_attribution(nlp_nl) -> None:
    text = "De wethouder kreeg steun, omdat de gemeente veel nieuwe huizen had beloofd."
    assert attributions_of(nlp_nl, text, "nl") == []


@pytest.mark.parametrize(
    "text",
    [
        "Het nieuwe model deed het in de test minder goed.",  # doen, not afdoen: no `af` follows
        "De app stelt reizigers in staat hun kaartje te tonen.",  # in staat stellen, not stellen
        "De minister stelde de Kamer op de hoogte van het besluit.",
    ],
)
def test_verb_with_another_particle_is_no_cue(nlp_nl, text: str) -> None:
    assert attributions_of(nlp_nl, text, "nl") == []


def test_stellen_with_a_preposition_before_dat_stays_a_cue(nlp_nl) -> None:
    found = attributions_of(nlp_nl, "De onderzoekers stellen in een rapport dat de dijk te laag is.", "nl")
    assert first_of_kind(found, "indirect").content[0].text == "de dijk te laag is"


def test_adverbial_clause_before_the_cue_is_no_content(nlp_nl) -> None:
    text = "Toen de directeur het nieuwe toestel voor het eerst liet zien, prees hij het ontwerp van de behuizing."
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "indirect")
    assert (a.cue.text, a.content[0].text) == ("prees", "het ontwerp van de behuizing")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Critici hebben al gewezen op de hoge kosten van het plan.", "gewezen", "de hoge kosten van het plan"),
        (
            "De senator protesteerde tegen de sluiting van het ziekenhuis.",
            "protesteerde",
            "de sluiting van het ziekenhuis",
        ),
    ],
)
def test_object_of_a_preposition_is_the_claim(nlp_nl, text: str, cue: str, content: str) -> None:
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "indirect")
    assert (a.cue.text, a.content[0].text) == (cue, content)


def test_verb_without_its_preposition_reports_nothing(nlp_nl) -> None:
    assert attributions_of(nlp_nl, "Boeren protesteerden dinsdag in Den Haag.", "nl") == []


def test_quoted_label_closing_a_sentence_ends_the_content(nlp_nl) -> None:
    text = "De minister noemde het plan “de beste oplossing voor het land.” eBay steunt de regeling ook."
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "mixed")
    assert a.content[0].text == "het plan “de beste oplossing voor het land.”"


def test_question_left_unanswered_is_the_content_of_a_non_response(nlp_nl) -> None:
    found = attributions_of(nlp_nl, "De club wilde niet zeggen of de trainer zelf was opgestapt.", "nl")
    a = first_of_kind(found, "no_response")
    assert (a.source.text, a.content[0].text) == ("De club", "de trainer zelf was opgestapt")


def test_verb_after_maar_belongs_to_the_main_clause(nlp_nl) -> None:
    text = "De club bevestigde dat de trainer was vertrokken maar wilde niet zeggen of hij zelf was opgestapt."
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "no_response")
    assert a.source.text == "De club"


def test_second_verb_of_a_subject_reports_with_an_adjective_object(nlp_nl) -> None:
    text = "Techsite Tweakers kreeg in juni een model van de nieuwe laptop en publiceerde gedetailleerde foto's online."
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "indirect")
    assert (a.source.text, a.content[0].text) == ("Techsite Tweakers", "gedetailleerde foto's online")


def test_impersonal_passive_names_no_source(nlp_nl) -> None:
    text = "Er is wel eens gezegd dat de nieuwe regels vooral de grote bedrijven helpen."
    assert attributions_of(nlp_nl, text, "nl") == []


def test_agent_between_auxiliary_and_participle(nlp_nl) -> None:
    a = first_of_kind(attributions_of(nlp_nl, "Er werd door de politie gemeld dat de weg dicht is.", "nl"), "indirect")
    assert (a.source.text, a.content[0].text) == ("de politie", "de weg dicht is")


def test_infinitive_cue_with_no_speaker_is_the_writers(nlp_nl) -> None:
    text = "De prijs steeg, alhoewel het interessant is om te melden dat de kwaliteit ook beter werd."
    assert attributions_of(nlp_nl, text, "nl") == []


def test_infinitive_cue_keeps_its_speaker(nlp_nl) -> None:
    a = first_of_kind(attributions_of(nlp_nl, "Hij belde om te zeggen dat hij later kwam.", "nl"), "indirect")
    assert (a.source.text, a.content[0].text) == ("Hij", "hij later kwam")
