"""Overlap tests between character spans in logarithmic time, so that a long article (one
paragraph of hundreds of kilobytes, thousands of finds) is read in linear-ish time rather
than by comparing every candidate with every span already taken."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Any


class Mask:
    """Fixed spans ``(start, end)``, possibly overlapping one another: sorted by start, with
    the furthest end reached so far, so one bisection tells whether a span touches any."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with one of the spans."""
        before = bisect_left(self._starts, end)  # the spans that start before ``end``
        return before > 0 and self._reach[before - 1] > start


class Taken:
    """Spans kept one by one, never overlapping, each with what it stands for: sorted by
    start, hence by end too."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._items: list[Any] = []

    def free(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps none of the spans kept."""
        i = bisect_right(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return False  # the span before runs into this one
        return not (i < len(self._starts) and self._starts[i] < end)

    def add(self, start: int, end: int, item: Any = None) -> None:
        """Keep [start, end), which must be ``free``."""
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._items.insert(i, item)

    def spans(self) -> list[tuple[int, int, Any]]:
        """The spans kept, in text order: (start, end, item)."""
        return list(zip(self._starts, self._ends, self._items, strict=True))
