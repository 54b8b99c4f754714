"""The ``WHERE`` of a claims query: ``about`` words, speaker, dates, language, article and outlet.

``about`` is split into words and every word must match (case-insensitive) the claim's text, its speaker
or source name, or an entity it mentions. A run of words that is a known name in any language's gazetteer
(``Verenigde Staten``) also matches a claim whose entities have that name's canonical form
(``United States``), so a Dutch name finds English claims and the reverse. Values go in as parameters;
only the fixed SQL below is ever put together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sayso.language.resources import load_json, supported_languages
from sayso.store._words import terms

_L = "LIKE ? ESCAPE '\\'"
_ENTITY = (
    "EXISTS (SELECT 1 FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = c.id "
    f"AND (lower(e.canonical) {_L} OR lower(e.text) {_L}{{more}}))"
)
_WORD = f"(lower(c.text) {_L} OR lower(c.speaker) {_L} OR lower(s.name) {_L} OR {_ENTITY})"
_SHORT = 3  # forms this long or shorter must match in case (`US`, not `us`), as in the entity layer


def like(text: str) -> str:
    """A case-insensitive substring pattern for ``lower(x) LIKE ? ESCAPE '\\'``."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@cache
def _known_names() -> tuple[dict[str, str], dict[str, str]]:
    """Every gazetteer form and canonical name of every language -> its canonical name: exact, and folded."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for language in supported_languages():
        for rows in load_json(language, "entities_gazetteer").get("entries", {}).values():
            for canonical, *forms in rows:
                for form in (canonical, *forms):
                    exact.setdefault(form, canonical)
                    if len(form) > _SHORT:
                        folded.setdefault(form.casefold(), canonical)
    return exact, folded


def canonical_name(phrase: str) -> str | None:
    """The canonical name of ``phrase`` when some language's gazetteer knows it (``Rusland`` -> ``Russia``)."""
    exact, folded = _known_names()
    return exact.get(phrase) or folded.get(phrase.casefold())


def about_terms(about: str) -> list[tuple[str, str | None]]:
    """The words of ``about``, a run of words that is a known name kept together with its canonical name."""
    words = about.split()
    out: list[tuple[str, str | None]] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            canonical = canonical_name(phrase)
            if canonical is not None or j == i + 1:
                out.append((phrase, canonical))
                i = j
                break
    return out


def _term(phrase: str, canonical: str | None) -> tuple[str, list[Any]]:
    if canonical is None:
        return _WORD.format(more=""), [like(phrase)] * 5
    sql = f"({_WORD.format(more=' OR lower(e.canonical) = ?')} OR lower(c.text) {_L})"
    return sql, [like(phrase)] * 5 + [canonical.lower(), like(canonical)]


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What ``Store.claims`` selects by; every field None selects every claim."""

    about: str | None = None
    speaker: str | None = None
    since: date | None = None
    until: date | None = None
    language: str | None = None
    article: str | None = None
    outlet: str | None = None
    after: int | None = None  # only claims with a larger id: the next page
    words: str | None = None  # whole words, each in the claim or its speaker's name (through the word index)
    entity: str | None = None  # a named entity it mentions, by its name in any language (canonical or as written)

    @property
    def dated(self) -> bool:
        """Whether it keeps only claims with a date (so that claims without one drop out)."""
        return self.since is not None or self.until is not None

    def where(self, *, undated: bool = False) -> tuple[str, list[Any]]:
        """SQL over ``claims c``, ``articles a`` and ``sources s`` and its parameters. ``undated``: the claims
        the other filters keep that have no date, instead of the dated ones ``since``/``until`` keep."""
        parts: list[str] = []
        params: list[Any] = []
        for phrase, canonical in about_terms(self.about or ""):
            sql, values = _term(phrase, canonical)
            parts.append(sql)
            params += values
        for word in terms(self.words or ""):
            parts.append("c.id IN (SELECT w.claim_id FROM claim_words w WHERE w.word = ?)")
            params.append(word)
        if self.entity:
            names = sorted({self.entity, canonical_name(self.entity) or self.entity})
            parts.append(
                "c.id IN (SELECT ce.claim_id FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id "
                f"WHERE e.canonical IN ({', '.join('?' * len(names))}))"
            )
            params += names
        if self.speaker:  # through the sources and their spellings, not a scan of the claims
            parts.append(
                f"c.speaker_id IN (SELECT al.source_id FROM source_aliases al WHERE lower(al.name) {_L} "
                f"UNION SELECT s2.id FROM sources s2 WHERE lower(s2.name) {_L})"
            )
            params += [like(self.speaker)] * 2
        if self.language:
            parts.append("a.language = ?")
            params.append(self.language)
        if self.article:
            parts.append("a.id = ?")
            params.append(self.article)
        if self.outlet:
            parts.append(f"c.article_id IN (SELECT a2.id FROM articles a2 WHERE lower(a2.outlet) {_L})")
            params.append(like(self.outlet))
        if self.after is not None:
            parts.append("c.id > ?")
            params.append(int(self.after))
        if undated:
            parts.append("c.said_on IS NULL")
        else:
            for value, op in ((self.since, ">="), (self.until, "<=")):
                if value is not None:
                    parts.append(f"c.said_on {op} ?")
                    params.append(value.isoformat())
        return " AND ".join(parts), params
