"""The JSON shapes of stored claims, clusters and sources, in one place.

The CLI (``--format json``), the exports and the web workspace all build their output from these
functions, so a claim looks the same wherever a user meets it. Each returns plain JSON-ready data
(dates as ISO strings); ``to_json`` writes it with control characters escaped.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sayso.store import SourceRow, StoredClaim, StoredCluster

CREDIBILITY = {  # NATO Admiralty information credibility, as sayso.clusters.credibility proposes it
    1: "confirmed by independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def _plain(value: Any) -> Any:
    """Dates as ISO strings, tuples as lists, everything else as it is (recursively)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def claim_dict(c: StoredClaim) -> dict[str, Any]:
    """A stored claim with its article, speaker, chain, certainty, quantities, times and entities."""
    return _plain(asdict(c))  # type: ignore[no-any-return]


def claim_span(c: StoredClaim) -> tuple[int, int]:
    """Where the claim's content sits in its article's text (0, 0 when it has no content span)."""
    return min((s.start for s in c.content), default=0), max((s.end for s in c.content), default=0)


def cluster_dict(k: StoredCluster) -> dict[str, Any]:
    """A cluster: its appearances, origins, independent count, repeats, contradictions, credibility."""
    return {
        "id": k.id,
        "claims": [
            {
                "id": c.id,
                "article": c.article.id,
                "language": c.article.language,
                "start": claim_span(c)[0],
                "end": claim_span(c)[1],
                "text": c.text,
                "speaker": c.source or c.speaker,
            }
            for c in k.claims
        ],
        "origins": list(k.origins),
        "independent": k.independent,
        "repeats": list(k.repeats),
        "contradictions": [{"a": a, "b": b, "reason": reason} for a, b, reason in k.contradictions]
        + [{"a": a, "b": b, "cluster": other, "reason": reason} for a, b, other, reason in k.across],
        "credibility": k.credibility,
    }


def source_dict(s: SourceRow) -> dict[str, Any]:
    """A source: name, type, aliases, claim and citation counts, the analyst's grade."""
    return _plain(asdict(s))  # type: ignore[no-any-return]


def to_json(value: Any) -> str:
    """JSON text, indented, non-ASCII kept, control and bidi characters escaped."""
    from sayso.cli.render import json_safe

    return json_safe(json.dumps(_plain(value), ensure_ascii=False, indent=1, default=str))
