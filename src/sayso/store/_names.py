"""How an article writes a source's name, and the name itself: rules over the words of ``resources/LANG/sources.json``.

Pure functions over strings. The store (``_sources.py``) uses them to give one real-world source one
row however the articles write it: ``Utrecht-based Veldwacht Security``, ``beveiligingsbedrijf Veldwacht
Security`` and ``Veldwacht`` are all ``Veldwacht Security``; ``Brouwer`` is ``Thomas Brouwer`` when no
other Brouwer is known; ``IDF`` is ``Israel Defense Forces``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from sayso.language.resources import load_json, supported_languages

_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class NameWords:
    """The words of one language that surround a name without being part of it."""

    descriptors: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    links: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    spokespersons: frozenset[str] = frozenset()
    compounds: tuple[str, ...] = ()
    selves: frozenset[str] = frozenset()
    naming: tuple[str, ...] = ()  # `calling itself`, `die zich`: between a role and its name
    officials: tuple[str, ...] = ()  # longest first


@cache
def name_words(language: str | None) -> NameWords:
    """The words of ``resources/LANG/sources.json``; none for a language sayso has no resources for."""
    if language not in supported_languages():
        return NameWords()
    data = load_json(language, "sources")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in data[key])

    return NameWords(
        descriptors=words("descriptors"),
        suffixes=tuple(data["descriptor_suffixes"]),
        links=words("role_links"),
        articles=words("articles"),
        spokespersons=words("spokespersons"),
        compounds=tuple(data["spokesperson_compounds"]),
        selves=words("self_words"),
        naming=tuple(sorted(words("self_naming"), key=len, reverse=True)),
        officials=tuple(sorted(words("official_roles"), key=len, reverse=True)),
    )


@dataclass(frozen=True, slots=True)
class _Concepts:
    ids: dict[str, str]  # a folded word or phrase of any language -> its concept's id (`=army`)
    phrases: dict[str, tuple[str, ...]]  # an id -> its words in every language
    places: frozenset[str]  # the ids of places
    persons: frozenset[str]  # the ids of a person's roles
    fillers: frozenset[str]  # words no key holds: articles, role links
    longest: int  # words in the longest phrase
    descriptive: frozenset[str]  # the ids whose words are descriptors somewhere (`company`, `krant`)
    organs: frozenset[str]  # the ids through which a state speaks (`=army`, `=ministry`)


@cache
def _concepts() -> _Concepts:
    """The institution, person-role and place words of every language (a name crosses languages)."""
    ids: dict[str, str] = {}
    phrases: dict[str, list[str]] = {}
    kinds: dict[str, set[str]] = {"places": set(), "person_roles": set()}
    fillers: set[str] = set()
    descriptive: set[str] = set()
    organs: set[str] = set()
    tables = [load_json(language, "sources") for language in supported_languages()]
    for data in tables:  # the fillers of every language first: a phrase is also kept without them
        fillers.update(_fold(w) for w in (*data["articles"], *data["role_links"]) if w.isalpha())
    for data in tables:
        for kind, table in (("concepts", data["concepts"]), ("person_roles", data["person_roles"]),
                            ("places", data["places"])):  # fmt: skip
            for concept, words in table.items():
                ids.update({_fold(w): f"={concept}" for w in words})
                # and without its articles, as a bare name is read (`people familiar with matter`)
                ids.update({" ".join(t for t in _fold(w).split() if t not in fillers): f"={concept}" for w in words})
                phrases.setdefault(f"={concept}", []).extend(w.casefold() for w in words)
                kinds.get(kind, set()).add(f"={concept}")
        organs.update(f"={c}" for c in data["state_organs"])
        described = {w.casefold() for w in data["descriptors"]}
        descriptive.update(f"={c}" for c, ws in data["concepts"].items() if any(w in described for w in ws))
    return _Concepts(
        ids,
        {k: tuple(dict.fromkeys(v)) for k, v in phrases.items()},
        frozenset(kinds["places"]),
        frozenset(kinds["person_roles"]),
        frozenset(fillers),
        max((len(p.split()) for p in ids), default=1),
        frozenset(descriptive),
        frozenset(organs),
    )


def same_role(role: str) -> tuple[str, ...]:
    """``role`` and the other words of its concept in every language: `topman` -> `topman`, `ceo`, `chief
    executive`, ...; `krant` -> `krant`, `newspaper`, ..."""
    table = _concepts()
    concept = table.ids.get(_fold(role))
    return tuple(dict.fromkeys((role.casefold(), *table.phrases.get(concept or "", ()))))


def fits_role(name: str, role: str) -> bool:
    """``name`` can be what ``role`` refers to: not another kind of institution (`the ministry` is no army)."""
    concept = _concepts().ids.get(_fold(role))
    key = concept_key(name) or bare_concept_key(name, NameWords())  # `the police` is no safety region
    if concept is None or key is None or concept in _concepts().persons:
        return True
    return concept in key.split()


def names_organisation(role: str, words: NameWords) -> bool:
    """A word for a kind of organisation or for one who speaks for it (`krant`, `company`, `spokeswoman`),
    not a word like `people`: only such a role is tied to a name written near it."""
    low = role.casefold()
    return low in words.descriptors or low in words.spokespersons or _concepts().ids.get(_fold(low)) is not None


def is_person_role(role: str, words: NameWords) -> bool:
    """A role that names a person (`topman`, `minister`, `spokeswoman`), not an organisation (`krant`)."""
    low = role.casefold()
    return (
        low in words.officials or low in words.spokespersons or _concepts().ids.get(_fold(low)) in _concepts().persons
    )


def _fold(word: str) -> str:
    """Case and diacritics folded: `Israëlische` -> `israelische`."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def concept_key(name: str) -> str | None:
    """The name of an institution under its concepts, the same in every language: `Lebanon's health ministry`,
    `Libanese ministerie van Volksgezondheid` and `Lebanon's Ministry of Public Health` are all `=health
    =lebanon =ministry`. None unless an institution word (`ministry`, `leger`) stands with a place or a proper
    name: `the health ministry` alone could be any country's."""
    table = _concepts()
    ids, places, fillers, longest = table.ids, table.places, table.fillers, table.longest
    tokens = [t[:-2] if t.endswith(_POSSESSIVE) else t for t in name.split()]
    out: list[str] = []
    proper = False
    k = 0
    while k < len(tokens):
        for size in range(min(longest, len(tokens) - k), 0, -1):
            phrase = _fold(" ".join(tokens[k : k + size]))
            if phrase in ids:
                out.append(ids[phrase])
                k += size
                break
        else:
            word = _fold(tokens[k])
            if word not in fillers:
                out.append(word)
                proper = proper or is_proper(tokens[k])
            k += 1
    institution = any(w.startswith("=") and w not in places and w not in table.persons for w in out)
    anchored = proper or any(w in places for w in out)
    return " ".join(sorted(set(out))) if institution and anchored and len(set(out)) >= 2 else None


