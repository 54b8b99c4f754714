"""Numbers written with digits or in words, in any language that has a ``quantities_numbers.json``.

    parse_number("twee miljoen", "nl")      -> 2000000.0
    parse_number("180.000", "nl")           -> 180000.0
    parse_number("two and a half", "en")    -> 2.5
    format_number(2345, "nl")               -> "tweeduizend driehonderdvijfenveertig"

The grammar is shared across languages; the words, the digit separators and the way
words are glued together (Dutch writes ``tweeëntwintigduizend`` as one word, English
``twenty-two thousand`` as three) come from the data file. Both the time and the
quantity stages use this module: durations (``anderhalf jaar``) need numbers too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from sayso.errors import SaysoError
from sayso.language.resources import load_json

__all__ = [
    "NumberFormatError",
    "NumberWords",
    "alternation",
    "ends_with_denominator",
    "format_digits",
    "format_number",
    "number_words",
    "parse_digits",
    "parse_number",
    "try_parse_number",
    "words_pattern",
]


class NumberFormatError(SaysoError, ValueError):
    """A text that is not a number in the given language."""


# morpheme kinds
UNIT, TEEN, TENS, HUNDRED, SCALE = "unit", "teen", "tens", "hundred", "scale"
JOIN, AND, HALF, FRAC, DENOM, POINT, MINUS, ONE = "join", "and", "half", "frac", "denom", "point", "minus", "one"


@dataclass(frozen=True, slots=True)
class NumberWords:
    """The number vocabulary of one language, read from ``quantities_numbers.json``."""

    language: str
    thousands_separator: str
    decimal_separator: str
    morphemes: dict[str, tuple[str, float]]  # lower-case word or word part -> (kind, value)
    compound_words: bool  # Dutch: number words are glued together (tweeëntwintig)
    tens_unit_joiners: tuple[str, ...]  # English: twenty-one / twenty one
    and_a_half: tuple[str, ...]
    vague: dict[str, float]  # tienduizenden -> 10000
    vague_of: tuple[str, ...]
    scale_abbreviations: dict[str, float]
    money_scale_abbreviations: dict[str, float]
    ordinal_suffixes: tuple[str, ...]
    words_by_value: dict[str, dict[int, str]]  # kind -> value -> preferred word, for writing numbers
    unit_tens_joiner: str | None
    unit_tens_joiner_after_e: str | None
    implicit_one: frozenset[str]
    compound_scales: frozenset[str]
    decimal_word: str
    minus_word: str
    and_word: str | None

    @property
    def digit_pattern(self) -> str:
        """Regex source for a number in digits with this language's separators."""
        t, d = re.escape(self.thousands_separator), re.escape(self.decimal_separator)
        other = re.escape("." if self.decimal_separator == "," else ",")
        # every alternative ends where the digits end: no `1` out of `10.4.1`
        if self.decimal_separator == ",":
            # Dutch: 180.000 and 5,7; a lone 2.5 is read as a decimal as well, but 14.30 is a clock time
            return (
                rf"\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?(?!{t}?\d)|\d+(?:{d}\d+)?(?!\d|{t}\d)"
                rf"|(?<!\d)\d{other}\d{{1,2}}(?!\d)"
            )
        return rf"\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?(?!{t}?\d)|\d+(?:{d}\d+)?(?!\d)"


