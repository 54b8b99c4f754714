"""A MISP event, made offline with ``pymisp``'s objects; ``MISPEvent().load`` reads it back.

- a ``news-media`` object per article (title, outlet as ``source``, address as ``link``);
- a ``person`` or ``organization`` object per speaker and cited source; its name carries the analyst's
  grade as an ``admiralty-scale:source-reliability`` tag;
- an ``annotation`` object per claim: its ``text`` carries the ``estimative-language:likelihood-probability``
  tag of its certainty, the speaker's source-reliability tag, and the
  ``admiralty-scale:information-credibility`` tag of its cluster's proposed credibility; it ``annotates``
  its article, is ``claimed-by`` its speaker, and is ``related-to`` a claim it contradicts (the reason as
  the reference's comment).

Tags follow the MISP taxonomies admiralty-scale and estimative-language; docs/export.md: the mappings.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pymisp import MISPEvent, MISPObject

from sayso.export._ids import SOFTWARE, stable_uuid
from sayso.export.confidence import credibility_tag, likelihood_tag, reliability_tag

if TYPE_CHECKING:
    from sayso.export._select import Selection
    from sayso.store import StoredArticle, StoredClaim


class _Event:
    def __init__(self, selection: Selection) -> None:
        self.selection = selection
        self.event = MISPEvent()
        self.objects: dict[str, MISPObject] = {}

    def _object(self, template: str, key: tuple[object, ...]) -> tuple[MISPObject, bool]:
        uuid = stable_uuid("misp", template, *key)
        if uuid in self.objects:
            return self.objects[uuid], False
        obj = MISPObject(template, standalone=False)
        obj.uuid = uuid
        self.objects[uuid] = obj
        self.event.add_object(obj)
        return obj, True

    def article(self, a: StoredArticle) -> MISPObject:
        obj, new = self._object("news-media", ("article", a.id))
        if new:
            obj.add_attribute("title", value=a.title or a.id)
            if a.outlet:
                obj.add_attribute("source", value=a.outlet)
            if a.url:
                obj.add_attribute("link", value=a.url)
            obj.comment = f"article {a.id} [{a.language}]" + (f", published {a.published}" if a.published else "")
        return obj

    def source(self, name: str, kind: str | None) -> MISPObject:
        row = self.selection.source(name)
        kind = kind or (row.type if row else None)
        person = kind == "person"
        obj, new = self._object("person" if person else "organization", ("source", name))
        if new:
            attribute = obj.add_attribute("full-name" if person else "name", value=name)
            for alias in row.aliases if row else ():
                obj.add_attribute("alias", value=alias)
            if row and row.grade and attribute is not None:
                attribute.add_tag(reliability_tag(row.grade))
                obj.comment = f"source reliability {row.grade}, graded by {row.graded_by or 'an analyst'}"
        return obj

    def claim(self, c: StoredClaim) -> MISPObject:
        obj, _ = self._object("annotation", ("claim", c.id))
        speaker = c.source or c.speaker
        text = obj.add_attribute("text", value=c.text)
        obj.add_attribute("type", value="Annotation")
        obj.add_attribute("format", value="text")
        if c.article.url:
            obj.add_attribute("ref", value=c.article.url)
        cluster = self.selection.cluster_of(c)
        tags = (
            likelihood_tag(c.certainty),
            reliability_tag(c.speaker_grade) if c.speaker_grade else None,
            credibility_tag(cluster.credibility) if cluster else None,
        )
        for tag in tags:
            if tag and text is not None:
                text.add_tag(tag)
        obj.comment = f"claim {c.id}: {speaker or 'the article itself'} ({c.kind}, {c.certainty}, {c.polarity})"
        obj.add_reference(self.article(c.article).uuid, "annotates")
        if speaker:
            obj.add_reference(self.source(speaker, c.speaker_type).uuid, "claimed-by")
        return obj


def event(kind: str, selection: Selection) -> MISPEvent:
    """The MISP event of the selection: for ``sources`` only the sources and their grades."""
    made = _Event(selection)
    e = made.event
    e.uuid = stable_uuid("misp", "event", kind, *(c.id for c in selection.claims), *(s.id for s in selection.sources))
    articles = {c.article.id for c in selection.claims}
    if kind == "sources":
        e.info = f"{SOFTWARE}: {len(selection.sources)} sources"
        for s in selection.sources:
            made.source(s.name, s.type)
    else:
        e.info = f"{SOFTWARE}: {len(selection.claims)} claims from {len(articles)} articles"
        notes = {c.id: made.claim(c) for c in selection.claims}
        for k in selection.clusters:
            pairs = [(a, b, reason) for a, b, reason in k.contradictions] + [(a, b, r) for a, b, _, r in k.across]
            for a, b, reason in pairs:
                if a in notes and b in notes:
                    notes[a].add_reference(notes[b].uuid, "related-to", comment=f"contradicts: {reason}")
    days = [c.article.published for c in selection.claims if c.article.published]
    e.set_date(max(days) if days else date.today())
    return e


def write(kind: str, selection: Selection) -> str:
    return str(event(kind, selection).to_json(indent=1)) + "\n"
