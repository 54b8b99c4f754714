"""Where names may be: gazetteer matches, the backbone's NER, and runs of capitalised words.

Every candidate is trimmed to a bare name form (no determiner, title, role, nationality word or
compound tail) and dropped when it is not a name at all (a date, a number, a capitalised common
word at the start of a sentence). Overlaps are settled longest first, the gazetteer winning ties.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Doc

from sayso.entities._context import Context
from sayso.entities._gazetteer import NORP, Entry
from sayso.entities._words import NAMEISH

PRIORITY = {"gaz": 3, "ner": 2, "chunk": 1}
STARTERS = frozenset({"cap", "acro", "mixed", "code"})


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int  # word indices, end exclusive
    end: int
    source: str  # gaz, ner or chunk
    label: str | None = None
    entry: Entry | None = None
    titled: bool = False  # a title or role came before it: a person


# --- runs of capitalised words -------------------------------------------------------------------


def _short_number(text: str) -> bool:
    return text.isdigit() and len(text) <= 4 and not (len(text) == 4 and text[:2] in ("19", "20"))


def _can_start(ctx: Context, i: int) -> bool:
    w = ctx.words
    word = w[i]
    if word.kind in STARTERS:
        return True
    if word.kind == "num" and not word.space and i + 2 < len(w):
        unit, name = w[i + 1], w[i + 2]
        return unit.kind in ("initial", "acro") and unit.space and name.kind in ("mixed", "cap")  # 3G iPhone
    if word.kind == "initial" and i + 1 < len(w):
        nxt = w[i + 1]
        if not word.space and nxt.kind == "hyphen":
            return True
        return word.text.endswith(".") and nxt.kind in ("cap", "initial")
    return False


def _step(ctx: Context, i: int, j: int) -> int:
    """How many words starting at ``j`` continue the name run ``[i, j)`` (0: it ends)."""
    w, r = ctx.words, ctx.rules
    word, prev = w[j], w[j - 1]
    n = len(w)
    if word.initial:
        return 0
    if not prev.space:
        if word.kind == "poss":
            return 1 if ctx.possessive_name(j) else 0  # King's College London
        if word.kind == "hyphen" and not word.space and j + 1 < n:
            nxt = w[j + 1]
            if nxt.kind in NAMEISH or nxt.kind == "num":
                return 2
            if nxt.kind == "lower" and j - i >= 2 and w[j - 2].text in r.korean_surnames and w[j - 1].kind == "cap":
                return 2  # Kim Jong-un, Kim Yong-hyun
            return 0  # a compound's common noun: Airbus-eigenaar, FTSE-index
        if word.kind in NAMEISH or word.kind == "num":
            return 1
        return 0
    if word.text in r.cut_before:
        return 0
    if word.kind in ("cap", "acro", "mixed", "code"):
        if ctx.is_norp(j, n) and not ctx.has_head(i, j):
            return 0  # "Vereniging van Nederlandse Gemeenten" keeps its adjective
        return 1
    if word.kind == "initial":
        if word.text.endswith("."):
            return 1 if j + 1 < n and w[j + 1].kind in ("cap", "initial") else 0
        return 1
    if word.kind == "num":
        named = any(w[k].kind in ("cap", "mixed", "acro", "code") for k in range(i, j))
        return 1 if named and _short_number(word.text) else 0
    if word.kind in ("lower", "punct"):

        def after(m: int) -> bool:  # a capitalised word follows the m connecting words
            return j + m < n and w[j + m].kind in ("cap", "acro", "initial") and not w[j + m].initial

        m = _surname_particles(ctx, i, j)
        if m:
            return m
        m = ctx.phrase_at(r.joiners, j)
        if m and after(m) and (word.text == "&" or (ctx.has_head(i, j) and not ctx.starts_organisation(j + m))):
            return m  # "Universiteit van Amsterdam", not "Delta Program van Boeing"
    return 0


def _surname_particles(ctx: Context, i: int, j: int) -> int:
    """How many words starting at ``j`` are particles and a surname after the given name that ends
    the run ``[i, j)`` ("Nicolien *van Vroonhoven*", "Dennis *te Kloese*"); 0 when they are not.

    The given name is a known one or, for an unknown one, a title stands before it or the article
    writes the surname with a capital particle elsewhere ("Van Vroonhoven"); the surname must not
    be a known place or organisation ("burgemeester Halsema van Amsterdam"). Before the given name
    the run may hold a title or the capitalised first word of a sentence ("Neuroloog Wiesje").
    """
    w, r = ctx.words, ctx.rules
    m = ctx.phrase_at(r.particles, j)
    glued = bool(m) and j + m + 1 < len(w) and w[j + m].kind == "hyphen" and not w[j + m - 1].space
    glued = glued and not w[j + m].space
    if glued:
        m += 1  # an Arabic particle glued on: "Ahmed al-Sharaa", "Abdel Fattah al-Burhan"
    if not m or j + m >= len(w):
        return 0
    surname = w[j + m]
    if surname.kind not in ("cap", "acro", "initial") or surname.initial:
        return 0
    end = j - 1 if j - i >= 2 and w[j - 1].kind == "initial" else j  # Jan P. de Vries
    g = end - 1
    while g > i and not w[g - 1].space:
        g -= 1  # Gerrit-Jan
    if glued and any(w[k].text in r.first_names for k in range(i, end)):
        return m + 1  # "Abdel Fattah al-Burhan": a given name earlier in the run
    if not (g == i or ctx.title_end(i, g + 1) == g or (g - i == 1 and w[i].initial)):
        return 0
    if w.span_text(g, end) in r.first_names or w[end - 1].text in r.first_names:
        return m + 1
    if end != j or surname.kind != "cap" or ctx.is_head(surname.text) or ctx.title_lengths(j + m):
        return 0
    known = ctx.gaz.lookup(surname.text)
    if known and known.label != "PER":
        return 0
    titled = ctx.titled(g) or (g > i and ctx.title_end(i, g + 1) == g)
    return m + 1 if titled or ctx.particle_capitalised(j, m) else 0


def chunks(ctx: Context) -> list[tuple[int, int, bool]]:
    """Maximal runs of words that look like one name, and whether particles joined them as a person's."""
    out = []
    i, n = 0, len(ctx.words)
    while i < n:
        if not _can_start(ctx, i):
            i += 1
            continue
        j, person = i + 1, False
        while j < n:
            step = _step(ctx, i, j)
            if not step:
                break
            person = person or (ctx.words[j].kind == "lower" and _surname_particles(ctx, i, j) == step)
            j += step
        out.append((i, j, person))
        i = j
    return out


