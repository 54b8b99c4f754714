"""The resource files keep to their declaration, ``resources/schema.json``: every language has the declared
files, every JSON file has exactly the declared keys with the declared types, and the code reads every key.

"Read" is checked in the source: a key counts as read when it is a string literal in a package that loads
its file (names the file), as in ``data["say_verbs"]`` or ``lex.rel.get("ordinals")``. Keys starting with
``_`` are comments.
"""

from __future__ import annotations

import ast
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import sayso
from sayso.language.resources import supported_languages

SAYSO = Path(sayso.__file__).parent
RESOURCES = SAYSO / "resources"
SCHEMA: dict[str, Any] = json.loads((RESOURCES / "schema.json").read_text(encoding="utf-8"))
DECLARED = {name: entry for name, entry in SCHEMA.items() if not name.startswith("_")}
JSON_FILES = sorted(name for name in DECLARED if name.endswith(".json"))
LANGUAGES = supported_languages()


def _type_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def _files(language: str) -> set[str]:
    return {p.name for p in (RESOURCES / language).iterdir() if p.is_file() and not p.name.startswith(".")}


def _data(language: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESOURCES / language / name).read_text(encoding="utf-8"))
    return data


@cache
def _literals() -> dict[str, frozenset[str]]:
    """The string literals of the code, per package of ``sayso`` (or top-level module)."""
    out: dict[str, set[str]] = {}
    for path in SAYSO.rglob("*.py"):
        parts = path.relative_to(SAYSO).parts
        if parts[:2] == ("language", "models"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = out.setdefault(parts[0], set())
        found.update(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    return {unit: frozenset(words) for unit, words in out.items()}


def test_resources_languages_have_the_same_files() -> None:
    first, *others = LANGUAGES
    for language in others:
        assert _files(language) == _files(first), (
            f"resources/{language}/ and resources/{first}/ differ in "
            f"{sorted(_files(language) ^ _files(first))}: every language has the same files"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_resources_files_are_declared(language: str) -> None:
    missing = sorted(set(DECLARED) - _files(language))
    undeclared = sorted(_files(language) - set(DECLARED))
    assert not missing, f"resources/{language}/ lacks {missing}: add them (empty where {language} has no such words)"
    assert not undeclared, f"resources/{language}/ has {undeclared}, which resources/schema.json does not declare"


@pytest.mark.parametrize("name", JSON_FILES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_resources_keys_are_declared(language: str, name: str) -> None:
    data, declared = _data(language, name), DECLARED[name]["keys"]
    present = {k for k in data if not k.startswith("_")}
    missing, undeclared = sorted(set(declared) - present), sorted(present - set(declared))
    assert not missing, f"{language}/{name} lacks the declared keys {missing}: add them (an empty value if none apply)"
    assert not undeclared, (
        f"{language}/{name} has keys {undeclared} that resources/schema.json does not declare: declare them "
        "(type and meaning) there, or start them with _ when they are comments"
    )
    wrong = {k: _type_of(data[k]) for k in declared if _type_of(data[k]) not in declared[k]["type"].split("|")}
    assert not wrong, f"{language}/{name}: keys of another type than resources/schema.json declares: {wrong}"


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_resources_declared_keys_are_read(name: str) -> None:
    stem = name.rsplit(".", 1)[0]
    readers = sorted(unit for unit, words in _literals().items() if stem in words)
    assert readers, f"no code loads {name}: remove the file and its declaration, or load it"
    unread = [k for k in DECLARED[name].get("keys", {}) if not any(k in _literals()[unit] for unit in readers)]
    assert not unread, (
        f"{name}: the keys {unread} are declared but never read by {', '.join(readers)}: "
        "remove them from the files and resources/schema.json, or read them"
    )


def test_resources_declaration_says_what_each_key_means() -> None:
    for name, entry in DECLARED.items():
        assert entry.get("about"), f"resources/schema.json: say in a few words what {name} holds"
        for key, spec in entry.get("keys", {}).items():
            assert spec.get("about") and spec.get("type"), f"resources/schema.json: {name} {key} needs a type and about"
