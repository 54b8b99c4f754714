"""Which supported language an article is written in, from its function words."""

from __future__ import annotations

import re
from functools import cache

from sayso.errors import LanguageError
from sayso.language.resources import load_lines, supported_languages

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_HITS = 3  # fewer function words than this and we do not guess


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(w for line in load_lines(language, "stopwords") for w in line.split())


def detect_language(text: str, origin: str = "the article") -> str:
    """The supported language whose function words cover most of the text's words."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    scores = {lang: sum(w in _stopwords(lang) for w in words) for lang in supported_languages()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < MIN_HITS:
        raise LanguageError(
            f"{origin}: cannot tell its language (supported: {', '.join(supported_languages())}); pass --language"
        )
    return best
