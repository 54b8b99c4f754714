"""Contradictions between claims of different clusters: the same proposition but for a number or a negation.

Two claims that the pair model keeps apart may still be about one thing: `four ports were hit` and `zeven
havens getroffen`, `residents were warned` and `nobody warned the families`. The test is counterfactual:
with the clashing number (or the negation) taken out of the pair's features, would the model find the two
claims likely enough to state one proposition? Then the difference is the contradiction.

Numbers are compared when their units are one word in two spellings or languages: equal, or single-word
embeddings at ``UNIT_SIMILAR`` cosine or more (`havens`/`ports` 0.71, `mensen`/`people` 0.97, but
`doden`/`gewond` 0.54).
"""

from __future__ import annotations

import numpy as np

from sayso.clusters.contradictions import bounds
from sayso.clusters.pairs import FEATURES, ClaimView, PairModel, WordVectors
from sayso.records import Quantity

# Probability (the pair model's, without the clash) from which a pair apart is one proposition contradicted.
# Calibrated with benchmarks/calibrate_clusters.py on the story set: recall of the true contradictions
# against false alarms (table in docs/clusters.md).
NUMBER_LEVEL = 0.4
DENIAL_LEVEL = 0.5
UNIT_SIMILAR = 0.65
_POLARITY = FEATURES.index("polarity")
_CLASH = FEATURES.index("number_clash")
_SAME = FEATURES.index("same_number")
_SOURCE = FEATURES.index("source")


def contradiction(a: ClaimView, b: ClaimView, features: np.ndarray, model: PairModel, words: WordVectors) -> str | None:
    """Why two claims of different clusters contradict each other, or None."""
    if features[_POLARITY] and not features[_SOURCE]:  # one source contradicting itself is a misreading
        without = features.copy()
        without[_POLARITY] = 0.0
        if model.probability(without[None, :])[0] >= DENIAL_LEVEL:
            denier, asserter = (a, b) if a.negated else (b, a)
            if denier.item.speaker and asserter.item.certainty not in ("questioned", "denied"):
                return f"denial: {_who(denier)} denies what {_who(asserter)} asserts"
    clash = _number_clash(a, b, words)
    if clash:
        without = features.copy()
        without[_CLASH] = without[_SAME] = 0.0
        if model.probability(without[None, :])[0] >= NUMBER_LEVEL:
            x, y = clash
            return f"quantity: {x.text!r} ({x.qualifier}) vs {y.text!r} ({y.qualifier})"
    return None


def _who(view: ClaimView) -> str:
    return view.item.speaker or view.item.outlet or view.item.article


def _number_clash(a: ClaimView, b: ClaimView, words: WordVectors) -> tuple[Quantity, Quantity] | None:
    for x in a.item.quantities:
        for y in b.item.quantities:
            if x.unit and y.unit and _same_unit(x.unit, y.unit, words):
                bx, by = bounds(x), bounds(y)
                if bx is not None and by is not None and (bx[1] < by[0] or by[1] < bx[0]):
                    return x, y
    return None


def _same_unit(a: str, b: str, words: WordVectors) -> bool:
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    va, vb = words.of([a, b])
    return float(va @ vb) >= UNIT_SIMILAR