# --- trimming and checking -------------------------------------------------------------------------

_EDGE = frozenset({"punct", "hyphen", "poss", "lower", "num"})


def trim(ctx: Context, i: int, j: int) -> tuple[int, int]:
    """The bare name inside ``[i, j)``: determiners, titles, roles, nationality words cut off."""
    w, r = ctx.words, ctx.rules
    while True:
        start = i
        if i < j and ctx.gaz.lookup(w.span_text(i, j)):
            break
        while i < j and w[i].kind in _EDGE and w[i].text.lower() not in r.determiners:
            if w[i].kind == "num" and not w[i].space:
                break  # 3G iPhone, 30GB iPod
            i += 1
        if i < j and w[i].text.lower() in r.determiners:
            keep = w[i].kind == "cap" and not w[i].initial and j - i > 1  # The Beatles, De Telegraaf
            if not keep:
                i += 1
        if i < j - 1 and w[i].space and w[i].text.lower() in r.nonnames:
            if not (w[i].text in r.first_names and w[i + 1].kind != "num"):  # "Jan 15", but "Jan van Dijk"
                i += 1  # "June 15", "First Airbus A380"
        k = ctx.title_end(i, j) if i < j else 0
        if k and w[k].kind != "poss":  # not "King" of "King's College"
            i = k
        k = ctx.is_norp(i, j) if i < j else 0
        if k and k < j:
            i = k
        if i < j and w[i].initial:
            u = ctx.unit_end(i, j)
            if u < j and _initial_is_not_name(ctx, i, u, j):
                i = u
        if i == start:
            break
    for k in range(i + 1, j):
        if w[k].text in r.cut_before:
            j = k
            break
    while (
        j > i
        and not _korean_tail(ctx, i, j)
        and (w[j - 1].kind in _EDGE - {"num"} or (w[j - 1].kind != "num" and w[j - 1].text.lower() in r.nonnames))
    ):
        j -= 1
    if _counting_number(ctx, i, j):
        j -= 1  # "PSV 61 punten", "Zo'n 1800 mensen"
    return i, j


