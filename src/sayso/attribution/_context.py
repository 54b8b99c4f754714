"""What every attribution finder reads: the parsed article and the language's lexicon."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sayso._intervals import Intervals
from sayso.attribution._tokens import text_of
from sayso.attribution.lexicon import Lexicon
from sayso.attribution.quotes import Quote
from sayso.records import Span


@dataclass(frozen=True, slots=True)
class Context:
    doc: Doc
    lex: Lexicon
    quotes: tuple[Quote, ...]
    blocked: tuple[tuple[int, int], ...]  # headlines and page furniture: never mined
    blocked_phrases: tuple[tuple[int, int], ...]  # times and quantities, which no source's noun phrase crosses
    datelines: tuple[tuple[int, int], ...] = ()  # `KYIV, June 12 (Reuters) - `: a sentence starts after one
    _quotes: Intervals[Quote] = field(init=False, repr=False, compare=False)
    _blocked: Intervals[tuple[int, int]] = field(init=False, repr=False, compare=False)
    _datelines: Intervals[tuple[int, int]] = field(init=False, repr=False, compare=False)
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # indexes, so that a lookup per word does not scan the whole article
        object.__setattr__(self, "_quotes", Intervals(self.quotes, bounds=_reach))
        object.__setattr__(self, "_blocked", Intervals(self.blocked, bounds=_pair))
        object.__setattr__(self, "_datelines", Intervals(self.datelines, bounds=_pair))
        object.__setattr__(self, "_sentence_starts", [])  # filled on first use: a Doc without sentences is fine

    def first_sentence_start(self, lo: int, hi: int) -> int | None:
        """The first sentence start ``x`` with ``lo <= x < hi``, if any."""
        if not self._sentence_starts:
            self._sentence_starts.extend(s.start_char for s in self.doc.sents)
        k = bisect_left(self._sentence_starts, lo)
        return self._sentence_starts[k] if k < len(self._sentence_starts) and self._sentence_starts[k] < hi else None

    @property
    def text(self) -> str:
        return text_of(self.doc)

    def span(self, start: int, end: int) -> Span:
        return Span.of(text_of(self.doc), start, end)

    def start_of(self, sent: SpacySpan) -> int:
        """Where the words of a sentence start: after a dateline that opens it."""
        x = sent.start_char
        return next((b for a, b in self._datelines.overlapping(x, x + 1) if a <= x < b), x)

    def sentences(self) -> list[SpacySpan]:
        return [s for s in self.doc.sents if not self._blocked.any_overlapping(s.start_char, s.start_char + 1)]

    def quotes_near(self, a: int, b: int) -> list[Quote]:
        """The quotes, in order, of which a mark or an edge lies in ``[a, b)`` or that stretch across it: every
        quote a test of its marks and edges against ``[a, b)`` can pick, and few others."""
        return self._quotes.overlapping(a, b)

    def quote_at(self, start: int, end: int) -> Quote | None:
        """The quote that covers most of ``[start, end)``, if one covers at least 90% of it."""
        for q in self.quotes_near(start, end):
            inter = min(q.end, end) - max(q.start, start)
            if inter > 0 and inter >= 0.9 * (end - start):
                return q
        return None


def _pair(span: tuple[int, int]) -> tuple[int, int]:
    return span


def _reach(q: Quote) -> tuple[int, int]:
    """From the first to one past the last of a quote's marks and edges."""
    points = [p for p in (q.start, q.end, q.open_mark, q.close_mark) if p is not None]
    return min(points), max(points) + 1
