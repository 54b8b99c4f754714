"""Flat rows of claims, clusters and sources, with typed columns: what csv, tsv and parquet write.

A column is ``(name, type)`` with type ``int``, ``float``, ``str``, ``bool`` or ``list`` (a list of
text); the writers turn the types into their own (parquet) or into text (csv).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sayso.certainty import ESTIMATIVE_BANDS
from sayso.shapes import CREDIBILITY, claim_span

if TYPE_CHECKING:
    from sayso.export._select import Selection
    from sayso.store import SourceRow, StoredClaim, StoredCluster

Row = dict[str, Any]
Columns = tuple[tuple[str, str], ...]

CLAIM_COLUMNS: Columns = (
    ("id", "int"),
    ("article", "str"),
    ("language", "str"),
    ("published", "str"),
    ("outlet", "str"),
    ("title", "str"),
    ("url", "str"),
    ("start", "int"),
    ("end", "int"),
    ("text", "str"),
    ("kind", "str"),
    ("speaker", "str"),
    ("speaker_type", "str"),
    ("speaker_grade", "str"),
    ("certainty", "str"),
    ("estimative", "str"),
    ("polarity", "str"),
    ("said_at", "str"),
    ("said_on", "str"),
    ("chain", "list"),
    ("origin", "str"),
    ("quantities", "list"),
    ("times", "list"),
    ("entities", "list"),
    ("cluster", "int"),
    ("cluster_independent", "int"),
    ("cluster_credibility", "int"),
)

CLUSTER_COLUMNS: Columns = (
    ("id", "int"),
    ("claims", "list"),
    ("articles", "list"),
    ("languages", "list"),
    ("origins", "list"),
    ("independent", "int"),
    ("repeats", "list"),
    ("contradictions", "list"),
    ("credibility", "int"),
    ("credibility_meaning", "str"),
    ("first_text", "str"),
)

SOURCE_COLUMNS: Columns = (
    ("id", "int"),
    ("name", "str"),
    ("type", "str"),
    ("affiliation", "str"),
    ("aliases", "list"),
    ("claims", "int"),
    ("cited", "int"),
    ("grade", "str"),
    ("graded_by", "str"),
    ("graded_at", "str"),
)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def claim_row(c: StoredClaim, selection: Selection) -> Row:
    cluster = selection.cluster_of(c)
    band = ESTIMATIVE_BANDS.get(c.certainty)
    start, end = claim_span(c)
    return {
        "id": c.id,
        "article": c.article.id,
        "language": c.article.language,
        "published": _iso(c.article.published),
        "outlet": c.article.outlet,
        "title": c.article.title,
        "url": c.article.url,
        "start": start,
        "end": end,
        "text": c.text,
        "kind": c.kind,
        "speaker": c.source or c.speaker,
        "speaker_type": c.speaker_type,
        "speaker_grade": c.speaker_grade,
        "certainty": c.certainty,
        "estimative": band[0] if band else None,
        "polarity": c.polarity,
        "said_at": c.said_at,
        "said_on": _iso(c.said_on),
        "chain": [f"{link.name} ({link.role})" for link in c.chain],
        "origin": c.chain[-1].name if c.chain else (c.source or c.speaker),
        "quantities": [
            f"{q.text} = " + " ".join(x for x in (_number(q.value), q.unit or "", q.qualifier) if x)
            for q in c.quantities
        ],
        "times": [f"{t.text} = {t.value}" for t in c.times],
        "entities": [f"{e.canonical} ({e.label})" for e in c.entities],
        "cluster": cluster.id if cluster else None,
        "cluster_independent": cluster.independent if cluster else None,
        "cluster_credibility": cluster.credibility if cluster else None,
    }


def cluster_row(k: StoredCluster, selection: Selection) -> Row:
    return {
        "id": k.id,
        "claims": [str(c.id) for c in k.claims],
        "articles": sorted({c.article.id for c in k.claims}),
        "languages": sorted({c.article.language for c in k.claims}),
        "origins": list(k.origins),
        "independent": k.independent,
        "repeats": [str(r) for r in k.repeats],
        "contradictions": [f"{a} vs {b}: {reason}" for a, b, reason in k.contradictions]
        + [f"{a} vs {b} (cluster {other}): {reason}" for a, b, other, reason in k.across],
        "credibility": k.credibility,
        "credibility_meaning": CREDIBILITY[k.credibility],
        "first_text": k.claims[0].text if k.claims else None,
    }


def source_row(s: SourceRow, selection: Selection) -> Row:
    return {
        "id": s.id,
        "name": s.name,
        "type": s.type,
        "affiliation": s.affiliation,
        "aliases": list(s.aliases),
        "claims": s.claims,
        "cited": s.cited,
        "grade": s.grade,
        "graded_by": s.graded_by,
        "graded_at": s.graded_at,
    }


TABLES: dict[str, tuple[Columns, Callable[[Any, Selection], Row]]] = {
    "claims": (CLAIM_COLUMNS, claim_row),
    "clusters": (CLUSTER_COLUMNS, cluster_row),
    "sources": (SOURCE_COLUMNS, source_row),
}


def rows(kind: str, selection: Selection) -> tuple[Columns, list[Row]]:
    """The columns of ``kind`` and one row per claim, cluster or source of the selection."""
    columns, row = TABLES[kind]
    return columns, [row(item, selection) for item in getattr(selection, kind)]
