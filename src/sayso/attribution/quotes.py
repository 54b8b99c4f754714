"""Quotations in running text, whatever the marks, and even when a mark is missing.

Works on characters, not tokens, so that no tokenizer decision can lose a quote,
and never gives up on an article: an unpaired mark becomes a quote that runs to
the end (or from the start) of its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"„": "”“", "“": "”", "«": "»", "‹": "›", "‘": "’", '"': '"', "'": "'"}
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘'"
# One-letter words written with a leading apostrophe ('s avonds, studio 's, 't, 'n, 'k): never a quote.
CLITICS = "stnk"


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int | None  # offset of the opening mark; None when it is missing
    close_mark: int | None  # offset of the closing mark; None when it is missing


def _paragraph_start(text: str, i: int) -> int:
    j = text.rfind("\n", 0, i)
    return 0 if j < 0 else j + 1


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in SINGLE_OPENERS and _is_clitic(text, i + 1):
        return False
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _is_clitic(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a one-letter clitic such as the ``s`` of ``'s morgens``."""
    follows = text[i + 1] if i + 1 < len(text) else " "
    return i < len(text) and text[i] in CLITICS and (follows.isspace() or follows in "-,.:;!?")


def _is_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _next_paragraph_opens_with(text: str, end: int, mark: str) -> int | None:
    """Offset of ``mark`` when the paragraph after ``end`` starts with it (a quote that goes on)."""
    k = end
    while k < len(text) and text[k].isspace():
        k += 1
    return k if k < len(text) and text[k] == mark else None


MAX_CONTINUED_LINES = 8  # a quote left open at a line break may close this many lines further on
MAX_CONTINUED_CHARS = 4000  # ... and within this many characters, so that a text without breaks is read once


def _closes_later(text: str, i: int, mark: str) -> int | None:
    """Offset of the mark that closes a quote left open at the line break ``i``, when the next quote
    mark in the text closes it (no other quote opens first) within a few lines: a quote over several
    lines, as in texts written one sentence a line."""
    lines = 0
    for k in range(i, min(len(text), i + MAX_CONTINUED_CHARS)):
        ch = text[k]
        if ch == "\n":
            lines += 1
            if lines > MAX_CONTINUED_LINES:
                return None
        elif ch in OPENERS[mark] and (mark not in SINGLE_OPENERS + '"' or _is_closing(text, k)):
            return k
        elif ch in OPENERS and ch not in SINGLE_OPENERS and (ch in "„«" or _is_opening(text, k)):
            return None
        elif ch in DOUBLE_CLOSERS:
            return None
    return None


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order; nested single quotes stay inside their double quote."""
    quotes: list[Quote] = []
    i, n = 0, len(text)
    open_at: int | None = None
    open_mark = ""
    while i < n:
        ch = text[i]
        if open_at is not None:
            if ch == "\n" and text[i : i + 1] == "\n":
                nxt = _next_paragraph_opens_with(text, i, open_mark)
                if nxt is not None and open_mark not in SINGLE_OPENERS:
                    i = nxt + 1  # the quote goes on in the next paragraph
                    continue
                close = None if open_mark in SINGLE_OPENERS else _closes_later(text, i, open_mark)
                if close is not None:
                    quotes.append(Quote(open_at + 1, close, open_at, close))
                    open_at = None
                    i = close + 1
                    continue
                quotes.append(Quote(open_at + 1, i, open_at, None))
                open_at = None
            elif ch in OPENERS[open_mark] and (open_mark not in SINGLE_OPENERS + '"' or _is_closing(text, i)):
                quotes.append(Quote(open_at + 1, i, open_at, i))
                open_at = None
            i += 1
            continue
        if ch in OPENERS and (ch in "„«" or _is_opening(text, i)):
            open_at, open_mark = i, ch
        elif ch in DOUBLE_CLOSERS or (ch in '"' and _is_closing(text, i)):
            quotes.append(Quote(_paragraph_start(text, i), i, None, i))
        i += 1
    if open_at is not None:
        quotes.append(Quote(open_at + 1, _paragraph_end(text, open_at), open_at, None))
    return [q for q in quotes if text[q.start : q.end].strip()]
