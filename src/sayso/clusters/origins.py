"""Corroboration versus repetition: where each claim of a cluster comes from.

A claim's origin is the last link of its chain (the source the speaker relies
on), else its speaker, else the article itself. Articles that are one text
(the same ``article_hash``, or nearly the same words: wire copy republished)
count as one article, so an unattributed wire story printed by three outlets is
one origin, not three.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sayso.clusters.records import ClaimItem, name_key

NEAR_DUPLICATE = 0.8  # Jaccard overlap of word 5-grams above which two article texts are one text
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


def article_groups(items: Iterable[ClaimItem], *, texts: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map each article id to the id of the first article (by date, then as given) that has the same text.

    Articles are the same text when they have the same ``article_hash`` or,
    when ``texts`` (article id -> full text) is given, when their word 5-grams
    overlap by at least ``NEAR_DUPLICATE``.
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
    return group


def origin_of(
    item: ClaimItem, *, groups: Mapping[str, str] | None = None, outlets: Mapping[str, str] | None = None
) -> str:
    """The origin of one claim: the chain's last link, the speaker, or the article (or its first copy)."""
    if len(item.chain) >= 2:
        return item.chain[-1]
    if item.speaker:
        return item.speaker
    article = (groups or {}).get(item.article, item.article)
    outlet = (outlets or {}).get(article) if article != item.article else item.outlet
    return outlet or f"article {article}"


def find_origins(items: Sequence[ClaimItem], *, texts: Mapping[str, str] | None = None) -> Origins:
    """Origins of a cluster's claims; the earliest claim of each origin counts, the rest repeat it."""
    groups = article_groups(items, texts=texts)
    outlets = {it.article: it.outlet for it in items if it.outlet}
    ordered = sorted(items, key=lambda it: it.published or date.max)  # stable: ties keep the given order
    seen: dict[str, str] = {}  # normalised origin -> as first written
    of: dict[str, str] = {}
    repeats: list[str] = []
    for item in ordered:
        origin = origin_of(item, groups=groups, outlets=outlets)
        key = name_key(origin)
        if key in seen:
            repeats.append(item.id)
        else:
            seen[key] = origin
        of[item.id] = seen[key]
    return Origins(tuple(seen.values()), of, tuple(repeats))


def _shingles(text: str, n: int = 5) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return frozenset(tuple(words[i : i + n]) for i in range(max(len(words) - n + 1, 1)))


def _jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
