"""The Dutch model's training code (readers, cleaning, split) and the shipped model itself.

All treebank and NER snippets here are invented for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from sayso.errors import InputError
from sayso.language.training import train_dutch
from sayso.language.training._bio import (
    Block,
    Token,
    entity_spans,
    frequent_names,
    is_annotated,
    is_garbage,
    make_blocks,
    read_bio,
    repair_iob,
    sentence_to_doc,
    split_sentences,
)
from sayso.language.training._conllu import chunk_to_doc, group_sentences, normalise_lemma, read_conllu
from sayso.language.training._split import split_units

MODEL = Path(__file__).resolve().parents[1] / "src" / "sayso" / "language" / "models" / "nl"

# Two invented sentences of one document, with a multiword-token range (3-4), an empty node (5.1)
# and SpaceAfter=No; lemmas carry the UD Dutch "_" compound marks.
CONLLU = """\
# sent_id = krant-7.p.1.s.1
# text = De wethouder zei: ,,Het busstation gaat dicht.''
1\tDe\tde\tDET\tLID\tDefinite=Def\t2\tdet\t_\t_
2\twethouder\twethouder\tNOUN\tN\tGender=Com|Number=Sing\t3\tnsubj\t_\t_
3\tzei\tzeggen\tVERB\tWW\tNumber=Sing|Tense=Past|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
4\t:\t:\tPUNCT\tLET\t_\t3\tpunct\t_\t_
5\t,,\t,,\tPUNCT\tLET\t_\t9\tpunct\t_\tSpaceAfter=No
6\tHet\thet\tDET\tLID\tDefinite=Def\t7\tdet\t_\t_
7\tbusstation\tbus_station\tNOUN\tN\tGender=Neut|Number=Sing\t8\tnsubj\t_\t_
8\tgaat\tdicht_gaan\tVERB\tWW\tNumber=Sing|Tense=Pres|VerbForm=Fin\t3\tccomp\t_\t_
9\tdicht\tdicht\tADJ\tADJ\tDegree=Pos\t8\tcompound:prt\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\tLET\t_\t8\tpunct\t_\tSpaceAfter=No
11\t''\t''\tPUNCT\tLET\t_\t8\tpunct\t_\t_

# sent_id = krant-7.p.1.s.2
# text = Reizigers stappen om.
1-2\tReizigers stappen\t_\t_\t_\t_\t_\t_\t_\t_
1\tReizigers\treiziger\tNOUN\tN\tNumber=Plur\t2\tnsubj\t_\t_
2\tstappen\tom_stappen\tVERB\tWW\tNumber=Plur|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_
2.1\tstappen\tom_stappen\tVERB\tWW\t_\t_\t_\t1:nsubj\t_
3\tom\tom\tADP\tVZ\t_\t2\tcompound:prt\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\tLET\t_\t2\tpunct\t_\t_

# sent_id = krant-7.p.2.s.1
# text = Omleiding via Dorpsstraat
1\tOmleiding\tom_leiding\tNOUN\tN\tNumber=Sing\t0\troot\t_\t_
2\tvia\tvia\tADP\tVZ\t_\t3\tcase\t_\t_
3\tDorpsstraat\tDorpsstraat\tPROPN\tN\tNumber=Sing\t1\tnmod\t_\t_

# sent_id = krant-7.p.3.s.1
# text = Bussen rijden om.
1\tBussen\tbus\tNOUN\tN\tNumber=Plur\t2\tnsubj\t_\t_
2\trijden\tom_rijden\tVERB\tWW\tNumber=Plur|Tense=Pres|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
3\tom\tom\tADP\tVZ\t_\t2\tcompound:prt\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\tLET\t_\t2\tpunct\t_\t_

