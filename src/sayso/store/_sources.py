"""Sources as entities: every way an article writes a source is an alias of one row of ``sources``.

A name as written is looked up among the aliases (``source_aliases``, the name case-folded, spaces
collapsed). A new spelling is matched by rules (``_names``), in this order:

1. its core: the name without descriptors, reflexives or spokesperson words (`persbureau Bloomberg` ->
   `Bloomberg`, `woordvoerder van Railbeheer` -> `Railbeheer`, `head of rail operator Vechtdal Rail` ->
   `Vechtdal Rail`);
2. a role the same article ties to one of its names, by its own or its other words (`company's chief
   executive` after `chief executive Marjolein Terpstra`; `de topman` after `CEO Karel Desmet`; `The union,
   BAP`), else the organisation written last before it (`Volgens de krant` after `De Standaard`);
3. a short form of one name of the same article; an institution one source has under the same concepts in
   any language (`Israëlische leger` -> `Israeli military`, an index lookup in ``source_keys``); a short form
   of one source of the store: a surname (`Brouwer` -> `Thomas Brouwer`), the first words of an organisation
   (`Veldwacht` -> `Veldwacht Security`), an acronym (`IDF` -> `Israel Defense Forces`); never when two fit;
4. the reverse, across articles: a full name whose short form is stored alone joins it and gives it the
   fuller name;
5. a named spokesperson or official speaks for the organisation the text ties them to (`BAP official Erik
   Hoogendam`); a person stored alone before joins it.

Otherwise a new source is made under its core. Every spelling is kept as an alias of the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sayso.errors import StoreError
from sayso.store._dialect import Connection
from sayso.store._names import (
    NameWords,
    bare_concept_key,
    called,
    capitalised_before,
    concept_key,
    core_name,
    fits_role,
    head_role,
    head_word,
    initials,
    is_acronym,
    is_person_role,
    is_place_role,
    is_proper,
    is_spokesperson,
    last_written,
    name_words,
    named_with,
    names_organisation,
    placed,
    proper_before,
    role_of,
    same_role,
    speaks_for,
    split_official,
    tied_in_text,
    written_before,
)

Named = dict[str, tuple[str, str | None, str | None]]  # key -> (name as written, type, affiliation)
_CHUNK = 500
_GROUP = "anonymous or generic group"  # the type of `people familiar with the matter` (attribution/speakers.py)


def source_key(name: str) -> str:
    """Names that differ only in case or spacing are one spelling."""
    return " ".join(name.split()).casefold()


class SourceResolver:
    """Finds or makes the source of every name of one article, inside the caller's transaction."""

    def __init__(
        self,
        db: Connection,
        now: str,
        *,
        language: str | None = None,
        text: str = "",
        named: Iterable[str] = (),
        organisations: Iterable[str] = (),
    ) -> None:
        self._db = db
        self._named = tuple(dict.fromkeys(n for n in named if is_proper(n)))  # names the text holds (entities)
        self._organisations = frozenset(organisations)  # the names of organisations among them
        self._now = now
        self._words: NameWords = name_words(language)
        self._text = text
        self._ids: dict[str, int] = {}  # key of a spelling -> source id
        self._cores: dict[str, int] = {}  # core of a name in this article -> its source id
        self._kinds: dict[str, str | None] = {}  # core of a name in this article -> the type given it
        self._lower: frozenset[str] | None = None  # the words the text writes in lower case (``_common``)
        self._untied: dict[str, str] = {}  # key of a role no name of the article holds for -> its core

    def id(self, name: str | None) -> int | None:
        return self._ids.get(source_key(name)) if name and name.strip() else None

    def id_at(self, name: str | None, start: int | None) -> int | None:
        """The source of ``name`` written at ``start``: a role the article uses for two organisations (`het
        bedrijf` after Telvora, later after Callnova) is, at each place, the organisation written last before it
        in its paragraph; else the source of the name."""
        key = source_key(name) if name and name.strip() else ""
        core = self._untied.get(key)
        if core is None or start is None:
            return self.id(name)
        here = {  # a name taken for a person is an organisation where the text calls it one (`Callnova, een
            # callcenterbedrijf`)
            c: i
            for c, i in self._cores.items()
            if is_proper(c)
            and (self._kinds.get(c) != "person" or c in self._organisations or called(self._text, c, core, self._words))
        }
        fit = [c for c in here if fits_role(c, core)]
        last = last_written(self._text, start, fit)
        return here[last] if last is not None else self.id(name)

    def resolve(self, named: Named) -> None:
        """Find or make the source of every name of ``named``; keep each spelling as an alias."""
        self._ids.update(_aliases(self._db, list(named)))
        cores = {key: core_name(named[key][0], self._words) for key in named}
        self._kinds.update({cores[key]: named[key][1] for key in named})
        # proper names first, full names before short ones: a surname or a role of the same article then
        # finds the name it stands for
        todo = sorted(named, key=lambda k: (not _named(cores[k]) or self._common(cores[k]), -len(cores[k].split()), k))
        for key in todo:
            name, kind, affiliation = named[key]
            self._ids[key] = self._resolve_one(name, cores[key], kind, affiliation)

    def _resolve_one(
        self, name: str, core: str, kind: str | None, affiliation: str | None, *, named: bool = False
    ) -> int:
        """The source of one name; ``named``: a name the text gives a role, never read as a common noun."""
        key = source_key(name)
        tied: int | None = None
        placed_core: str | None = None
        if (
            is_proper(core)
            and core.casefold() not in self._words.descriptors
            and not is_place_role(core)
            and (named or not self._common(core))
        ):
            # `CEO` and `Dutch rail boss` are roles
            org = None
            if affiliation is None:  # `Marieke Dijkhuis van Vechtdal Rail`, when the text calls her its directeur
                split = split_official(core, self._text, [*self._cores, *self._named], self._words)
                core, org = split or (core, None)
            found = self._here(core)  # a surname of a full name of this article, before any other source
            placed_core = placed(self._text, core)  # `Lebanon's Ministry of Public Health`, tagged without its place
            found = found or self._known(key, core) or self._concept(placed_core or core)
            found = found or self._short_form(core, kind) or self._expands(core, kind)
            org = org or affiliation
            if org and (is_spokesperson(self._text, core, self._words) or speaks_for(self._text, core, self._words)):
                # a spokesperson or an official speaks for the organisation: `woordvoerster Els Maertens van
                # Telvora`, `BAP official Erik Hoogendam`
                found = self._speaks_for(found, core, org)
                kind = affiliation = None
        else:  # a role: `the company` is whoever this article ties it to, else the role as a source
            tied = self._tied(name, core)
            found = tied or self._known(key, core) or self._concept(core)
            if tied is None and self._generic(core):
                self._untied[key] = core
        if found is None:
            found = self._insert(placed_core or core, kind, affiliation)
        else:
            self._fill(found, kind, affiliation)
        self._ids[key] = found
        self._cores.setdefault(core, found)
        if tied is None:  # a role tied to a name holds in its own article only: no alias of the source
            # a name only its place anchors is kept with its place: `Ministry of Public Health` alone may be
            # any country's, `Lebanon's Ministry of Public Health` is `Lebanon's health ministry` elsewhere
            self._alias(found, (placed_core,) if placed_core else (name, core))
        return found

    def _common(self, core: str) -> bool:
        """One capitalised word that its article also writes in lower case is a common noun: `People` of a
        headline (`..., People Say`) after `the people` in the text."""
        if self._lower is None:  # the words the text writes in lower case, read once
            self._lower = frozenset(w for w in re.findall(r"[^\W\d_]+", self._text) if w.islower())
        return " " not in core and core.casefold() in self._lower

    def _known(self, key: str, core: str) -> int | None:
        return self._ids.get(key) or _aliases(self._db, [source_key(core)]).get(source_key(core))

    # the rules

    def _tied(self, name: str, core: str) -> int | None:
        """A role (no proper name) that the article's text ties to exactly one proper name: a source's name
        here, a person or organisation the text names, or a name written as the role's apposition. The role
        is also looked for as its other words (`de topman` -> `CEO Karel Desmet`). Else, for an organisation's
        role or a spokesperson, the name written last before every `the company` in its paragraph."""
        if not self._text:
            return None
        described = self._described_here(core)
        if described is not None:
            return described
        here = {c: i for c, i in self._cores.items() if is_proper(c)}
        names = list(dict.fromkeys([*here, *self._named]))
        role = role_of(name, self._words)
        head = head_role(core) if is_place_role(core) else None  # `Dutch rail boss` is a `boss`
        roles = list(dict.fromkeys(r for r in (core, role, head) if r))
        for r in roles:
            # a spokesperson's other words are no tie: `a Railbeheer spokesperson` is not `a spokeswoman`
            for word in (r,) if r.casefold() in self._words.spokespersons else same_role(r):
                tied = tied_in_text(self._text, word, names, self._words)
                if not tied and len(word.split()) == 1:  # `ministry` after `Lebanon's health ministry` or
                    # `Ministry of Public Health`
                    tied = [c for c in names if head_word(c, self._words).casefold() == word]
                if not tied and names_organisation(word, self._words) and not is_person_role(word, self._words):
                    tied = named_with(self._text, word, self._words)  # `Polar Lynx, a Russian hacker group`
                found = self._one_of(tied, here)
                if found is not None:
                    return found
        for r in roles:  # `het leger` after `het Israëlische leger`, a name the store has
            known = [n for n in proper_before(self._text, r, self._words) if self._known(source_key(n), n)]
            found = self._one_of(known, here)
            if found is not None:
                return found
        for r in roles:
            if not names_organisation(r, self._words) or (
                is_person_role(r, self._words) and r.casefold() not in self._words.spokespersons
            ):
                continue  # `de topman` is not whoever was named last, nor `people`
            fit = [c for c in names if self._kinds.get(c) != "person" and fits_role(c, r)]
            found = self._one_of(written_before(self._text, r, fit, self._words), here)
            if found is None:  # a name no tagger found, that the store knows
                found = self._known_before(r)
            if found is not None:
                return found
        return self._described_before(role, set(here.values()))

    def _described_here(self, core: str) -> int | None:
        """A bare group word stands for the one longer description of its article that starts with it: `the
        people` for `people familiar with the matter`, `officials` for `officials in Kyiv`."""
        word = " ".join(t for t in core.split() if t.casefold() not in self._words.articles).casefold()
        if not word or self._kinds.get(core) != _GROUP:
            return None  # `Police` is no `police investigation`
        ids = {
            i
            for c, i in self._cores.items()
            if not is_proper(c) and c.casefold().startswith(word + " ") and self._kinds.get(c) == _GROUP
        }
        return ids.pop() if len(ids) == 1 else None

    def _known_before(self, role: str) -> int | None:
        """The source of the store written last before the one `de spoorbeheerder` of the text (a role written
        more often may stand for more than one)."""
        ids: set[int | None] = set()
        mentions = capitalised_before(self._text, role, self._words)
        for names in mentions if len(mentions) == 1 else ():
            known = [i for n in names if fits_role(n, role) and (i := self._known(source_key(n), n)) is not None]
            ids.add(known[0] if known else None)
        found = ids.pop() if len(ids) == 1 else None
        if found is None:
            return None
        return found if _names_of(self._db, {found})[found][1] != "person" else None

    def _generic(self, role: str) -> bool:
        """A word for any organisation of a kind (`het bedrijf`, `the newspaper`), not a person's role and not an
        institution's own word (`politie`: whoever its article names before it, the police is the police)."""
        return (
            names_organisation(role, self._words)
            and not is_person_role(role, self._words)
            and bare_concept_key(role, self._words) is None
        )

    def _one_of(self, names: list[str], here: dict[str, int]) -> int | None:
        """The source of ``names`` when they are all one; a name no source has yet becomes one."""
        ids = {here.get(c) or self._here(c) or self._known(source_key(c), c) or c for c in names}
        if len(ids) != 1:
            return None
        found = ids.pop()
        if isinstance(found, int):
            return found
        return self._resolve_one(found, core_name(found, self._words), None, None, named=True)

    def _described_before(self, role: str, here: set[int]) -> int | None:
        """The one source of this article that an earlier article described with ``role``: `de topman` is
        Karel Desmet when both speak here and another article wrote `Telvora-topman Karel Desmet`."""
        if not role or not here:
            return None
        ids = sorted(here)
        rows = self._db.execute(
            "SELECT DISTINCT speaker_id, source_text FROM attributions "
            f"WHERE speaker_id IN ({', '.join('?' * len(ids))}) AND lower(source_text) LIKE ? ESCAPE '\\'",
            [*ids, f"%{_escape(role.casefold())}%"],
        )
        word = re.compile(rf"\w*{re.escape(role)}\b", re.IGNORECASE)
        articles = self._words.articles
        found = {
            int(i)
            for i, text in rows
            if text
            and word.search(text)  # and more than the role itself (`Het bedrijf` tied in its article)
            and source_key(" ".join(t for t in text.split() if t.casefold() not in articles)) != source_key(role)
        }
        return found.pop() if len(found) == 1 else None

    def _here(self, core: str) -> int | None:
        """``core`` is the surname, the first words or the acronym of exactly one name of its article."""
        here = {i for c, i in self._cores.items() if _shortens(core, c)}
        return here.pop() if len(here) == 1 else None

    def _concept(self, core: str) -> int | None:
        """``core`` names an institution one source of the store has under the same concepts, in any language:
        `Israëlische leger` is `Israeli military`, `Oosterhof Ziekenhuis in Almelo` is `Oosterhof Hospital in
        Almelo`, bare `police` is `politie` (as bare `politie` in two articles is one source). An index lookup
        (``source_keys``)."""
        key = concept_key(core) or bare_concept_key(core, self._words)
        if key is None:
            return None
        ids = {int(r[0]) for r in self._db.execute("SELECT source_id FROM source_keys WHERE key = ?", (key,))}
        return ids.pop() if len(ids) == 1 else None

    def _short_form(self, core: str, kind: str | None) -> int | None:
        """``core`` is the surname, the first words or the acronym of exactly one source of the store."""
        if not is_proper(core) or any(_shortens(core, c) for c in self._cores):
            return None  # two names of its own article fit: which one is not known
        if is_acronym(core):
            pattern = " ".join(f"{ch}%" for ch in core.casefold())
            rows = self._db.execute("SELECT id, name, type FROM sources WHERE lower(name) LIKE ?", (pattern,))
        else:
            low = core.casefold()
            rows = self._db.execute(
                "SELECT id, name, type FROM sources "
                "WHERE lower(name) LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\'",
                (f"% {_escape(low)}", f"{_escape(low)} %"),
            )
        ids = {int(i) for i, n, t in rows if _shortens(core, n) and _compatible(core, n, t, kind)}
        return ids.pop() if len(ids) == 1 else None

    def _expands(self, core: str, kind: str | None) -> int | None:
        """``core`` is the full name of a source the store knows only by a short form: it joins and names it."""
        tokens = core.split()
        if len(tokens) < 2 or not is_proper(core):
            return None
        shorts = [tokens[-1], *(" ".join(tokens[:k]) for k in range(1, len(tokens))), initials(core)]
        found = _aliases(self._db, [source_key(s) for s in shorts if s])
        rows = _names_of(self._db, set(found.values()))
        ids = {i for i, (n, t) in rows.items() if _shortens(n, core) and _compatible(n, core, t, kind)}
        if len(ids) != 1:
            return None
        source = ids.pop()
        self._db.execute("UPDATE sources SET name = ? WHERE id = ?", (core, source))
        return source

    def _speaks_for(self, found: int | None, person: str, org: str) -> int:
        """The organisation ``person`` speaks for. A person stored alone before joins it (every spelling, claim
        and grade); a person who already is a spelling of an organisation stays with the first one."""
        org_id = self._resolve_one(org, core_name(org, self._words), None, None, named=True)
        self._fill(org_id, "organisation", None)  # what a person speaks for is no person
        if found is None or found == org_id:
            return org_id
        [(name, kind)] = _names_of(self._db, {found}).values()
        if kind not in (None, "person") or not (source_key(name) == source_key(person) or _shortens(name, person)):
            return found
        merge_sources(self._db, org_id, found)
        self._ids = {k: org_id if i == found else i for k, i in self._ids.items()}
        self._cores = {c: org_id if i == found else i for c, i in self._cores.items()}
        return org_id

    # writing

    def _insert(self, core: str, kind: str | None, affiliation: str | None) -> int:
        key = source_key(core)
        rows = self._db.execute(
            "INSERT INTO sources (key, name, type, affiliation, first_seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET type = COALESCE(sources.type, excluded.type), "
            "affiliation = COALESCE(sources.affiliation, excluded.affiliation) RETURNING id",
            (key, core, kind, affiliation, self._now),
        )
        return int(rows[0][0])

    def _fill(self, source: int, kind: str | None, affiliation: str | None) -> None:
        """Give the source a type and an affiliation when it has none yet."""
        if kind is None and affiliation is None:
            return
        [(have_kind, have_affiliation)] = self._db.execute(
            "SELECT type, affiliation FROM sources WHERE id = ?", (source,)
        )
        if (have_kind is None and kind is not None) or (have_affiliation is None and affiliation is not None):
            self._db.execute(
                "UPDATE sources SET type = ?, affiliation = ? WHERE id = ?",
                (have_kind or kind, have_affiliation or affiliation, source),
            )

    def _alias(self, source: int, names: Iterable[str]) -> None:
        for name in dict.fromkeys(" ".join(n.split()) for n in names if n.strip()):
            key = source_key(name)
            if self._ids.get(key, source) != source:
                continue  # a spelling that is another source's already (its own name) stays there
            self._db.execute(
                "INSERT INTO source_aliases (key, source_id, name, first_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO NOTHING",
                (key, source, name, self._now),
            )
            self._ids.setdefault(key, source)
            concept = concept_key(name) or bare_concept_key(name, self._words)
            if concept is not None:
                self._db.execute(
                    "INSERT INTO source_keys (key, source_id) VALUES (?, ?) ON CONFLICT (key, source_id) DO NOTHING",
                    (concept, source),
                )