def state_of(name: str) -> tuple[str, bool] | None:
    """The state a source's name speaks for, and whether the name is the state's own (`Israel`, `Israël`), else
    an organ of that one state alone (`the Israeli army`, `Libanese ministerie van Volksgezondheid`); None for
    any other name (`Russian hackers`, `a Dutch newspaper`, `Veldwacht Security`)."""
    table = _concepts()
    bare = " ".join(t for t in _fold(name).split() if t not in table.fillers)
    if table.ids.get(bare) in table.places:
        return table.ids[bare], True
    key = concept_key(name)
    if key is None:
        return None
    ids = key.split()
    places = [i for i in ids if i in table.places]
    rest = [i for i in ids if i not in table.places]
    if len(places) == 1 and rest and all(i in table.organs for i in rest):
        return places[0], False
    return None


def bare_concept_key(name: str, words: NameWords) -> str | None:
    """The key of an institution named by its words alone, the same in every language: `the police` and
    `de politie` are both `=police`, `veiligheidsregio` and `safety region` both `=safety region`. None for
    a name with any other word, a place or a person's role, and for a concept with a descriptor among its
    words (`company`, `krant`): such a role is whoever its article ties it to."""
    table = _concepts()
    tokens = [t for t in name.split() if _fold(t) not in table.fillers and t.casefold() not in words.articles]
    if not tokens:
        return None
    out: list[str] = []
    k = 0
    while k < len(tokens):
        for size in range(min(table.longest, len(tokens) - k), 0, -1):
            concept = table.ids.get(_fold(" ".join(tokens[k : k + size])))
            if concept is not None:
                out.append(concept)
                k += size
                break
        else:
            return None
    if any(c in table.places or c in table.persons or c in table.descriptive for c in out):
        return None
    return " ".join(sorted(set(out)))


