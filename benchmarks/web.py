"""How fast the web workspace answers on a large store: the development set plus 100,000 stand-in claims.

    python benchmarks/web.py [--store DEV.db] [--claims 100000] [--runs 5]

The store: a copy of ``--store`` (a store of ../shared/eval/dev made with ``sayso ingest``), else the
development set analysed and stored here first (a minute or two). Then stand-in articles, sources, claims
(words drawn from a fixed vocabulary, a few named entities and dates each), and clusters of five claims,
written straight into the tables in one transaction. Each page and its API twin is then asked ``--runs``
times in the process (Starlette's test client: routing, the store's queries and the template, no network);
printed: the median and the slowest milliseconds per page (wall clock), and the median CPU milliseconds of the
process (what the page costs when the machine is shared), against the 200 ms target of issue 13.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
TARGET_MS = 200
WORDS = (
    "port ships minister police election budget strike court bridge flood vaccine army border talks prices "
    "haven schepen minister politie verkiezing begroting staking rechter brug overstroming leger grens prijzen"
).split()
PLACES = [("Rotterdam", "Rotterdam"), ("Oekraïne", "Ukraine"), ("Ukraine", "Ukraine"), ("Brussels", "Brussels")]


def _dev_store(target: Path, given: str | None) -> None:
    if given:
        shutil.copy(given, target)
        return
    from sayso.cli import main

    if main(["ingest", str(DEV), "--db", str(target)]) not in (0, 1):
        raise SystemExit("benchmark: could not build the development store")


def _stand_ins(url: str, claims: int, seed: int = 13) -> None:
    """``claims`` stand-in claims in articles of 100, spoken by 2,000 sources, clustered in fives."""
    from sayso.store import open_store

    rng = random.Random(seed)
    now = "2026-12-07T00:00:00+00:00"
    with open_store(url, create=False) as store:
        db = store._db
        with db.transaction():
            first_source = _max(db, "sources") + 1
            db.execute_many(
                "INSERT INTO sources (id, key, name, type, first_seen) VALUES (?, ?, ?, 'person', ?)",
                [(first_source + n, f"stand-in speaker {n}", f"Stand-in Speaker {n}", now) for n in range(2000)],
            )
            db.execute_many(
                "INSERT INTO source_aliases (key, source_id, name, first_seen) VALUES (?, ?, ?, ?)",
                [(f"stand-in speaker {n}", first_source + n, f"Stand-in Speaker {n}", now) for n in range(2000)],
            )
            claim_id, entity_id, cluster_id = _max(db, "claims") + 1, _max(db, "entities") + 1, _max(db, "clusters") + 1
            for a in range(claims // 100):
                day = date(2024, 1, 1) + timedelta(days=a % 700)
                language = "en" if a % 2 else "nl"
                texts = [" ".join(rng.choices(WORDS, k=12)) for _ in range(100)]
                places = [rng.choice(PLACES) for _ in range(100)]
                text = "\n".join(f"{t} {p[0]}." for t, p in zip(texts, places, strict=True))
                aid = f"stand-in-{a}"
                db.execute(
                    "INSERT INTO articles (id, content_hash, text, title, outlet, published, language, origin, "
                    "backbone, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'stand-in', ?)",
                    (aid, f"h{a}", text, f"Stand-in article {a}", f"Outlet {a % 40}", day.isoformat(), language,
                     "benchmark", "2020-01-01T00:00:00+00:00"),
                )  # fmt: skip
                offset, claim_rows, span_rows, entity_rows, link_rows = 0, [], [], [], []
                for n, (t, (place, canonical)) in enumerate(zip(texts, places, strict=True)):
                    end = offset + len(t)
                    speaker = rng.randrange(2000)
                    claim_rows.append(
                        (claim_id, aid, n, "indirect", f"Stand-in Speaker {speaker}", first_source + speaker,
                         "certain", "positive", day.isoformat(), offset, end, t)
                    )  # fmt: skip
                    span_rows.append((claim_id, 0, offset, end, t))
                    entity_rows.append((entity_id, aid, n, end + 1, end + 1 + len(place), place, "GPE", canonical))
                    link_rows.append((claim_id, entity_id))
                    claim_id, entity_id, offset = claim_id + 1, entity_id + 1, end + len(place) + 3
                db.execute_many(
                    "INSERT INTO claims (id, article_id, seq, kind, speaker, speaker_id, certainty, polarity, said_on, "
                    "start_char, end_char, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    claim_rows,
                )
                db.execute_many("INSERT INTO claim_spans VALUES (?, ?, ?, ?, ?)", span_rows)
                db.execute_many(
                    "INSERT INTO entities (id, article_id, seq, start_char, end_char, text, label, canonical) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    entity_rows,
                )
                db.execute_many("INSERT INTO claim_entities VALUES (?, ?)", link_rows)
            first_claim = claim_id - (claims // 100) * 100
            for k in range(0, claim_id - first_claim, 5):
                db.execute(
                    "INSERT INTO clusters (id, key, created_at, updated_at, method, origins, independent, credibility) "
                    "VALUES (?, ?, ?, ?, 'stand-in', '[\"Stand-in\"]', 1, 3)",
                    (cluster_id, f"stand-in-{k}", now, now),
                )
                db.execute_many(
                    "INSERT INTO cluster_members (cluster_id, claim_id, added_at) VALUES (?, ?, ?)",
                    [(cluster_id, first_claim + k + m, now) for m in range(5)],
                )
                cluster_id += 1


def _max(db, table: str) -> int:  # type: ignore[no-untyped-def]
    return int(db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")[0][0])


def _pages(url: str) -> list[str]:
    from sayso.store import open_store
    from sayso.web.links import article_href

    with open_store(url, create=False) as store:
        dev_article = next(a.id for a in store.articles(limit=10_000) if not a.id.startswith("stand-in"))
        big = max(store.clusters()[:2000], key=lambda k: len(k.claims))
        busiest = store.sources()[0]
        last = store.counts()["clusters"]
    pages = [
        "/",
        article_href(dev_article),
        "/articles/stand-in-7",
        "/clusters",
        "/clusters?page=40",
        f"/clusters/{big.id}",
        f"/clusters/{last}",
        "/sources",
        f"/sources/{busiest.id}",
        "/search?words=minister",
        "/search?words=minister+brug",
        "/search?entity=Oekra%C3%AFne&language=en",
        "/search?entity=Brussels&words=brug&since=2025-01-01",
        "/search?speaker=Stand-in+Speaker+17",
        "/search?since=2024-03-01&until=2024-03-31&outlet=Outlet+3",
        "/search?words=nothing-matches-this",
    ]
    return pages + [
        "/api" + p.replace("/search?", "/search?") for p in pages if p != "/" and not p.startswith("/sources?")
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a store of the development set to copy (else it is built here)")
    parser.add_argument("--claims", type=int, default=100_000, help="stand-in claims to add (default 100000)")
    parser.add_argument("--runs", type=int, default=5, help="times each page is asked (default 5)")
    args = parser.parse_args()
    if not args.store and not DEV.is_dir():
        print(f"benchmark: no development set at {DEV} and no --store", file=sys.stderr)
        return 2
    from starlette.testclient import TestClient

    from sayso.web import create_app

    with tempfile.TemporaryDirectory(prefix="sayso-web-bench-") as tmp:
        url = str(Path(tmp) / "bench.db")
        _dev_store(Path(url), args.store)
        start = time.perf_counter()
        _stand_ins(url, args.claims)
        print(f"stand-ins: {args.claims:,} claims written in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        start = time.perf_counter()
        client = TestClient(create_app(url), base_url="http://127.0.0.1")  # indexes the stand-ins' words
        print(f"start (the word index of {args.claims:,} claims): {time.perf_counter() - start:.1f} s", file=sys.stderr)
        with client:
            counts = client.get("/api/articles").json()["counts"]
            print(f"store: {counts['articles']:,} articles, {counts['claims']:,} claims, "
                  f"{counts['clusters']:,} clusters, {counts['sources']:,} sources")  # fmt: skip
            print(f"{'page':<62} {'median ms':>9} {'max ms':>7} {'cpu ms':>7}")
            slow = 0
            for page in _pages(url):
                times, cpu = [], []
                for _ in range(args.runs):
                    t0, c0 = time.perf_counter(), time.process_time()
                    answer = client.get(page)
                    times.append(1000 * (time.perf_counter() - t0))
                    cpu.append(1000 * (time.process_time() - c0))
                    assert answer.status_code == 200, (page, answer.status_code)
                median = statistics.median(times)
                slow += median >= TARGET_MS
                mark = "" if median < TARGET_MS else "  over the target"
                print(f"{page[:62]:<62} {median:>9.1f} {max(times):>7.1f} {statistics.median(cpu):>7.1f}{mark}")
    verdict = f"{slow} pages at or over {TARGET_MS} ms" if slow else f"every page under {TARGET_MS} ms"
    print(f"{verdict} (median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
