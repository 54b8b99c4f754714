"""``Store``: the one object the CLI and other code use to write and query the claim store."""

from __future__ import annotations

import difflib
from datetime import UTC, date, datetime
from types import TracebackType

from sayso.clusters import Embedder, Spread
from sayso.errors import StoreError, StoreUnavailableError
from sayso.records import Analysis, Skipped
from sayso.store import _browse, _cluster, _cluster_read, _dialect, _migrate, _read, _sources, _words, _write
from sayso.store._nearest import NearestClusters, index_place
from sayso.store._search import ClaimFilter
from sayso.store.records import (
    GRADE_MEANINGS,
    GRADES,
    AddResult,
    SourceRow,
    StoredArticle,
    StoredClaim,
    StoredCluster,
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """An open store. Every write is one transaction; the same article text is stored once."""

    def __init__(self, db: _dialect.Connection, url: str, *, embedder: Embedder | None = None) -> None:
        self._db = db
        self.embedder = embedder  # None: the multilingual USE model (sayso.clusters.default_embedder)
        self.url = _dialect._redact(url)  # where it is, without a password
        self.backend = db.name  # "sqlite" or "postgresql"
        self.writable = db.writable  # False: a SQLite store in a file or folder that cannot be written
        self._nearest = NearestClusters(index_place(url, db.name))  # candidate clusters: docs/scale.md

    # writing

    def add(self, analysis: Analysis, *, cluster: bool = True) -> AddResult:
        """Store an analysed article in one transaction; a text already stored changes nothing.

        Then, in a second transaction, its claims join the clusters (``cluster()``); pass ``cluster=False``
        to add a batch first and call ``cluster()`` once at its end (what ``sayso ingest`` does)."""
        with self._db.transaction():
            result = _write.write_analysis(self._db, analysis, now=_now())
        if cluster and result.added:
            self.cluster()
        return result

    def cluster(self, *, embedder: Embedder | None = None, spread: Spread | None = None) -> int:
        """Put every claim that has no cluster yet into one (an existing cluster or a new one), in one
        transaction; return how many claims were clustered (0, and nothing written, when all have one).
        ``embedder``: for this run instead of the store's (the same encoder run elsewhere, e.g. on workers);
        ``spread``: a map run on workers, which then compute the pair features (the result is the same)."""
        chosen = embedder or self.embedder
        try:
            with self._db.transaction():
                return _cluster.cluster_new(
                    self._db, now=_now(), embedder=chosen, find=self._nearest.candidates_each, spread=spread
                )
        except BaseException:
            self._nearest.forget()
            raise

    def stored_id(self, text: str) -> str | None:
        """The id under which exactly this article text is stored, or None: lets a caller skip re-analysing it."""
        return _write.stored_id(self._db, text)

    def record_skip(self, skipped: Skipped) -> None:
        """Remember an input that was not stored, and why (one row per origin and reason)."""
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO skipped (origin, reason, skipped_at) VALUES (?, ?, ?) "
                "ON CONFLICT (origin, reason) DO UPDATE SET skipped_at = excluded.skipped_at",
                (skipped.origin, skipped.reason, _now()),
            )

    def grade(self, source: str, code: str, analyst: str | None = None) -> SourceRow:
        """Record an analyst's reliability grade (A-F) for a stored source; the newest grade counts."""
        letter = code.strip().upper()
        if letter not in GRADES:
            scale = "; ".join(f"{g} {GRADE_MEANINGS[g]}" for g in GRADES)
            raise StoreError(f"{code!r} is not a source grade; give one letter A-F ({scale})")
        found = self._source(source)
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO grades (source_id, code, analyst, graded_at) VALUES (?, ?, ?, ?)",
                (found, letter, analyst, _now()),
            )
        return _read.list_sources(self._db, "s.id = ?", (found,))[0]

    def merge_sources(self, keep: str, other: str) -> SourceRow:
        """Make two stored sources one, under ``keep``'s name: ``other``'s spellings, claims, citations and
        grades become ``keep``'s (the newest grade of either counts). Either name may be any spelling."""
        keep_id, other_id = self._source(keep), self._source(other)
        with self._db.transaction():
            _sources.merge_sources(self._db, keep_id, other_id)
        return _read.list_sources(self._db, "s.id = ?", (keep_id,))[0]

    def _source(self, name: str) -> int:
        found = _sources.find_source(self._db, name)
        if found is None:
            raise StoreError(f"no source named {name!r} in {self.url}; {self._suggest(_sources.source_key(name))}")
        return found

    def _suggest(self, key: str) -> str:
        names = {r[0]: r[1] for r in self._db.execute("SELECT key, name FROM source_aliases")}
        close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
        hint = f"did you mean {', '.join(repr(names[k]) for k in close)}? " if close else ""
        return f"{hint}'sayso sources' lists the names"

    # reading

    def claims(
        self,
        about: str | None = None,
        speaker: str | None = None,
        since: date | None = None,
        *,
        until: date | None = None,
        language: str | None = None,
        article: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
        after: int | None = None,
        words: str | None = None,
        entity: str | None = None,
    ) -> list[StoredClaim]:
        """Claims in the order stored. ``about``: words that each appear in the claim, its speaker's name or an
        entity it names (a name in any language finds the entity's canonical one: ``Verenigde Staten`` finds
        ``United States``); ``speaker``: part of the speaker's name; ``since``/``until``: said on or after /
        on or before that day (claims without a date drop out: see ``claims_without_date``); ``language``,
        ``article``: exactly; ``outlet``: part of it. All case-insensitive but language and article.
        ``after``: only claims with a larger id (the next page after a claim). ``words``: whole words that each
        are in the claim or its speaker's name, and ``entity``: a name (in any language) of an entity it
        mentions, both looked up in indexes (``about`` reads every claim)."""
        found = ClaimFilter(about, speaker, since, until, language, article, outlet, after, words, entity)
        return _read.find_claims(self._db, found, limit)

    def claims_without_date(
        self,
        about: str | None = None,
        speaker: str | None = None,
        *,
        language: str | None = None,
        article: str | None = None,
        outlet: str | None = None,
    ) -> int:
        """How many claims the same filters keep that have no date, which ``since`` and ``until`` drop."""
        return _read.count_undated(self._db, ClaimFilter(about, speaker, None, None, language, article, outlet))

    def claim(self, claim_id: int) -> StoredClaim | None:
        """One claim with its article, speaker, chain, quantities, times and entities."""
        if not _is_id(claim_id):
            return None
        found = _read.load_claims(self._db, "c.id = ?", (int(claim_id),))
        return found[0] if found else None

    def clusters(self) -> list[StoredCluster]:
        """Every cluster with its claims, origins, independent count, repeats, contradictions and credibility."""
        return _cluster_read.load_clusters(self._db)

    def cluster_of(self, claim_id: int) -> StoredCluster | None:
        """The cluster a claim belongs to, or None while it has none."""
        if not _is_id(claim_id):
            return None
        found = _cluster_read.load_clusters(
            self._db, "k.id IN (SELECT cluster_id FROM cluster_members WHERE claim_id = ?)", (int(claim_id),)
        )
        return found[0] if found else None

    def sources(self, *, limit: int | None = None, offset: int = 0) -> list[SourceRow]:
        """Every speaker and cited source (or ``limit`` of them from ``offset``), most claims first, with its
        newest analyst grade."""
        return _read.list_sources(self._db, limit=limit, offset=offset)

    # browsing, a page at a time (the web workspace)

    def articles(self, *, limit: int = 50, offset: int = 0) -> list[StoredArticle]:
        """Stored articles' metadata, the newest ingested first."""
        return _browse.articles(self._db, limit, offset)

    def article(self, article_id: str) -> StoredArticle | None:
        """One article's metadata, or None."""
        return _browse.article(self._db, article_id)

    def counts(self) -> dict[str, int]:
        """How many articles, claims, clusters and sources the store holds."""
        return {t: _browse.count(self._db, t) for t in ("articles", "claims", "clusters", "sources")}

    def cluster_by_id(self, cluster_id: int) -> StoredCluster | None:
        """One cluster by its id, or None."""
        return _browse.cluster(self._db, cluster_id) if _is_id(cluster_id) else None

    def largest_clusters(self, *, limit: int = 50, offset: int = 0) -> list[StoredCluster]:
        """Clusters a page at a time, the most independent origins first, then the most appearances."""
        return _browse.largest_clusters(self._db, limit, offset)

    def clusters_of(self, claim_ids: list[int]) -> dict[int, int]:
        """claim id -> its cluster's id, for those of ``claim_ids`` that have one."""
        return _browse.clusters_of(self._db, [int(c) for c in claim_ids if _is_id(c)])

    def source(self, source_id: int) -> SourceRow | None:
        """One source by its id, or None."""
        return _browse.source(self._db, source_id) if _is_id(source_id) else None

    def index_words(self) -> int:
        """Put the claims stored before the word index into it (one transaction); how many. Writing is needed."""
        with self._db.transaction():
            return _words.index_missing(self._db)

    def source_named(self, name: str) -> SourceRow | None:
        """The source that a name (any spelling the store has seen) belongs to, or None."""
        found = _sources.find_source(self._db, name)
        return None if found is None else _browse.source(self._db, found)

    def source_claims(self, source_id: int, *, limit: int = 100) -> list[StoredClaim]:
        """The claims a source speaks or is cited in, in the order stored."""
        return _browse.source_claims(self._db, source_id, limit) if _is_id(source_id) else []

    def source_outlets(self, source_id: int) -> list[tuple[str, int]]:
        """The outlets that print a source (speaking or cited), with their number of claims, most first."""
        return _browse.source_outlets(self._db, source_id) if _is_id(source_id) else []

    def analysis(self, article_id: str) -> Analysis | None:
        """The stored ``Analysis`` of one article, exactly as it was added."""
        return _read.load_analysis(self._db, article_id)

    def skipped(self) -> list[Skipped]:
        """Inputs recorded as skipped, oldest first."""
        rows = self._db.execute("SELECT origin, reason FROM skipped ORDER BY id")
        return [Skipped(origin, reason) for origin, reason in rows]

    def migrations(self) -> list[str]:
        """Names of the migrations applied to this store, in order."""
        return _migrate.applied(self._db)

    # lifetime

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # clustering again (issue 11)

    def waiting(self) -> int:
        """How many stored claims wait for a cluster (``cluster()`` places them)."""
        return _cluster.waiting(self._db)

    def recluster(self, *, every: int = 0) -> int:
        """Cluster every stored claim again, in one transaction: the clusters then do not depend on the order
        the articles were ingested in. ``every``: in runs of that many claims in order of publication (each
        clustering its neighbourhood again), whose cost grows with the store, not its square; 0: as one batch.
        Clusters, their origins and credibility and the contradictions across them are rebuilt; grades and
        merged sources stay. Returns the claims clustered."""
        try:
            with self._db.transaction():
                return _cluster.recluster(
                    self._db, now=_now(), embedder=self.embedder, find=self._nearest.candidates_each, every=every
                )
        except BaseException:
            self._nearest.forget()
            raise


def _is_id(claim_id: int) -> bool:
    """Whether a number can be a stored id at all: ids are 64-bit in both databases (larger ones never match)."""
    return -(2**63) <= int(claim_id) < 2**63


def open_store(url: str | None = None, *, create: bool = True, embedder: Embedder | None = None) -> Store:
    """Open (and migrate) the store at ``url``: a SQLite path (``sqlite:///path`` too) or a ``postgresql://``
    URL; default ``$SAYSO_DB``, else ``./sayso.db``. ``create=False`` refuses a SQLite file that is not there,
    and opens one that cannot be written (its file or folder is read-only) for reading; ``create=True`` refuses
    that. ``embedder``: what turns claims into vectors for clustering (default: the multilingual USE model)."""
    target = _dialect.resolve(url)
    db = _dialect.connect(target, create=create)
    try:
        if create and not db.writable:
            raise StoreUnavailableError(
                f"{db.where}: the store is read-only here (the file or its folder cannot be written), so nothing "
                "can be added; make them writable or give a store in a folder you can write. Reading commands "
                "('sayso claims', 'sayso export') still work"
            )
        _migrate.migrate(db)
    except BaseException:
        db.close()
        raise
    return Store(db, target, embedder=embedder)
