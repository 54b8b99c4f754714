"""The centroid index of large stores: the same candidates, and so the same clusters, as comparing every
centroid; kept in step with the store (built when missing, void after a recluster, merged when behind)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from _store_helpers import Topics, dump, stand_in
from sayso.clusters import candidates_each
from sayso.ingest import article_from_text
from sayso.options import Options
from sayso.store import _store, open_store
from sayso.store._nearest import INDEX_FROM_VARIABLE, NearestClusters

pytest.importorskip("usearch", reason="the centroid index needs usearch: pip install 'sayso[scale]' (./setup does)")

BATCHES = [
    ["Captain Ann Lee said the ships were late.", "Mayor Ahmed Aboutaleb said the bridge stays shut."],
    ["Harbour master Jan de Wit said the ships were late again.", "The jets arrived on Monday."],
    ["Engineer Piet Smit said the bridge was safe.", "Minister Olha Stefanishyna said the jets came."],
]


def _fill(db: str) -> dict[str, list[tuple[Any, ...]]]:
    options = Options()
    with open_store(db, embedder=Topics()) as store:
        for n, batch in enumerate(BATCHES):
            for k, text in enumerate(batch):
                article = article_from_text(text, origin=f"b{n}-{k}", article_id=f"b{n}-{k}", options=options)
                store.add(stand_in(article, options=options), cluster=False)
            store.cluster()  # one run per batch: later runs search the clusters of earlier ones
    rows = dump(db)
    del rows["migrations"]
    return rows


def test_nearest_index_gives_the_store_of_the_exact_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")
    exact = _fill(str(tmp_path / "exact.db"))
    monkeypatch.setenv(INDEX_FROM_VARIABLE, "0")  # the index from the first cluster on
    indexed = _fill(str(tmp_path / "indexed.db"))
    assert indexed == exact
    assert len(exact["clusters"]) >= 3 and len(exact["cluster_changes"]) >= len(exact["clusters"])
    assert [p.name for p in (tmp_path / "indexed.db-centroids").iterdir()]  # the index was saved beside it
    assert not (tmp_path / "exact.db-centroids").exists()  # a small store needs no file


def _store_of(tmp_path: Path, clusters: int, dim: int = 24) -> tuple[str, np.ndarray]:
    """A store of random unit centroids (written as clustering writes them, with their log rows)."""
    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((clusters, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    db = str(tmp_path / "s.db")
    with open_store(db) as store, store._db.transaction():
        for k, v in enumerate(vectors):
            found = store._db.execute(
                "INSERT INTO clusters (key, created_at, updated_at, method, centroid, centroid_f32) "
                "VALUES (?, 'now', 'now', 'test', '[]', ?) RETURNING id",
                (f"k{k}", v.astype("<f4").tobytes()),
            )
            store._db.execute("INSERT INTO cluster_changes (cluster_id) VALUES (?)", (found[0][0],))
    return db, vectors


def _queries(vectors: np.ndarray, n: int = 40) -> np.ndarray:
    rng = np.random.default_rng(5)
    near = vectors[:n] + 0.3 * rng.standard_normal((n, vectors.shape[1])).astype(np.float32)
    return near / np.linalg.norm(near, axis=1, keepdims=True)


def test_nearest_candidates_equal_the_exact_ones(tmp_path: Path) -> None:
    db, vectors = _store_of(tmp_path, 3000)
    queries = _queries(vectors)
    place = tmp_path / "index"
    with open_store(db) as store:
        exact = candidates_each(queries, {f"k{k}": v for k, v in enumerate(vectors)}, floor=0.2)
        found = _near_each(NearestClusters(place, index_from=0), store, queries)
    assert found == exact and len(set().union(*exact)) > 40  # each query's own, as the exact search finds them
    assert [p.name for p in place.iterdir()] == ["3000.usearch"]  # saved under the last change it holds


def _near_each(nearest: NearestClusters, store: Any, queries: np.ndarray) -> list[set[str]]:
    from sayso.store import _nearest

    real = _nearest.candidates_each
    try:
        _nearest.candidates_each = lambda v, c, **kw: real(v, c, floor=0.2)  # type: ignore[assignment]
        return nearest.candidates_each(store._db, queries)
    finally:
        _nearest.candidates_each = real  # type: ignore[assignment]


def _near(nearest: NearestClusters, store: Any, queries: np.ndarray) -> set[str]:
    return set().union(*_near_each(nearest, store, queries))


def test_nearest_index_kept_in_step(tmp_path: Path) -> None:
    db, vectors = _store_of(tmp_path, 500)
    place = tmp_path / "index"
    queries = _queries(vectors, 10)
    with open_store(db) as store:
        first = NearestClusters(place, index_from=0, merge_at=3)
        _near(first, store, queries)
        with store._db.transaction():  # a cluster moves next to the first query: found although the file is old
            store._db.execute("UPDATE clusters SET centroid_f32 = ? WHERE id = 400", (queries[0].tobytes(),))
            store._db.execute("INSERT INTO cluster_changes (cluster_id) VALUES (400)")
        assert "k399" in _near(NearestClusters(place, index_from=0, merge_at=3), store, queries[:1])
        with store._db.transaction():  # more changes than merge_at: merged into a new file, the old one goes
            for k in (401, 402, 403, 404):
                store._db.execute("INSERT INTO cluster_changes (cluster_id) VALUES (?)", (k,))
        second = NearestClusters(place, index_from=0, merge_at=3)
        assert "k399" in _near(second, store, queries[:1])
        assert [p.name for p in place.iterdir()] == ["505.usearch"]
        (place / "505.usearch").write_bytes(b"broken")  # an unreadable file is built again
        assert "k399" in _near(NearestClusters(place, index_from=0), store, queries[:1])
        with store._db.transaction():  # a recluster voids every saved index
            store._db.execute("INSERT INTO cluster_changes (cluster_id) VALUES (NULL)")
        again = NearestClusters(place, index_from=0)
        assert "k399" in _near(again, store, queries[:1])
        assert [p.name for p in place.iterdir()] == ["506.usearch"]


def test_nearest_index_drops_the_clusters_a_run_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a run that clusters stored clusters again may drop some (their claims joined others): it logs their ids,
    # and the index leaves them out without being built again
    db, vectors = _store_of(tmp_path, 500)
    place = tmp_path / "index"
    queries = _queries(vectors, 10)
    with open_store(db) as store:
        assert "k0" in _near(NearestClusters(place, index_from=0, merge_at=3), store, queries[:1])

        def drop(*ids: int) -> None:
            with store._db.transaction():
                for k in ids:
                    store._db.execute("DELETE FROM clusters WHERE id = ?", (k,))
                    store._db.execute("INSERT INTO cluster_changes (cluster_id) VALUES (?)", (k,))

        def never(self: NearestClusters, *args: Any) -> None:
            raise AssertionError("the index was built again")

        monkeypatch.setattr(NearestClusters, "_build", never)
        drop(1)  # k0: fewer changes than merge_at, compared exactly; the file still holds it
        assert "k0" not in _near(NearestClusters(place, index_from=0, merge_at=3), store, queries[:1])
        drop(2, 3, 4)  # more than merge_at: merged into a new file without them
        merged = NearestClusters(place, index_from=0, merge_at=3)
        assert not {"k0", "k1", "k2", "k3"} & _near(merged, store, queries[:4])
        assert [p.name for p in place.iterdir()] == ["504.usearch"]
        assert merged._index is not None and len(merged._index) == 496
        assert _near_each(NearestClusters(place, index_from=0), store, queries) == candidates_each(
            queries, {f"k{k}": v for k, v in enumerate(vectors) if k > 3}, floor=0.2
        )


def _memberships(url: str) -> list[tuple[str, ...]]:
    """Each cluster as the sorted texts of its claims (row ids may differ between databases)."""
    with open_store(url) as store:
        return sorted(tuple(sorted(c.text for c in k.claims)) for k in store.clusters())


def _recluster_then_one_more_run(url: str) -> None:
    """``recluster`` (which voids every saved index), then one claim taken out and clustered again."""
    with open_store(url, embedder=Topics()) as store:
        store.recluster()
        with store._db.transaction():
            store._db.execute(
                "DELETE FROM cluster_members WHERE claim_id = (SELECT MIN(claim_id) FROM cluster_members)"
            )
        assert store.cluster() == 1


def test_nearest_index_in_either_database(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = str(tmp_path / "exact.db")
    _fill(exact)
    monkeypatch.setenv(INDEX_FROM_VARIABLE, "0")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # where a PostgreSQL store's index goes
    _fill(store_url)
    assert _memberships(store_url) == _memberships(exact)
    saved = list((tmp_path / "cache").rglob("*.usearch")) + list(tmp_path.glob("sayso.db-centroids/*.usearch"))
    assert len(saved) == 1
    _recluster_then_one_more_run(store_url)
    monkeypatch.setenv(INDEX_FROM_VARIABLE, "1000000")
    _recluster_then_one_more_run(exact)
    assert _memberships(store_url) == _memberships(exact)
