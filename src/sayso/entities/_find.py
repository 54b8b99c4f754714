"""The entities stage: named people, organisations, places, products and events in one article."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.entities._candidates import (
    chunk_candidates,
    gazetteer_candidates,
    ner_candidates,
    resolve,
)
from sayso.entities._context import Context
from sayso.entities._gazetteer import gazetteer
from sayso.entities._names import name_entities
from sayso.entities._resources import rules
from sayso.entities._words import words_of
from sayso.records import Entity


def find_entities(doc: Doc, *, language: str) -> list[Entity]:
    """Every mention of a named entity in ``doc``, in text order, with a label and a canonical name.

    Three sources are combined: the gazetteer of ``language`` (fixes labels and canonical
    names), the backbone's NER when the doc has entities, and runs of capitalised words.
    The doc is read, never changed.
    """
    ctx = Context(words_of(doc), rules(language), gazetteer(language))
    ner = ner_candidates(ctx, doc)
    kept = resolve(ctx, [*gazetteer_candidates(ctx), *ner, *chunk_candidates(ctx)])
    return name_entities(ctx, kept, {c.start: c.label for c in ner if c.label})
