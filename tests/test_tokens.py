"""The token walks of the attribution finders on hand-built Docs: words, heads, dependencies and tags written
for each test, as spaCy's own tests build them, so no model is loaded. The vocabulary is a blank English
pipeline's (spaCy's `en_vocab` fixture): a bare ``Vocab()`` has no lexical attributes (`lower_`, `is_alpha`,
`like_num` are empty), and the walks read them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sayso.attribution._content import colon_content, cut_chain, is_complementizer, preceding_content
from sayso.attribution._context import Context
from sayso.attribution._sources import is_passive
from sayso.attribution._tokens import (
    char_span,
    inside,
    is_head,
    is_nominal,
    noun_phrase_after,
    noun_phrase_before,
    relative_comma,
    subjects_of,
    subtree_range,
    trim,
)
from sayso.attribution.lexicon import lexicon
from sayso.attribution.no_response import negated
from sayso.attribution.prepositions import _source_start
from sayso.attribution.speakers import _strip_det

EN = lexicon("en")
VOCAB = spacy.blank("en").vocab
PUNCT = frozenset(",.:;!?")


def _doc(words: list[str], pos: list[str], heads: list[int] | None = None, deps: list[str] | None = None) -> Doc:
    """A Doc of ``words`` with a space after each but before punctuation; ``heads`` are token indices."""
    spaces = [i + 1 < len(words) and words[i + 1] not in PUNCT for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps)


def _ctx(doc: Doc, blocked_phrases: tuple[tuple[int, int], ...] = ()) -> Context:
    return Context(doc=doc, lex=EN, quotes=(), blocked=(), blocked_phrases=blocked_phrases)


def _text(doc: Doc, rng: tuple[int, int] | None) -> str | None:
    return None if rng is None else doc[rng[0] : rng[1]].text


# trim and char_span: offsets, not tokens


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        (" , the dam will hold. ", False, "the dam will hold"),
        ('"We will win,"', True, "We will win"),
        ('the plan was a "disaster".', False, 'the plan was a "disaster"'),  # the opening mark is inside: it stays
        ('rates will fall"', False, "rates will fall"),  # a lone closing mark at the edge goes
    ],
)
def test_tokens_trim_edges(text: str, quotes: bool, expected: str) -> None:
    start, end = trim(text, 0, len(text), quotes=quotes)
    assert text[start:end] == expected


def test_tokens_char_span_of_tokens() -> None:
    doc = _doc(["The", "mayor", "spoke", "."], ["DET", "NOUN", "VERB", "PUNCT"])
    assert char_span(doc[0:2]) == (0, 9)


def test_tokens_inside_is_half_open() -> None:
    assert inside(5, [(0, 3), (4, 6)])
    assert not inside(3, [(0, 3)])


# which words make a noun phrase


def test_tokens_a_capitalised_word_inside_a_sentence_is_a_name_however_tagged() -> None:
    doc = _doc(["Officials", "met", "Henk", "there"], ["NOUN", "VERB", "VERB", "ADV"])
    assert is_nominal(doc[2]) and is_head(doc[2])  # `Henk` tagged a verb
    assert not is_nominal(doc[1])


def test_tokens_a_determiner_is_nominal_but_no_head() -> None:
    doc = _doc(["the", "report"], ["DET", "NOUN"])
    assert is_nominal(doc[0]) and not is_head(doc[0])
    assert is_head(doc[1])


# noun_phrase_after: a source after its cue

ACCORDING = _doc(
    ["According", "to", "the", "fire", "brigade", ",", "the", "blaze", "started", "."],
    ["VERB", "ADP", "DET", "NOUN", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
)


def test_tokens_noun_phrase_after_ends_at_the_comma() -> None:
    assert _text(ACCORDING, noun_phrase_after(ACCORDING, 2, len(ACCORDING), EN)) == "the fire brigade"


def test_tokens_noun_phrase_after_a_pronoun_is_the_whole_phrase() -> None:
    doc = _doc(["said", "he", "on", "Monday", "."], ["VERB", "PRON", "ADP", "PROPN", "PUNCT"])
    assert noun_phrase_after(doc, 1, len(doc), EN) == (1, 2)


def test_tokens_noun_phrase_after_a_partitive_takes_the_group() -> None:
    doc = _doc(["one", "of", "the", "diplomats", "said"], ["NUM", "ADP", "DET", "NOUN", "VERB"])
    assert _text(doc, noun_phrase_after(doc, 0, len(doc), EN)) == "one of the diplomats"


def test_tokens_noun_phrase_after_stops_at_a_blocked_date() -> None:
    doc = _doc(["the", "report", "of", "12", "March", "said"], ["DET", "NOUN", "ADP", "NUM", "PROPN", "VERB"])
    assert _text(doc, noun_phrase_after(doc, 0, len(doc), EN)) == "the report of 12 March"
    date = (doc[3].idx, doc[4].idx + len(doc[4]))
    assert _text(doc, noun_phrase_after(doc, 0, len(doc), EN, [date])) == "the report"


def test_tokens_noun_phrase_after_keeps_an_apposition() -> None:
    doc = _doc(
        ["the", "head", "of", "the", "agency", ",", "Anna", "Berg", ",", "said"],
        ["DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"],
    )
    assert _text(doc, noun_phrase_after(doc, 0, len(doc), EN)) == "the head of the agency, Anna Berg"


def test_tokens_noun_phrase_after_a_verb_is_none() -> None:
    doc = _doc(["rain", "fell"], ["VERB", "VERB"])
    assert noun_phrase_after(doc, 0, len(doc), EN) is None


# noun_phrase_before: a source before its cue


def test_tokens_noun_phrase_before_skips_auxiliaries_and_adverbs() -> None:
    doc = _doc(
        ["The", "finance", "minister", "had", "already", "warned"], ["DET", "NOUN", "NOUN", "AUX", "ADV", "VERB"]
    )
    assert _text(doc, noun_phrase_before(doc, 5, 0, EN)) == "The finance minister"


def test_tokens_noun_phrase_before_a_known_pronoun() -> None:
    doc = _doc(["Then", "she", "said"], ["ADV", "PRON", "VERB"])
    assert noun_phrase_before(doc, 2, 0, EN) == (1, 2)
    doc = _doc(["Then", "something", "said"], ["ADV", "PRON", "VERB"])
    assert noun_phrase_before(doc, 2, 0, EN) is None  # `something` is no speaker's pronoun


# the parse: subjects and subtrees

SAID = _doc(
    ["Officials", "have", "said", "that", "rain", "fell", "."],
    ["NOUN", "AUX", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
    heads=[2, 2, 2, 5, 5, 2, 2],
    deps=["nsubj", "aux", "ROOT", "mark", "nsubj", "ccomp", "punct"],
)


def test_tokens_subjects_of_the_cue() -> None:
    assert [t.text for t in subjects_of(SAID[2], SAID[:])] == ["Officials"]
    assert [t.text for t in subjects_of(SAID[5], SAID[:])] == ["rain"]


def test_tokens_subjects_of_a_participle_hang_on_its_auxiliary() -> None:
    doc = _doc(
        ["Milan", "heeft", "niet", "gereageerd"],
        ["PROPN", "AUX", "ADV", "VERB"],
        heads=[1, 3, 3, 3],
        deps=["nsubj", "aux", "advmod", "ROOT"],
    )
    assert [t.text for t in subjects_of(doc[3], doc[:])] == ["Milan"]  # `AC Milan heeft ... gereageerd`


def test_tokens_subtree_range_cut_at_a_token() -> None:
    assert subtree_range(SAID[5]) == (3, 6)
    assert subtree_range(SAID[2], stop_at=3) == (0, 3)  # cut on the right
    assert subtree_range(SAID[2], stop_at=0) == (1, 7)  # cut on the left


def test_tokens_is_passive_by_its_children() -> None:
    doc = _doc(
        ["Rain", "is", "expected"],
        ["NOUN", "AUX", "VERB"],
        heads=[2, 2, 2],
        deps=["nsubj:pass", "aux:pass", "ROOT"],
    )
    assert is_passive(doc[2])
    assert not is_passive(SAID[2])


# words and clauses


def test_tokens_relative_comma_opens_a_relative_clause() -> None:
    assert relative_comma("Kell, who founded the firm, said", EN) == 4
    assert relative_comma("Kell, the founder, said", EN) is None


def test_tokens_that_after_a_noun_is_a_relative_pronoun() -> None:
    report = _doc(["the", "report", "that", "was", "published"], ["DET", "NOUN", "PRON", "AUX", "VERB"])
    assert not is_complementizer(report[2], _ctx(report))
    assert is_complementizer(SAID[3], _ctx(SAID))


def test_tokens_cut_chain_ends_the_content_before_citing() -> None:
    doc = _doc(
        ["the", "talks", "collapsed", ",", "citing", "two", "diplomats"],
        ["DET", "NOUN", "VERB", "PUNCT", "VERB", "NUM", "NOUN"],
    )
    a, b = cut_chain(_ctx(doc), (0, len(doc.text)))
    assert doc.text[a:b] == "the talks collapsed"


def _one_sentence(words: list[str], pos: list[str], root: int) -> Doc:
    return _doc(words, pos, heads=[root] * len(words), deps=["ROOT" if i == root else "dep" for i in range(len(words))])


def test_tokens_preceding_content_of_an_inverted_cue() -> None:
    doc = _one_sentence(
        ["Rain", "will", "fall", ",", "the", "engineer", "said", "."],
        ["NOUN", "AUX", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
        root=6,
    )
    a, b = preceding_content(doc[6], _ctx(doc), doc[:])
    assert doc.text[a:b] == "Rain will fall"


def test_tokens_preceding_content_needs_only_the_subject_between() -> None:
    doc = _one_sentence(
        ["Rain", "fell", ",", "then", "stopped", "and", "the", "engineer", "said", "so", "."],
        ["NOUN", "VERB", "PUNCT", "ADV", "VERB", "CCONJ", "DET", "NOUN", "VERB", "ADV", "PUNCT"],
        root=8,
    )
    assert preceding_content(doc[8], _ctx(doc), doc[:]) is None


def test_tokens_colon_content_runs_to_the_end_of_the_sentence() -> None:
    doc = _one_sentence(
        ["The", "mayor", "said", ":", "we", "rebuild", "."],
        ["DET", "NOUN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
        2,
    )
    a, b = colon_content(doc[2], _ctx(doc), doc[:])
    assert doc.text[a:b] == "we rebuild"


# the cue's own words: `according to`, `per`, negations


def test_tokens_source_start_after_according_to_and_per() -> None:
    assert _source_start(ACCORDING[0], ACCORDING[:], EN) == 2
    per = _doc(["up", "5", "per", "cent"], ["ADV", "NUM", "ADP", "NOUN"])
    assert _source_start(per[2], per[:], EN) is None  # `per cent` names no source
    reuters = _doc(["fell", ",", "per", "Reuters"], ["VERB", "PUNCT", "ADP", "PROPN"])
    assert _source_start(reuters[2], reuters[:], EN) == 3


@pytest.mark.parametrize(
    ("words", "pos", "cue", "expected"),
    [
        (["The", "ministry", "did", "not", "respond"], ["DET", "NOUN", "AUX", "PART", "VERB"], 4, True),
        (["The", "ministry", "responded", "quickly"], ["DET", "NOUN", "VERB", "ADV"], 2, False),
        (["A", "spokesman", "declined", "to", "comment"], ["DET", "NOUN", "VERB", "PART", "VERB"], 2, True),
        (["Shares", "declined", "5", "%"], ["NOUN", "VERB", "NUM", "NOUN"], 1, False),  # a fall, not a refusal
    ],
)
def test_tokens_negated_non_response(words: list[str], pos: list[str], cue: int, expected: bool) -> None:
    doc = _doc(words, pos)
    assert negated(doc[cue], _ctx(doc), doc[:]) is expected


def test_tokens_strip_det_keeps_een_van_hen() -> None:
    assert _strip_det("the harbour master", EN) == "harbour master"
    assert _strip_det("een van hen", lexicon("nl")) == "een van hen"
    assert _strip_det("de havenmeester", lexicon("nl")) == "havenmeester"


def test_a_name_the_tagger_calls_punctuation_is_still_a_name() -> None:
    # `Telvora itself sees ...` with `Telvora` tagged PUNCT: the speaker's phrase is the name
    doc = _doc(["Telvora", "itself", "sees", "no", "sign"], ["PUNCT", "ADV", "VERB", "DET", "NOUN"])
    assert is_nominal(doc[0]) and is_head(doc[0])
    assert _text(doc, noun_phrase_before(doc, 2, 0, EN)) == "Telvora"
    marks = _doc([",", "sees"], ["PUNCT", "VERB"])
    assert not is_nominal(marks[0])  # real punctuation stays punctuation
