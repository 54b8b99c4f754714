"""Respelling names written in a language's own transliteration into their usual English spelling.

Dutch writes ``Poetin``, ``Boedanov``, ``Loehansk``, ``Charkiv``; English ``Putin``, ``Budanov``,
``Luhansk``, ``Kharkiv``. The rules live in ``resources/LANG/entities_transliteration.json``.
"""

from __future__ import annotations

import re

from sayso.entities._resources import Transliteration

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def looks_transliterated(name: str, tr: Transliteration) -> bool:
    """True when a word of the name looks like a respelt Slavic name and none looks native."""
    if not tr.rules:
        return False
    words = [w.lower() for w in _WORD.findall(name)]
    if any(b.search(w) for w in words for b in tr.blockers):
        return False
    return any(m.search(w) for w in words for m in tr.markers)


def _respell(word: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    low = word.lower()
    for pattern, repl in rules:
        low = pattern.sub(repl, low)
    if word[:1].isupper():
        low = low[:1].upper() + low[1:]
    return low


def transliterate(name: str, tr: Transliteration) -> str:
    """The name respelt word by word; unchanged when it does not look transliterated."""
    if not looks_transliterated(name, tr):
        return name
    return _WORD.sub(lambda m: _respell(m.group(0), tr.rules), name)


def respell_place(name: str, tr: Transliteration) -> str:
    """A place name with the language's place-name endings made English (``Californië`` -> ``California``)."""
    out = name
    for pattern, repl in tr.place_rules:
        out = pattern.sub(repl, out)
    return out
