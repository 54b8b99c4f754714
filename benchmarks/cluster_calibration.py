"""Calibrate the claim-clustering threshold on the English-Dutch MEANTIME pairs of the development set.

    PYTHONPATH=src python benchmarks/cluster_calibration.py [FOLDER] [--thresholds 0.4,0.45,...]

Every sentence (one a line; lines under four words, such as datelines, are
left out) of ``en-meantime-X.txt`` and ``nl-meantime-X.txt`` becomes a claim,
with the quantities and times sayso finds in it. The Dutch files are sentence-
aligned with the English ones, so Dutch sentence i should share a cluster with
English sentence i; pairs whose files have different numbers of lines are still
clustered but not scored for recall. Per threshold it prints

- ``recall``: the share of scored Dutch sentences in the cluster of their English original;
- ``mixed``: the share of clusters with two or more claims that hold claims of different pairs (X != Y);
- ``mixed_all``: the same share over all clusters, singletons included.

The embeddings are computed once; each threshold only re-runs the clustering.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

from sayso.clusters import ClaimItem, cluster_claims, embed
from sayso.quantities import find_quantities
from sayso.time import find_times

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
MIN_WORDS = 4


class _Fixed:
    """An embedder that returns vectors computed beforehand, looked up by text."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self.vectors[t] for t in texts])


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _published(path: Path) -> date | None:
    gold = path.with_name(path.name.removesuffix(".txt") + ".gold.json")
    if not gold.is_file():
        return None
    value = json.loads(gold.read_text(encoding="utf-8")).get("document", {}).get("published")
    return date.fromisoformat(value) if value else None


def load_items(folder: Path) -> tuple[list[ClaimItem], dict[str, str]]:
    """The claims of every pair, and for each scored Dutch claim the id of its English original."""
    items: list[ClaimItem] = []
    gold: dict[str, str] = {}
    for en in sorted(folder.glob("en-meantime-*.txt")):
        x = en.name.removeprefix("en-meantime-").removesuffix(".txt")
        nl = en.with_name(f"nl-meantime-{x}.txt")
        if not nl.is_file():
            continue
        en_lines, nl_lines = _lines(en), _lines(nl)
        aligned = len(en_lines) == len(nl_lines)
        for lang, path, lines in (("en", en, en_lines), ("nl", nl, nl_lines)):
            published = _published(path)
            for i, text in enumerate(lines):
                if len(text.split()) < MIN_WORDS or (aligned and len(en_lines[i].split()) < MIN_WORDS):
                    continue
                times = tuple(find_times(text, language=lang, published=published))
                quantities = tuple(find_quantities(text, language=lang, times=times))
                item = ClaimItem(
                    id=f"{lang}:{x}:{i}",
                    article=path.stem,
                    language=lang,
                    text=text,
                    quantities=quantities,
                    times=times,
                    published=published,
                    outlet="Wikinews",
                    article_hash=path.stem,
                )
                items.append(item)
                if lang == "nl" and aligned:
                    gold[item.id] = f"en:{x}:{i}"
    return items, gold


def measure(items: list[ClaimItem], gold: dict[str, str], threshold: float, embedder: _Fixed) -> dict[str, float]:
    clusters = cluster_claims(items, threshold=threshold, embedder=embedder)
    where = {m: c.id for c in clusters for m in c.members}
    recall = sum(where[nl] == where[en] for nl, en in gold.items()) / len(gold)
    multi = [c for c in clusters if len(c.members) >= 2]
    mixed = [c for c in multi if len({m.split(":")[1] for m in c.members}) > 1]
    return {
        "threshold": threshold,
        "recall": recall,
        "mixed": len(mixed) / len(multi) if multi else 0.0,
        "mixed_all": len(mixed) / len(clusters),
        "clusters": len(clusters),
        "multi": len(multi),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEV, help="the development set folder")
    parser.add_argument(
        "--thresholds",
        default="0.40,0.45,0.50,0.55,0.60,0.65,0.70,0.75,0.80",
        help="comma-separated thresholds to sweep",
    )
    args = parser.parse_args(argv)
    items, gold = load_items(args.folder)
    if not gold:
        print(f"{args.folder}: no sentence-aligned en-meantime-X / nl-meantime-X pairs found", file=sys.stderr)
        return 1
    started = time.perf_counter()
    texts = sorted({it.text for it in items})
    vectors = dict(zip(texts, embed(texts), strict=True))
    seconds = time.perf_counter() - started
    pairs = len({it.id.split(":")[1] for it in items})
    print(f"{pairs} pairs, {len(items)} sentences, {len(gold)} aligned Dutch sentences scored")
    print(f"embedded {len(texts)} sentences in {seconds:.1f} s ({len(texts) / seconds:.0f}/s)")
    print(f"{'threshold':>9}  {'recall':>6}  {'mixed':>6}  {'mixed_all':>9}  {'clusters':>8}  {'multi':>5}")
    for threshold in (float(t) for t in args.thresholds.split(",")):
        r = measure(items, gold, threshold, _Fixed(vectors))
        ok = "  <- meets >=80% / <10%" if r["recall"] >= 0.8 and r["mixed"] < 0.1 else ""
        print(
            f"{r['threshold']:>9.2f}  {r['recall']:>6.1%}  {r['mixed']:>6.1%}  {r['mixed_all']:>9.1%}"
            f"  {r['clusters']:>8}  {r['multi']:>5}{ok}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
