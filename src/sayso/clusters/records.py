"""What cross-article clustering reads and returns: typed, frozen records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sayso.records import Quantity, TimeExpr


def name_key(name: str) -> str:
    """A name (entity, speaker, origin) as clustering compares it: without case or extra spaces."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True, slots=True)
class ClaimItem:
    """What clustering needs of one claim, whatever article or store it came from."""

    id: str
    article: str  # the article's id
    language: str
    text: str
    context: str = ""  # the sentence(s) the claim was made in; "" when unknown (the text stands alone)
    speaker: str | None = None  # None: the article itself asserts it
    chain: tuple[str, ...] = ()  # names from the outlet to the origin; the last is the origin
    certainty: str = "certain"  # one of sayso.certainty.LABELS
    polarity: str = "positive"  # "negative" when the claim itself is negated
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    entities: tuple[str, ...] = ()  # canonical names
    published: date | None = None
    outlet: str | None = None
    article_hash: str | None = None  # equal for near-duplicate articles (wire copy republished)


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims of one cluster that cannot both be true as stated."""

    a: str  # claim id
    b: str  # claim id
    reason: str  # "quantity: ...", "denial: ...", "certainty: ..."


@dataclass(frozen=True, slots=True)
class Cluster:
    """Claims that state the same proposition, with where they come from and how they agree."""

    id: str
    members: tuple[str, ...]  # claim ids, in the order they joined
    origins: tuple[str, ...]  # the distinct origins, in order of first appearance
    independent: int  # number of distinct origins
    repeats: tuple[str, ...]  # claim ids that only repeat an origin already counted
    contradictions: tuple[Contradiction, ...]
    credibility: int  # NATO/Admiralty information credibility 1-6, proposed from corroboration
    centroid: tuple[float, ...] = ()  # the mean embedding of the members (unit length), for incremental runs
    # contradictions between a member (first) and a claim of another cluster: as returned by cluster_claims,
    # those found in that run (a store keeps them); as given back as ``previous``, those stored before
    across: tuple[Contradiction, ...] = ()
