"""Scores of the assembled pipeline on the held-out parts and on modern news.

``score_heldout`` runs the pipeline on raw text (its own tokenizer), aligned
to the gold tokens, as ``spacy evaluate`` does. ``score_meantime`` checks the
entities on the Dutch MEANTIME articles the way ``eval/score.py`` scores
entity names: distinct name forms per article, compared as strings.
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example

from sayso.errors import InputError

UD_KEYS = ("token_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_p", "sents_r", "sents_f")
NER_KEYS = ("ents_p", "ents_r", "ents_f")
# MEANTIME labels our PER/LOC/ORG can stand for; PRODUCT, EVENT and MISC have no counterpart
MEANTIME_LABELS = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def _examples(nlp: Language, path: Path) -> list[Example]:
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


def score_heldout(nlp: Language, *, ud_test: Path, ner_test: Path) -> dict[str, float]:
    """UPOS, morphology, lemma, UAS/LAS, sentence and token scores on UD; NER P/R/F on Europeana."""
    out: dict[str, float] = {}
    with nlp.select_pipes(disable=["ner"]):
        ud = nlp.evaluate(_examples(nlp, ud_test))
    out.update({k: float(ud[k]) for k in UD_KEYS if ud.get(k) is not None})
    with nlp.select_pipes(enable=["ner"]):
        ner = nlp.evaluate(_examples(nlp, ner_test))
    out.update({k: float(ner[k]) for k in NER_KEYS})
    for label, prf in sorted((ner.get("ents_per_type") or {}).items()):
        for k in ("p", "r", "f"):
            out[f"ents_{label}_{k}"] = float(prf[k])
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_meantime(nlp: Language, folder: Path) -> dict[str, float]:
    """Entity name forms on ``folder/nl-meantime-*.txt`` against their ``.gold.json``.

    - ``meantime_names_*``: as eval/score.py, any label, all gold name forms
      (PRODUCT, EVENT, ... included, which this model cannot find);
    - ``meantime_names_r_perorgloc``: recall over the gold PER/ORG/GPE/LOC forms only;
    - ``meantime_labelled_*``: name form and label right (GPE and LOC count as LOC),
      against the gold PER/ORG/GPE/LOC forms.
    """
    golds = sorted(folder.glob("nl-meantime-*.gold.json"))
    if not golds:
        raise InputError(
            f"no Dutch MEANTIME articles in {folder}: expected nl-meantime-*.gold.json with their "
            ".txt files; pass the eval/dev folder or leave the check out"
        )
    names = [0, 0, 0]
    comparable = [0, 0]  # found, total
    labelled = [0, 0, 0]
    for gold_path in golds:
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        if not text_path.is_file():
            raise InputError(f"{gold_path} has no article text {text_path.name} beside it; restore the .txt file")
        text = text_path.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if "entities" not in gold.get("document", {}).get("layers", ["entities"]):
            continue
        gold_forms = {e["text"] for e in gold.get("entities", [])}
        gold_pairs = {
            (e["text"], MEANTIME_LABELS[e["label"]]) for e in gold.get("entities", []) if e["label"] in MEANTIME_LABELS
        }
        doc = nlp(text)
        sys_forms = {ent.text for ent in doc.ents}
        sys_pairs = {(ent.text, ent.label_) for ent in doc.ents}
        names[0] += len(gold_forms & sys_forms)
        names[1] += len(sys_forms - gold_forms)
        names[2] += len(gold_forms - sys_forms)
        comparable_forms = {form for form, _ in gold_pairs}
        comparable[0] += len(comparable_forms & sys_forms)
        comparable[1] += len(comparable_forms)
        labelled[0] += len(gold_pairs & sys_pairs)
        labelled[1] += len(sys_pairs - gold_pairs)
        labelled[2] += len(gold_pairs - sys_pairs)
    p, r, f = _prf(*names)
    lp, lr, lf = _prf(*labelled)
    return {
        "meantime_names_p": p,
        "meantime_names_r": r,
        "meantime_names_f": f,
        "meantime_names_r_perorgloc": comparable[0] / comparable[1] if comparable[1] else 0.0,
        "meantime_labelled_p": lp,
        "meantime_labelled_r": lr,
        "meantime_labelled_f": lf,
        "meantime_articles": float(len(golds)),
    }
