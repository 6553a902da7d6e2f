"""Numbers on any text: no exception, offsets inside the text, finite values within range, in order."""

from __future__ import annotations

import math

from hypothesis import given
from strategies import BOUNDED, LANGS, TEXTS

from kronologi.claims.numbers import MAX_VALUE, find_numbers


@BOUNDED
@given(text=TEXTS, lang=LANGS)
def test_find_numbers_reports_spans_of_the_text_with_finite_values(text: str, lang: str) -> None:
    found = find_numbers(text, lang)
    for n in found:
        assert 0 <= n.start < n.end <= len(text)
        assert text[n.start:n.end] == n.text
        for value in (n.value, n.low, n.high):
            assert value is None or (math.isfinite(value) and abs(value) <= MAX_VALUE)
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), "numbers overlap or are out of order"
