"""Which task each worker of a pool has in hand, so that a worker that dies names the article it died on.

A pool does not say which task a worker was running. So each task sent gets a slot of a small array shared
with the workers (``Hands``); the worker writes its process id there when it takes the task up and clears it
when it is done (``held``). When a worker is found dead, the slot that still holds its process id is the task
it died on (``holding``). A worker that dies between taking a task from the pool's queue and writing its id
leaves no trace: that one death stays unexplained.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

R = TypeVar("R")

_mine: Any = None  # in a worker: the pool's shared array, set by ``enter`` when the worker starts


class Hands:
    """``slots`` places shared with a pool's workers: ``take`` one for a task sent, ``give`` it back when done."""

    def __init__(self, context: BaseContext, slots: int) -> None:
        self.array = context.RawArray("q", slots)  # one aligned 8-byte word a slot: written whole, no lock needed
        self._free = list(range(slots - 1, -1, -1))

    def take(self) -> int:
        """A free slot (``IndexError`` when every slot is in use: send no more tasks than slots)."""
        return self._free.pop()

    def give(self, slot: int) -> None:
        self.array[slot] = 0
        self._free.append(slot)

    def holding(self, pid: int) -> int | None:
        """The slot of the task the worker ``pid`` had taken up and not finished, or None."""
        for slot, held in enumerate(self.array):
            if held == pid:
                return slot
        return None


def enter(array: Any) -> None:
    """In a worker, as it starts: the array its tasks are recorded in."""
    global _mine
    _mine = array


def held(slot: int, function: Callable[..., R], *args: Any) -> R:
    """``function(*args)`` in a worker, its process id in ``slot`` meanwhile."""
    if _mine is not None:
        _mine[slot] = os.getpid()
    try:
        return function(*args)
    finally:
        if _mine is not None:
            _mine[slot] = 0
