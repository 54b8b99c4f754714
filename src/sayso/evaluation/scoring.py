"""Precision, recall and F1 of an analysis against gold annotations.

Same definitions as the project's reference scorer (``shared/eval/score.py``),
written here from its documentation; ``tests/test_evaluation.py`` checks that
both give the same numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

WORD = re.compile(r"\w+")
LAYERS = ("attributions", "quantities", "times", "entities")
MEASURES = (
    "attribution",
    "attribution_found",
    "content_tokens",
    "cue",
    "quantity",
    "time_span",
    "time_value",
    "entity_names",
    "entity_canonical",
)
Item = Mapping[str, Any]


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _span(x: object) -> tuple[int, int] | None:
    if isinstance(x, Mapping) and isinstance(x.get("start"), int) and isinstance(x.get("end"), int):
        return x["start"], x["end"]
    return None


def _words(text: str, spans: Iterable[object] | None) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for s in spans or ():
        rng = _span(s)
        if rng:
            out.update((m.start(), m.end()) for m in WORD.finditer(text, *rng))
    return out


def _meet(a: object, b: object) -> bool:
    x, y = _span(a), _span(b)
    return bool(x and y and x[0] < y[1] and y[0] < x[1])


def fold(name: object) -> str:
    if not isinstance(name, str):
        return ""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(WORD.findall(plain.lower()))


def same_name(a: object, b: object) -> bool:
    """Equal after folding, or the shorter is the tail of the longer (`Breuker`, `Remco Breuker`)."""
    x, y = fold(a).split(), fold(b).split()
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    return long_[len(long_) - len(short) :] == short


def _dice(a: set[Any], b: set[Any]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _pairs(n: int, m: int, score: Callable[[int, int], float]) -> list[tuple[int, int, float]]:
    """Gold-system pairs, best first, each item used once."""
    ranked = sorted(((score(i, j), i, j) for i in range(n) for j in range(m)), reverse=True)
    used_i: set[int] = set()
    used_j: set[int] = set()
    out = []
    for v, i, j in ranked:
        if v <= 0:
            break
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j, v))
    return out


def _iou(g: Item, s: Item) -> float:
    if not _meet(g, s):
        return 0.0
    inter = min(g["end"], s["end"]) - max(g["start"], s["start"])
    union = max(g["end"], s["end"]) - min(g["start"], s["start"])
    return inter / union if union else 1.0


def _close(g: Item, s: Item, key: str) -> bool:
    if g.get(key) is None:
        return True
    try:
        return abs(float(g[key]) - float(s[key])) <= 1e-6 * max(1.0, abs(float(g[key])))
    except (TypeError, ValueError, KeyError):
        return False


def _speaker_ok(g: Item, s: Item) -> bool:
    if not g.get("source") and not g.get("source_entity"):
        return not s.get("source") and not s.get("speaker")
    if _meet(g.get("source"), s.get("source")):
        return True
    gold_names = [g.get("source_entity"), (g.get("source") or {}).get("text")]
    return any(same_name(name, s.get("speaker")) for name in gold_names)


def _attributions(text: str, gold: Item, system: Item, c: dict[str, Count]) -> None:
    ga = list(gold.get("attributions", []))
    sa = [a for a in system.get("attributions") or [] if isinstance(a, Mapping)]
    gw = [_words(text, a.get("content")) for a in ga]
    sw = [_words(text, a.get("content")) for a in sa]

    def similar(i: int, j: int) -> float:
        if gw[i]:
            return _dice(gw[i], sw[j])
        return 1.0 if _meet(ga[i].get("cue"), sa[j].get("cue")) else 0.0

    found = [(i, j) for i, j, v in _pairs(len(ga), len(sa), similar) if v >= 0.5]
    right = sum(_speaker_ok(ga[i], sa[j]) for i, j in found)
    c["attribution_found"].add(len(found), len(sa) - len(found), len(ga) - len(found))
    c["attribution"].add(right, len(sa) - right, len(ga) - right)
    g_all, s_all = set().union(*gw), set().union(*sw)
    c["content_tokens"].add(len(g_all & s_all), len(s_all - g_all), len(g_all - s_all))
    g_cues = {_span(a.get("cue")) for a in ga} - {None}
    s_cues = {_span(a.get("cue")) for a in sa} - {None}
    c["cue"].add(len(g_cues & s_cues), len(s_cues - g_cues), len(g_cues - s_cues))


def _quantities(gold: Item, system: Item, c: dict[str, Count]) -> None:
    gq, sq = gold.get("quantities", []), [q for q in system.get("quantities") or [] if _span(q)]
    pairs = _pairs(len(gq), len(sq), lambda i, j: _iou(gq[i], sq[j]))
    ok = sum(all(_close(gq[i], sq[j], k) for k in ("value", "low", "high")) for i, j, _ in pairs)
    c["quantity"].add(ok, len(sq) - ok, len(gq) - ok)


def _times(gold: Item, system: Item, c: dict[str, Count]) -> None:
    gt, st = gold.get("times", []), [t for t in system.get("times") or [] if _span(t)]
    pairs = _pairs(len(gt), len(st), lambda i, j: _iou(gt[i], st[j]))
    ok = sum(str(gt[i].get("value")) == str(st[j].get("value")) for i, j, _ in pairs)
    c["time_span"].add(len(pairs), len(st) - len(pairs), len(gt) - len(pairs))
    c["time_value"].add(ok, len(st) - ok, len(gt) - ok)


def _entities(text: str, gold: Item, system: Item, c: dict[str, Count]) -> None:
    gold_forms = {e["text"]: e for e in gold.get("entities", [])}
    sys_forms: dict[str, Item] = {}
    for e in system.get("entities") or []:
        rng = _span(e)
        if rng:
            sys_forms.setdefault(text[rng[0] : rng[1]], e)
    both = gold_forms.keys() & sys_forms.keys()
    extra = len(sys_forms.keys() - gold_forms.keys())
    canon = sum(same_name(gold_forms[n].get("canonical"), sys_forms[n].get("canonical") or n) for n in both)
    c["entity_names"].add(len(both), extra, len(gold_forms) - len(both))
    c["entity_canonical"].add(canon, extra + len(both) - canon, len(gold_forms) - canon)


def score_document(text: str, gold: Item, system: Item, counts: dict[str, Count]) -> None:
    """Add one article's counts to ``counts`` (only the layers its gold file annotates)."""
    layers: Sequence[str] = gold.get("document", {}).get("layers") or LAYERS
    if "attributions" in layers:
        _attributions(text, gold, system, counts)
    if "quantities" in layers:
        _quantities(gold, system, counts)
    if "times" in layers:
        _times(gold, system, counts)
    if "entities" in layers:
        _entities(text, gold, system, counts)


def new_counts() -> dict[str, Count]:
    return {m: Count() for m in MEASURES}
