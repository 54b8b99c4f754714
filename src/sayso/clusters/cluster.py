"""The same proposition across articles and languages: clustering claims by a pair model.

Every pair of claims of two articles that could state one proposition (their
sentence vectors not far apart) gets a probability from the pair model
(``pairs.py``: the claims' words and sentences, their content words aligned one
by one, the same source, numbers that agree or clash, a negation on one side).
Claims then join by average linkage: two groups merge while the mean
probability over their pairs of claims of different articles stays at or above
the model's threshold, the most probable merge first. New claims may join a
stored cluster; two stored clusters are never merged here (the store clusters
the claims of the nearest ones again instead, ``store/_cluster.py``). Two claims of one
sentence stay apart, and so do a claim on a condition and one without
(``pairs.conditional``). Then each new claim may move once more, to the group it
fits best (``_Linkage.reassign``): greedy merges join a claim early to a group
that later merges make worse for it.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from sayso.clusters.across import contradiction, may_contradict, quantity_reason
from sayso.clusters.contradictions import find_contradictions
from sayso.clusters.credibility import propose_credibility
from sayso.clusters.embed import Embedder, embed_parts_later
from sayso.clusters.origins import StateOf, find_origins, same_story
from sayso.clusters.pairing import Spread, find_pairs
from sayso.clusters.pairs import (
    FEATURES,
    ClaimView,
    PairModel,
    WordVectors,
    claim_views,
    default_model,
    mixed,
    reported_clash,
)
from sayso.clusters.records import ClaimItem, Cluster, Contradiction
from sayso.errors import InputError

CONTEXT_WEIGHT = 0.7  # share of the context in the vector a cluster's centroid averages (candidate search)
CANDIDATE_FLOOR = 0.3  # cosine to a stored centroid under which a stored cluster is not a candidate (docs/clusters.md)
CANDIDATES_PER_CLAIM = 20  # at most this many stored clusters per new claim are candidates
# Pairs that never share a cluster: numbers that clash, one side negating the other. They state two
# propositions, whatever else they share; ``across`` then tells whether they contradict each other.
KEEP_APART = ("number_clash", "polarity")
# After average linkage, a new claim moves to the group it fits best when that beats its own by this margin
# (mean probability), in at most this many passes over the new claims.
REASSIGN_MARGIN = 0.1
REASSIGN_ROUNDS = 2


@dataclass(frozen=True, slots=True)
class ClaimVectors:
    """Unit rows of each claim's own words and of its context (the sentence(s) it was made in)."""

    text: np.ndarray
    context: np.ndarray

    def mixed(self, context_weight: float = CONTEXT_WEIGHT) -> np.ndarray:
        return mixed(self.text, self.context, context_weight)


def claim_vectors(items: Sequence[ClaimItem], *, embedder: Embedder | None = None) -> ClaimVectors:
    """The vectors clustering compares for each claim (each distinct string embedded once)."""
    return claim_vectors_later(items, embedder=embedder)()


def claim_vectors_later(items: Sequence[ClaimItem], *, embedder: Embedder | None = None) -> Callable[[], ClaimVectors]:
    """``claim_vectors``, begun now and taken when the returned function is called (``embed_later``)."""
    later = embed_parts_later([it.text for it in items], [it.context for it in items], embedder=embedder)
    return lambda: ClaimVectors(*later())


def candidates(
    vectors: np.ndarray,
    centroids: Mapping[str, Sequence[float] | np.ndarray],
    *,
    floor: float = CANDIDATE_FLOOR,
    per_claim: int = CANDIDATES_PER_CLAIM,
) -> set[str]:
    """Ids of the stored clusters (id -> centroid) that any of ``vectors`` (mixed rows) could join: for each
    vector the ``per_claim`` nearest centroids at cosine ``floor`` or more. Only their members are read."""
    return set().union(*candidates_each(vectors, centroids, floor=floor, per_claim=per_claim))


