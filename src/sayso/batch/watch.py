"""The worker processes of a pool, watched while their results are awaited.

A worker that dies (the system's out-of-memory killer, a crash in compiled code) takes the task in its hands
with it: ``multiprocessing.Pool`` starts another worker but never hands that result back, and whoever waits
for it waits forever. ``Watch`` waits in short steps instead, and between them asks the operating system
whether each worker the pool started is still running. A stopped worker is first offered to the ``on_death``
handlers: the batch's ``Schedule`` takes it when the worker had an article in hand (``hands.py``), sends
that article again or skips it, and the pool's new worker is watched from then on. A death no handler takes
(a worker that died encoding sentences, or between two tasks) raises ``WorkerError`` saying how it stopped
and what to do. The batch stops there: the articles written before are stored, each in its own transaction,
and the next run goes on after them (stored texts are not analysed again).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable
from multiprocessing.pool import AsyncResult, Pool
from multiprocessing.process import BaseProcess
from typing import TypeVar

from sayso.errors import WorkerError

STEP_S = 0.25  # seconds between two looks at the workers while a result is awaited

R = TypeVar("R")


# Told a stopped worker's process id and how it stopped: True when it has dealt with the death.
OnDeath = Callable[[int, str], bool]


class Watch:
    """The processes a pool started (``started``); ``get`` awaits one of its results. ``others``: this process's
    children that are not the pool's (any child started later is a worker the pool started in a dead one's
    place)."""

    def __init__(self, processes: tuple[BaseProcess, ...], others: Iterable[BaseProcess] = ()) -> None:
        self.processes = list(processes)
        self._others = set(others)
        self._handlers: list[OnDeath] = []
        self._replaced = 0  # deaths dealt with whose new worker is not watched yet

    @classmethod
    def started(cls, make: Callable[[], Pool]) -> tuple[Pool, Watch]:
        """A new pool from ``make``, and the watch over the processes it started (the children of this
        process that were not running before)."""
        before = set(multiprocessing.active_children())
        pool = make()
        return pool, cls(tuple(p for p in multiprocessing.active_children() if p not in before), before)

    def on_death(self, handler: OnDeath) -> None:
        """Offer each worker found stopped to ``handler`` before stopping the batch."""
        self._handlers.append(handler)

    def get(self, task: AsyncResult[R]) -> R:
        """The task's result, once it is there; ``WorkerError`` as soon as a worker is found stopped (and no
        handler dealt with it)."""
        while not task.ready():
            task.wait(STEP_S)
            if not task.ready():
                self.check()
        return task.get()

    def check(self) -> None:
        """``WorkerError`` if one of the workers has stopped and no ``on_death`` handler dealt with it: a pool's
        workers run until it is closed."""
        if self._replaced:
            self._adopt()
        for process in list(self.processes):
            code = process.exitcode
            if code is None:
                continue
            if any(handler(process.pid or 0, _how(code)) for handler in self._handlers):
                self.processes.remove(process)
                self._replaced += 1
                continue
            raise WorkerError(
                f"worker process {process.pid} stopped ({_how(code)}) in the middle of the batch, with work "
                "that names no article (sentences to encode, or an article just taken up). The articles written "
                "before it are stored: run the same command again to go on (stored texts are not analysed "
                "again). A worker killed by SIGKILL was most often stopped by the system for want of memory: "
                "then give fewer --workers."
            )

    def _adopt(self) -> None:
        """Watch the workers the pool started in the place of dead ones."""
        known = self._others.union(self.processes)
        for process in multiprocessing.active_children():
            if self._replaced and process not in known:
                self.processes.append(process)
                self._replaced -= 1


def _how(code: int) -> str:
    if code < 0:
        try:
            return f"killed by signal {-code}, {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
