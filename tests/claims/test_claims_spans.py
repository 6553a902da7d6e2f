"""Spans found by bisection give what a scan of every span gives."""

from __future__ import annotations

import random

from kronologi.claims.spans import Covered, SortedSpans, overlapping


def _random_spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randint(0, 500)
        out.append((start, start + rng.randint(1, 40)))
    return out


def test_claims_spans_overlapping_matches_a_scan() -> None:
    rng = random.Random(3)
    spans = _random_spans(rng, 200)
    indexed = SortedSpans(spans)
    for _ in range(300):
        start = rng.randint(0, 560)
        end = start + rng.randint(0, 60)
        assert indexed.overlapping(start, end) == sorted(overlapping(spans, start, end))


def test_claims_spans_sorted_spans_is_still_a_sorted_list() -> None:
    assert SortedSpans([(9, 12), (1, 3)]) == [(1, 3), (9, 12)]
    assert SortedSpans().overlapping(0, 10) == []


def test_claims_spans_covered_matches_a_scan() -> None:
    rng = random.Random(4)
    spans = _random_spans(rng, 50)
    covered = Covered(spans)
    for pos in range(-5, 600):
        assert (pos in covered) == any(s <= pos < e for s, e in spans)
