"""Property tests: numbers and dates written out survive being read back; no text breaks the stages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.language.resources import load_json
from sayso.numbers import format_digits, number_words
from sayso.quantities import find_quantities, format_number, parse_number
from sayso.time import find_times

LANGUAGES = ("nl", "en")
language = st.sampled_from(LANGUAGES)


@given(n=st.integers(min_value=0, max_value=10**15 - 1), lang=language)
def test_number_properties_integer_in_words_round_trips(n: int, lang: str) -> None:
    assert parse_number(format_number(n, lang), lang) == n


@given(d=st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False), lang=language)
def test_number_properties_decimal_in_words_round_trips(d: Decimal, lang: str) -> None:
    value = float(d)
    assert parse_number(format_number(value, lang), lang) == value


@given(n=st.integers(min_value=-(10**12), max_value=10**12), lang=language)
def test_number_properties_negative_numbers_round_trip(n: int, lang: str) -> None:
    assert parse_number(format_number(n, lang), lang) == n


@given(n=st.integers(min_value=0, max_value=10**15), lang=language)
def test_number_properties_integer_with_separators_round_trips(n: int, lang: str) -> None:
    sep = number_words(lang).thousands_separator
    written = f"{n:,}".replace(",", sep)  # 1.234.567 (nl), 1,234,567 (en)
    assert parse_number(written, lang) == n
    assert parse_number(format_digits(n, lang), lang) == n


@given(whole=st.integers(min_value=0, max_value=10**9), frac=st.integers(min_value=1, max_value=99), lang=language)
def test_number_properties_decimal_with_separators_round_trips(whole: int, frac: int, lang: str) -> None:
    nw = number_words(lang)
    written = f"{whole:,}".replace(",", nw.thousands_separator) + nw.decimal_separator + f"{frac:02d}"
    assert parse_number(written, lang) == pytest.approx(whole + frac / 100, rel=1e-12)


def _month_names(lang: str) -> dict[int, str]:
    """The full name of each month, from the language's data file."""
    names: dict[int, str] = {}
    for name, number in load_json(lang, "time_calendar")["months"].items():
        if len(name) > len(names.get(number, "")):
            names[number] = name
    return names


def _written(d: date, lang: str) -> list[str]:
    month = _month_names(lang)[d.month]
    if lang == "en":
        month = month.capitalize()
        return [
            f"{month} {d.day}, {d.year}",
            f"{month} {d.day:02d}, {d.year}",
            f"{d.day} {month} {d.year}",
            f"{d.month}/{d.day}/{d.year}",
            d.isoformat(),
        ]
    return [
        f"{d.day} {month} {d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day}-{d.month}-{d.year}",
        d.isoformat(),
    ]


@given(
    d=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    lang=language,
    published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
)
def test_number_properties_dates_round_trip(d: date, lang: str, published: date | None) -> None:
    lead = {"nl": "Het verdrag werd getekend op", "en": "The treaty was signed on"}[lang]
    for written in _written(d, lang):
        text = f"{lead} {written} in de hoofdstad." if lang == "nl" else f"{lead} {written} in the capital."
        found = find_times(text, language=lang, published=published)
        assert [t.value for t in found] == [d.isoformat()], written
        assert found[0].text.endswith(written)


@settings(max_examples=300)
@given(
    text=st.text(max_size=300),
    lang=language,
    published=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)
def test_number_properties_any_text_gives_lists(text: str, lang: str, published: date | None) -> None:
    times = find_times(text, language=lang, published=published)
    assert isinstance(times, list)
    quantities = find_quantities(text, language=lang, times=times)
    assert isinstance(quantities, list)
    for item in (*times, *quantities):
        assert text[item.start : item.end] == item.text


