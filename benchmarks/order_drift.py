"""Do the clusters depend on the order the articles were ingested in? (issue 11)

    PYTHONPATH=src python benchmarks/order_drift.py [FOLDER ...] [--orders K] [--seed N] [--json]

Reads the articles of each FOLDER (default: the story set ../shared/eval/stories, every story into one
store; a folder of ``NAME.txt`` files such as ../shared/eval/dev works too, with the publication date
of ``NAME.gold.json`` when there is one; read, never copied), analyses each article once, then adds the
same analyses to fresh SQLite stores in K orders: the articles sorted by id, then K-1 shuffles.

- **batch**: every article added, then one clustering run (``sayso ingest`` of the whole set);
- **trickle**: one article per ingest, each clustered as it is added (a daily user);
- **recluster**: ``Store.recluster()`` after each of the runs above.

The reference is the batch of the sorted order. Per mode the benchmark prints the range of the
number of clusters, the share of claims whose cluster-mates differ from the reference (mean and
largest over the orders), the lowest pairwise F1 against the reference (pairs of claims that share
a cluster), and how many runs give exactly the reference's export (members, origins, independent
count, repeats, contradictions within and across clusters, credibility) and, for clusters of the
same members, which of those differ (and in at most how many clusters the origins and the independent
count: the store resolves sources as articles arrive, so a source's name and the spellings it joins
can follow the order where the members do not). Claims are matched across stores by article, offsets
and words, clusters by their claims: row ids differ with the order. ``--cache FILE`` keeps the
analyses (pickled) for the next run. Figures in docs/clusters.md ("Order and drift").
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import pickle  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Hashable, Iterator, Sequence  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from sayso import pipeline  # noqa: E402
from sayso.options import Options  # noqa: E402
from sayso.records import Analysis, Article  # noqa: E402
from sayso.store import Store, StoredClaim, open_store  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
MODES = ("batch", "trickle")

Key = tuple[Hashable, ...]


# the articles


def _story_articles(folder: Path) -> Iterator[Article]:
    for story in sorted(p for p in folder.iterdir() if (p / "articles.json").is_file()):
        for meta in json.loads((story / "articles.json").read_text(encoding="utf-8")):
            text = (story / f"{meta['id']}.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
            yield Article(
                text=text,
                id=f"{story.name}/{meta['id']}",
                title=meta.get("title"),
                outlet=meta.get("outlet"),
                published=date.fromisoformat(meta["published"]) if meta.get("published") else None,
                language=meta["language"],
                origin=str(story / f"{meta['id']}.txt"),
            )


def _folder_articles(folder: Path) -> Iterator[Article]:
    for path in sorted(folder.glob("*.txt")):
        gold = path.with_name(path.stem + ".gold.json")
        doc = json.loads(gold.read_text(encoding="utf-8")).get("document", {}) if gold.is_file() else {}
        published = doc.get("published")
        yield Article(
            text=path.read_text(encoding="utf-8").replace("\r\n", "\n"),
            id=path.stem,
            published=date.fromisoformat(published) if published else None,
            language=path.name[:2] if path.name[2:3] == "-" else None,
            origin=str(path),
        )


def analyses(folders: Sequence[Path]) -> list[Analysis]:
    """Every article of the folders, analysed once, sorted by id."""
    found: list[Analysis] = []
    for folder in folders:
        reader = _story_articles if any(folder.glob("*/articles.json")) else _folder_articles
        for article in reader(folder):
            options = Options(language=article.language, published=article.published)
            found.append(pipeline.analyze(article, options=options))
    return sorted(found, key=lambda a: a.article.id)


# one run


def _claim_key(c: StoredClaim) -> Key:
    return (c.article.id, min((s.start for s in c.content), default=0), max((s.end for s in c.content), default=0),
            c.text)  # fmt: skip


def snapshot(store: Store) -> list[dict[str, Any]]:
    """The store's clusters as ``sayso export clusters`` gives them, with claims named by ``_claim_key``."""
    clusters = store.clusters()
    key = {c.id: _claim_key(c) for k in clusters for c in k.claims}
    of = {c.id: frozenset(key[m.id] for m in k.claims) for k in clusters for c in k.claims}
    return [
        {
            "members": frozenset(key[c.id] for c in k.claims),
            "origins": tuple(k.origins),
            "independent": k.independent,
            "repeats": frozenset(key[m] for m in k.repeats),
            "contradictions": frozenset((key[a], key[b], reason) for a, b, reason in k.contradictions),
            "across": frozenset((key[a], key[b], of[b], reason) for a, b, _, reason in k.across),
            "credibility": k.credibility,
        }
        for k in clusters
    ]


def run(items: Sequence[Analysis], mode: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None, float, float]:
    """Add ``items`` in their order to a fresh store (``mode``); its clusters, those after ``recluster``
    (None when this sayso has none), and the seconds the clustering and the recluster took."""
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "order.db")) as store:
        seconds = 0.0
        for analysis in items:
            store.add(analysis, cluster=False)
            if mode == "trickle":
                start = time.perf_counter()
                store.cluster()
                seconds += time.perf_counter() - start
        start = time.perf_counter()
        store.cluster()
        seconds += time.perf_counter() - start
        found = snapshot(store)
        if not hasattr(store, "recluster"):
            return found, None, seconds, 0.0
        start = time.perf_counter()
        store.recluster()
        return found, snapshot(store), seconds, time.perf_counter() - start


