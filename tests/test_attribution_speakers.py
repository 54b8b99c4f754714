"""Speakers and quotes of published reporting, with the real models, on sentences written for these tests."""

from __future__ import annotations

import pytest

from _helpers import attributions_of, first_of_kind

pytestmark = pytest.mark.slow


def test_quote_right_after_the_cue_is_its_content(nlp_nl) -> None:
    text = "Een groep boeren gaf een verklaring af waarin ze beloofden „de wegen te blokkeren tot de minister komt.”"
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "direct")
    assert a.cue is not None and a.cue.text == "beloofden"
    assert a.content[0].text.startswith("de wegen te blokkeren")


def test_quoted_term_after_a_cue_is_no_statement(nlp_en) -> None:
    text = 'Inspectors said the wall had shown "minor cracks" that were never repaired.'
    assert all(a.kind != "direct" for a in attributions_of(nlp_en, text, "en"))


def test_quote_without_cue_speaks_for_the_person_in_its_sentence(nlp_en) -> None:
    text = (
        "The mayor of the city, Anna Nowak, opened the bridge on Friday. "
        'Former minister Jan Kowalski, the current head of the council, wrote "Let us all pray for the mayor. '
        'We are with you."'
    )
    a = first_of_kind(attributions_of(nlp_en, text, "en"), "direct")
    assert a.speaker == "Jan Kowalski"


def test_thing_as_source_is_refused(nlp_en) -> None:
    text = "Of the nine suspects, the driver was the only identity disclosed."
    assert attributions_of(nlp_en, text, "en") == []


def test_people_familiar_with_the_matter_speak(nlp_en) -> None:
    a = first_of_kind(
        attributions_of(nlp_en, "The merger is off, two people familiar with the talks said.", "en"), "indirect"
    )
    assert a.source.text == "two people familiar with the talks"
    assert a.content[0].text == "The merger is off"


def test_hyphenated_role_before_a_name(nlp_nl) -> None:
    a = first_of_kind(
        attributions_of(nlp_nl, "Volgens klimaat-expert Anna de Wit stijgt de zeespiegel sneller.", "nl"),
        "according_to",
    )
    assert a.source.text == "klimaat-expert Anna de Wit"


def test_outlet_after_the_speaker_relays_the_quote(nlp_nl) -> None:
    text = "„We stoppen ermee,” zei Jansen volgens het Dagblad terwijl de bond het anders vertelde: „We gaan door.”"
    found = attributions_of(nlp_nl, text, "nl")
    outlet = first_of_kind(found, "according_to")
    assert outlet.content[0].text == "We stoppen ermee"
    assert any(a.cue is not None and a.cue.text == "zei" and a.content[0].text == "We stoppen ermee" for a in found)


def test_subject_of_a_concessive_clause_speaks(nlp_nl) -> None:
    text = "De raad keurde het plan in mei al goed, alhoewel deskundigen in de bouw stellen dat de dijk te zwak is."
    a = first_of_kind(attributions_of(nlp_nl, text, "nl"), "indirect")
    assert a.source.text == "deskundigen in de bouw"


def test_second_verb_of_a_named_subject(nlp_nl) -> None:
    text = (
        "Minister Karel Smit zei dat de brug open blijft. "
        "Burgemeester Anna de Wit heeft haar bezoek aan de stad uitgesteld en noemde de brug als reden."
    )
    found = attributions_of(nlp_nl, text, "nl")
    a = next(a for a in found if a.cue is not None and a.cue.text == "noemde")
    assert a.speaker == "Anna de Wit"


def test_quoted_title_without_a_verb_is_no_statement(nlp_nl) -> None:
    text = "Het “Licht op de Stad” -festival trok dit jaar veel bezoekers naar het centrum."
    assert attributions_of(nlp_nl, text, "nl") == []


