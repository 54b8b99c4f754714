"""find_quantities: number cores, then their context (model names, ranges, qualifiers, currencies, units)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sayso.numbers import alternation, ends_with_denominator, parse_digits, trailing_scale, try_parse_number
from sayso.quantities._lexicon import QuantityLexicon, norm, quantity_lexicon
from sayso.quantities._scores import score_spans
from sayso.records import Quantity, TimeExpr
from sayso.time import find_times
from sayso.time._lexicon import lexicon as time_lexicon


@dataclass(frozen=True, slots=True)
class _Core:
    """A number as written, before its context is read: ``180.000``, ``twee miljoen``, ``duizenden``."""

    start: int
    end: int
    value: float | None
    kind: str  # number, vague, fraction, multiplier, dims
    scaled: bool = False
    words: bool = False


def find_quantities(text: str, *, language: str, times: Sequence[TimeExpr] = ()) -> list[Quantity]:
    """Every number in ``text`` that counts or measures something, with its bounds and qualifier.

    Numbers inside the time expressions ``times`` are dates, clock times or durations and are
    left out; a language whose ``quantities_context.json`` sets ``count_durations`` keeps the
    durations (``anderhalf jaar``) as quantities too. When ``times`` is empty the time
    expressions are found here, without a publication date.

    A number used as a name anywhere in the text (``A380``, ``777s``, ``Boeing 787``,
    ``787 Dreamliner``) is a model number everywhere in it (``the 787``).
    """
    if not text:
        return []
    lex = quantity_lexicon(language)
    if not times:
        times = find_times(text, language=language, published=None)
    count_durations = bool(lex.context.get("count_durations"))
    spans = [(t.start, t.end) for t in times if not (count_durations and t.kind == "duration")]
    blocked = _merged([*spans, *score_spans(text, lex)])
    models = _model_numbers(text, lex)
    found = [c for c in _cores(text, lex) if not _overlaps(c, blocked)]
    out, taken = _ratios(found, text, lex)
    cores = [
        c
        for c in found
        if (c.start, c.end) not in taken
        and _counts(c, text, lex, blocked)
        and not (c.kind == "number" and text[c.start : c.end] in models)
    ]
    i = 0
    while i < len(cores):
        pair = _range(cores, i, text, lex)
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        q = _quantity(cores[i], text, lex)
        if q is not None:
            out.append(q)
        i += 1
    return _share_units(sorted(out, key=lambda q: q.start), text, lex)


def _ratios(cores: list[_Core], text: str, lex: QuantityLexicon) -> tuple[list[Quantity], set[tuple[int, int]]]:
    """``one in five``, ``een op de tien``, ``3 out of 4``: a share, one number of a larger one, is a fraction."""
    out: list[Quantity] = []
    taken: set[tuple[int, int]] = set()
    for a, b in itertools.pairwise(cores):
        if a.kind != "number" or b.kind != "number" or a.value is None or b.value is None:
            continue
        if (
            (a.start, a.end) in taken
            or not 0 < a.value < b.value
            or not lex.ratio_joiner.fullmatch(text, a.end, b.start)
        ):
            continue
        start, qualifier = a.start, "exact"
        hedge = _qualifier_before(text, a.start, lex)
        if hedge is not None:
            qualifier, start = hedge
        value = a.value / b.value
        low, high = (value, None) if qualifier == "at_least" else (None, value if qualifier in _UPPER else None)
        out.append(Quantity(start, b.end, text[start : b.end], value, low, high, lex.fraction_unit, qualifier))
        taken |= {(a.start, a.end), (b.start, b.end)}
    return out, taken


_UPPER = ("at_most", "almost", "possibly")


# ---------------------------------------------------------------- number cores


def _cores(text: str, lex: QuantityLexicon) -> list[_Core]:
    found: list[_Core] = []
    nw = lex.numbers
    for m in lex.core.finditer(text):
        if m["vague"]:
            found.append(_Core(m.start(), m.end(), nw.vague.get(norm(m.group(0))), "vague"))
        elif m["fraction"]:
            found.append(_Core(m.start(), m.end(), lex.fractions.get(norm(m.group(0))), "fraction"))
        elif m["multiplier"]:
            found.append(_Core(m.start(), m.end(), lex.multipliers.get(norm(m.group(0))), "multiplier"))
        elif m["digits"]:
            value = parse_digits(m["digits"], lex.language)
            if value is None:
                continue
            if m["dims"]:
                found.append(_Core(m.start(), m.end("dims"), None, "dims"))
                continue
            end, scaled = m.end("digits"), False
            if m["scale"]:
                scale = try_parse_number("1 " + m["scale"].strip(), lex.language)
                if scale is not None:
                    value *= scale
                    end, scaled = m.end("scale"), True
            sign = _minus_sign(text, m.start(), lex.numbers.decimal_separator in m["digits"])
            sign = sign if sign is not None else _minus_word(text, m.start(), lex)
            start = m.start() if sign is None else sign
            found.append(_Core(start, end, value if sign is None else -value, "number", scaled))
        elif m["words"]:
            found.extend(
                _vague_scale(_with_article(c, text, lex), text, lex) for c in _word_cores(m.start(), m.group(0), lex)
            )
    return found


def _minus_word(text: str, start: int, lex: QuantityLexicon) -> int | None:
    """Where a minus word before digits begins (``minus 10 degrees``, ``min 2,5 procent``), or None."""
    m = re.search(r"(?<![\w])([^\W\d_]+)[^\S\n]+$", text[max(0, start - 12) : start])
    if m and lex.numbers.morphemes.get(m.group(1).lower(), ("", 0))[0] == "minus":
        return max(0, start - 12) + m.start(1)
    return None


def _with_article(c: _Core, text: str, lex: QuantityLexicon) -> _Core:
    """``a dozen``, ``a million``: the article that stands for one belongs to a scale word after it, so that
    a qualifier before it qualifies the number (``more than a dozen``)."""
    first = norm(text[c.start : c.end]).split()[0]
    if lex.numbers.morphemes.get(first, ("", 0))[0] not in ("scale", "hundred"):
        return c
    m = re.search(r"(?<![\w])([^\W\d_]+)[^\S\n]+$", text[max(0, c.start - 6) : c.start])
    if not m or lex.numbers.morphemes.get(m.group(1).lower(), ("", 0))[0] != "one":
        return c
    return _Core(max(0, c.start - 6) + m.start(1), c.end, c.value, c.kind, c.scaled, c.words)


def _minus_sign(text: str, start: int, decimal: bool) -> int | None:
    """Where the minus sign of the number at ``start`` begins, or None when it has none.

    ``-3,5%``, ``(−12)`` and, with a decimal number, ``- 2,56 %`` are negative. A hyphen after a
    word or a number is no sign (``F-16``, ``3-1``, ``10 - 12``), and a dash opening a line is a bullet.
    """
    if start >= 1 and text[start - 1] in _MINUS_GLUED:
        sign = start - 1
    elif start >= 2 and decimal and text[start - 1] == " " and text[start - 2] in _MINUS_SPACED:
        sign = start - 2
    else:
        return None
    if sign > 0 and text[sign - 1] not in " \t\n([":
        return None
    line = text[max(0, sign - 40) : sign].rsplit("\n", 1)[-1].split()
    if sign == start - 2 and not line:
        return None  # `- 2,5 procent` opening a line: a bullet
    if line and re.search(r"\d%?$", line[-1]):
        return None  # `3 -1`, `10 - 12,5`: a score or a sum, not a sign
    return sign


_MINUS_GLUED = "-−–"
_MINUS_SPACED = "-−"


def _vague_scale(c: _Core, text: str, lex: QuantityLexicon) -> _Core:
    """``een paar miljoen``, ``a few hundred``, ``several thousand``: a bare scale word after one of the
    ``vague_before_scales`` words is a vague amount (at least one of the scale), not exactly one of it."""
    first = norm(text[c.start : c.end]).split()[0]
    kind = lex.numbers.morphemes.get(first, ("", 0))[0]
    if kind not in ("scale", "hundred"):
        return c
    m = lex.vague_before_scale.search(text, max(0, c.start - 30), c.start)
    if m is None:
        return c
    return _Core(m.start(), c.end, c.value, "vague", c.scaled, c.words)


def _word_cores(offset: int, chunk: str, lex: QuantityLexicon) -> list[_Core]:
    """The longest runs of words in ``chunk`` that parse as numbers."""
    toks = [(t.start(), t.end()) for t in re.finditer(r"\S+", chunk)]
    out: list[_Core] = []
    i = 0
    while i < len(toks):
        for j in range(len(toks), i, -1):
            s, e = toks[i][0], toks[j - 1][1]
            value = try_parse_number(chunk[s:e], lex.language)
            if value is not None:
                scaled = trailing_scale(chunk[s:e], lex.language) > 1  # twee miljoen, driehonderd
                out.append(_Core(offset + s, offset + e, value, "number", scaled, words=True))
                i = j
                break
        else:
            i += 1
    return out


# ---------------------------------------------------------------- model numbers

_GLUED = re.compile(r"(?<![\w])(?:[^\W\d_]+-?(\d{2,})|(\d{2,})[^\W\d_]+)(?:-[\w]+)?(?![\w])")
_CODE = re.compile(r"(?<![\w])(\d{3,})-\d+[^\W\d_]+(?![\w])")
_BEFORE_NAME = re.compile(r"(?<![\w])(\d{3,})[^\S\n]+[“\"]?([A-Z][a-z][\w-]*)")
_AFTER_NAME = re.compile(r"(?<![.!?\n]\s)(?<![\n])\b[A-Z][\w-]*[a-z](?:['’]s)?[^\S\n]+(\d{3,})(?![\w.,])")


def _model_numbers(text: str, lex: QuantityLexicon) -> set[str]:
    """Digit strings that the text uses as names of things (A380, 777s, Boeing 787, 787 Dreamliner)."""
    models: set[str] = set()
    for m in _GLUED.finditer(text):
        digits = m.group(1) or m.group(2)
        suffix = text[m.end(2) : m.end()] if m.group(2) else ""
        letters = re.match(r"[^\W\d_]+", suffix)
        if letters and (
            letters.group(0) in lex.units_cased
            or norm(letters.group(0)) in lex.units
            or norm(letters.group(0)) in lex.numbers.ordinal_suffixes
            or norm(letters.group(0)) in lex.numbers.scale_abbreviations
            or norm(letters.group(0)) in lex.numbers.money_scale_abbreviations
        ):
            continue  # 500km, 2GB, 5th, 15bn: a measure, not a name
        models.add(digits)
    models.update(m.group(1) for m in _CODE.finditer(text))
    adjectives = tuple(lex.context["demonym_suffixes"])
    for m in _BEFORE_NAME.finditer(text):
        # 787 Dreamliner; not 125 Russian soldiers, and not a round count (500 Apple engineers)
        if not m.group(1).endswith("0") and not m.group(2).lower().endswith(adjectives):
            models.add(m.group(1))
    months = _months(lex.language)
    for m in _AFTER_NAME.finditer(text):
        word = text[m.start() : m.start(1)].split()[0]
        key = norm(re.sub(r"['’]s$", "", word))
        if key not in months and key not in lex.qualifiers_before and key not in lex.currencies_after:
            models.add(m.group(1))
    for m in re.finditer(r"(?<![\w])(\d{3,})-(\d{2,})(?![\w])", text):
        if m.group(1) in models:
            models.add(m.group(2))  # 737-800: the variant of a model
    return models


# ---------------------------------------------------------------- is it a count?

_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\n„“\"'(‘«]\s*)$")


def _word_before(text: str, start: int) -> tuple[str, int]:
    m = re.search(r"([^\s]+)[^\S\n]+$", text[max(0, start - 40) : start])
    if not m:
        return "", start
    return m.group(1), max(0, start - 40) + m.start(1)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_DAY_MONTH_YEAR = re.compile(r"-[^\W\d_]{3,9}-\d{2,4}(?![\w])")
_AGE_APPOSITION = re.compile(r".*[A-Z][^\W\d_]+,\s\d{1,3}[,)]\s?$", re.DOTALL)
_AGE_IN_PARENS = re.compile(r"(?<![\w])[A-Z][^\W\d_]*\.?[^\S\n]\($")


def _overlaps(c: _Core, blocked: list[tuple[int, int]]) -> bool:
    """Whether ``c`` overlaps one of the sorted, non-overlapping spans ``blocked``."""
    i = bisect.bisect_right(blocked, (c.start, float("inf"))) - 1
    return any(s < c.end and c.start < e for s, e in blocked[max(0, i) : i + 2])


def _counts(c: _Core, text: str, lex: QuantityLexicon, blocked: list[tuple[int, int]]) -> bool:
    if _overlaps(c, blocked):
        return False
    ctx = lex.context
    before = text[max(0, c.start - 2) : c.start]
    after = text[c.end : c.end + 12]
    if c.kind in ("number", "dims") and not c.words:
        token_before = re.search(r"(\S*)[-/]$", text[max(0, c.start - 20) : c.start])
        if (
            (token_before and re.search(r"[^\W\d_]", token_before.group(1)))
            or before.endswith(":")
            or re.match(r":\d", after)
        ):
            return False  # F-16, Hwasong-11, 24/7, 18:00
        if (token_before and _YEAR.fullmatch(token_before.group(1))) or _DAY_MONTH_YEAR.match(after):
            return False  # 2010-11: a span of years; 01-Mar-08: a date
        if re.match(r"/\d", after):
            return False  # 24/7, 9/11, 1/3: a name, a date or a ratio written with a slash, no count
        letters = re.match(r"([^\W\d_]+)(?![\d])", after)
        if re.match(r"[^\W\d_]", after):
            suffix = letters.group(1) if letters else ""
            ok = bool(suffix) and (
                suffix in lex.units_cased
                or norm(suffix) in lex.units
                or (suffix.islower() and suffix in lex.numbers.ordinal_suffixes)
                or norm(suffix) in lex.numbers.money_scale_abbreviations
            )
            if not ok:
                return False  # 777s, 3G, A380's
        if re.search(r"[^\W\d_]['’]$", before):
            return False  # iLife'11
        if re.match(r"[.,]\d", after) or re.search(r"\d[.]$", before):
            return False  # version 1.1.1, an IP address
        word, wstart = _word_before(text, c.start)
        plain = re.fullmatch(r"\d+", text[c.start : c.end]) is not None  # 747, not 3,700 or 2.5 million
        bare = re.sub(r"['’]s$", "", word.lstrip("([„“\"‘'"))
        inner_capital = any(ch.isupper() for ch in bare[1:]) and not bare.isupper()  # iPhone, iOS, McLaren
        if plain and word and (inner_capital or not _SENTENCE_START.search(text[max(0, wstart - 3) : wstart])):
            if (
                any(ch.isupper() for ch in bare)
                and re.fullmatch(r"[^\W\d_][^\W\d_&.'’-]*(?:[&.'’-][^\W\d_]+)*", bare)
                and norm(bare) not in lex.qualifiers_before
                and bare not in lex.currencies_before
                and norm(bare) not in lex.units
                and norm(bare) not in _months(lex.language)
            ):
                return False  # Boeing 747, iPhone 4, Trent 900, Boeing's 787: a name with a number
        if _before_a_singular_noun(c, text, lex):
            return False  # the 737 replacement, its 380 engine: a model number names the thing
    if not c.words and (
        _AGE_APPOSITION.match(text[max(0, c.start - 40) : c.end + 2])
        or (_AGE_IN_PARENS.search(text, max(0, c.start - 40), c.start) and text[c.end : c.end + 1] == ")")
    ):
        return False  # `Tom Brandt, 58, ...`, `Ahmed B. (54)`: an age given with a name
    if re.match(rf"{alternation(ctx['age_suffixes'])}(?![\w])", text[c.end : c.end + 20], re.IGNORECASE):
        return False  # de 34-jarige aanvaller, a 34-year-old: an age adjective, not a count
    word, _ = _word_before(text, c.start)
    if _ordinal_suffix(c, text, lex) and norm(word) in ctx["definite_before"]:
        return False  # the 18th sanctions package, het 3e kwartaal: a rank in a series, not a count
    if _emergency_number(c, text, lex):
        return False  # belde 112, call 911
    if norm(word) in ctx["labels_before"]:
        return False  # artikel 5, flight 17, number one
    nxt = re.match(r"[^\S\n]*([\w'’-]+)", text[c.end : c.end + 30])
    if nxt and norm(nxt.group(1)) in ctx["not_count_nouns"]:
        return False  # twee dingen: not a count of something in the world
    if c.words and not _word_number_counts(c, text, lex, nxt.group(1) if nxt else ""):
        return False
    if c.kind == "multiplier" and not ctx["bare_multipliers_count"] and _qualifier_before(text, c.start, lex) is None:
        return False  # double the speed; but more than double the number
    if c.kind == "fraction":
        if norm(text[c.start : c.end]) in {norm(f) for f in ctx["fractions_before_of"]} and not _of_follows(
            text, c.end, lex
        ):
            return False
    return True


def _before_a_singular_noun(c: _Core, text: str, lex: QuantityLexicon) -> bool:
    """Whether a number of three or more digits stands before a singular noun, in a language whose counts
    take plurals (``counts_take_plurals``): ``737 replacement`` names a model; ``737 replacements`` counts."""
    if not lex.context.get("counts_take_plurals") or c.scaled or not re.fullmatch(r"\d{3,}", text[c.start : c.end]):
        return False
    tail = text[c.end : c.end + 60]
    if (
        lex.currency_after.match(tail)
        or _unit_after(tail, lex)
        or lex.currency_before.search(text, max(0, c.start - 8), c.start)
    ):
        return False  # 300 euro, 500 km, $300: measures keep their singular unit
    noun = _counted_noun(text, c.end, lex, c)
    if noun is None or not re.fullmatch(r"[^\W\d_A-Z][^\W\d_]*(?: [^\W\d_]+)*", noun):
        return False  # 415 km2, 300 Russians, 250 died
    if tail.split()[0] != noun.split()[0]:
        return False  # 386 strong Netto chain: words before the noun, not a noun right after the number
    return not _plural(norm(noun.split()[-1]), lex.context)


def _ordinal_suffix(c: _Core, text: str, lex: QuantityLexicon) -> str:
    """The ordinal ending glued to a number in digits (``th`` in ``18th``, ``e`` in ``3e``), or ``""``."""
    if c.words or c.kind != "number":
        return ""
    m = re.match(r"[^\W\d_]+(?![\w])", text[c.end : c.end + 5])
    if m and _is_ordinal(m.group(0), lex):
        return m.group(0)
    return ""


def _emergency_number(c: _Core, text: str, lex: QuantityLexicon) -> bool:
    """An emergency phone number near a word for calling it (``belde 112``, ``gebeld en 112``, ``dial 999``)."""
    ctx = lex.context
    if c.words or text[c.start : c.end] not in ctx["emergency_numbers"]:
        return False
    near = text[max(0, c.start - 30) : c.start].split()[-3:] + text[c.end : c.end + 30].split()[:3]
    calls = {norm(w) for w in ctx["emergency_call_words"]}
    return any(norm(w.strip(".,;:!?()\"'")) in calls for w in near)


def _word_number_counts(c: _Core, text: str, lex: QuantityLexicon, next_word: str) -> bool:
    """A number in words counts unless it is an article, a pronoun use or part of an idiom."""
    ctx = lex.context
    phrase = norm(text[c.start : c.end])
    if phrase in ctx["word_numbers_not_alone"] or norm(next_word) in ctx["not_after_word_numbers"]:
        return False  # een huis; acht het (considers it)
    window_start = max(0, c.start - 20)
    window = text[window_start : c.end + 20].lower().replace("’", "'")
    for p in ctx["word_number_phrases_not_counts"]:
        for m in re.finditer(rf"(?<![\w]){re.escape(p)}(?![\w])", window):
            if window_start + m.start() < c.end and c.start < window_start + m.end():
                return False  # no one, one of them, een voor een
    raw = text[c.start : c.end]
    if raw[:1].isupper() and not _SENTENCE_START.search(text[max(0, c.start - 3) : c.start]):
        return False  # De Drie Musketiers
    if (
        ends_with_denominator(phrase, lex.language)
        and phrase not in lex.fractions
        and not _of_follows(text, c.end, lex)
    ):
        return False  # a fifth consecutive year
    word, wstart = _word_before(text, c.start)
    if c.value is not None and c.value <= 10 and norm(word) in ctx["definite_before"]:
        # not the two companies (named before); but one of the two shelters, the two leading candidates
        return _partitive_whole(text, wstart, lex) or norm(next_word) in ctx["selecting_words"]
    return True


def _partitive_whole(text: str, article: int, lex: QuantityLexicon) -> bool:
    """Whether the article at ``article`` opens the whole of a partitive after a count: ``one of the two
    shelters``, ``twee van de zes artsen``. That number counts the whole, even though it is definite."""
    of_word, of_start = _word_before(text, article)
    if norm(of_word) not in {norm(w) for w in lex.context["of_words"]}:
        return False
    count = _word_before(text, of_start)[0].strip(",;:(\"'“„‘")
    return try_parse_number(count, lex.language) is not None or norm(count) in lex.numbers.vague


def _months(language: str) -> frozenset[str]:
    return frozenset(m.rstrip(".") for m in time_lexicon(language).months)


def _of_follows(text: str, end: int, lex: QuantityLexicon) -> bool:
    return bool(lex.of_follows.match(text, end))


# ---------------------------------------------------------------- ranges


def _range(cores: list[_Core], i: int, text: str, lex: QuantityLexicon) -> Quantity | None:
    if i + 1 >= len(cores):
        return None
    a, b = cores[i], cores[i + 1]
    if a.kind != "number" or b.kind != "number" or a.value is None or b.value is None:
        return None
    gap = text[a.end : b.start]
    gap_wo_currency = lex.currency_before.sub("", gap)
    after_b = re.match(r"\s*(%|[^\W\d]+)", text[b.end : b.end + 20])
    unit_b = after_b.group(1) if after_b else ""
    if unit_b and gap_wo_currency.lstrip().startswith(unit_b):  # `between 3% and 5%`, `3 procent tot 5 procent`
        gap_wo_currency = gap_wo_currency.lstrip()[len(unit_b) :]
    joiner = norm(gap_wo_currency)
    start = a.start
    between = None
    for first, second in lex.range_between:
        m = re.search(
            rf"(?<![\w]){alternation([first])}[^\S\n]+(?:{_currency_alt(lex)}[^\S\n]*)?$",
            text[max(0, a.start - 30) : a.start],
            re.I,
        )
        if m and joiner == second:
            between = max(0, a.start - 30) + m.start()
            break
    is_joiner = joiner in {norm(j) for j in lex.range_joiners} and len(gap) <= 12 and "\n" not in gap
    if between is None and not is_joiner:
        return None
    if joiner in ("-", "–", "—") and gap != gap.strip():
        return None  # 3 - 1: a score or an aside rather than a range
    if a.words != b.words and not (a.words and b.scaled):
        return None  # fourteen to 31: a range is written in one form, these are two counts
    low, high = a.value, b.value
    if b.scaled and not a.scaled and low * _scale_of(b, text, lex) < high:
        low *= _scale_of(b, text, lex)
    if not low < high or (low > 0 and high > _RANGE_SPREAD * low):
        return None  # 444.000 of 15.000, 15 to 444,000: bounds this far apart are two numbers, not one range
    if between is not None:
        start = between
    qa = _quantity(a, text, lex, unit_from=b)
    qb = _quantity(b, text, lex)
    if qa is None or qb is None:
        return None
    start = min(start, qa.start)
    hedge = lex.qualifier_before.search(text, max(0, start - 40), start)
    if hedge and lex.qualifiers_before[norm(hedge.group(0))] == "about":
        start = hedge.start()  # naar schatting tussen de 40 en 50: an estimated range is still a range
    end = qb.end
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=(low + high) / 2,
        low=low,
        high=high,
        unit=qb.unit or qa.unit,
        qualifier="range",
    )


# The widest range read as one: the upper bound at most this many times the lower (`10 to 100` still is,
# `15 to 444,000` is not)
_RANGE_SPREAD = 10


def _currency_alt(lex: QuantityLexicon) -> str:
    return lex.currency_before_alt


def _scale_of(c: _Core, text: str, lex: QuantityLexicon) -> float:
    """What the first number of ``c`` is multiplied by: 100000 in ``four hundred thousand``, 1e6 in ``3,5 miljoen``."""
    return trailing_scale(text[c.start : c.end], lex.language)


# ---------------------------------------------------------------- one quantity


def _quantity(c: _Core, text: str, lex: QuantityLexicon, unit_from: _Core | None = None) -> Quantity | None:
    start, end = c.start, c.end
    value = c.value
    unit: str | None = None
    # a currency before: $40 billion, US$40, GB # 20.1 billion
    m = lex.currency_before.search(text, max(0, start - 8), start)
    if m and m.end() == start and not re.match(r"[^\W\d_]", text[max(0, m.start() - 1) : m.start()]):
        unit = _lookup_currency(m.group(0), lex)
        start = m.start()
        money_scales = lex.numbers.money_scale_abbreviations
        money_scale = lex.money_scale.match(text[end : end + 4])
        if money_scale and value is not None and not c.scaled:  # $5m, £20k
            value *= money_scales[money_scale.group(1).lower()]
            end += money_scale.end()
    end += len(_ordinal_suffix(c, text, lex))  # 5th: the ending is part of the number, not its unit
    # what follows: a currency, a unit, then a qualifier such as 'or more'
    tail = text[end : end + 60]
    m_cur = lex.currency_after.match(tail)
    m_unit = _unit_after(tail, lex)
    if m_cur and (unit is None or len(m_cur.group(1)) > 0):
        unit = unit or lex.currencies_after[norm(m_cur.group(1))]
        end += m_cur.end()
    elif m_unit is not None and unit is None:
        unit, length = m_unit
        end += length
    m_rate = lex.rate_after.match(text, end)
    if unit is not None and m_rate:
        unit = f"{unit}/{lex.rates[norm(m_rate.group(1))]}"  # 185 km per hour, €900 per maand
        end = m_rate.end()
    if c.kind == "fraction":
        unit = lex.fraction_unit
    elif c.kind == "multiplier":
        unit = lex.multiplier_unit
    m_after = lex.qualifier_after.match(text[end : end + 20])
    qualifier = "exact"
    if m_after and not _another_amount(text, end + m_after.end(), lex):
        qualifier = lex.qualifiers_after[norm(m_after.group(1))]
        end += m_after.end()
    hedge = _qualifier_before(text, start, lex)
    if hedge is not None:
        qualifier, start = hedge
    if unit is None and unit_from is None:
        unit = _counted_noun(text, end, lex, c)
    low = high = None
    if c.kind == "vague":
        low, value = value, None
        qualifier = "vague" if qualifier == "exact" else qualifier
        if qualifier == "at_least":
            pass
    elif value is not None:
        if qualifier == "at_least":
            low = value
        elif qualifier in _UPPER:
            high = value
    while end > start and text[end - 1] in _QUOTE_MARKS:
        end -= 1  # `„in de tientallen miljoenen”`: the mark closes the quote, not the number
    return Quantity(
        start=start, end=end, text=text[start:end], value=value, low=low, high=high, unit=unit, qualifier=qualifier
    )


def _qualifier_before(text: str, start: int, lex: QuantityLexicon) -> tuple[str, int] | None:
    """The qualifier right before a number and where it starts, or None.

    ``steeg tot 380.000``: after a verb of change, ``tot`` gives the value reached, not a bound.
    ``Naar schatting is een kwart``: a sentence adverb hedges the number across the verb.
    """
    m = lex.qualifier_before.search(text, max(0, start - 40), start)
    if m:
        phrase = norm(m.group(0))
        if phrase in lex.reached_qualifiers and lex.change_verb_before.search(text, max(0, m.start() - 80), m.start()):
            return None
        return lex.qualifiers_before[phrase], m.start()
    m = lex.estimate_before.search(text, max(0, start - 40), start)
    if m:
        return "about", m.start()
    m = lex.bound_verb_before.search(text, max(0, start - 40), start)
    if m:
        return lex.bound_verbs[norm(m.group(0))], start  # exceeded 100: the verb bounds it, the span is the number
    return None


def _another_amount(text: str, pos: int, lex: QuantityLexicon) -> bool:
    """Whether a number (with its currency) starts at ``pos``: ``£52m plus £8m``, ``3+2`` add, they don't bound."""
    m = re.match(rf"[^\S\n]*(?:{lex.currency_before_alt}[^\S\n]*)?\d", text[pos : pos + 12])
    return m is not None


