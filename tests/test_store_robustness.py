"""Odd stores and failing disks: files that are not stores, read-only folders, a full disk, ids out of range,
passwords in URLs. Every case names the store and the fix in one line, and leaves the store as it was."""

from __future__ import annotations

import importlib
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from _store_helpers import Topics, stand_in
from sayso import pipeline
from sayso.cli import main
from sayso.errors import StoreError, StoreUnavailableError
from sayso.records import Article
from sayso.store import _dialect, _migrate, open_store

EMBED = importlib.import_module("sayso.clusters.embed")  # the module (sayso.clusters.embed is a function)
ROOT = Path(__file__).resolve().parents[1]
SAYSO = [sys.executable, str(ROOT / "tests" / "_stand_in_sayso.py")]  # sayso with a stand-in analysis and embedder


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands run in this process with the stand-in analysis and embedder: no model is loaded."""
    monkeypatch.setattr(pipeline, "analyze", stand_in)
    monkeypatch.setattr(EMBED, "default_embedder", Topics)


def _article(k: int, size: int = 0) -> Article:
    text = f"Mayor Anna Bos said that {k} ships were stuck.\nThe port closed on day {k}." + f" Padding {k}." * size
    return Article(text=text, id=f"port-{k}", origin=f"port-{k}.txt")


def _store_with_claims(path: Path) -> None:
    with open_store(str(path), embedder=Topics()) as store:
        for k in range(3):
            store.add(stand_in(_article(k)))


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


# files that are not stores


def _garbage(path: Path) -> None:
    path.write_bytes(b"these are the minutes of a meeting, not a database\n" * 100)


def _foreign(path: Path, table: str = "articles (title TEXT)") -> None:
    db = sqlite3.connect(path)
    db.execute(f"CREATE TABLE {table}")
    db.commit()
    db.close()


NOT_STORES = {
    "text file": (_garbage, "not a sayso store: the file is not a SQLite database"),
    "another program's database": (
        _foreign,
        r"not a sayso store: it holds tables that sayso did not make \(articles\)",
    ),
    "another program's notes": (
        lambda p: _foreign(p, "notes (body TEXT)"),
        r"not a sayso store: it holds tables that sayso did not make \(notes\)",
    ),
    "another program's migrations": (
        lambda p: _foreign(p, "migrations (id INTEGER, migration TEXT, batch INTEGER)"),
        r"not a sayso store: it holds tables that sayso did not make \(migrations\)",
    ),
    "empty file": (lambda p: p.write_bytes(b""), r"is an empty file \(0 bytes\), not a sayso store"),
}


@pytest.mark.parametrize("kind", NOT_STORES)
@pytest.mark.parametrize("create", [True, False])
def test_store_refuses_a_file_that_is_not_a_store(tmp_path: Path, kind: str, create: bool) -> None:
    make, message = NOT_STORES[kind]
    path = tmp_path / "notes.db"
    make(path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message) as caught:
        open_store(str(path), create=create)
    assert str(caught.value).startswith(f"{path}: ")
    assert "give the path of a" in str(caught.value) or "delete it" in str(caught.value)  # the fix
    assert path.read_bytes() == before  # sayso wrote nothing to it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


@pytest.mark.parametrize("kind", NOT_STORES)
def test_commands_on_a_file_that_is_not_a_store_say_so_in_one_line(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.db"
    NOT_STORES[kind][0](path)
    for command in (["claims"], ["export", "clusters"], ["ingest", str(tmp_path / "none.txt")]):
        assert main([*command, "--db", str(path)]) == 1
        assert f"sayso: {path}: " in _one_line(capsys)


def test_store_a_postgresql_schema_of_another_program_is_left_alone(postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE articles (title TEXT)")
    with pytest.raises(StoreError, match=r"not a sayso store: .*\(articles\).*CREATE SCHEMA sayso") as caught:
        open_store(postgres_url)
    assert "***" in str(caught.value) and "csearch_path" in str(caught.value)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        tables = conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        assert [row[0] for row in tables] == ["articles"]


def test_store_new_file_is_never_seen_empty(tmp_path: Path) -> None:
    """Stores are made under another name and linked into place: eight openers of one new path all succeed."""
    path, errors = tmp_path / "new.db", []

    def opener() -> None:
        try:
            open_store(str(path)).close()
        except StoreError as err:
            errors.append(err)

    threads = [threading.Thread(target=opener) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no draft left behind
    with open_store(str(path)) as store:
        assert store.migrations() == [m.name for m in _migrate.available()]


# read-only stores


@contextmanager
def _read_only(folder: Path, fill: Callable[[Path], None]) -> Iterator[Path]:
    """``folder/s.db``, made by ``fill``, in a folder that cannot be written: a read-only mount when running as
    root (to whom every folder is writable), else permissions."""
    folder.mkdir()
    if os.geteuid() != 0:
        fill(folder / "s.db")
        folder.chmod(0o555)
        (folder / "s.db").chmod(0o444)
        try:
            yield folder / "s.db"
        finally:
            folder.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("root cannot mount a tmpfs here, so no folder is read-only to root")
    try:
        fill(folder / "s.db")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        yield folder / "s.db"
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=False, capture_output=True)  # also when busy


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A store of 3 articles (6 claims) in a folder that cannot be written."""
    with _read_only(tmp_path / "ro", _store_with_claims) as path:
        yield path


