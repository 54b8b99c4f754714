"""Batches in worker processes: the same store for any number of workers, input order kept, broken inputs
skipped with their reason. The analysis is the store tests' stand-in (each worker puts it in place), so no
model is loaded, except in the one slow test."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from _store_helpers import CALLS, ONCE, PARENT, Topics, dies_on_crash, dump, use_stand_in
from sayso.batch import Workers, ingest_each
from sayso.ingest import iter_articles
from sayso.options import Options
from sayso.records import Skipped
from sayso.store import _store, open_store

LINES = [
    {"id": "kyiv-1", "text": "Minister Olha Stefanishyna said Ukraine got the jets.", "published": "2025-03-01"},
    {"id": "kyiv-2", "text": "Woordvoerder Anna Bos zei dat de straaljagers in Oekraïne waren.", "language": "nl"},
    {"id": "port-1", "text": "The port of Rotterdam reopened its bridge on Friday.", "published": "2025-03-14"},
    {"id": "port-2", "text": "Harbour master Jan de Wit said the bridge in Rotterdam reopened."},
    {"id": "ships", "text": "Two ships collided.\nCaptain Ann Lee said the ships were late."},
    {"id": "again", "text": "Two ships collided.\nCaptain Ann Lee said the ships were late."},  # the same text
]


@pytest.fixture(autouse=True)
def _analysis_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """With one worker ``use_stand_in`` runs in this process: the real analysis is put back after each test."""
    from sayso import pipeline

    monkeypatch.setattr(pipeline, "analyze", pipeline.analyze)


def _inputs(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n{oops\n")
    (folder / "b.txt").write_text("Mayor Ahmed Aboutaleb said the bridge in Rotterdam stays shut.\n")
    (folder / "c.txt").write_bytes(b"\x00\x01 not text")
    return [str(folder / "a.jsonl"), str(folder / "b.txt"), str(folder / "c.txt")]


def _ingest(
    db: str, paths: list[str], workers: int, start: str | None = None
) -> tuple[list[Any], dict[str, list[tuple[Any, ...]]]]:
    options = Options()
    with open_store(db, embedder=Topics()) as store, Workers(workers, use_stand_in, start=start) as running:
        items = iter_articles(paths, options=options)
        outcomes = list(ingest_each(store, items, options=options, running=running))
        store.cluster()
    rows = dump(db)
    del rows["migrations"]  # when each store was made
    return outcomes, rows


def test_batch_two_workers_store_what_one_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")  # the rows' times are equal
    paths = _inputs(tmp_path / "in")
    one, one_rows = _ingest(str(tmp_path / "one.db"), paths, workers=1)
    two, two_rows = _ingest(str(tmp_path / "two.db"), paths, workers=2)
    assert two == one
    assert two_rows == one_rows
    assert [o if isinstance(o, tuple) else "skipped" for o in one] == [
        ("added", 1),
        ("added", 1),
        ("added", 1),
        ("added", 1),
        ("added", 2),
        ("already there", 0),  # the same text as the line before: analysed, and found stored when written
        "skipped",  # the line that is not JSON
        ("added", 1),
        "skipped",  # the binary file
    ]
    reasons = [o.reason for o in one if isinstance(o, Skipped)]
    assert "not valid JSON" in reasons[0] and "looks like a binary file" in reasons[1]
    assert [row[0] for row in sorted(one_rows["articles"], key=lambda r: r[0])] == [
        "b",
        "kyiv-1",
        "kyiv-2",
        "port-1",
        "port-2",
        "ships",
    ]
    assert one_rows["clusters"] and len(one_rows["skipped"]) == 2


def _ingest_every(
    db: str, paths: list[str], every: int, *, workers: int = 1, stop_after: int | None = None, dask: bool = False
) -> tuple[list[Any], list[int], int]:
    """A batch clustered on its way every ``every`` claims: its outcomes, the claims each run on the way was told,
    and the claims left for the run at its end (``stop_after`` inputs: the batch stops there, unclustered).
    ``dask``: on a LocalCluster of ``workers`` processes."""
    from sayso.batch import open_workers

    options, told = Options(), []
    with (
        open_store(db, embedder=Topics()) as store,
        open_workers(workers, "local" if dask else None, use_stand_in) as running,
    ):
        batch = ingest_each(
            store,
            iter_articles(paths, options=options),
            options=options,
            running=running,
            every=every,
            clustering=told.append,
        )
        outcomes = [o for _, o in zip(range(stop_after or 10**6), batch, strict=False)]
        left = store.waiting()
        if stop_after is None:
            store.cluster()
    return outcomes, told, left


def test_batch_clusters_on_its_way_where_any_number_of_workers_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")
    paths = _inputs(tmp_path / "in")
    one, told, left = _ingest_every(str(tmp_path / "one.db"), paths, 3)
    # claims 1, 1, 1 | 1, 2 | (the same text, a skip) 1 (a skip): clustered after port-1 and after ships
    assert told == [3, 3] and left == 1  # the first six were clustered on the way
    two, told_two, _ = _ingest_every(str(tmp_path / "two.db"), paths, 3, workers=2)
    assert two == one and told_two == told
    rows_one, rows_two = dump(str(tmp_path / "one.db")), dump(str(tmp_path / "two.db"))
    del rows_one["migrations"], rows_two["migrations"]
    assert rows_one == rows_two and rows_one["clusters"]


def test_batch_on_dask_clusters_on_its_way_where_one_worker_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed", reason="the Dask backend needs dask[distributed]: pip install 'sayso[scale]'")
    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")
    paths = _inputs(tmp_path / "in")
    one, told, _ = _ingest_every(str(tmp_path / "one.db"), paths, 3)
    found, told_dask, _ = _ingest_every(str(tmp_path / "dask.db"), paths, 3, workers=2, dask=True)
    assert found == one and told_dask == told == [3, 3]
    rows_one, rows_dask = dump(str(tmp_path / "one.db")), dump(str(tmp_path / "dask.db"))
    del rows_one["migrations"], rows_dask["migrations"]
    assert rows_dask == rows_one


def test_batch_resumed_clusters_where_a_batch_that_never_stopped_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")
    paths = _inputs(tmp_path / "in")
    _ingest_every(str(tmp_path / "whole.db"), paths, 3)
    whole = dump(str(tmp_path / "whole.db"))
    # stopped after port-2 (one claim waits), and stopped while clustering after port-1 (three wait: run with
    # no clustering on the way, as a clustering that did not commit leaves it)
    for name, every_first, stop in (("after.db", 3, 4), ("during.db", 0, 3)):
        db = str(tmp_path / name)
        _, _, waiting = _ingest_every(db, paths, every_first, stop_after=stop)
        assert waiting == {4: 1, 3: 3}[stop]
        _, told, _ = _ingest_every(db, paths, 3)
        assert told == {4: [3], 3: [3, 3]}[stop]
        resumed = dump(db)
        assert {k: v for k, v in resumed.items() if k not in ("migrations",)} == {
            k: v for k, v in whole.items() if k not in ("migrations",)
        }


def test_batch_forked_and_spawned_workers_store_what_one_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")
    paths = _inputs(tmp_path / "in")
    one, one_rows = _ingest(str(tmp_path / "one.db"), paths, workers=1)
    CALLS.clear()
    forked, forked_rows = _ingest(str(tmp_path / "fork.db"), paths, workers=2, start="fork")
    # analysed here: the first new article, and the first of each other language read ahead (they fill the
    # caches the workers inherit); every other article in a worker
    assert CALLS == ["kyiv-1", "kyiv-2"]
    CALLS.clear()
    spawned, spawned_rows = _ingest(str(tmp_path / "spawn.db"), paths, workers=2, start="spawn")
    assert CALLS == []  # a spawned worker analyses every article
    assert forked == spawned == one
    assert forked_rows == spawned_rows == one_rows


def test_batch_pair_features_on_the_workers_give_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sayso.batch import cluster_batch
    from sayso.clusters import pairing

    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")
    monkeypatch.setattr(pairing, "SPREAD_FROM", 0)  # these few pairs are spread too
    paths = _inputs(tmp_path / "in")
    _, one_rows = _ingest(str(tmp_path / "one.db"), paths, workers=1)
    spread: list[int] = []
    options = Options()
    db = tmp_path / "two.db"
    with open_store(str(db), embedder=Topics()) as store, Workers(2, use_stand_in) as running:
        list(ingest_each(store, iter_articles(paths, options=options), options=options, running=running))
        given = running.spread()
        assert given is not None
        running.spread = lambda: lambda f, xs: spread.append(len(xs)) or given(f, xs)  # type: ignore[method-assign]
        cluster_batch(store, running)
    rows = dump(str(db))
    del rows["migrations"]
    assert spread and spread[0] > 1  # the pair features were computed in parts on the workers
    assert rows == one_rows


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the early worker is forked (Linux)")
def test_batch_early_worker_hands_back_what_it_analysed_in_order() -> None:
    from sayso.batch import analyse_quietly
    from sayso.batch.workers import _Early
    from sayso.records import Article

    use_stand_in()  # in this process: the early worker is forked from it
    articles = [Article(text=x["text"], id=x["id"]) for x in LINES[:4]]
    options = Options()
    expected = [analyse_quietly(a, options) for a in articles]
    early = _Early(articles[:1], options)
    early.feed(articles[1:3])  # more, sent while it works
    early.feed(articles[3:])
    deadline = time.monotonic() + 60
    seen = 0  # it waits (sleeps) for more only once it has analysed them all: seen so twice in a row
    while seen < 2 and time.monotonic() < deadline:
        seen = seen + 1 if _cpu_idle(early._process.pid) is not False else 0
        time.sleep(0.05)
    assert early.stop() == expected
    stopped = _Early(articles, options).stop()  # told at once: what it had made by then, from the first on
    assert stopped == expected[: len(stopped)]


def _cpu_idle(pid: int | None) -> bool | None:
    """Whether a process sleeps (waits) now, as Linux tells it; None where it cannot be told."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "S"
    except OSError:
        return None


