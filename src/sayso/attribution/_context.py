"""What every attribution finder reads: the parsed article and the language's lexicon."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

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

    @property
    def text(self) -> str:
        return self.doc.text

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.doc.text, start, end)

    def start_of(self, sent: SpacySpan) -> int:
        """Where the words of a sentence start: after a dateline that opens it."""
        return next((b for a, b in self.datelines if a <= sent.start_char < b), sent.start_char)

    def sentences(self) -> list[SpacySpan]:
        return [s for s in self.doc.sents if not any(a <= s.start_char < b for a, b in self.blocked)]

    def quote_at(self, start: int, end: int) -> Quote | None:
        """The quote that covers most of ``[start, end)``, if one covers at least 90% of it."""
        for q in self.quotes:
            inter = min(q.end, end) - max(q.start, start)
            if inter > 0 and inter >= 0.9 * (end - start):
                return q
        return None