def placed(text: str, core: str) -> str | None:
    """The institution ``core`` as the text writes it after a place, when only the place anchors it: `Ministry of
    Public Health` in `Lebanon's Ministry of Public Health`, whose concepts then name it in every language. None
    when the core names its institution already, when no place stands before it, or two different places do."""
    if not is_proper(core) or concept_key(core) is not None:
        return None
    table = _concepts()
    institution = (table.ids.get(_fold(t)) for t in core.split())
    if not any(c is not None and c not in table.places and c not in table.persons for c in institution):
        return None  # no institution word: no place makes it one (and the text is not searched)
    found: dict[str, str] = {}
    for m in re.finditer(rf"(?<![\w-])([^\W\d_]+)(?:'s|’s)?\s+{re.escape(core)}\b", text):
        place = table.ids.get(_fold(m.group(1)))
        if place in table.places:
            found.setdefault(place, m.group(0))
    if len(found) != 1:
        return None
    [written] = found.values()
    return written if concept_key(written) is not None else None


def head_word(name: str, words: NameWords) -> str:
    """The word a name is a kind of: its last word before a role link (`Ministry of Public Health` -> `Ministry`),
    else its last word (`Lebanon's health ministry` -> `ministry`)."""
    tokens = name.split()
    cut = next((k for k, t in enumerate(tokens) if k and t.casefold() in words.links), len(tokens))
    return tokens[cut - 1]


def is_place_role(name: str) -> bool:
    """A person's role with a place before it and nothing else proper: `Dutch rail boss`. Not an institution
    (`Israeli army` is a name)."""
    tokens = name.split()
    table = _concepts()
    return head_role(name) is not None and all(table.ids.get(_fold(t)) in table.places for t in tokens if is_proper(t))


def head_role(role: str) -> str | None:
    """The last word of a longer role when it names a person's role: `rail boss` -> `boss`."""
    tokens = role.split()
    table = _concepts()
    return tokens[-1] if len(tokens) > 1 and table.ids.get(_fold(tokens[-1])) in table.persons else None


def is_proper(name: str) -> bool:
    """A name rather than a role or a common noun: it starts with a capital letter or a digit."""
    return bool(name) and (name[0].isupper() or name[0].isdigit())


def is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def initials(name: str) -> str:
    """`Israel Defense Forces` -> `IDF`: the first letters of its capitalised words."""
    return "".join(t[0] for t in name.split() if t[0].isupper())


def core_name(name: str, words: NameWords) -> str:
    """The name without the words around it: descriptors before it (`persbureau Bloomberg`), a reflexive
    after it (`Telvora itself`); for a spokesperson, the organisation spoken for (`woordvoerder van
    Railbeheer`, `Railbeheer spokesperson`, `politiewoordvoerder`). The name as given when nothing applies."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].casefold() in words.selves:
        tokens.pop()
    spoken_for = _spoken_for(tokens, words)
    if spoken_for:
        return core_name(" ".join(spoken_for), words)
    named = _apposition(tokens, words)
    if named:
        return core_name(" ".join(named), words)
    return " ".join(_without_descriptors(tokens, words))


def _apposition(tokens: list[str], words: NameWords) -> list[str] | None:
    """The proper name a description gives as its apposition or ends in: `regional poultry farmers'
    association, the PGV` -> `PGV`, `UN peacekeeping force in southern Lebanon, UNIFIL` -> `UNIFIL`,
    `farmworkers' union BAP` -> `BAP`. Not an age or a number (`Hussein Fares, 52`)."""
    text = " ".join(tokens)
    if "," in text:
        tail = _drop_articles(text.rsplit(",", 1)[1].split(), words)
        if tail and tail[0][0].isupper() and tail[0][0].isalpha() and not any(c.isdigit() for c in "".join(tail)):
            proper = all(is_proper(t) or t.casefold() in words.links | words.articles for t in tail)
            return tail if proper else None
    if len(tokens) > 1 and is_acronym(tokens[-1]) and not any(is_proper(t) for t in tokens[:-1]):
        return tokens[-1:]
    return None


def _spoken_for(tokens: list[str], words: NameWords) -> list[str] | None:
    low = [t.casefold() for t in tokens]
    for k, word in enumerate(low[:-2]):
        before_ok = all(w in words.articles or w in words.descriptors for w in low[:k])
        if word in words.spokespersons and low[k + 1] in words.links and before_ok:
            return _drop_articles(tokens[k + 2 :], words)
        size = _official_at(low, k, words)  # `head of Vechtdal Rail`, `directeur van Lumenveld`: a proper name
        if size and k + size < len(low) - 1 and low[k + size] in words.links and before_ok:
            rest = _drop_articles(tokens[k + size + 1 :], words)
            if is_proper(" ".join(_without_descriptors(rest, words))):
                return rest
    if len(tokens) > 1 and low[-1] in words.spokespersons:
        rest = _drop_articles(tokens[:-1], words)
        if rest and rest[-1].endswith(_POSSESSIVE):
            rest[-1] = rest[-1][:-2]
        return rest or None
    last = low[-1]
    for ending in words.compounds:
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            return [*tokens[:-1], tokens[-1][: len(tokens[-1]) - len(ending)]]
    return None


def _official_at(low: list[str], k: int, words: NameWords) -> int:
    """The number of words of the official's role (`chief executive`, `topman`) that starts at ``low[k]``."""
    for role in words.officials:
        size = len(role.split())
        if " ".join(low[k : k + size]) == role:
            return size
    return 0


