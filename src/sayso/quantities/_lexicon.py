"""The quantity vocabulary of one language, read from ``resources/LANG/quantities_*.json``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sayso.language.resources import load_json
from sayso.numbers import NumberWords, alternation, number_words, words_pattern

QUALIFIERS = ("at_least", "at_most", "almost", "about", "possibly")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


@dataclass(frozen=True)
class QuantityLexicon:
    language: str
    numbers: NumberWords
    units: dict[str, str]  # lower-case word -> unit code
    units_cased: dict[str, str]  # units whose case matters (GB, MW): as written -> code
    currencies_before: dict[str, str]
    currencies_after: dict[str, str]
    fractions: dict[str, float]
    fraction_unit: str
    multipliers: dict[str, float]  # het dubbele -> 2
    multiplier_unit: str
    qualifiers_before: dict[str, str]  # phrase -> qualifier
    qualifiers_after: dict[str, str]
    range_between: tuple[tuple[str, str], ...]
    range_joiners: tuple[str, ...]
    context: dict[str, Any]
    # compiled
    core: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    currency_before: re.Pattern[str]
    currency_before_alt: str
    currency_after: re.Pattern[str]
    unit_cased_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    money_scale: re.Pattern[str]
    of_follows: re.Pattern[str]
    rates: dict[str, str]  # per hour -> h: a measure followed by one of these is a rate (km/h)
    rate_after: re.Pattern[str]
    reached_qualifiers: frozenset[str]  # tot: the value reached after a verb of change, not a bound
    change_verb_before: re.Pattern[str]
    estimate_before: re.Pattern[str]  # naar schatting is ...: a hedge with a verb between it and the number
    bound_verbs: dict[str, str]  # exceeded -> at_least: a verb that bounds its number, outside the number's span
    bound_verb_before: re.Pattern[str]
    vague_before_scale: re.Pattern[str]  # een paar (miljoen): a bare scale word after it is vague
    ratio_joiner: re.Pattern[str]  # one in five, een op de tien: the words between the two numbers of a share


@cache
def quantity_lexicon(language: str) -> QuantityLexicon:
    nw = number_words(language)
    units_data = load_json(language, "quantities_units")
    quals = load_json(language, "quantities_qualifiers")
    context = load_json(language, "quantities_context")
    units: dict[str, str] = {}
    cased: dict[str, str] = {}
    for word, code in units_data["units"].items():
        if (word.lower() != word and len(word) <= 4) or (word.isalpha() and len(word) <= 2):
            cased[word] = code  # GB, MW, kWh, g, m: in another case they are other things (3G, 3M)
        else:
            units[norm(word)] = code
    q_before = {norm(p): q for q, phrases in quals["before"].items() for p in phrases}
    q_after = {norm(p): q for q, phrases in quals["after"].items() for p in phrases}
    bound_verbs = {norm(p): q for q, phrases in quals["bound_verbs"].items() for p in phrases}
    scale_words = [w for w, (k, _) in nw.morphemes.items() if k == "scale"]
    vague = alternation(nw.vague)
    fractions = {norm(k): float(v) for k, v in units_data["fractions"].items()}
    multipliers = {norm(k): float(v) for k, v in units_data["multipliers"].items()}
    articles = [w for w, (k, _) in nw.morphemes.items() if k == "one"]
    not_of_a_scale = (
        rf"(?![^\S\n]+{alternation(articles)}[^\S\n]+{alternation(scale_words)}(?![\w-]))"  # half a million
    )
    core = re.compile(
        rf"(?P<vague>(?<![\w-]){vague}(?![\w-]))"
        rf"|(?P<fraction>(?<![\w-]){alternation(fractions)}(?![\w-]){not_of_a_scale})"
        rf"|(?P<multiplier>(?<![\w-]){alternation(multipliers)}(?![\w-]))"
        rf"|(?P<digits>(?<![\w.,/:])(?:{nw.digit_pattern}))"
        rf"(?:(?P<dims>\s?[x×]\s?\d+)(?![\w]))?"
        rf"(?:(?P<scale>[^\S\n]*(?:{alternation(scale_words)}|{alternation(nw.scale_abbreviations)}))(?![\w]))?"
        rf"|(?P<words>(?<![\w-]){words_pattern(language)}(?![\w-]))",
        re.IGNORECASE,
    )
    qualifier_before = re.compile(rf"(?<![\w]){alternation(q_before)}[^\S\n]*$", re.IGNORECASE)
    currency_before = re.compile(rf"(?:{alternation(units_data['currencies_before'])})[^\S\n]*$")
    return QuantityLexicon(
        language=language,
        numbers=nw,
        units=units,
        units_cased=cased,
        currencies_before=units_data["currencies_before"],
        currencies_after={norm(k): v for k, v in units_data["currencies_after"].items()},
        fractions=fractions,
        fraction_unit=units_data["fraction_unit"],
        multipliers=multipliers,
        multiplier_unit=units_data["multiplier_unit"],
        qualifiers_before=q_before,
        qualifiers_after=q_after,
        range_between=tuple((norm(a), norm(b)) for a, b in quals["range_between"]),
        range_joiners=tuple(quals["range_joiners"]),
        context=context,
        core=core,
        qualifier_before=qualifier_before,
        currency_before=currency_before,
        currency_before_alt=alternation(units_data["currencies_before"]),
        currency_after=re.compile(
            rf"[^\S\n]*({alternation(norm(k) for k in units_data['currencies_after'])})(?![\w])", re.IGNORECASE
        ),
        unit_cased_after=re.compile(rf"(?:[^\S\n]*|-)({alternation(cased)})(?![\w])"),
        unit_after=re.compile(rf"(?:[^\S\n]*|-)({alternation(units)})(?![\w])", re.IGNORECASE),
        qualifier_after=re.compile(rf"[^\S\n]*({alternation(q_after)})(?![\w])", re.IGNORECASE),
        money_scale=re.compile(rf"({alternation(nw.money_scale_abbreviations)})(?![\w])"),
        of_follows=re.compile(rf"[^\S\n]+{alternation(context['of_words'])}(?![\w])", re.IGNORECASE),
        rates={norm(k): v for k, v in units_data["rates"].items()},
        rate_after=re.compile(rf"[^\S\n]+({alternation(units_data['rates'])})(?![\w])", re.IGNORECASE),
        reached_qualifiers=frozenset(norm(w) for w in quals["reached_after_verbs"]),
        # the verb in the same clause, at most six words or numbers back (steeg vorige maand tot, daalde met 2,5
        # procent tot), or the particle
        # of a separable verb right before (nam toe tot)
        change_verb_before=re.compile(
            rf"(?:(?<![\w]){alternation(quals['change_verbs'])}(?:[^\S\n]+(?:\d+(?:[.,]\d+)*|[^\s,.;:!?()]+)){{0,6}}"
            rf"|(?<![\w]){alternation(quals['change_particles'])})[^\S\n]*$",
            re.IGNORECASE,
        ),
        estimate_before=re.compile(
            rf"(?<![\w]){alternation(quals['estimate_adverbs'])}(?:[^\S\n]+{alternation(quals['estimate_gap_words'])}){{1,2}}"
            r"[^\S\n]+$",
            re.IGNORECASE,
        ),
        bound_verbs=bound_verbs,
        bound_verb_before=re.compile(rf"(?<![\w]){alternation(bound_verbs)}[^\S\n]+$", re.IGNORECASE),
        ratio_joiner=re.compile(rf"[^\S\n]+{alternation(quals['ratio_joiners'])}[^\S\n]+", re.IGNORECASE),
        vague_before_scale=re.compile(rf"(?<![\w]){alternation(quals['vague_before_scales'])}[^\S\n]+$", re.IGNORECASE),
    )
