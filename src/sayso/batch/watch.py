"""The worker processes of a pool, watched while their results are awaited.

A worker that dies (the system's out-of-memory killer, a crash in compiled code) takes the task in its hands
with it: ``multiprocessing.Pool`` starts another worker but never hands that result back, and whoever waits
for it waits forever. ``Watch`` waits in short steps instead, and between them asks the operating system
whether each worker the pool started is still running; when one has stopped, it raises ``WorkerError``
saying how it stopped and what to do. The batch stops there: the articles written before are stored, each
in its own transaction, and the next run goes on after them (stored texts are not analysed again).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from multiprocessing.pool import AsyncResult, Pool
from multiprocessing.process import BaseProcess
from typing import TypeVar

from sayso.errors import WorkerError

STEP_S = 0.25  # seconds between two looks at the workers while a result is awaited

R = TypeVar("R")


class Watch:
    """The processes a pool started (``started``); ``get`` awaits one of its results."""

    def __init__(self, processes: tuple[BaseProcess, ...]) -> None:
        self.processes = processes

    @classmethod
    def started(cls, make: Callable[[], Pool]) -> tuple[Pool, Watch]:
        """A new pool from ``make``, and the watch over the processes it started (the children of this
        process that were not running before)."""
        before = set(multiprocessing.active_children())
        pool = make()
        return pool, cls(tuple(p for p in multiprocessing.active_children() if p not in before))

    def get(self, task: AsyncResult[R]) -> R:
        """The task's result, once it is there; ``WorkerError`` as soon as a worker is found stopped."""
        while not task.ready():
            task.wait(STEP_S)
            if not task.ready():
                self.check()
        return task.get()

    def check(self) -> None:
        """``WorkerError`` if one of the workers has stopped: a pool's workers run until it is closed."""
        for process in self.processes:
            code = process.exitcode
            if code is not None:
                raise WorkerError(
                    f"worker process {process.pid} stopped ({_how(code)}) in the middle of the batch, and the "
                    "article or sentences it had in hand with it. The articles written before it are stored: run "
                    "the same command again to go on (stored texts are not analysed again). A worker killed by "
                    "SIGKILL was most often stopped by the system for want of memory: then give fewer --workers."
                )


def _how(code: int) -> str:
    if code < 0:
        try:
            return f"killed by signal {-code}, {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
