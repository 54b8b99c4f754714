"""Match scores (``2-0``, ``won 2-1``, ``een 3-1 nederlaag``): two numbers that are a result, not a range.

A score is no quantity: it neither counts nor measures one thing. Its shape is that of a range
(``20-30 procent``), so the context decides: a first number that is not below the second is never
a range; otherwise a word for winning, losing or the match nearby (``quantities_context.json``:
``score_words``, ``score_word_suffixes``) makes it a score, unless a unit or a counted noun follows.
"""

from __future__ import annotations

import re

from sayso.quantities._lexicon import QuantityLexicon, norm

_SHAPE = re.compile(r"(?<![\w.,/:-])(\d{1,2})[^\S\n]?[-–][^\S\n]?(\d{1,2})(?![\w/:-]|[.,]\d|[^\S\n]?[-–]\d)")
_WORD = re.compile(r"[^\W\d][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?][^\S\n]|\n")
_WORDS_BEFORE, _WORDS_AFTER = 6, 2


def score_spans(text: str, lex: QuantityLexicon) -> list[tuple[int, int]]:
    """The spans of ``text`` that are match scores."""
    out: list[tuple[int, int]] = []
    for m in _SHAPE.finditer(text):
        if _measure_follows(text, m.end(), lex):
            continue  # 20-30 procent, 2-3 dagen, 5-10 miljoen euro
        if int(m[1]) >= int(m[2]) or (
            _score_word_near(text, m.start(), m.end(), lex) and not _noun_follows(text, m.end(), lex)
        ):
            out.append(m.span())
    return out


def _measure_follows(text: str, end: int, lex: QuantityLexicon) -> bool:
    tail = text[end : end + 40]
    return any(p.match(tail) for p in (lex.unit_cased_after, lex.unit_after, lex.currency_after)) or bool(
        re.match(rf"[^\S\n]*{lex.currency_before_alt}", tail)
    )


def _is_score_word(word: str, lex: QuantityLexicon) -> bool:
    key = norm(word)
    ctx = lex.context
    return key in ctx["score_words"] or key.endswith(tuple(ctx["score_word_suffixes"]))


def _score_word_near(text: str, start: int, end: int, lex: QuantityLexicon) -> bool:
    before = text[max(0, start - 80) : start]
    sentence_starts = [m.end() for m in _SENTENCE_END.finditer(before)]
    before = before[sentence_starts[-1] :] if sentence_starts else before
    after = _SENTENCE_END.split(text[end : end + 40], maxsplit=1)[0]
    near = _WORD.findall(before)[-_WORDS_BEFORE:] + _WORD.findall(after)[:_WORDS_AFTER]
    return any(_is_score_word(w, lex) for w in near)


def _noun_follows(text: str, end: int, lex: QuantityLexicon) -> bool:
    """Whether a counted noun follows (``wint 1-2 zetels``): then the shape is a range after all."""
    m = re.match(rf"[^\S\n]+({_WORD.pattern})", text[end : end + 40])
    if not m:
        return False
    stop = {norm(w) for w in lex.context["unit_stop"]}
    return norm(m.group(1)) not in stop and not _is_score_word(m.group(1), lex)
