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

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

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
from sayso.store._dialect import Connection
from sayso.store._names import state_of
from sayso.store.records import StoredClaim, StoredCluster

_UNCLUSTERED = "c.text <> '' AND NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.claim_id = c.id)"
_METHOD = (
    "sayso.clusters: pair model (USE multilingual v3 of claim, context and words; source, numbers, negation), "
    "average linkage"
)


def claim_item(c: StoredClaim, article_entities: Sequence[str] = ()) -> ClaimItem:
    """What clustering needs of a stored claim; the chain runs outlet -> speaker -> cited, the last is the origin.

    Its entities are the canonical names inside the claim's spans or, when they name none, the article's
    (``article_entities``): on the development pairs, at the calibrated threshold and context weight, that
    lifts Dutch attributed claims found with their English original from 83.6% to 92.5% with mixed clusters
    at 5.6% instead of 5.9% (benchmarks/cross_language.py).
    """
    own = tuple(dict.fromkeys(e.canonical for e in c.entities))
    return ClaimItem(
        id=str(c.id),
        article=c.article.id,
        language=c.article.language,
        text=c.text,
        context=c.context.text if c.context is not None else "",
        speaker=c.source or c.speaker,  # the source as the store resolved it: one origin however it is spelled
        chain=tuple(link.name for link in c.chain),
        certainty=c.certainty,
        polarity=c.polarity,
        quantities=c.quantities,
        times=c.times,
        entities=own or tuple(dict.fromkeys(article_entities)),
        published=c.article.published,
        outlet=c.article.outlet,
        article_hash=c.article.content_hash,
    )


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
    reach = find(db, vectors.mixed())
    rows = _cluster_rows(db, sorted(set().union(*reach)))
    again = _again(rows, vectors.mixed(), max(NEIGHBOURHOOD_FLOOR, NEIGHBOURHOOD_PER_CLAIM * len(new)))
    stored = _members_of(db, rows, seqs)
    entities.update(_article_entities(db, sorted({c.article.id for c in stored} - set(entities))))
    stored_items = {c.id: claim_item(c, entities.get(c.article.id, ())) for c in stored}
    words.put(_vectors.words(db, claim_words(list(stored_items.values()))))
    moved_ids = {int(m) for key in again for m in rows[key][1].members}
    moved = [c for c in stored if c.id in moved_ids]
    known = [c for c in stored if c.id not in moved_ids]
    dimensions = vectors.text.shape[1]
    moved_vectors, encoded = _known_vectors(db, moved, [stored_items[c.id] for c in moved], dimensions, embedder)
    known_vectors, encoded_too = _known_vectors(db, known, [stored_items[c.id] for c in known], dimensions, embedder)
    run = sorted([*new, *moved], key=lambda c: _content_order(c, seqs))
    place = {c.id: k for k, c in enumerate([*new, *moved])}
    order = [place[c.id] for c in run]
    reach_of = {c.id: near - set(again) for c, near in zip(new, reach, strict=True)}
    fixed = {  # without their contradictions with claims clustered again: those are found again (or not)
        key: replace(rows[key][1], across=tuple(x for x in rows[key][1].across if int(x.b) not in moved_ids))
        for key in sorted(rows)
        if key not in again
    }
    stored_across = _across(db, sorted(moved_ids))
    read = {c.id for c in (*new, *stored)}  # a claim clustered again is paired with every claim the run reads
    result = cluster_claims(
        [new_items[place[c.id]] if c.id in reach_of else stored_items[c.id] for c in run],
        previous=list(fixed.values()),
        known=[stored_items[c.id] for c in known],
        embedder=embedder,
        texts=_read._texts(db, (c.article.id for c in (*new, *stored))),
        vectors=ClaimVectors(
            np.vstack([vectors.text, moved_vectors.text])[order],
            np.vstack([vectors.context, moved_vectors.context])[order],
        ),
        known_vectors=known_vectors,
        article_clusters=_article_clusters(db, sorted({c.article.id for c in stored}), leave=set(again)),
        state_of=state_of,
        spread=spread,
        words=words,
        reach=[reach_of.get(c.id, set(fixed)) for c in run],  # a claim clustered again: every cluster read
        outside={
            str(here): [Contradiction(str(here), str(there), reason) for _, there, _, reason in found]
            for here, everything in stored_across.items()
            if (found := [x for x in everything if x[1] not in read])
        },
    )
    # the contradictions of a claim clustered again with a claim the run read are found again (or not) in it
    again_found = {(a, b) for found in stored_across.values() for a, b, _, _ in found if b in read}
    db.execute_many(
        "DELETE FROM cross_contradictions WHERE claim_a = ? AND claim_b = ?",
        sorted(again_found | {(b, a) for a, b in again_found}),  # stored either way round
    )
    by_id = {str(c.id): c for c in run}
    keys = _keys(db, [c for c in result if c.id not in fixed], {key: rows[key] for key in again}, by_id, seqs)
    written = _write_run(db, result, keys, rows, fixed, set(again), now)
    _vectors.keep_claims(db, [(c.id, t, x) for c, t, x in zip(new, vectors.text, vectors.context, strict=True)])
    _vectors.keep_claims(db, encoded + encoded_too)
    _vectors.keep_words(db, words.embedded())
    db.execute_many("INSERT INTO cluster_changes (cluster_id) VALUES (?)", [(k,) for k in written])
    return len(new)


