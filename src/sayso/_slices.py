"""What lies right before or after an offset, read without copying the text up to it.

``text[:i].rstrip()`` copies the whole text before ``i``; asked once per candidate, that made long articles
quadratic. These read only the characters they need and give the same answers.
"""

from __future__ import annotations


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
