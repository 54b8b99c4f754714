"""A batch into the store: analysed by ``workers`` (or on a Dask cluster), written here, one article at a time,
and clustered on its way whenever ``CLUSTER_EVERY`` claims wait for a cluster.

Clustering a run's new claims compares each with every other of them (``clusters.pairing``): its time and
memory grow with the square of their number (1,974 claims: 9 s and 290 MB; 6,302: 31 s and 0.9 GB; 12,794:
130 s and 3 GB, docs/scale.md), so a whole archive could never be clustered at its end. Batches of a few
thousand claims cost about the same per claim as one batch of a few hundred, and each batch's claims are
compared with the stored clusters (``store._cluster``) as any later run's are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from sayso.batch.workers import Analysed, Workers
from sayso.errors import InputError, SaysoError, StoreUnavailableError
from sayso.options import Options
from sayso.records import Article, Skipped

if TYPE_CHECKING:
    from sayso.batch.dask import DaskWorkers
    from sayso.store import Store

Outcome = tuple[str, int] | Skipped  # ("added", claims), ("already there", 0), or why the input was not stored

CLUSTER_EVERY = 2_000  # claims waiting for a cluster at which a batch clusters them on its way


class ClusterEvery:
    """When a batch clusters on its way: as soon as ``every`` claims of the store wait for a cluster (0: never,
    only at its end). Counted in the store, not in the run, so a run resumed after a stop clusters after the
    same articles as one that never stopped, and so does a run with any number of workers."""

    def __init__(self, store: Store, every: int = CLUSTER_EVERY) -> None:
        if every < 0:
            raise InputError(f"cluster every {every} claims: give 0 (only at the end) or more")
        self.every = every
        self.waiting = store.waiting() if every else 0

    def due(self, waiting: int = 0) -> bool:
        """Whether to cluster now, ``waiting`` more claims stored."""
        self.waiting += waiting
        return bool(self.every) and self.waiting >= self.every

    def done(self) -> None:
        self.waiting = 0


def open_workers(
    workers: int = 1, cluster: str | None = None, setup: Callable[[], None] | None = None
) -> Workers | DaskWorkers:
    """Where a batch is analysed: ``workers`` local processes, or the Dask cluster at ``cluster`` (``local``:
    a new one of ``workers`` processes). Close it (or use ``with``) when the batch is clustered."""
    if cluster is None:
        return Workers(workers, setup)
    from sayso.batch.dask import DaskWorkers

    return DaskWorkers(cluster, workers if workers > 1 else None, setup)


def ingest_each(
    store: Store,
    items: Iterable[Article | Skipped],
    *,
    options: Options,
    workers: int = 1,
    cluster: str | None = None,
    setup: Callable[[], None] | None = None,
    warn: Callable[[str], None] | None = None,
    running: Workers | DaskWorkers | None = None,
    every: int = CLUSTER_EVERY,
    clustering: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Analyse and store each input, one transaction an article, in input order; yield what became of it.
    Stored texts are not analysed again; a broken input is recorded as skipped. The batch is clustered on its
    way whenever ``every`` claims wait for a cluster (``ClusterEvery``; 0: never), not at its end:
    ``cluster_batch`` does that. ``clustering``: told how many claims before each run on the way.
    ``workers``, ``cluster``, ``setup``: see ``open_workers``, or pass workers already ``running``. ``warn``:
    told sayso's warnings about an article (they are kept in its ``notes`` too)."""
    if running is None:
        with open_workers(workers, cluster, setup) as started:
            yield from ingest_each(
                store, items, options=options, warn=warn, running=started, every=every, clustering=clustering
            )
        return
    when = ClusterEvery(store, every)
    encoder = store.embedder is None  # clustering will use the default encoder: forked workers get it loaded
    for entry in running.analysed(items, options=options, stored=store.stored_id, encoder=encoder):
        if when.due():  # a run stopped while clustering: cluster before going on, as it would have
            _cluster_on_the_way(store, running, when, clustering)
        outcome, waiting = store_one(store, entry, warn or _ignore)
        yield outcome
        if when.due(waiting):
            _cluster_on_the_way(store, running, when, clustering)


def _cluster_on_the_way(
    store: Store, running: Workers | DaskWorkers, when: ClusterEvery, told: Callable[[int], None] | None
) -> None:
    if told is not None:
        told(when.waiting)
    cluster_batch(store, running)
    when.done()


def cluster_batch(store: Store, running: Workers | DaskWorkers) -> int:
    """``store.cluster()`` with the workers' help: they encode the sentences (when the store uses the default
    encoder) and compute the pair features."""
    return store.cluster(embedder=running.embedder() if store.embedder is None else None, spread=running.spread())


def store_one(store: Store, entry: Analysed, warn: Callable[[str], None]) -> tuple[Outcome, int]:
    """One analysed input into the store: ``("added", claims)``, ``("already there", 0)`` or its ``Skipped``;
    and how many of its claims wait for a cluster."""
    item, result = entry
    if isinstance(item, Article):
        if result is None:
            return ("already there", 0), 0  # resumable: a stored text is never analysed again
        analysis, said = result
        for line in said:
            warn(line)
        if isinstance(analysis, Skipped):
            item = analysis
        else:
            try:
                added = store.add(analysis, cluster=False)
            except StoreUnavailableError:
                raise  # the store stopped working (disk full, server gone): stop the run, nothing is half-written
            except SaysoError as err:
                item = Skipped(item.origin or item.id, str(err))
            else:
                return (("added", added.claims), added.waiting) if added.added else (("already there", 0), 0)
    store.record_skip(item)
    return item, 0


def _ignore(line: str) -> None:
    pass