def _drop_articles(tokens: list[str], words: NameWords) -> list[str]:
    out = list(tokens)
    while len(out) > 1 and out[0].casefold() in words.articles and out[0].islower():
        out.pop(0)
    return out


def _without_descriptors(tokens: list[str], words: NameWords) -> list[str]:
    """Drop everything up to the last descriptor before the name, unless a role link (`of`, `'s`) ties
    the words before to another name, or what is left is no proper name."""
    last = -1
    for k, token in enumerate(tokens[:-1]):
        low = token.casefold()
        if low in words.links or low.endswith(_POSSESSIVE):
            break
        written_as_word = token.islower() or token.isupper() or k == 0  # `Persbureau Bloomberg` opens a sentence
        compound = "-" in low and low.rsplit("-", 1)[1] in words.descriptors  # `Telvora-topman Karel Desmet`
        if (low in words.descriptors and written_as_word) or compound or low.endswith(words.suffixes or ("\0",)):
            last = k
    rest = tokens[last + 1 :]
    return rest if last >= 0 and is_proper(rest[0]) else tokens


def role_of(name: str, words: NameWords) -> str:
    """The role in a name that is no proper name: `company's chief executive` -> `chief executive`,
    `farmworkers' union` -> `union`."""
    tokens = name.split()
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].endswith((*_POSSESSIVE, "'", "’")) or tokens[k].casefold() in words.links:
            tokens = tokens[k + 1 :]
            break
    return " ".join(_drop_articles(tokens, words))


def tied_in_text(text: str, role: str, names: list[str], words: NameWords) -> list[str]:
    """Of ``names``, those the text ties to ``role``: `chief executive Marjolein Terpstra`, `hackersgroep
    Polar Lynx` (a compound ending in the role), `Marjolein Terpstra, the company's chief executive`."""
    if not role:
        return []
    det = "|".join(re.escape(a) for a in sorted(words.articles)) or "the"
    links = "|".join(re.escape(w) for w in sorted(words.links) if w.isalpha()) or "of"
    speaks = role.casefold() in words.spokespersons
    naming = "".join(f"|{re.escape(w)}\\s+" for w in words.naming)  # `hacker group calling itself X`
    out = []
    for name in names:
        n = re.escape(name)
        patterns = [
            rf"\w*{re.escape(role)}\s+(?:{naming}){n}\b",
            rf"\b{n},\s+(?:[\w-]+(?:'s|’s)\s+)?{re.escape(role)}\b",
            rf"\b{n},\s+(?:{det})\s+(?:[\w'’-]+\s+){{0,2}}{re.escape(role)}\b",  # `Polar Lynx, a Russian hacker group`
        ]
        if speaks:  # `a spokeswoman for the Oosterhof Ziekenhuis`, `Unifil's spokesperson`
            patterns += [
                rf"\b{re.escape(role)}\s+(?:{links})\s+(?:(?:{det})\s+)?{n}\b",
                rf"\b{n}(?:'s|’s)?\s+{re.escape(role)}\b",
            ]
        if any(re.search(p, text, re.IGNORECASE) for p in patterns):
            out.append(name)
    return out