# comparing runs


def _mates(clusters: Sequence[dict[str, Any]]) -> dict[Key, frozenset[Key]]:
    return {m: k["members"] for k in clusters for m in k["members"]}


def _pairs(clusters: Sequence[dict[str, Any]]) -> set[tuple[Key, Key]]:
    return {(a, b) for k in clusters for a in k["members"] for b in k["members"] if repr(a) < repr(b)}


def compare(found: Sequence[dict[str, Any]], reference: Sequence[dict[str, Any]]) -> dict[str, Any]:
    mine, theirs = _mates(found), _mates(reference)
    differ = sum(mine.get(c) != mates for c, mates in theirs.items())
    a, b = _pairs(found), _pairs(reference)
    common = len(a & b)
    f1 = 1.0 if not a and not b else 2 * common / (len(a) + len(b))
    canon = sorted(map(repr, (sorted(k.items()) for k in found)))
    by_members = {k["members"]: k for k in reference}
    fields = sorted(
        {f for k in found if k["members"] in by_members for f, v in k.items() if by_members[k["members"]][f] != v}
    )
    same = [(k, by_members[k["members"]]) for k in found if k["members"] in by_members]
    return {
        "clusters": len(found),
        "origins_differ": sum(k["origins"] != r["origins"] for k, r in same),  # clusters of the same members
        "independent_differ": sum(k["independent"] != r["independent"] for k, r in same),
        "differ": differ / max(len(theirs), 1),
        "f1": f1,
        "identical": canon == sorted(map(repr, (sorted(k.items()) for k in reference))),
        "fields": fields,  # what differs in clusters of the same members
    }


def summary(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {
        "runs": len(rows),
        "clusters": [min(r["clusters"] for r in rows), max(r["clusters"] for r in rows)],
        "differ_mean": statistics.fmean(r["differ"] for r in rows),
        "differ_max": max(r["differ"] for r in rows),
        "f1_min": min(r["f1"] for r in rows),
        "identical": sum(r["identical"] for r in rows),
        "fields": sorted({f for r in rows for f in r["fields"]}),
        "origins_differ": max(r["origins_differ"] for r in rows),
        "independent_differ": max(r["independent_differ"] for r in rows),
        "seconds": statistics.fmean(r["seconds"] for r in rows),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, help="story set or folders of articles (default: the story set)")
    ap.add_argument("--orders", type=int, default=5, help="orders per mode: sorted by id, then shuffles (default 5)")
    ap.add_argument("--seed", type=int, default=11, help="seed of the shuffles (default 11)")
    ap.add_argument("--modes", default=",".join(MODES), help="batch, trickle or both (default)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--cache", type=Path, metavar="FILE", help="keep the analyses in FILE and read them from it")
    args = ap.parse_args()
    folders = args.folders or [SHARED / "stories"]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        raise SystemExit(f"no folder {', '.join(missing)}; give the story set or a folder of articles")
    if args.cache and args.cache.is_file():
        items = pickle.loads(args.cache.read_bytes())  # written by this benchmark (see --cache)
    else:
        items = analyses(folders)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(items))
    shuffler = random.Random(args.seed)
    orders = [list(items)]
    for _ in range(args.orders - 1):
        orders.append(shuffler.sample(items, len(items)))
    reference = None
    results: dict[str, list[dict[str, Any]]] = {}
    for mode in args.modes.split(","):
        for order in orders:
            found, again, seconds, again_seconds = run(order, mode)
            reference = reference if reference is not None else found  # the batch of the sorted order
            results.setdefault(mode, []).append({**compare(found, reference), "seconds": seconds})
            if again is not None:
                results.setdefault(f"{mode} + recluster", []).append(
                    {**compare(again, reference), "seconds": again_seconds}
                )
    claims = sum(len(a.claims) for a in items)
    figures = {"articles": len(items), "claims": claims, **{m: summary(rows) for m, rows in results.items()}}
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    print(f"{len(items)} articles, {claims} claims, {args.orders} orders (sorted, then seed {args.seed})")
    print(
        f"{'mode':<20} {'clusters':>11} {'mates differ':>19} {'F1 min':>7} {'= ref':>6} {'cluster s':>10}"
        "  differs in (same members)"
    )
    for mode, rows in results.items():
        s = summary(rows)
        print(
            f"{mode:<20} {s['clusters'][0]:>5}-{s['clusters'][1]:<5} {s['differ_mean']:>8.1%}"
            f" (max {s['differ_max']:>5.1%}) {s['f1_min']:>7.3f}"
            f" {s['identical']:>3}/{s['runs']:<2} {s['seconds']:>10.1f}  {', '.join(s['fields']) or '-'}"
            f" (at most {s['origins_differ']} clusters' origins, {s['independent_differ']} independent counts)"
        )


if __name__ == "__main__":
    main()
