"""Train one spaCy config to its best checkpoint, within an optional deadline.

The same steps as ``spacy train`` (spaCy's own ``train_while_improving``
generator), with one addition: training stops at the first evaluation after
``deadline`` (a ``time.monotonic()`` value), so a time budget holds.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from spacy import util
from spacy.schemas import ConfigSchemaTraining
from spacy.training.initialize import init_nlp
from spacy.training.loop import create_evaluation_callback, create_train_batches, train_while_improving
from thinc.api import fix_random_seed

log = logging.getLogger("sayso.training")


@dataclass(frozen=True, slots=True)
class TrainResult:
    best_score: float
    best_step: int
    steps: int
    epochs: int
    seconds: float
    stopped_by: str  # "max_steps", "patience" or "deadline"


def train_config(
    config_path: Path,
    *,
    train: Path,
    dev: Path,
    out: Path,
    seed: int,
    deadline: float | None = None,
) -> TrainResult:
    """Train ``config_path`` on the ``train`` DocBin, keep the best model on ``dev`` in ``out``."""
    started = time.monotonic()
    overrides = {"paths.train": str(train), "paths.dev": str(dev), "system.seed": seed}
    config = util.load_config(config_path, overrides=overrides, interpolate=False)
    nlp = init_nlp(config)
    config = nlp.config.interpolate()
    fix_random_seed(seed)
    T = util.registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = util.resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    steps = train_while_improving(
        nlp,
        optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"],
        accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"],
        max_steps=T["max_steps"],
        eval_frequency=T["eval_frequency"],
        exclude=T["frozen_components"],
        annotating_components=T["annotating_components"],
        before_update=T["before_update"],
    )
    if out.exists():
        shutil.rmtree(out)
    best_score, best_step, step, epoch = -1.0, 0, 0, 0
    stopped_by = "patience"
    for _batch, info, is_best in steps:
        step, epoch = info["step"], info["epoch"]
        if is_best is None:
            continue
        losses = " ".join(f"{k}={v:.1f}" for k, v in sorted(info["losses"].items()))
        log.info("%s step %d epoch %d score %.4f %s", config_path.stem, step, epoch, info["score"], losses)
        if is_best:
            best_score, best_step = info["score"], step
            nlp.to_disk(out)
        if deadline is not None and time.monotonic() > deadline:
            stopped_by = "deadline"
            break
    else:
        if T["max_steps"] and step >= T["max_steps"]:
            stopped_by = "max_steps"
    seconds = time.monotonic() - started
    log.info(
        "%s stopped by %s after %d steps (%.0f s); best score %.4f at step %d",
        config_path.stem,
        stopped_by,
        step,
        seconds,
        best_score,
        best_step,
    )
    return TrainResult(best_score, best_step, step, epoch, seconds, stopped_by)
