"""The language knowledge of the entities stage, read once per language from ``resources/LANG/entities_*``.

Text files may pull in another language's file of the same name with a line ``@include LANG``
(Dutch news quotes English names, titles and units, so the Dutch lists include the English ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sayso.language.resources import load_json, load_lines

LABELS = ("PER", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "MISC")


def _lines(language: str, name: str, _seen: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Entries of ``LANG/NAME.txt`` with ``@include OTHER`` lines expanded."""
    out: list[str] = []
    for line in load_lines(language, name):
        if line.startswith("@include "):
            other = line.split(None, 1)[1].strip()
            if other not in _seen and other != language:
                out.extend(_lines(other, name, _seen | {language}))
        else:
            out.append(line)
    return tuple(out)


def _words(language: str, name: str) -> frozenset[str]:
    return frozenset(w for line in _lines(language, name) for w in line.split())


@dataclass(frozen=True, slots=True)
class Phrases:
    """Lower-cased word sequences ("minister van defensie"), indexed by their first word."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]  # longest first
    all: frozenset[tuple[str, ...]]
    longest: int

    def __contains__(self, phrase: object) -> bool:
        return phrase in self.all

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.all)

    def starting(self, word: str) -> tuple[tuple[str, ...], ...]:
        return self.by_first.get(word.lower(), ())


def _phrases(items: list[str]) -> Phrases:
    seqs = {tuple(item.lower().split()) for item in items if item.strip()}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(seqs, key=lambda s: (-len(s), s)):
        by_first.setdefault(seq[0], []).append(seq)
    return Phrases({k: tuple(v) for k, v in by_first.items()}, frozenset(seqs), max((len(s) for s in seqs), default=0))


@dataclass(frozen=True, slots=True)
class Transliteration:
    """Respelling rules for names written in the language's own spelling of a foreign script."""

    markers: tuple[re.Pattern[str], ...]
    blockers: tuple[re.Pattern[str], ...]
    rules: tuple[tuple[re.Pattern[str], str], ...]
    place_rules: tuple[tuple[re.Pattern[str], str], ...]


@dataclass(frozen=True, slots=True)
class Rules:
    """Everything language-specific that the entities stage needs, besides the gazetteer."""

    language: str
    ner_labels: dict[str, str | None]
    ner_weak: bool  # the backbone's NER needs the same evidence as a run of capitals
    particles: Phrases
    joiners: Phrases
    head_joiners: Phrases
    determiners: frozenset[str]
    cut_before: frozenset[str]
    genitive_s: bool
    legal_suffixes: frozenset[str]
    heads: dict[str, frozenset[str]]
    place_named_heads: frozenset[str]  # "Ledger", "Police": a place before one is still a place
    org_descriptors: tuple[str, ...]  # "group", "groep": before a name, it names an organisation
    compound_heads: bool
    norp_pattern: re.Pattern[str] | None
    place_pattern: re.Pattern[str] | None
    place_adjective_suffixes: tuple[str, ...]
    compass_prefixes: dict[str, str]
    titles: Phrases
    portfolios: Phrases  # "asiel en migratie", "health": part of a minister's title, not a name
    portfolio_titles: Phrases  # the titles that take a portfolio (minister, secretary)
    portfolio_joiners: Phrases  # "van", "for": between a title and its portfolio
    portfolio_links: Phrases  # "en", "and", ",": between two portfolios
    title_suffixes: tuple[str, ...]
    nonnames: frozenset[str]
    amount: re.Pattern[str]  # a number with a suffix that is never a name: 5th, 150ste, 15bn, 320x240
    first_names: frozenset[str]
    korean_surnames: frozenset[str]
    transliteration: Transliteration


def _transliteration(language: str) -> Transliteration:
    data = load_json(language, "entities_transliteration")
    return Transliteration(
        markers=tuple(re.compile(p) for p in data.get("markers", [])),
        blockers=tuple(re.compile(p) for p in data.get("blockers", [])),
        rules=tuple((re.compile(a), b) for a, b in data.get("rules", [])),
        place_rules=tuple((re.compile(a), b) for a, b in data.get("place_rules", [])),
    )


def _amount(suffixes: list[str]) -> re.Pattern[str]:
    """Digits with one of the suffixes (longest first), or a size such as ``320x240``."""
    alternatives = [re.escape(x) for x in sorted(suffixes, key=len, reverse=True)] + [r"x\d+"]
    return re.compile(r"\d+(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


@cache
def rules(language: str) -> Rules:
    """The entity rules for ``language`` (cached)."""
    data = load_json(language, "entities_rules")
    titles = _lines(language, "entities_titles")
    norp = data.get("norp_pattern") or ""
    place = data.get("place_pattern") or ""
    return Rules(
        language=language,
        ner_labels=dict(data.get("ner_labels", {})),
        ner_weak=bool(data.get("ner_weak", False)),
        particles=_phrases(data.get("particles", [])),
        joiners=_phrases(data.get("joiners", [])),
        head_joiners=_phrases(data.get("head_joiners", [])),
        determiners=frozenset(w.lower() for w in data.get("determiners", [])),
        cut_before=frozenset(data.get("cut_before", [])),
        genitive_s=bool(data.get("genitive_s", False)),
        legal_suffixes=frozenset(data.get("legal_suffixes", [])),
        heads={label: frozenset(words) for label, words in data.get("heads", {}).items()},
        place_named_heads=frozenset(data.get("place_named_heads", [])),
        org_descriptors=tuple(data.get("org_descriptors", [])),
        compound_heads=bool(data.get("compound_heads", False)),
        norp_pattern=re.compile(norp) if norp else None,
        place_pattern=re.compile(place) if place else None,
        place_adjective_suffixes=tuple(data.get("place_adjective_suffixes", [])),
        compass_prefixes=dict(data.get("compass_prefixes", {})),
        titles=_phrases([t for t in titles if not t.startswith("-")]),
        portfolios=_phrases(list(_lines(language, "entities_portfolios"))),
        portfolio_titles=_phrases(data.get("portfolio_titles", [])),
        portfolio_joiners=_phrases(data.get("portfolio_joiners", [])),
        portfolio_links=_phrases(data.get("portfolio_links", [])),
        title_suffixes=tuple(sorted({t[1:].lower() for t in titles if t.startswith("-") and len(t) > 1})),
        nonnames=frozenset(w.lower() for w in _words(language, "entities_nonnames")),
        amount=_amount(data.get("amount_suffixes", [])),
        first_names=_words(language, "entities_first_names"),
        korean_surnames=_words(language, "entities_korean_surnames"),
        transliteration=_transliteration(language),
    )
