"""Train sayso-nl: the Dutch spaCy pipeline, from the open data folder to a shipped model.

train_dutch(data_dir, out_dir)
  check_data        ud-dutch/*.conllu, europeana-ner-nl/enp_NL.kb.bio
  build_ud          UD documents -> train/dev/test DocBins (10% / 10% held out)
  build_ner         Europeana blocks, cleaned -> train/dev/test DocBins
  train_config      ud.cfg:  tok2vec, morphologizer, parser, trainable_lemmatizer
  train_config      ner.cfg: ner with its own tok2vec
  assemble          stage-1 pipeline + the ner sourced from stage 2
  score_heldout     UD test + NER test, on the pipeline as written to out_dir
  score_meantime    out-of-domain entity names on modern news (if found)
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language

from sayso.errors import InputError
from sayso.language.training._corpora import CorpusFiles, build_ner, build_ud, check_data
from sayso.language.training._evaluate import score_heldout, score_meantime
from sayso.language.training._loop import TrainResult, train_config
from sayso.language.training._model_card import write_model_card

log = logging.getLogger("sayso.training")

HERE = Path(__file__).parent
UD_CONFIG = HERE / "ud.cfg"
NER_CONFIG = HERE / "ner.cfg"
MODEL_NAME = "sayso_nl"
MODEL_VERSION = "0.1.0"
UD_SHARE = 0.65  # of the training time budget; the NER stage gets the rest

SOURCES = [
    {
        "name": "UD_Dutch-Alpino (dev and test sections)",
        "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
        "license": "CC BY-SA 4.0",
        "author": "Gosse Bouma, Gertjan van Noord",
        "citation": "Bouma, G. and van Noord, G. (2017). Increasing return on annotation investment: "
        "the automatic construction of a Universal Dependency treebank for Dutch. Proceedings of "
        "the NoDaLiDa 2017 Workshop on Universal Dependencies, Gothenburg. "
        "https://aclweb.org/anthology/W17-0403",
    },
    {
        "name": "UD_Dutch-LassySmall (dev and test sections)",
        "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
        "license": "CC BY-SA 4.0",
        "author": "Gosse Bouma, Gertjan van Noord",
        "citation": "Bouma, G. and van Noord, G. (2017), as above.",
    },
    {
        "name": "Europeana Newspapers NER corpus, Dutch (enp_NL.kb.bio)",
        "url": "https://github.com/EuropeanaNewspapers/ner-corpora",
        "license": "CC0 1.0",
        "author": "Europeana Newspapers Project, 2012-2015",
        "citation": "Neudecker, C. (2016). An Open Corpus for Named Entity Recognition in Historic "
        "Newspapers. Proceedings of LREC 2016, Portoroz, Slovenia.",
    },
]


def _meantime_folder(data_dir: Path, meantime_dir: Path | None) -> Path | None:
    if meantime_dir is not None:
        if not meantime_dir.is_dir():
            raise InputError(
                f"MEANTIME folder {meantime_dir} does not exist; pass the folder with "
                "nl-meantime-*.txt and .gold.json files, or leave --meantime out"
            )
        return meantime_dir
    guess = data_dir.parent / "eval" / "dev"
    return guess if any(guess.glob("nl-meantime-*.gold.json")) else None


def _check_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / "meta.json").is_file():
        raise InputError(
            f"output folder {out_dir} is not empty and holds no spaCy pipeline; "
            "give an empty or new folder, or a previous model folder to replace"
        )


def _deadlines(started: float, max_minutes: float | None) -> tuple[float | None, float | None]:
    if max_minutes is None:
        return None, None
    if max_minutes <= 0:
        raise InputError(f"max_minutes must be positive, got {max_minutes}; give a time budget in minutes")
    budget = 60.0 * max_minutes
    reserve = min(120.0, 0.15 * budget)  # corpora, assembly and evaluation
    return started + UD_SHARE * (budget - reserve), started + budget - reserve


def assemble(ud_model: Path, ner_model: Path) -> Language:
    """The stage-1 pipeline with the stage-2 ``ner`` component added from its own pipeline."""
    nlp = spacy.load(ud_model)
    nlp.add_pipe("ner", source=spacy.load(ner_model))
    for key in ("train", "dev"):
        nlp.config["paths"][key] = None
        nlp.config["corpora"][key]["path"] = None
    return nlp


def _meta(
    nlp: Language, seed: int, ud: CorpusFiles, ner: CorpusFiles, stages: dict[str, TrainResult]
) -> dict[str, Any]:
    meta = dict(nlp.meta)
    meta.update(
        lang="nl",
        name=MODEL_NAME,
        version=MODEL_VERSION,
        spacy_version=">=3.8.0,<3.9.0",
        description=(
            "sayso-nl: Dutch tokenizer, UPOS and morphology, edit-tree lemmas, UD dependencies and "
            "sentence boundaries (trained on UD Dutch Alpino + LassySmall dev/test sections), and "
            "PER/LOC/ORG entities (trained on the Europeana Newspapers Dutch NER corpus). "
            "No word vectors. CPU-efficient."
        ),
        author="sayso",
        license="CC BY-SA 4.0",
        sources=[{k: v for k, v in s.items()} for s in SOURCES],
        performance={},
    )
    meta["sayso_training"] = {
        "seed": seed,
        "split": "held out by SHA-1 order of UD document ids and Europeana block ids: 10% test, 10% dev",
        "ud_data": ud.counts,
        "ner_data": ner.counts,
        "stages": {
            name: {
                "steps": r.steps,
                "epochs": r.epochs,
                "best_step": r.best_step,
                "best_dev_score": round(r.best_score, 4),
                "seconds": round(r.seconds, 1),
                "stopped_by": r.stopped_by,
            }
            for name, r in stages.items()
        },
    }
    return meta


def train_dutch(
    data_dir: Path,
    out_dir: Path,
    *,
    seed: int = 0,
    max_minutes: float | None = None,
    meantime_dir: Path | None = None,
) -> dict[str, float]:
    """Train sayso-nl from ``data_dir`` into ``out_dir`` and return its held-out scores.

    ``data_dir`` holds ``ud-dutch/*.conllu`` and ``europeana-ner-nl/enp_NL.kb.bio``.
    ``max_minutes`` bounds the whole run (training stops at the first evaluation
    past its share); without it the configs' ``max_steps`` and ``patience`` do.
    ``meantime_dir`` holds the Dutch MEANTIME articles for the out-of-domain
    entity check; by default ``data_dir/../eval/dev`` is used when it has them.
    The scores are also written to ``out_dir/meta.json`` under ``performance``.
    Set ``OMP_NUM_THREADS=1`` to keep training on one core.
    """
    started = time.monotonic()
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    conllu, bio = check_data(data_dir)
    meantime = _meantime_folder(data_dir, Path(meantime_dir) if meantime_dir is not None else None)
    _check_out_dir(out_dir)
    ud_deadline, ner_deadline = _deadlines(started, max_minutes)
    with tempfile.TemporaryDirectory(prefix="sayso-nl-") as tmp:
        work = Path(tmp)
        blank = spacy.blank("nl")
        ud = build_ud(blank, conllu, work)
        ner = build_ner(blank, bio, work)
        log.info("UD corpus: %s", ud.counts)
        log.info("NER corpus: %s", ner.counts)
        stages = {
            "ud": train_config(
                UD_CONFIG, train=ud.train, dev=ud.dev, out=work / "ud-model", seed=seed, deadline=ud_deadline
            ),
            "ner": train_config(
                NER_CONFIG, train=ner.train, dev=ner.dev, out=work / "ner-model", seed=seed, deadline=ner_deadline
            ),
        }
        nlp = assemble(work / "ud-model", work / "ner-model")
        nlp.meta = _meta(nlp, seed, ud, ner, stages)
        staging = work / "model"
        nlp.to_disk(staging)
        final = spacy.load(staging)
        scores = score_heldout(final, ud_test=ud.test, ner_test=ner.test)
        if meantime is not None:
            scores.update(score_meantime(final, meantime))
        meta = srsly.read_json(staging / "meta.json")
        meta["performance"] = {k: round(v, 4) for k, v in scores.items()}
        meta["sayso_training"]["wall_minutes"] = round((time.monotonic() - started) / 60.0, 2)
        srsly.write_json(staging / "meta.json", meta)
        write_model_card(staging, meta)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staging, out_dir)
    log.info("wrote %s in %.1f min", out_dir, meta["sayso_training"]["wall_minutes"])
    return scores
