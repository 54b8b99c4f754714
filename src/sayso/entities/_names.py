"""Labels and canonical names for the name forms found in one document.

In order: the gazetteer (``Rusland`` -> ``Russia``); an acronym defined in parentheses
(``United States Air Force (USAF)``); a shorter form of a longer name in the same article
(``Boedanov`` after ``Kyrylo Boedanov``, ``Lockheed`` after ``Lockheed Martin``); an acronym
spelling the initials of such a name (``GAO``); the language's transliteration rules
(``Loehansk`` -> ``Luhansk``); else the form itself.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from sayso.entities._candidates import Candidate
from sayso.entities._context import Context
from sayso.entities._gazetteer import Entry
from sayso.entities._transliterate import looks_transliterated, respell_place, transliterate
from sayso.records import Entity

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.]{1,7}")
_DIGIT = re.compile(r"\d")
_MIXED = re.compile(r"^[a-z]{1,3}[A-Z]")
_NAME_PART = re.compile(r"[A-Z][a-zà-ÿ'’-]+|[A-Z]\.|(?:Mc|Mac|O'|D')[A-Z][a-z]+")
_PLURAL = re.compile(r"(?<=[0-9A-Za-z])(?:'s|’s|s)$")


@dataclass(slots=True)
class Name:
    """One distinct name form of the document and what is known about it."""

    form: str
    first: int  # word index of its first mention
    label: str | None
    canonical: str | None
    resolved: bool  # canonical settled by the gazetteer or an alias
    titled: bool = False  # some mention follows a title or role


def _lookup(ctx: Context, form: str, entry: Entry | None) -> Entry | None:
    if entry:
        return entry
    found = ctx.gaz.lookup_folded(form)
    if found is None and _PLURAL.search(form):
        found = ctx.gaz.lookup_folded(_PLURAL.sub("", form))  # A380s, Dreamliners, Boeing 737s
    if found is None:
        bare = _without_legal_suffix(form, ctx.rules.legal_suffixes)
        if bare != form:
            found = ctx.gaz.lookup(bare)  # Aer Lingus Group PLC
    return found


def _without_legal_suffix(form: str, suffixes: frozenset[str]) -> str:
    """``AirTanker Ltd.`` -> ``AirTanker``, ``Aer Lingus Group PLC`` -> ``Aer Lingus Group``."""
    parts = form.split()
    while len(parts) > 1 and parts[-1].rstrip(",") in suffixes:
        parts.pop()
    return " ".join(parts).rstrip(",")


def _compass_place(ctx: Context, form: str) -> Entry | None:
    """``Zuid-Libanon`` -> South Lebanon: a compass prefix before a known place."""
    for prefix, english in ctx.rules.compass_prefixes.items():
        if form.startswith(prefix) and len(form) > len(prefix):
            place = ctx.gaz.lookup(form[len(prefix) :])
            if place and place.label in ("GPE", "LOC"):
                return Entry("LOC", f"{english} {place.canonical}")
    return None


def _telling_label(ctx: Context, form: str) -> str | None:
    """A label the form itself tells: an institution or place word, digits, a maker before a model."""
    r = ctx.rules
    parts = form.split()
    for word in (parts[-1], *parts):
        for label in ("ORG", "LOC", "GPE", "EVENT", "MISC"):
            if word in r.heads.get(label, ()):
                return label
    if r.place_pattern and len(parts) == 1 and r.place_pattern.search(form):
        return "GPE"  # Californië, Novohrodivka
    if _DIGIT.search(form) or any(_MIXED.match(p) for p in parts):
        return "PRODUCT"
    known = ctx.gaz.lookup(parts[0])
    if len(parts) >= 2 and known and known.label in ("ORG", "PRODUCT"):
        return "PRODUCT"  # a maker's name before a model: Lockheed Tristar, Intel Core Duo
    if r.compound_heads and parts[0] not in r.first_names:
        # Dutch glues the institution word on: Gerechtshof, Rekenkamer, Noordzee
        for word in (parts[-1], *parts):
            low = word.lower()
            for label in ("ORG", "LOC", "GPE", "EVENT", "MISC"):
                if any(low.endswith(h.lower()) and len(low) >= len(h) + 4 for h in r.heads.get(label, ())):
                    return label
    return None


def _described_as_organisation(ctx: Context, first: int) -> bool:
    """The word before a name's first mention is a noun for an organisation, alone or ending a compound, written
    in lower case or opening its sentence: `hospital group Zorgnet`, `Ziekenhuisgroep Zorgnet`."""
    if first == 0:
        return False
    before = ctx.words[first - 1]
    low = before.text.lower()
    if not (before.kind == "lower" or before.initial) or not before.space:
        return False
    return any(low == d or (low.endswith(d) and len(low) >= len(d) + 3) for d in ctx.rules.org_descriptors)


def guess_label(ctx: Context, form: str, alone: frozenset[str]) -> str:
    """A label for a name that neither the gazetteer nor the backbone labelled.

    ``alone`` holds the one-word names of the document: a surname used alone marks a person.
    """
    strong = _telling_label(ctx, form)
    if strong:
        return strong
    r = ctx.rules
    parts = form.split()
    if len(parts) >= 2 and (parts[0] in r.first_names or parts[0] in r.korean_surnames):
        return "PER"
    if all(p.isupper() for p in parts):
        return "ORG"
    if 2 <= len(parts) <= 4 and all(_NAME_PART.fullmatch(p) for p in parts):
        if parts[-1] in alone or (len(parts) <= 3 and not any(ctx.gaz.lookup(p) for p in parts)):
            return "PER"  # Jusman Syafii Djamal (... Djamal)
    if looks_transliterated(form, r.transliteration):
        return "PER"
    return "ORG"


def _acronym_definitions(ctx: Context, kept: list[Candidate]) -> dict[str, str]:
    """Acronym -> the name it follows in parentheses: ``United States Air Force (USAF)``."""
    w = ctx.words
    out: dict[str, str] = {}
    for a, b in itertools.pairwise(kept):
        if b.start - a.end == 1 and b.end < len(w) and w[a.end].text == "(" and w[b.end].text == ")":
            short = w.span_text(b.start, b.end)
            long_ = w.span_text(a.start, a.end)
            if _ACRONYM.fullmatch(short) and len(long_.split()) > 1:
                out.setdefault(short, long_)
    return out


def _initials(form: str, skip: frozenset[str]) -> str:
    return "".join(p[0] for p in re.split(r"[\s-]+", form) if p and p[0].isupper() and p.lower() not in skip)


def _shorter_full_name(parts: list[str], oparts: list[str]) -> bool:
    """Is ``parts`` a person's name written shorter than ``oparts``: the same surname, the given name
    the same or shortened, middle names left out ("Greg Hanson", "Gregory Hanson" for "Gregory Lyle Hanson")?"""
    if len(parts) < 2 or parts[-1] != oparts[-1] or not _NAME_PART.fullmatch(parts[0]):
        return False
    given, full = parts[0], oparts[0]
    if not (given == full or (len(given) >= 3 and full.startswith(given))):
        return False
    middle = iter(oparts[1:-1])
    return all(p in middle for p in parts[1:-1])  # in order, none new


def _alias_target(names: dict[str, Name], name: Name, ctx: Context) -> Name | None:
    """A longer name of the document of which ``name`` is a shorter form."""
    parts = name.form.split()
    korean = parts[0] in ctx.rules.korean_surnames
    best: Name | None = None
    for other in names.values():
        oparts = other.form.split()
        if len(oparts) <= len(parts) or other is name:
            continue
        person = name.label == "PER" or other.label == "PER"
        suffix = oparts[-len(parts) :] == parts
        if person and not suffix:  # `De Vries` opening a sentence is `Jan de Vries`: a particle's capital
            suffix = [p.casefold() for p in oparts[-len(parts) :]] == [p.casefold() for p in parts]
        prefix = oparts[: len(parts)] == parts
        if name.label in ("GPE", "LOC") and oparts[-1] in ctx.rules.place_named_heads:
            continue  # the place a newspaper or a police force is named after: "Castlebury" of "Castlebury Ledger"
        if person:
            ok = suffix or (prefix and korean) or _shorter_full_name(parts, oparts)
        else:
            rest = oparts[len(parts) :] if prefix else oparts[: -len(parts)]
            ok = (prefix or suffix) and not any(_DIGIT.search(p) for p in rest)
        if not ok:
            continue
        # the nearest one before the first mention, else the first one after it
        if best is None:
            best = other
        elif (other.first < name.first) and (best.first > name.first or other.first > best.first):
            best = other
        elif other.first > name.first and best.first > name.first and other.first < best.first:
            best = other
    return best


def name_entities(ctx: Context, kept: list[Candidate], ner_labels: dict[int, str]) -> list[Entity]:
    """Entities for the kept candidates, each with a label and a canonical name."""
    r = ctx.rules
    spans = _genitives(ctx, kept)
    names: dict[str, Name] = {}
    for c, (_, _, form) in zip(kept, spans, strict=True):
        if form in names:
            names[form].titled |= c.titled
            continue
        entry = _lookup(ctx, form, c.entry) or _compass_place(ctx, form)
        if entry:
            names[form] = Name(form, c.start, entry.label, entry.canonical, True)
        else:
            names[form] = Name(form, c.start, c.label or ner_labels.get(c.start), None, False, c.titled)

    alone = frozenset(f for f in names if " " not in f)
    for name in names.values():
        if name.label is None:
            guess = guess_label(ctx, name.form, alone)
            name.label = "PER" if name.titled and guess == "ORG" else guess
        elif not name.resolved:
            parts = name.form.split()
            given = len(parts) >= 2 and parts[0] in r.first_names
            plain = given and len(parts) <= 4 and all(p[:1].isupper() for p in parts)
            if r.ner_weak or name.label == "PER" or name.titled or plain:
                # what the form tells beats a weak backbone, a backbone's PER ("Douglas Aircraft"), a
                # label the backbone gave to a title with the name ("Health Secretary Wes Streeting")
                # and a backbone's ORG for a given name and a surname ("Claire Nicolet")
                telling = _telling_label(ctx, name.form)
                name.label = telling or name.label
                if not telling and name.label != "PER" and (given or (name.titled and len(parts) >= 2)):
                    # a given name opens it (`Remco Breuker`), or a person's title stands before a name of two
                    # words or more (`chief executive Hanna Meijer`), whatever the backbone said
                    name.label = "PER"
            if name.label == "PER" and len(parts) == 1 and _ACRONYM.fullmatch(name.form) and "." not in name.form:
                name.label = "ORG"  # an acronym is not a person: LSEG

    for name in names.values():  # `hospital group Zorgnet`, `ziekenhuisgroep X`: whatever was guessed or said
        given = name.form.split()[0] in r.first_names
        if not name.resolved and name.label in ("PER", "LOC", "MISC") and not given and not name.titled:
            if _described_as_organisation(ctx, name.first):
                name.label = "ORG"

    definitions = _acronym_definitions(ctx, kept)
    skip = frozenset(p for phrase in (*r.joiners, *r.particles) for p in phrase) | r.determiners
    # longer names first, so that a short form takes the settled canonical of its long form
    for name in sorted(names.values(), key=lambda n: -len(n.form.split())):
        if name.resolved:
            continue
        target = None
        if name.form in definitions and definitions[name.form] in names:
            target = names[definitions[name.form]]
        if target is None:
            target = _alias_target(names, name, ctx)
        if target is None and _ACRONYM.fullmatch(name.form):
            letters = name.form.replace(".", "")
            target = next(
                (o for o in names.values() if len(o.form.split()) > 1 and _initials(o.form, skip) == letters), None
            )
        if target is not None:
            name.canonical = target.canonical or target.form
            name.label = target.label
            name.resolved = True

    for name in names.values():
        if name.canonical is None:
            canonical = name.form
            if name.label == "ORG":
                canonical = _without_legal_suffix(canonical, r.legal_suffixes)
            if name.label in ("PER", "GPE", "LOC"):
                canonical = transliterate(canonical, r.transliteration)
            if name.label in ("GPE", "LOC"):
                canonical = respell_place(canonical, r.transliteration)
            name.canonical = canonical

    out = []
    for start, end, form in spans:
        name = names[form]
        out.append(Entity(start, end, form, name.label or "MISC", name.canonical or form))
    return out


def _genitives(ctx: Context, kept: list[Candidate]) -> list[tuple[int, int, str]]:
    """Character span and form of each candidate, a genitive ``s`` cut off where the language
    glues one to names ("Poetins oorlog", "Ruslands president")."""
    w = ctx.words
    spans = [(w[c.start].start, w[c.end - 1].end, w.span_text(c.start, c.end)) for c in kept]
    if not ctx.rules.genitive_s:
        return spans
    forms = {form for _, _, form in spans}
    out = []
    for c, (start, end, form) in zip(kept, spans, strict=True):
        bare = form[:-1]
        if form.endswith("s") and len(bare) > 2 and not c.entry and not ctx.gaz.lookup(form):
            entry = ctx.gaz.lookup(bare)
            if (entry and entry.label in ("PER", "GPE", "LOC")) or (bare in forms and not entry):
                out.append((start, end - 1, bare))
                continue
        out.append((start, end, form))
    return out