# sent_id = blad-2.p.4.s.1
# text = Het regent.
1\tHet\thet\tPRON\tVNW\tPerson=3|PronType=Prs\t2\texpl\t_\t_
2\tregent\tregenen\tVERB\tWW\tNumber=Sing|Tense=Pres|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\tLET\t_\t2\tpunct\t_\t_
"""

# Invented Europeana-style lines: punctuation glued to tokens, an I- tag that starts an entity.
BIO = """\
Minister O
Jansen, B-PER
van O
het O
Departement B-ORG
van I-ORG
Oorlog, I-ORG
reisde O
gisteren O
naar O
Utrecht. B-LOC
Daar O
sprak O
hij O
met O
Pieters I-PER
over O
den O
spoorweg. O
"""


def test_training_conllu_reader_builds_gold_docs() -> None:
    sentences = read_conllu(CONLLU, source="invented.conllu")
    assert [s.sent_id for s in sentences][:2] == ["krant-7.p.1.s.1", "krant-7.p.1.s.2"]
    assert [s.doc_id for s in sentences] == ["krant-7", "krant-7", "krant-7", "krant-7", "blad-2"]
    # a new document, and a heading without final punctuation, end a group
    groups = group_sentences(sentences)
    assert [[s.sent_id for s in g] for g in groups] == [
        ["krant-7.p.1.s.1", "krant-7.p.1.s.2", "krant-7.p.2.s.1"],
        ["krant-7.p.3.s.1"],
        ["blad-2.p.4.s.1"],
    ]
    assert [len(g) for g in group_sentences(sentences, max_sentences=2)] == [2, 1, 1, 1]

    doc = chunk_to_doc(spacy.blank("nl").vocab, groups[0])
    assert doc.text == (
        "De wethouder zei: ,,Het busstation gaat dicht.'' Reizigers stappen om. Omleiding via Dorpsstraat"
    )
    assert [t.text for t in doc][:4] == ["De", "wethouder", "zei", ":"]
    assert len(doc) == 18  # the empty node 2.1 and the range line 1-2 add no tokens
    zei = doc[2]
    assert (zei.pos_, zei.lemma_, zei.dep_, zei.head.i) == ("VERB", "zeggen", "ROOT", 2)
    assert str(zei.morph) == "Number=Sing|Tense=Past|VerbForm=Fin"
    assert doc[1].head.i == 2 and doc[1].dep_ == "nsubj"
    assert doc[7].head.i == 2 and doc[7].dep_ == "ccomp"
    assert [t.lemma_ for t in doc[5:9]] == ["het", "busstation", "dichtgaan", "dicht"]
    # second sentence: heads are shifted to document positions, and it starts a sentence
    assert doc[11].text == "Reizigers" and doc[11].is_sent_start
    assert doc[11].head.i == 12 and doc[12].dep_ == "ROOT" and doc[12].lemma_ == "omstappen"
    assert len(list(doc.sents)) == 3
    assert doc[15].lemma_ == "omleiding" and doc[15].is_sent_start


@pytest.mark.parametrize(
    ("form", "lemma", "upos", "expected"),
    [
        ("ontwikkelingslanden", "ontwikkeling_land", "NOUN", "ontwikkelingsland"),
        ("Schoolboeken", "school_boek", "NOUN", "schoolboek"),
        ("kabinet-Jansen", "kabinet_Jansen", "NOUN", "kabinet-Jansen"),
        ("hoofdsteden", "hoofd_stad", "NOUN", "hoofdstad"),
        ("opgegeven", "op_geven", "VERB", "opgeven"),
        ("voegde", "toe_voegen", "VERB", "toevoegen"),
        ("zei", "zeggen", "VERB", "zeggen"),
        ("_", "_", "PUNCT", "_"),
    ],
)
def test_training_normalise_lemma_gives_dictionary_words(form: str, lemma: str, upos: str, expected: str) -> None:
    assert normalise_lemma(form, lemma, upos) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1\tDe\tde\tDET\n", "expected 10 tab-separated columns"),
        ("1\tDe\tde\tDET\tLID\t_\tx\tdet\t_\t_\n", "is not a number"),
        ("1\tDe\tde\tDET\tLID\t_\t7\tdet\t_\t_\n", "not a word of the sentence"),
    ],
)
def test_training_conllu_reader_rejects_broken_lines(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment) as err:
        read_conllu(text, source="broken.conllu")
    assert "broken.conllu" in str(err.value)


def test_training_bio_reader_retokenizes_and_trims_entities() -> None:
    tokens = read_bio(BIO, source="invented.bio")
    assert tokens[15].text == "Pieters" and tokens[15].tag == "B-PER"  # an I- that starts an entity
    sentences = split_sentences(tokens)
    assert [len(s) for s in sentences] == [11, 8]

    text, spans = entity_spans(sentences[0])
    assert [(text[a:b], label) for a, b, label in spans] == [
        ("Jansen", "PER"),
        ("Departement van Oorlog", "ORG"),
        ("Utrecht", "LOC"),
    ]
    doc = sentence_to_doc(spacy.blank("nl").make_doc, sentences[0])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Jansen", "PER"),
        ("Departement van Oorlog", "ORG"),
        ("Utrecht", "LOC"),
    ]
    assert "," in [t.text for t in doc]  # punctuation is split off as the model will see it
    assert all(t.ent_iob_ in {"B", "I", "O"} for t in doc)  # no token is left unannotated


def test_training_repair_iob_joins_names_tagged_b_on_every_token() -> None:
    tokens = read_bio(
        "heer O\nvan B-PER\nDam B-PER\nbezocht O\nLeiden, B-LOC\nDelft B-LOC\nen O\nJ. B-PER\nKok B-PER\n"
        "Gouda. B-LOC\nHaarlem B-LOC\n(Noord-Holland) B-LOC\n"
    )
    repaired, changed = repair_iob(tokens)
    assert [t.tag for t in repaired] == [
        "O", "B-PER", "I-PER", "O", "B-LOC", "B-LOC", "O", "B-PER", "I-PER", "B-LOC", "B-LOC", "B-LOC",
    ]  # fmt: skip
    assert changed == 2


def test_training_bio_reader_rejects_unknown_tags() -> None:
    with pytest.raises(InputError, match=r"line 2: .*TOKEN TAG"):
        read_bio("Jansen B-PER\nAmsterdam B-GPE\n", source="odd.bio")


def test_training_cleaning_drops_debris_and_unannotated_blocks() -> None:
    tokens = read_bio(BIO)
    assert not is_garbage(tokens[:11])
    debris = read_bio("".join(f"{w} O\n" for w in ["'lOOO", "]36", "f5.?", "Tarwe", "7!)", "B'/,"]))
    assert is_garbage(debris)
    assert is_garbage(tokens[:2])  # too short to learn from

    names = frequent_names(tokens * 8)
    assert {"Jansen", "Utrecht", "Pieters"} <= names and "Minister" not in names
    annotated = make_blocks(split_sentences(tokens * 8), size=50)
    assert all(is_annotated(b, names) for b in annotated)
    unannotated = [
        Block(b.first_line, tuple(tuple(Token(t.text, "O", t.line) for t in s) for s in b.sentences)) for b in annotated
    ]
    assert not any(is_annotated(b, names) for b in unannotated)


def test_training_split_is_fixed_disjoint_and_proportional() -> None:
    units = [f"doc-{i}" for i in range(200)]
    first = split_units(units, unit_id=str, size=lambda _: 1)
    again = split_units(list(reversed(units)), unit_id=str, size=lambda _: 1)
    assert set(first.test) == set(again.test) and set(first.dev) == set(again.dev)
    assert len(first.test) == 20 and len(first.dev) == 20 and len(first.train) == 160
    assert not set(first.test) & set(first.dev) and not set(first.test) & set(first.train)


def test_training_missing_data_folder_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist; pass --data") as err:
        train_dutch(tmp_path / "nowhere", tmp_path / "out")
    assert str(tmp_path / "nowhere") in str(err.value)
    (tmp_path / "data" / "ud-dutch").mkdir(parents=True)
    with pytest.raises(InputError, match=r"no UD Dutch treebank in .*ud-dutch"):
        train_dutch(tmp_path / "data", tmp_path / "out")


@pytest.mark.slow
def test_training_shipped_model_tags_parses_and_finds_entities() -> None:
    nlp = spacy.load(MODEL)
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "parser", "trainable_lemmatizer", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG"}
    doc = nlp("De burgemeester zei dinsdag dat de nieuwe brug in Rotterdam later opengaat. Hij was boos.")
    zei = doc[2]
    assert zei.text == "zei" and zei.pos_ == "VERB" and zei.lemma_ == "zeggen"
    sents = list(doc.sents)
    assert len(sents) == 2
    for sent in sents:
        assert [t.dep_ for t in sent].count("ROOT") == 1
    assert sents[0].root.text == "zei"
    assert doc[1].head.text == "zei" and doc[1].dep_ == "nsubj"
    assert doc[0].pos_ == "DET" and doc[1].pos_ == "NOUN"


@pytest.mark.slow
def test_training_shipped_model_reads_news_typography() -> None:
    nlp = spacy.load(MODEL)
    doc = nlp("Nieuwe brug in Arnhem\n\nDe wethouder zei: „De brug gaat in mei open.” Daarna vertrok ze naar Utrecht.")
    space = [t for t in doc if t.is_space]
    assert space and all(t.pos_ == "SPACE" for t in space)
    assert not any(t.is_space for ent in doc.ents for t in ent)
    assert ("Utrecht", "LOC") in [(e.text, e.label_) for e in doc.ents]
    # sentence boundaries as sayso reads them: its rule component runs before the parser
    from sayso.language import load_backbone

    sents = [s.text.strip() for s in load_backbone("nl", str(MODEL))(doc.text).sents]
    assert sents[-1] == "Daarna vertrok ze naar Utrecht."
    assert any(s.endswith("„De brug gaat in mei open.”") for s in sents)


@pytest.mark.slow
def test_training_shipped_model_carries_licence_and_scores() -> None:
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert (meta["name"], meta["lang"], meta["version"], meta["license"]) == ("sayso_nl", "nl", "0.1.0", "CC BY-SA 4.0")
    assert any("Bouma" in s.get("author", "") for s in meta["sources"])
    assert any("Europeana" in s.get("name", "") for s in meta["sources"])
    perf = meta["performance"]
    assert perf["pos_acc"] > 0.9 and perf["dep_las"] > 0.7 and perf["ents_f"] > 0.5
    assert "CC BY-SA 4.0" in (MODEL / "LICENSE").read_text(encoding="utf-8")
    assert not list(MODEL.glob("**/*.spacy")) and not (MODEL / "model-best").exists()