def _counting_number(ctx: Context, i: int, j: int) -> bool:
    """Does ``[i, j)`` end in a bare number that counts the word after it, not a model number?

    A model number follows a product-like name: a word like ``iPhone`` or ``A380``, a known product,
    or a known maker before three or more digits ("Boeing 737 jets", "iPhone 4 sales").
    """
    w = ctx.words
    if j - i < 2 or j >= len(w) or w[j - 1].kind != "num" or not w[j - 2].space or not w[j - 1].space:
        return False
    if w[j].kind != "lower" or ctx.is_stop(w[j].text):
        return False
    if any(w[k].kind in ("mixed", "code") for k in range(i, j - 1)):
        return False
    for m in (m for k in range(i, j - 1) for m in ctx.matches_at.get(k, ())):
        if m.end <= j - 1:
            if m.entry.label == "PRODUCT" or (m.entry.label == "ORG" and len(w[j - 1].text) >= 3):
                return False
    return True


def _korean_tail(ctx: Context, i: int, j: int) -> bool:
    """Does ``[i, j)`` end in the hyphenated given name of a Korean name ("Kim Jong-un")?"""
    w = ctx.words
    return (
        j - i >= 4
        and w[j - 1].kind == "lower"
        and w[j - 2].kind == "hyphen"
        and not w[j - 2].space
        and not w[j - 3].space
        and w[j - 4].text in ctx.rules.korean_surnames
    )


def _initial_is_not_name(ctx: Context, i: int, u: int, j: int) -> bool:
    """Is the first word of a sentence (``[i, u)``) a common word before the name ``[u, j)``?"""
    text = ctx.words.span_text(i, u)
    w = ctx.words
    if text in ctx.rules.first_names and w[u].kind == "cap":
        return False  # a given name before a name (`Jan Willem Smit`), though also a word (`jan.`, January)
    if ctx.common_word(i, u, lower_elsewhere=False):
        return True
    if text in ctx.rules.first_names or ctx.known_name(text):
        return False
    nxt = w[u].text
    if text.lower() in ctx.lower_words or nxt in ctx.rules.first_names:
        return True
    together = any(w[k - 1].text == text for k in ctx.cap_positions.get(nxt, ()) if k != u and k > 0)
    return not together and ctx.known_name(nxt, not_at=u)  # "Twee Boeings", but "Jusman Syafii" twice


