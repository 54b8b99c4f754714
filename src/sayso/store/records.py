"""What the store gives back: typed, frozen records, like the pipeline's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sayso.records import ChainLink, Entity, Quantity, Span, TimeExpr

GRADES = ("A", "B", "C", "D", "E", "F")  # NATO Admiralty source reliability, A reliable .. F cannot be judged
GRADE_MEANINGS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


@dataclass(frozen=True, slots=True)
class AddResult:
    """The outcome of ``Store.add``: the article was written, or the same text was already there."""

    article_id: str  # the id under which the text is stored (the earlier one when it was already there)
    content_hash: str
    added: bool  # False: the same text was stored before and nothing changed
    claims: int = 0  # claims written by this call
    waiting: int = 0  # of them, those the next clustering run places (a claim with no text joins no cluster)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article's metadata as stored (its text is in ``Store.analysis``)."""

    id: str
    content_hash: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None
    language: str
    origin: str
    ingested_at: str


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim with its article, speaker, chain, numbers and dates, and the speaker's analyst grade."""

    id: int
    article: StoredArticle
    kind: str  # an attribution kind, "assertion" (the article's own) or "headline"
    speaker: str | None  # None: the article itself asserts it
    speaker_type: str | None
    speaker_grade: str | None  # the analyst's A-F for the speaker; never derived from the text
    certainty: str  # how sure the text says the claim is
    polarity: str
    said_at: str | None  # TIMEX3-like value
    said_on: date | None  # said_at when it is a day, else the article's publication date
    content: tuple[Span, ...]
    text: str  # the content spans joined with " … "
    context: Span | None = None  # the sentence(s) it was made in; None for claims stored before migration 0003
    chain: tuple[
        ChainLink, ...
    ] = ()  # outlet -> speaker -> cited, named as the store resolved each source; the last is the origin
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    entities: tuple[Entity, ...] = ()
    source: str | None = None  # the name of the speaker's source in the store, however this article wrote it


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A speaker or cited source, how often it speaks or is cited, and its analyst grade."""

    id: int
    name: str
    type: str | None  # person, organisation, news outlet, government or institution, ...
    affiliation: str | None  # the organisation the text ties it to, when it names one
    claims: int  # claims it is the speaker of
    cited: int  # claims whose chain cites it as a source
    grade: str | None  # the newest analyst grade, A-F
    graded_by: str | None
    graded_at: str | None
    aliases: tuple[str, ...] = ()  # the other ways articles wrote it, oldest first


@dataclass(frozen=True, slots=True)
class StoredCluster:
    """Claims that state the same proposition, where they come from, how they agree, and the proposed credibility."""

    id: int
    claims: tuple[StoredClaim, ...]  # in order of claim id
    origins: tuple[str, ...]  # the distinct origins, in order of first appearance
    independent: int  # number of distinct origins
    repeats: tuple[int, ...]  # claim ids that only repeat an origin already counted
    contradictions: tuple[tuple[int, int, str], ...]  # (claim id, claim id, reason)
    credibility: int  # proposed NATO Admiralty information credibility 1-6; never the A-F source grade
    # Contradictions with claims of other clusters about the same entities and time:
    # (claim id here, claim id there, the other claim's cluster id, reason)
    across: tuple[tuple[int, int, int, str], ...] = ()
