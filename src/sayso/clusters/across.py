"""Contradictions between claims of different clusters: the same proposition but for a number or a negation.

Two claims that the pair model keeps apart may still be about one thing: `four ports were hit` and `zeven
havens getroffen`, `residents were warned` and `nobody warned the families`. The test is counterfactual:
with the clashing number (or the negation) taken out of the pair's features, would the model find the two
claims likely enough to state one proposition? Then the difference is the contradiction.

Numbers are compared when their units are one word in two spellings or languages (``pairs.number_clash``).
"""

from __future__ import annotations

import numpy as np

from sayso.clusters.pairs import FEATURES, ClaimView, PairModel, number_clash

# Probability (the pair model's, without the clash) from which a pair apart is one proposition contradicted.
# Calibrated with benchmarks/calibrate_clusters.py on the story set: recall of the true contradictions
# against false alarms (table in docs/clusters.md).
NUMBER_LEVEL = 0.4
DENIAL_LEVEL = 0.5
_POLARITY = FEATURES.index("polarity")
_CLASH = FEATURES.index("number_clash")
_SAME = FEATURES.index("same_number")
_SOURCE = FEATURES.index("source")


def contradiction(a: ClaimView, b: ClaimView, features: np.ndarray, model: PairModel) -> str | None:
    """Why two claims of different clusters contradict each other, or None."""
    if features[_POLARITY] and not features[_SOURCE]:  # one source contradicting itself is a misreading
        without = features.copy()
        without[_POLARITY] = 0.0
        if model.probability(without[None, :])[0] >= DENIAL_LEVEL:
            denier, asserter = (a, b) if a.negated else (b, a)
            if denier.item.speaker and asserter.item.certainty not in ("questioned", "denied"):
                return f"denial: {_who(denier)} denies what {_who(asserter)} asserts"
    clash = number_clash(a, b)
    if clash:
        without = features.copy()
        without[_CLASH] = without[_SAME] = 0.0
        if model.probability(without[None, :])[0] >= NUMBER_LEVEL:
            x, y = clash
            return f"quantity: {x.text!r} ({x.qualifier}) vs {y.text!r} ({y.qualifier})"
    return None


def _who(view: ClaimView) -> str:
    return view.item.speaker or view.item.outlet or view.item.article
