"""A STIX 2.1 bundle (OASIS CTI), made and checked by the ``stix2`` library.

- ``identity``: sayso (a system, the creator of everything below but the grades), every speaker and
  cited source (``individual``, ``group`` or ``organization``), every analyst who graded one;
- ``report``: one per article, ``published`` on its date, referring to its claims;
- ``note``: one per claim (its text; the kind, certainty and polarity as labels; the confidence of its
  certainty on the STIX "DNI scale"), and one per analyst grade, on the source's identity, authored by the
  analyst, tagged with the MISP admiralty-scale tag;
- ``opinion``: sayso's proposed credibility of a cluster (1-5; 6 says nothing) on all its claims, with the
  STIX "Admiralty Credibility" confidence;
- ``relationship``: a claim ``attributed-to`` its speaker, ``derived-from`` the origin its chain cites,
  and ``contradicts`` a claim it contradicts (the reason in its description).

IDs are UUID version 5 of what they name: the same store gives the same ids. docs/export.md: the mappings.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import stix2

from sayso.export._ids import article_iri, stable_uuid
from sayso.export.confidence import (
    CREDIBILITY_OPINION,
    certainty_confidence,
    credibility_confidence,
    reliability_tag,
)
from sayso.shapes import CREDIBILITY
from sayso.store.records import GRADE_MEANINGS

if TYPE_CHECKING:
    from sayso.export._select import Selection
    from sayso.store import SourceRow, StoredArticle, StoredClaim, StoredCluster

_CLASSES = {"person": "individual", "group": "group"}  # every other kind of source is an organization
_SAYSO = f"identity--{stable_uuid('identity', 'sayso')}"


def _time(value: str | date | None, fallback: datetime) -> datetime:
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, str) and value:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return fallback


def _stamp(when: datetime) -> dict[str, datetime]:
    """``created`` and ``modified``: both the given time (stix2 would make ``modified`` now)."""
    return {"created": when, "modified": when}


def _id(kind: str, *parts: object) -> str:
    return f"{kind}--{stable_uuid(kind, *parts)}"


class _Bundle:
    """The objects of one bundle, each made once."""

    def __init__(self, selection: Selection) -> None:
        self.selection = selection
        times = [_time(c.article.ingested_at, datetime.now(UTC)) for c in selection.claims]
        self.epoch = min(times, default=datetime.now(UTC))
        self.objects: dict[str, Any] = {}
        self.add(stix2.Identity(id=_SAYSO, name="sayso", identity_class="system", **_stamp(self.epoch)))

    def add(self, obj: Any) -> str:
        self.objects.setdefault(obj.id, obj)
        return str(obj.id)

    def identity(self, name: str, kind: str | None) -> str:
        row = self.selection.source(name)
        kind = kind or (row.type if row else None)
        found = _id("identity", "source", name)
        if found not in self.objects:
            extra = {"description": f"also written: {'; '.join(row.aliases)}"} if row and row.aliases else {}
            self.add(
                stix2.Identity(
                    id=found,
                    name=name,
                    identity_class=_CLASSES.get(kind or "", "organization" if kind else "unknown"),
                    **_stamp(self.epoch),
                    created_by_ref=_SAYSO,
                    **extra,
                )
            )
        return found

    def claim(self, c: StoredClaim) -> str:
        report = _id("report", c.article.id)
        confidence = certainty_confidence(c.certainty)
        note = self.add(
            stix2.Note(
                id=_id("note", "claim", c.id),
                abstract=f"{c.source or c.speaker or 'the article itself'} ({c.kind}, {c.certainty})",
                content=c.text,
                object_refs=[report],
                labels=[f"kind:{c.kind}", f"certainty:{c.certainty}", f"polarity:{c.polarity}"],
                lang=c.article.language,
                **_stamp(_time(c.article.ingested_at, self.epoch)),
                created_by_ref=_SAYSO,
                **({"confidence": confidence} if confidence is not None else {}),
            )
        )
        speaker = c.source or c.speaker
        if speaker:
            self.relate(note, "attributed-to", self.identity(speaker, c.speaker_type), c)
        if c.chain and c.chain[-1].role == "cited" and c.chain[-1].name != speaker:
            self.relate(note, "derived-from", self.identity(c.chain[-1].name, None), c)
        return note

    def relate(self, source: str, kind: str, target: str, c: StoredClaim, description: str | None = None) -> None:
        self.add(
            stix2.Relationship(
                id=_id("relationship", source, kind, target),
                source_ref=source,
                relationship_type=kind,
                target_ref=target,
                **_stamp(_time(c.article.ingested_at, self.epoch)),
                created_by_ref=_SAYSO,
                **({"description": description} if description else {}),
            )
        )

    def report(self, article: StoredArticle, refs: list[str]) -> None:
        url = [{"source_name": article.outlet or "article", "url": article.url}] if article.url else []
        self.add(
            stix2.Report(
                id=_id("report", article.id),
                name=article.title or article.id,
                description=f"the claims sayso found in {article_iri(article)}"
                + (f", published by {article.outlet}" if article.outlet else ""),
                published=_time(article.published, _time(article.ingested_at, self.epoch)),
                object_refs=refs,
                lang=article.language,
                **_stamp(_time(article.ingested_at, self.epoch)),
                created_by_ref=_SAYSO,
                **({"external_references": url} if url else {}),
            )
        )

    def cluster(self, k: StoredCluster, notes: dict[int, str]) -> None:
        refs = [notes[c.id] for c in k.claims if c.id in notes]
        if refs and k.credibility in CREDIBILITY_OPINION:
            self.add(
                stix2.Opinion(
                    id=_id("opinion", "cluster", k.id),
                    opinion=CREDIBILITY_OPINION[k.credibility],
                    explanation=f"proposed information credibility {k.credibility} ({CREDIBILITY[k.credibility]}) "
                    f"from corroboration: {k.independent} independent origin(s): {'; '.join(k.origins)}",
                    object_refs=refs,
                    confidence=credibility_confidence(k.credibility),
                    **_stamp(self.epoch),
                    created_by_ref=_SAYSO,
                )
            )
        by_id = {c.id: c for c in k.claims}
        pairs = [(a, b, reason) for a, b, reason in k.contradictions] + [(a, b, r) for a, b, _, r in k.across]
        for a, b, reason in pairs:
            if a in notes and b in notes:
                self.relate(notes[a], "contradicts", notes[b], by_id.get(a) or k.claims[0], reason)

    def grade(self, s: SourceRow) -> None:
        if s.grade is None:
            return
        graded = _time(s.graded_at, self.epoch)
        identity = self.identity(s.name, s.type)
        self.add(
            stix2.Note(
                id=_id("note", "grade", s.id, s.grade, s.graded_at),
                abstract=f"source reliability {s.grade}",
                content=f"{s.name}: source reliability {s.grade} ({GRADE_MEANINGS[s.grade]}), NATO Admiralty code, "
                "graded by an analyst",
                authors=[s.graded_by] if s.graded_by else None,
                object_refs=[identity],
                labels=[reliability_tag(s.grade)],
                **_stamp(graded),
            )
        )


def bundle(kind: str, selection: Selection) -> stix2.Bundle:
    """The STIX bundle of the selection: for ``sources`` the identities and grades only."""
    made = _Bundle(selection)
    if kind != "sources":
        notes = {c.id: made.claim(c) for c in selection.claims}
        articles: dict[str, tuple[StoredArticle, list[str]]] = {}
        for c in selection.claims:
            articles.setdefault(c.article.id, (c.article, []))[1].append(notes[c.id])
        for article, refs in articles.values():
            made.report(article, refs)
        for k in selection.clusters:
            made.cluster(k, notes)
    for s in selection.sources:
        if kind == "sources":
            made.identity(s.name, s.type)
        made.grade(s)
    return stix2.Bundle(objects=list(made.objects.values()), id=_id("bundle", *sorted(made.objects)))


def write(kind: str, selection: Selection) -> str:
    return str(bundle(kind, selection).serialize(pretty=True)) + "\n"
