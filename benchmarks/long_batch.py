"""A long batch clustered on its way: `sayso ingest --cluster-every N` on a stand-in archive, wall time, the
largest process's memory, how many clustering runs, and the store's size.

    python benchmarks/long_batch.py [--folder DIR] [--copies 6] [--every 2000,0] [--workers 2]

The stand-in archive is the articles of FOLDER (default ../shared/eval: 190 published articles, read in place)
COPIES times over, each copy after the first with a line `Archive copy N.` added so that its text is new to the
store; written to a temporary JSONL file, never into the repository. It measures cost, never accuracy: every
claim has COPIES - 1 near-identical twins, so a clustering run's neighbourhood grows with the store far more
than a real archive's would. Each `--every` value is one run of the command into a new SQLite store, its
stderr kept; memory is the largest resident set of any process of the run (the writing process, which
clusters, in practice). docs/scale.md, "Clustering a long batch", has the results.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sayso.ingest import iter_articles
from sayso.options import Options
from sayso.records import Article

ROOT = Path(__file__).resolve().parents[1]
SAYSO = Path(sys.executable).with_name("sayso")


def archive(folder: Path, copies: int, into: Path) -> int:
    """Write the stand-in archive as JSONL; return how many articles it holds."""
    articles = [a for a in iter_articles([folder], options=Options()) if isinstance(a, Article)]
    with into.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for a in articles:
                line = {"id": a.id if copy == 0 else f"{a.id}-copy{copy}"}
                line["text"] = a.text if copy == 0 else f"{a.text}\n\nArchive copy {copy}."
                line.update({k: v for k in ("title", "url", "outlet", "language") if (v := getattr(a, k))})
                if a.published:
                    line["published"] = a.published.isoformat()
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(articles) * copies


def one(path: str, db: str, every: int, workers: int) -> dict[str, float]:
    """One run of the command, as a child of this process (``--one``): its wall time and largest memory."""
    command = [str(SAYSO), "ingest", path, "--db", db, "--workers", str(workers), "--cluster-every", str(every)]
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({run.returncode}): {run.stderr[-2000:]}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest descendant
    runs = sum(1 for line in run.stderr.splitlines() if "sayso: clustering" in line)
    return {"wall_s": wall, "peak_mb": peak_mb, "runs": runs, "store_mb": os.path.getsize(db) / 1e6}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(ROOT.parent / "shared" / "eval"), help="the articles copied")
    parser.add_argument("--copies", type=int, default=6, help="how many times each article is in the archive")
    parser.add_argument("--every", default="2000,0", help="--cluster-every values, one run each, comma-separated")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # PATH:DB:EVERY, one measured run (a subprocess)
    args = parser.parse_args()
    if args.one:
        path, db, every = args.one.rsplit(":", 2)
        print(json.dumps(one(path, db, int(every), args.workers)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.jsonl"
        count = archive(Path(args.folder), args.copies, path)
        print(f"stand-in archive: {count} articles ({args.copies} copies of {args.folder}), {args.workers} workers")
        print(f"{'--cluster-every':>16} {'runs':>5} {'wall s':>8} {'largest RSS MB':>15} {'store MB':>9}")
        for every in [int(x) for x in args.every.split(",")]:
            db = Path(tmp) / f"every-{every}.db"
            one_run = [sys.executable, __file__, "--workers", str(args.workers), "--one", f"{path}:{db}:{every}"]
            measured = subprocess.run(one_run, capture_output=True, text=True, check=False)
            if measured.returncode != 0:
                raise SystemExit(f"--cluster-every {every}: {measured.stderr[-3000:]}")
            found = json.loads(measured.stdout)
            print(
                f"{every:>16} {found['runs']:>5} {found['wall_s']:>8.1f} {found['peak_mb']:>15.0f} "
                f"{found['store_mb']:>9.0f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
