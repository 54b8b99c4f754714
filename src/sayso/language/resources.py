"""Per-language knowledge kept in data files under ``sayso/resources/LANG/``.

Two formats: ``NAME.txt`` (one entry a line; ``#`` starts a comment; blank
lines ignored) and ``NAME.json``. Files are read once and cached. Adding a
language means adding a folder of files, not code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources as _res
from typing import Any

from sayso.errors import LanguageError


def _folder(language: str):  # type: ignore[no-untyped-def]
    if language not in supported_languages():  # never a path: `../x` or `_refused` is no language
        raise LanguageError(
            f"sayso has no resources for language {language!r}; "
            f"supported: {', '.join(supported_languages())}. Pass --language with one of those."
        )
    return _res.files("sayso") / "resources" / language


@cache
def supported_languages() -> tuple[str, ...]:
    root = _res.files("sayso") / "resources"
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def load_lines(language: str, name: str) -> tuple[str, ...]:
    """Entries of ``resources/LANG/NAME.txt``, without comments and blank lines."""
    path = _folder(language) / f"{name}.txt"
    if not path.is_file():
        raise LanguageError(f"resource file {language}/{name}.txt is missing from the sayso package; reinstall sayso")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def load_json(language: str, name: str) -> Any:
    """The parsed content of ``resources/LANG/NAME.json``."""
    path = _folder(language) / f"{name}.json"
    if not path.is_file():
        raise LanguageError(f"resource file {language}/{name}.json is missing from the sayso package; reinstall sayso")
    return json.loads(path.read_text(encoding="utf-8"))