@cache
def number_words(language: str) -> NumberWords:
    """The number vocabulary of ``language`` (cached)."""
    data = load_json(language, "quantities_numbers")
    morphemes: dict[str, tuple[str, float]] = {}
    words_by_value: dict[str, dict[int, str]] = {}
    for key, kind in (("units", UNIT), ("teens", TEEN), ("tens", TENS), ("hundred", HUNDRED), ("scales", SCALE)):
        for word, value in data[key].items():
            morphemes[word] = (kind, value)
            words_by_value.setdefault(kind, {}).setdefault(int(value), word)
    for word in data["unit_tens_joiners"]:
        morphemes[word] = (JOIN, 0)
    for word in data["and_words"]:
        morphemes[word] = (AND, 0)
    for word in data["article_one"]:
        morphemes[word] = (ONE, 1)
    for word, value in data["half_suffixes"].items():
        morphemes[word] = (HALF, value)
    for word, value in data["standalone_fractions"].items():
        morphemes[word] = (FRAC, value)
    for word, value in data["denominators"].items():
        morphemes[word] = (DENOM, value)
    for word in data["decimal_words"]:
        morphemes[word] = (POINT, 0)
    for word in data["minus_words"]:
        morphemes[word] = (MINUS, 0)
    joiners = data["unit_tens_joiners"]
    return NumberWords(
        language=language,
        thousands_separator=data["thousands_separator"],
        decimal_separator=data["decimal_separator"],
        morphemes=morphemes,
        compound_words=bool(data["compound_words"]),
        tens_unit_joiners=tuple(data["tens_unit_joiners"]),
        and_a_half=tuple(data["and_a_half"]),
        vague={k: float(v) for k, v in data["vague"].items()},
        vague_of=tuple(data["vague_of"]),
        scale_abbreviations={k: float(v) for k, v in data["scale_abbreviations"].items()},
        money_scale_abbreviations={k: float(v) for k, v in data["money_scale_abbreviations"].items()},
        ordinal_suffixes=tuple(data["ordinal_suffixes"]),
        words_by_value=words_by_value,
        unit_tens_joiner=joiners[0] if joiners else None,
        unit_tens_joiner_after_e=data.get("unit_tens_joiner_after_e"),
        implicit_one=frozenset(data.get("implicit_one", ())),
        compound_scales=frozenset(data.get("compound_scales", ())),
        decimal_word=data["decimal_words"][0],
        minus_word=data["minus_words"][0],
        and_word=data["and_words"][0] if data["and_words"] else None,
    )


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first; a space in a phrase matches any run of spaces.

    An empty list gives a pattern that never matches.
    """
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not items:
        return r"(?!x)x"
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items) + ")"


@cache
def words_pattern(language: str) -> str:
    """Regex source for a run of number words (``twee miljoen``, ``twenty-one``, ``two and a half``).

    It matches candidates only: check a match with :func:`try_parse_number`. Callers add word boundaries.
    """
    nw = number_words(language)
    kinds = {UNIT, TEEN, TENS, HUNDRED, SCALE, JOIN, HALF, FRAC, DENOM}
    piece = alternation(m for m, (k, _) in nw.morphemes.items() if k in kinds)
    if nw.compound_words:
        word = f"(?:{piece})+"
        return rf"{word}(?:\s+{word})*"
    glue = alternation(m for m, (k, _) in nw.morphemes.items() if k in (AND, ONE))  # and; half a million
    tail = rf"(?:\s+{alternation(nw.and_a_half)})?" if nw.and_a_half else ""
    return rf"{piece}(?:(?:\s+|-)(?:{glue}\s+)?{piece})*{tail}"


# ---------------------------------------------------------------- parsing digits


def parse_digits(text: str, language: str) -> float | None:
    """``180.000`` (nl) or ``180,000`` (en) as a float; None when ``text`` is not such a number."""
    nw = number_words(language)
    text = text.strip()
    m = re.fullmatch(nw.digit_pattern, text)
    if m is None:
        return None
    t, d = nw.thousands_separator, nw.decimal_separator
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(t)}\d{{3}})+(?:{re.escape(d)}\d+)?", text):
        text = text.replace(t, "")
    if d == ",":
        text = text.replace(",", ".")
    return float(text)


# ---------------------------------------------------------------- parsing words


def _segment(word: str, nw: NumberWords) -> list[tuple[str, float]] | None:
    """Split one word into known number morphemes, fewest parts first; None when it cannot be."""
    if word in nw.morphemes:
        return [nw.morphemes[word]]
    if not nw.compound_words:
        return None
    n = len(word)
    best: list[list[tuple[str, float]] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(n, i, -1):
            part = word[i:j]
            if part in nw.morphemes:
                cand = [*best[i], nw.morphemes[part]]  # type: ignore[misc]
                if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                    best[j] = cand
    return best[n]


def _tokens(text: str, nw: NumberWords) -> list[tuple[str, float]] | None:
    text = text.lower().strip()
    for phrase in nw.and_a_half:
        text = text.replace(phrase, " \x00half ")
    if "-" in nw.tens_unit_joiners or not nw.compound_words:
        text = text.replace("-", " ")
    out: list[tuple[str, float]] = []
    for word in text.split():
        if word == "\x00half":
            out.append((HALF, 0.5))
            continue
        parts = _segment(word, nw)
        if parts is None:
            return None
        out.extend(parts)
    return out


class _Parser:
    """Recursive descent over morphemes: [minus] integer [half | denominator] [point digits] [scale],
    or a fraction of one scale word (``half a million``)."""

    def __init__(self, morphs: list[tuple[str, float]], nw: NumberWords) -> None:
        self.m = morphs
        self.nw = nw

    def kind(self, i: int) -> str | None:
        return self.m[i][0] if 0 <= i < len(self.m) else None

    def val(self, i: int) -> float:
        return self.m[i][1]

    def below100(self, i: int) -> tuple[int | None, int]:
        k = self.kind(i)
        if k == TEEN:
            return int(self.val(i)), i + 1
        if k == TENS:
            if self.nw.tens_unit_joiners and self.kind(i + 1) == UNIT and self.val(i + 1) > 0:
                return int(self.val(i) + self.val(i + 1)), i + 2
            return int(self.val(i)), i + 1
        if k == UNIT:
            if self.kind(i + 1) == JOIN and self.kind(i + 2) == TENS and self.val(i) > 0:
                return int(self.val(i) + self.val(i + 2)), i + 3
            return int(self.val(i)), i + 1
        return None, i

    def group(self, i: int) -> tuple[int | None, int]:
        """A number below one thousand."""
        v, j = 0, i
        if self.kind(j) in (UNIT, TEEN, ONE) and self.kind(j + 1) == HUNDRED and self.val(j) > 0:
            v, j = int(self.val(j)) * 100, j + 2
        elif self.kind(j) == HUNDRED:
            v, j = 100, j + 1
        if v and self.kind(j) == AND and self.kind(j + 1) in (UNIT, TEEN, TENS):
            j += 1
        below, j2 = self.below100(j)
        if below is not None:
            return v + below, j2
        if v:
            return v, j
        if self.kind(j) == ONE and self.kind(j + 1) in (SCALE, DENOM):
            return 1, j + 1
        return None, i

    def integer(self, i: int) -> tuple[int | None, int]:
        total, last_scale, found = 0, float("inf"), False
        while True:
            g, j = self.group(i)
            if self.kind(j) == SCALE and self.val(j) < last_scale:
                # a scale word with no count before it means one of it: "duizend", "miljoen"
                total += (g if g is not None else 1) * int(self.val(j))
                last_scale = self.val(j)
                i, found = j + 1, True
                if self.kind(i) == AND and self.group(i + 1)[0] is not None:
                    i += 1
                continue
            if g is not None:
                total += g
                i, found = j, True
            break
        return (total if found else None), i

    def parse(self) -> float | None:
        i, sign = 0, 1
        if self.kind(0) == MINUS:
            i, sign = 1, -1
        value: float | None
        if self.kind(i) == DENOM and self.kind(i + 1) == ONE and self.kind(i + 2) == SCALE and i + 3 == len(self.m):
            return sign * self.val(i + 2) / self.val(i)  # half a million
        ivalue, i = self.integer(i)
        value = ivalue
        scaled = ivalue is not None and any(k == SCALE for k, _ in self.m[:i])
        if value is None and self.kind(i) == FRAC:
            value, i = self.val(i), i + 1
        elif value is not None and not scaled and self.kind(i) == HALF:
            value, i = value + 0.5, i + 1
        elif value is not None and not scaled and self.kind(i) == DENOM and value > 0:
            value, i = value / self.val(i), i + 1
        elif value is not None and self.kind(i) == POINT:
            digits = ""
            i += 1
            while self.kind(i) == UNIT and self.val(i) < 10:
                digits += str(int(self.val(i)))
                i += 1
            if not digits:
                return None
            value = float(f"{int(value)}.{digits}")
        if value is not None and self.kind(i) == SCALE and (not scaled) and i > 0:
            value, i = value * self.val(i), i + 1
        if value is None or i != len(self.m):
            return None
        return sign * float(value)


def _parse_words(text: str, nw: NumberWords) -> float | None:
    morphs = _tokens(text, nw)
    if not morphs:
        return None
    return _Parser(morphs, nw).parse()


def ends_with_denominator(text: str, language: str) -> bool:
    """Whether a number in words ends in a fraction's denominator (``twee derde``, ``a fifth``)."""
    morphs = _tokens(text, number_words(language))
    return bool(morphs) and morphs[-1][0] == DENOM  # type: ignore[index]


