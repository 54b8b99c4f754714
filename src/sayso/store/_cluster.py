"""Clustering stored claims: new claims join the stored clusters (``sayso.clusters``), and the result is kept.

Runs inside the caller's one transaction. Claims that belong to no cluster yet
are the new ones, so a run that was interrupted is simply completed by the next;
when every claim has its cluster nothing is written at all.

A run does not depend on the order the articles were stored in: claims are
given to ``cluster_claims`` by what they are (``_content_order``: publication
day, the article's text hash, the claim's place in it; never the row id) and a
new cluster's key comes from the same (``_stable_key``). A run clusters its
neighbourhood again (``_again``: the nearest stored clusters, up to a budget of
claims) with its new claims, so it parts and joins them as one batch would; the
clusters beyond the budget only gain members, so runs still depend a little on
what was stored before them. ``recluster`` drops every cluster and clusters all
stored claims as one run, the result of one batch.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from sayso.clusters import (
    ClaimItem,
    ClaimVectors,
    Cluster,
    Contradiction,
    Embedder,
    Spread,
    candidates_each,
    claim_vectors,
    claim_vectors_later,
    cluster_claims,
)
from sayso.clusters.pairs import WordVectors, claim_words
from sayso.errors import InputError
from sayso.store import _read, _vectors
from sayso.store._cluster_read import (
    _across,
    _article_clusters,
    _article_entities,
    _centroids,
    _cluster_rows,
    _content_order,
    _seqs,
    claim_item,
)
from sayso.store._cluster_write import _keys, _write_run
from sayso.store._dialect import Connection
from sayso.store._names import state_of
from sayso.store.records import StoredClaim

_UNCLUSTERED = "c.text <> '' AND NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.claim_id = c.id)"


Find = Callable[[Connection, np.ndarray], list[set[str]]]  # for each vector, the stored clusters it could join


def _every_centroid(db: Connection, vectors: np.ndarray) -> list[set[str]]:
    return candidates_each(vectors, _centroids(db))


def waiting(db: Connection) -> int:
    """How many claims the next clustering run places: those with a text and no cluster."""
    return int(db.execute(f"SELECT COUNT(*) FROM claims c WHERE {_UNCLUSTERED}")[0][0])


def cluster_new(
    db: Connection,
    *,
    now: str,
    embedder: Embedder | None = None,
    find: Find = _every_centroid,
    spread: Spread | None = None,
    limit: int = 0,
) -> int:
    """Cluster every claim that has no cluster yet (``limit``: only that many, the first in ``_content_order``;
    0: all); return how many claims were clustered.

    Only the clusters the new claims could join (``find``: ``candidates`` over every stored centroid, or
    the store's index of them, ``_nearest.py``) are read with their members, so a run costs that search
    plus the neighbourhood, not the whole store. The nearest of them (``_again``: up to
    ``NEIGHBOURHOOD_FLOOR`` stored claims, or as many as the new claims when they are more) are clustered
    again with the new claims as one batch would cluster them: their claims may part, and two of them may
    become one. The others stay as they are and new claims may join them. Each cluster written or dropped is
    logged in ``cluster_changes``. ``spread``: a map on the workers of a batch, for the pair features
    (``cluster_claims``).
    """
    new = _waiting_first(db, limit)
    if not new:
        return 0
    seqs = _seqs(db, [c.id for c in new])
    new.sort(key=lambda c: _content_order(c, seqs))
    entities = _article_entities(db, sorted({c.article.id for c in new}))
    new_items = [claim_item(c, entities.get(c.article.id, ())) for c in new]
    later = claim_vectors_later(new_items, embedder=embedder)
    words = WordVectors(embedder)
    own = claim_words(new_items)
    words.put(_vectors.words(db, own))  # kept by earlier runs: not encoded again
    words.prefetch(own)  # on workers, both encodings run while this process reads on
    vectors = later()
    mixed = vectors.mixed()
    reach = find(db, mixed)
    hood = _neighbourhood(db, _cluster_rows(db, sorted(set().union(*reach))), mixed, seqs, entities)
    words.put(_vectors.words(db, claim_words(list(hood.items.values()))))
    moved, known, dimensions = hood.moved, hood.known, vectors.text.shape[1]
    moved_vectors, encoded = _known_vectors(db, moved, [hood.items[c.id] for c in moved], dimensions, embedder)
    known_vectors, encoded_too = _known_vectors(db, known, [hood.items[c.id] for c in known], dimensions, embedder)
    run = sorted([*new, *moved], key=lambda c: _content_order(c, seqs))
    place = {c.id: k for k, c in enumerate([*new, *moved])}
    order = [place[c.id] for c in run]
    reach_of = {c.id: near - set(hood.again) for c, near in zip(new, reach, strict=True)}
    stored_across = _across(db, sorted(hood.moved_ids))
    read = {c.id for c in (*new, *moved, *known)}  # a claim clustered again is paired with every claim read
    result = cluster_claims(
        [new_items[place[c.id]] if c.id in reach_of else hood.items[c.id] for c in run],
        previous=list(hood.fixed.values()),
        known=[hood.items[c.id] for c in known],
        embedder=embedder,
        texts=_read._texts(db, (c.article.id for c in (*new, *moved, *known))),
        vectors=ClaimVectors(
            np.vstack([vectors.text, moved_vectors.text])[order],
            np.vstack([vectors.context, moved_vectors.context])[order],
        ),
        known_vectors=known_vectors,
        article_clusters=_article_clusters(db, sorted({c.article.id for c in hood.stored}), leave=set(hood.again)),
        state_of=state_of,
        spread=spread,
        words=words,
        reach=[reach_of.get(c.id, set(hood.fixed)) for c in run],  # a claim clustered again: every cluster read
        outside=_outside(stored_across, read),
    )
    _forget_found_again(db, stored_across, read)
    by_id = {str(c.id): c for c in run}
    again = {key: hood.rows[key] for key in hood.again}
    keys = _keys(db, [c for c in result if c.id not in hood.fixed], again, by_id, seqs)
    written = _write_run(db, result, keys, hood.rows, hood.fixed, set(again), now)
    _vectors.keep_claims(db, [(c.id, t, x) for c, t, x in zip(new, vectors.text, vectors.context, strict=True)])
    _vectors.keep_claims(db, encoded + encoded_too)
    _vectors.keep_words(db, words.embedded())
    db.execute_many("INSERT INTO cluster_changes (cluster_id) VALUES (?)", [(k,) for k in written])
    return len(new)


@dataclass(frozen=True, slots=True)
class _Hood:
    """What a run reads back of the store around its new claims: the stored clusters they could join
    (``rows``), those clustered again (``again``) and those left as they are (``fixed``: without their
    contradictions with claims clustered again, which the run finds again or not), and their claims."""

    rows: dict[str, tuple[int, Cluster]]
    again: list[str]
    fixed: dict[str, Cluster]
    stored: list[StoredClaim]  # the claims of every cluster in ``rows``, in ``_content_order``
    items: dict[int, ClaimItem]  # each of them as clustering takes it
    moved_ids: set[int]  # the claims of the clusters clustered again

    @property
    def moved(self) -> list[StoredClaim]:
        return [c for c in self.stored if c.id in self.moved_ids]

    @property
    def known(self) -> list[StoredClaim]:
        return [c for c in self.stored if c.id not in self.moved_ids]


def _neighbourhood(
    db: Connection,
    rows: dict[str, tuple[int, Cluster]],
    mixed: np.ndarray,
    seqs: dict[int, int],
    entities: dict[str, list[str]],
) -> _Hood:
    """The stored clusters ``rows`` around a run of new claims (their ``mixed`` vectors), read back; ``seqs``
    and ``entities`` gain what their claims need."""
    again = _again(rows, mixed, max(NEIGHBOURHOOD_FLOOR, NEIGHBOURHOOD_PER_CLAIM * len(mixed)))
    stored = _members_of(db, rows, seqs)
    entities.update(_article_entities(db, sorted({c.article.id for c in stored} - set(entities))))
    moved_ids = {int(m) for key in again for m in rows[key][1].members}
    fixed = {
        key: replace(cluster, across=tuple(x for x in cluster.across if int(x.b) not in moved_ids))
        for key, (_, cluster) in sorted(rows.items())
        if key not in again
    }
    items = {c.id: claim_item(c, entities.get(c.article.id, ())) for c in stored}
    return _Hood(rows, again, fixed, stored, items, moved_ids)


def _outside(stored: Mapping[int, list[tuple[int, int, int, str]]], read: set[int]) -> dict[str, list[Contradiction]]:
    """For each claim clustered again, its stored contradictions with claims the run did not read (kept)."""
    out: dict[str, list[Contradiction]] = {}
    for here, found in stored.items():
        kept = [Contradiction(str(here), str(there), reason) for _, there, _, reason in found if there not in read]
        if kept:
            out[str(here)] = kept
    return out


def _forget_found_again(db: Connection, stored: Mapping[int, list[tuple[int, int, int, str]]], read: set[int]) -> None:
    """Delete the stored contradictions of claims clustered again with claims the run read: it finds them
    again (or not)."""
    pairs = {(a, b) for found in stored.values() for a, b, _, _ in found if b in read}
    db.execute_many(
        "DELETE FROM cross_contradictions WHERE claim_a = ? AND claim_b = ?",
        sorted(pairs | {(b, a) for a, b in pairs}),  # stored either way round
    )


def _waiting_first(db: Connection, limit: int) -> list[StoredClaim]:
    """The claims waiting for a cluster: all (``limit`` 0), or the first ``limit`` in ``_content_order``."""
    if not limit:
        return _read.load_claims(db, _UNCLUSTERED)
    sql = (
        f"SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE {_UNCLUSTERED} "
        "ORDER BY a.published IS NULL, a.published, a.content_hash, c.seq LIMIT ?"
    )
    return _read.claims_by_id(db, [int(r[0]) for r in db.execute(sql, (limit,))])


NEIGHBOURHOOD_FLOOR = 1_000  # stored claims a run may cluster again, however few its new claims,


NEIGHBOURHOOD_PER_CLAIM = 1  # or this many per new claim when that is more


def _again(rows: Mapping[str, tuple[int, Cluster]], vectors: np.ndarray, budget: int) -> list[str]:
    """The stored clusters a run clusters again: the nearest to a new claim first (by centroid), while their
    members add up to no more than ``budget``. A cluster that would not fit is left as it is (new claims may
    still join it), so a run never reads back more of a long story than it has new claims."""
    if not rows or not len(vectors):
        return []
    keys = sorted(rows)
    centroids = np.asarray([rows[k][1].centroid for k in keys], dtype=np.float32)
    nearest = (np.asarray(vectors, dtype=np.float32) @ centroids.T).max(axis=0)
    chosen: list[str] = []
    for k in sorted(range(len(keys)), key=lambda k: (-float(nearest[k]), keys[k])):
        size = len(rows[keys[k]][1].members)
        if size <= budget:
            chosen.append(keys[k])
            budget -= size
    return sorted(chosen)


def _members_of(db: Connection, rows: Mapping[str, tuple[int, Cluster]], seqs: dict[int, int]) -> list[StoredClaim]:
    """The claims of the clusters ``rows``, in ``_content_order`` (``seqs`` gains their places)."""
    member_ids = sorted({int(m) for _, cluster in rows.values() for m in cluster.members})
    found = _read.claims_by_id(db, member_ids)
    seqs.update(_seqs(db, member_ids))
    return sorted(found, key=lambda c: _content_order(c, seqs))


def _known_vectors(
    db: Connection, known: Sequence[StoredClaim], items: Sequence[ClaimItem], dimensions: int, embedder: Embedder | None
) -> tuple[ClaimVectors, list[tuple[int, np.ndarray, np.ndarray]]]:
    """The vectors of the stored claims a run compares new ones with: kept ones read, the others (claims stored
    before their vectors were kept) encoded, and returned to be kept as well."""
    kept = _vectors.claims(db, [c.id for c in known], dimensions)
    missing = [k for k, c in enumerate(known) if c.id not in kept]
    fresh = claim_vectors([items[k] for k in missing], embedder=embedder) if missing else None
    text = np.zeros((len(known), dimensions), dtype=np.float32)
    context = np.zeros((len(known), dimensions), dtype=np.float32)
    for k, c in enumerate(known):
        if c.id in kept:
            text[k], context[k] = kept[c.id]
    encoded: list[tuple[int, np.ndarray, np.ndarray]] = []
    if fresh is not None:
        text[missing], context[missing] = fresh.text, fresh.context
        encoded = [(known[k].id, fresh.text[j], fresh.context[j]) for j, k in enumerate(missing)]
    return ClaimVectors(text, context), encoded


def recluster(
    db: Connection, *, now: str, embedder: Embedder | None = None, find: Find = _every_centroid, every: int = 0
) -> int:
    """Drop every cluster and what was derived from them (members, contradictions across clusters, origins,
    credibility) and cluster all stored claims again; return how many claims were clustered. ``every``: in
    runs of that many claims, taken in ``_content_order`` (each run clustering its neighbourhood again, as
    ingests do), so that the cost grows with the store, not with its square; 0: as one run.

    Nothing an analyst made lives in these tables (grades and merged sources are the sources'), so nothing
    of it is lost. Either way the result does not depend on the order the articles were stored in; in one run
    it is that of one batch of all the stored articles.
    """
    if every < 0:
        raise InputError(f"recluster in runs of {every} claims: give 0 (one run) or more")
    db.execute("DELETE FROM cross_contradictions")
    db.execute("DELETE FROM cluster_members")
    db.execute("DELETE FROM clusters")
    db.execute("INSERT INTO cluster_changes (cluster_id) VALUES (NULL)")  # every index of the centroids is void
    _vectors.forget(db)  # encoded again, as one batch would
    total = 0
    while done := cluster_new(db, now=now, embedder=embedder, find=find, limit=every):
        total += done
    return total