def candidates_each(
    vectors: np.ndarray,
    centroids: Mapping[str, Sequence[float] | np.ndarray],
    *,
    floor: float = CANDIDATE_FLOOR,
    per_claim: int = CANDIDATES_PER_CLAIM,
) -> list[set[str]]:
    """``candidates`` of each vector, one set a vector: the stored clusters that claim is compared with."""
    if not centroids or not len(vectors):
        return [set() for _ in range(len(vectors))]
    keys = list(centroids)
    means = np.asarray([centroids[k] for k in keys], dtype=np.float32)
    norms = np.linalg.norm(means, axis=1)
    cosines = np.asarray(vectors, dtype=np.float32) @ (means / np.where(norms == 0, 1.0, norms)[:, None]).T
    out: list[set[str]] = []
    for row in cosines:
        near = np.argsort(-row)[:per_claim]
        out.append({keys[k] for k in near if row[k] >= floor})
    return out


def cluster_claims(
    items: Sequence[ClaimItem],
    *,
    previous: Sequence[Cluster] = (),
    known: Iterable[ClaimItem] = (),
    model: PairModel | None = None,
    embedder: Embedder | None = None,
    texts: Mapping[str, str] | None = None,
    vectors: ClaimVectors | None = None,
    known_vectors: ClaimVectors | None = None,
    article_clusters: Mapping[str, Sequence[str]] | None = None,
    words: WordVectors | None = None,
    state_of: StateOf | None = None,
    spread: Spread | None = None,
    reach: Sequence[Collection[str]] | None = None,
    outside: Mapping[str, Sequence[Contradiction]] | None = None,
) -> list[Cluster]:
    """Cluster ``items``, adding them to ``previous`` clusters where they fit; return every cluster.

    ``known`` are the claims of the ``previous`` clusters (all of them: a
    cluster that gains members has its origins, repeats, contradictions and
    credibility recomputed, and new claims are compared with each member).
    ``previous`` may be only the ``candidates`` of the items. ``texts`` (article
    id -> full text) lets near-duplicate articles be found by their words as
    well as by ``article_hash``. ``vectors`` / ``known_vectors``: the
    ``claim_vectors`` of ``items`` / ``known`` when already computed.
    ``article_clusters``: for the articles of ``known`` claims, the cluster of
    every claim they have, so that articles telling one story (``same_story``)
    are found across batches. ``state_of``: which state a source's name speaks
    for (``origins.find_origins``). ``spread``: a ``map`` that runs on other processes (the workers of a
    batch), which then compute the pair features; the result is the same. ``reach``: for each item, the ids
    of the ``previous`` clusters it is compared with (``candidates_each``; None: every one): a claim is scored
    against the members of its own nearest clusters only, not against every cluster some other new claim is
    near, so a run's cost grows with its claims, not with the store they are near. ``outside``: item id -> the
    contradictions it has with claims outside this run (found before and kept), weighed in the credibility of
    the cluster it ends in (a stored claim clustered again). Inputs are not changed.
    """
    model = model or default_model()
    known = list(known)
    known_by_id = {it.id: it for it in known}
    by_id = {**known_by_id, **{it.id: it for it in items}}
    if len(by_id) < len(known_by_id) + len(items):
        raise InputError("two claims share an id; give each claim its own id before clustering")
    for c in previous:
        if not c.centroid:
            raise InputError(f"cluster {c.id} has no centroid; pass clusters as cluster_claims returned them")
        lost = [m for m in c.members if m not in known_by_id]
        if lost:
            raise InputError(
                f"cluster {c.id} has members {lost[:3]} that were not given; "
                "pass the claims of previous clusters as known="
            )
    vectors = vectors if vectors is not None else claim_vectors(items, embedder=embedder)
    if len(vectors.text) != len(items):
        raise InputError(f"{len(vectors.text)} vectors for {len(items)} claims; give one vector per claim")
    known_vectors = known_vectors if known_vectors is not None else claim_vectors(known, embedder=embedder)
    everyone = [*items, *known]
    text = np.vstack([vectors.text, known_vectors.text]) if known else vectors.text
    context = np.vstack([vectors.context, known_vectors.context]) if known else vectors.context
    word_vectors = words or WordVectors(embedder)
    views = claim_views(everyone, text, context, word_vectors)
    row = {it.id: k for k, it in enumerate(everyone)}
    units = [[k] for k in range(len(items))] + [[row[m] for m in c.members] for c in previous]
    link = _Linkage(views, units, fixed=range(len(items), len(units)))
    centres = mixed(text, context, CONTEXT_WEIGHT)
    reached = _reached(reach, previous, row, len(items)) if reach is not None else None
    pairs, features, probability = find_pairs(views, len(items), (text, context, centres), model, spread, reached)
    link.score(zip(map(tuple, pairs.tolist()), probability.tolist(), strict=True))
    conditional = np.array([v.conditional for v in views], dtype=bool)
    apart = features[:, _APART].any(axis=1) | (conditional[pairs[:, 0]] != conditional[pairs[:, 1]])
    link.keep_apart(map(tuple, pairs[apart].tolist()))
    link.merge(model.threshold)
    link.reassign(len(items), model.threshold)
    unit_of = {k: u for u in link.alive() for k in link.members[u]}
    across, involved = _contradictions_across(views, pairs, features, unit_of, model)
    view_of = {v.item.id: v for v in views}

    def numbers(a: ClaimItem, b: ClaimItem) -> str | None:
        clash = reported_clash(view_of[a.id], view_of[b.id])
        return quantity_reason(*clash) if clash else None

    placed: dict[str, list[str]] = {}
    results: list[tuple[str, list[str], Cluster | None, bool, tuple[Contradiction, ...], list[Contradiction]]] = []
    for u in link.alive():
        members = [everyone[k].id for k in link.members[u]]
        old = previous[u - len(items)] if u >= len(items) else None
        key = old.id if old is not None else _cluster_id(members[0])
        touched = old is None or len(members) > len(old.members) or u in involved
        for k in link.members[u]:
            if k < len(items):
                placed.setdefault(everyone[k].article, []).append(key)
        results.append((key, members, old, touched, tuple(across.get(u, ())), involved.get(u, [])))
    published = {it.article: it.published for it in by_id.values()}
    earlier_of = article_clusters or {}
    clusters_of = {a: [*earlier_of.get(a, ()), *placed.get(a, ())] for a in dict.fromkeys([*earlier_of, *placed])}
    stories = same_story(clusters_of, published=published)  # an article clustered again in part: both parts
    out = []
    for key, members, old, touched, crossing, against in results:
        if not touched and old is not None:
            out.append(old)
            continue
        centroid = centres[[row[m] for m in members]].mean(axis=0)
        earlier = old.across if old is not None else ()  # stored contradictions with other clusters
        earlier += tuple(x for m in members for x in (outside or {}).get(m, ()))
        found = _finish(
            key, [by_id[m] for m in members], centroid, texts, stories, numbers, [*earlier, *against], state_of
        )
        out.append(replace(found, across=crossing))
    return out


