"""Which pairs of claims clustering scores, and their features, computed here or spread over worker processes.

Every new claim is paired with each claim of another article whose mixed vector (its words and its sentence,
``mixed``) lies within ``PAIR_FLOOR`` cosine of its own; each pair gets the pair model's ``FEATURES``
(``pairs.ViewTable``). With a ``spread`` (a batch's workers), the part of the features that comes from the
vectors alone is computed there, in ``SPREAD_PARTS`` parts, the vectors sent as files mapped into memory.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sayso.clusters.pairs import FEATURES, LIKENESS, ClaimView, PairModel, ViewTable

PAIR_FLOOR = 0.25  # cosine of the mixed vectors under which a pair is not scored (its probability is ~0)
# A map that may run elsewhere: ``spread(function, items)`` is ``[function(x) for x in items]``, in that order.
Spread = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]


def find_pairs(
    views: Sequence[ClaimView],
    new: int,
    parts: tuple[np.ndarray, np.ndarray, np.ndarray],
    model: PairModel,
    spread: Spread | None = None,
    reach: Sequence[np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair with a new claim first, of two articles, whose mixed vectors are near (``parts``: text,
    context and mixed rows): the pairs (rows of two indices), their features and their probabilities.
    ``spread``: the features are computed in ``SPREAD_PARTS`` parts of about as many pairs, mapped by it.
    ``reach``: for each new claim, the rows of the known claims (those from ``new`` on) it may be paired with
    (None: all of them); it is paired with every other new claim."""
    text, context, vectors = parts
    table = ViewTable.of(views, text, context)
    found: list[np.ndarray] = []
    for lo in range(0, new, _ROWS):
        cosines = vectors[lo : min(new, lo + _ROWS)] @ vectors.T
        for i, row in enumerate(cosines, start=lo):
            near = np.nonzero(row >= PAIR_FLOOR)[0]
            keep = ((near >= new) | (near > i)) & (table.article[near] != table.article[i])
            if reach is not None:
                keep &= (near < new) | np.isin(near, reach[i])
            partners = near[keep]
            if len(partners):
                found.append(np.column_stack([np.full(len(partners), i), partners]))
    if not found:
        return np.zeros((0, 2), dtype=np.int64), np.zeros((0, len(FEATURES))), np.zeros(0)
    blocks = _blocks(found, SPREAD_PARTS if spread is not None and sum(map(len, found)) >= SPREAD_FROM else 1)
    likeness = _spread_likeness(table, found, blocks, spread) if spread is not None and len(blocks) > 1 else None
    features = np.zeros((sum(map(len, found)), len(FEATURES)))
    features[:, :LIKENESS] = np.vstack(likeness or [_likeness_of((table, found))])
    start = 0
    for f in found:  # the features read from the claims themselves, here
        table.add_facts(int(f[0, 0]), f[:, 1], features[start : start + len(f)])
        start += len(f)
    pairs = np.vstack(found)
    return pairs, features, model.probability(features) * table.news_cycles(pairs[:, 0], pairs[:, 1])


SPREAD_PARTS = 4  # parts of the pair features a ``spread`` computes (one at a time on each worker)
SPREAD_FROM = 5_000  # pairs from which they are spread at all: sending the table costs more below
_ROWS = 256  # new claims compared with all at once (a block of cosines: 256 x all claims)
_SHARED = Path("/dev/shm")  # memory, not disk, where Linux has it


def _blocks(found: Sequence[np.ndarray], parts: int) -> list[tuple[int, int]]:
    """``found`` (one array of pairs per claim) cut into at most ``parts`` runs of about as many pairs."""
    ends = np.cumsum([len(f) for f in found])
    cuts = sorted({int(np.searchsorted(ends, ends[-1] * k / parts)) + 1 for k in range(1, parts)} - {len(found)})
    bounds = [0, *[c for c in cuts if 0 < c < len(found)], len(found)]
    return list(itertools.pairwise(bounds))


def _spread_likeness(
    table: ViewTable, found: Sequence[np.ndarray], blocks: Sequence[tuple[int, int]], spread: Spread
) -> list[np.ndarray] | None:
    """``ViewTable.likeness`` of each block of ``found``, computed by ``spread`` from the table's vectors in
    files (in memory, ``/dev/shm``, when it has room for them, else in the temporary folder); None when the
    files cannot be written (a full disk): then this process computes them."""
    size = sum(getattr(table, name).nbytes for name in ("text", "context", "words"))
    room = _SHARED.is_dir() and shutil.disk_usage(_SHARED).free > 2 * size
    try:
        with tempfile.TemporaryDirectory(prefix="sayso-pairs-", dir=_SHARED if room else None) as place:
            sent = table.shared(Path(place))
            return spread(_likeness_of, [(sent, found[lo:hi]) for lo, hi in blocks])
    except OSError:
        return None


def _likeness_of(task: tuple[ViewTable, Sequence[np.ndarray]]) -> np.ndarray:
    """``ViewTable.likeness`` of a run of claims' pairs (each array: the claim's index, then each partner's)."""
    table, found = task
    return np.vstack([table.likeness(int(f[0, 0]), f[:, 1]) for f in found])
