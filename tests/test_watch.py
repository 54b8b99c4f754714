"""A pool's workers watched while a result is awaited: a worker that dies ends the wait with a WorkerError
that says how it stopped, instead of a wait for ever (multiprocessing's Pool never hands that result back)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys

import pytest

from sayso.batch import hands
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


def _hung(*_: object) -> None:
    raise AssertionError("the watch waits for a worker that is dead")


def test_watch_a_death_a_handler_deals_with_goes_on_and_the_new_worker_is_watched() -> None:
    pool, watch = _watched(1)
    deaths: list[tuple[int, str]] = []
    watch.on_death(lambda pid, how: deaths.append((pid, how)) is None and len(deaths) == 1)  # takes the first only
    before = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(60)
    try:
        with pool:
            first = watch.processes[0]
            pool.apply_async(_killed, (1,))
            while not deaths:
                watch.check()
            assert deaths == [(first.pid, "killed by signal 9, SIGKILL")]
            assert watch.get(pool.apply_async(_square, (3,))) == 9  # the pool's new worker
            watch.check()
            assert len(watch.processes) == 1 and watch.processes[0] is not first  # and it is watched
            with pytest.raises(WorkerError, match=str(watch.processes[0].pid)):
                watch.get(pool.apply_async(_killed, (1,)))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def _in_hand(slot: int) -> int:
    return int(hands._mine[slot])


def test_hands_a_worker_records_its_task_while_it_runs_it() -> None:
    context = multiprocessing.get_context("fork")
    record = hands.Hands(context, 3)
    slots = [record.take(), record.take(), record.take()]
    assert sorted(slots) == [0, 1, 2]
    with pytest.raises(IndexError):
        record.take()
    with context.Pool(1, initializer=hands.enter, initargs=(record.array,)) as pool:
        pid = pool.apply(os.getpid)
        assert pool.apply(hands.held, (slots[1], _in_hand, slots[1])) == pid  # its process id while it runs
        assert list(record.array) == [0, 0, 0]  # and none when it is done
    record.array[slots[2]] = pid
    assert record.holding(pid) == slots[2] and record.holding(pid + 1) is None
    record.give(slots[2])
    assert record.array[slots[2]] == 0 and record.take() == slots[2]
