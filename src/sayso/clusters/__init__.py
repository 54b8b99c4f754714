"""Across articles: the same claim in several articles and languages, its origins and contradictions.

Pure functions over ``ClaimItem`` records; the store and the CLI call them.
"""

from sayso.clusters.cluster import (
    CONTEXT_WEIGHT,
    ClaimVectors,
    candidates,
    candidates_each,
    claim_vectors,
    claim_vectors_later,
    cluster_claims,
)
from sayso.clusters.contradictions import bounds, compatible, find_contradictions
from sayso.clusters.credibility import propose_credibility
from sayso.clusters.embed import Embedder, UseEmbedder, default_embedder, embed
from sayso.clusters.origins import Origins, article_groups, find_origins, origin_of, same_story
from sayso.clusters.pairing import Spread
from sayso.clusters.pairs import FEATURES, PairModel, default_model
from sayso.clusters.records import ClaimItem, Cluster, Contradiction

__all__ = [
    "CONTEXT_WEIGHT",
    "FEATURES",
    "ClaimItem",
    "ClaimVectors",
    "Cluster",
    "Contradiction",
    "Embedder",
    "Origins",
    "PairModel",
    "Spread",
    "UseEmbedder",
    "article_groups",
    "bounds",
    "candidates",
    "candidates_each",
    "claim_vectors",
    "claim_vectors_later",
    "cluster_claims",
    "compatible",
    "default_embedder",
    "default_model",
    "embed",
    "find_contradictions",
    "find_origins",
    "origin_of",
    "propose_credibility",
    "same_story",
]
