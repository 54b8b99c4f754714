"""How clustering a new batch scales with the size of the store.

    PYTHONPATH=src python benchmarks/cluster_scale.py [--sizes 0,10000,100000] [--postgres URL]

A new store gets the development set (../shared/eval/dev, analysed and
clustered as `sayso ingest` does), then N stand-in clusters: random unit
centroids of 512 dimensions (near-orthogonal to any real claim, so they are
never candidates, as the far clusters of a large archive are not). Then the
seven articles of tests/data/gold are added as one batch and clustered;
printed: the seconds that clustering took and how many claims it clustered,
per N. What grows with N is reading the centroids and comparing the new claims
with them; what does not is the neighbourhood read for the candidates.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from sayso.clusters import default_embedder  # noqa: E402
from sayso.ingest import iter_articles  # noqa: E402
from sayso.options import Options  # noqa: E402
from sayso.pipeline import analyze  # noqa: E402
from sayso.records import Analysis, Article  # noqa: E402
from sayso.store import open_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
NEW = ROOT / "tests" / "data" / "gold"
DIM = 512


def _analyses(folder: Path) -> list[Analysis]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        gold = path.with_name(path.name.removesuffix(".txt") + ".gold.json")
        doc = json.loads(gold.read_text(encoding="utf-8")).get("document", {}) if gold.is_file() else {}
        options = Options(language=doc.get("language"))
        for item in iter_articles([str(path)], options=options):
            if isinstance(item, Article):
                out.append(analyze(item, options=options))
    return out


def _stand_ins(store, n: int, seed: int = 7) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    db = store._db
    for start in range(0, n, 5000):
        vectors = rng.standard_normal((min(5000, n - start), DIM)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        rows = [(f"s{uuid.uuid4().hex[:12]}", now, now, "stand-in", v.astype("<f4").tobytes()) for v in vectors]
        with db.transaction():
            db.execute_many(
                "INSERT INTO clusters (key, created_at, updated_at, method, centroid, centroid_f32) "
                "VALUES (?, ?, ?, ?, '[]', ?)",
                rows,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,10000,100000", help="stand-in clusters to add, comma-separated")
    args = parser.parse_args()
    if not DEV.is_dir():
        print(f"benchmark: no development set at {DEV}", file=sys.stderr)
        return 2
    old, new = _analyses(DEV), _analyses(NEW)
    default_embedder().encode(["warm up"])
    print(f"{'stand-ins':>10} {'clusters':>9} {'claims':>7} {'cluster s':>10}")
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="sayso-scale-") as tmp, open_store(str(Path(tmp) / "s.db")) as store:
            for a in old:
                store.add(a, cluster=False)
            store.cluster()
            _stand_ins(store, n)
            for a in new:
                store.add(a, cluster=False)
            start = time.perf_counter()
            clustered = store.cluster()
            seconds = time.perf_counter() - start
            total = store._db.execute("SELECT COUNT(*) FROM clusters")[0][0]
            print(f"{n:>10} {total:>9} {clustered:>7} {seconds:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
