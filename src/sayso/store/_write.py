"""Writing one ``Analysis``: every row of an article inside the caller's one transaction."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import date

from sayso.errors import StoreError
from sayso.records import Analysis, Article, Attribution, Claim, Entity, Span, id_with_hash
from sayso.store import _words
from sayso.store._dialect import Connection
from sayso.store._names import NameWords, name_words
from sayso.store._sources import SourceResolver, source_key
from sayso.store.records import AddResult

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
CONTENT_SEPARATOR = " … "


def content_hash(text: str) -> str:
    """The identity of an article in the store: SHA-256 of its text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def said_on(said_at: str | None, published: date | None) -> date | None:
    """The day a claim was said: ``said_at`` when it names a day, else the publication date."""
    if said_at and _DAY.match(said_at):
        try:
            return date.fromisoformat(said_at[:10])
        except ValueError:
            pass
    return published


def stored_id(db: Connection, text: str) -> str | None:
    rows = db.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash(text),))
    return rows[0][0] if rows else None


def write_analysis(db: Connection, analysis: Analysis, *, now: str) -> AddResult:
    """Write ``analysis`` unless its text is stored already. Call inside one transaction."""
    art = analysis.article
    digest = content_hash(art.text)
    existing = db.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,))
    if existing:
        return AddResult(existing[0][0], digest, added=False)
    article_id = _free_id(db, art, digest)
    _refuse_unstorable(db, art, article_id)
    inserted = db.execute(
        "INSERT INTO articles (id, content_hash, text, title, url, outlet, published, language, origin, backbone, "
        "notes, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
        (
            article_id,
            digest,
            art.text,
            art.title,
            art.url,
            art.outlet,
            art.published.isoformat() if art.published else None,
            analysis.language,
            art.origin,
            analysis.backbone,
            json.dumps(list(analysis.notes), ensure_ascii=False),
            now,
        ),
    )
    if not inserted:  # another process stored the same text (or id) since the checks above
        again = db.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,))
        if again:
            return AddResult(again[0][0], digest, added=False)
        raise _id_taken(db, art, article_id)
    db.execute_many(
        "INSERT INTO boilerplate (article_id, seq, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
        [(article_id, k, s.start, s.end, s.text) for k, s in enumerate(art.boilerplate)],
    )
    people = [e.text for e in analysis.entities if e.label in ("PER", "ORG")]
    orgs = [e.text for e in analysis.entities if e.label == "ORG"]
    sources = SourceResolver(db, now, language=analysis.language, text=art.text, named=people, organisations=orgs)
    sources.resolve(_named_sources(analysis))
    attribution_ids = _insert_attributions(db, article_id, analysis, sources)
    entity_ids = _insert_mentions(db, article_id, analysis)
    _insert_claims(db, article_id, analysis, attribution_ids, entity_ids, sources)
    waiting = sum(1 for c in analysis.claims if claim_text(c))
    return AddResult(article_id, digest, added=True, claims=len(analysis.claims), waiting=waiting)


def _free_id(db: Connection, art: Article, digest: str) -> str:
    """The article's id; one the reader made up (``Article.id_derived``) and another text holds already is
    lengthened with the text's hash (``index`` -> ``index-1a2b3c4d``), as ``sayso.ingest.identity`` does."""
    if not art.id:
        return digest[:16]
    if art.id_derived and db.execute("SELECT 1 FROM articles WHERE id = ?", (art.id,)):
        return id_with_hash(art.id, art.text)
    return art.id


def _refuse_unstorable(db: Connection, art: Article, article_id: str) -> None:
    taken = db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,))
    if taken:
        raise _id_taken(db, art, article_id)
    if db.name == "postgresql" and any("\x00" in (v or "") for v in (art.text, art.title, art.url, art.outlet)):
        raise StoreError(
            f"{art.origin or article_id}: the article holds a NUL character, which PostgreSQL cannot store; "
            "remove it from the input or use a SQLite store"
        )


def _id_taken(db: Connection, art: Article, article_id: str) -> StoreError:
    rows = db.execute("SELECT origin FROM articles WHERE id = ?", (article_id,))
    earlier = f" (read from {rows[0][0]})" if rows and rows[0][0] else ""
    return StoreError(
        f"{art.origin or article_id}: article id {article_id!r} is already stored with a different text{earlier}; "
        "give this article another id (--id, or 'id' in its JSONL line)"
    )


_LINK_TYPES = {"outlet": "news outlet"}