_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|„[^”“\n]*[”“]')
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
_PROPER = r"[A-Z\d][\w&.'’-]*(?:\s+[A-Z\d][\w&.'’-]*)*"  # a capitalised name: `Vechtdal Rail`, `BAP`


def speaks_for(text: str, name: str, words: NameWords, org: str | None = None) -> bool:
    """The text calls ``name`` a spokesperson or an official of an organisation (``org``, or any capitalised
    name): `PortLink spokeswoman Mette Kjaergaard`, `Telvora-topman Karel Desmet`, `directeur Marieke Dijkhuis
    van Vechtdal Rail`, `Thijs Brouwer, Veldwacht's head of threat intelligence`, `Pieter Wassink, director of
    Alucor Profielen`, `Unifil's spokesperson, Marco Bellandi`. A researcher or a minister is no official."""
    roles = sorted((*words.spokespersons, *words.officials), key=len, reverse=True)
    if not roles or not name:
        return False
    role = "(?i:" + "|".join(re.escape(r) for r in roles) + ")"
    det = "(?i:" + ("|".join(re.escape(a) for a in sorted(words.articles)) or "the") + ")"
    link = "(?i:" + ("|".join(re.escape(w) for w in sorted(words.links) if w.isalpha()) or "of") + ")"
    n, o, poss = re.escape(name), (re.escape(org) if org else _PROPER), "(?:'s|’s)"
    patterns = (
        rf"\b{o}{poss}?(?:-|\s+){role}\s+{n}\b",  # PortLink spokeswoman Mette Kjaergaard
        rf"\b{o}{poss}\s+{role},?\s+{n}\b",  # Unifil's spokesperson, Marco Bellandi
        rf"\b{role}\s+{n}\s+{link}\s+(?:{det}\s+)?{o}\b",  # directeur Marieke Dijkhuis van Vechtdal Rail
        rf"\b{n},\s+(?:{det}\s+)?{o}{poss}\s+{role}\b",  # Thijs Brouwer, Veldwacht's head of ...
        rf"\b{n},\s+(?:{det}\s+)?(?:[\w-]+\s+)?{role}\s+{link}\s+(?:{det}\s+)?(?:[\w-]+\s+){{0,4}}?{o}\b",
    )
    return any(re.search(p, text) for p in patterns)


def split_official(core: str, text: str, names: list[str], words: NameWords) -> tuple[str, str] | None:
    """`Marieke Dijkhuis van Vechtdal Rail` -> (`Marieke Dijkhuis`, `Vechtdal Rail`) when ``names`` (the names
    of the article) hold the organisation and the text calls the person its official. A Dutch name with `van`
    in it (`Wim van de Kolk`, `Liesbeth van Dongen`) keeps it: one word before `van` is no full name."""
    tokens = core.split()
    links = {w for w in words.links if w.isalpha()}
    for k in range(2, len(tokens) - 1):
        if tokens[k].casefold() not in links:
            continue
        person, org = " ".join(tokens[:k]), " ".join(_drop_articles(tokens[k + 1 :], words))
        if org in names and is_proper(person) and speaks_for(text, person, words, org):
            return person, org
    return None


def named_with(text: str, role: str, words: NameWords) -> list[str]:
    """Capitalised names the text writes as the role's apposition or after it: `Polar Lynx, a Russian hacker
    group`, `hackersgroep Polar Lynx`, `The union, BAP`. For a role of an organisation; a person's name is
    better found among the article's names (`Liesbeth van Dongen` has a `van`)."""
    det = "(?i:" + ("|".join(re.escape(a) for a in sorted(words.articles)) or "the") + ")"
    r = "(?i:" + re.escape(role) + ")"
    patterns = (
        rf"(?<![\w-])(?:\w+)?{r}\s+({_PROPER})",
        rf"\b({_PROPER}),\s+{det}\s+(?:[\w'’-]+\s+){{0,2}}{r}\b",
        rf"\b{r},\s+({_PROPER})",
    )
    out = []
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            tokens = m.group(1).split()
            while tokens and tokens[0].casefold() in words.articles:
                tokens.pop(0)
            if tokens:
                out.append(" ".join(tokens))
    return list(dict.fromkeys(out))


