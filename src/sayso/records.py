"""Typed, frozen records that flow through the pipeline.

Every offset is a Python ``str`` index into ``Article.text``; ``end`` is
exclusive. Records never hold spans as strings.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from sayso.errors import InputError
from sayso.language.detect import language_code

# The longest metadata accepted, in characters: longer is no title, address or name but a mistake or an attack.
TITLE_MAX_CHARS = 1_000
URL_MAX_CHARS = 2_048
OUTLET_MAX_CHARS = 200
ID_MAX_CHARS = 200
ORIGIN_MAX_CHARS = 4_096  # a path, "stdin" or "file.jsonl:12"
_SURROGATE = re.compile("[\ud800-\udfff]")  # only from a broken JSON escape (`"\\ud800"`); no text can hold it
_METADATA_LIMITS = {
    "id": ID_MAX_CHARS,
    "title": TITLE_MAX_CHARS,
    "url": URL_MAX_CHARS,
    "outlet": OUTLET_MAX_CHARS,
    "origin": ORIGIN_MAX_CHARS,
}


def kind_of(value: object) -> str:
    """What a value is, in the words of JSON: `a number`, `a list`, ..."""
    if isinstance(value, bool):
        return "true/false"
    kinds = {int: "a number", float: "a number", str: "text", list: "a list", dict: "an object", type(None): "null"}
    return kinds.get(type(value), f"a {type(value).__name__}")


ID_HASH_CHARS = 8  # hex digits of a text's SHA-256 that tell apart two texts with one made-up id


def id_with_hash(base: str, text: str) -> str:
    """``base-<hash>``: a made-up article id told apart by its text's hash, within the id limit."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:ID_HASH_CHARS]
    return f"{base[: ID_MAX_CHARS - ID_HASH_CHARS - 1]}-{digest}"


def iso_date(value: str, where: str) -> date:
    """The date of an ISO text (``2024-10-15``; a longer timestamp is cut to its date). ``InputError`` starting
    with ``where`` (``file.jsonl:3: published date``) for text that is no ISO date, and "no such date" for a
    day the calendar lacks (``2025-02-30``)."""
    head = value.strip()[:10]
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:36] + "...'"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", head):
        try:
            return date.fromisoformat(head)
        except ValueError:
            raise InputError(f"{where} {shown} is no such date; check the day and the month") from None
    raise InputError(f"{where} {shown} is not an ISO date; write it as YYYY-MM-DD")


def _check_text(where: str, name: str, value: object, limit: int | None, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise InputError(
            f"{where}: {name} is {kind_of(value)}, not text; give it as a string"
            + (" or leave it out" if optional else "")
        )
    lone = _SURROGATE.search(value)
    if lone:
        raise InputError(
            f"{where}: {name} holds an unpaired surrogate (\\u{ord(lone.group()):04x} at character {lone.start()}), "
            "which is no character; fix the escapes of the input"
        )
    if limit is not None and len(value) > limit:
        raise InputError(
            f"{where}: {name} is {len(value):,} characters long, more than the {limit:,} accepted; "
            f"shorten it{' or leave it out' if optional else ''}"
        )


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
    # True when ``id`` was made up by the reader (from a file name or the text), not given: a store may then
    # lengthen it with a content hash when another text holds it already. Not part of equality.
    id_derived: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        """Checks the types and lengths of every field (``InputError``) and the language code, which becomes
        one of the supported codes (``NL``, ``nl-BE`` -> ``nl``) or raises ``LanguageError``."""
        where = self.origin if isinstance(self.origin, str) and self.origin else "the article"
        _check_text(where, "text", self.text, None, optional=False)
        for name, limit in _METADATA_LIMITS.items():
            _check_text(where, name, getattr(self, name), limit, optional=name not in ("id", "origin"))
        if isinstance(self.published, str):
            object.__setattr__(self, "published", iso_date(self.published, f"{where}: published date"))
        if self.published is not None and not isinstance(self.published, date):
            raise InputError(
                f"{where}: published is {kind_of(self.published)}, not a date; "
                "give a datetime.date (date.fromisoformat('2024-10-15'))"
            )
        if self.language == "":
            object.__setattr__(self, "language", None)
        elif self.language is not None:
            object.__setattr__(self, "language", language_code(self.language, where))


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
    rule: str = field(default="", compare=False)  # the time rule that found it (docs/time.md); not compared


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
