"""An approximate nearest-neighbour index of cluster centroids (HNSW, from usearch), for stores too large to
compare every new claim with every centroid.

The index only proposes: ``near`` gives, for each vector, the ``count`` keys whose centroids the graph finds
nearest, and the caller ranks those again by their exact centroids (``candidates``), so what the index adds is
the chance of missing a true neighbour, never a wrong cosine. Centroids are held as 8-bit integers per
dimension (a quarter of float32's memory; unit vectors lose little in that form).

Malkov and Yashunin, "Efficient and robust approximate nearest neighbor search using Hierarchical Navigable
Small World graphs", IEEE TPAMI 42(4), 2020 (arXiv:1603.09320).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sayso.errors import ModelError

CONNECTIVITY = 16  # graph edges per node (the paper's M)
EXPANSION_ADD = 32  # candidates kept while linking a new centroid (efConstruction): 4x faster than 128 here
EXPANSION_SEARCH = 128  # candidates kept while searching (ef): recall over speed, the search is cheap


def available() -> bool:
    """Whether usearch is installed (``pip install 'sayso[scale]'``)."""
    try:
        import usearch.index  # noqa: F401
    except ImportError:
        return False
    return True


class CentroidIndex:
    """Integer keys (a cluster's row id) to unit vectors; ``near`` finds the nearest keys of each query."""

    def __init__(self, ndim: int, index: Any = None) -> None:
        try:
            from usearch.index import Index
        except ImportError as exc:
            raise ModelError("the centroid index needs usearch; pip install 'sayso[scale]'") from exc
        self.ndim = ndim
        self._index = index or Index(
            ndim=ndim,
            metric="cos",
            dtype="i8",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION_SEARCH,
        )

    def __len__(self) -> int:
        return len(self._index)

    def put(self, keys: Sequence[int], vectors: np.ndarray) -> None:
        """Add centroids, replacing those of keys already held."""
        if not len(keys):
            return
        self.remove(keys)
        self._index.add(np.asarray(keys, dtype=np.uint64), np.asarray(vectors, dtype=np.float32), threads=1)

    def remove(self, keys: Sequence[int]) -> None:
        """Drop the centroids of ``keys`` (those held; others are ignored)."""
        ids = np.asarray(keys, dtype=np.uint64)
        held = ids[self.holds(keys)] if len(ids) else ids
        if len(held):
            self._index.remove(held)

    def holds(self, keys: Sequence[int]) -> np.ndarray:
        return np.asarray(self._index.contains(np.asarray(keys, dtype=np.uint64)), dtype=bool).reshape(-1)

    def near(self, vectors: np.ndarray, count: int) -> set[int]:
        """The keys of the ``count`` centroids nearest to any of ``vectors``, as far as the graph finds them."""
        if not len(self._index) or not len(vectors):
            return set()
        found: Any = self._index.search(np.atleast_2d(np.asarray(vectors, dtype=np.float32)), count, threads=1)
        if not hasattr(found, "counts"):  # one query: one row of matches, only those found
            return {int(k) for k in np.asarray(found.keys).reshape(-1)}
        return {int(k) for row, n in zip(found.keys, found.counts, strict=True) for k in row[: int(n)]}

    def save(self, path: Path) -> None:
        self._index.save(str(path))

    @classmethod
    def load(cls, path: Path) -> CentroidIndex | None:
        """The index saved at ``path``, or None when it is missing or cannot be read (then build it again)."""
        from usearch.index import Index

        try:
            index = Index.restore(str(path))
        except (OSError, ValueError, RuntimeError):
            return None
        if index is None:
            return None
        index.expansion_search = EXPANSION_SEARCH  # type: ignore[misc]  # a property with a setter
        return cls(index.ndim, index)
