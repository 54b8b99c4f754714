"""schema.org JSON-LD: a ``Claim`` per claim, and a ``ClaimReview`` of it where an analyst graded its source.

A ``Claim`` has its ``text``, ``author`` (the speaker: a ``Person``, else an ``Organization``; none for the
article's own claims), ``datePublished`` (the day it was said, else the article's date), ``inLanguage``
and ``appearance`` (the ``NewsArticle`` it appears in, with its URL, headline, date and publisher).

A ``ClaimReview`` needs someone who rated: sayso itself rates nothing, but an analyst's Admiralty grade
(A-F) of the claim's source is such a rating. Its ``reviewRating`` says so in ``name`` and
``alternateName``, and runs from 1 (E, unreliable) to 5 (A, completely reliable); F (cannot be judged)
has no value. It rates the source's reliability, not the claim's truth. Vocabulary: https://schema.org/
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sayso.export._ids import article_iri, claim_iri
from sayso.store.records import GRADE_MEANINGS

if TYPE_CHECKING:
    from sayso.export._select import Selection
    from sayso.store import StoredArticle, StoredClaim

CONTEXT = "https://schema.org"
GRADE_VALUES = {"A": 5, "B": 4, "C": 3, "D": 2, "E": 1}  # F: reliability cannot be judged, no value


def _appearance(a: StoredArticle) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "NewsArticle", "@id": article_iri(a), "inLanguage": a.language}
    if a.url:
        out["url"] = a.url
    if a.title:
        out["headline"] = a.title
    if a.published:
        out["datePublished"] = a.published.isoformat()
    if a.outlet:
        out["publisher"] = {"@type": "Organization", "name": a.outlet}
    return out


def _author(c: StoredClaim) -> dict[str, Any] | None:
    name = c.source or c.speaker
    if not name:
        return None
    return {"@type": "Person" if c.speaker_type == "person" else "Organization", "name": name}


def _claim(c: StoredClaim) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Claim", "@id": claim_iri(c), "text": c.text, "inLanguage": c.article.language}
    author = _author(c)
    if author:
        out["author"] = author
    said = c.said_on or c.article.published
    if said:
        out["datePublished"] = said.isoformat()
    out["appearance"] = _appearance(c.article)
    return out


def _review(c: StoredClaim, selection: Selection) -> dict[str, Any] | None:
    source = selection.source(c.source)
    grade = c.speaker_grade
    if grade is None:
        return None
    rating: dict[str, Any] = {
        "@type": "Rating",
        "name": "source reliability (NATO Admiralty code), graded by an analyst",
        "alternateName": f"{grade}: {GRADE_MEANINGS[grade]}",
        "bestRating": 5,
        "worstRating": 1,
    }
    if grade in GRADE_VALUES:
        rating["ratingValue"] = GRADE_VALUES[grade]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"{claim_iri(c)}/review",
        "itemReviewed": {"@id": claim_iri(c)},
        "claimReviewed": c.text,
        "reviewRating": rating,
    }
    if source and source.graded_by:
        review["author"] = {"@type": "Person", "name": source.graded_by}
    if source and source.graded_at:
        review["datePublished"] = source.graded_at[:10]
    return review


def graph(selection: Selection) -> dict[str, Any]:
    """Every claim, and a review after each claim whose source an analyst graded, in one ``@graph``."""
    items: list[dict[str, Any]] = []
    for c in selection.claims:
        items.append(_claim(c))
        review = _review(c, selection)
        if review:
            items.append(review)
    return {"@context": CONTEXT, "@graph": items}


def write(kind: str, selection: Selection) -> str:
    return json.dumps(graph(selection), ensure_ascii=False, indent=1) + "\n"
