"""Helpers shared by the attribution tests of every language."""

from __future__ import annotations

from datetime import date

from sayso.attribution import find_attributions
from sayso.entities import find_entities
from sayso.quantities import find_quantities
from sayso.records import Attribution
from sayso.time import find_times

PUBLISHED = date(2025, 3, 14)  # a Friday


def attributions_of(nlp, text: str, language: str) -> list[Attribution]:  # type: ignore[no-untyped-def]
    """The attribution stage with the stages it reads, as the pipeline runs it."""
    doc = nlp(text)
    times = find_times(text, language=language, published=PUBLISHED)
    return find_attributions(
        doc,
        language=language,
        entities=find_entities(doc, language=language),
        times=times,
        quantities=find_quantities(text, language=language, times=times),
    )


def first_of_kind(found: list[Attribution], kind: str) -> Attribution:
    hits = [a for a in found if a.kind == kind]
    assert hits, f"no {kind} attribution in {[(a.kind, a.cue and a.cue.text, a.content) for a in found]}"
    return hits[0]
