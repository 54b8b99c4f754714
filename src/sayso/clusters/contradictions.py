"""Claims of one cluster that cannot both be true: numbers, denials and certainty (across clusters: ``across``)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import combinations

from sayso.clusters.records import ClaimItem, Contradiction, name_key
from sayso.records import Quantity

# How far each qualifier lets a stated value stretch (relative), before bounds are compared.
_SLACK = {"exact": 0.02, "about": 0.15, "almost": 0.1}
_UNBOUNDED = ("possibly", "vague")  # no bounds to compare
_SURE = frozenset({"certain", "probable"})
_DOUBT = frozenset({"questioned", "denied"})


def bounds(q: Quantity) -> tuple[float, float] | None:
    """The interval a quantity allows, or None when it gives no usable bounds."""
    if q.qualifier in _UNBOUNDED:
        return None
    if q.qualifier == "range" or (q.low is not None and q.high is not None):
        low = q.low if q.low is not None else q.value
        high = q.high if q.high is not None else q.value
        return (low, high) if low is not None and high is not None else None
    if q.value is None:
        return None
    v = q.value
    if q.qualifier == "at_least":
        return (v, math.inf)
    if q.qualifier == "at_most":
        return (-math.inf, v)
    if q.qualifier == "almost":
        return (v * (1 - _SLACK["almost"]), v) if v >= 0 else (v, v * (1 - _SLACK["almost"]))
    slack = abs(v) * _SLACK.get(q.qualifier, _SLACK["exact"])
    return (v - slack, v + slack)


def compatible(a: Quantity, b: Quantity) -> bool:
    """True when the two quantities can describe the same amount (or cannot be compared)."""
    if (a.unit or None) != (b.unit or None):
        return True  # different things counted: not comparable
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return True
    return ba[0] <= bb[1] and bb[0] <= ba[1]


def find_contradictions(
    items: Sequence[ClaimItem], *, numbers: Callable[[ClaimItem, ClaimItem], str | None] | None = None
) -> list[Contradiction]:
    """Every pair of claims with incompatible numbers, a denial against an assertion, or certain vs doubted;
    one for each kind of reason and pair of sources (the first pair found stands for the others).

    ``numbers`` tells why two claims' numbers clash (default: numbers of the same unit as written)."""
    found: list[Contradiction] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for a, b in combinations(items, 2):
        reason = (numbers or _quantity_clash)(a, b) or _denial(a, b) or _certainty_clash(a, b)
        if not reason:
            continue
        key = (reason.split(":")[0], frozenset((name_key(_who(a)), name_key(_who(b)))))
        if key not in seen:
            seen.add(key)
            found.append(Contradiction(a.id, b.id, reason))
    return found


def _who(item: ClaimItem) -> str:
    return item.speaker or item.article


def _quantity_clash(a: ClaimItem, b: ClaimItem) -> str | None:
    """Quantities of one unit, paired in order of value when both claims give the same number of them."""
    units = {q.unit for q in a.quantities} & {q.unit for q in b.quantities}
    for unit in sorted(units, key=lambda u: u or ""):
        qa = sorted((q for q in a.quantities if q.unit == unit), key=_sort_value)
        qb = sorted((q for q in b.quantities if q.unit == unit), key=_sort_value)
        if len(qa) != len(qb):
            continue  # cannot tell which number answers which
        for x, y in zip(qa, qb, strict=True):
            if not compatible(x, y):
                return f"quantity: {x.text!r} ({x.qualifier}) vs {y.text!r} ({y.qualifier})"
    return None


def _denial(a: ClaimItem, b: ClaimItem) -> str | None:
    na, nb = _negates(a), _negates(b)
    if na == nb:
        return None
    if not two_sources(a, b) or not one_time(a, b):
        return None
    denier, asserter = (a, b) if na else (b, a)
    if asserter.certainty in _DOUBT or not denier.speaker:
        return None  # a negation in the article's own voice reports; only a source denies
    return f"denial: {_who(denier)} denies what {_who(asserter)} asserts"


def two_sources(a: ClaimItem, b: ClaimItem) -> bool:
    """Whether a denial between two claims can stand: a source does not deny itself. Two readings of one
    statement (an indirect and a direct one, a headline and its body, one source in two articles) differ
    in wording, not in what the source holds; on the story set counting them made most false alarms. A
    source that changes its story from one day to the next is ``changed_story``."""
    return a.speaker is None or b.speaker is None or name_key(a.speaker) != name_key(b.speaker)


def changed_story(a: ClaimItem, b: ClaimItem) -> bool:
    """One source, reported on two different days: a denial between its claims is no second reading of one
    statement but a change of account (`no indication of a leak` on Monday, `data was stolen` on Tuesday)."""
    one_source = not two_sources(a, b)
    return one_source and a.published is not None and b.published is not None and a.published != b.published


def one_time(a: ClaimItem, b: ClaimItem) -> bool:
    """Whether two claims can speak of one time: not when only one of them looks ahead, to a day after its
    article's date (`the salaries will be paid by Friday` does not deny `no one has been paid`)."""
    return _looks_ahead(a) == _looks_ahead(b)


def _looks_ahead(item: ClaimItem) -> bool:
    if item.published is None:
        return False
    for t in item.times:
        if len(t.value) >= 10 and t.value[4] == "-" and t.value[:10] > item.published.isoformat():
            return True  # ISO dates compare as text; `2025-W44`, `2025-10` and `PXD` are no day
    return False


def _certainty_clash(a: ClaimItem, b: ClaimItem) -> str | None:
    if _negates(a) or _negates(b):
        return None  # a denial against an assertion is a denial; two denials agree
    if (a.certainty in _SURE and b.certainty in _DOUBT) or (b.certainty in _SURE and a.certainty in _DOUBT):
        return f"certainty: {a.certainty} vs {b.certainty}"
    return None


def _negates(item: ClaimItem) -> bool:
    return item.certainty == "denied" or item.polarity == "negative"


def _sort_value(q: Quantity) -> float:
    for v in (q.value, q.low, q.high):
        if v is not None:
            return v
    return 0.0
