"""Who can speak, and one name a person: rules tested on hand-built Docs and records, no model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sayso.attribution.lexicon import lexicon
from sayso.attribution.speakers import _one_name_a_person, _same_person, can_speak, refuse_mute_sources
from sayso.records import Attribution, Span

EN = lexicon("en")
NL = lexicon("nl")
VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], pos: list[str], heads: list[int], deps: list[str], morphs: list[str]) -> Doc:
    return Doc(VOCAB, words=words, pos=pos, heads=heads, deps=deps, morphs=morphs)


def _source(doc: Doc, start: int, end: int) -> Span:
    return Span.of(doc.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def test_speakers_a_thing_cannot_speak() -> None:
    doc = _doc(
        ["his", "resignation", "was", "announced"],
        ["PRON", "NOUN", "AUX", "VERB"],
        [1, 3, 3, 3],
        ["poss", "nsubjpass", "auxpass", "ROOT"],
        ["", "", "VerbForm=Fin", "VerbForm=Part"],
    )
    assert not can_speak(_source(doc, 0, 2), doc, EN)


def test_speakers_a_person_or_an_organisation_can_speak() -> None:
    doc = _doc(
        ["The", "company", "said"],
        ["DET", "NOUN", "VERB"],
        [1, 2, 2],
        ["det", "nsubj", "ROOT"],
        ["", "", "VerbForm=Fin"],
    )
    assert can_speak(_source(doc, 0, 2), doc, EN)


def test_speakers_a_clause_cannot_speak() -> None:
    words = ["Efforts", "are", "ongoing", "reported"]
    doc = _doc(
        words,
        ["NOUN", "AUX", "ADJ", "VERB"],
        [2, 2, 3, 3],
        ["nsubj", "cop", "ccomp", "ROOT"],
        ["", "VerbForm=Fin", "", "VerbForm=Fin"],
    )
    assert not can_speak(_source(doc, 0, 3), doc, EN)


def test_speakers_a_name_with_a_verb_in_it_can_speak() -> None:
    words = ["Who", "Gives", "a", "Crap", "said"]  # a company name: its capitalised `Gives` is no clause
    doc = _doc(
        words,
        ["PRON", "VERB", "DET", "NOUN", "VERB"],
        [1, 4, 3, 1, 4],
        ["nsubj", "nsubj", "det", "dobj", "ROOT"],
        ["", "VerbForm=Fin", "", "", "VerbForm=Fin"],
    )
    assert can_speak(_source(doc, 0, 4), doc, EN)


def test_speakers_refused_source_drops_a_report_but_keeps_a_quote() -> None:
    doc = _doc(
        ["the", "casualties", "reported"],
        ["DET", "NOUN", "VERB"],
        [1, 2, 2],
        ["det", "nsubj", "ROOT"],
        ["", "", "VerbForm=Fin"],
    )
    src, cue = _source(doc, 0, 2), _source(doc, 2, 3)
    content = (Span.of(doc.text, 0, 3),)
    report = Attribution("indirect", src, cue, content)
    quote = Attribution("direct", src, None, content)
    kept = refuse_mute_sources([report, quote], doc, EN)
    assert [(a.kind, a.source) for a in kept] == [("direct", None)]


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        (["erdogan"], ["recep", "tayyip", "erdogan"], True),
        (["donald", "trump"], ["donald", "j", "trump"], True),
        (["ivanka", "trump"], ["donald", "j", "trump"], False),
        (["trump"], ["trump"], False),  # not shorter: nothing to merge
    ],
)
def test_speakers_same_person(short: list[str], full: list[str], same: bool) -> None:
    assert _same_person(short, full) is same


def test_speakers_one_name_a_person() -> None:
    text = "x"
    span = Span.of(text, 0, 1)
    people = [
        Attribution("indirect", span, span, (span,), speaker=name, speaker_type="person")
        for name in ("Recep Tayyip Erdoğan", "Erdogan", "Mark Rutte")
    ]
    assert [a.speaker for a in _one_name_a_person(people)] == [
        "Recep Tayyip Erdoğan",
        "Recep Tayyip Erdoğan",
        "Mark Rutte",
    ]


def test_speakers_an_ambiguous_surname_stays() -> None:
    text = "x"
    span = Span.of(text, 0, 1)
    people = [
        Attribution("indirect", span, span, (span,), speaker=name, speaker_type="person")
        for name in ("Donald Trump", "Ivanka Trump", "Trump")
    ]
    assert [a.speaker for a in _one_name_a_person(people)] == ["Donald Trump", "Ivanka Trump", "Trump"]


def test_speakers_dutch_non_speakers_are_data() -> None:
    assert "ontslag" in NL.non_speakers and "resignation" in EN.non_speakers


def test_speakers_relative_pronoun_stands_for_its_antecedent() -> None:
    from sayso.attribution.speakers import antecedent

    words = ["by", "the", "minister", "and", "the", "agency", ",", "who", "questioned", "it"]
    doc = _doc(
        words,
        ["ADP", "DET", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PRON"],
        [0, 2, 0, 2, 5, 2, 5, 8, 5, 8],
        ["ROOT", "det", "pobj", "cc", "det", "conj", "punct", "nsubj", "relcl", "dobj"],
        ["", "", "", "", "", "", "", "", "VerbForm=Fin", ""],
    )
    assert antecedent(_source(doc, 7, 8), doc, EN).text == "the minister and the agency"
    assert antecedent(_source(doc, 1, 3), doc, EN).text == "the minister"  # no relative pronoun: unchanged


def test_speakers_a_document_speaks_for_its_author() -> None:
    from sayso.attribution.speakers import antecedent

    words = ["They", "released", "a", "statement", "which", "said", "it"]
    doc = _doc(
        words,
        ["PRON", "VERB", "DET", "NOUN", "PRON", "VERB", "PRON"],
        [1, 1, 3, 1, 5, 3, 5],
        ["nsubj", "ROOT", "det", "dobj", "nsubj", "relcl", "dobj"],
        ["", "VerbForm=Fin", "", "", "", "VerbForm=Fin", ""],
    )
    assert antecedent(_source(doc, 4, 5), doc, EN).text == "They"


def test_speakers_a_source_is_a_noun_phrase() -> None:
    doc = _doc(
        ["impacting", "Kidapawan", "City", "recorded"],
        ["VERB", "PROPN", "PROPN", "VERB"],
        [3, 2, 0, 3],
        ["advcl", "compound", "dobj", "ROOT"],
        ["VerbForm=Ger", "", "", "VerbForm=Fin"],
    )
    assert not can_speak(_source(doc, 0, 3), doc, EN)
    doc = _doc(
        ["brandweercommandant", "Ellen", "Huisman", "zei"],
        ["VERB", "PROPN", "PROPN", "VERB"],
        [3, 0, 1, 3],
        ["nsubj", "appos", "flat", "ROOT"],
        ["VerbForm=Part", "", "", "VerbForm=Fin"],
    )
    assert can_speak(_source(doc, 0, 3), doc, NL)  # a role word the tagger took for a participle, before a name


def test_speakers_an_organisation_named_right_before_a_quote_speaks_it() -> None:
    from sayso.attribution.speakers import resolve_speakers
    from sayso.records import Entity

    # `Karin Bos zei X. Op Telegram schrijft Cobalt Bear "Y".`: a quote the finders gave no source; no person is
    # named in its sentence, and the organisation written right before it speaks it, not the speaker before
    words = ["Karin", "Bos", "zei", "dat", ".", "Op", "Telegram", "schrijft", "Cobalt", "Bear", '"', "niets", '"', "."]
    doc = Doc(VOCAB, words=words, sent_starts=[True, *[False] * 4, True, *[False] * 8])
    text = doc.text
    bos = Attribution("indirect", _source(doc, 0, 2), _source(doc, 2, 3), (_source(doc, 3, 4),))
    quote = Attribution("direct", None, None, (_source(doc, 11, 12),))
    entities = [
        Entity(doc[0].idx, doc[1].idx + 3, "Karin Bos", "PER", "Karin Bos"),
        Entity(doc[8].idx, doc[9].idx + 4, "Cobalt Bear", "ORG", "Cobalt Bear"),
    ]
    assert text[entities[1].start : entities[1].end] == "Cobalt Bear"
    speakers = [a.speaker for a in resolve_speakers([bos, quote], doc, entities, NL)]
    assert speakers == ["Karin Bos", "Cobalt Bear"]


def test_speakers_a_relative_clause_without_comma_does_not_make_the_source_a_thing() -> None:
    """`the company that investigated the attack`: the company speaks; `attack` heads the relative clause."""
    doc = _doc(
        ["the", "company", "that", "investigated", "the", "attack", "said"],
        ["DET", "NOUN", "PRON", "VERB", "DET", "NOUN", "VERB"],
        [1, 6, 3, 1, 5, 3, 6],
        ["det", "nsubj", "nsubj", "relcl", "det", "dobj", "ROOT"],
        ["", "", "", "VerbForm=Fin", "", "", "VerbForm=Fin"],
    )
    assert can_speak(_source(doc, 0, 6), doc, EN)
    assert not can_speak(_source(doc, 4, 6), doc, EN)
