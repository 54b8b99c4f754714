"""Contradictions between claims of different clusters: the same proposition but for a number or a negation.

Two claims that the pair model keeps apart may still be about one thing: `four ports were hit` and `zeven
havens getroffen`, `residents were warned` and `nobody warned the families`. The test is counterfactual:
with the clashing number (or the negation) taken out of the pair's features, would the model find the two
claims likely enough to state one proposition? Then the difference is the contradiction. A denial must also
negate what the other claim says: a word it negates (``certainty.negated_words``) is a word of the other.
Two clusters contradict each other once for each kind of reason: the most probable pair of claims stands
for it. One source contradicts itself only across days: a revision (``contradictions.changed_story``).

Numbers are compared when their units are one word in two spellings or languages (``pairs.number_clash``).
"""

from __future__ import annotations

import numpy as np

from sayso.certainty import negated_words
from sayso.clusters.contradictions import changed_story, one_time, two_sources
from sayso.clusters.pairs import FEATURES, ClaimView, PairModel, reported_clash
from sayso.records import Quantity

# Probability (the pair model's, without the clash) from which a pair apart is one proposition contradicted.
# Calibrated with benchmarks/calibrate_clusters.py on the story set: recall of the true contradictions
# against false alarms (table in docs/clusters.md).
NUMBER_LEVEL = 0.2
DENIAL_LEVEL = 0.3
# A denial negates what the other claim says: a word it negates (`geen rijksregisternummers` against
# `bevatten rijksregisternummers`) at this cosine or more to a word of the other (the same word, a translation).
SCOPE_ALIGN = 0.8
_POLARITY = FEATURES.index("polarity")
_CLASH = FEATURES.index("number_clash")
_SAME = FEATURES.index("same_number")


def may_contradict(features: np.ndarray) -> np.ndarray:
    """The rows of ``features`` (pairs) that ``contradiction`` can find anything in: a negation on one side or
    numbers that clash; the indices, in order."""
    return np.nonzero(features[:, _POLARITY] + features[:, _CLASH])[0]


def contradiction(a: ClaimView, b: ClaimView, features: np.ndarray, model: PairModel) -> tuple[str, float] | None:
    """Why two claims of different clusters contradict each other, and the pair model's probability that
    they would state one proposition but for the difference; None when they do not."""
    # a change of account needs the words of a denial (`no indication that ...`), not a denying cue, which
    # one source may apply to another's claim as well (`reports of X are false`)
    revised = changed_story(a.item, b.item) and "negative" in (a.item.polarity, b.item.polarity)
    if features[_POLARITY] and (revised or two_sources(a.item, b.item)) and one_time(a.item, b.item):
        without = features.copy()
        without[_POLARITY] = 0.0
        p = float(model.probability(without[None, :])[0])
        denier, asserter = (a, b) if a.negated else (b, a)
        doubted = asserter.item.certainty in ("questioned", "denied")
        if denier.item.speaker and not doubted and p >= DENIAL_LEVEL and _denies(denier, asserter):
            if revised:
                days = f"{denier.item.published} and asserted on {asserter.item.published}"
                return f"revision: {_who(denier)} denied on {days}", p
            return f"denial: {_who(denier)} denies what {_who(asserter)} asserts", p
    clash = reported_clash(a, b)
    if clash:
        without = features.copy()
        without[_CLASH] = without[_SAME] = 0.0
        p = float(model.probability(without[None, :])[0])
        if p >= NUMBER_LEVEL:
            return quantity_reason(*clash), p
    return None


def _denies(denier: ClaimView, asserter: ClaimView) -> bool:
    """The denier's negated words (``certainty.negated_words``; all its words when a verb denies it) name
    something the asserter says: one of them at ``SCOPE_ALIGN`` or more to one of the asserter's content words
    (the same word or a translation)."""
    scope = set(negated_words(denier.item.text, language=denier.item.language))
    rows = [k for k, w in enumerate(denier.terms) if w in scope]
    if not rows and denier.item.certainty == "denied":
        rows = list(range(len(denier.terms)))  # `ontkent dat ...`, `denies that ...`: the whole claim is denied
    if not rows or not len(asserter.words):
        return False
    return bool((denier.words[rows] @ asserter.words.T).max() >= SCOPE_ALIGN)


def quantity_reason(x: Quantity, y: Quantity) -> str:
    return f"quantity: {x.text!r} ({x.qualifier}) vs {y.text!r} ({y.qualifier})"


def _who(view: ClaimView) -> str:
    return view.item.speaker or view.item.outlet or view.item.article
