"""A batch into the store: analysed by ``workers`` (or on a Dask cluster), written here, one article at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from sayso.batch.workers import Analysed, Workers
from sayso.errors import SaysoError, StoreUnavailableError
from sayso.options import Options
from sayso.records import Article, Skipped

if TYPE_CHECKING:
    from sayso.batch.dask import DaskWorkers
    from sayso.store import Store

Outcome = tuple[str, int] | Skipped  # ("added", claims), ("already there", 0), or why the input was not stored


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
) -> Iterator[Outcome]:
    """Analyse and store each input, one transaction an article, in input order; yield what became of it.
    Stored texts are not analysed again; a broken input is recorded as skipped; the batch is not clustered
    (``cluster_batch`` does that, once, at its end). ``workers``, ``cluster``, ``setup``: see ``open_workers``,
    or pass workers already ``running``. ``warn``: told sayso's warnings about an article (they are kept in
    its ``notes`` too)."""
    if running is None:
        with open_workers(workers, cluster, setup) as started:
            yield from ingest_each(store, items, options=options, warn=warn, running=started)
        return
    encoder = store.embedder is None  # clustering will use the default encoder: forked workers get it loaded
    for entry in running.analysed(items, options=options, stored=store.stored_id, encoder=encoder):
        yield store_one(store, entry, warn or _ignore)


def cluster_batch(store: Store, running: Workers | DaskWorkers) -> int:
    """``store.cluster()`` with the workers' help: they encode the sentences (when the store uses the default
    encoder) and compute the pair features."""
    return store.cluster(embedder=running.embedder() if store.embedder is None else None, spread=running.spread())


def store_one(store: Store, entry: Analysed, warn: Callable[[str], None]) -> Outcome:
    """One analysed input into the store: ``("added", claims)``, ``("already there", 0)`` or its ``Skipped``."""
    item, result = entry
    if isinstance(item, Article):
        if result is None:
            return "already there", 0  # resumable: a stored text is never analysed again
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
                return ("added", added.claims) if added.added else ("already there", 0)
    store.record_skip(item)
    return item


def _ignore(line: str) -> None:
    pass