def _lookup_currency(written: str, lex: QuantityLexicon) -> str | None:
    key = re.sub(r"\s+", " ", written).strip()
    for k, v in lex.currencies_before.items():
        if re.sub(r"\s+", " ", k) == key:
            return v
    return None


def _unit_after(tail: str, lex: QuantityLexicon) -> tuple[str, int] | None:
    m = lex.unit_cased_after.match(tail)
    if m:
        return lex.units_cased[m.group(1)], m.end()
    m = lex.unit_after.match(tail)
    if m:
        return lex.units[norm(m.group(1))], m.end()
    return None


_QUOTE_MARKS = "”“„\"'’‘»«"


def _counted_noun(text: str, end: int, lex: QuantityLexicon, c: _Core) -> str | None:
    """What a count counts: the noun its phrase ends in, past adjectives, names and participles.

    ``three fake vendor companies`` -> ``vendor companies``, ``36 Premier League games`` -> ``games``,
    ``301 died in`` -> None. A language whose ``quantities_context.json`` sets ``unit_compounds``
    writes compound nouns as separate words (``ballot papers``, ``member states``): the unit runs on
    to the first plural noun. Verbs, prepositions and words such as ``last`` end the phrase.
    """
    ctx = lex.context
    # 8000 meer (werklozen), the three biggest (parties)
    skip = {norm(w) for w in (*ctx["unit_skip"], *ctx["comparative_words"], *ctx["selecting_words"])}
    stop = {norm(w) for w in ctx["unit_stop"]}
    of_words = {norm(w) for w in ctx["of_words"]}
    compounds = bool(ctx.get("unit_compounds"))
    nouns: list[str] = []
    pos = end
    for _ in range(8):
        if text[pos : pos + 1] in _QUOTE_MARKS and text[pos : pos + 1]:
            break  # a closing mark ends the counted phrase
        m = _WORD.match(text, pos, pos + 60)
        if not m:
            break
        word = m.group(1).rstrip(".")
        key = norm(word)
        pos = m.end()
        if not nouns and (
            (key in of_words and c.kind in ("vague", "fraction"))
            or (pos - len(word) == end + 1 and _is_ordinal(word, lex))
        ):
            continue  # thousands of people; the 15,599 th plane
        if key in stop:
            break
        modifier = _modifier(word, key, skip, ctx)
        if modifier or (ctx.get("unit_names_modify") and any(ch.isupper() for ch in word)):
            if nouns:
                break
            nxt = _WORD.match(text, pos, pos + 40)
            if nxt and norm(nxt.group(1)) not in stop:
                continue  # an adjective, a participle or a name before the noun
            if modifier == "participle" or key in skip:
                return None  # not 301 died; not 8000 meer dan
            return word  # zes Oekraïense, 300 Russians
        nouns.append(word)
        if not compounds or len(nouns) == 3 or _plural(key, ctx):
            break
    return " ".join(nouns) or None


