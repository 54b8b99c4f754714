"""A fixed train/dev/test split that does not depend on the training seed.

Units (UD documents, blocks of the NER corpus) are ordered by the SHA-1 of
their id; the first units go to test until it holds ``test`` of all items,
the next ones to dev until it holds ``dev``, the rest to train. Adding data
or changing the seed does not move the held-out units around.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Split(Generic[T]):
    train: tuple[T, ...]
    dev: tuple[T, ...]
    test: tuple[T, ...]


def _key(unit_id: str) -> str:
    return hashlib.sha1(unit_id.encode("utf-8")).hexdigest()


def split_units(
    units: Sequence[T],
    *,
    unit_id: Callable[[T], str],
    size: Callable[[T], int],
    test: float = 0.1,
    dev: float = 0.1,
) -> Split[T]:
    """Split ``units`` by hash order into train/dev/test shares of the total ``size``.

    Each part keeps the units in their original order.
    """
    total = sum(size(u) for u in units)
    order = sorted(range(len(units)), key=lambda i: _key(unit_id(units[i])))
    part: dict[int, str] = {}
    filled = {"test": 0, "dev": 0}
    for i in order:
        if filled["test"] < test * total:
            part[i] = "test"
            filled["test"] += size(units[i])
        elif filled["dev"] < dev * total:
            part[i] = "dev"
            filled["dev"] += size(units[i])
        else:
            part[i] = "train"

    def pick(name: str) -> tuple[T, ...]:
        return tuple(u for i, u in enumerate(units) if part[i] == name)

    return Split(train=pick("train"), dev=pick("dev"), test=pick("test"))