def _waiting_first(db: Connection, limit: int) -> list[StoredClaim]:
    """The claims waiting for a cluster: all (``limit`` 0), or the first ``limit`` in ``_content_order``."""
    if not limit:
        return _read.load_claims(db, _UNCLUSTERED)
    sql = (
        f"SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE {_UNCLUSTERED} "
        "ORDER BY a.published IS NULL, a.published, a.content_hash, c.seq LIMIT ?"
    )
    ids = [int(r[0]) for r in db.execute(sql, (limit,))]
    found: list[StoredClaim] = []
    for chunk in _read._chunks(ids):
        found.extend(_read.load_claims(db, f"c.id IN ({', '.join('?' * len(chunk))})", chunk))
    return found


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
    found: list[StoredClaim] = []
    for chunk in _read._chunks(member_ids):
        found.extend(_read.load_claims(db, f"c.id IN ({', '.join('?' * len(chunk))})", chunk))
    seqs.update(_seqs(db, member_ids))
    return sorted(found, key=lambda c: _content_order(c, seqs))


def _keys(
    db: Connection,
    groups: Sequence[Cluster],
    again: Mapping[str, tuple[int, Cluster]],
    by_id: Mapping[str, StoredClaim],
    seqs: dict[int, int],
) -> dict[str, str]:
    """The key each group of a run is stored under (its ``id`` in the run -> key): a stored cluster clustered
    again keeps its key (and row) with the group that holds most of its members (the older cluster first on
    a tie); any other group gets ``_stable_key``, unless a stored cluster holds that key already."""
    was = {m: key for key, (_, cluster) in again.items() for m in cluster.members}
    overlaps = Counter((g.id, was[m]) for g in groups for m in g.members if m in was)
    keys: dict[str, str] = {}
    for (group, key), _ in sorted(overlaps.items(), key=lambda x: (-x[1], again[x[0][1]][0], x[0][0])):
        if group not in keys and key not in keys.values():
            keys[group] = key
    rest = {g.id: _stable_key([by_id[m] for m in g.members], seqs) for g in groups if g.id not in keys}
    taken = set(keys.values()) | _existing(db, [k for k in rest.values() if k not in again])
    taken |= set(again)  # a dropped cluster's key is not given to another group
    for group, key in rest.items():
        while key in taken:
            key = "c" + hashlib.sha1(key.encode()).hexdigest()[:12]
        keys[group] = key
        taken.add(key)
    return keys


