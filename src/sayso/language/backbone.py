"""The spaCy pipeline behind each language: the best one installed, loaded once."""

from __future__ import annotations

import importlib.util
from functools import cache
from importlib import resources as _res
from pathlib import Path

import spacy
from spacy.language import Language

from sayso.errors import ModelError
from sayso.language.resources import load_lines

SHIPPED = "@shipped"
NEWLINE_SENTENCES = "sayso_newline_sentences"
CLOSING_QUOTES = frozenset("”»\"’")


@Language.component(NEWLINE_SENTENCES)
def newline_sentences(doc):  # type: ignore[no-untyped-def]
    """A line break ends a sentence, and so does a closing quote after a full stop
    (`... Oekraïne.” In ruil ...`): headlines and paragraphs never run together."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif prev.text in CLOSING_QUOTES and tok.i > 1 and doc[tok.i - 2].text[-1:] in ".!?" and tok.text[:1].isupper():
            tok.is_sent_start = True
    return doc


def shipped_model_path(language: str) -> Path:
    return Path(str(_res.files("sayso") / "language" / "models" / language))


def _available(candidate: str, language: str) -> bool:
    if candidate == SHIPPED:
        return (shipped_model_path(language) / "meta.json").is_file()
    if importlib.util.find_spec(candidate) is None:
        return False
    if candidate.endswith("_trf"):
        return importlib.util.find_spec("spacy_curated_transformers") is not None or (
            importlib.util.find_spec("spacy_transformers") is not None
        )
    return True


def backbone_name(language: str, model: str | None = None) -> str:
    """Name (or path) of the pipeline that ``load_backbone`` would load."""
    if model:
        return model
    candidates = load_lines(language, "backbones")
    for candidate in candidates:
        if _available(candidate, language):
            return str(shipped_model_path(language)) if candidate == SHIPPED else candidate
    raise ModelError(
        f"no spaCy pipeline for {language!r} is installed (looked for {', '.join(candidates)}); "
        "install sayso with its dependencies: see the README's first command"
    )


@cache
def load_backbone(language: str, model: str | None = None) -> Language:
    """The spaCy pipeline for ``language``, or the one named by ``model``."""
    name = backbone_name(language, model)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {err}; install it or pass another --model") from None
    if NEWLINE_SENTENCES not in nlp.pipe_names:
        anchor = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
        nlp.add_pipe(NEWLINE_SENTENCES, before=anchor) if anchor else nlp.add_pipe(NEWLINE_SENTENCES, first=True)
    if nlp.lang != language:
        raise ModelError(f"spaCy pipeline {name!r} is for {nlp.lang!r}, not {language!r}; pass a {language} model")
    return nlp


def describe(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