def _contradictions_across(
    views: Sequence[ClaimView],
    pairs: np.ndarray,
    features: np.ndarray,
    unit_of: Mapping[int, int],
    model: PairModel,
) -> tuple[dict[int, list[Contradiction]], dict[int, list[Contradiction]]]:
    """Contradictions between claims of different groups, one for each pair of groups and kind of reason:
    by the group of the new claim (to be stored), and by every group they touch (for its credibility)."""
    strongest: dict[tuple[int, int, str], tuple[float, int, int, str]] = {}
    for k in may_contradict(features).tolist():
        (i, j), f = pairs[k].tolist(), features[k]
        if unit_of[i] != unit_of[j] and (found := contradiction(views[i], views[j], f, model)):
            reason, p = found
            key = (min(unit_of[i], unit_of[j]), max(unit_of[i], unit_of[j]), reason.split(":")[0])
            if key not in strongest or p > strongest[key][0]:
                strongest[key] = (p, i, j, reason)
    across: dict[int, list[Contradiction]] = {}
    involved: dict[int, list[Contradiction]] = {}
    for _, i, j, reason in sorted(strongest.values(), key=lambda x: (x[1], x[2])):
        one = Contradiction(views[i].item.id, views[j].item.id, reason)
        across.setdefault(unit_of[i], []).append(one)
        for u in (unit_of[i], unit_of[j]):
            involved.setdefault(u, []).append(one)
    return across, involved


def _reached(
    reach: Sequence[Collection[str]], previous: Sequence[Cluster], row: Mapping[str, int], new: int
) -> list[np.ndarray]:
    """For each new claim, the rows of the known claims it is compared with: the members of its ``reach``."""
    if len(reach) != new:
        raise InputError(f"reach names clusters for {len(reach)} claims, not {new}; give one collection per claim")
    rows = {c.id: [row[m] for m in c.members] for c in previous}
    return [np.array(sorted({k for key in near if key in rows for k in rows[key]}), dtype=np.int64) for near in reach]


