"""What an export holds: the chosen claims, the clusters they are in and the sources that speak or are cited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sayso.records import Analysis
    from sayso.store import SourceRow, Store, StoredClaim, StoredCluster

KINDS = ("claims", "clusters", "sources")


@dataclass(frozen=True, slots=True)
class Selection:
    """Claims, the clusters that hold any of them, and the sources they name, read from a store at once."""

    claims: tuple[StoredClaim, ...] = ()
    clusters: tuple[StoredCluster, ...] = ()
    sources: tuple[SourceRow, ...] = ()
    _cluster_of: dict[int, StoredCluster] = field(default_factory=dict, compare=False, repr=False)
    _source: dict[str, SourceRow] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._cluster_of.update({c.id: k for k in self.clusters for c in k.claims})
        self._source.update({s.name: s for s in self.sources})

    def cluster_of(self, claim: StoredClaim) -> StoredCluster | None:
        """The cluster the claim belongs to, if it has one in this selection."""
        return self._cluster_of.get(claim.id)

    def source(self, name: str | None) -> SourceRow | None:
        """The stored source of this name (a claim's ``source``, a chain link's ``name``), if selected."""
        return self._source.get(name) if name else None


def _named(claims: Iterable[StoredClaim]) -> set[str]:
    return {n for c in claims for n in (c.source, *(link.name for link in c.chain)) if n}


def select(
    store: Store,
    kind: str,
    *,
    about: str | None = None,
    speaker: str | None = None,
    since: date | None = None,
    until: date | None = None,
    language: str | None = None,
) -> Selection:
    """The claims the filters keep (all without filters) with their clusters and sources. For ``clusters``,
    every claim of a cluster that holds a kept claim; for ``sources``, every source when nothing filters."""
    filtered = any(x is not None for x in (about, speaker, since, until, language))
    claims = store.claims(about, speaker, since, until=until, language=language)
    clusters = store.clusters()
    kept = {c.id for c in claims}
    clusters = [k for k in clusters if any(c.id in kept for c in k.claims)]
    if kind == "clusters":
        claims = sorted({c.id: c for k in clusters for c in k.claims}.values(), key=lambda c: c.id)
    names = _named(claims)
    sources = [s for s in store.sources() if s.name in names or (kind == "sources" and not filtered)]
    return Selection(tuple(claims), tuple(clusters), tuple(sources))


def of_analyses(analyses: Iterable[Analysis]) -> Selection:
    """The claims of analysed articles as a store would give them back (ids from 1, sources named as the
    store names them), through a store in memory: no second reading of the records. Not clustered."""
    from sayso.store import open_store

    with open_store(":memory:") as store:
        for analysis in analyses:
            store.add(analysis, cluster=False)
        return Selection(tuple(store.claims()), (), tuple(store.sources()))