def test_store_in_a_read_only_folder_can_be_read(
    read_only: Path, no_model: None, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted((p.name, p.read_bytes()) for p in read_only.parent.iterdir())
    db = str(read_only)
    with open_store(db, create=False) as store:
        assert not store.writable and len(store.claims()) == 6 and len(store.clusters()) >= 1
    assert main(["claims", "--db", db]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 6
    assert (
        main(["export", "clusters", "--db", db, "--format", "json"]) == 0 and '"credibility"' in capsys.readouterr().out
    )
    assert main(["sources", "--db", db]) == 0 and "Anna Bos" in capsys.readouterr().out
    assert main(["claim", "1", "--db", db]) == 0 and "claim 1:" in capsys.readouterr().out
    # writing says why it cannot
    assert main(["grade", "Anna Bos", "B", "--db", db]) == 1
    assert "the store is read-only here" in _one_line(capsys)
    assert main(["ingest", str(read_only), "--db", db]) == 1
    err = _one_line(capsys)
    assert "read-only here (the file or its folder cannot be written)" in err and "Reading commands" in err
    with pytest.raises(StoreUnavailableError, match="read-only"):
        open_store(db)  # create=True: the caller means to write
    assert sorted((p.name, p.read_bytes()) for p in read_only.parent.iterdir()) == before


def _old_store(path: Path) -> None:
    db = _dialect.connect(str(path), create=True)
    _migrate.migrate(db, _migrate.available()[:5])
    db.close()


def test_store_read_only_and_older_asks_to_migrate_it_once(tmp_path: Path) -> None:
    with _read_only(tmp_path / "ro", _old_store) as path:
        with pytest.raises(StoreUnavailableError, match="read-only here and was written by an older sayso"):
            open_store(str(path), create=False)


# ids out of range


def test_store_claim_ids_beyond_64_bits_are_no_claim(
    store_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_url, embedder=Topics()) as store:
        store.add(stand_in(_article(1)))
        for number in (2**63, -(2**63) - 1, 10**20):
            assert store.claim(number) is None and store.cluster_of(number) is None
        assert store.claim(-(2**63)) is None and store.claim(2**63 - 1) is None
    monkeypatch.setattr(EMBED, "default_embedder", Topics)
    assert main(["claim", "99999999999999999999", "--db", store_url]) == 1
    assert "no claim 99999999999999999999 in" in _one_line(capsys)


# a full disk


def _fill(store: object, first: int = 0) -> int:
    """Add big articles until the store fails; return how many went in."""
    k = first
    while True:
        try:
            store.add(stand_in(_article(k, size=400)), cluster=False)  # type: ignore[attr-defined]
        except StoreUnavailableError:
            return k - first
        k += 1
        assert k < first + 1000, "the store never filled up"


def _complete(path: str) -> dict[str, int]:
    """Article id -> its claims; every stored article must have both of its claims."""
    with open_store(path, create=False) as store:
        per: dict[str, int] = {}
        for c in store.claims():
            per[c.article.id] = per.get(c.article.id, 0) + 1
    assert set(per.values()) <= {2}, per
    return per


def _max_pages(monkeypatch: pytest.MonkeyPatch, extra: int) -> None:
    """Every SQLite connection may grow its file by ``extra`` pages only: a disk that fills up."""
    connect = _dialect._sqlite_connect

    def small(path: str, *, writable: bool) -> sqlite3.Connection:
        db = connect(path, writable=writable)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + extra}")
        return db

    monkeypatch.setattr(_dialect, "_sqlite_connect", small)


def test_store_full_disk_is_one_clear_error_and_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "s.db")
    open_store(path).close()
    _max_pages(monkeypatch, 60)
    with open_store(path, embedder=Topics()) as store:
        added = _fill(store)
        with pytest.raises(StoreUnavailableError, match=f"^{path}: the disk is full .*free space on the disk"):
            store.add(stand_in(_article(999, size=400)), cluster=False)
    assert added >= 1
    assert len(_complete(path)) == added  # the article that did not fit left nothing behind


