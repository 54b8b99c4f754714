"""Words per second on one core: the full sayso analysis against the bare spaCy pipeline.

    python benchmarks/throughput.py [--dev ../shared/eval/dev] [--limit N] [--repeat 2]

Reads the development articles (never copied into this repository), warms
both pipelines up, then times each over the same texts and prints both speeds
and their ratio, per language and overall.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from sayso.evaluation import gold_articles  # noqa: E402
from sayso.language import load_backbone  # noqa: E402
from sayso.pipeline import analyze  # noqa: E402

WORD = re.compile(r"\w+")


def _articles(dev: Path, limit: int | None):  # type: ignore[no-untyped-def]
    by_lang: dict[str, list] = {}
    for item in gold_articles(dev):
        by_lang.setdefault(item.article.language, []).append(item.article)
    return {lang: arts[:limit] if limit else arts for lang, arts in by_lang.items()}


def _best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"))
    parser.add_argument("--limit", type=int, default=None, help="articles per language")
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement; the fastest counts")
    args = parser.parse_args()
    dev = Path(args.dev)
    if not dev.is_dir():
        print(f"benchmark: no development set at {dev}; pass --dev", file=sys.stderr)
        return 2
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    total_words = total_full = total_bare = 0.0
    print(f"{'language':<9} {'articles':>8} {'words':>8} {'spaCy w/s':>10} {'sayso w/s':>10} {'ratio':>6}")
    for lang, arts in sorted(_articles(dev, args.limit).items()):
        nlp = load_backbone(lang)
        words = sum(len(WORD.findall(a.text)) for a in arts)
        analyze(arts[0])  # warm up: models and resources loaded once
        bare = _best_of(args.repeat, lambda: [nlp(a.text) for a in arts])  # noqa: B023
        full = _best_of(args.repeat, lambda: [analyze(a) for a in arts])  # noqa: B023
        total_words, total_full, total_bare = total_words + words, total_full + full, total_bare + bare
        print(f"{lang:<9} {len(arts):>8} {words:>8} {words / bare:>10.0f} {words / full:>10.0f} {bare / full:>6.2f}")
    print(
        f"{'all':<9} {'':>8} {total_words:>8.0f} {total_words / total_bare:>10.0f} {total_words / total_full:>10.0f} "
        f"{total_bare / total_full:>6.2f}"
    )
    print("ratio = sayso speed / bare spaCy speed (1.00 would mean sayso adds nothing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
