"""A finer word layer over a spaCy doc: name parts split off compounds and possessives.

Tokenisers keep ``Airbus-eigenaar``, ``FTSE-index`` and ``Noord-Korea's`` whole; a name is only part
of such a token. Every token is cut at hyphens and slashes and before a possessive ``'s``, so that
``Airbus`` / ``-`` / ``eigenaar`` and ``Noord`` / ``-`` / ``Korea`` / ``'s`` are separate words with
their own character offsets into the text. Gazetteer forms are cut the same way, so the phrase
matcher sees the same words in both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

HYPHENS = frozenset("-/\u2010\u2011")
OPENERS = frozenset({"„", "“", "‘", "«", '"', "'", "(", "[", ":", "‚", "—", "–", "•"})
_SPLIT = re.compile("[-/\u2010\u2011]")
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_INITIAL = re.compile(r"[A-Z]\.?")
_CODE = re.compile(r"[A-Za-z0-9]*\d[A-Za-z0-9]*")
_ACRO = re.compile(r"[A-Z][A-Z0-9&.]*[A-Z0-9.]")
_MIXED = re.compile(r"[a-z]{1,3}[A-Z]\w*")
_CAP = re.compile(r"[^\W\d_][\w'’.&]*")
_ACRO_DOT = re.compile(r"[A-Z][A-Z&]+\.")  # "AT&T." at the end of a sentence
_POSSESSIVE = ("'s", "’s", "'", "’")
# a parser's sentence start counts only after one of these: not inside "Dennis te Kloese"
_SENTENCE_END = frozenset(".!?:;…\"'”’“‘)]»«„")


def pieces(text: str) -> list[tuple[int, int]]:
    """Offsets of the words inside one token's text."""
    core_end, tail = len(text), []
    for p in ("'s", "’s"):
        if text.endswith(p) and len(text) > 2 and any(c.isupper() or c.isdigit() for c in text[:-2]):
            core_end = len(text) - 2
            tail = [(core_end, len(text))]
            break
    else:
        if len(text) > 2 and text[-1] in "'’" and text[-2] in "sS" and text[0].isupper():
            core_end = len(text) - 1
            tail = [(core_end, len(text))]
    if not tail and _ACRO_DOT.fullmatch(text):
        core_end = len(text) - 1
        tail = [(core_end, len(text))]
    core = text[:core_end]
    if text.startswith(("'s-", "’s-")) or not any(c.isupper() or c.isdigit() for c in core):
        return [(0, core_end), *tail]
    out, start = [], 0
    for m in _SPLIT.finditer(core):
        if m.start() > start:
            out.append((start, m.start()))
        out.append((m.start(), m.end()))
        start = m.end()
    if start < core_end:
        out.append((start, core_end))
    return out + tail


def kind(text: str) -> str:
    """What a word looks like: cap, acro, mixed, code, initial, num, hyphen, poss, lower or punct."""
    if text in HYPHENS:
        return "hyphen"
    if text in _POSSESSIVE:
        return "poss"
    if _NUM.fullmatch(text):
        return "num"
    if _INITIAL.fullmatch(text):
        return "initial"
    if _CODE.fullmatch(text) and any(c.isalpha() for c in text):
        return "code"
    if _ACRO.fullmatch(text) and sum(c.isupper() for c in text) >= 2:
        return "acro"
    if text[0].isupper() and any(c.isalpha() for c in text[1:]) and _CAP.fullmatch(text):
        return "cap"
    if _MIXED.fullmatch(text):
        return "mixed"
    if text[0].isalpha():
        return "lower"
    return "punct"


NAMEISH = frozenset({"cap", "acro", "mixed", "code", "initial"})


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    space: bool  # whitespace follows in the text
    kind: str
    initial: bool  # first word of a sentence, a line or a quotation
    line: int


@dataclass(frozen=True, slots=True)
class Words:
    """The word layer of one text."""

    text: str
    items: tuple[Word, ...]
    starts: tuple[int, ...] = ()

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> Word:
        return self.items[i]

    def span_text(self, i: int, j: int) -> str:
        return self.text[self.items[i].start : self.items[j - 1].end]

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """Indices ``[i, j)`` of the words inside the character range."""
        i = bisect_right(self.starts, start - 1)
        j = i
        while j < len(self.items) and self.items[j].end <= end:
            j += 1
        return i, j

    def doc(self, vocab) -> Doc:  # type: ignore[no-untyped-def]
        return Doc(vocab, words=[w.text for w in self.items], spaces=[w.space for w in self.items])


def split_tokens(text: str, tokens: Iterable[tuple[int, str, bool]]) -> Words:
    """Words of ``text`` from ``(offset, token text, starts a sentence)`` triples."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    raw: list[tuple[int, int, bool]] = []
    for offset, tok, sent_start in tokens:
        if not tok.strip():
            continue
        for k, (a, b) in enumerate(pieces(tok)):
            raw.append((offset + a, offset + b, sent_start and k == 0))
    items: list[Word] = []
    for n, (a, b, sent_start) in enumerate(raw):
        word = text[a:b]
        nxt = raw[n + 1][0] if n + 1 < len(raw) else len(text)
        gap = text[b:nxt]
        prev = items[-1] if items else None
        line = bisect_right(newlines, a - 1)
        initial = (
            (sent_start and (prev is None or prev.text[-1] in _SENTENCE_END))
            or prev is None
            or prev.line != line
            or (prev.text in OPENERS and prev.initial)
            or prev.text in {"„", "“", "‘", "«", ":"}
            or prev.text in {".", "!", "?"}
        )
        items.append(Word(a, b, word, bool(gap), kind(word), initial, line))
    return Words(text, tuple(items), tuple(w.start for w in items))


def words_of(doc: Doc) -> Words:
    """The word layer of a spaCy doc (sentence starts from the doc when it has them)."""
    has_sents = doc.has_annotation("SENT_START")
    return split_tokens(doc.text, ((t.idx, t.text, bool(has_sents and t.is_sent_start) or t.i == 0) for t in doc))


def words_of_text(text: str, tokenizer) -> Words:  # type: ignore[no-untyped-def]
    """The word layer of a short text (a gazetteer form), through a spaCy tokenizer."""
    return split_tokens(text, ((t.idx, t.text, t.i == 0) for t in tokenizer(text)))
