"""The order a batch's articles go to the workers: in input order, but a long article starts earlier.

A pool runs its tasks in the order they are sent. When a long article comes among the last of a batch, one
worker analyses it alone at the end while the others have nothing left to do (the development set ends on
its longest article, seven times the length of the others: half a second of an idle core). Sending the
longest first would avoid that but hold up the writing, which takes the analyses in input order: the short
articles early in the input would wait until every long one is done, and be written at the end while the
workers idle. So ``Schedule`` keeps the articles read ahead (see ``workers.AHEAD``) and sends them in input
order, each moved forward by as many places as it is longer than the average article so far, times the
number of workers: analysis time grows with length, so an article of average length keeps its turn and
one seven times as long on two workers starts fourteen places early, enough for the others to end beside
it. At most ``SENT`` articles per worker are sent and unfinished: one in hand, one it takes up the moment
it is done. Each article's ``Sent`` waits for its own result, watching the workers meanwhile (``watch.py``).
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, Generic, TypeVar

from sayso.batch.watch import STEP_S, Watch
from sayso.options import Options
from sayso.records import Article

SENT = 2  # articles sent and unfinished per worker: one it analyses, one it takes up the moment it is done

R = TypeVar("R")


class Sent(Generic[R]):
    """One article's analysis to come: ``get`` waits until it is sent, then for its result."""

    def __init__(self, watch: Watch) -> None:
        self._watch = watch
        self._sent = threading.Event()
        self._task: AsyncResult[R] | None = None

    def send(self, task: AsyncResult[R]) -> None:
        self._task = task
        self._sent.set()

    def get(self) -> R:
        while not self._sent.wait(STEP_S):
            self._watch.check()
        assert self._task is not None
        return self._watch.get(self._task)


class Schedule(Generic[R]):
    """``function(article, options)`` on the ``pool`` of ``workers`` processes, long articles sent earlier;
    ``watch``: the pool's processes."""

    def __init__(self, pool: Pool, workers: int, function: Callable[[Article, Options], R], watch: Watch) -> None:
        self._pool, self._workers, self._function, self._watch = pool, workers, function, watch
        self._waiting: list[tuple[float, int, Article, Options, Sent[R]]] = []  # a heap: the next to send first
        self._order = itertools.count()
        self._chars = 0  # of every article added: their average is the length that keeps its turn
        self._unfinished = 0
        self._lock = threading.Lock()  # ``_finished`` runs in the pool's thread that collects results

    def add(self, article: Article, options: Options) -> Sent[R]:
        sent: Sent[R] = Sent(self._watch)
        with self._lock:
            order = next(self._order)
            self._chars += len(article.text)
            average = self._chars / (order + 1)
            turn = order - self._workers * len(article.text) / max(average, 1.0)
            heapq.heappush(self._waiting, (turn, order, article, options, sent))
            self._send()
        return sent

    def _send(self) -> None:
        while self._waiting and self._unfinished < SENT * self._workers:
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
