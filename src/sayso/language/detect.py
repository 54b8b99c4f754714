"""Which language an article is written in, from its function words.

The supported languages are told apart by ``resources/LANG/stopwords.txt``; common languages that sayso does
not read (German, French, ...) by ``resources/_refused/CODE.txt``, so that they are refused instead of being
read as Dutch or English. A text whose sentences are in two languages is read in the main one, with a
``MixedLanguageWarning``.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources as _res

from sayso.errors import LanguageError, MixedLanguageWarning
from sayso.language.resources import load_lines, supported_languages

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SEGMENT = re.compile(r"(?<=[.!?])\s+|\n+")  # sentences, roughly: enough to see a language change
_CODE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")  # nl, NL, nl-BE, en_US, en-GB-oxendict
MIN_HITS = 3  # fewer function words than this and we do not guess
SEGMENT_MIN_HITS = 3  # a sentence with fewer function words is too short to tell its language
MIXED_SHARE = 0.25  # another language in this share of the words (of sentences that tell) gives a warning
SCAN_CHARS = 100_000  # the language is judged on the start of the text


@cache
def _words_of(language: str) -> frozenset[str]:
    if language in supported_languages():
        lines = load_lines(language, "stopwords")
    else:
        path = _refused_folder() / f"{language}.txt"
        lines = tuple(line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w.lower() for line in lines for w in line.split())


def _refused_folder():  # type: ignore[no-untyped-def]
    return _res.files("sayso") / "resources" / "_refused"


@cache
def refused_languages() -> dict[str, str]:
    """Code -> English name of the common languages sayso recognises in order to refuse them (a language that
    has its own resources is supported, never refused)."""
    names = json.loads((_refused_folder() / "names.json").read_text(encoding="utf-8"))
    return {
        code: name for code, name in names.items() if not code.startswith("_") and code not in supported_languages()
    }


def _candidates() -> tuple[str, ...]:
    """Supported languages first: they win a tie."""
    return (*supported_languages(), *refused_languages())


@cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Function word -> the candidate languages it belongs to."""
    index: dict[str, list[str]] = {}
    for lang in _candidates():
        for word in _words_of(lang):
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


def _hits(words: list[str]) -> Counter[str]:
    """How many of the words are function words of each candidate language (every candidate counted)."""
    index = _languages_of()
    hits = Counter(dict.fromkeys(_candidates(), 0))
    hits.update(lang for w in words for lang in index.get(w, ()))
    return hits


def _outside_names(words: list[str]) -> list[str]:
    """The words, lower-cased, without those right before a capital (`van der Berg`, `de Vries`, `in Paris`):
    a name's particles tell the language of the name, not of the sentence."""
    capital = [w[:1].isupper() for w in words] + [False, False]
    return [
        w.lower()
        for i, w in enumerate(words)
        if not (capital[i + 1] or (capital[i + 2] and len(words[i + 1]) <= 3 and not capital[i]))
    ]


def _named(code: str) -> str:
    name = refused_languages().get(code)
    return f"{name} ({code})" if name else code


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The main language of a text and the share of each language in its sentences that tell one."""

    language: str | None  # None: too few function words to tell
    shares: tuple[tuple[str, float], ...] = ()  # (language, share of words), largest first

    @property
    def mixed(self) -> tuple[tuple[str, float], ...]:
        """The other languages that fill at least ``MIXED_SHARE`` of the text."""
        return tuple((lang, share) for lang, share in self.shares if lang != self.language and share >= MIXED_SHARE)


def guess_language(text: str) -> LanguageGuess:
    """The language with the most function words in the text, supported or refused, and the shares of the
    languages of its sentences (a sentence tells its language when one has at least ``SEGMENT_MIN_HITS``
    function words and more than any other)."""
    head = text[:SCAN_CHARS]
    total = _hits([w.lower() for w in _WORD.findall(head)])
    best = max(_candidates(), key=lambda lang: total[lang])
    if total[best] < MIN_HITS:
        return LanguageGuess(None)
    sizes: Counter[str] = Counter()
    for segment in _SEGMENT.split(head):
        words = _WORD.findall(segment)
        (first, top), *rest = _hits(_outside_names(words)).most_common(2)
        if top >= SEGMENT_MIN_HITS and (not rest or rest[0][1] < top):
            sizes[first] += len(words)
    told = sum(sizes.values())
    shares = tuple((lang, n / told) for lang, n in sizes.most_common()) if told else ()
    return LanguageGuess(best, shares)


def detect_language(text: str, origin: str = "the article") -> str:
    """The supported language of the text. Raises ``LanguageError`` when the function words are too few or
    belong to a language sayso does not read; warns (``MixedLanguageWarning``) when another language fills a
    large part of the text, which is then read in its main language."""
    guess = guess_language(text)
    supported = ", ".join(supported_languages())
    if guess.language is None:
        raise LanguageError(f"{origin}: cannot tell its language (supported: {supported}); pass --language")
    if guess.language not in supported_languages():
        raise LanguageError(
            f"{origin}: is written in {_named(guess.language)}, which sayso does not read (supported: {supported}); "
            "leave it out, or pass --language if it is in one of those"
        )
    if guess.mixed:
        parts = ", ".join(f"{share:.0%} {_named(lang)}" for lang, share in guess.shares if share >= 0.05)
        warnings.warn(
            MixedLanguageWarning(
                f"{origin}: mixes languages ({parts} of its sentences); read as {guess.language}, its main "
                "language; pass --language to choose, or split the text"
            ),
            stacklevel=2,
        )
    return guess.language


def language_code(value: object, origin: str = "the article") -> str:
    """A language code from input, checked against the supported languages: ``NL``, ``nl-BE`` and ``nl_NL``
    are read as ``nl``. Anything else raises ``LanguageError``; a language code never becomes a path unchecked."""
    found = _CODE.fullmatch(value.strip()) if isinstance(value, str) else None
    primary = found.group(1).lower() if found else None
    if primary in supported_languages():
        return str(primary)
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:36] + "...'"
    name = refused_languages().get(primary or "")
    raise LanguageError(
        f"{origin}: language {shown}{f' ({name})' if name else ''} is not supported; write one of "
        f"{', '.join(supported_languages())} (a regional form such as nl-BE or en_US is read as its language)"
    )
