"""Reading the store back as records: claims with everything around them, sources, whole analyses."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sayso.records import Analysis, Article, Attribution, ChainLink, Claim, Entity, Quantity, Span, TimeExpr
from sayso.store._dialect import Connection
from sayso.store._search import ClaimFilter
from sayso.store.records import SourceRow, StoredArticle, StoredClaim

_CHUNK = 500  # ids per IN (...) list
_LATEST_GRADE = "(SELECT MAX(g2.id) FROM grades g2 WHERE g2.source_id = {})"

_CLAIM_FROM = "FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN sources s ON s.id = c.speaker_id "
_CLAIM_SELECT = (
    "SELECT c.id, c.kind, c.speaker, COALESCE(att.speaker_type, s.type), g.code, c.certainty, c.polarity, "
    "c.said_at, c.said_on, c.text, a.id, a.content_hash, a.title, a.url, a.outlet, a.published, a.language, "
    "a.origin, a.ingested_at, c.context_start, c.context_end, s.name "
    + _CLAIM_FROM
    + "LEFT JOIN attributions att ON att.id = c.attribution_id "
    f"LEFT JOIN grades g ON g.id = {_LATEST_GRADE.format('c.speaker_id')}"
)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _chunks(ids: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for k in range(0, len(ids), _CHUNK):
        yield ids[k : k + _CHUNK]


def _grouped(db: Connection, sql: str, ids: Sequence[Any]) -> dict[Any, list[tuple[Any, ...]]]:
    """Rows of ``sql`` (whose first column is the owner id and whose ``{ids}`` is an IN list) by owner."""
    out: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for chunk in _chunks(ids):
        for row in db.execute(sql.format(ids=", ".join("?" * len(chunk))), chunk):
            out[row[0]].append(row[1:])
    return out


def _quantity(row: Sequence[Any]) -> Quantity:
    return Quantity(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])


def _time(row: Sequence[Any]) -> TimeExpr:
    return TimeExpr(row[0], row[1], row[2], row[3], row[4])


def _entity(row: Sequence[Any]) -> Entity:
    return Entity(row[0], row[1], row[2], row[3], row[4])


def _link(row: Sequence[Any]) -> ChainLink:
    return ChainLink(row[0], row[1], Span(row[2], row[3], row[4]) if row[2] is not None else None)


def _span(start: int | None, end: int | None, text: str | None) -> Span | None:
    return Span(start, end, text) if start is not None and end is not None and text is not None else None


def _context(text: str | None, start: int | None, end: int | None) -> Span | None:
    """The claim's context, sliced here from its article's text (SQL substr stops at a NUL in SQLite)."""
    return Span.of(text, start, end) if text is not None and start is not None and end is not None else None


def _texts(db: Connection, articles: Iterable[str]) -> dict[str, str]:
    """id -> text of the articles."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(articles))):
        out.update(
            dict(db.execute(f"SELECT id, text FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        )
    return out


def _claim_parts(db: Connection, ids: Sequence[Any]) -> tuple[dict[Any, list[Any]], ...]:
    """Content spans, quantities and times of the claims ``ids``, grouped by claim."""
    spans = _grouped(
        db, "SELECT claim_id, start_char, end_char, text FROM claim_spans WHERE claim_id IN ({ids}) ORDER BY seq", ids
    )
    quantities = _grouped(
        db,
        "SELECT claim_id, start_char, end_char, text, value, low, high, unit, qualifier FROM claim_quantities "
        "WHERE claim_id IN ({ids}) ORDER BY seq",
        ids,
    )
    times = _grouped(
        db,
        "SELECT claim_id, start_char, end_char, text, value, kind FROM claim_times WHERE claim_id IN ({ids}) "
        "ORDER BY seq",
        ids,
    )
    return spans, quantities, times


def load_claims(
    db: Connection, where: str = "", params: Sequence[Any] = (), limit: int | None = None
) -> list[StoredClaim]:
    sql = _CLAIM_SELECT + (f" WHERE {where}" if where else "") + " ORDER BY c.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = db.execute(sql, params)
    ids = [row[0] for row in rows]
    spans, quantities, times = _claim_parts(db, ids)
    texts = _texts(db, (row[10] for row in rows if row[19] is not None))
    chains = _grouped(
        db,
        "SELECT cc.claim_id, COALESCE(s.name, cc.name), cc.role, cc.start_char, cc.end_char, cc.text "
        "FROM claim_chains cc LEFT JOIN sources s ON s.id = cc.source_id WHERE cc.claim_id IN ({ids}) ORDER BY cc.seq",
        ids,
    )
    entities = _grouped(
        db,
        "SELECT ce.claim_id, e.start_char, e.end_char, e.text, e.label, e.canonical FROM claim_entities ce "
        "JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id IN ({ids}) ORDER BY e.seq",
        ids,
    )
    out = []
    for row in rows:
        cid = row[0]
        article = StoredArticle(
            id=row[10],
            content_hash=row[11],
            title=row[12],
            url=row[13],
            outlet=row[14],
            published=_day(row[15]),
            language=row[16],
            origin=row[17],
            ingested_at=row[18],
        )
        out.append(
            StoredClaim(
                id=int(cid),
                article=article,
                kind=row[1],
                speaker=row[2],
                speaker_type=row[3],
                speaker_grade=row[4],
                certainty=row[5],
                polarity=row[6],
                said_at=row[7],
                said_on=_day(row[8]),
                content=tuple(Span(*s) for s in spans.get(cid, [])),
                text=row[9],
                context=_context(texts.get(row[10]), row[19], row[20]),
                source=row[21],
                chain=tuple(_link(r) for r in chains.get(cid, [])),
                quantities=tuple(_quantity(r) for r in quantities.get(cid, [])),
                times=tuple(_time(r) for r in times.get(cid, [])),
                entities=tuple(_entity(r) for r in entities.get(cid, [])),
            )
        )
    return out


def claims_by_id(db: Connection, ids: Sequence[int]) -> list[StoredClaim]:
    """The stored claims ``ids`` (those that exist), read a chunk of ids at a time, in order of id."""
    found: list[StoredClaim] = []
    for chunk in _chunks(sorted(set(ids))):
        found.extend(load_claims(db, f"c.id IN ({', '.join('?' * len(chunk))})", chunk))
    return found


def find_claims(db: Connection, found: ClaimFilter, limit: int | None = None) -> list[StoredClaim]:
    where, params = found.where()
    return load_claims(db, where, params, limit)


def count_undated(db: Connection, found: ClaimFilter) -> int:
    """How many claims ``found`` would keep but for its dates: those that have no date."""
    where, params = found.where(undated=True)
    return int(db.execute(f"SELECT COUNT(*) {_CLAIM_FROM}WHERE {where}", params)[0][0])


def list_sources(
    db: Connection, where: str = "", params: Sequence[Any] = (), limit: int | None = None, offset: int = 0
) -> list[SourceRow]:
    rows = db.execute(
        "SELECT s.id, s.name, s.type, s.affiliation, "
        "(SELECT COUNT(*) FROM claims c WHERE c.speaker_id = s.id), "
        "(SELECT COUNT(DISTINCT cc.claim_id) FROM claim_chains cc WHERE cc.source_id = s.id AND cc.role = 'cited'), "
        "g.code, g.analyst, g.graded_at "
        f"FROM sources s LEFT JOIN grades g ON g.id = {_LATEST_GRADE.format('s.id')}"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY 5 DESC, 6 DESC, lower(s.name), s.id"
        + (f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""),
        params,
    )
    aliases = _grouped(
        db,
        "SELECT source_id, name FROM source_aliases WHERE source_id IN ({ids}) ORDER BY first_seen, key",
        [r[0] for r in rows],
    )
    return [
        SourceRow(
            int(r[0]),
            r[1],
            r[2],
            r[3],
            int(r[4]),
            int(r[5]),
            r[6],
            r[7],
            r[8],
            aliases=tuple(a[0] for a in aliases.get(r[0], []) if a[0] != r[1]),
        )
        for r in rows
    ]


def load_analysis(db: Connection, article_id: str) -> Analysis | None:
    """The ``Analysis`` as it was added, rebuilt from its rows."""
    found = db.execute(
        "SELECT id, text, title, url, outlet, published, language, origin, backbone, notes FROM articles WHERE id = ?",
        (article_id,),
    )
    if not found:
        return None
    aid, text, title, url, outlet, published, language, origin, backbone, notes = found[0]
    boilerplate = db.execute(
        "SELECT start_char, end_char, text FROM boilerplate WHERE article_id = ? ORDER BY seq", (aid,)
    )
    article = Article(
        text=text,
        id=aid,
        title=title,
        url=url,
        outlet=outlet,
        published=_day(published),
        language=language,
        origin=origin,
        boilerplate=tuple(Span(*r) for r in boilerplate),
    )
    return Analysis(
        article=article,
        language=language,
        attributions=_attributions(db, aid),
        quantities=tuple(
            _quantity(r)
            for r in db.execute(
                "SELECT start_char, end_char, text, value, low, high, unit, qualifier FROM quantities "
                "WHERE article_id = ? ORDER BY seq",
                (aid,),
            )
        ),
        times=tuple(
            _time(r)
            for r in db.execute(
                "SELECT start_char, end_char, text, value, kind FROM times WHERE article_id = ? ORDER BY seq", (aid,)
            )
        ),
        entities=tuple(
            _entity(r)
            for r in db.execute(
                "SELECT start_char, end_char, text, label, canonical FROM entities WHERE article_id = ? ORDER BY seq",
                (aid,),
            )
        ),
        claims=_claims(db, aid, text),
        backbone=backbone,
        notes=tuple(json.loads(notes)),
    )


def _attributions(db: Connection, article_id: str) -> tuple[Attribution, ...]:
    rows = db.execute(
        "SELECT id, kind, source_start, source_end, source_text, cue_start, cue_end, cue_text, speaker, speaker_type, "
        "said_at, said_at_start, said_at_end, said_at_text, certainty FROM attributions WHERE article_id = ? "
        "ORDER BY seq",
        (article_id,),
    )
    ids = [r[0] for r in rows]
    spans = _grouped(
        db,
        "SELECT attribution_id, role, start_char, end_char, text FROM attribution_spans "
        "WHERE attribution_id IN ({ids}) ORDER BY role, seq",
        ids,
    )
    based_on = _grouped(
        db, "SELECT attribution_id, name FROM attribution_based_on WHERE attribution_id IN ({ids}) ORDER BY seq", ids
    )
    chains = _grouped(
        db,
        "SELECT attribution_id, name, role, start_char, end_char, text FROM chain_links "
        "WHERE attribution_id IN ({ids}) ORDER BY seq",
        ids,
    )
    out = []
    for r in rows:
        own = spans.get(r[0], [])
        out.append(
            Attribution(
                kind=r[1],
                source=_span(r[2], r[3], r[4]),
                cue=_span(r[5], r[6], r[7]),
                content=tuple(Span(*s[1:]) for s in own if s[0] == "content"),
                speaker=r[8],
                speaker_type=r[9],
                based_on=tuple(b[0] for b in based_on.get(r[0], [])),
                chain=tuple(_link(c) for c in chains.get(r[0], [])),
                said_at=r[10],
                said_at_span=_span(r[11], r[12], r[13]),
                certainty=r[14],
                certainty_cues=tuple(Span(*s[1:]) for s in own if s[0] == "certainty_cue"),
            )
        )
    return tuple(out)


def _claims(db: Connection, article_id: str, text: str) -> tuple[Claim, ...]:
    rows = db.execute(
        "SELECT id, kind, speaker, certainty, polarity, said_at, context_start, context_end FROM claims "
        "WHERE article_id = ? ORDER BY seq",
        (article_id,),
    )
    ids = [r[0] for r in rows]
    spans, quantities, times = _claim_parts(db, ids)
    return tuple(
        Claim(
            content=tuple(Span(*s) for s in spans.get(r[0], [])),
            speaker=r[2],
            kind=r[1],
            certainty=r[3],
            polarity=r[4],
            quantities=tuple(_quantity(q) for q in quantities.get(r[0], [])),
            times=tuple(_time(t) for t in times.get(r[0], [])),
            said_at=r[5],
            context=_context(text, r[6], r[7]),
        )
        for r in rows
    )
