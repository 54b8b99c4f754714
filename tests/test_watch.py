"""A pool's workers watched while a result is awaited: a worker that dies ends the wait with a WorkerError
that says how it stopped, instead of a wait for ever (multiprocessing's Pool never hands that result back)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys

import pytest

from sayso.batch.watch import Watch
from sayso.errors import WorkerError

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the pools are forked (Linux)")


def _square(n: int) -> int:
    return n * n


def _killed(_: int) -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return 0


def _exits(_: int) -> int:
    os._exit(3)


def _watched(processes: int = 2) -> tuple[multiprocessing.pool.Pool, Watch]:
    return Watch.started(lambda: multiprocessing.get_context("fork").Pool(processes))


def test_watch_holds_the_pools_workers_and_hands_back_results() -> None:
    pool, watch = _watched()
    with pool:
        assert len(watch.processes) == 2 and all(p.is_alive() for p in watch.processes)
        assert watch.get(pool.apply_async(_square, (7,))) == 49
        assert watch.get(pool.map_async(_square, range(5))) == [0, 1, 4, 9, 16]


def test_watch_a_killed_worker_ends_the_wait() -> None:
    pool, watch = _watched()
    with pool, pytest.raises(WorkerError, match=r"killed by signal 9, SIGKILL\).*fewer --workers"):
        watch.get(pool.map_async(_killed, [1]))


def test_watch_a_worker_that_exits_ends_the_wait() -> None:
    pool, watch = _watched(1)
    with pool, pytest.raises(WorkerError, match=r"\(exit code 3\)"):
        watch.get(pool.apply_async(_exits, (1,)))