def _named(core: str) -> bool:
    """A proper name, not a role written with a place (`Dutch rail boss`)."""
    return is_proper(core) and not is_place_role(core)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _shortens(short: str, full: str) -> bool:
    """``short`` is the surname, the first words or the acronym of ``full`` (and not ``full`` itself)."""
    s, f = short.casefold().split(), full.casefold().split()
    if not s or not is_proper(full):
        return False
    if is_acronym(short) and len(f) >= 2 and initials(full) == short:
        return True
    return len(s) < len(f) and (s == f[-1:] or s == f[: len(s)])


def _compatible(short: str, full: str, full_type: str | None, kind: str | None) -> bool:
    """A person is never the first word of an organisation, nor an organisation a person's surname."""
    surname = short.casefold().split() == full.casefold().split()[-1:]
    if surname:
        return full_type in (None, "person") and kind in (None, "person")
    return full_type != "person" and kind != "person"


def _aliases(db: Connection, keys: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in range(0, len(keys), _CHUNK):
        chunk = keys[k : k + _CHUNK]
        rows = db.execute(
            f"SELECT key, source_id FROM source_aliases WHERE key IN ({', '.join('?' * len(chunk))})", chunk
        )
        out.update({r[0]: int(r[1]) for r in rows})
    return out


def _names_of(db: Connection, ids: set[int]) -> dict[int, tuple[str, str | None]]:
    if not ids:
        return {}
    got = sorted(ids)
    rows = db.execute(f"SELECT id, name, type FROM sources WHERE id IN ({', '.join('?' * len(got))})", got)
    return {int(r[0]): (r[1], r[2]) for r in rows}


def find_source(db: Connection, name: str) -> int | None:
    """The source a name (any spelling the store has seen) belongs to."""
    return _aliases(db, [source_key(name)]).get(source_key(name))


def merge_sources(db: Connection, keep: int, other: int) -> None:
    """``other`` becomes ``keep``: its spellings, claims, citations and grades. Inside one transaction."""
    if keep == other:
        raise StoreError("both names are already one source; 'sayso sources' lists the sources")
    db.execute(
        "DELETE FROM source_keys WHERE source_id = ? AND key IN (SELECT key FROM source_keys WHERE source_id = ?)",
        (other, keep),
    )
    for table, column in (
        ("source_aliases", "source_id"),
        ("source_keys", "source_id"),
        ("claims", "speaker_id"),
        ("attributions", "speaker_id"),
        ("attribution_based_on", "source_id"),
        ("chain_links", "source_id"),
        ("grades", "source_id"),
    ):
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (keep, other))
    db.execute(
        "UPDATE sources SET type = COALESCE(type, (SELECT type FROM sources WHERE id = ?)), "
        "affiliation = COALESCE(affiliation, (SELECT affiliation FROM sources WHERE id = ?)) WHERE id = ?",
        (other, other, keep),
    )
    db.execute("DELETE FROM sources WHERE id = ?", (other,))
