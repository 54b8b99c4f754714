"""Fit the pair model of ``sayso.clusters.pairs`` on stories with a known truth, and say how well it clusters.

    PYTHONPATH=src python benchmarks/calibrate_clusters.py [STORIES] [--work DIR] [--write]

STORIES (default ../shared/eval/stories, read, never copied) holds one folder a
story: ``articles.json``, the article texts and ``truth.json`` (which claims
state which proposition). Each story is ingested into its own SQLite store as
``sayso ingest`` does (kept in ``--work`` to be reused). A true claim is found
when a stored claim of its article overlaps its quote by token F1 >= 0.5 (as
``score_stories.py`` does). The labelled pairs are the found claims of two
different articles: the same proposition or not.

It prints, for thresholds 0.2-0.5, the pairwise precision, recall and F1 of
clustering each story with a model fitted on the *other* stories (leave one
story out: the figure to expect on stories not seen), then the model fitted on
all stories. ``--write`` stores that model, with the threshold of the best
left-out F1 (to two decimals; ties go to the higher threshold, which mixes
fewer stories), in ``src/sayso/clusters/pair_model.json``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections import Counter  # noqa: E402
from dataclasses import dataclass, replace  # noqa: E402
from itertools import combinations  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from sayso.clusters import (  # noqa: E402
    FEATURES,
    PairModel,
    across,
    claim_vectors,
    cluster_claims,
    default_embedder,
)
from sayso.clusters.pairs import WordVectors, claim_views, pair_features  # noqa: E402
from sayso.store import open_store  # noqa: E402
from sayso.store._cluster_read import _article_entities, claim_item  # noqa: E402

MODEL = Path(__file__).resolve().parent.parent / "src" / "sayso" / "clusters" / "pair_model.json"
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
_TOKEN = re.compile(r"\w+")


@dataclass
class Story:
    name: str
    items: list  # ClaimItem, one per stored claim
    found: list[tuple[str, str, str]]  # (proposition, article, claim id) of each found true claim
    contradictions: set  # frozensets of two propositions that contradict each other


def _tokens(text: str) -> Counter:
    return Counter(m.group().casefold() for m in _TOKEN.finditer(text))


def _f1(a: Counter, b: Counter) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(b.values()), common / sum(a.values())
    return 2 * p * r / (p + r)


def load_story(folder: Path, work: Path) -> Story:
    articles = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    texts = {a["id"]: (folder / f"{a['id']}.txt").read_text(encoding="utf-8").replace("\r\n", "\n") for a in articles}
    db = work / f"{folder.name}.db"
    if not db.exists():
        batch = work / f"{folder.name}.jsonl"
        with batch.open("w", encoding="utf-8") as f:
            for a in articles:
                row = {k: a.get(k) for k in ("id", "language", "outlet", "published", "title")}
                f.write(json.dumps({**row, "text": texts[a["id"]]}, ensure_ascii=False) + "\n")
        sayso = [sys.executable, "-m", "sayso", "ingest", str(batch), "--db", str(db)]
        done = subprocess.run(sayso, capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{folder.name}: ingest failed: {done.stderr[-500:]}")
    with open_store(str(db), create=False) as store:
        claims = store.claims()
        entities = _article_entities(store._db, sorted({c.article.id for c in claims}))
    items = [claim_item(c, entities.get(c.article.id, ())) for c in claims]
    spans = {str(c.id): (c.article.id, c.content[0].start, c.content[-1].end) for c in claims if c.content}
    found = []
    for p in truth["propositions"]:
        for claim in p["claims"]:
            text = texts[claim["article"]]
            gold = _tokens(claim["quote"])
            best, best_id = 0.0, None
            for cid, (article, start, end) in spans.items():
                if article == claim["article"]:
                    score = _f1(gold, _tokens(text[start:end]))
                    if score > best:
                        best, best_id = score, cid
            if best >= 0.5:
                found.append((p["id"], claim["article"], best_id))
    pairs = {frozenset((c["a"], c["b"])) for c in truth.get("contradictions", [])}
    return Story(folder.name, items, found, pairs)


def labelled(story: Story, words: WordVectors) -> tuple[np.ndarray, np.ndarray]:
    by_id = {it.id: it for it in story.items}
    ids = sorted({cid for _, _, cid in story.found})
    vectors = claim_vectors([by_id[i] for i in ids])
    views = dict(zip(ids, claim_views([by_id[i] for i in ids], vectors.text, vectors.context, words), strict=True))
    rows, labels = [], []
    for (pa, aa, ca), (pb, ab, cb) in combinations(story.found, 2):
        if aa != ab and ca != cb:
            rows.append(pair_features(views[ca], views[cb]))
            labels.append(pa == pb)
    return np.array(rows), np.array(labels, dtype=float)


WITHOUT: set[int] = set()  # features left out (weight 0), from --without


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-3, steps: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method, a small L2 penalty on the weights (not the bias)."""
    x = x.copy()
    x[:, sorted(WITHOUT)] = 0.0
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = l2 * np.eye(len(w)) + np.diag([1e6 * (k in WITHOUT) for k in range(len(w))])
    penalty[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        gradient = xb.T @ (p - y) / len(y) + penalty @ w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb / len(y) + penalty + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return w[:-1], float(w[-1])


def pairwise(story: Story, model: PairModel, words: WordVectors) -> Counter:
    clusters = cluster_claims(story.items, model=model, words=words)
    cluster_of = {m: c.id for c in clusters for m in c.members}
    t: Counter = _contradictions(story, clusters)
    for (pa, aa, ca), (pb, ab, cb) in combinations(story.found, 2):
        if aa == ab:
            continue
        same_p, same_k = pa == pb, cluster_of[ca] == cluster_of[cb]
        t["tp"] += same_p and same_k
        t["fp"] += same_k and not same_p
        t["fn"] += same_p and not same_k
    return t


def _contradictions(story: Story, clusters: list) -> Counter:
    """True contradictions (pairs of propositions) found, and false alarms, as score_stories.py counts them
    (an alarm between claims of other propositions, or of one, is false; each is listed by both clusters)."""
    prop_of = {cid: p for p, _, cid in story.found}
    flagged, t = set(), Counter()
    listed = [(x, 1) for c in clusters for x in c.contradictions] + [(x, 2) for c in clusters for x in c.across]
    for x, times in listed:
        pa, pb = prop_of.get(x.a), prop_of.get(x.b)
        if pa is None or pb is None:
            continue
        kind = x.reason.split(":")[0]
        if frozenset((pa, pb)) in story.contradictions:
            flagged.add(frozenset((pa, pb)))
        else:
            t[f"false {kind}"] += times
    t["contradictions found"] += len(flagged)
    return t


def prf(t: Counter) -> tuple[float, float, float]:
    p = t["tp"] / max(1, t["tp"] + t["fp"])
    r = t["tp"] / max(1, t["tp"] + t["fn"])
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def levels(stories: list[Story], threshold: float, data: dict, words: WordVectors, gold: int) -> None:
    """Contradictions across clusters at each level of ``sayso.clusters.across`` (left-out models)."""
    print("level  denials found / false   numbers found / false   (across clusters, left-out models)")
    models = {}
    for s in stories:
        x = np.vstack([data[o.name][0] for o in stories if o is not s])
        y = np.concatenate([data[o.name][1] for o in stories if o is not s])
        w, b = fit(x, y)
        models[s.name] = PairModel(tuple(w), b, threshold)
    saved = across.DENIAL_LEVEL, across.NUMBER_LEVEL
    for level in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        row = []
        for kind in ("denial", "quantity"):
            across.DENIAL_LEVEL, across.NUMBER_LEVEL = (level, 2.0) if kind == "denial" else (2.0, level)
            t: Counter = Counter()
            for s in stories:
                clusters = cluster_claims(s.items, model=models[s.name], words=words)
                t += _contradictions(s, [replace(c, contradictions=()) for c in clusters])
            row.append(f"{t['contradictions found']:>3} / {t[f'false {kind}']:<4}")
        print(f"{level:<5}  {row[0]:<22}  {row[1]}")
    across.DENIAL_LEVEL, across.NUMBER_LEVEL = saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stories", nargs="?", default=str(Path("..") / "shared" / "eval" / "stories"))
    ap.add_argument("--work", help="folder for the stores (kept and reused); default a temporary one")
    ap.add_argument("--write", action="store_true", help="write the model fitted on all stories")
    ap.add_argument("--without", action="append", default=[], choices=FEATURES, help="fit without this feature")
    args = ap.parse_args()
    WITHOUT.update(FEATURES.index(f) for f in args.without)
    folders = sorted(p.parent for p in Path(args.stories).glob("*/truth.json"))
    if not folders:
        raise SystemExit(f"no stories (folders with truth.json) under {args.stories}")
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="sayso-calibrate-"))
    work.mkdir(parents=True, exist_ok=True)
    stories = [load_story(f, work) for f in folders]
    words = WordVectors(default_embedder())
    data = {s.name: labelled(s, words) for s in stories}
    print(
        f"{len(stories)} stories, {sum(len(y) for _, y in data.values())} labelled pairs "
        f"({int(sum(y.sum() for _, y in data.values()))} of one proposition)"
    )
    left_out = {t: Counter() for t in THRESHOLDS}
    for s in stories:
        x = np.vstack([data[o.name][0] for o in stories if o is not s])
        y = np.concatenate([data[o.name][1] for o in stories if o is not s])
        w, b = fit(x, y)
        for t in THRESHOLDS:
            left_out[t] += pairwise(s, PairModel(tuple(w), b, t), words)
    gold = sum(len(s.contradictions) for s in stories)
    print("threshold  P      R      F1     (each story clustered by a model fitted on the others)  contradictions")
    best = max(THRESHOLDS, key=lambda t: (round(prf(left_out[t])[2], 2), t))  # ties: the higher, fewer mixed
    for t in THRESHOLDS:
        p, r, f = prf(left_out[t])
        c = left_out[t]
        print(
            f"{t:<9}  {p:.3f}  {r:.3f}  {f:.3f}"
            + ("  <- best" if t == best else "        ")
            + f"  found {c['contradictions found']}/{gold}, false: denial {c['false denial']}, "
            f"quantity {c['false quantity']}, certainty {c['false certainty']}"
        )
    levels(stories, best, data, words, gold)
    w, b = fit(np.vstack([x for x, _ in data.values()]), np.concatenate([y for _, y in data.values()]))
    print(
        "fitted on all stories:", ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w, strict=True)), f"bias {b:+.2f}"
    )
    if args.write:
        model = {
            "_about": "Logistic pair model of sayso.clusters.pairs; written by benchmarks/calibrate_clusters.py "
            f"on {len(stories)} stories; threshold: the best left-out pairwise F1 ({prf(left_out[best])[2]:.3f}).",
            "features": list(FEATURES),
            "weights": [round(float(v), 4) for v in w],
            "bias": round(b, 4),
            "threshold": best,
        }
        MODEL.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
