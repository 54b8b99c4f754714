"""Indexed lookups over spans of one text: which start in, overlap or reach into a window.

A finder that asks "which quote, entity or content is near this word?" once per candidate, by scanning all
of them, is quadratic in the article's length. ``Intervals`` answers the same questions in ``O(log n +
hits)``, the hits in the order the items were given, so a lookup can replace such a scan one for one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Generic, Protocol, TypeVar


class _Bounded(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T")


def start_end(item: _Bounded) -> tuple[int, int]:
    return item.start, item.end


class Intervals(Generic[T]):
    """``items`` indexed by their ``[start, end)`` (``bounds`` gives it; ``.start`` and ``.end`` by default)."""

    __slots__ = ("_by_end", "_ends", "_ends_given", "_items", "_longest", "_order", "_reach", "_starts")

    def __init__(self, items: Sequence[T], bounds: Callable[[T], tuple[int, int]] = start_end) -> None:  # type: ignore[assignment]
        self._items = tuple(items)
        spans = [bounds(x) for x in self._items]
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        self._ends = [spans[i][1] for i in self._order]
        self._reach = list(accumulate(self._ends, max))  # the furthest end among the first k by start
        self._longest = max((b - a for a, b in spans), default=0)
        self._ends_given = [b for _, b in spans]
        self._by_end: tuple[list[int], list[int]] | None = None

    def __len__(self) -> int:
        return len(self._items)

    def _in_order(self, first: int, last: int, keep: Callable[[int], bool]) -> list[T]:
        hits = sorted(self._order[k] for k in range(first, last) if keep(k))
        return [self._items[i] for i in hits]

    def starting(self, lo: int, hi: int) -> list[T]:
        """The items with ``lo <= start < hi``, in the given order."""
        first, last = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return self._in_order(first, last, lambda k: True)

    def within(self, a: int, b: int) -> list[T]:
        """The items with ``a <= start`` and ``end <= b``, in the given order."""
        first, last = bisect_left(self._starts, a), bisect_left(self._starts, b + 1)
        return self._in_order(first, last, lambda k: self._ends[k] <= b)

    def last_ending_by(self, x: int) -> T | None:
        """The last item, in the given order, with ``end <= x``."""
        if self._by_end is None:
            by_end = sorted(range(len(self._items)), key=lambda i: self._ends_given[i])
            self._by_end = ([self._ends_given[i] for i in by_end], list(accumulate(by_end, max)))
        ends, latest = self._by_end
        k = bisect_right(ends, x)
        return self._items[latest[k - 1]] if k else None

    def overlapping(self, a: int, b: int) -> list[T]:
        """The items with ``start < b`` and ``end > a``, in the given order."""
        first, last = bisect_left(self._starts, a - self._longest), bisect_left(self._starts, b)
        return self._in_order(first, last, lambda k: self._ends[k] > a)

    def any_overlapping(self, a: int, b: int) -> bool:
        """Whether an item has ``start < b`` and ``end > a``."""
        k = bisect_left(self._starts, b)
        return k > 0 and self._reach[k - 1] > a


class SpanSet(tuple[tuple[int, int], ...]):
    """A tuple of ``(start, end)`` pairs that also answers, indexed, which of them hold an offset."""

    def __new__(cls, pairs: Iterable[tuple[int, int]]) -> SpanSet:
        return super().__new__(cls, pairs)

    @property
    def _index(self) -> Intervals[tuple[int, int]]:
        index = self.__dict__.get("_intervals")
        if index is None:
            index = self.__dict__["_intervals"] = Intervals(self, bounds=lambda pair: pair)
        return index

    def covers(self, x: int) -> bool:
        """Whether a pair has ``start <= x < end``."""
        return self._index.any_overlapping(x, x + 1)

    def containing(self, x: int) -> list[tuple[int, int]]:
        """The pairs with ``start <= x < end``, in order."""
        return self._index.overlapping(x, x + 1)

    def starting(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The pairs with ``lo <= start < hi``, in order."""
        return self._index.starting(lo, hi)

    def encloses(self, a: int, b: int) -> bool:
        """Whether a pair has ``start <= a`` and ``b <= end``."""
        return any(x <= a and b <= y for x, y in self._index.overlapping(a - 1, a + 1))


class GrowingSpans:
    """``(start, end)`` pairs added one by one, asked whether one overlaps a window (see ``Intervals``)."""

    __slots__ = ("_longest", "_pairs")

    def __init__(self) -> None:
        self._pairs: list[tuple[int, int]] = []
        self._longest = 0

    def add(self, start: int, end: int) -> None:
        insort(self._pairs, (start, end))
        self._longest = max(self._longest, end - start)

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        """The pairs with ``start < b`` and ``end > a``, by start."""
        first, last = bisect_left(self._pairs, (a - self._longest,)), bisect_left(self._pairs, (b,))
        return [p for p in self._pairs[first:last] if p[1] > a]
