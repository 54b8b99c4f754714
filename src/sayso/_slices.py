"""What lies right before or after an offset, read without copying the text up to it.

``text[:i].rstrip()`` copies the whole text before ``i``; asked once per candidate, that made long articles
quadratic. These read only the characters they need and give the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # how ``re`` compares characters under IGNORECASE: the simple lower case, and a few extra equivalences
    from _sre import unicode_tolower as _tolower
    from re._casefix import _EXTRA_CASES
except ImportError:  # another Python: ``Folded.finditer`` scans with the pattern alone
    _tolower, _EXTRA_CASES = None, {}


def last_visible(text: str, i: int) -> int:
    """The offset of the last non-space character before ``i``, or -1: ``len(text[:i].rstrip()) - 1``."""
    j = min(i, len(text)) - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j


def ends_before(text: str, i: int, suffixes: str | tuple[str, ...]) -> bool:
    """``text[:i].rstrip().endswith(suffixes)``."""
    return text.endswith(suffixes, 0, last_visible(text, i) + 1)


def char_before(text: str, i: int) -> str:
    """``text[:i].rstrip()[-1:]``: the last non-space character before ``i``, or ``""``."""
    j = last_visible(text, i)
    return text[j] if j >= 0 else ""


def word_before(text: str, i: int) -> list[str]:
    """``text[:i].split()[-1:]``: the last whitespace-separated word before ``i``, in a list of at most one."""
    j = last_visible(text, i)
    if j < 0:
        return []
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return [text[k : j + 1]]


def first_visible(text: str, i: int) -> int:
    """The offset of the first non-space character from ``i`` on (or the end): ``i`` plus the length of
    ``text[i:]`` minus that of ``text[i:].lstrip()``."""
    j = min(max(i, 0), len(text))
    while j < len(text) and text[j].isspace():
        j += 1
    return j


class Folded:
    """A text with each character replaced by the one ``re.IGNORECASE`` treats it as, so that a plain, fast
    ``str.find`` lists every place where a case-insensitive literal pattern can match."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._table: dict[int, int] = {}
        self.folded = self.fold(text) if _tolower is not None else None

    def fold(self, text: str) -> str:
        for c in set(text):
            if ord(c) not in self._table:
                low = _tolower(ord(c))  # type: ignore[misc]
                self._table[ord(c)] = min((low, *_EXTRA_CASES.get(low, ())))
        return text.translate(self._table)

    def finditer(self, pattern: re.Pattern[str], literal: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)`` for a case-insensitive ``pattern`` whose every match is ``literal`` in
        some case (word-boundary checks around it allowed): the places the folded ``literal`` stands in the
        folded text, tried left to right as ``finditer`` tries them."""
        if self.folded is None or not literal:
            yield from pattern.finditer(self.text)
            return
        needle, at, free = self.fold(literal), 0, 0
        while (at := self.folded.find(needle, at)) >= 0:
            m = pattern.match(self.text, at) if at >= free else None
            if m is not None:
                free = m.end()
                yield m
            at += 1
