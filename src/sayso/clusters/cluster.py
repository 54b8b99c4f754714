"""The same claim across articles and languages: incremental clustering of claims.

Each new claim joins the existing cluster whose centroid it is most similar to,
when that similarity reaches the threshold; otherwise it starts a cluster. The
similarity is the cosine of multilingual sentence embeddings plus small bonuses
for shared entities, a compatible quantity and a shared normalised time. Two
claims of one article only share a cluster when they are near-identical.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from sayso.clusters.contradictions import compatible, find_contradictions
from sayso.clusters.credibility import propose_credibility
from sayso.clusters.embed import Embedder, embed_claims
from sayso.clusters.origins import find_origins, same_story
from sayso.clusters.records import ClaimItem, Cluster, name_key
from sayso.errors import InputError

# Calibrated with `benchmarks/cross_language.py --sweep` on the development set's 60 English-Dutch
# MEANTIME pairs, through the store (612 claims, 67 Dutch attributed claims scored): at 0.80 and a
# context weight of 0.7, 92.5% of Dutch attributed claims share a cluster with their English original
# and 5.6% of multi-claim clusters mix unrelated pairs. Rule: the highest attributed recall with mixed
# at most 7%. Without the context (weight 0) recall is 68.7%. Table in docs/clusters.md.
THRESHOLD = 0.80
CONTEXT_WEIGHT = 0.7  # share of a claim's embedding that comes from the sentence(s) it was made in
NEAR_IDENTICAL = 0.95  # cosine above which two claims of one article may share a cluster
ENTITY_BONUS = 0.10  # times the share of the claim's entities the cluster already names
QUANTITY_BONUS = 0.05  # when a quantity of the claim is compatible with one of the cluster's (same unit)
TIME_BONUS = 0.05  # when the claim and the cluster share a normalised time value
MAX_BONUS = ENTITY_BONUS + QUANTITY_BONUS + TIME_BONUS


@dataclass(slots=True)
class _Open:
    """A cluster while it is being built."""

    id: str
    members: list[str]
    mean: np.ndarray  # mean of the members' unit embeddings
    articles: set[str] = field(default_factory=set)
    sentences: set[tuple[str, str]] = field(default_factory=set)  # (article, context) of the members
    entities: set[str] = field(default_factory=set)
    quantities: list = field(default_factory=list)
    times: set[str] = field(default_factory=set)
    touched: bool = False
    previous: Cluster | None = None

    def add(self, item: ClaimItem, vector: np.ndarray | None) -> None:
        if vector is not None:
            n = len(self.members)
            self.mean = (self.mean * n + vector) / (n + 1)
        self.members.append(item.id)
        self.note(item)

    def note(self, item: ClaimItem) -> None:
        self.articles.add(item.article)
        if item.context:
            self.sentences.add((item.article, item.context))
        self.entities.update(name_key(e) for e in item.entities)
        self.quantities.extend(item.quantities)
        self.times.update(t.value for t in item.times)


def claim_vectors(
    items: Sequence[ClaimItem], *, context_weight: float = CONTEXT_WEIGHT, embedder: Embedder | None = None
) -> np.ndarray:
    """The unit vector clustering compares for each claim: its text mixed with its context."""
    return embed_claims(
        [it.text for it in items], [it.context for it in items], context_weight=context_weight, embedder=embedder
    )


def candidates(
    vectors: np.ndarray, centroids: Mapping[str, Sequence[float]], *, threshold: float = THRESHOLD
) -> set[str]:
    """Ids of the clusters (id -> centroid) that any of ``vectors`` could join: the only ones whose
    members a store must load. The others stay below the threshold even with every bonus."""
    if not centroids or not len(vectors):
        return set()
    keys = list(centroids)
    means = np.asarray([centroids[k] for k in keys], dtype=np.float32)
    norms = np.linalg.norm(means, axis=1)
    cosines = (means / np.where(norms == 0, 1.0, norms)[:, None]) @ np.asarray(vectors, dtype=np.float32).T
    return {k for k, best in zip(keys, cosines.max(axis=1), strict=True) if best + MAX_BONUS >= threshold}


def cluster_claims(
    items: Sequence[ClaimItem],
    *,
    previous: Sequence[Cluster] = (),
    known: Iterable[ClaimItem] = (),
    threshold: float = THRESHOLD,
    context_weight: float = CONTEXT_WEIGHT,
    embedder: Embedder | None = None,
    texts: Mapping[str, str] | None = None,
    vectors: np.ndarray | None = None,
    article_clusters: Mapping[str, Sequence[str]] | None = None,
) -> list[Cluster]:
    """Cluster ``items``, adding them to ``previous`` clusters where they fit; return every cluster.

    ``known`` are the claims already in ``previous`` clusters: a previous
    cluster that gains members has its origins, repeats, contradictions and
    credibility recomputed over all its members, so their claims must be given.
    ``previous`` may be only the ``candidates`` of the items: the others could
    not gain a member. ``texts`` (article id -> full text) lets near-duplicate
    articles be found by their words as well as by ``article_hash``.
    ``vectors``: the items' ``claim_vectors`` when already computed.
    ``article_clusters``: for the articles of ``known`` claims, the cluster of
    every claim they have, so that articles telling one story (``same_story``)
    are found across batches. Inputs are not changed.
    """
    known_by_id = {it.id: it for it in known}
    by_id = {**known_by_id, **{it.id: it for it in items}}
    if len(by_id) < len(known_by_id) + len(items):
        raise InputError("two claims share an id; give each claim its own id before clustering")
    open_: list[_Open] = []
    for c in previous:
        if not c.centroid:
            raise InputError(f"cluster {c.id} has no centroid; pass clusters as cluster_claims returned them")
        oc = _Open(c.id, list(c.members), np.asarray(c.centroid, dtype=np.float32), previous=c)
        for m in c.members:
            if m in known_by_id:
                oc.note(known_by_id[m])
        open_.append(oc)
    if vectors is None:
        vectors = claim_vectors(items, context_weight=context_weight, embedder=embedder)
    if len(vectors) != len(items):
        raise InputError(f"{len(vectors)} vectors for {len(items)} claims; give one vector per claim")
    placed: dict[str, list[str]] = {}  # article -> the cluster of each of its new claims
    for item, vector in zip(items, vectors, strict=True):
        best, best_score = None, threshold
        if open_:
            means = np.vstack([oc.mean for oc in open_])
            norms = np.linalg.norm(means, axis=1)
            cosines = means @ vector / np.where(norms == 0, 1.0, norms)
            for oc, cosine in zip(open_, cosines, strict=True):
                if item.article in oc.articles and (
                    cosine < NEAR_IDENTICAL or (item.article, item.context) in oc.sentences
                ):
                    continue  # one article states a claim once, and two claims of one sentence are two claims
                score = float(cosine) + _bonus(item, oc)
                if score >= best_score:
                    best, best_score = oc, score
        if best is None:
            best = _Open(_cluster_id(item.id), [], np.zeros_like(vector))
            open_.append(best)
        best.add(item, vector)
        best.touched = True
        placed.setdefault(item.article, []).append(best.id)
    published = {it.article: it.published for it in by_id.values()}
    stories = same_story({**(article_clusters or {}), **placed}, published=published)
    return [_finish(oc, by_id, texts, stories) for oc in open_]


def _bonus(item: ClaimItem, oc: _Open) -> float:
    bonus = 0.0
    if item.entities and oc.entities:
        names = {name_key(e) for e in item.entities}
        bonus += ENTITY_BONUS * len(names & oc.entities) / len(names)
    pairs = ((q, p) for q in item.quantities for p in oc.quantities)
    if any(q.unit is not None and q.unit == p.unit and compatible(q, p) for q, p in pairs):
        bonus += QUANTITY_BONUS
    if oc.times and any(t.value in oc.times for t in item.times):
        bonus += TIME_BONUS
    return bonus


def _finish(
    oc: _Open, by_id: Mapping[str, ClaimItem], texts: Mapping[str, str] | None, stories: Mapping[str, str]
) -> Cluster:
    centroid = tuple(float(x) for x in oc.mean)
    if not oc.touched and oc.previous is not None:
        return oc.previous
    missing = [m for m in oc.members if m not in by_id]
    if missing:
        raise InputError(
            f"cluster {oc.id} gained claims but its members {missing[:3]} were not given; "
            "pass the claims of previous clusters as known="
        )
    members = [by_id[m] for m in oc.members]
    origins = find_origins(members, texts=texts, stories=stories)
    contradictions = find_contradictions(members)
    return Cluster(
        id=oc.id,
        members=tuple(oc.members),
        origins=origins.origins,
        independent=origins.independent,
        repeats=origins.repeats,
        contradictions=tuple(contradictions),
        credibility=propose_credibility(members, origins.of, contradictions),
        centroid=centroid,
    )


def _cluster_id(first_member: str) -> str:
    return "c" + hashlib.sha1(first_member.encode("utf-8")).hexdigest()[:12]