def trailing_scale(text: str, language: str) -> float:
    """What the number in ``text`` is multiplied by at its end: 100 in ``driehonderd``, 100000 in ``four
    hundred thousand``, 1000000 in ``2,5 miljoen``, 1e9 in ``15bn``; 1 when it ends in no scale.

    A range whose second number is scaled scales its first one too: ``twee tot driehonderd`` is 200-300.
    """
    nw = number_words(language)
    m = re.match(rf"[-−–]?\s*(?:{nw.digit_pattern})", text.strip())
    rest = text.strip()[m.end() :].strip().lower() if m else text
    if rest in nw.scale_abbreviations:
        return nw.scale_abbreviations[rest]
    morphs = _tokens(rest, nw) or []
    scale = 1.0
    for kind, value in reversed(morphs):
        if kind not in (SCALE, HUNDRED):
            break
        scale *= value
    return scale


def try_parse_number(text: str, language: str) -> float | None:
    """Like :func:`parse_number`, but None when ``text`` is not a number."""
    nw = number_words(language)
    text = text.strip()
    if not text:
        return None
    m = re.match(rf"(-|−|–)?\s*({nw.digit_pattern})", text)
    if m and m.end() == len(text):
        value = parse_digits(m.group(2), language)
        return None if value is None else (-value if m.group(1) else value)
    if m:
        # digits followed by a scale word: 2,5 miljoen, 1.5 billion, 15bn
        value = parse_digits(m.group(2), language)
        rest = text[m.end() :].strip().lower()
        scale = nw.scale_abbreviations.get(rest)
        if scale is None and rest in nw.morphemes and nw.morphemes[rest][0] == SCALE:
            scale = nw.morphemes[rest][1]
        if value is None or scale is None:
            return None
        value *= scale
        return -value if m.group(1) else value
    return _parse_words(text, nw)


