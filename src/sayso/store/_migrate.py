"""Named, ordered migrations: ``migrations/NNNN_name.sql``, each applied once and recorded.

A migration is plain SQL that both databases run; ``{id}`` stands for the
dialect's autoincrement primary key and ``{bytes}`` for its binary type. Each migration runs in its own
transaction together with its row in ``migrations``, so it is applied
wholly or not at all, and two processes opening a new store at once do not
both apply it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from sayso.errors import StoreError
from sayso.store._dialect import Connection

_NAME = re.compile(r"^\d{4}_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    name: str  # the file name without .sql, e.g. "0001_initial"
    sql: str

    def statements(self, id_column: str, bytes_column: str = "BLOB") -> list[str]:
        """The statements in order; each ends with ``;`` at the end of a line, ``--`` lines are comments.
        ``{id}`` and ``{bytes}`` become the database's own column types."""
        lines = [line for line in self.sql.splitlines() if not line.lstrip().startswith("--")]
        body = "\n".join(lines).replace("{id}", id_column).replace("{bytes}", bytes_column)
        return [s.strip() for s in re.split(r";[ \t]*$", body, flags=re.MULTILINE) if s.strip()]


def available() -> list[Migration]:
    """Every migration shipped with sayso, in order of name."""
    folder = resources.files("sayso.store").joinpath("migrations")
    found = sorted((f.name, f) for f in folder.iterdir() if f.name.endswith(".sql"))
    for name, _ in found:
        if not _NAME.match(name):
            raise StoreError(f"store migration {name!r} is not named NNNN_words.sql; rename it")
    return [Migration(name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for name, f in found]


def applied(db: Connection) -> list[str]:
    """Names of the migrations already applied to ``db``, in order."""
    return [row[0] for row in db.execute("SELECT name FROM migrations ORDER BY name")]


def migrate(db: Connection, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the migrations ``db`` lacks; return their names (empty when it was up to date)."""
    todo = available() if migrations is None else migrations
    with db.transaction():
        db.lock_migrations()
        db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = set(applied(db))
    unknown = sorted(done - {m.name for m in todo})
    if unknown:
        raise StoreError(
            f"the store has migrations this sayso does not know ({', '.join(unknown)}); "
            "it was written by a newer sayso: upgrade sayso"
        )
    new: list[str] = []
    for migration in todo:
        if migration.name in done:
            continue
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
