"""Archives at scale: ingest speed with 1 and 2 worker processes and on a Dask LocalCluster, memory per
worker, clustering time per batch with many stored clusters with and without the centroid index, and whether
the index changes any cluster.

    python benchmarks/scale.py [--folder DIR] [--runs 1,fork,spawn,dask] [--repeat N]
                               [--sizes 10000,100000,1000000] [--skip throughput,clusters,agreement]

throughput  The articles of FOLDER (default: the development set, ../shared/eval/dev, read in place;
            ../shared/eval holds it with the news and story articles, 190 in all) are ingested into a new
            SQLite store, each run in a fresh interpreter (no model loaded before it starts; sayso, spaCy and
            numpy are imported, about 1 s that `sayso ingest` spends before it too, but outside the clock), as
            `sayso ingest` does: --workers 1; 2 workers forked from the writing process once it has loaded the
            models (the default on Linux); 2 spawned workers (fresh interpreters that load the models
            themselves); a Dask LocalCluster of 2 single-threaded processes (`--runs` chooses, `--repeat N`
            runs them all N times in turn). With one worker the models the forked workers inherit (both
            languages' pipelines, the sentence encoder) are loaded before the first article too.
            Printed: the load average before the run; the cores the machine's other processes kept busy
            during it (others: the CPU seconds the machine spent beyond this run's, per second);
            articles/s from the start (model loading and worker start-up included) to the last article
            written; the same over the second half of the articles (steady: the rate once everything is
            loaded and every worker busy; what the early worker made during the loading is written at
            once, so the first half would flatter the forked workers); the seconds to the first article
            written (start s); the clustering of the batch (its sentences encoded on the workers); the
            whole ingest (articles/s: analysis, writes and clustering); per worker process its peak RSS
            (which counts the pages it shares with the others in full), the largest PSS (its share of
            each page) and USS (the pages only it has) seen, looked at every half second; the CPU seconds
            of the writing process, of each worker seen and of all worker processes (the early one too)
            until the batch was clustered (on a shared machine the work done, where the wall clock also
            shows what others ran); whether all the stores hold the same rows; and each run against the
            one-worker run of its round, with the median over the rounds.
clusters    The development set analysed and clustered, then N stand-in
            clusters (random unit centroids), then the seven articles of tests/data/gold as one batch;
            the seconds `Store.cluster()` takes for that batch, comparing every centroid and with the index
            (its one-off build from the store timed apart), and whether both give the same clusters.
agreement   The development set clustered in batches of 10 articles (each batch a clustering run over the
            clusters of the batches before), once comparing every centroid and once through the index from
            the first cluster on: the same clusters or not.

The machine may be shared: timings are wall-clock seconds of whatever cores the processes got.
"""

from __future__ import annotations

import os
import resource

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

from sayso.batch import Workers, cluster_batch, ingest_each, open_workers  # noqa: E402
from sayso.batch.workers import preload  # noqa: E402
from sayso.clusters import default_embedder  # noqa: E402
from sayso.ingest import iter_articles  # noqa: E402
from sayso.options import Options  # noqa: E402
from sayso.pipeline import analyze  # noqa: E402
from sayso.records import Analysis, Article  # noqa: E402
from sayso.store import _dialect, open_store  # noqa: E402
from sayso.store._nearest import NearestClusters, index_place  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
NEW = ROOT / "tests" / "data" / "gold"
DIM = 512
EXACT = 10**12  # index_from: never the index


# throughput


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Dask's workers are children of its nannies)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], list(children.get(pid, []))
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _memory_mb(pid: int) -> tuple[float, float, float]:
    """(peak RSS, PSS, USS) of a process in MB: RSS counts every page it maps, shared or not; PSS its share of
    each page (a page shared by three processes counts a third); USS only the pages no other process has."""
    peak = pss = uss = 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name == "Pss":
                pss = int(rest.split()[0]) / 1024
            elif name in ("Private_Clean", "Private_Dirty"):
                uss += int(rest.split()[0]) / 1024
    except OSError:
        pass
    return peak, pss, uss