def parse_number(text: str, language: str) -> float:
    """The value of a number written in digits or words: ``twee miljoen`` -> 2000000.0.

    Raises :class:`NumberFormatError` (a ``ValueError``) when ``text`` is not a number.
    """
    value = try_parse_number(text, language)
    if value is None:
        raise NumberFormatError(
            f"{text!r} is not a number in language {language!r}; give digits (with the language's "
            f"separators) or number words such as those in resources/{language}/quantities_numbers.json"
        )
    return value


# ---------------------------------------------------------------- writing numbers


def _below1000_words(n: int, nw: NumberWords) -> list[str]:
    """Words (or word parts, for compounding languages) of 1 <= n < 1000."""
    wbv = nw.words_by_value
    parts: list[str] = []
    hundreds, rest = divmod(n, 100)
    hundred_word = wbv[HUNDRED][100]
    if hundreds:
        if hundreds == 1 and hundred_word in nw.implicit_one:
            parts.append(hundred_word)
        else:
            parts += [wbv[UNIT][hundreds], hundred_word]
    if rest:
        if rest < 10:
            parts.append(wbv[UNIT][rest])
        elif rest < 20:
            parts.append(wbv[TEEN][rest])
        else:
            tens, unit = divmod(rest, 10)
            tens_word = wbv[TENS][tens * 10]
            if not unit:
                parts.append(tens_word)
            elif nw.unit_tens_joiner:  # Dutch: vijfenveertig, tweeëntwintig
                unit_word = wbv[UNIT][unit]
                joiner = nw.unit_tens_joiner
                if unit_word.endswith("e") and nw.unit_tens_joiner_after_e:
                    joiner = nw.unit_tens_joiner_after_e
                parts.append(unit_word + joiner + tens_word)
            else:  # English: forty-five
                parts.append(tens_word + "-" + wbv[UNIT][unit])
    if nw.compound_words:
        return ["".join(parts)]
    return parts


def _integer_words(n: int, nw: NumberWords) -> str:
    if n == 0:
        return nw.words_by_value[UNIT][0]
    scales = sorted(
        ((int(v), w) for w, (k, v) in nw.morphemes.items() if k == SCALE and int(v) >= 1000 and int(v) % 1000 == 0),
        reverse=True,
    )
    seen: set[int] = set()
    words: list[str] = []
    for value, word in scales:
        if value in seen:
            continue
        seen.add(value)
        count, n = divmod(n, value)
        if not count:
            continue
        if count >= 1000:
            raise NumberFormatError(f"{count * value} is too large to write in words; use digits")
        if word in nw.compound_scales:
            if count == 1 and word in nw.implicit_one:
                words.append(word)
            else:
                words.append("".join(_below1000_words(count, nw)) + word)
        else:
            words += [*_below1000_words(count, nw), word]
    if n:
        words += _below1000_words(n, nw)
    return " ".join(words)


def format_number(value: float, language: str) -> str:
    """``value`` written out in words, in a form that :func:`parse_number` reads back.

    Integers up to 10**18 - 1; decimals are written digit by digit after the decimal word
    (``drie komma één vier``).
    """
    nw = number_words(language)
    dec = Decimal(repr(float(value))) if not isinstance(value, int) else Decimal(value)
    sign = ""
    if dec < 0:
        sign, dec = nw.minus_word + " ", -dec
    text = format(dec, "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    words = _integer_words(int(whole), nw)
    if frac:
        digits = " ".join(nw.words_by_value[UNIT][int(c)] for c in frac)
        words = f"{words} {nw.decimal_word} {digits}"
    return sign + words


def format_digits(value: float, language: str) -> str:
    """``value`` in digits with the language's separators: 180000 -> ``180.000`` (nl), ``180,000`` (en)."""
    nw = number_words(language)
    dec = Decimal(repr(float(value))) if not isinstance(value, int) else Decimal(value)
    text = format(dec, ",f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    sign = ""
    if whole.startswith("-"):
        sign, whole = "-", whole[1:]
    whole = whole.replace(",", nw.thousands_separator)
    return sign + whole + (nw.decimal_separator + frac if frac else "")