def valid(ctx: Context, i: int, j: int, source: str) -> bool:
    """Is ``[i, j)`` a name at all?"""
    w, r = ctx.words, ctx.rules
    if i >= j:
        return False
    text = w.span_text(i, j)
    if not any(c.isalpha() for c in text):
        return False
    low = text.lower()
    if low in r.nonnames or low.replace(".", "") in r.nonnames or (low,) in r.titles:
        return False
    if w[i].text in r.cut_before:
        return False  # "Flight 447"
    if ctx.inside_title(i, j):
        return False  # "Prime" of "Prime Minister", "Asiel" of "minister van Asiel en Migratie"
    if j - i == 1 and (w[i].kind in ("num", "initial", "lower", "punct") or ctx.is_stop(text)):
        return False
    if ctx.is_norp(i, j) == j:
        return False
    alpha = [k for k in range(i, j) if w[k].kind in ("cap", "acro", "initial", "mixed")]
    if alpha and all(w[k].text.lower() in r.nonnames for k in alpha):
        return False  # "Mar-08" of a date
    single = ctx.unit_end(i, j) == j
    if source != "gaz" and w[i].initial and single and w[i].kind == "cap":
        if ctx.is_stop(text) or (low in ctx.lower_words and text not in ctx.known_caps):
            return False
        strict = source == "chunk" or (source == "ner" and r.ner_weak)
        if strict and not ctx.known_name(text) and not ctx.has_known_part(i, j):
            return False
    if j - i == 1 and r.amount.fullmatch(text):
        return False
    if j - i == 1 and w[i].kind == "acro" and _currency_code(ctx, j):
        return False  # "US $40"
    if source != "gaz" and w[i].line in ctx.titlecase_lines:
        caps = [k for k in range(i, j) if w[k].kind == "cap"]
        if any(w[k].text not in ctx.known_caps and not ctx.gaz.lookup(w[k].text) for k in caps):
            return False
    return True


def title_cuts(ctx: Context, i: int, j: int) -> list[tuple[int, int]]:
    """``[i, j)`` cut around titles inside it: "Apple CEO Steve Jobs" -> "Apple", "Steve Jobs"."""
    w, r = ctx.words, ctx.rules
    if ctx.gaz.lookup(w.span_text(i, j)):
        return [(i, j)]
    out, a, k = [], i, i + 1
    while k < j:
        m = max(ctx.title_lengths(k), default=0)
        if m and k + m <= j:
            after = k + m
            title = w.span_text(k, after)
            acronym = title.replace(".", "").isupper()
            if (after == j and (m > 1 or acronym)) or (after < j and (w[after].text in r.first_names or acronym)):
                out.append((a, k))
                a = k = after
                continue
        k += 1
    out.append((a, j))
    return [(x, y) for x, y in out if x < y]


def _split_ner(ctx: Context, i: int, j: int) -> list[tuple[int, int]]:
    """A backbone entity cut where it runs over a sentence start, a spaced dash, a possessive or a lower-case word."""
    w, r = ctx.words, ctx.rules
    if ctx.gaz.lookup(w.span_text(i, j)):
        return [(i, j)]
    cuts, k = [i], i + 1
    while k < j:
        spaced_dash = w[k].kind == "hyphen" and w[k].space and w[k - 1].space
        if (
            w[k].initial
            or spaced_dash
            or (w[k].kind == "poss" and not ctx.possessive_name(k))
            or "\n" in w.text[w[k - 1].end : w[k].start]
        ):
            cuts.append(k)
        elif w[k].kind == "punct" and w[k].text != "&":
            cuts.append(k)
        elif w[k].kind == "lower" and w[k - 1].space:
            m = ctx.phrase_at(r.joiners, k) or ctx.phrase_at(r.particles, k)
            if not m and ctx.has_head(cuts[-1], k):
                m = ctx.phrase_at(r.head_joiners, k)  # National Institute of Allergy and Infectious Diseases
            if m and (k + m >= j or w[k + m].text.lower() in r.nonnames):
                m = 0
            if m and not ctx.has_head(cuts[-1], k) and (ctx.has_head(k + m, k + m + 1) or _named_at(ctx, k + m)):
                m = 0  # `Remco Breuker van de Universiteit Leiden`, `... van de TU Delft`: a person, an institution
            if not m:
                cuts.append(k)
            k += max(m, 1)
            continue
        k += 1
    cuts.append(j)
    return [piece for a, b in itertools.pairwise(cuts) for piece in title_cuts(ctx, a, b)]


def _named_at(ctx: Context, k: int) -> bool:
    """A name the gazetteer knows, other than a person's, starts at word ``k`` (`TU Delft`)."""
    return any(m.entry.label != "PER" for m in ctx.matches_at.get(k, ()))


_CURRENCY = frozenset("$€£¥")


def _currency_code(ctx: Context, j: int) -> bool:
    """Is the name ending before word ``j`` part of a currency ("US $40", "HK $")?"""
    w = ctx.words
    return j < len(w) and w[j].text[:1] in _CURRENCY


