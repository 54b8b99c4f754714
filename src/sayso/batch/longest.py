"""Articles handed to a pool of workers longest first, so that a batch does not end on one long article.

A pool runs its tasks in the order they were sent. When a long article comes among the last of a batch, one
worker analyses it while the others have nothing left to do (on the development set, whose last article is
its longest, that was half a second of an idle core out of eight). ``LongestFirst`` keeps the articles read
ahead (see ``workers.AHEAD``) and sends the longest one waiting whenever a worker is about to run out: at
most ``SENT`` articles per worker are sent and unfinished, one in hand and one queued. Analysis time grows
with the length of the text, so the long ones start early and the short ones fill the gaps at the end. The
results still come back in input order: each article's ``Sent`` waits for its own.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, Generic, TypeVar

from sayso.options import Options
from sayso.records import Article

SENT = 2  # articles sent and unfinished per worker: one it analyses, one it takes up the moment it is done

R = TypeVar("R")


class Sent(Generic[R]):
    """One article's analysis to come: ``get`` waits until it is sent, then for its result."""

    def __init__(self) -> None:
        self._sent = threading.Event()
        self._task: AsyncResult[R] | None = None

    def send(self, task: AsyncResult[R]) -> None:
        self._task = task
        self._sent.set()

    def get(self) -> R:
        self._sent.wait()
        assert self._task is not None
        return self._task.get()


class LongestFirst(Generic[R]):
    """``function(article, options)`` on the ``pool`` of ``workers`` processes, the longest article waiting first."""

    def __init__(self, pool: Pool, workers: int, function: Callable[[Article, Options], R]) -> None:
        self._pool, self._limit, self._function = pool, SENT * workers, function
        self._waiting: list[tuple[int, int, Article, Options, Sent[R]]] = []  # a heap: longest first, then in order
        self._order = itertools.count()
        self._unfinished = 0
        self._lock = threading.Lock()  # ``_finished`` runs in the pool's thread that collects results

    def add(self, article: Article, options: Options) -> Sent[R]:
        sent: Sent[R] = Sent()
        with self._lock:
            heapq.heappush(self._waiting, (-len(article.text), next(self._order), article, options, sent))
            self._send()
        return sent

    def _send(self) -> None:
        while self._waiting and self._unfinished < self._limit:
            _, _, article, options, sent = heapq.heappop(self._waiting)
            sent.send(
                self._pool.apply_async(
                    self._function, (article, options), callback=self._finished, error_callback=self._finished
                )
            )
            self._unfinished += 1

    def _finished(self, _: Any) -> None:
        with self._lock:
            self._unfinished -= 1
            try:
                self._send()
            except ValueError:
                pass  # the pool was stopped (an interrupted run): nothing is sent any more
