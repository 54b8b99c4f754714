"""Corroboration versus repetition: where each claim of a cluster comes from.

A claim's origin is the last link of its chain (the source the speaker relies
on), else its speaker, else the article itself. Articles that are one text
(the same ``article_hash``, or nearly the same words: wire copy republished)
count as one article, so an unattributed wire story printed by three outlets is
one origin, not three. So do articles that tell one story claim by claim, in
any language (``same_story``: a wire story translated or lightly rewritten).

Two more rules follow the chain across articles: a claim an article makes in
its own voice rests on the source the same article credits with it (a headline
rests on its body's source), and a claim credited to an outlet whose own report
is in the cluster rests on that report's origin (`Reuters: the union told NOS`,
where NOS's article quotes the union, is the union once), and a claim credited to
a source that another claim of the cluster shows relaying someone else rests on
that someone (`ANP: Bloomberg reported` beside `Reuters: Bloomberg reported,
citing people familiar with the matter` is those people once). A state named bare
(`Israel says`) speaks through its organ when the cluster holds one of that state
and only one (`the Israeli army`): one origin, not two (``state_of``, given by the
store, which knows the names of places and institutions).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sayso.clusters.records import ClaimItem, name_key

NEAR_DUPLICATE = 0.8  # Jaccard overlap of word 5-grams above which two article texts are one text
# Share of the smaller article's claims that sit in clusters the other article also has, from which two
# articles are one story. On the development set's 60 English-Dutch translation pairs the share is 0.6 to
# 1.0; between the 94 pairs of different articles that share a cluster it is at most 0.4.
STORY_OVERLAP = 0.5
RELAY_STEPS = 3  # at most this many relays followed back to an origin (a chain that loops stops)
STORY_MIN_CLAIMS = 3  # fewer claims than this say too little about an article to call it a copy
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Origins:
    """The origins of a group of claims and which claims only repeat one."""

    origins: tuple[str, ...]  # distinct, in order of first appearance
    of: Mapping[str, str]  # claim id -> its origin
    repeats: tuple[str, ...]  # claim ids whose origin an earlier claim already gave

    @property
    def independent(self) -> int:
        return len(self.origins)


def same_story(
    clusters_of: Mapping[str, Sequence[str]], *, published: Mapping[str, date | None] | None = None
) -> dict[str, str]:
    """Articles that tell one story: article id -> the first article of its story (by date, then id).

    ``clusters_of`` gives, per article, the cluster of each of its claims. Two
    articles are one story when at least ``STORY_OVERLAP`` of the claims of the
    smaller (which has ``STORY_MIN_CLAIMS`` or more) sit in clusters the other
    also has; the relation is closed transitively. Articles without a copy are
    left out.
    """
    sets = {a: set(ks) for a, ks in clusters_of.items()}
    by_cluster: dict[str, set[str]] = {}
    for a, ks in clusters_of.items():
        for k in ks:
            by_cluster.setdefault(k, set()).add(a)
    joined = _Partition(clusters_of)
    pairs = {(a, b) for arts in by_cluster.values() for a in arts for b in arts if a < b}
    for a, b in sorted(pairs):
        small, big = (a, b) if len(clusters_of[a]) <= len(clusters_of[b]) else (b, a)
        claims = clusters_of[small]
        if len(claims) >= STORY_MIN_CLAIMS and sum(k in sets[big] for k in claims) >= STORY_OVERLAP * len(claims):
            joined.join(a, b)
    order = sorted(clusters_of, key=lambda a: ((published or {}).get(a) or date.max, a))
    first: dict[str, str] = {}
    size: dict[str, int] = {}
    for a in order:
        first.setdefault(joined.root(a), a)
        size[joined.root(a)] = size.get(joined.root(a), 0) + 1
    return {a: first[joined.root(a)] for a in order if size[joined.root(a)] > 1}


class _Partition:
    """Disjoint sets of ids (union-find)."""

    def __init__(self, ids: Iterable[str]) -> None:
        self._parent = {a: a for a in ids}

    def root(self, a: str) -> str:
        self._parent.setdefault(a, a)
        while self._parent[a] != a:
            self._parent[a] = self._parent[self._parent[a]]
            a = self._parent[a]
        return a

    def join(self, a: str, b: str) -> None:
        self._parent[self.root(a)] = self.root(b)


def article_groups(
    items: Iterable[ClaimItem], *, texts: Mapping[str, str] | None = None, stories: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Map each article id to the id of the first article (by date, then as given) that has the same text
    or tells the same story.

    Articles are the same text when they have the same ``article_hash`` or,
    when ``texts`` (article id -> full text) is given, when their word 5-grams
    overlap by at least ``NEAR_DUPLICATE``; ``stories`` (article id -> the
    first article of its story, from ``same_story``) joins articles that tell
    one story in other words or another language.
    """
    first: dict[str, ClaimItem] = {}
    for item in items:
        first.setdefault(item.article, item)
    articles = sorted(first.values(), key=lambda it: it.published or date.max)  # ties keep the given order
    group: dict[str, str] = {}
    by_hash: dict[str, str] = {}
    shingles: list[tuple[str, frozenset[tuple[str, ...]]]] = []
    for it in articles:
        rep = by_hash.get(it.article_hash) if it.article_hash else None
        mine = _shingles(texts[it.article]) if texts and it.article in texts else frozenset()
        if rep is None and mine:
            rep = next((r for r, theirs in shingles if _jaccard(mine, theirs) >= NEAR_DUPLICATE), None)
        rep = rep or it.article
        group[it.article] = rep
        if it.article_hash:
            by_hash.setdefault(it.article_hash, rep)
        if mine and rep == it.article:
            shingles.append((rep, mine))
    if stories:  # join the text groups of articles that tell one story; the earliest article names it
        joined = _Partition(group)
        for a, rep in group.items():
            joined.join(a, rep)
        told: dict[str, str] = {}
        for a in group:
            if a in stories:
                joined.join(a, told.setdefault(stories[a], a))
        story_first: dict[str, str] = {}
        for it in articles:
            story_first.setdefault(joined.root(it.article), it.article)
        group = {a: story_first[joined.root(a)] for a in group}
    return group