def _windows_before(text: str, role: str, words: NameWords) -> list[str]:
    """For every `the ROLE` / `de ROLE` of the text, what precedes it in its sentence and the one before, in
    its paragraph, with quotations blanked out."""
    if not role:
        return []
    det = "|".join(re.escape(a) for a in sorted(words.articles)) or "the"
    windows = []
    for m in re.finditer(rf"\b(?:{det})\s+{re.escape(role)}\b", text, re.IGNORECASE):
        before = _QUOTED.sub(lambda q: " " * len(q.group()), text[text.rfind("\n", 0, m.start()) + 1 : m.start()])
        ends = [e.end() for e in _SENTENCE_END.finditer(before)]
        windows.append(before[ends[-2] if len(ends) > 1 else 0 :])
    return windows


def capitalised_before(text: str, role: str, words: NameWords) -> list[list[str]]:
    """For every `the company`, `de spoorbeheerder` of the text, the capitalised names written before it in its
    sentence and the one before, outside quotes, last first: names no entity tagger found (`Railbeheer
    Nederland kwam met een ander verhaal. Volgens de spoorbeheerder ...`). Callers take one the store knows."""
    out = []
    for window in _windows_before(text, role, words):
        found = [" ".join(_drop_articles(n.group().split(), words)) for n in re.finditer(_PROPER, window)]
        found = [p for n in found for p in re.split(r"[.!?]\s+", n) if p]  # `Brussel. Maandag` is two
        out.append(found[::-1])
    return out


def written_before(text: str, role: str, names: list[str], words: NameWords) -> list[str]:
    """For every `the company`, `de krant`, `a spokeswoman` of the text, the one of ``names`` written last
    before it in its sentence or the one before, outside quotes: `Daarmee spreekt hij De Standaard tegen.
    Volgens de krant ...`. The names found (callers want exactly one); none when one `de krant` has none."""
    if not names:
        return []
    out = []
    for window in _windows_before(text, role, words):
        last = [(n.end(), len(name), name) for name in names for n in re.finditer(rf"\b{re.escape(name)}\b", window)]
        out.append(max(last)[2] if last else "")
    return list(dict.fromkeys(n for n in out if n)) if all(out) else []


def called(text: str, name: str, role: str, words: NameWords) -> bool:
    """The text gives ``name`` an apposition ending in ``role``: `Callnova, een callcenterbedrijf`."""
    det = "|".join(re.escape(a) for a in sorted(words.articles)) or "the"
    pattern = rf"\b{re.escape(name)},\s+(?:{det})\s+(?:[\w'’-]+\s+){{0,2}}\w*{re.escape(role)}\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def last_written(text: str, start: int, names: list[str]) -> str | None:
    """Of ``names``, the one written last before ``start`` in its paragraph, outside quotes."""
    before = _QUOTED.sub(lambda q: " " * len(q.group()), text[text.rfind("\n", 0, start) + 1 : start])
    last = [(m.end(), len(name), name) for name in names for m in re.finditer(rf"\b{re.escape(name)}\b", before)]
    return max(last)[2] if last else None


def proper_before(text: str, role: str, words: NameWords) -> list[str]:
    """The role written in lower case after a capitalised word, as a name: `het Israëlische leger` ->
    `Israëlische leger`. Callers take it only when a source has that name already."""
    out = []
    for m in re.finditer(rf"\b({_PROPER})\s+{re.escape(role.casefold())}\b", text):
        tokens = m.group(1).split()
        while tokens and tokens[0].casefold() in words.articles:
            tokens.pop(0)
        if tokens:
            out.append(" ".join((*tokens, role.casefold())))
    return list(dict.fromkeys(out))


def is_spokesperson(text: str, name: str, words: NameWords) -> bool:
    """The text calls ``name`` a spokesperson: `woordvoerster Els Maertens`, `Ruben Hoekstra, woordvoerder
    van NTM`, `Unifil's spokesperson, Marco Bellandi`."""
    if not words.spokespersons or not name:
        return False
    spoke = "|".join(re.escape(w) for w in sorted(words.spokespersons, key=len, reverse=True))
    det = "|".join(re.escape(a) for a in sorted(words.articles)) or "the"
    before = rf"\b(?:{spoke}),?\s+{re.escape(name)}\b"
    after = rf"\b{re.escape(name)},\s+(?:(?:{det})\s+)?(?:{spoke})\b"
    return bool(re.search(before, text, re.IGNORECASE) or re.search(after, text, re.IGNORECASE))
