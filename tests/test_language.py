from __future__ import annotations

import pytest

from sayso.errors import LanguageError
from sayso.language import detect_language
from sayso.language.resources import load_lines, supported_languages


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De minister zei dinsdag dat het kabinet niet van plan is de belasting te verhogen.", "nl"),
        ("The minister said on Tuesday that the government has no plans to raise taxes.", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_detect_language_refuses_to_guess() -> None:
    with pytest.raises(LanguageError, match="--language"):
        detect_language("Xyz qrs 123 456.", "short.txt")


def test_unknown_language_names_the_supported_ones() -> None:
    with pytest.raises(LanguageError, match="supported: en, nl"):
        load_lines("fr", "stopwords")
    assert supported_languages() == ("en", "nl")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_initials_never_end_a_sentence(language: str, request: pytest.FixtureRequest) -> None:
    nlp = request.getfixturevalue(f"nlp_{language}")
    doc = nlp("Eerste vlucht naar de V. S.\n\nJ. F. Kennedy landde. Daarna niets.")
    assert [s.text.strip() for s in doc.sents] == [
        "Eerste vlucht naar de V. S.",
        "J. F. Kennedy landde.",
        "Daarna niets.",
    ]


def test_a_letter_after_a_lower_case_word_may_end_a_sentence(nlp_en) -> None:
    doc = nlp_en('"It is a lie," the spokesman wrote on X. Foreign Minister Peter Szijjarto told radio it was false.')
    assert [s.text.split()[0] for s in doc.sents] == ['"It', "Foreign"]


def test_a_common_word_before_a_period_is_no_abbreviation(nlp_nl) -> None:
    doc = nlp_nl("Het OM stelt dat hij fraude pleegde. Zijn advocaat bestrijdt dat. De zaak loopt al.\n")
    assert [t.text for t in doc][-4:-1] == ["loopt", "al", "."]
    assert len(list(doc.sents)) == 3


@pytest.mark.slow
def test_two_spaces_after_a_sentence_still_end_it(nlp_en) -> None:
    doc = nlp_en('She called the plan "a disaster".  Her deputy said nothing.')
    assert [s.text.strip() for s in doc.sents] == ['She called the plan "a disaster".', "Her deputy said nothing."]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_tokenizer_is_the_one_spacy_loads(language: str, request: pytest.FixtureRequest) -> None:
    """Loaded without building the language's default tokenizer first, it is spaCy's own, but for the word
    abbreviations sayso drops."""
    import spacy

    from sayso.language.backbone import _without, _word_abbreviations, backbone_name

    ours = request.getfixturevalue(f"nlp_{language}").tokenizer
    theirs = spacy.load(backbone_name(language)).tokenizer
    drop = _word_abbreviations(theirs.rules, language)
    assert (language == "nl") == bool(drop)  # Dutch has some (`dat.`), English none
    theirs.rules = _without(theirs.rules, drop)
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])
    assert not drop & set(ours.rules)


def test_a_pipeline_with_a_tokenizer_of_its_own_keeps_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    from sayso.language.backbone import _load

    @registry.tokenizers("test.OwnTokenizer.v1")
    def own():  # type: ignore[no-untyped-def]
        return lambda nlp: Tokenizer(nlp.vocab)

    nlp = spacy.blank("nl")
    nlp.tokenizer.rules = {"dat.": [{"ORTH": "dat."}], "bijv.": [{"ORTH": "bijv."}]}
    nlp.to_disk(tmp_path / "spacys")
    loaded = _load(str(tmp_path / "spacys"), "nl")
    assert loaded.config["nlp"]["tokenizer"]["@tokenizers"] == "sayso.BareTokenizer.v1"
    assert set(loaded.tokenizer.rules) == {"bijv."}  # `dat` is a common word: its abbreviation is dropped
    config = (tmp_path / "spacys" / "config.cfg").read_text()
    (tmp_path / "spacys" / "config.cfg").write_text(config.replace("spacy.Tokenizer.v1", "test.OwnTokenizer.v1"))
    own_one = _load(str(tmp_path / "spacys"), "nl")  # loaded as spaCy loads it, then the same words dropped
    assert own_one.config["nlp"]["tokenizer"]["@tokenizers"] == "test.OwnTokenizer.v1"
    assert set(own_one.tokenizer.rules) == {"bijv."}