def origin_of(
    item: ClaimItem,
    *,
    groups: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    credited: Mapping[str, str] | None = None,
) -> str:
    """The origin of one claim: the chain's last link, the speaker, or the article (or its first copy).

    ``credited`` (article group -> origin) gives, for a claim the article makes in its own voice, the source
    that the same article (or a copy of it) credits with the same proposition elsewhere: a headline or a
    summary rests on the source its body names, not on the outlet.
    """
    if len(item.chain) >= 2:
        return item.chain[-1]
    if item.speaker:
        return item.speaker
    article = (groups or {}).get(item.article, item.article)
    if credited and article in credited:
        return credited[article]
    outlet = (outlets or {}).get(article) if article != item.article else item.outlet
    return outlet or f"article {article}"


StateOf = Callable[[str], tuple[str, bool] | None]  # a name -> (the state it speaks for, named bare), or None


def find_origins(
    items: Sequence[ClaimItem],
    *,
    texts: Mapping[str, str] | None = None,
    stories: Mapping[str, str] | None = None,
    state_of: StateOf | None = None,
) -> Origins:
    """Origins of a cluster's claims; the earliest claim of each origin counts, the rest repeat it.
    ``state_of`` tells which state a name speaks for (`Israel`, `the Israeli army`: Israel)."""
    groups = article_groups(items, texts=texts, stories=stories)
    outlets = {it.article: it.outlet for it in items if it.outlet}
    ordered = sorted(items, key=lambda it: it.published or date.max)  # stable: ties keep the given order
    credited: dict[str, str] = {}
    for item in ordered:
        if item.speaker or len(item.chain) >= 2:
            credited.setdefault(groups.get(item.article, item.article), origin_of(item))
    found = {item.id: origin_of(item, groups=groups, outlets=outlets, credited=credited) for item in ordered}
    # an outlet cited for the claim adds no origin when the cluster holds its own report: that report's origin
    reported: dict[str, str] = {}
    for item in ordered:
        if item.outlet:
            reported.setdefault(name_key(item.outlet), found[item.id])
    # a source that a chain shows relaying another (`Bloomberg, citing people familiar`) is no origin of its own
    relays: dict[str, str] = {}
    for item in ordered:
        for relay, relayed in zip(item.chain, item.chain[1:], strict=False):
            if name_key(relay) != name_key(item.outlet or ""):  # an outlet relays this claim, not all it says
                relays.setdefault(name_key(relay), relayed)
    traced: dict[str, str] = {}
    for item in ordered:
        origin = found[item.id]
        if name_key(origin) in reported and name_key(origin) != name_key(item.outlet or ""):
            origin = reported[name_key(origin)]
        for _ in range(RELAY_STEPS):
            if name_key(origin) not in relays or name_key(origin) == name_key(item.outlet or ""):
                break
            origin = relays[name_key(origin)]
        traced[item.id] = origin
    organ = _organs(traced.values(), state_of) if state_of else {}
    seen: dict[str, str] = {}  # normalised origin -> as first written
    of: dict[str, str] = {}
    repeats: list[str] = []
    for item in ordered:
        origin = organ.get(name_key(traced[item.id]), traced[item.id])
        key = name_key(origin)
        if key in seen:
            repeats.append(item.id)
        else:
            seen[key] = origin
        of[item.id] = seen[key]
    return Origins(tuple(seen.values()), of, tuple(repeats))


def _organs(origins: Iterable[str], state_of: StateOf) -> dict[str, str]:
    """Each state named bare among ``origins`` -> its organ there, when there is exactly one."""
    bare: dict[str, list[str]] = {}
    organs: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for origin in origins:
        found = state_of(origin)
        if found is None:
            continue
        state, is_bare = found
        names.setdefault(name_key(origin), origin)
        if is_bare:
            bare.setdefault(state, []).append(name_key(origin))
        else:
            organs.setdefault(state, set()).add(name_key(origin))
    return {
        b: names[next(iter(organs[state]))]
        for state, keys in bare.items()
        if len(organs.get(state, ())) == 1
        for b in keys
    }


@lru_cache(maxsize=256)  # an article's text is compared in each cluster it has a claim in; 256 texts'
# 5-grams are tens of MB, where 4096 long articles' could take hundreds
def _shingles(text: str, n: int = 5) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return frozenset(tuple(words[i : i + n]) for i in range(max(len(words) - n + 1, 1)))


def _jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
