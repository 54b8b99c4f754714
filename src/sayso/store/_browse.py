"""Reading the store one page at a time, for browsing (the web workspace): articles, one cluster, one source
with the claims it speaks or is cited in and the outlets that print them, and the clusters of given claims.
Every value goes in as a parameter."""

from __future__ import annotations

from collections.abc import Sequence

from sayso.store import _cluster_read, _read
from sayso.store._dialect import Connection
from sayso.store.records import SourceRow, StoredArticle, StoredClaim, StoredCluster

_ARTICLE = "SELECT id, content_hash, title, url, outlet, published, language, origin, ingested_at FROM articles"
_SPOKEN_OR_CITED = (
    "(c.speaker_id = ? OR c.id IN (SELECT cc.claim_id FROM claim_chains cc WHERE cc.source_id = ? "
    "AND cc.role = 'cited'))"
)


def _article(row: Sequence[object]) -> StoredArticle:
    aid, digest, title, url, outlet, published, language, origin, ingested = row
    return StoredArticle(
        id=str(aid),
        content_hash=str(digest),
        title=title if isinstance(title, str) else None,
        url=url if isinstance(url, str) else None,
        outlet=outlet if isinstance(outlet, str) else None,
        published=_read._day(published if isinstance(published, str) else None),
        language=str(language),
        origin=str(origin),
        ingested_at=str(ingested),
    )


def articles(db: Connection, limit: int, offset: int) -> list[StoredArticle]:
    """Articles, the newest ingested first."""
    rows = db.execute(_ARTICLE + " ORDER BY ingested_at DESC, id LIMIT ? OFFSET ?", (int(limit), int(offset)))
    return [_article(r) for r in rows]


def article(db: Connection, article_id: str) -> StoredArticle | None:
    rows = db.execute(_ARTICLE + " WHERE id = ?", (article_id,))
    return _article(rows[0]) if rows else None


def count(db: Connection, table: str) -> int:
    """Rows of one of the store's own tables (the name is never user input)."""
    assert table in {"articles", "claims", "clusters", "sources"}
    return int(db.execute(f"SELECT COUNT(*) FROM {table}")[0][0])


def cluster(db: Connection, cluster_id: int) -> StoredCluster | None:
    found = _cluster_read.load_clusters(db, "k.id = ?", (int(cluster_id),))
    return found[0] if found else None


def largest_clusters(db: Connection, limit: int, offset: int) -> list[StoredCluster]:
    """Clusters, the most independent origins first, then the most appearances."""
    rows = db.execute(
        "SELECT k.id FROM clusters k JOIN cluster_members m ON m.cluster_id = k.id GROUP BY k.id, k.independent "
        "ORDER BY k.independent DESC, COUNT(*) DESC, k.id LIMIT ? OFFSET ?",
        (int(limit), int(offset)),
    )
    ids = [int(r[0]) for r in rows]
    if not ids:
        return []
    found = {k.id: k for k in _cluster_read.load_clusters(db, f"k.id IN ({', '.join('?' * len(ids))})", ids)}
    return [found[i] for i in ids if i in found]


def clusters_of(db: Connection, claim_ids: Sequence[int]) -> dict[int, int]:
    """claim id -> the id of its cluster, for the claims that have one."""
    out: dict[int, int] = {}
    for chunk in _read._chunks(list(claim_ids)):
        sql = f"SELECT claim_id, cluster_id FROM cluster_members WHERE claim_id IN ({', '.join('?' * len(chunk))})"
        out.update({int(a): int(b) for a, b in db.execute(sql, chunk)})
    return out


def source(db: Connection, source_id: int) -> SourceRow | None:
    found = _read.list_sources(db, "s.id = ?", (int(source_id),))
    return found[0] if found else None


def source_claims(db: Connection, source_id: int, limit: int) -> list[StoredClaim]:
    """The claims a source speaks or is cited in, in the order stored."""
    return _read.load_claims(db, _SPOKEN_OR_CITED, (int(source_id), int(source_id)), limit)


def source_outlets(db: Connection, source_id: int) -> list[tuple[str, int]]:
    """The outlets whose articles have the source speak or cite it, with how many claims, most first."""
    rows = db.execute(
        "SELECT COALESCE(a.outlet, ''), COUNT(*) FROM claims c JOIN articles a ON a.id = c.article_id "
        f"WHERE {_SPOKEN_OR_CITED} GROUP BY COALESCE(a.outlet, '') ORDER BY 2 DESC, 1",
        (int(source_id), int(source_id)),
    )
    return [(str(outlet), int(n)) for outlet, n in rows]