NEWSY = st.lists(
    st.sampled_from(
        [
            "op",
            "2",
            "januari",
            "maandag",
            "avond",
            "vorige",
            "week",
            "1.000",
            "5,7",
            "procent",
            "zeker",
            "twee",
            "miljoen",
            "tot",
            "-",
            "$",
            "€",
            "on",
            "Monday",
            "last",
            "year",
            "ago",
            "about",
            "15",
            "2024",
            "mid-",
            "the",
            "1960s",
            "jaren",
            "zestig",
            "en",
            "a",
            "half",
            ",",
            ".",
            "om",
            "14.30",
            "uur",
            "18:00",
            "UTC",
            "next",
            "between",
            "and",
            "thousands",
            "of",
        ]
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=300)
@given(
    text=NEWSY,
    lang=language,
    published=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)
def test_number_properties_newsy_word_salad_gives_lists(text: str, lang: str, published: date | None) -> None:
    times = find_times(text, language=lang, published=published)
    quantities = find_quantities(text, language=lang, times=times)
    assert isinstance(times, list) and isinstance(quantities, list)
    for item in (*times, *quantities):
        assert text[item.start : item.end] == item.text


# ---------------------------------------------------------------- bounds, ranges, signs, vague amounts

LEADS = {"nl": "Volgens de telling ging het om", "en": "According to the count it was"}


def _digits(value: float, lang: str) -> str:
    nw = number_words(lang)
    whole, frac = f"{value:.2f}".split(".")
    return f"{int(whole):,}".replace(",", nw.thousands_separator) + nw.decimal_separator + frac


@given(
    cents=st.integers(min_value=1, max_value=10**7),
    lang=language,
    sign=st.sampled_from(["-", "−", "- ", "− "]),
)
def test_number_properties_a_signed_decimal_is_negative(cents: int, lang: str, sign: str) -> None:
    value = cents / 100
    text = f"{LEADS[lang]} {sign}{_digits(value, lang)} %."
    (q,) = find_quantities(text, language=lang)
    assert q.value == pytest.approx(-value)
    assert q.text.startswith(sign.strip())


@given(a=st.integers(min_value=1, max_value=999), b=st.integers(min_value=1, max_value=999), lang=language)
def test_number_properties_a_hyphen_between_numbers_is_no_sign(a: int, b: int, lang: str) -> None:
    text = f"{LEADS[lang]} {a} - {b},5 procent." if lang == "nl" else f"{LEADS[lang]} {a} - {b}.5 percent."
    assert all(q.value is None or q.value >= 0 for q in find_quantities(text, language=lang))


@given(low=st.integers(min_value=1, max_value=10**6), factor=st.integers(min_value=11, max_value=1000), lang=language)
def test_number_properties_bounds_far_apart_are_no_range(low: int, factor: int, lang: str) -> None:
    joiner = {"nl": "tot", "en": "to"}[lang]
    text = f"{LEADS[lang]} {format_digits(low, lang)} {joiner} {format_digits(low * factor, lang)}."
    assert all(q.qualifier != "range" for q in find_quantities(text, language=lang))


@given(low=st.integers(min_value=1, max_value=10**6), extra=st.integers(min_value=1, max_value=9), lang=language)
def test_number_properties_close_bounds_between_are_a_range(low: int, extra: int, lang: str) -> None:
    high = low + max(1, low * extra // 10)
    opening, closing = {"nl": ("tussen", "en"), "en": ("between", "and")}[lang]
    text = f"{LEADS[lang]} {opening} {format_digits(low, lang)} {closing} {format_digits(high, lang)}."
    (q,) = find_quantities(text, language=lang)
    assert (q.low, q.high, q.qualifier) == (low, high, "range")


@given(a=st.integers(min_value=2, max_value=99), b=st.integers(min_value=2, max_value=99), lang=language)
def test_number_properties_a_number_in_words_and_one_in_digits_are_no_range(a: int, b: int, lang: str) -> None:
    joiner = {"nl": "tot", "en": "to"}[lang]
    text = f"{LEADS[lang]} {format_number(a, lang)} {joiner} {b}."
    assert all(q.qualifier != "range" for q in find_quantities(text, language=lang))


@given(
    n=st.integers(min_value=1, max_value=10**9).filter(lambda n: not 1000 <= n <= 2100), lang=language, data=st.data()
)
def test_number_properties_a_bound_verb_bounds_its_number(n: int, lang: str, data: st.DataObject) -> None:
    qualifier = data.draw(st.sampled_from(["at_least"]))
    verb = data.draw(st.sampled_from(load_json(lang, "quantities_qualifiers")["bound_verbs"][qualifier]))
    subject, tail = {"nl": ("Het aantal", "vorig jaar"), "en": ("The number", "last year")}[lang]
    (q,) = find_quantities(f"{subject} {verb} {format_digits(n, lang)} {tail}.", language=lang)
    assert (q.qualifier, q.low, q.value) == (qualifier, n, n)
    assert q.text == format_digits(n, lang)  # the verb bounds the number; it is no part of it


@given(lang=language, data=st.data())
def test_number_properties_a_vague_word_before_a_scale_is_vague(lang: str, data: st.DataObject) -> None:
    determiner = data.draw(st.sampled_from(load_json(lang, "quantities_qualifiers")["vague_before_scales"]))
    scales = load_json(lang, "quantities_numbers")["scales"]
    scale = data.draw(st.sampled_from(sorted(w for w, v in scales.items() if v >= 1000)))
    text = f"{LEADS[lang]} {determiner} {scale} euro."
    (q,) = find_quantities(text, language=lang)
    assert (q.value, q.low, q.qualifier) == (None, scales[scale], "vague")
    assert q.text.startswith(determiner)


@given(part=st.integers(min_value=1, max_value=9), whole=st.integers(min_value=2, max_value=9), lang=language)
def test_number_properties_the_whole_of_a_partitive_counts(part: int, whole: int, lang: str) -> None:
    of_the = {"nl": "van de", "en": "of the"}[lang]
    noun = {"nl": "artsen", "en": "doctors"}[lang]
    text = f"{LEADS[lang].split()[0]} {format_number(part, lang)} {of_the} {format_number(whole, lang)} {noun}."
    assert (whole, noun) in [(q.value, q.unit) for q in find_quantities(text, language=lang)]


@given(n=st.integers(min_value=101, max_value=999).filter(lambda n: n % 10), singular=st.booleans())
def test_number_properties_english_digits_before_a_singular_noun_name_a_model(n: int, singular: bool) -> None:
    noun = "upgrade" if singular else "upgrades"
    found = find_quantities(f"The airline ordered its {n} {noun} this week.", language="en")
    assert [q.value for q in found] == ([] if singular else [n])


@given(
    a=st.integers(min_value=2, max_value=8), step=st.integers(min_value=1, max_value=8), lang=language, data=st.data()
)
def test_number_properties_the_scale_of_the_upper_bound_scales_the_lower(
    a: int, step: int, lang: str, data: st.DataObject
) -> None:
    b = min(9, a + step)
    scales = load_json(lang, "quantities_numbers")["scales"]
    scale = data.draw(st.sampled_from(sorted(w for w, v in scales.items() if v >= 1000)))
    joiner = {"nl": "tot", "en": "to"}[lang]
    text = f"{LEADS[lang]} {format_number(a, lang)} {joiner} {format_number(b, lang)} {scale}."
    (q,) = find_quantities(text, language=lang)
    assert (q.low, q.high, q.qualifier) == (a * scales[scale], b * scales[scale], "range")


@given(denominator=st.sampled_from(["half"]), scale=st.sampled_from(["dozen", "thousand", "million", "billion"]))
def test_number_properties_half_a_scale_is_half_of_it(denominator: str, scale: str) -> None:
    scales = load_json("en", "quantities_numbers")["scales"]
    assert parse_number(f"{denominator} a {scale}", "en") == scales[scale] / 2


@given(a=st.integers(min_value=0, max_value=99), b=st.integers(min_value=0, max_value=99), c=st.integers(0, 99))
def test_number_properties_a_version_number_gives_no_count(a: int, b: int, c: int) -> None:
    for lang in LANGUAGES:
        assert find_quantities(f"Versie {a}.{b}.{c} is uit.", language=lang) == []


@given(a=st.integers(min_value=2, max_value=50), extra=st.integers(min_value=1, max_value=50), lang=language)
def test_number_properties_a_share_is_its_fraction(a: int, extra: int, lang: str) -> None:
    b = a + extra if (a + extra) % 10 else a + extra + 1  # the time stage reads `op de zestig` as the 1960s
    joiner = {"nl": "op de", "en": "in"}[lang]
    noun = {"nl": "kiezers", "en": "voters"}[lang]
    text = f"{LEADS[lang]} {format_number(a, lang)} {joiner} {format_number(b, lang)} {noun}."
    (q,) = find_quantities(text, language=lang)
    assert (q.value, q.unit) == (pytest.approx(a / b), "fraction")


@given(n=st.integers(min_value=1, max_value=10**6).filter(lambda n: not 1000 <= n <= 2100), lang=language)
def test_number_properties_a_minus_word_negates_digits(n: int, lang: str) -> None:
    minus = load_json(lang, "quantities_numbers")["minus_words"][0]
    (q,) = find_quantities(f"{LEADS[lang]} {minus} {format_digits(n, lang)} graden.", language=lang)
    assert q.value == -n