def _named_sources(analysis: Analysis) -> dict[str, tuple[str, str | None, str | None]]:
    """Every source an analysis names: key -> (name, the first type given, the first affiliation given)."""
    named: dict[str, tuple[str, str | None, str | None]] = {}

    def note(name: str | None, kind: str | None = None, affiliation: str | None = None) -> None:
        if not name or not name.strip():
            return
        key = source_key(name)
        old_name, old_kind, old_affiliation = named.get(key, (" ".join(name.split()), None, None))
        named[key] = (old_name, old_kind or kind, old_affiliation or affiliation)

    for a in analysis.attributions:
        note(a.speaker, a.speaker_type, _affiliation(a, analysis.entities, name_words(analysis.language)))
        for name in a.based_on:
            note(name)
        for link in a.chain:
            note(link.name, a.speaker_type if link.role == "speaker" and link.name == a.speaker else None)
            note(link.name, _LINK_TYPES.get(link.role))
    for c in analysis.claims:
        note(c.speaker)
    return named


def _affiliation(a: Attribution, entities: Sequence[Entity], words: NameWords) -> str | None:
    """An organisation named inside the source as written (`researcher Anna Korhonen of Aalto University`), or
    a name the tagger took for a person right after the speaker and a role link (`Topvrouw Marieke Dijkhuis van
    Vechtdal Rail`)."""
    if a.source is None or not a.speaker:
        return None
    speaker = a.speaker.casefold()
    after = a.source.text.casefold().find(speaker)
    after = a.source.start + after + len(speaker) if after >= 0 else a.source.end
    for e in entities:
        if not (a.source.start <= e.start and e.end <= a.source.end):
            continue
        gap = a.source.text[after - a.source.start : e.start - a.source.start].casefold().split()
        linked = e.start >= after and bool(gap) and all(w in words.links or w in words.articles for w in gap)
        if e.label != "ORG" and not (e.label == "PER" and linked):
            continue
        names = (e.text.casefold(), e.canonical.casefold())
        if not any(n in speaker or speaker in n for n in names):
            return e.canonical
    return None


def _span(s: Span | None) -> tuple[int | None, int | None, str | None]:
    return (s.start, s.end, s.text) if s is not None else (None, None, None)


def _ids_by_seq(db: Connection, table: str, article_id: str) -> list[int]:
    return [int(r[0]) for r in db.execute(f"SELECT id FROM {table} WHERE article_id = ? ORDER BY seq", (article_id,))]


def _insert_attributions(db: Connection, article_id: str, analysis: Analysis, sources: SourceResolver) -> list[int]:
    db.execute_many(
        "INSERT INTO attributions (article_id, seq, kind, source_start, source_end, source_text, cue_start, cue_end, "
        "cue_text, speaker, speaker_type, speaker_id, said_at, said_at_start, said_at_end, said_at_text, certainty) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                k,
                a.kind,
                *_span(a.source),
                *_span(a.cue),
                a.speaker,
                a.speaker_type,
                sources.id_at(a.speaker, a.source.start if a.source else None),
                a.said_at,
                *_span(a.said_at_span),
                a.certainty,
            )
            for k, a in enumerate(analysis.attributions)
        ],
    )
    ids = _ids_by_seq(db, "attributions", article_id) if analysis.attributions else []
    pairs = list(zip(ids, analysis.attributions, strict=True))
    db.execute_many(
        "INSERT INTO attribution_spans (attribution_id, role, seq, start_char, end_char, text) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(i, "content", k, s.start, s.end, s.text) for i, a in pairs for k, s in enumerate(a.content)]
        + [(i, "certainty_cue", k, s.start, s.end, s.text) for i, a in pairs for k, s in enumerate(a.certainty_cues)],
    )
    db.execute_many(
        "INSERT INTO attribution_based_on (attribution_id, seq, name, source_id) VALUES (?, ?, ?, ?)",
        [(i, k, name, sources.id(name)) for i, a in pairs for k, name in enumerate(a.based_on)],
    )
    db.execute_many(
        "INSERT INTO chain_links (attribution_id, seq, name, role, source_id, start_char, end_char, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (i, k, link.name, link.role, sources.id(link.name), *_span(link.span))
            for i, a in pairs
            for k, link in enumerate(a.chain)
        ],
    )
    return ids