def _cpu_s(pid: int) -> float:
    """CPU seconds (user and system) a process has used."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _Watch:
    """The processes below this one that loaded a model (peak RSS over 150 MB: not Dask's nannies), looked at
    now and then: each one's largest PSS and USS seen, and its CPU seconds when last seen."""

    EVERY = 0.5  # seconds between looks: reading /proc costs the writing process time too

    def __init__(self) -> None:
        self.seen: dict[int, dict[str, float]] = {}
        self._last = 0.0

    def look(self, now: bool = False) -> None:
        if not now and time.perf_counter() - self._last < self.EVERY:
            return
        self._last = time.perf_counter()
        for pid in _descendants(os.getpid()):
            peak, pss, uss = _memory_mb(pid)
            if peak <= 150:
                continue
            was = self.seen.setdefault(pid, {"pss": 0.0, "uss": 0.0})
            was.update(peak=peak, pss=max(was["pss"], pss), uss=max(was["uss"], uss), cpu=_cpu_s(pid))


def _timeless(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row without its timestamps (when it was written differs from run to run)."""
    return tuple(v for v in row if not (isinstance(v, str) and len(v) > 18 and v[4] == "-" and v[10] == "T"))


def _rows(db: str) -> dict[str, list[tuple[Any, ...]]]:
    conn = _dialect.connect(db, create=False)
    try:
        tables = sorted(conn.tables() - {"migrations"})
        return {t: sorted((_timeless(r) for r in conn.execute(f"SELECT * FROM {t}")), key=repr) for t in tables}
    finally:
        conn.close()


def _ingest(folder: str, db: str, workers: int, how: str) -> dict[str, Any]:
    """One run, in a fresh interpreter (``--run``): nothing is loaded before it starts."""
    options = Options()
    watch = _Watch()
    with open_store(db) as store:
        cpu = _cpu_s(os.getpid())
        start = time.perf_counter()
        first = None
        count = 0
        times: list[float] = []  # when each article was written
        if how == "dask":
            running: Any = open_workers(workers, "local")
        else:
            running = Workers(workers, start=None if how == "1" else how)
            if workers == 1:  # what forked workers have loaded before their first article, so that the
                preload(options, encoder=True)  # steady rate leaves model loading out in every run
        with running:
            for _ in ingest_each(store, iter_articles([folder], options=options), options=options, running=running):
                count += 1
                times.append(time.perf_counter())
                first = first or times[-1]
                watch.look()
            end = time.perf_counter()
            watch.look(now=True)
            cluster_batch(store, running)
            watch.look(now=True)
            started = getattr(running, "started", None)
        clustering = time.perf_counter() - end
        cpu = _cpu_s(os.getpid()) - cpu
        mine = _memory_mb(os.getpid())
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # every worker process, ended and waited for
    assert first is not None
    found = list(watch.seen.values())
    return {
        "articles": count,
        "started": started,
        "rate": count / (end - start),
        "steady": (count - count // 2) / max(end - times[count // 2 - 1], 1e-9) if count > 1 else 0.0,
        "start_s": first - start,
        "cluster_s": clustering,
        "ingest": count / (end - start + clustering),
        "peak_mb": [round(w["peak"]) for w in found] or [round(mine[0])],
        "pss_mb": [round(w["pss"]) for w in found] or [round(mine[1])],
        "uss_mb": [round(w["uss"]) for w in found] or [round(mine[2])],
        "cpu_s": [round(cpu, 1)] + [round(w["cpu"], 1) for w in found],  # this process, then each worker
        "workers_cpu_s": round(children.ru_utime + children.ru_stime, 1),  # the early worker's included
    }


def _busy_s() -> float:
    """CPU seconds all the machine's cores have been busy since it started (``/proc/stat``)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _, _, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _children_s() -> float:
    """CPU seconds of this process's children that have ended (each run, with its workers)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


RUNS = {  # name: (label, workers, how)
    "1": ("1 worker", 1, "1"),
    "fork": ("2 workers, fork", 2, "fork"),
    "spawn": ("2 workers, spawn", 2, "spawn"),
    "dask": ("Dask LocalCluster, 2", 2, "dask"),
}


def throughput(folder: str, runs: list[str], repeat: int) -> None:
    if "dask" in runs:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("(no dask[distributed]: the Dask run is left out)")
            runs = [r for r in runs if r != "dask"]
    tmp = tempfile.mkdtemp(prefix="sayso-scale-")
    print(
        f"{'run':<22} {'load':>5} {'others':>6} {'articles':>8} {'art/s':>6} {'steady':>7} {'start s':>8} "
        f"{'cluster s':>9} {'ingest':>7}  peak RSS MB; PSS MB; USS MB (each worker)  "
        "CPU s (writer; each worker, all workers)"
    )
    stores = []
    rounds: dict[str, list[dict[str, Any]]] = {}  # run name -> its result in each round
    for turn in range(repeat):
        for name in runs:
            label, workers, how = RUNS[name]
            db = str(Path(tmp) / f"{name}-{turn}.db")
            load = os.getloadavg()[0]
            command = [sys.executable, __file__, "--folder", folder, "--run", f"{workers}:{how}:{db}"]
            busy, ours, wall = _busy_s(), _children_s(), time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            others = (_busy_s() - busy - (_children_s() - ours)) / (time.perf_counter() - wall)
            if done.returncode:
                print(f"{label}: failed\n{done.stderr[-2000:]}")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            rounds.setdefault(name, []).append(r)
            stores.append(_rows(db))
            print(
                f"{label:<22} {load:>5.2f} {others:>6.2f} {r['articles']:>8} {r['rate']:>6.1f} {r['steady']:>7.1f} "
                f"{r['start_s']:>8.1f} {r['cluster_s']:>9.1f} {r['ingest']:>7.1f}  "
                f"{r['peak_mb']}; {r['pss_mb']}; {r['uss_mb']}  {r['cpu_s'][0]}; {r['cpu_s'][1:]}, "
                f"{r['workers_cpu_s']} in all",
                flush=True,
            )
    same = all(s == stores[0] for s in stores)
    print("the stores hold the same rows" if same else "THE STORES DIFFER")
    _speed_ups(rounds)
    shutil.rmtree(tmp, ignore_errors=True)


def _speed_ups(rounds: dict[str, list[dict[str, Any]]]) -> None:
    """Each run against the one-worker run of the same round, and the median over the rounds: on a shared
    machine the same work costs more CPU time at some minutes than at others, so one round says little."""
    ones = rounds.get("1", [])
    for name, results in rounds.items():
        if name == "1" or not ones:
            continue
        for measure, label in (("ingest", "whole ingest"), ("rate", "analysis and writing")):
            ratios = [r[measure] / one[measure] for r, one in zip(results, ones, strict=False)]
            listed = ", ".join(f"{x:.2f}x" for x in ratios)
            print(f"{RUNS[name][0]} against 1 worker, {label}: {listed} (median {float(np.median(ratios)):.2f}x)")


# clustering with many stored clusters


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


def _stand_ins(store: Any, n: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    db = store._db
    for start in range(0, n, 5000):
        vectors = rng.standard_normal((min(5000, n - start), DIM)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        rows = [(f"s{start + k}", "stand-in", v.astype("<f4").tobytes()) for k, v in enumerate(vectors)]
        with db.transaction():
            db.execute_many(
                "INSERT INTO clusters (key, created_at, updated_at, method, centroid, centroid_f32) "
                "VALUES (?, 'now', 'now', ?, '[]', ?)",
                rows,
            )


def _members(db: str) -> set[frozenset[int]]:
    conn = _dialect.connect(db, create=False)
    try:
        groups: dict[int, set[int]] = {}
        for cluster, claim in conn.execute("SELECT cluster_id, claim_id FROM cluster_members"):
            groups.setdefault(int(cluster), set()).add(int(claim))
        return {frozenset(g) for g in groups.values()}
    finally:
        conn.close()


def _timed_cluster(db: str, index_from: int) -> tuple[float, float]:
    """Seconds to build the index (0 without it), then to cluster the batch."""
    with open_store(db) as store:
        store._nearest = NearestClusters(index_place(db, "sqlite"), index_from=index_from)
        start = time.perf_counter()
        if index_from != EXACT:
            store._nearest.candidates(store._db, np.ones((1, DIM), dtype=np.float32) / DIM**0.5)  # the build
        built = time.perf_counter() - start
        start = time.perf_counter()
        store.cluster()
        return built, time.perf_counter() - start


def clusters(sizes: list[int]) -> None:
    old, new = _analyses(DEV), _analyses(NEW)
    default_embedder().encode(["warm up"])
    print(f"{'stored':>9} {'exact s':>8} {'index s':>8} {'build s':>8}  same clusters")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="sayso-scale-") as tmp:
            a, b = str(Path(tmp) / "exact.db"), str(Path(tmp) / "index.db")
            with open_store(a) as store:
                for x in old:
                    store.add(x, cluster=False)
                store.cluster()
                _stand_ins(store, n)
                for x in new:
                    store.add(x, cluster=False)
                total = store._db.execute("SELECT COUNT(*) FROM clusters")[0][0]
            shutil.copy(a, b)
            _, exact = _timed_cluster(a, EXACT)
            built, indexed = _timed_cluster(b, 0)
            same = _members(a) == _members(b)
            print(f"{total:>9} {exact:>8.2f} {indexed:>8.2f} {built:>8.1f}  {'yes' if same else 'NO'}", flush=True)


def agreement(batch: int = 10) -> None:
    analyses = _analyses(DEV)
    default_embedder().encode(["warm up"])
    found = []
    with tempfile.TemporaryDirectory(prefix="sayso-scale-") as tmp:
        for name, index_from in (("exact", EXACT), ("index", 0)):
            db = str(Path(tmp) / f"{name}.db")
            with open_store(db) as store:
                store._nearest = NearestClusters(index_place(db, "sqlite"), index_from=index_from)
                for start in range(0, len(analyses), batch):
                    for x in analyses[start : start + batch]:
                        store.add(x, cluster=False)
                    store.cluster()
            found.append(_members(db))
    same = found[0] == found[1]
    print(
        f"development set, {len(analyses)} articles in batches of {batch}: {len(found[0])} clusters; "
        + ("the index gives the same clusters" if same else f"{len(found[0] ^ found[1])} clusters differ")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(DEV), help="articles for the throughput runs")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="stand-in clusters, comma-separated")
    parser.add_argument("--skip", default="", help="parts to leave out: throughput, clusters, agreement")
    parser.add_argument("--runs", default="1,fork,spawn,dask", help="throughput runs: " + ", ".join(RUNS))
    parser.add_argument("--repeat", type=int, default=1, help="throughput: each run this many times, in turn")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # WORKERS:HOW:DB, one throughput run (a subprocess)
    args = parser.parse_args()
    if args.run:
        workers, how, db = args.run.split(":", 2)
        print(json.dumps(_ingest(args.folder, db, int(workers), how)))
        return 0
    if not DEV.is_dir():
        print(f"benchmark: no development set at {DEV}", file=sys.stderr)
        return 2
    parts: dict[str, Callable[[], None]] = {
        "throughput": lambda: throughput(args.folder, args.runs.split(","), args.repeat),
        "agreement": agreement,
        "clusters": lambda: clusters([int(x) for x in args.sizes.split(",")]),
    }
    for name, run in parts.items():
        if name not in args.skip.split(","):
            print(f"\n== {name}", flush=True)
            run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
