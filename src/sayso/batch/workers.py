"""Articles analysed in N worker processes, handed back in input order.

Each worker is a process of its own (``spawn``: a fresh interpreter, safe with any library the parent has
loaded) that loads the spaCy models once, on its first article, and keeps them. The parent reads the inputs,
asks whether a text is stored already (only new texts are sent), and receives the analyses in the order the
inputs came, with at most ``AHEAD`` articles per worker in flight, so memory stays bounded on any archive.
With one worker nothing is started: the parent analyses each article itself, through the same function.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

from sayso.batch.analyse import analyse_quietly
from sayso.errors import InputError
from sayso.options import Options
from sayso.records import Analysis, Article, Skipped

AHEAD = 4  # articles in flight per worker: enough to keep it busy while the parent writes
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

Result = tuple[Analysis | Skipped, tuple[str, ...]]
Analysed = tuple[Article | Skipped, Result | None]  # None: the text is stored already, nothing was analysed


def _start(setup: Callable[[], None] | None) -> None:
    """Run once in each worker when it starts."""
    if setup is not None:
        setup()


def _analyse(article: Article, options: Options) -> Result:
    return analyse_quietly(article, options)


def start_pool(workers: int, setup: Callable[[], None] | None = None) -> Pool:
    """``workers`` processes, each with one thread for numerical libraries (the cores are the workers').
    ``setup``: a function (importable by name) each worker runs first, e.g. to load a model of one's own."""
    if workers < 1:
        raise InputError(f"--workers {workers}: give 1 or more worker processes")
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")  # inherited by the workers, read when they load numpy
    return multiprocessing.get_context("spawn").Pool(workers, initializer=_start, initargs=(setup,))


def analysed(
    items: Iterable[Article | Skipped],
    *,
    options: Options,
    stored: Callable[[str], Any] = lambda text: None,
    workers: int = 1,
    setup: Callable[[], None] | None = None,
) -> Iterator[Analysed]:
    """Each input with its analysis (and sayso's warnings about it), in input order. ``stored(text)``: not
    None when that text is stored already; it is not analysed again. A ``Skipped`` input comes back as is."""
    if workers == 1:
        if setup is not None:
            setup()
        for item in items:
            new = isinstance(item, Article) and stored(item.text) is None
            yield item, _analyse(item, options) if new and isinstance(item, Article) else None
        return
    pool = start_pool(workers, setup)
    try:
        pending: deque[tuple[Article | Skipped, AsyncResult[Result] | None]] = deque()
        for item in items:
            new = isinstance(item, Article) and stored(item.text) is None
            pending.append((item, pool.apply_async(_analyse, (item, options)) if new else None))
            while len(pending) > AHEAD * workers:
                yield _ready(pending.popleft())
        while pending:
            yield _ready(pending.popleft())
    finally:
        pool.terminate()  # an interrupted run leaves no worker behind
        pool.join()


def _ready(entry: tuple[Article | Skipped, AsyncResult[Result] | None]) -> Analysed:
    item, waiting = entry
    return item, waiting.get() if waiting is not None else None
