"""Articles analysed in N worker processes, handed back in input order; claims embedded there too.

Each worker is a process of its own (``spawn``: a fresh interpreter, safe with any library the parent has
loaded) that loads the spaCy models once, on its first article, and keeps them. The parent reads the inputs,
asks whether a text is stored already (only new texts are sent), and receives the analyses in the order the
inputs came, with at most ``AHEAD`` articles per worker in flight, so memory stays bounded on any archive.
With one worker nothing is started: the parent analyses each article itself, through the same function.

When the batch is clustered at its end, the sentence encoder runs on the workers as well (``embedder``): the
texts are cut into the very batches the encoder would make of them in one process (``BATCH``), one batch a
task, so each vector is the one a single process computes, bit for bit, and the store stays the same.
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

import numpy as np

from sayso._threads import one_thread_each
from sayso.batch.analyse import analyse_quietly
from sayso.clusters.embed import BATCH
from sayso.errors import InputError
from sayso.options import Options
from sayso.records import Analysis, Article, Skipped

AHEAD = 4  # articles in flight per worker: enough to keep it busy while the parent writes

Result = tuple[Analysis | Skipped, tuple[str, ...]]
Analysed = tuple[Article | Skipped, Result | None]  # None: the text is stored already, nothing was analysed
Stored = Callable[[str], Any]  # not None when the text is stored already


def _start(setup: Callable[[], None] | None) -> None:
    """Run once in each worker when it starts."""
    if setup is not None:
        setup()


def _analyse(article: Article, options: Options) -> Result:
    return analyse_quietly(article, options)


def encode_here(texts: Sequence[str]) -> np.ndarray:
    """One batch of texts through this process's sentence encoder (looked up now: tests put a stand-in there)."""
    encoder = importlib.import_module("sayso.clusters.embed").default_embedder()
    return np.asarray(encoder.encode(list(texts)), dtype=np.float32)


def batches(texts: Sequence[str]) -> list[list[str]]:
    """The texts in the batches ``UseEmbedder.encode`` makes of them."""
    return [list(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]


class Workers:
    """N processes that analyse articles and encode sentences; use it with ``with``."""

    def __init__(self, count: int, setup: Callable[[], None] | None = None) -> None:
        if count < 1:
            raise InputError(f"--workers {count}: give 1 or more worker processes")
        self.count, self.setup = count, setup
        self._pool: Pool | None = None
        if count > 1:
            one_thread_each()  # inherited by the workers, read when they load numpy
            self._pool = multiprocessing.get_context("spawn").Pool(count, initializer=_start, initargs=(setup,))
        elif setup is not None:
            setup()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()  # an interrupted run leaves no worker behind
            self._pool.join()
            self._pool = None

    def analysed(self, items: Iterable[Article | Skipped], *, options: Options, stored: Stored) -> Iterator[Analysed]:
        """Each input with its analysis (and sayso's warnings about it), in input order. A stored text is not
        analysed again (None); a ``Skipped`` input comes back as it is."""
        pool = self._pool
        if pool is None:
            for item in items:
                new = isinstance(item, Article) and stored(item.text) is None
                yield item, _analyse(item, options) if new and isinstance(item, Article) else None
            return
        pending: deque[tuple[Article | Skipped, AsyncResult[Result] | None]] = deque()
        for item in items:
            new = isinstance(item, Article) and stored(item.text) is None
            pending.append((item, pool.apply_async(_analyse, (item, options)) if new else None))
            while len(pending) > AHEAD * self.count:
                yield _ready(pending.popleft())
        while pending:
            yield _ready(pending.popleft())

    def embedder(self) -> PoolEmbedder | None:
        """The sentence encoder on the workers, or None with one worker (the store's own is used)."""
        return PoolEmbedder(self._pool) if self._pool is not None else None


class PoolEmbedder:
    """The default sentence encoder, run on the workers of a pool, one ``BATCH`` of texts a task."""

    def __init__(self, pool: Pool) -> None:
        self._pool = pool

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack(self._pool.map(encode_here, batches(texts), chunksize=1))


def _ready(entry: tuple[Article | Skipped, AsyncResult[Result] | None]) -> Analysed:
    item, waiting = entry
    return item, waiting.get() if waiting is not None else None


def analysed(
    items: Iterable[Article | Skipped],
    *,
    options: Options,
    stored: Stored = lambda text: None,
    workers: int = 1,
    setup: Callable[[], None] | None = None,
) -> Iterator[Analysed]:
    """``Workers(workers, setup).analysed(...)``, the workers stopped when the inputs are done."""
    with Workers(workers, setup) as running:
        yield from running.analysed(items, options=options, stored=stored)
