"""Typed, frozen records that flow through the pipeline.

Every offset is a Python ``str`` index into ``Article.text``; ``end`` is
exclusive. Records never hold spans as strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from its input, before analysis."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    origin: str = ""  # where it was read from: a path, "stdin", "file.jsonl:12"
    boilerplate: tuple[Span, ...] = ()  # page furniture kept in the text but never mined


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One step of the chain behind a claim, from the outlet that prints it to its origin."""

    name: str  # as written, without a leading article
    role: str  # "outlet" (printed or was told it), "speaker", "cited" (op basis van, citing)
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says what, through which word, about what."""

    kind: str  # direct, indirect, mixed, according_to, no_response, evaluation, announcement
    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    speaker: str | None = None  # who is speaking, resolved (a name or a description)
    speaker_type: str | None = None  # person, organisation, outlet, government, group, document
    based_on: tuple[str, ...] = ()  # the sources the speaker relies on, as written
    chain: tuple[ChainLink, ...] = ()  # outlet -> speaker -> cited sources; the last link is the origin
    said_at: str | None = None  # a TIMEX3-like value
    said_at_span: Span | None = None
    certainty: str | None = None
    certainty_cues: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number that counts or measures something."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str = "exact"  # exact, at_least, at_most, almost, about, possibly, range, vague


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised in TIMEX3 style against the publication date."""

    start: int
    end: int
    text: str
    value: str  # 2024-10-14, 2024-10-14TEV, 2024-W41, 196X, P1.5Y, PAST_REF, ...
    kind: str = "date"  # date, time, duration, set, vague


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a named person, organisation, place, product or event."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, GPE, LOC, PRODUCT, EVENT, MISC
    canonical: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A proposition with who vouches for it and how sure, the unit of cross-article work."""

    content: tuple[Span, ...]
    speaker: str | None  # None: the article itself asserts it
    kind: str  # an attribution kind, "assertion" (the article's own) or "headline"
    certainty: str
    polarity: str = "positive"  # "negative" when the claim itself is negated (`er zijn geen troepen`)
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    said_at: str | None = None
    # The sentence or sentences the claim was made in (source, cue and content); the article's own claims
    # are their own context. None only for claims built without sentences.
    context: Span | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything sayso found in one article."""

    article: Article
    language: str
    attributions: tuple[Attribution, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    backbone: str = ""  # the name and version of the spaCy pipeline used
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, with the reason and what to do about it."""

    origin: str
    reason: str
