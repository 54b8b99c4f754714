"""Named entities: who and what an article names, with labels and canonical English names.

    find_entities(doc, language="nl") -> [Entity(start, end, text, label, canonical), ...]

Labels are PER, ORG, GPE (countries, cities), LOC (other places), PRODUCT, EVENT and MISC. The
canonical name is the usual English spelling (``Poetin`` -> ``Vladimir Putin``, ``Charkiv`` ->
``Kharkiv``). See docs/entities.md.
"""

from sayso.entities._find import find_entities

__all__ = ["find_entities"]
