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
