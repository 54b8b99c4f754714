"""Information credibility (NATO/Admiralty 1-6), proposed from a cluster's corroboration.

This grades the *information*, never the source: an analyst's A-F grade of a
source's reliability is kept apart (``sayso.store.records.GRADES``).

=====  ===================  ====================================================
grade  Admiralty meaning    when sayso proposes it
=====  ===================  ====================================================
1      confirmed            two or more independent origins, no contradiction,
                            every appearance stated as certain (or probable)
2      probably true        two or more independent origins, no contradiction,
                            some appearance hedged (reported, possible, ...)
3      possibly true        one origin, no contradiction, stated as certain
                            (or probable)
4      doubtful             one origin that hedges; or a contradiction (within
                            the cluster or with another cluster) in which the
                            denying (or disputing) origins do not outnumber the
                            asserting ones
5      improbable           contradicted: more independent origins deny it than
                            assert it
6      cannot be judged     no appearance at all (an empty cluster)
=====  ===================  ====================================================
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sayso.clusters.records import ClaimItem, Contradiction

_SURE = frozenset({"certain", "probable"})


def propose_credibility(
    items: Sequence[ClaimItem], origin_of: Mapping[str, str], contradictions: Sequence[Contradiction]
) -> int:
    """The Admiralty information credibility (1-6) that the corroboration supports; see the module table."""
    if not items:
        return 6
    origins = set(origin_of.values())
    if contradictions:
        deniers = {origin_of[it.id] for it in items if it.certainty == "denied" or it.polarity == "negative"}
        asserters = origins - deniers
        if not asserters:
            return 4  # every origin states the negation: that is the proposition, contradicted by another cluster
        return 5 if len(deniers) > len(asserters) else 4
    sure = all(it.certainty in _SURE for it in items)
    if len(origins) >= 2:
        return 1 if sure else 2
    return 3 if sure else 4
