"""Articles analysed on a Dask cluster (``--cluster local`` or ``dask://HOST:PORT``), handed back in input order.

The client (the ``sayso ingest`` process) reads the inputs, sends each new text to the cluster as one task
(at most ``AHEAD`` per worker thread in flight, so an archive streams through), and writes the results to the
store in input order, one transaction an article, as with local workers: writing is idempotent (a text that
is stored already changes nothing), so a run that stopped is finished by running it again. Every worker
loads the models once and keeps them; ``setup`` runs once in each worker process before its first article.
``local`` starts a ``LocalCluster`` of one single-threaded process per core (or ``workers``).

Futures rather than a ``dask.bag``: a bag is made from a sequence held whole, an archive is not.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from sayso.batch.analyse import analyse_quietly
from sayso.batch.workers import Analysed, Result, Stored, batches, encode_here
from sayso.clusters import Spread
from sayso.errors import InputError
from sayso.options import Options
from sayso.records import Article, Skipped

AHEAD = 4
_DONE: set[Any] = set()  # the setups run in this (worker) process


def _analyse(article: Article, options: Options, setup: Callable[[], None] | None) -> Result:
    if setup is not None and setup not in _DONE:
        setup()
        _DONE.add(setup)
    return analyse_quietly(article, options)


def connect(address: str, workers: int | None = None) -> Any:
    """A Dask client: of a new ``LocalCluster`` for ``local``, else of the scheduler at ``dask://HOST:PORT``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise InputError(f"--cluster {address}: needs Dask; pip install 'sayso[scale]'") from exc
    if address == "local":
        cluster = LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None)
        return Client(cluster)
    if not address.startswith("dask://") or ":" not in address.removeprefix("dask://"):
        raise InputError(f"--cluster {address!r}: give local or dask://HOST:PORT (the scheduler's address)")
    try:
        return Client("tcp://" + address.removeprefix("dask://"), timeout=30)
    except OSError as err:
        raise InputError(
            f"--cluster {address}: no Dask scheduler answers there ({err}); start one with `dask scheduler` "
            "and workers with `dask worker HOST:PORT --nthreads 1`, each where sayso is installed"
        ) from None


class DaskWorkers:
    """The workers of a Dask cluster, used as ``sayso.batch.workers.Workers`` is; use it with ``with``."""

    def __init__(self, address: str, count: int | None = None, setup: Callable[[], None] | None = None) -> None:
        self.address, self.setup = address, setup
        self.client = connect(address, count)

    def __enter__(self) -> DaskWorkers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()
        if self.address == "local":
            self.client.cluster.close()

    def analysed(
        self, items: Iterable[Article | Skipped], *, options: Options, stored: Stored, encoder: bool = True
    ) -> Iterator[Analysed]:
        """Each input with its analysis, in input order, as ``Workers.analysed`` gives them (``encoder``: unused,
        each Dask worker loads what it needs)."""
        window = AHEAD * max(1, sum(self.client.nthreads().values()))
        pending: deque[tuple[Article | Skipped, Any]] = deque()
        try:
            for item in items:
                new = isinstance(item, Article) and stored(item.text) is None
                task = self.client.submit(_analyse, item, options, self.setup, pure=False) if new else None
                pending.append((item, task))
                while len(pending) > window:
                    yield _ready(pending.popleft())
            while pending:
                yield _ready(pending.popleft())
        finally:
            for _, task in pending:
                if task is not None:
                    task.cancel()

    def embedder(self) -> DaskEmbedder:
        return DaskEmbedder(self.client)

    def spread(self) -> Spread | None:
        """``map`` on the workers of a ``local`` cluster (``sayso.clusters.Spread``); None for a cluster at an
        address, whose workers may run on machines that cannot read this one's files (a spread pair table
        names files in this machine's memory, ``ViewTable.shared``)."""
        if self.address != "local":
            return None
        client = self.client
        return lambda function, items: client.gather(client.map(function, items, pure=False))


class DaskEmbedder:
    """The default sentence encoder on the cluster's workers, one ``BATCH`` of texts a task."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.start(texts)()

    def start(self, texts: Sequence[str]) -> Callable[[], np.ndarray]:
        """Begin encoding ``texts`` on the cluster; the returned function waits for the rows."""
        if not texts:
            return lambda: np.zeros((0, 0), dtype=np.float32)
        tasks = self._client.map(encode_here, batches(texts), pure=False)
        return lambda: np.vstack(self._client.gather(tasks))


def _ready(entry: tuple[Article | Skipped, Any]) -> Analysed:
    """An input with its analysis, or None when it was not analysed. An article whose analysis stopped every
    Dask worker that took it up (killed, most often for want of memory) is skipped with that reason: Dask
    tried it on as many workers as its ``distributed.scheduler.allowed-failures`` lets it, so the article
    itself is the likely cause, and the batch goes on without it."""
    from distributed import KilledWorker

    item, task = entry
    if task is None:
        return item, None
    try:
        return item, task.result()
    except KilledWorker as err:
        if not isinstance(item, Article):
            raise
        reason = (
            f"its analysis stopped every Dask worker that took it up ({err}); analyse it alone "
            "(`sayso analyze FILE`) to see why, or give the workers more memory"
        )
        return item, (Skipped(item.origin or item.id, reason), ())
