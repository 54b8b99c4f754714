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

A worker that dies with an article in hand (``hands.py`` records which) costs that article alone: it is sent
again, first in line, to the worker the pool starts in the dead one's place, since the system may have
stopped the worker for another's sake (memory is short for all); when a worker dies on it ``TRIES`` times,
the article itself is the likely cause, and it comes back as ``lost`` says (a ``Skipped`` record with the
reason) while the batch goes on.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import threading
from collections.abc import Callable
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, Generic, TypeVar

from sayso.batch.hands import Hands, held
from sayso.batch.watch import STEP_S, Watch
from sayso.options import Options
from sayso.records import Article

SENT = 2  # articles sent and unfinished per worker: one it analyses, one it takes up the moment it is done
TRIES = 2  # times an article is sent before a worker's death on it skips it

R = TypeVar("R")


class Sent(Generic[R]):
    """One article's analysis to come: ``get`` waits until it is sent, then for its result (or what stands for
    it when the article was given up)."""

    def __init__(self, watch: Watch, article: Article, options: Options) -> None:
        self._watch = watch
        self.article, self.options = article, options
        self.tries = 0
        self._sent = threading.Event()
        self._task: AsyncResult[R] | None = None
        self._instead: tuple[R] | None = None

    def send(self, task: AsyncResult[R]) -> None:
        self._task = task
        self.tries += 1
        self._sent.set()

    def again(self) -> None:
        """Its worker died: the task is gone, the article waits to be sent again."""
        self._sent.clear()
        self._task = None

    def give_up(self, instead: R) -> None:
        self._instead = (instead,)
        self._sent.set()

    def get(self) -> R:
        while True:
            task, instead = self._task, self._instead
            if instead is not None:
                return instead[0]
            if task is not None and task.ready():
                return task.get()
            if task is None:
                self._sent.wait(STEP_S)
            else:
                task.wait(STEP_S)
            if task is None or not task.ready():
                self._watch.check()  # may send this article again, give it up, or stop the batch


class Schedule(Generic[R]):
    """``function(article, options)`` on the ``pool`` of ``workers`` processes, long articles sent earlier;
    ``watch``: the pool's processes; ``hands``: the slots (at least ``SENT`` per worker) its workers record
    their article in (the pool started with ``hands.enter``); ``lost(article, how)``: the result of an
    article given up, told how the worker last died on it."""

    def __init__(
        self,
        pool: Pool,
        workers: int,
        function: Callable[[Article, Options], R],
        watch: Watch,
        hands: Hands,
        lost: Callable[[Article, str], R],
    ) -> None:
        self._pool, self._workers, self._function, self._watch = pool, workers, function, watch
        self._hands, self._lost = hands, lost
        self._waiting: list[tuple[float, int, Sent[R]]] = []  # a heap: the next to send first
        self._out: dict[int, Sent[R]] = {}  # sent and unfinished, by the slot its worker records it in
        self._order = itertools.count()
        self._chars = 0  # of every article added: their average is the length that keeps its turn
        self._lock = threading.Lock()  # ``_finished`` runs in the pool's thread that collects results
        watch.on_death(self._died)

    def add(self, article: Article, options: Options) -> Sent[R]:
        sent: Sent[R] = Sent(self._watch, article, options)
        with self._lock:
            order = next(self._order)
            self._chars += len(article.text)
            average = self._chars / (order + 1)
            turn = order - self._workers * len(article.text) / max(average, 1.0)
            heapq.heappush(self._waiting, (turn, order, sent))
            self._send()
        return sent

    def _send(self) -> None:
        while self._waiting and len(self._out) < SENT * self._workers:
            _, _, sent = heapq.heappop(self._waiting)
            slot = self._hands.take()
            self._out[slot] = sent
            done = functools.partial(self._finished, slot)
            sent.send(
                self._pool.apply_async(
                    held, (slot, self._function, sent.article, sent.options), callback=done, error_callback=done
                )
            )

    def _finished(self, slot: int, _: Any) -> None:
        with self._lock:
            del self._out[slot]
            self._hands.give(slot)
            try:
                self._send()
            except ValueError:
                pass  # the pool was stopped (an interrupted run): nothing is sent any more

    def _died(self, pid: int, how: str) -> bool:
        """A worker ``pid`` died: the article it had in hand is sent again, first, or given up after ``TRIES``
        (False when it had none: the death is not this schedule's to deal with)."""
        with self._lock:
            slot = self._hands.holding(pid)
            if slot is None or slot not in self._out:
                return False
            sent = self._out.pop(slot)
            self._hands.give(slot)
            if sent.tries < TRIES:
                sent.again()
                heapq.heappush(self._waiting, (-math.inf, next(self._order), sent))
            else:
                sent.give_up(self._lost(sent.article, how))
            self._send()
            return True
