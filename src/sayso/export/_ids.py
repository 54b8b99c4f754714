"""Names that the JSON-LD, STIX and MISP exports give articles, claims and sources: stable across runs."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from urllib.parse import quote

import sayso

if TYPE_CHECKING:
    from sayso.store import StoredArticle, StoredClaim

NAMESPACE = uuid.UUID("6f1d4c1e-53a1-4b7a-9a56-5a7c0d2e8b11")  # sayso's own: the same input, the same ids
SOFTWARE = f"sayso {sayso.__version__}"


def article_iri(a: StoredArticle) -> str:
    """The article's address when it has one, else a ``urn:sayso:article:`` name of its id."""
    return a.url or f"urn:sayso:article:{quote(a.id, safe='')}"


def claim_iri(c: StoredClaim) -> str:
    return f"urn:sayso:claim:{c.id}"


def stable_uuid(*parts: object) -> str:
    """A UUID (version 5) from the parts: the same object gets the same id in every export."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))