def _insert_mentions(db: Connection, article_id: str, analysis: Analysis) -> list[int]:
    """Quantities, times and entities of the article; returns the entities' ids in order."""
    db.execute_many(
        "INSERT INTO quantities (article_id, seq, start_char, end_char, text, value, low, high, unit, qualifier) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, k, q.start, q.end, q.text, q.value, q.low, q.high, q.unit, q.qualifier)
            for k, q in enumerate(analysis.quantities)
        ],
    )
    db.execute_many(
        "INSERT INTO times (article_id, seq, start_char, end_char, text, value, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article_id, k, t.start, t.end, t.text, t.value, t.kind) for k, t in enumerate(analysis.times)],
    )
    db.execute_many(
        "INSERT INTO entities (article_id, seq, start_char, end_char, text, label, canonical) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article_id, k, e.start, e.end, e.text, e.label, e.canonical) for k, e in enumerate(analysis.entities)],
    )
    return _ids_by_seq(db, "entities", article_id) if analysis.entities else []


def _attribution_of(claim: Claim, attributions: Sequence[Attribution]) -> int | None:
    """The attribution a claim was built from: the same content, else one whose content holds the claim's (a
    claim for one of two propositions it states); preferably the same speaker."""
    if claim.kind in ("assertion", "headline") or not claim.content:
        return None
    same = [k for k, a in enumerate(attributions) if a.content == claim.content] or [
        k
        for k, a in enumerate(attributions)
        if all(any(c.start <= s.start and s.end <= c.end for c in a.content) for s in claim.content)
    ]
    return next((k for k in same if attributions[k].speaker == claim.speaker), same[0] if same else None)


def claim_text(claim: Claim) -> str:
    """A claim's text as stored: its content's spans, joined (empty: the claim joins no cluster)."""
    return CONTENT_SEPARATOR.join(s.text for s in claim.content)


def _insert_claims(
    db: Connection,
    article_id: str,
    analysis: Analysis,
    attribution_ids: Sequence[int],
    entity_ids: Sequence[int],
    sources: SourceResolver,
) -> None:
    rows = []
    for k, claim in enumerate(analysis.claims):
        spans = claim.content
        a = _attribution_of(claim, analysis.attributions)
        rows.append(
            (
                article_id,
                k,
                attribution_ids[a] if a is not None else None,
                claim.kind,
                claim.speaker,
                _speaker_id(claim, analysis.attributions[a] if a is not None else None, sources),
                claim.certainty,
                claim.polarity,
                claim.said_at,
                _iso(said_on(claim.said_at, analysis.article.published)),
                min((s.start for s in spans), default=0),
                max((s.end for s in spans), default=0),
                claim_text(claim),
                claim.context.start if claim.context is not None else None,
                claim.context.end if claim.context is not None else None,
            )
        )
    db.execute_many(
        "INSERT INTO claims (article_id, seq, attribution_id, kind, speaker, speaker_id, certainty, polarity, "
        "said_at, said_on, start_char, end_char, text, context_start, context_end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    ids = _ids_by_seq(db, "claims", article_id) if rows else []
    pairs = list(zip(ids, analysis.claims, strict=True))
    db.execute_many(
        "INSERT INTO claim_spans (claim_id, seq, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
        [(i, j, s.start, s.end, s.text) for i, c in pairs for j, s in enumerate(c.content)],
    )
    _words.write(db, [(i, claim_text(c), c.speaker) for i, c in pairs])
    db.execute_many(
        "INSERT INTO claim_quantities (claim_id, seq, start_char, end_char, text, value, low, high, unit, qualifier) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (i, j, q.start, q.end, q.text, q.value, q.low, q.high, q.unit, q.qualifier)
            for i, c in pairs
            for j, q in enumerate(c.quantities)
        ],
    )
    db.execute_many(
        "INSERT INTO claim_times (claim_id, seq, start_char, end_char, text, value, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(i, j, t.start, t.end, t.text, t.value, t.kind) for i, c in pairs for j, t in enumerate(c.times)],
    )
    db.execute_many(
        "INSERT INTO claim_entities (claim_id, entity_id) VALUES (?, ?)",
        [
            (i, entity_ids[j])
            for i, c in pairs
            for j, e in enumerate(analysis.entities)
            if any(s.start <= e.start and e.end <= s.end for s in c.content)
        ],
    )


def _speaker_id(claim: Claim, a: Attribution | None, sources: SourceResolver) -> int | None:
    """The source of a claim's speaker where its attribution writes it (`het bedrijf` is the company named
    before it there)."""
    if a is not None and a.source is not None and a.speaker == claim.speaker:
        return sources.id_at(claim.speaker, a.source.start)
    return sources.id(claim.speaker)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
