"""Where one reported content states two propositions: the offsets at which a claim splits in two.

A source often says two things in one breath: `Lumenveld owed creditors about 40 million euros and was
preparing a bankruptcy filing`, `het om veertien gewonden gaat, onder wie drie zwaargewonden`. Across
articles each part travels on its own (one outlet repeats the debt, another the filing), so each part is a
claim of its own. A content splits:

- before a clause coordinated with another clause of it (two verbs joined by `and`/`en`, the second with a
  subject of its own or the first with more than its verb: `... and was preparing a bankruptcy filing`,
  not `nobody had called or messaged the families`);
- before a part of a set counted after a comma (`, onder wie drie zwaargewonden`, `, including three
  children`: the words of ``comparison.json``'s ``part_before``, a number close after them).

Both parts keep ``MIN_PART_WORDS`` words or more; else the content stays whole.

A headline states its propositions side by side, a comma between them (`Cyber attack knocks out port
software, stalls container terminals`, `Drie bedrijven besmet met vogelgriep, 190.000 dieren geruimd`):
``headline_breaks`` cuts there when a verb or a negation follows, but not before a part of a set (`kills
seven, including two children`), one more item of a list (`unveils new laptops, a software suite`) nor after
an opening adverbial (`After the storm, villages count the damage`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sayso.certainty import polarity
from sayso.language.resources import load_json
from sayso.numbers import alternation
from sayso.records import Span

__all__ = ["headline_breaks", "proposition_breaks"]

PART_REACH = 3  # words after `onder wie`, `including` within which the number of the part stands
MIN_PART_WORDS = 3  # a part shorter than this (`and more`, `en erger`) is no proposition of its own
_VERBAL = ("VERB", "AUX")
_WORDS = re.compile(r"\w+")


@cache
def _part_openers(language: str) -> re.Pattern[str]:
    return re.compile(rf",\s*{alternation(load_json(language, 'comparison')['part_before'])}\b", re.I)


@cache
def _participles(language: str) -> re.Pattern[str]:
    return re.compile(load_json(language, "comparison").get("participles", r"(?!)"))


_SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl")
_LINKS = ("aux", "aux:pass", "auxpass", "cop", "cc", "punct", "mark", "advmod", "neg", "conj", "compound:prt", "prt")


def _own_clause(tok: Token, head: Token) -> bool:
    """Two clauses, not two verbs of one (`nobody had called or messaged the families`): the second has a
    subject of its own, or the first says something besides its verb before the second starts."""
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return True
    return any(c.dep_ not in _SUBJECTS + _LINKS for c in head.children if c.i < tok.left_edge.i)


def _clause(tok: Token) -> bool:
    """A verb, or a predicate with a copula or auxiliary of its own (`was in a serious condition`)."""
    return tok.pos_ in _VERBAL or any(c.pos_ == "AUX" and c.dep_ in ("cop", "aux", "aux:pass") for c in tok.children)


def _coordinated(doc: Doc, span: Span) -> list[tuple[int, int]]:
    """Where each clause coordinated with an earlier clause inside ``span`` is cut off: the end of what
    comes before (before the conjunction and its comma) and the start of the clause (after them)."""
    inside = doc.char_span(span.start, span.end, alignment_mode="contract")
    if inside is None:
        return []
    out = []
    for tok in inside:
        head = tok.head
        if tok.dep_ != "conj" or not (_clause(tok) and _clause(head)) or not inside.start <= head.i < tok.i:
            continue
        if not _own_clause(tok, head):
            continue
        first = tok.left_edge
        if first.i <= head.i or first.i < inside.start:
            continue  # the conjunct reaches back over its head: no clean cut
        links = [t for t in doc[first.i : tok.i] if t.dep_ in ("cc", "punct", "mark") and t.head in (tok, head)]
        while first.i > head.i + 1 and _link(doc[first.i - 1], tok, head):
            first = doc[first.i - 1]  # `and` hangs on the first conjunct in some schemes
        resume = tok.left_edge
        while resume.i < tok.i and resume in links:
            resume = doc[resume.i + 1]
        out.append((first.idx, resume.idx))
    return out


def _link(t: Token, tok: Token, head: Token) -> bool:
    """A conjunction or comma between two conjuncts, attached to either."""
    return t.dep_ in ("cc", "punct") and t.head in (tok, head)


def _tokens(doc: Doc, start: int, end: int) -> SpacySpan | tuple[()]:
    """The tokens from ``start`` to ``end`` (characters; the first may begin a little before), a view found
    through the doc's offsets, not by reading the whole doc."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return span if span is not None else ()


