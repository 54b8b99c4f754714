"""The time vocabulary of one language, read from ``resources/LANG/time_*.json|txt``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sayso.language.resources import load_json, load_lines
from sayso.numbers import alternation, words_pattern

alt = alternation


def norm(text: str) -> str:
    """Lower case with single spaces and straight apostrophes, as keys in the data files are written."""
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


@dataclass(frozen=True)
class TimeLexicon:
    language: str
    cal: dict[str, Any]
    units_data: dict[str, Any]
    rel: dict[str, Any]
    tense: dict[str, Any]
    prepositions: tuple[str, ...]

    # ---- calendar
    @property
    def months(self) -> dict[str, int]:
        return self.cal["months"]

    @property
    def full_months(self) -> list[str]:
        by_value: dict[int, str] = {}
        for name, value in self.months.items():
            if len(name) > len(by_value.get(value, "")):
                by_value[value] = name
        return list(by_value.values())

    @property
    def abbreviated_months(self) -> list[str]:
        full = set(self.full_months)
        return [m for m in self.months if m not in full]

    @property
    def weekdays(self) -> dict[str, int]:
        return {k: v for k, v in self.cal["weekdays"].items() if k not in self.cal["weekday_abbreviations"]}

    @property
    def all_weekdays(self) -> dict[str, int]:
        return self.cal["weekdays"]

    @property
    def dayparts(self) -> dict[str, str]:
        return self.cal["dayparts"]

    @property
    def seasons(self) -> dict[str, str]:
        return self.cal["seasons"]

    # ---- units
    @property
    def units(self) -> dict[str, str]:
        return self.units_data["units"]

    @property
    def singular_units(self) -> list[str]:
        plurals = set(self.units_data["plurals"])
        return [u for u in self.units if u not in plurals]

    @property
    def plural_units(self) -> list[str]:
        return list(self.units_data["plurals"])

    def unit_code(self, word: str) -> str | None:
        return self.units.get(norm(word))

    # ---- regex pieces
    @property
    def number_pattern(self) -> str:
        """Digits or number words: ``3``, ``1,5``, ``drie``, ``anderhalf``, ``two and a half``."""
        return rf"(?:\d+(?:[.,]\d+)?|{words_pattern(self.language)})"


@cache
def lexicon(language: str) -> TimeLexicon:
    return TimeLexicon(
        language=language,
        cal=load_json(language, "time_calendar"),
        units_data=load_json(language, "time_units"),
        rel=load_json(language, "time_relative"),
        tense=load_json(language, "time_tense"),
        prepositions=load_lines(language, "time_prepositions"),
    )