def gazetteer_candidates(ctx: Context) -> list[Candidate]:
    w = ctx.words
    out = []
    for m in ctx.matches:
        if _currency_code(ctx, m.end):
            continue
        if m.end - m.start == 1 and w[m.start].initial and m.entry.label != NORP:
            text = w[m.start].text
            if ctx.is_stop(text) or text.lower() in ctx.lower_words:
                continue  # "Mobile", "Total" opening a sentence
        if m.entry.label != NORP and ctx.inside_title(m.start, m.end):
            continue  # "minister van Defensie"
        out.append(Candidate(m.start, m.end, "gaz", m.entry.label, m.entry))
    return out


def ner_candidates(ctx: Context, doc: Doc) -> list[Candidate]:
    """The backbone's entities, mapped to sayso's labels, split where they run over a boundary."""
    w, labels = ctx.words, ctx.rules.ner_labels
    out = []
    for ent in doc.ents:
        label = labels.get(ent.label_)
        if label is None:
            continue
        i, j = w.covering(ent.start_char, ent.end_char)
        if i >= j:
            continue
        for a, b in _split_ner(ctx, i, j):
            a, b = trim(ctx, a, b)
            if valid(ctx, a, b, "ner"):
                out.append(Candidate(a, b, "ner", label, titled=ctx.titled(a)))
    return out


def gazetteer_tiles(ctx: Context, i: int, j: int) -> list[tuple[int, int]]:
    """``[i, j)`` as a known place and other known names side by side ("UK iTunes"), else whole.

    A place after a company stays with it ("EADS North America" is a company).
    """
    if ctx.gaz.lookup(ctx.words.span_text(i, j)):
        return [(i, j)]
    first = [m for m in ctx.matches_at.get(i, ()) if m.end < j and m.entry.label in ("GPE", "LOC")]
    if not first:
        return [(i, j)]
    tiles, k = [], i
    while k < j:
        ends = [e for e in ctx.gaz_ends.get(k, []) if e <= j]
        if not ends:
            return [(i, j)]
        tiles.append((k, max(ends)))
        k = max(ends)
    return tiles


def _known_runs(ctx: Context, i: int, j: int) -> list[tuple[int, int]]:
    """In a Title Case line: the parts of ``[i, j)`` whose capitalised words the article capitalises elsewhere."""
    w = ctx.words
    if w[i].line not in ctx.titlecase_lines:
        return [(i, j)]
    covered = {k for m in ctx.matches for k in range(m.start, m.end)}
    out, start = [], None
    for k in range(i, j + 1):
        known = k < j and (w[k].kind != "cap" or w[k].text in ctx.known_caps or k in covered)
        if known and start is None:
            start = k
        elif not known and start is not None:
            out.append((start, k))
            start = None
    return out


def chunk_candidates(ctx: Context) -> list[Candidate]:
    out = []
    w = ctx.words
    for x, y, person in chunks(ctx):
        for i, j in _known_runs(ctx, x, y):
            for a, b in (p for tile in gazetteer_tiles(ctx, i, j) for p in title_cuts(ctx, *tile)):
                a, b = trim(ctx, a, b)
                if valid(ctx, a, b, "chunk"):
                    joined = person and any(w[k].kind == "lower" for k in range(a, b))  # Wiesje van der Flier
                    out.append(Candidate(a, b, "chunk", "PER" if joined else None, titled=ctx.titled(a)))
    return out


def resolve(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, the gazetteer winning ties; nationality words dropped."""
    w = ctx.words
    ranked = sorted(
        candidates,
        key=lambda c: (-(w[c.end - 1].end - w[c.start].start), -PRIORITY[c.source], c.start),
    )
    taken = [False] * len(w)
    kept = []
    for c in ranked:
        if any(taken[c.start : c.end]):
            continue
        for k in range(c.start, c.end):
            taken[k] = True
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return [c for c in kept if not (c.entry and c.entry.label == NORP)]