def test_batch_workers_forked_only_from_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from sayso.batch import workers
    from sayso.errors import InputError

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert workers.threads() >= 2
        assert workers.start_method() == "spawn"  # a fork would copy this thread's view of the other's locks
    finally:
        stop.set()
        other.join()
    monkeypatch.setattr(workers, "threads", lambda: 1)
    assert workers.start_method() == ("fork" if sys.platform.startswith("linux") else "spawn")
    assert workers.start_method("spawn") == "spawn"
    with pytest.raises(InputError, match="fork, spawn"):
        Workers(2, start="thread")


def test_batch_workers_start_at_the_first_new_article(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    options = Options()
    with open_store(str(tmp_path / "s.db"), embedder=Topics()) as store:
        list(ingest_each(store, iter_articles(paths, options=options), options=options, workers=1, setup=use_stand_in))
        with Workers(2, use_stand_in) as running:  # every text is stored already: no worker is started
            again = list(ingest_each(store, iter_articles(paths, options=options), options=options, running=running))
            assert running.started is None and running.embedder() is None
    assert [o for o in again if isinstance(o, tuple) and o[0] == "added"] == []


def test_batch_second_run_analyses_nothing_and_changes_nothing(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    db = str(tmp_path / "s.db")
    _, before = _ingest(db, paths, workers=2)
    again, after = _ingest(db, paths, workers=2)
    assert [o for o in again if isinstance(o, tuple) and o[0] == "added"] == []
    assert {k: v for k, v in after.items() if k != "skipped"} == {k: v for k, v in before.items() if k != "skipped"}


def _crashing(tmp_path: Path, start: str) -> tuple[list[Any], str, list[str]]:
    """A batch on 2 workers started by ``start`` whose fifth article kills the worker analysing it (``CRASH``):
    the outcomes (within two minutes, else the batch is taken to wait for the dead worker), the store, the
    inputs."""

    def hung(*_: object) -> None:
        raise AssertionError("the batch still waits for the dead worker's article")

    crash = {"id": "crash", "text": "Captain Ann Lee said CRASH was heard at sea."}
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [*LINES[:4], crash, LINES[4]]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    paths, options, db = [str(folder / "a.jsonl")], Options(), str(tmp_path / "s.db")
    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        with open_store(db, embedder=Topics()) as store, Workers(2, dies_on_crash, start=start) as running:
            outcomes = list(ingest_each(store, iter_articles(paths, options=options), options=options, running=running))
            store.cluster()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    return outcomes, db, paths


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the workers are forked (Linux)")
@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_batch_an_article_that_kills_its_worker_twice_is_skipped_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")  # the rows' times are equal
    monkeypatch.setenv(PARENT, str(os.getpid()))
    outcomes, db, _ = _crashing(tmp_path, start)
    skipped = outcomes[4]
    assert outcomes[:4] == [("added", 1)] * 4 and outcomes[5] == ("added", 2)  # before and after it: stored
    assert isinstance(skipped, Skipped) and skipped.origin.endswith("a.jsonl:5")
    assert "killed by signal 9, SIGKILL) each of the 2 times" in skipped.reason and "sayso analyze" in skipped.reason
    rows = dump(db)
    assert len(rows["articles"]) == 5 and [r[1] for r in rows["skipped"]] == [skipped.origin]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the workers are forked (Linux)")
def test_batch_an_article_whose_worker_died_once_is_sent_again_and_stored_as_by_one_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")
    monkeypatch.setenv(PARENT, str(os.getpid()))
    monkeypatch.setenv(ONCE, str(tmp_path / "died"))
    outcomes, db, paths = _crashing(tmp_path, "fork")
    assert (tmp_path / "died").exists()  # a worker did die on it
    assert outcomes == [("added", 1)] * 5 + [("added", 2)]
    options = Options()
    with open_store(str(tmp_path / "one.db"), embedder=Topics()) as store:
        list(ingest_each(store, iter_articles(paths, options=options), options=options, setup=use_stand_in))
        store.cluster()
    resumed, clean = dump(db), dump(str(tmp_path / "one.db"))
    del resumed["migrations"], clean["migrations"]  # when each store was made
    assert resumed == clean and clean["clusters"]


def test_batch_refuses_no_workers(tmp_path: Path) -> None:
    from sayso.errors import InputError

    with open_store(str(tmp_path / "s.db"), embedder=Topics()) as store, pytest.raises(InputError, match="1 or more"):
        list(ingest_each(store, [], options=Options(), workers=0))


def test_batch_dask_local_cluster_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed", reason="the Dask backend needs dask[distributed]: pip install 'sayso[scale]'")
    from sayso.batch import cluster_batch, open_workers
    from sayso.clusters import pairing

    monkeypatch.setattr(_store, "_now", lambda: "2026-12-07T12:00:00+00:00")
    monkeypatch.setattr(pairing, "SPREAD_FROM", 0)  # the pair features are computed on the Dask workers too
    paths = _inputs(tmp_path / "in")
    one, one_rows = _ingest(str(tmp_path / "one.db"), paths, workers=1)
    options = Options()
    db = str(tmp_path / "dask.db")
    with open_store(db, embedder=Topics()) as store, open_workers(2, "local", use_stand_in) as running:
        items = iter_articles(paths, options=options)  # a LocalCluster of 2 single-threaded worker processes
        found = list(ingest_each(store, items, options=options, running=running))
        assert running.spread() is not None
        cluster_batch(store, running)
    rows = dump(db)
    del rows["migrations"]
    assert found == one
    assert rows == one_rows


def test_batch_dask_skips_an_article_that_kills_its_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="the Dask backend needs dask[distributed]: pip install 'sayso[scale]'")
    import dask

    from sayso.batch import open_workers

    monkeypatch.setenv(PARENT, str(os.getpid()))
    folder = tmp_path / "in"
    folder.mkdir()
    crash = {"id": "crash", "text": "Captain Ann Lee said CRASH was heard at sea."}
    lines = [LINES[0], crash, LINES[2]]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    options, db = Options(), str(tmp_path / "s.db")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # the first death settles it
        with open_store(db, embedder=Topics()) as store, open_workers(2, "local", dies_on_crash) as running:
            found = list(
                ingest_each(store, iter_articles([str(folder)], options=options), options=options, running=running)
            )
    assert found[0] == ("added", 1) and found[2] == ("added", 1)  # the batch went on
    skipped = found[1]
    assert isinstance(skipped, Skipped) and skipped.origin.endswith("a.jsonl:2")  # the line of the article
    assert "stopped every Dask worker" in skipped.reason and "sayso analyze" in skipped.reason
    rows = dump(db)
    assert len(rows["articles"]) == 2 and len(rows["skipped"]) == 1


def test_batch_dask_address_checked() -> None:
    pytest.importorskip("distributed", reason="the Dask backend needs dask[distributed]: pip install 'sayso[scale]'")
    from sayso.batch.dask import connect
    from sayso.errors import InputError

    with pytest.raises(InputError, match="dask://HOST:PORT"):
        connect("tcp:/nowhere")


# the command


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of a SQLite store, the times things happened (ISO timestamps) left out."""
    import re
    import sqlite3

    def timeless(row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(
            "(time)" if isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+.*", v) else v for v in row
        )

    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            t: sorted((timeless(r) for r in conn.execute(f"SELECT * FROM {t}")), key=repr)
            for t in sorted(set(tables) - {"migrations"})
        }
    finally:
        conn.close()


def _command(tmp_path: Path, name: str, command: list[str], paths: list[str], workers: int) -> Any:
    import subprocess

    db = tmp_path / f"{name}.db"
    run = subprocess.run(
        [*command, "ingest", *paths, "--db", str(db), "--workers", str(workers)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return run, _rows(db)


def test_batch_command_workers_and_progress(tmp_path: Path) -> None:
    import sys

    command = [sys.executable, str(Path(__file__).parent / "_stand_in_sayso.py")]
    paths = _inputs(tmp_path / "in")
    one, one_rows = _command(tmp_path, "one", command, paths, 1)
    two, two_rows = _command(tmp_path, "two", command, paths, 2)
    assert one.returncode == two.returncode == 1  # inputs were skipped
    assert two.stdout == one.stdout and "added 6, already there 1, skipped 2" in one.stdout
    assert "loading models in 2 workers" in two.stderr
    assert "9 articles" in two.stderr and "articles/s" in two.stderr and "100% of 9" in two.stderr
    assert two_rows == one_rows and one_rows["claims"]


@pytest.mark.slow
def test_batch_command_real_models_two_workers_store_what_one_stores(tmp_path: Path, dev_dir: Path) -> None:
    import shutil

    folder = tmp_path / "dev"
    folder.mkdir()
    for path in sorted(dev_dir.glob("*.txt"))[:3] + sorted(dev_dir.glob("nl-*.txt"))[:3]:
        shutil.copy(path, folder / path.name)  # read in place would do; a copy of six keeps the test short
    sayso = [str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "sayso")]
    one, one_rows = _command(tmp_path, "one", sayso, [str(folder)], 1)
    two, two_rows = _command(tmp_path, "two", sayso, [str(folder)], 2)
    assert one.returncode == two.returncode == 0, two.stderr
    assert "added 6" in one.stdout and two.stdout == one.stdout
    assert two_rows == one_rows and len(one_rows["claims"]) > 6