_WORD = re.compile(r"[^\S\n]*([^\W\d][\w'’.-]*)")


def _modifier(word: str, key: str, skip: set[str], ctx: dict[str, Any]) -> str:
    """``adjective`` or ``participle`` when ``word`` modifies a noun rather than being one, else ``""``."""
    if key in skip or any(key.endswith(s) for s in ctx["unit_skip_suffixes"]):
        return "adjective"
    if any(key.endswith(s) for s in ctx.get("participle_suffixes", ())):
        return "participle"
    return ""


def _is_ordinal(word: str, lex: QuantityLexicon) -> bool:
    return word.islower() and word in lex.numbers.ordinal_suffixes


def _plural(key: str, ctx: dict[str, Any]) -> bool:
    return key in ctx.get("plural_words", ()) or (
        any(key.endswith(s) for s in ctx.get("plural_suffixes", ()))
        and not any(key.endswith(s) for s in ctx.get("not_plural_suffixes", ()))
    )


def _share_units(qs: list[Quantity], text: str, lex: QuantityLexicon) -> list[Quantity]:
    """``zeker twee miljoen, maar mogelijk zes miljoen granaten``: the first count counts granaten too."""
    out = _share_compared_units(list(qs), text, lex)
    joiners = {norm(w) for w in lex.context["hedge_joiners"]} | set(lex.qualifiers_before)
    for i in range(len(out) - 1):
        q, nxt = out[i], out[i + 1]
        if q.unit is not None or nxt.unit is None:
            continue
        gap = norm(re.sub(r"[,;()]", " ", text[q.end : nxt.start]))
        if not gap or all(w in joiners for w in gap.split()):
            out[i] = Quantity(q.start, q.end, q.text, q.value, q.low, q.high, nxt.unit, q.qualifier)
    return out


def _share_compared_units(qs: list[Quantity], text: str, lex: QuantityLexicon) -> list[Quantity]:
    """``120.000 werklozen, ongeveer 8000 meer dan ...``: a compared count counts what the count before it counts."""
    comparative = re.compile(rf"[^\S\n]+{alternation(lex.context['comparative_words'])}(?![\w])", re.IGNORECASE)
    for i in range(1, len(qs)):
        q, prev = qs[i], qs[i - 1]
        if q.unit is not None or prev.unit is None or not comparative.match(text, q.end):
            continue
        if re.search(r"[.!?][^\S\n]|\n", text[prev.end : q.start]):
            continue  # another sentence
        qs[i] = Quantity(q.start, q.end, q.text, q.value, q.low, q.high, prev.unit, q.qualifier)
    return qs