def test_two_quotes_joined_by_and_are_one_content(nlp_en) -> None:
    text = (
        'The union leader, Jan Smit, said on Friday "We made a plea to the board once again: do not close the plant"'
        ' and "So we told the board we needed the plant open. It refused."'
    )
    a = first_of_kind(attributions_of(nlp_en, text, "en"), "direct")
    assert [c.text for c in a.content] == [
        "We made a plea to the board once again: do not close the plant",
        "So we told the board we needed the plant open. It refused",
    ]


def test_second_verb_of_a_speaker_whose_parse_gave_a_thing(nlp_en) -> None:
    text = (
        'Dr Anna Berg, a chemist at the university, said the danger was "low but real" and called '
        "messages online claiming that the water is poisoned alarmist."
    )
    a = next(a for a in attributions_of(nlp_en, text, "en") if a.cue is not None and a.cue.text == "called")
    assert a.speaker == "Anna Berg"


def test_a_name_after_the_head_of_a_source_is_not_its_speaker(nlp_en) -> None:
    found = attributions_of(nlp_en, "Lawyers for Mr Smith did not respond to requests for comment.", "en")
    assert first_of_kind(found, "no_response").speaker == "Lawyers for Mr Smith"
    found = attributions_of(nlp_en, "The chief executive of the bank, Anna Berg, said that profits rose.", "en")
    assert first_of_kind(found, "indirect").speaker == "Anna Berg"


@pytest.mark.parametrize(
    ("text", "language", "speakers"),
    [
        (
            "Nordlys Security said in a report published on Tuesday that the cranes were hacked. "
            "According to the report, the attackers had been inside the network for weeks.",
            "en",
            ["Nordlys Security", "Nordlys Security"],
        ),
        (
            "Nordlys Security schreef dinsdag in een rapport dat de kranen waren gehackt. "
            "Volgens het rapport zaten de aanvallers al weken in het netwerk.",
            "nl",
            ["Nordlys Security", "Nordlys Security"],
        ),
        (  # no report was named before: the report stays what it is
            "The ministry said the cranes were hacked. "
            "According to the report, the attackers had been inside the network for weeks.",
            "en",
            ["ministry", "report"],
        ),
    ],
)
def test_the_report_is_spoken_by_whoever_issued_it_just_before(
    nlp_en, nlp_nl, text: str, language: str, speakers: list[str]
) -> None:
    nlp = nlp_en if language == "en" else nlp_nl
    assert [a.speaker for a in attributions_of(nlp, text, language)] == speakers


@pytest.mark.parametrize(
    ("text", "language", "content"),
    [
        (
            "The operator said the storm closed three harbours: Esbjerg, Aarhus and Skagen.",
            "en",
            "the storm closed three harbours: Esbjerg, Aarhus and Skagen",
        ),
        (
            "Het ministerie zei dat drie dorpen zijn getroffen: Ede, Epe en Elst.",
            "nl",
            "drie dorpen zijn getroffen: Ede, Epe en Elst",
        ),
        ("He said the plan was simple: the army would leave.", "en", "the plan was simple"),
    ],
)
def test_a_list_after_a_colon_belongs_to_the_content_a_new_clause_does_not(
    nlp_en, nlp_nl, text: str, language: str, content: str
) -> None:
    nlp = nlp_en if language == "en" else nlp_nl
    [a] = attributions_of(nlp, text, language)
    assert [s.text for s in a.content] == [content]


def test_a_cue_after_its_content_says_the_clause_before_it_not_a_verb_after_the_comma(nlp_en) -> None:
    # the parser hangs `took effect` on `says`; the ministry says the first clause
    text = (
        "A missile strike on the harbour has killed nine people, Syria's Ministry of Health says, in one of the "
        "deadliest attacks since a truce between the army and the rebels took effect in May."
    )
    [a] = attributions_of(nlp_en, text, "en")
    assert [s.text for s in a.content] == ["A missile strike on the harbour has killed nine people"]