def _existing(db: Connection, keys: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _read._chunks(sorted(set(keys))):
        out.update(
            str(r[0])
            for r in db.execute(f"SELECT key FROM clusters WHERE key IN ({', '.join('?' * len(chunk))})", chunk)
        )
    return out


def _write_run(
    db: Connection,
    result: Sequence[Cluster],
    keys: Mapping[str, str],
    rows: Mapping[str, tuple[int, Cluster]],
    fixed: Mapping[str, Cluster],
    again: set[str],
    now: str,
) -> list[int]:
    """Write a run's clusters: the stored ones clustered again updated (or dropped when no group kept them),
    the fixed ones that gained members updated, the rest inserted; return the row ids written or dropped."""
    placed = {keys[c.id]: c for c in result if c.id in keys}
    written: list[int] = []
    for key in sorted(again):  # every membership that ends first: a claim that moves is in one cluster at a time
        cluster_id, before = rows[key]
        staying = set(placed[key].members) if key in placed else set()
        db.execute_many(
            "DELETE FROM cluster_members WHERE cluster_id = ? AND claim_id = ?",
            [(cluster_id, int(m)) for m in before.members if m not in staying],
        )
        if key not in placed:
            db.execute("DELETE FROM clusters WHERE id = ?", (cluster_id,))
            written.append(cluster_id)
    across: list[Contradiction] = []
    for cluster in result:
        old = fixed.get(cluster.id)
        if cluster is old:
            continue  # untouched: its contradictions across clusters are the stored ones
        across.extend(cluster.across)  # found in this run
        key = cluster.id if old is not None else keys[cluster.id]
        values = (
            _to_bytes(cluster.centroid),
            json.dumps(list(cluster.origins), ensure_ascii=False),
            cluster.independent,
            json.dumps([int(m) for m in cluster.repeats]),
            json.dumps(
                [{"a": int(x.a), "b": int(x.b), "reason": x.reason} for x in cluster.contradictions], ensure_ascii=False
            ),
            cluster.credibility,
        )
        if key in rows:
            cluster_id, stored = rows[key]
            db.execute(
                "UPDATE clusters SET updated_at = ?, centroid = '[]', centroid_f32 = ?, origins = ?, independent = ?, "
                "repeats = ?, contradictions = ?, credibility = ? WHERE id = ?",
                (now, *values, cluster_id),
            )
            members_before = set(stored.members)
        else:
            found = db.execute(
                "INSERT INTO clusters (key, created_at, updated_at, method, centroid, centroid_f32, origins, "
                "independent, repeats, contradictions, credibility) VALUES (?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?) "
                "RETURNING id",
                (key, now, now, _METHOD, *values),
            )
            cluster_id, members_before = int(found[0][0]), set()
        written.append(cluster_id)
        db.execute_many(
            "INSERT INTO cluster_members (cluster_id, claim_id, similarity, added_at) VALUES (?, ?, ?, ?)",
            [(cluster_id, int(m), None, now) for m in cluster.members if m not in members_before],
        )
    db.execute_many(
        "INSERT INTO cross_contradictions (claim_a, claim_b, reason, found_at) VALUES (?, ?, ?, ?)",
        [(int(x.a), int(x.b), x.reason, now) for x in across],
    )
    return written


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


def _seqs(db: Connection, claims: Sequence[int]) -> dict[int, int]:
    """claim id -> its place among its article's claims."""
    out: dict[int, int] = {}
    for chunk in _read._chunks(sorted(claims)):
        out.update(db.execute(f"SELECT id, seq FROM claims WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
    return {int(k): int(v) for k, v in out.items()}


def _content_order(claim: StoredClaim, seqs: dict[int, int]) -> tuple[date, str, int]:
    """Claims by what they are, not when they were stored: day of publication, article text, place in it."""
    return (claim.article.published or date.max, claim.article.content_hash, seqs[claim.id])


def _stable_key(members: Sequence[StoredClaim], seqs: dict[int, int]) -> str:
    """A new cluster's key: from its first member in ``_content_order``, so the same articles give the same
    keys in any order (a member's row id would not). Keys of clusters stored before stay as they are."""
    first = min(members, key=lambda c: _content_order(c, seqs))
    return "c" + hashlib.sha1(f"{first.article.content_hash}:{seqs[first.id]}".encode()).hexdigest()[:12]


def _article_entities(db: Connection, articles: Sequence[str]) -> dict[str, list[str]]:
    """The canonical entity names of each article, in text order."""
    out: dict[str, list[str]] = {}
    for chunk in _read._chunks(articles):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT article_id, canonical FROM entities WHERE article_id IN ({marks}) ORDER BY article_id, seq"
        for aid, name in db.execute(sql, chunk):
            out.setdefault(aid, []).append(name)
    return out


def _to_bytes(centroid: Sequence[float]) -> bytes:
    return np.asarray(centroid, dtype="<f4").tobytes()


def _vector(binary: bytes | memoryview | None, text: str) -> np.ndarray:
    """A stored centroid: its float32 bytes, or the JSON of a row written before migration 0005."""
    if binary is not None:
        return np.frombuffer(bytes(binary), dtype="<f4")
    return np.asarray(json.loads(text), dtype=np.float32)


def _article_clusters(db: Connection, articles: Sequence[str], leave: Collection[str] = ()) -> dict[str, list[str]]:
    """For each article, the cluster (its key) of every claim it has in one, but those ``leave`` names."""
    out: dict[str, list[str]] = {}
    for chunk in _read._chunks(articles):
        marks = ", ".join("?" * len(chunk))
        for aid, key in db.execute(
            "SELECT c.article_id, k.key FROM claims c JOIN cluster_members m ON m.claim_id = c.id "
            f"JOIN clusters k ON k.id = m.cluster_id WHERE c.article_id IN ({marks}) ORDER BY c.id",
            chunk,
        ):
            if key not in leave:
                out.setdefault(aid, []).append(key)
    return out


def _centroids(db: Connection) -> dict[str, np.ndarray]:
    """key -> centroid of every stored cluster."""
    return {key: _vector(b, t) for key, b, t in db.execute("SELECT key, centroid_f32, centroid FROM clusters")}


def _cluster_rows(db: Connection, keys: Sequence[str]) -> dict[str, tuple[int, Cluster]]:
    """The stored clusters ``keys`` as ``sayso.clusters`` gave them: key -> (row id, Cluster)."""
    rows: list[tuple[Any, ...]] = []
    for chunk in _read._chunks(keys):
        rows.extend(
            db.execute(
                "SELECT id, key, centroid_f32, centroid, origins, independent, repeats, contradictions, credibility "
                "FROM clusters "
                f"WHERE key IN ({', '.join('?' * len(chunk))}) ORDER BY id",
                chunk,
            )
        )
    ids = [int(r[0]) for r in rows]
    members: dict[int, list[int]] = {}
    for chunk in _read._chunks(ids):
        members.update(_members(db, f"cluster_id IN ({', '.join('?' * len(chunk))})", chunk))
    across = _across(db, sorted({m for ms in members.values() for m in ms}))
    out: dict[str, tuple[int, Cluster]] = {}
    for cid, key, binary, centroid, origins, independent, repeats, contradictions, credibility in rows:
        out[key] = (
            int(cid),
            Cluster(
                id=key,
                members=tuple(str(m) for m in members.get(int(cid), [])),
                origins=tuple(json.loads(origins)),
                independent=int(independent),
                repeats=tuple(str(m) for m in json.loads(repeats)),
                contradictions=tuple(
                    Contradiction(str(x["a"]), str(x["b"]), x["reason"]) for x in json.loads(contradictions)
                ),
                credibility=int(credibility),
                centroid=tuple(_vector(binary, centroid).tolist()),
                across=tuple(
                    Contradiction(str(here), str(there), reason)
                    for m in members.get(int(cid), [])
                    for here, there, _, reason in across.get(m, ())
                ),
            ),
        )
    return out


def _members(db: Connection, where: str = "", params: Sequence[Any] = ()) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    sql = "SELECT cluster_id, claim_id FROM cluster_members" + (f" WHERE {where}" if where else "")
    for cid, claim in db.execute(sql + " ORDER BY cluster_id, claim_id", params):
        out.setdefault(int(cid), []).append(int(claim))
    return out


def load_clusters(db: Connection, where: str = "", params: Sequence[Any] = ()) -> list[StoredCluster]:
    """Stored clusters (all, or those ``where`` selects on ``clusters k``) with their claims, in order of id."""
    rows = db.execute(
        "SELECT k.id, k.origins, k.independent, k.repeats, k.contradictions, k.credibility FROM clusters k"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY k.id",
        params,
    )
    if not rows:
        return []
    ids = [int(r[0]) for r in rows]
    members = _members(db, f"cluster_id IN ({', '.join('?' * len(ids))})", ids) if len(ids) <= 500 else _members(db)
    wanted = sorted({m for r in rows for m in members.get(int(r[0]), [])})
    claims: dict[int, StoredClaim] = {}
    for k in range(0, len(wanted), 500):
        chunk = wanted[k : k + 500]
        claims.update({c.id: c for c in _read.load_claims(db, f"c.id IN ({', '.join('?' * len(chunk))})", chunk)})
    across = _across(db, wanted)
    return [
        StoredCluster(
            id=int(cid),
            claims=tuple(claims[m] for m in members.get(int(cid), []) if m in claims),
            origins=tuple(json.loads(origins)),
            independent=int(independent),
            repeats=tuple(int(m) for m in json.loads(repeats)),
            contradictions=tuple((int(x["a"]), int(x["b"]), x["reason"]) for x in json.loads(contradictions)),
            credibility=int(credibility),
            across=tuple(x for m in members.get(int(cid), []) for x in across.get(m, ())),
        )
        for cid, origins, independent, repeats, contradictions, credibility in rows
    ]


def _across(db: Connection, claims: Sequence[int]) -> dict[int, list[tuple[int, int, int, str]]]:
    """claim id -> its contradictions across clusters: (it, the other claim, the other's cluster, reason)."""
    out: dict[int, list[tuple[int, int, int, str]]] = {}
    for chunk in _read._chunks(claims):
        marks = ", ".join("?" * len(chunk))
        sql = (
            "SELECT x.claim_a, x.claim_b, m.cluster_id, x.reason FROM cross_contradictions x "
            "JOIN cluster_members m ON m.claim_id = {other} WHERE {mine} IN ({marks}) ORDER BY x.claim_a, x.claim_b"
        )
        for mine, other in (("x.claim_a", "x.claim_b"), ("x.claim_b", "x.claim_a")):
            for a, b, cluster, reason in db.execute(sql.format(mine=mine, other=other, marks=marks), chunk):
                here, there = (int(a), int(b)) if mine == "x.claim_a" else (int(b), int(a))
                out.setdefault(here, []).append((here, there, int(cluster), reason))
    return out
