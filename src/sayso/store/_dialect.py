"""The few differences between SQLite and PostgreSQL, behind one small connection type.

Queries are written once, with ``?`` placeholders and SQL that both databases
speak (``INSERT ... ON CONFLICT``, ``RETURNING``); a dialect only changes the
placeholders, the autoincrement id column of the migrations, how a
transaction starts and how writers and migrations are serialised between processes, how a store is opened
read-only, and which driver errors mean that the store itself stopped working (``StoreUnavailableError``).
"""

from __future__ import annotations

import os
import re
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from sayso.errors import StoreError, StoreUnavailableError

DEFAULT_PATH = "sayso.db"
ENV_VAR = "SAYSO_DB"
LOCK_WAIT = 300  # seconds a SQLite writer waits for another's write lock (an ingest clusters its batch in one)


class Connection:
    """One open database: ``execute`` runs a query, ``transaction`` wraps writes."""

    name = ""
    id_column = ""  # what ``{id}`` in a migration becomes
    bytes_column = ""  # what ``{bytes}`` in a migration becomes
    owns_database = False  # True: any table that is not sayso's means the database is another program's
    new_place = ""  # how to give sayso a place of its own, for messages
    where = ""  # the store, for messages (never with a password)
    writable = True  # False: opened read-only (the file or its folder cannot be written)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def transaction(self) -> Any:  # a context manager: commit on success, roll back on any error
        raise NotImplementedError

    def lock_migrations(self) -> None:
        """Inside a transaction: wait until no other process migrates the same database."""

    def tables(self) -> set[str]:
        raise NotImplementedError

    def columns(self, table: str) -> set[str]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class SQLiteConnection(Connection):
    name = "sqlite"
    id_column = "INTEGER PRIMARY KEY"
    bytes_column = "BLOB"
    owns_database = True
    new_place = "give the path of a sayso store, or a new file name to start one"

    def __init__(self, path: str, *, writable: bool = True) -> None:
        self.path = self.where = path
        self.writable = writable
        self._wal = path == ":memory:"  # set at the first write: a file that is not a store is never changed
        try:
            self._db = _sqlite_connect(path, writable=writable)
            self._db.create_function("lower", 1, _lower, deterministic=True)  # Unicode-aware, like PostgreSQL's
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as err:
            raise self._error(err) from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as err:
            raise self._error(err) from err

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            try:
                self._db.executemany(sql, rows)
            except sqlite3.Error as err:
                raise self._error(err) from err

    def _error(self, err: sqlite3.Error) -> StoreError:
        code = getattr(err, "sqlite_errorname", "")
        if isinstance(err, sqlite3.IntegrityError | sqlite3.DataError):  # this row's fault, not the store's
            return StoreError(f"{self.path}: the SQLite store refused a row ({err}); {_REPORT}")
        hint = next((h for prefix, h in _SQLITE_FAILURES if code.startswith(prefix)), _SQLITE_OTHER)
        return StoreUnavailableError(f"{self.path}: " + hint.format(err=err, folder=_folder(self.path), wait=LOCK_WAIT))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if not self._wal:
            self.execute("PRAGMA journal_mode=WAL")  # new stores are made in WAL mode; this is for older ones
            self._wal = True
        self.execute("BEGIN IMMEDIATE")  # take the write lock now: no two writers interleave
        try:
            yield
            self.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def tables(self) -> set[str]:
        return {row[0] for row in self.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    def columns(self, table: str) -> set[str]:
        return {row[0] for row in self.execute("SELECT name FROM pragma_table_info(?)", (table,))}

    def close(self) -> None:
        self._db.close()


_REPORT = "please report it with the input that caused it"
_SQLITE_FAILURES = (  # SQLite error name prefix -> what it means for the store and what to do ({err}: its text)
    (
        "SQLITE_FULL",
        "the disk is full ({err}); free space on the disk that holds {folder} or move the store to a larger one, "
        "then run the command again: what was stored is kept",
    ),
    (
        "SQLITE_READONLY",
        "the store is read-only here ({err}); sayso can read it but not write to it: make the file and its "
        "folder writable, or copy the store to a folder you can write",
    ),
    (
        "SQLITE_BUSY",
        "another process held the store's write lock for over {wait} s ({err}); wait until it is done, or use "
        "PostgreSQL for many writers",
    ),
    (
        "SQLITE_NOTADB",
        "not a sayso store: the file is not a SQLite database ({err}); give the path of a store, or a new file "
        "name to start one",
    ),
    ("SQLITE_CORRUPT", "the store file is damaged ({err}); restore it from a backup, or start a new store"),
)
_SQLITE_OTHER = "the SQLite store failed ({err}); check the file, its folder's permissions and the free disk space"


def _folder(path: str) -> str:
    return str(Path(path).resolve().parent)


def _sqlite_connect(path: str, *, writable: bool) -> sqlite3.Connection:
    """Read-only: ``mode=ro``; in a folder that cannot be written either (no ``-shm`` file can be made next to
    the store), as ``immutable``: a snapshot that ignores other processes."""
    if writable or path == ":memory:":
        return sqlite3.connect(path, isolation_level=None, timeout=LOCK_WAIT, check_same_thread=False)
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    if not os.access(Path(path).resolve().parent, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=LOCK_WAIT, check_same_thread=False)


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value


class PostgresConnection(Connection):
    name = "postgresql"
    id_column = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    bytes_column = "BYTEA"
    new_place = (
        "give sayso a schema of its own: CREATE SCHEMA sayso, then add ?options=-csearch_path%3Dsayso to the URL"
    )

    def __init__(self, url: str) -> None:
        self.url = self.where = _redact(url)
        self._secret = url
        try:
            import psycopg
        except ImportError:
            raise StoreError(
                f"{self.url}: PostgreSQL needs psycopg 3; install it with: pip install 'sayso[postgres]'"
            ) from None
        self._psycopg = psycopg
        try:
            self._db = psycopg.connect(url, autocommit=True)
        except psycopg.Error as err:
            raise StoreUnavailableError(
                f"{self.url}: cannot connect to PostgreSQL ({self._scrub(err)}); check the URL and that the server runs"
            ) from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            cursor = self._db.execute(_pyformat(sql), tuple(params))  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description is not None else []
        except self._psycopg.Error as err:
            raise self._error(err) from None

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            try:
                with self._db.cursor() as cursor:
                    cursor.executemany(_pyformat(sql), rows)  # type: ignore[arg-type]
            except self._psycopg.Error as err:
                raise self._error(err) from None

    def _scrub(self, err: Exception) -> str:
        return scrub(" ".join(str(err).split()), self._secret)  # on one line

    def _error(self, err: Exception) -> StoreError:
        errors = self._psycopg.errors
        text = self._scrub(err)
        if isinstance(err, errors.DiskFull | errors.OutOfMemory):
            return StoreUnavailableError(
                f"{self.url}: the PostgreSQL server's disk is full ({text}); free space on the server, then run the "
                "command again: what was stored is kept"
            )
        if isinstance(err, self._psycopg.IntegrityError | self._psycopg.DataError):  # this row's fault
            return StoreError(f"{self.url}: PostgreSQL refused a row ({text}); {_REPORT}")
        return StoreUnavailableError(
            f"{self.url}: PostgreSQL failed ({text}); check that the server runs and the user may write"
        )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._db.transaction():
            # One writer at a time per store (schema), as SQLite's write lock: each transaction sees every
            # article and cluster committed before it, so two ingests never cluster the same claims twice.
            self.execute(f"SELECT pg_advisory_xact_lock({_WRITE_LOCK}, hashtext(current_schema()))")
            yield

    def lock_migrations(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(7305726)")  # any fixed number: sayso's migration lock

    def tables(self) -> set[str]:
        rows = self.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        return {row[0] for row in rows}

    def columns(self, table: str) -> set[str]:
        rows = self.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ?",
            (table,),
        )
        return {row[0] for row in rows}

    def close(self) -> None:
        self._db.close()


_WRITE_LOCK = 7305727  # any fixed number: sayso's write lock, one per schema


def _pyformat(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (queries here never hold a literal ``?``)."""
    return sql.replace("%", "%%").replace("?", "%s")


_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;\"]+)", re.IGNORECASE)


def _redact(url: str) -> str:
    """The URL without its password (``user:password@`` or a ``password=`` parameter), for messages."""
    scheme, sep, rest = url.partition("://")
    netloc, slash, path = rest.partition("/")
    if "@" in netloc:
        auth, _, host = netloc.rpartition("@")
        netloc = f"{auth.split(':', 1)[0]}:***@{host}" if ":" in auth else netloc
    return _PASSWORD.sub(r"\1***", f"{scheme}{sep}{netloc}{slash}{path}")


def _passwords(url: str) -> set[str]:
    """Every password a URL holds, as written and percent-decoded."""
    found = [m.group(2).strip("'") for m in _PASSWORD.finditer(url)]
    netloc = url.partition("://")[2].partition("/")[0]
    if "@" in netloc and ":" in netloc.rpartition("@")[0]:
        found.append(netloc.rpartition("@")[0].split(":", 1)[1])
    return {p for raw in found for p in (raw, unquote(raw)) if p}


def scrub(text: str, url: str) -> str:
    """``text`` (a driver's message) without the passwords of ``url`` and without any ``password=`` value."""
    text = text.replace(url, _redact(url))
    for secret in sorted(_passwords(url), key=len, reverse=True):
        text = text.replace(secret, "***")
    return _PASSWORD.sub(r"\1***", text)


def resolve(url: str | None) -> str:
    """The store to use: the given URL or path, else ``$SAYSO_DB``, else ``./sayso.db``."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_PATH


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


def connect(url: str, *, create: bool) -> Connection:
    if is_postgres(url):
        return PostgresConnection(url)
    if "://" in url and not url.startswith("sqlite:///"):
        raise StoreError(f"{_redact(url)}: not a store sayso knows; give a SQLite file path or a postgresql:// URL")
    path = sqlite_path(url)
    if path == ":memory:":
        return SQLiteConnection(path)
    file = Path(path)
    if not file.exists():
        if not create:
            shown = _redact(path)  # a PostgreSQL keyword string (password=...) mistaken for a path stays secret too
            raise StoreError(f"{shown}: no store there; run 'sayso ingest PATH... --db {shown}' first or pass --db")
        _create_sqlite(file)
    elif file.is_dir():
        raise StoreError(f"{path}: is a folder, not a store; give a file name, e.g. {file / DEFAULT_PATH}")
    elif file.stat().st_size == 0:
        raise StoreError(
            f"{path}: is an empty file (0 bytes), not a sayso store (sayso never leaves one empty); "
            "delete it to start a new store there, or give the path of a store"
        )
    writable = os.access(file, os.W_OK) and os.access(file.resolve().parent, os.W_OK)
    return SQLiteConnection(path, writable=writable)


def _create_sqlite(file: Path) -> None:
    """A new, empty store: made under another name and linked into place, so that no other process ever sees
    it half made (an empty file is refused as not a store)."""
    draft = file.with_name(f".{file.name}.{uuid.uuid4().hex[:12]}.new")
    try:
        db = sqlite3.connect(draft)
        try:
            db.execute("PRAGMA journal_mode=WAL")  # writes the header: the file is a database from now on
        finally:
            db.close()
        try:
            os.link(draft, file)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:  # a file system without hard links: copy it, never over another's
            with open(file, "xb") as out:
                out.write(draft.read_bytes())
    except FileExistsError:
        pass  # made by another process while we copied
    except (OSError, sqlite3.Error) as err:
        raise StoreUnavailableError(
            f"{file}: cannot create the SQLite store ({err}); check that the folder exists and can be written"
        ) from None
    finally:
        draft.unlink(missing_ok=True)
