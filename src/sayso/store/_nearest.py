"""Which stored clusters new claims could join, without reading every centroid of a large store.

Below ``INDEX_FROM`` stored clusters every centroid is read and compared (``sayso.clusters.candidates``): at
that size it takes a fraction of a second and needs no file. From it on, an HNSW index of the centroids
(``sayso.clusters.nearest``) proposes the nearest clusters. It lives in files beside the store (a SQLite
store ``news.db``: the folder ``news.db-centroids``; a PostgreSQL store: ``~/.cache/sayso/centroids-HASH``),
one file per state of the store, named by the last ``cluster_changes.seq`` it holds. The clusters written
after that (``cluster_changes``, filled in the clustering transaction itself) are read and compared exactly;
when they are more than ``MERGE_AT``, they go into the index and a new file is saved. A file that is missing,
unreadable, from before a ``recluster``, or that does not add up to the store's count of clusters is built
again from the stored centroids. Every proposed cluster is ranked again by its exact stored centroid, so the
result equals the exact search whenever the index finds the true nearest clusters.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from sayso.clusters import candidates_each
from sayso.clusters.cluster import CANDIDATES_PER_CLAIM
from sayso.clusters.nearest import CentroidIndex, available
from sayso.store import _read
from sayso.store._cluster_read import _vector
from sayso.store._dialect import Connection

INDEX_FROM = 20_000  # stored clusters from which the index is used (below: every centroid is compared)
INDEX_FROM_VARIABLE = "SAYSO_INDEX_FROM"  # sets INDEX_FROM for a run, e.g. 0 to measure the index on a small set
MERGE_AT = 5_000  # clusters written since the index file was saved, compared exactly until then
ASK_FOR = 2 * CANDIDATES_PER_CLAIM  # nearest clusters asked of the index per claim, ranked again exactly
BUILD_CHUNK = 20_000  # centroids read at a time when the index is built


def index_place(url: str, backend: str) -> Path | None:
    """Where a store's index files live; None for a store in memory."""
    if backend == "sqlite":
        return None if url == ":memory:" else Path(url.removeprefix("sqlite:///") + "-centroids")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sayso"
    return cache / f"centroids-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}"


