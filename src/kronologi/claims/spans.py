"""Spans sorted by start that find the ones overlapping a range by bisection, not a scan.

A long article holds thousands of time expressions and quotes; asking each
figure or speaker phrase which of them it overlaps must not walk them all.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence


class SortedSpans(list):
    """``(start, end)`` pairs sorted by start (a list, so existing readers iterate it as before)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        super().__init__(sorted(spans))
        self._starts = [s for s, _ in self]
        self._reach = max((e - s for s, e in self), default=0)  # no span starts further back than this

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that share a character with ``[start, end)``, in order."""
        lo = bisect.bisect_left(self._starts, start - self._reach)
        hi = bisect.bisect_left(self._starts, end)
        return [(s, e) for s, e in self[lo:hi] if e > start]


def overlapping(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``spans`` that share a character with ``[start, end)``: bisected when sorted ones."""
    if isinstance(spans, SortedSpans):
        return spans.overlapping(start, end)
    return [(s, e) for s, e in spans if s < end and start < e]


class Covered:
    """Whether a position lies inside any of some spans: their union, sorted and disjoint, bisected."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self._union: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if self._union and s <= self._union[-1][1]:
                self._union[-1] = (self._union[-1][0], max(e, self._union[-1][1]))
            else:
                self._union.append((s, e))

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._union, (pos, float("inf"))) - 1
        return i >= 0 and self._union[i][0] <= pos < self._union[i][1]


class ByStart:
    """Records with ``start`` and ``end`` (mentions), found by bisection on their starts; what is found
    comes back in the records' own order, as a scan of them all would give it."""

    def __init__(self, records: Iterable[dict]):
        ordered = sorted(enumerate(records), key=lambda ir: ir[1]["start"])
        self._records = ordered
        self._starts = [r["start"] for _, r in ordered]
        self._reach = max((r["end"] - r["start"] for _, r in ordered), default=0)

    def inside(self, start: int, end: int) -> list[dict]:
        """The records lying within ``[start, end]``."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_right(self._starts, end)
        return [r for _, r in sorted(ir for ir in self._records[lo:hi] if ir[1]["end"] <= end)]

    def before(self, pos: int) -> Iterator[dict]:
        """The records that start before ``pos``, the nearest first."""
        for _, record in reversed(self._records[:bisect.bisect_left(self._starts, pos)]):
            yield record

    def overlapping(self, start: int, end: int) -> list[dict]:
        """The records that share a character with ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start - self._reach)
        hi = bisect.bisect_left(self._starts, end)
        return [r for _, r in sorted(ir for ir in self._records[lo:hi] if ir[1]["end"] > start)]