_APART = [FEATURES.index(f) for f in KEEP_APART]


class _Linkage:
    """Average linkage over groups of claims (``units``), ``fixed`` groups never merging with each other."""

    def __init__(self, views: Sequence[ClaimView], units: list[list[int]], *, fixed: Iterable[int]) -> None:
        self.members = units
        self._fixed = set(fixed)
        self._articles = [Counter(views[k].item.article for k in u) for u in units]
        self._sentences = [
            {(views[k].item.article, views[k].item.context) for k in u if views[k].item.context} for u in units
        ]
        self._unit_of = {k: u for u, ks in enumerate(units) for k in ks}
        self._sums: list[dict[int, float]] = [{} for _ in units]
        self._alive = [True] * len(units)
        self._never: list[set[int]] = [set() for _ in units]  # claims each group may never be joined with
        self._apart: dict[int, set[int]] = {}  # the same, claim by claim
        self._views = views
        self._article = [v.item.article for v in views]  # each claim's article
        self._pairs: dict[int, dict[int, float]] = {}  # claim -> the probability of each scored pair

    def keep_apart(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Claims (by index) that never share a group, whatever their other pairs say."""
        for i, j in pairs:
            self._never[self._unit_of[i]].add(j)
            self._never[self._unit_of[j]].add(i)
            self._apart.setdefault(i, set()).add(j)
            self._apart.setdefault(j, set()).add(i)

    def alive(self) -> list[int]:
        return [u for u, ok in enumerate(self._alive) if ok]

    def score(self, pairs: Iterable[tuple[tuple[int, int], float]]) -> None:
        """Each pair of claims (by index) with its probability."""
        for (i, j), p in pairs:
            self._pairs.setdefault(i, {})[j] = p
            self._pairs.setdefault(j, {})[i] = p
            u, v = self._unit_of[i], self._unit_of[j]
            if u != v:
                self._sums[u][v] = self._sums[u].get(v, 0.0) + p
                self._sums[v][u] = self._sums[v].get(u, 0.0) + p

    def merge(self, threshold: float) -> None:
        """Join the two groups of the highest mean, at or above ``threshold``, until none is left. A pair of
        groups below it is not kept in the heap: its mean changes only when one of them is joined, and then
        it is weighed again."""
        heap = [
            (-a, u, v)
            for u in range(len(self.members))
            for v in self._sums[u]
            if u < v
            for a in [self._mean(u, v)]
            if a >= threshold
        ]
        heapq.heapify(heap)
        while heap:
            negative, u, v = heapq.heappop(heap)
            if not (self._alive[u] and self._alive[v]) or abs(self._mean(u, v) + negative) > 1e-12:
                continue  # merged away or changed since it was pushed
            if (u in self._fixed and v in self._fixed) or self._sentences[u] & self._sentences[v]:
                continue
            if not self._never[u].isdisjoint(self.members[v]):
                continue
            keep, gone = (v, u) if v in self._fixed else (u, v)
            self._join(keep, gone)
            for w in self._sums[keep]:
                a = self._mean(keep, w)
                if a >= threshold:
                    heapq.heappush(heap, (-a, min(keep, w), max(keep, w)))

    def reassign(self, new: int, threshold: float, rounds: int = REASSIGN_ROUNDS) -> None:
        """After the merges: each new claim (index below ``new``) moves to the group it is most probably one
        proposition with, when that mean is at or above ``threshold`` and above the one of its own group by
        ``REASSIGN_MARGIN``: a greedy merge may have joined a claim to a group that later merges made worse
        for it, and that then blocked a better one (two parts of one sentence never share a group)."""
        for _ in range(rounds):
            moved = False
            for k in range(new):
                u = self._unit_of[k]
                sums: dict[int, float] = {}  # group -> the probabilities of k's pairs with its members
                for j, p in self._pairs.get(k, {}).items():
                    w = self._unit_of[j]
                    sums[w] = sums.get(w, 0.0) + p
                own = self._claim_mean(k, u, sums.get(u, 0.0))
                # the best group it may join: the first, highest mean first, that it may join, looked for only
                # among those good enough to move to (most claims have none)
                for mean, v in sorted(
                    ((self._claim_mean(k, v, s), v) for v, s in sums.items() if v != u), reverse=True
                ):
                    if mean < threshold or mean <= own + REASSIGN_MARGIN:
                        break
                    if self._may_join(k, v):
                        self._move(k, u, v)
                        moved = True
                        break
            if not moved:
                break

    def _claim_mean(self, k: int, u: int, total: float) -> float:
        """The mean probability of ``k`` with the members of group ``u`` of other articles (0 for a pair not
        scored), ``k`` itself left out; ``total``: the sum of its scored pairs with them."""
        others = len(self.members[u]) - self._articles[u][self._article[k]]
        return total / others if others else 0.0

    def _may_join(self, k: int, v: int) -> bool:
        item = self._views[k].item
        if item.context and (item.article, item.context) in self._sentences[v]:
            return False
        return self._apart.get(k, set()).isdisjoint(self.members[v])

    def _move(self, k: int, u: int, v: int) -> None:
        item = self._views[k].item
        self.members[u] = [j for j in self.members[u] if j != k]
        self.members[v] = [*self.members[v], k]
        self._articles[u][item.article] -= 1
        self._articles[v][item.article] += 1
        self._sentences[u] = {
            (self._views[j].item.article, self._views[j].item.context)
            for j in self.members[u]
            if self._views[j].item.context
        }
        if item.context:
            self._sentences[v].add((item.article, item.context))
        self._never[u] = set().union(*(self._apart.get(j, set()) for j in self.members[u]))
        self._never[v] |= self._apart.get(k, set())
        self._unit_of[k] = v
        if not self.members[u]:
            self._alive[u] = False

    def _mean(self, u: int, v: int) -> float:
        mu, mv = self.members[u], self.members[v]
        if len(mu) == 1 and len(mv) == 1:  # most groups, before the merges begin
            return self._sums[u].get(v, 0.0) if self._article[mu[0]] != self._article[mv[0]] else 0.0
        small, big = (self._articles[u], self._articles[v])
        if len(small) > len(big):
            small, big = big, small
        pairs = len(mu) * len(mv) - sum(n * big.get(a, 0) for a, n in small.items())
        return self._sums[u].get(v, 0.0) / pairs if pairs else 0.0

    def _join(self, keep: int, gone: int) -> None:
        self.members[keep] = self.members[keep] + self.members[gone]
        self._articles[keep] += self._articles[gone]
        self._sentences[keep] |= self._sentences[gone]
        self._never[keep] |= self._never[gone]
        self._unit_of.update(dict.fromkeys(self.members[gone], keep))
        for w, s in self._sums[gone].items():
            del self._sums[w][gone]
            if w != keep:
                self._sums[keep][w] = self._sums[keep].get(w, 0.0) + s
                self._sums[w][keep] = self._sums[w].get(keep, 0.0) + s
        self._sums[keep].pop(gone, None)
        self._sums[gone] = {}
        self._alive[gone] = False
        if gone in self._fixed:
            self._fixed.add(keep)


def _finish(
    key: str,
    members: Sequence[ClaimItem],
    centroid: np.ndarray,
    texts: Mapping[str, str] | None,
    stories: Mapping[str, str],
    numbers: Callable[[ClaimItem, ClaimItem], str | None] | None = None,
    against: Sequence[Contradiction] = (),
    state_of: StateOf | None = None,
) -> Cluster:
    """The cluster of ``members``: origins, contradictions within, and a credibility that also weighs
    ``against``, its contradictions with other clusters."""
    origins = find_origins(members, texts=texts, stories=stories, state_of=state_of)
    contradictions = find_contradictions(members, numbers=numbers)
    return Cluster(
        id=key,
        members=tuple(m.id for m in members),
        origins=origins.origins,
        independent=origins.independent,
        repeats=origins.repeats,
        contradictions=tuple(contradictions),
        credibility=propose_credibility(members, origins.of, [*contradictions, *against]),
        centroid=tuple((centroid / (np.linalg.norm(centroid) or 1.0)).tolist()),
    )


def _cluster_id(first_member: str) -> str:
    return "c" + hashlib.sha1(first_member.encode("utf-8")).hexdigest()[:12]
