"""Turn the shared training data into spaCy corpora (``.spacy`` files) in a work folder.

``check_data`` says what is missing from the data folder; ``build_ud`` and
``build_ner`` write ``train``/``dev``/``test`` DocBins and return what went
into them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from sayso.errors import InputError
from sayso.language.training._bio import (
    Block,
    frequent_names,
    is_annotated,
    is_garbage,
    make_blocks,
    read_bio,
    repair_iob,
    sentence_to_doc,
    split_sentences,
)
from sayso.language.training._conllu import Sentence, chunk_to_doc, group_sentences, read_conllu
from sayso.language.training._split import split_units

UD_FOLDER = "ud-dutch"
NER_FILE = "europeana-ner-nl/enp_NL.kb.bio"
PARTS = ("train", "dev", "test")


@dataclass(frozen=True, slots=True)
class CorpusFiles:
    """The DocBins of one corpus and counts of what went into each part."""

    train: Path
    dev: Path
    test: Path
    counts: dict[str, dict[str, int]]


def check_data(data_dir: Path) -> tuple[list[Path], Path]:
    """The UD ``.conllu`` files and the Europeana ``.bio`` file under ``data_dir``."""
    if not data_dir.is_dir():
        raise InputError(
            f"training data folder {data_dir} does not exist; pass --data with the folder that "
            f"holds {UD_FOLDER}/ and europeana-ner-nl/"
        )
    conllu = sorted((data_dir / UD_FOLDER).glob("*.conllu"))
    if not conllu:
        raise InputError(
            f"no UD Dutch treebank in {data_dir / UD_FOLDER}: expected *.conllu files; put the "
            "UD_Dutch-Alpino and UD_Dutch-LassySmall .conllu files there"
        )
    bio = data_dir / NER_FILE
    if not bio.is_file():
        raise InputError(
            f"the Europeana Newspapers NER file {bio} is missing; put enp_NL.kb.bio from "
            "github.com/EuropeanaNewspapers/ner-corpora there"
        )
    return conllu, bio


def _save(docs: list[Doc], path: Path) -> Path:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


def read_ud(files: list[Path]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for path in files:
        sentences.extend(read_conllu(path.read_text(encoding="utf-8"), source=str(path)))
    return sentences


def build_ud(nlp: Language, files: list[Path], work: Path) -> CorpusFiles:
    """UD documents split by ``split_units`` (10% test, 10% dev), in Docs of up to 10 sentences."""
    sentences = read_ud(files)
    documents: dict[str, list[Sentence]] = {}
    for sent in sentences:
        documents.setdefault(sent.doc_id, []).append(sent)
    split = split_units(list(documents.items()), unit_id=lambda d: d[0], size=lambda d: len(d[1]))
    paths: dict[str, Path] = {}
    counts: dict[str, dict[str, int]] = {}
    for part in PARTS:
        docs_of_part = getattr(split, part)
        sents = [s for _, doc_sents in docs_of_part for s in doc_sents]
        docs = [chunk_to_doc(nlp.vocab, group) for group in group_sentences(sents)]
        paths[part] = _save(docs, work / f"ud-{part}.spacy")
        counts[part] = {
            "documents": len(docs_of_part),
            "sentences": len(sents),
            "words": sum(len(s.words) for s in sents),
        }
    return CorpusFiles(paths["train"], paths["dev"], paths["test"], counts)


def build_ner(nlp: Language, bio: Path, work: Path) -> CorpusFiles:
    """Europeana blocks that look annotated, names joined, without OCR-garbage sentences, split by block."""
    tokens, repaired = repair_iob(read_bio(bio.read_text(encoding="utf-8"), source=str(bio)))
    names = frequent_names(tokens)
    blocks = make_blocks(split_sentences(tokens))
    kept = [b for b in blocks if is_annotated(b, names)]
    split = split_units(kept, unit_id=lambda b: f"line-{b.first_line}", size=lambda b: b.n_tokens)
    paths: dict[str, Path] = {}
    counts: dict[str, dict[str, int]] = {
        "all": {"tokens": len(tokens), "blocks": len(blocks), "b_tags_joined": repaired},
        "dropped_unannotated": {
            "blocks": len(blocks) - len(kept),
            "tokens": sum(b.n_tokens for b in blocks) - sum(b.n_tokens for b in kept),
        },
        "dropped_garbage": {"sentences": 0, "tokens": 0},
    }
    for part in PARTS:
        part_blocks: tuple[Block, ...] = getattr(split, part)
        sents = [s for b in part_blocks for s in b.sentences]
        clean = [s for s in sents if not is_garbage(s)]
        counts["dropped_garbage"]["sentences"] += len(sents) - len(clean)
        counts["dropped_garbage"]["tokens"] += sum(len(s) for s in sents) - sum(len(s) for s in clean)
        docs = [sentence_to_doc(nlp.make_doc, s) for s in clean]
        paths[part] = _save(docs, work / f"ner-{part}.spacy")
        counts[part] = {
            "blocks": len(part_blocks),
            "sentences": len(clean),
            "spacy_tokens": sum(len(d) for d in docs),
            "entities": sum(len(d.ents) for d in docs),
        }
    return CorpusFiles(paths["train"], paths["dev"], paths["test"], counts)
