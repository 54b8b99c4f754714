"""A clustering run's result into the store: which key each group is stored under (``_keys``), and the rows
written, updated and dropped (``_write_run``)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from sayso.clusters import Cluster, Contradiction
from sayso.store import _read
from sayso.store._cluster_read import _content_order
from sayso.store._dialect import Connection
from sayso.store.records import StoredClaim

_METHOD = (
    "sayso.clusters: pair model (USE multilingual v3 of claim, context and words; source, numbers, negation), "
    "average linkage"
)


def _stable_key(members: Sequence[StoredClaim], seqs: dict[int, int]) -> str:
    """A new cluster's key: from its first member in ``_content_order``, so the same articles give the same
    keys in any order (a member's row id would not). Keys of clusters stored before stay as they are."""
    first = min(members, key=lambda c: _content_order(c, seqs))
    return "c" + hashlib.sha1(f"{first.article.content_hash}:{seqs[first.id]}".encode()).hexdigest()[:12]


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
    taken: set[str] = set()
    for (group, key), _ in sorted(overlaps.items(), key=lambda x: (-x[1], again[x[0][1]][0], x[0][0])):
        if group not in keys and key not in taken:
            keys[group] = key
            taken.add(key)
    rest = {g.id: _stable_key([by_id[m] for m in g.members], seqs) for g in groups if g.id not in keys}
    asked = sorted({k for k in rest.values() if k not in again})
    taken |= set(_read._grouped(db, "SELECT key FROM clusters WHERE key IN ({ids})", asked))  # stored elsewhere
    taken |= set(again)  # a dropped cluster's key is not given to another group
    for group, key in rest.items():
        while key in taken:
            key = "c" + hashlib.sha1(key.encode()).hexdigest()[:12]
        keys[group] = key
        taken.add(key)
    return keys


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


def _to_bytes(centroid: Sequence[float]) -> bytes:
    return np.asarray(centroid, dtype="<f4").tobytes()