def test_ingest_stops_at_once_on_a_full_disk(
    tmp_path: Path, no_model: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for k in range(40):
        (news / f"port-{k:02d}.txt").write_text(_article(k, size=400).text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    open_store(db).close()
    _max_pages(monkeypatch, 60)
    assert main(["ingest", str(news), "--db", db]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("the disk is full") == 1  # one line, at once
    assert "skipped 0" in captured.out and "skipped:" not in captured.out  # stopped, not skipping the rest
    assert 1 <= len(_complete(db)) < 40
    with open_store(db, create=False) as store:
        assert store.skipped() == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a small tmpfs here (needs root); the max_page_count tests stand in for it")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=False, capture_output=True)  # also when busy


def test_ingest_on_a_real_full_disk_stops_and_resumes(tmp_path: Path, small_disk: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for k in range(12):
        (news / f"port-{k:02d}.txt").write_text(_article(k, size=3000).text, encoding="utf-8")
    db = str(small_disk / "s.db")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([*SAYSO, "ingest", str(news), "--db", db], env=env, capture_output=True, text=True)
    assert run.returncode == 1 and "the disk is full" in run.stderr and "Traceback" not in run.stderr
    assert "skipped 0" in run.stdout
    stored = _complete(db)
    assert 1 <= len(stored) < 12
    subprocess.run(["mount", "-o", "remount,size=16m", str(small_disk)], check=True, capture_output=True)
    rerun = subprocess.run([*SAYSO, "ingest", str(news), "--db", db], env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"added {12 - len(stored)}, already there {len(stored)}, skipped 0" in rerun.stdout
    assert len(_complete(db)) == 12


# passwords


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://sayso:hunter2secret@127.0.0.1:1/claims",
        "postgresql://127.0.0.1:1/claims?user=sayso&password=hunter2secret",
        "postgresql://sayso:hunter2%40secret@127.0.0.1:1/claims",
        "postgresql://sayso@127.0.0.1:notaport/claims?password=hunter2secret",
    ],
)
def test_store_passwords_never_appear_in_messages(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert "hunter2" not in str(caught.value) and "***" in str(caught.value)
    assert main(["claims", "--db", url]) == 1
    assert "hunter2" not in _one_line(capsys)


def test_store_a_keyword_string_mistaken_for_a_path_keeps_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--db", "host=127.0.0.1 password=hunter2secret"]) == 1
    err = _one_line(capsys)
    assert "no store there" in err and "hunter2" not in err and "password=***" in err


def test_store_a_wrong_password_is_not_printed(postgres_server: str) -> None:
    head, _, host = postgres_server.rpartition("@")
    for url in (
        f"{head.rsplit(':', 1)[0]}:wrong-hunter2@{host}",
        f"{head.rsplit(':', 1)[0]}@{host}?password=wrong-hunter2",
    ):
        with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as caught:
            open_store(url)
        assert "hunter2" not in str(caught.value)


def test_store_driver_messages_are_scrubbed() -> None:
    url = "postgresql://me:p%40ss@db.example/x?sslpassword=k3y&password=p2"
    said = f'invalid connection option: "{url}"; password=p@ss; p2 was wrong'
    assert _dialect.scrub(said, url) == (
        'invalid connection option: "postgresql://me:***@db.example/x?sslpassword=***&password=***"; '
        "password=***; *** was wrong"
    )