def _counts_next(doc: Doc, offset: int) -> bool:
    """A number within ``PART_REACH`` words after ``offset`` (`onder wie drie`, `including two children`): the
    opener counts a part, it does not open a clause (`, waaronder het bedrijf werd verboden ...`)."""
    following = [t for t in _tokens(doc, offset, len(doc.text))[: PART_REACH + 1] if t.idx >= offset][:PART_REACH]
    return any(t.like_num or t.pos_ == "NUM" for t in following)


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


_HEADLINE_COMMA = re.compile(r"[,;]\s+")
_ADVERBIAL_OPENERS = ("ADP", "SCONJ")


def headline_breaks(doc: Doc, regions: Sequence[Span], *, language: str) -> tuple[tuple[int, int], ...]:
    """Where a headline's statement (``regions``: what its speakers say, or the whole headline) splits into
    propositions: at a comma or semicolon with ``MIN_PART_WORDS`` words on either side, unless a part of a set
    follows (``comparison.json``'s ``part_before``) or the words before it open with a preposition or
    subordinator (an adverbial, no proposition of its own)."""
    text = doc.text
    openers = _part_openers(language)
    found: list[tuple[int, int]] = []
    for region in regions:
        last = region.start
        for m in _HEADLINE_COMMA.finditer(text, region.start, region.end):
            end, start = m.start(), m.end()
            if openers.match(text, m.start()) or _words(text[start : region.end]) < MIN_PART_WORDS:
                continue
            if _words(text[last:end]) < MIN_PART_WORDS or _adverbial(doc, last):
                continue
            if not _states(doc, start, _next_cut(text, start, region.end), language):
                continue  # `unveils new laptops, a software suite`: one more thing unveiled
            found.append((end, start))
            last = start
    return tuple(found)


def _next_cut(text: str, start: int, end: int) -> int:
    m = _HEADLINE_COMMA.search(text, start, end)
    return m.start() if m else end


def _states(doc: Doc, start: int, end: int, language: str) -> bool:
    """Whether the words from ``start`` to ``end`` state something of their own: a verb (`stalls terminals`),
    a past participle however tagged (`190.000 dieren geruimd`, ``comparison.json``'s ``participles``) or a
    negation (`no sign of sabotage`); not one more item of a list."""
    participle = _participles(language)
    if any(t.pos_ in _VERBAL or participle.match(t.lower_) for t in _tokens(doc, start, end) if t.idx >= start):
        return True
    return polarity(doc.text, [Span.of(doc.text, start, end)], language=language) == "negative"


def _adverbial(doc: Doc, offset: int) -> bool:
    words = (t for t in _tokens(doc, offset, len(doc.text)) if t.idx >= offset and not t.is_punct and not t.is_space)
    first = next(words, None)
    return first is not None and first.pos_ in _ADVERBIAL_OPENERS


def proposition_breaks(doc: Doc, contents: Sequence[Span], *, language: str) -> tuple[tuple[int, int], ...]:
    """Where one of ``contents`` splits into two propositions, in text order: for each cut, the end of the
    first part and the start of the second (the conjunction or comma between them belongs to neither)."""
    text = doc.text
    openers = _part_openers(language)
    found: set[tuple[int, int]] = set()
    for span in contents:
        opened = [
            (span.start + m.start(), span.start + m.start() + 1)
            for m in openers.finditer(span.text)
            if _counts_next(doc, span.start + m.end())
        ]
        last = span.start
        for end, start in sorted(set(_coordinated(doc, span) + opened)):
            if _words(text[last:end]) >= MIN_PART_WORDS and _words(text[start : span.end]) >= MIN_PART_WORDS:
                found.add((end, start))
                last = start
    return tuple(sorted(found))
