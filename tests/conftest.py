"""Shared fixtures: the development set (read from ../shared, never copied), the backbones, and the stores.

PostgreSQL: ``$SAYSO_TEST_POSTGRES`` (a ``postgresql://`` URL), else a throwaway
server started once per session by ``.ci/postgres``; without one the
PostgreSQL tests skip, except under ``CI`` where they fail.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BACKENDS = ["sqlite", "postgresql"]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DEV = SHARED_EVAL / "dev"


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"the development set is not at {DEV}; put shared/ beside the repository to run this test")
    return DEV


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from sayso.language import load_backbone

    return load_backbone("en")


@pytest.fixture(scope="session")
def nlp_nl():  # type: ignore[no-untyped-def]
    from sayso.language import load_backbone

    return load_backbone("nl")


# PostgreSQL: one server for the session, one schema per test


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    url = os.environ.get("SAYSO_TEST_POSTGRES")
    if url:
        yield url
        return
    folder = tempfile.mkdtemp(prefix="sayso-test-postgres-")
    env = {**os.environ, "SAYSO_PG_INSTALL": "yes" if os.environ.get("CI") else "no"}
    try:
        run = subprocess.run(
            ["bash", str(ROOT / ".ci" / "postgres"), "start", folder],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
        )
        problem = "" if run.returncode == 0 else run.stderr.strip().splitlines()[-1:]
    except (OSError, subprocess.TimeoutExpired) as err:
        problem = [str(err)]
    if problem:
        subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "stop", folder], capture_output=True, check=False)
        message = (
            f"no PostgreSQL server for the store tests: .ci/postgres could not start one ({' '.join(problem)}); "
            "install postgresql or set SAYSO_TEST_POSTGRES to a postgresql:// URL"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield run.stdout.strip()
    finally:
        subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "stop", folder], capture_output=True, check=False)


def _in_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def new_postgres_url(postgres_server: str) -> Iterator[Callable[[], str]]:
    """Makes URLs of new, empty PostgreSQL stores (a schema each, dropped after the test)."""
    import psycopg

    schemas: list[str] = []

    def make() -> str:
        schemas.append(f"test_{uuid.uuid4().hex[:12]}")
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schemas[-1]}")
        return _in_schema(postgres_server, schemas[-1])

    yield make
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        for schema in schemas:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def postgres_url(new_postgres_url: Callable[[], str]) -> str:
    return new_postgres_url()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "sayso.db")
    return str(request.getfixturevalue("postgres_url"))
