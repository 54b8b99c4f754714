"""Ingest speed in articles per second: SQLite, and PostgreSQL when a URL is given.

    python benchmarks/ingest.py [FOLDER] [--postgres URL] [--limit N]

FOLDER defaults to the development articles in ../shared/eval/dev (read,
never copied). Every article is analysed once (models loaded beforehand, on
one core); then, per store, each analysis is added in its own transaction to
a new, empty store, and the batch is clustered at its end, as `sayso ingest`
does. Prints the analysis speed, the store's write speed, the clustering time,
the resulting ingest speed (analysis + store + clustering), the speed
of a second pass over the same articles (which finds each text stored and
skips it) and whether that second pass left every table unchanged.
PostgreSQL runs in a new schema of the given database, dropped afterwards.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from sayso.clusters import default_embedder  # noqa: E402
from sayso.ingest import iter_articles  # noqa: E402
from sayso.language import detect_language  # noqa: E402
from sayso.options import Options  # noqa: E402
from sayso.pipeline import analyze  # noqa: E402
from sayso.records import Analysis, Article  # noqa: E402
from sayso.store import _dialect, open_store  # noqa: E402


def _dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = _dialect.connect(url, create=False)
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in sorted(db.tables())}
    finally:
        db.close()


def _measure(url: str, analyses: list[Analysis]) -> tuple[float, float, float, bool]:
    """Seconds to add every analysis, to cluster the batch, for the second pass, and whether it changed nothing."""
    default_embedder().encode(["warm up"])  # the encoder loads once per process, before timing
    with open_store(url) as store:
        start = time.perf_counter()
        for analysis in analyses:
            if store.stored_id(analysis.article.text) is None:
                store.add(analysis, cluster=False)
        first = time.perf_counter() - start
        start = time.perf_counter()
        store.cluster()
        clustering = time.perf_counter() - start
        before = _dump(url)
        start = time.perf_counter()
        again = [store.stored_id(a.article.text) is None and store.add(a).added for a in analyses]
        second = time.perf_counter() - start
    return first, clustering, second, not any(again) and _dump(url) == before


def _postgres_schema(url: str) -> tuple[str, str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}", schema


def _drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev")
    )
    parser.add_argument("--postgres", metavar="URL", help="a postgresql:// database to measure as well")
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    args = parser.parse_args()
    if not Path(args.folder).is_dir():
        print(f"benchmark: no folder {args.folder}; pass one", file=sys.stderr)
        return 2
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    articles = [a for a in iter_articles([args.folder], options=Options()) if isinstance(a, Article)]
    articles = articles[: args.limit] if args.limit else articles
    warmed: set[str] = set()
    for article in articles:  # load each language's model before timing
        language = article.language or detect_language(article.text, article.origin)
        if language not in warmed:
            warmed.add(language)
            analyze(article)
    start = time.perf_counter()
    analyses = [analyze(a) for a in articles]
    analysing = time.perf_counter() - start
    n = len(analyses)
    print(f"{n} articles from {args.folder}; analysis alone: {n / analysing:.2f} articles/s")
    print(
        f"{'store':<11} {'write art/s':>12} {'cluster s':>10} {'ingest art/s':>13} {'2nd pass art/s':>15}  second pass"
    )
    stores: list[tuple[str, str, str | None]] = []
    folder = tempfile.mkdtemp(prefix="sayso-bench-")
    stores.append(("sqlite", str(Path(folder) / "bench.db"), None))
    if args.postgres:
        url, schema = _postgres_schema(args.postgres)
        stores.append(("postgresql", url, schema))
    for name, url, schema in stores:
        try:
            first, clustering, second, unchanged = _measure(url, analyses)
        finally:
            if schema:
                _drop_schema(args.postgres, schema)
        print(
            f"{name:<11} {n / first:>12.1f} {clustering:>10.1f} {n / (analysing + first + clustering):>13.2f} "
            f"{n / second:>15.0f}  " + ("changed nothing" if unchanged else "CHANGED THE STORE")
        )
    print(
        "ingest = analysis + store write (one transaction per article) + clustering the batch, as `sayso ingest` does"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
