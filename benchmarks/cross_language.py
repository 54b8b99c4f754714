"""The same claim across languages, through the store: issue 5's acceptance measurement.

    PYTHONPATH=src python benchmarks/cross_language.py [FOLDER] [--db PATH]

Ingests every ``en-meantime-X``/``nl-meantime-X`` pair of FOLDER (default
../shared/eval/dev, read, never copied) into a temporary SQLite store as
``sayso ingest`` does (the whole pipeline, one transaction per article, then
the clustering of the batch), and measures on the exported clusters:

- **recall**: of the claims of each Dutch article, the share that share a
  cluster with the matching claim of its English original. The files are
  sentence-aligned line by line (``document.sentence_aligned_with_english`` in
  the Dutch gold), so the matching claims are the English claims that start on
  the same line (non-empty lines counted). A Dutch claim whose English line has
  no claim cannot be scored and is counted apart. Given over attributed claims
  (every kind but ``assertion`` and ``headline``) and over all claims; micro
  (all claims together), macro (mean per article) and the share of Dutch
  articles at 80% or more.
- **mixed**: the share of clusters holding claims of two or more unrelated pairs
  (X != Y), over clusters with two or more claims and over all clusters.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import bisect  # noqa: E402
import json  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

from sayso import pipeline  # noqa: E402
from sayso.ingest import iter_articles  # noqa: E402
from sayso.options import Options  # noqa: E402
from sayso.records import Article  # noqa: E402
from sayso.store import Store, StoredClaim, open_store  # noqa: E402

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
OWN = ("assertion", "headline")  # claim kinds that are the article's own, not attributed
TARGET_RECALL, TARGET_MIXED = 0.80, 0.10


def _gold(path: Path) -> dict:
    gold = path.with_name(path.name.removesuffix(".txt") + ".gold.json")
    return json.loads(gold.read_text(encoding="utf-8")).get("document", {}) if gold.is_file() else {}


def pairs(folder: Path) -> list[tuple[str, Path, Path]]:
    """(X, English file, Dutch file) for every pair the folder has."""
    found = []
    for en in sorted(folder.glob("en-meantime-*.txt")):
        x = en.name.removeprefix("en-meantime-").removesuffix(".txt")
        nl = en.with_name(f"nl-meantime-{x}.txt")
        if nl.is_file():
            found.append((x, en, nl))
    return found


def ingest(store: Store, files: list[tuple[str, Path]]) -> tuple[int, float]:
    """Analyse and add every file (language, path), then cluster the batch; (claims clustered, seconds)."""
    start = time.perf_counter()
    for language, path in files:
        published = _gold(path).get("published")
        options = Options(language=language, published=date.fromisoformat(published) if published else None)
        for item in iter_articles([str(path)], options=options):
            if isinstance(item, Article) and store.stored_id(item.text) is None:
                store.add(pipeline.analyze(item, options=options), cluster=False)
    analysed = time.perf_counter()
    clustered = store.cluster()
    print(
        f"ingested {len(files)} articles in {analysed - start:.0f} s; "
        f"clustered {clustered} claims in {time.perf_counter() - analysed:.1f} s"
    )
    return clustered, time.perf_counter() - start


def _line_starts(text: str) -> tuple[list[int], list[int]]:
    """Offsets where each non-empty line starts, and its index among the non-empty lines."""
    starts, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            starts.append(offset)
        offset += len(line)
    return starts, list(range(len(starts)))


def _line_of(claim: StoredClaim, starts: list[int]) -> int:
    begin = min((s.start for s in claim.content), default=0)
    return max(bisect.bisect_right(starts, begin) - 1, 0)


def measure(store: Store, pair_ids: list[str]) -> dict:
    clusters = store.clusters()
    cluster_of = {c.id: k.id for k in clusters for c in k.claims}
    by_article: dict[str, list[StoredClaim]] = defaultdict(list)
    for k in clusters:
        for c in k.claims:
            by_article[c.article.id].append(c)
    results: dict[str, dict] = {}
    for scope in ("attributed", "all"):
        per_article, hit, scored, unscorable, unaligned = [], 0, 0, 0, 0
        for x in pair_ids:
            en_id, nl_id = f"en-meantime-{x}", f"nl-meantime-{x}"
            en_text = store.analysis(en_id).article.text
            nl_text = store.analysis(nl_id).article.text
            en_starts, _ = _line_starts(en_text)
            nl_starts, _ = _line_starts(nl_text)
            nl_claims = [c for c in by_article[nl_id] if scope == "all" or c.kind not in OWN]
            if len(en_starts) != len(nl_starts):
                unaligned += len(nl_claims)
                continue
            en_by_line: dict[int, set[int]] = defaultdict(set)
            for c in by_article[en_id]:
                en_by_line[_line_of(c, en_starts)].add(cluster_of[c.id])
            ok = n = 0
            for c in nl_claims:
                english = en_by_line.get(_line_of(c, nl_starts))
                if not english:
                    unscorable += 1
                    continue
                n += 1
                ok += cluster_of[c.id] in english
            if n:
                per_article.append(ok / n)
            hit, scored = hit + ok, scored + n
        results[scope] = {
            "micro": hit / scored if scored else 0.0,
            "macro": sum(per_article) / len(per_article) if per_article else 0.0,
            "articles_at_80": sum(r >= TARGET_RECALL for r in per_article) / len(per_article) if per_article else 0.0,
            "articles_scored": len(per_article),
            "claims_scored": scored,
            "unscorable": unscorable,
            "unaligned": unaligned,
        }
    pair_of = {}
    for k in clusters:
        pair_of[k.id] = {c.article.id.split("-meantime-", 1)[1] for c in k.claims}
    multi = [k for k in clusters if len(k.claims) >= 2]
    results["mixed"] = sum(len(pair_of[k.id]) > 1 for k in multi) / len(multi) if multi else 0.0
    results["mixed_all"] = sum(len(pair_of[k.id]) > 1 for k in clusters) / len(clusters) if clusters else 0.0
    results["clusters"] = len(clusters)
    results["clusters_2plus"] = len(multi)
    results["claims"] = sum(len(k.claims) for k in clusters)
    results["attributed_claims"] = sum(c.kind not in OWN for k in clusters for c in k.claims)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEV, help="folder with the en/nl MEANTIME pairs")
    parser.add_argument("--db", help="SQLite file to use (default: a temporary one, removed afterwards)")
    args = parser.parse_args()
    found = pairs(args.folder)
    files = [(lang, path) for _, en, nl in found for lang, path in (("en", en), ("nl", nl))]
    with tempfile.TemporaryDirectory(prefix="sayso-cross-language-") as tmp:
        with open_store(args.db or str(Path(tmp) / "cross.db")) as store:
            ingest(store, files)
            results = measure(store, [x for x, _, _ in found])
    print(f"{len(found)} pairs; {results['claims']} claims ({results['attributed_claims']} attributed)")
    for scope in ("attributed", "all"):
        r = results[scope]
        print(
            f"recall ({scope} claims): micro {r['micro']:.1%}, macro {r['macro']:.1%} over {r['articles_scored']} "
            f"Dutch articles ({r['articles_at_80']:.0%} of them at >= 80%); {r['claims_scored']} claims scored, "
            f"{r['unscorable']} without a claim on the English line, {r['unaligned']} in unaligned files"
        )
    print(
        f"mixed: {results['mixed']:.1%} of {results['clusters_2plus']} clusters with >= 2 claims "
        f"({results['mixed_all']:.1%} of all {results['clusters']})"
    )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