class NearestClusters:
    """One store's candidate search; keeps the index it loaded between clustering runs of one process."""

    def __init__(self, place: Path | None, *, index_from: int | None = None, merge_at: int = MERGE_AT) -> None:
        if index_from is None:
            given = os.environ.get(INDEX_FROM_VARIABLE, "")
            index_from = int(given) if given.isdigit() else INDEX_FROM
        self.place, self.index_from, self.merge_at = place, index_from, merge_at
        self._index: CentroidIndex | None = None
        self._seq = 0  # the last change the index holds

    def candidates(self, db: Connection, vectors: np.ndarray) -> set[str]:
        """Keys of the stored clusters any of ``vectors`` (mixed rows) could join, as ``candidates`` finds them."""
        return set().union(*self.candidates_each(db, vectors))

    def candidates_each(self, db: Connection, vectors: np.ndarray) -> list[set[str]]:
        """For each of ``vectors``, the keys of the stored clusters it could join (``candidates_each``)."""
        if not len(vectors):
            return []
        total = int(db.execute("SELECT COUNT(*) FROM clusters")[0][0])
        if total < self.index_from or self.place is None or not available():
            return candidates_each(vectors, _centroids(db))  # exact: every centroid
        changed = self._refresh(db, total, vectors.shape[1])
        assert self._index is not None
        proposed = self._index.near(vectors, ASK_FOR) | set(changed)
        return candidates_each(vectors, _centroids(db, sorted(proposed)))

    def _refresh(self, db: Connection, total: int, ndim: int) -> list[int]:
        """Bring the index up to the store; return the clusters written since it was saved (compared exactly)."""
        if self._index is None:
            self._index, self._seq = self._load()
        reset = db.execute("SELECT MAX(seq) FROM cluster_changes WHERE cluster_id IS NULL")[0][0]
        changed = _changed_since(db, self._seq)
        if self._index is None or (reset is not None and int(reset) > self._seq):
            self._build(db, ndim)  # missing, unreadable, or from before a recluster
            return []
        # a run that clusters stored claims again may drop clusters it logged
        alive = {int(k) for k in _read._grouped(db, "SELECT id FROM clusters WHERE id IN ({ids})", changed)}
        held = self._index.holds(changed) if changed else np.zeros(0, dtype=bool)
        new = sum(1 for k, h in zip(changed, held, strict=True) if k in alive and not h)
        dropped = [k for k, h in zip(changed, held, strict=True) if k not in alive and h]
        if len(self._index) - len(dropped) + new != total:
            self._build(db, ndim)  # clusters written without a log of them: the index cannot tell which
            return []
        if len(changed) > self.merge_at:
            assert self._index is not None
            self._index.remove(dropped)
            _put(self._index, db, sorted(alive))
            self._seq = _last_seq(db)
            self._save()
            return []
        return sorted(alive)

    def _build(self, db: Connection, ndim: int) -> None:
        self._seq = _last_seq(db)
        self._index = CentroidIndex(ndim)
        ids = [int(r[0]) for r in db.execute("SELECT id FROM clusters ORDER BY id")]
        for start in range(0, len(ids), BUILD_CHUNK):
            chunk = ids[start : start + BUILD_CHUNK]
            _put(self._index, db, chunk)
        self._save()

    def _load(self) -> tuple[CentroidIndex | None, int]:
        saved = _saved(self.place)
        if not saved:
            return None, 0
        seq, path = saved[-1]
        return CentroidIndex.load(path), seq

    def _save(self) -> None:
        """The index as the file of its ``seq`` (written aside, then renamed: never half a file); older go."""
        if self.place is None or self._index is None:
            return
        try:
            self.place.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.place, suffix=".part")
            os.close(handle)
            self._index.save(Path(temporary))
            os.replace(temporary, self.place / f"{self._seq}.usearch")
        except OSError:
            return  # a folder that cannot be written: the index is built again by the next process
        for seq, path in _saved(self.place):
            if seq < self._seq:
                with contextlib.suppress(OSError):
                    path.unlink()

    def forget(self) -> None:
        """Drop the index held in memory (after a transaction that rolled back): the next run loads it."""
        self._index, self._seq = None, 0


def _saved(place: Path | None) -> list[tuple[int, Path]]:
    if place is None or not place.is_dir():
        return []
    return sorted((int(p.stem), p) for p in place.glob("*.usearch") if p.stem.isdigit())


def _last_seq(db: Connection) -> int:
    return int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM cluster_changes")[0][0])


def _changed_since(db: Connection, seq: int) -> list[int]:
    sql = "SELECT DISTINCT cluster_id FROM cluster_changes WHERE seq > ? AND cluster_id IS NOT NULL ORDER BY 1"
    return [int(r[0]) for r in db.execute(sql, (seq,))]


def _put(index: CentroidIndex, db: Connection, ids: Sequence[int]) -> None:
    """The stored centroids of the clusters ``ids`` into the index."""
    rows: dict[int, np.ndarray] = {}
    for chunk in _read._chunks(list(ids)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT id, centroid_f32, centroid FROM clusters WHERE id IN ({marks})"
        rows.update({int(i): _vector(b, t) for i, b, t in db.execute(sql, chunk)})
    if rows:
        index.put(list(rows), np.vstack(list(rows.values())))


def _centroids(db: Connection, ids: Sequence[int] | None = None) -> dict[str, np.ndarray]:
    """key -> centroid of every stored cluster, or of those ``ids``."""
    if ids is None:
        return {key: _vector(b, t) for key, b, t in db.execute("SELECT key, centroid_f32, centroid FROM clusters")}
    out: dict[str, np.ndarray] = {}
    for chunk in _read._chunks(list(ids)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT key, centroid_f32, centroid FROM clusters WHERE id IN ({marks})"
        out.update({key: _vector(b, t) for key, b, t in db.execute(sql, chunk)})
    return out
