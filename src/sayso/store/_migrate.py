"""Named, ordered migrations: ``migrations/NNNN_name.sql``, each applied once and recorded.

A migration is plain SQL that both databases run; one named ``NNNN_name.sqlite.sql`` (or
``.postgresql.sql``) runs only in that database, for what the other lacks (SQLite's FTS5 full-text index),
and is recorded under ``NNNN_name`` as any other. ``{id}`` stands for the
dialect's autoincrement primary key and ``{bytes}`` for its binary type. Each migration runs in its own
transaction together with its row in ``migrations``, so it is applied
wholly or not at all, and two processes opening a new store at once do not
both apply it. A store that is up to date is not written to at all (so a
read-only one can be read); a database that is not a sayso store is refused
before anything is written to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from sayso.errors import StoreError, StoreUnavailableError
from sayso.store._dialect import Connection

_NAME = re.compile(r"^\d{4}_[a-z0-9_]+(?:\.(?P<only>sqlite|postgresql))?\.sql$")
_CREATES = re.compile(r"^CREATE (?:TABLE|VIEW) (?:IF NOT EXISTS )?(\w+)", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Migration:
    name: str  # the file name without .sql (and without .sqlite), e.g. "0001_initial"
    sql: str
    only: str | None = None  # "sqlite" or "postgresql": the one database it runs in; None: both

    def statements(self, id_column: str, bytes_column: str = "BLOB") -> list[str]:
        """The statements in order; each ends with ``;`` at the end of a line, ``--`` lines are comments.
        ``{id}`` and ``{bytes}`` become the database's own column types."""
        lines = [line for line in self.sql.splitlines() if not line.lstrip().startswith("--")]
        body = "\n".join(lines).replace("{id}", id_column).replace("{bytes}", bytes_column)
        return [s.strip() for s in re.split(r";[ \t]*$", body, flags=re.MULTILINE) if s.strip()]


def available() -> list[Migration]:
    """Every migration shipped with sayso, in order of name (``migrate`` skips those for the other database)."""
    folder = resources.files("sayso.store").joinpath("migrations")
    found = sorted((f.name, f) for f in folder.iterdir() if f.name.endswith(".sql"))
    out: list[Migration] = []
    for name, f in found:
        named = _NAME.match(name)
        if not named:
            raise StoreError(f"store migration {name!r} is not named NNNN_words.sql (or .sqlite.sql); rename it")
        out.append(Migration(name.split(".")[0], f.read_text(encoding="utf-8"), named["only"]))
    return out


def applied(db: Connection) -> list[str]:
    """Names of the migrations already applied to ``db``, in order."""
    return [row[0] for row in db.execute("SELECT name FROM migrations ORDER BY name")]


def sayso_tables(migrations: list[Migration]) -> set[str]:
    """The tables and views the migrations create, and ``migrations`` itself."""
    return {"migrations"} | {name.lower() for m in migrations for name in _CREATES.findall(m.sql)}


def check_store(db: Connection, tables: set[str], migrations: list[Migration]) -> None:
    """Refuse a database another program made: tables that are not sayso's (in SQLite, any table when there
    is no ``migrations`` table; in PostgreSQL, tables with sayso's names), or a ``migrations`` table of another
    shape."""
    if "migrations" in tables:
        ours = {"name", "applied_at"} <= db.columns("migrations") and all(
            _NAME.match(f"{name}.sql") for name in applied(db)
        )
        clash = set() if ours else {"migrations"}
    else:
        clash = tables if db.owns_database else tables & sayso_tables(migrations)
    if clash:
        shown = ", ".join(sorted(clash)[:5]) + (", ..." if len(clash) > 5 else "")
        raise StoreError(
            f"{db.where}: not a sayso store: it holds tables that sayso did not make ({shown}), and sayso "
            f"leaves them alone; {db.new_place}"
        )


def migrate(db: Connection, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the migrations ``db`` lacks; return their names (empty when it was up to date)."""
    todo = [m for m in (available() if migrations is None else migrations) if m.only in (None, db.name)]
    tables = db.tables()
    check_store(db, tables, todo)
    done = set(applied(db)) if "migrations" in tables else set()
    unknown = sorted(done - {m.name for m in todo})
    if unknown:
        raise StoreError(
            f"the store has migrations this sayso does not know ({', '.join(unknown)}); "
            "it was written by a newer sayso: upgrade sayso"
        )
    missing = [m for m in todo if m.name not in done]
    if not missing:
        return []  # up to date: nothing written
    if not db.writable:
        raise StoreUnavailableError(
            f"{db.where}: the store is read-only here and was written by an older sayso: it lacks "
            f"{', '.join(m.name for m in missing)}; open it once where it can be written, to migrate it"
        )
    with db.transaction():
        db.lock_migrations()
        db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    new: list[str] = []
    for migration in missing:
        with db.transaction():
            db.lock_migrations()
            if db.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)):
                continue  # another process applied it while we waited
            for statement in migration.statements(db.id_column, db.bytes_column):
                db.execute(statement)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        new.append(migration.name)
    return new
