"""Hypothesis strategies for the property tests: any text, and text built from news-like fragments.

The fragments are written here (no corpus text): numbers in every notation, month and weekday
names, clock times, and quotation marks of every style, nested, unbalanced and spaced inside.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

QUOTE_MARKS = ['"', "'", "“", "”", "„", "«", "»", "‘", "’", "‚", "''", "‹", "›"]

# A broad alphabet: letters, digits, punctuation, spaces and line breaks of every kind, symbols, emoji.
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)

_WORDS = ["Polisi", "menangkap", "orang", "di", "Jakarta", "kata", "ujar", "Budi", "tewas", "warga",
          "said", "the", "police", "arrested", "people", "in", "Leeds", "Ms", "Lee", "killed", "dan", "and",
          "sekitar", "about", "lebih", "dari", "Rp", "$", "juta", "million", "ribu", "thousand", "persen",
          "percent", "tahun", "years", "hari", "days", "lalu", "ago", "pukul", "WIB", "p.m.", "Senin",
          "Monday", "Jumat", "Friday", "Januari", "Mei", "May", "December", "Desember", "besok", "tomorrow",
          "kemarin", "yesterday", "minggu", "depan", "next", "week", "pekan", "satu", "dua", "puluh",
          "seratus", "twenty-six", "one", "hundred", "setengah", "puluhan", "dozens", "ke-3", "No.", "Jl."]
_NUMBERS = st.one_of(
    st.integers(0, 10**18).map(str),
    st.integers(0, 10**9).map(lambda n: f"{n:,}"),
    st.integers(0, 10**9).map(lambda n: f"{n:,}".replace(",", ".")),
    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]},{t[1]}"),
    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.integers(1, 400).map(lambda n: "9" * n),  # far past any float
    st.tuples(st.integers(1, 31), st.integers(1, 12)).map(lambda t: f"({t[0]}/{t[1]})"),
    st.tuples(st.integers(0, 24), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}.{t[1]:02d}"),
    st.tuples(st.integers(0, 24), st.integers(0, 59)).map(lambda t: f"{t[0]}:{t[1]:02d}"),
    st.tuples(st.integers(1, 31), st.integers(1, 12), st.integers(1800, 2100)).map(
        lambda t: f"{t[2]}-{t[1]:02d}-{t[0]:02d}"),
    st.integers(1800, 2100).map(str),
)
_FRAGMENT = st.one_of(
    st.sampled_from(_WORDS), _NUMBERS, st.sampled_from(QUOTE_MARKS),
    st.sampled_from([",", ".", ":", ";", "?", "!", "...", "…", "-", "–", "—", "(", ")", "/", "%"]),
    st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028"]),
)
# Fragments joined mostly by spaces (sometimes glued), so words, numbers and marks meet in every order.
NEWS_TEXT = st.lists(st.tuples(_FRAGMENT, st.sampled_from([" ", " ", " ", ""])), max_size=60).map(
    lambda parts: "".join(frag + sep for frag, sep in parts))

# A quotation in any style, possibly with spaces inside its marks, nested or left open.
_QUOTED = st.tuples(st.sampled_from(QUOTE_MARKS), st.sampled_from(["", " ", "  "]),
                    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), st.sampled_from(["", " ", ",", ", "]),
                    st.sampled_from(QUOTE_MARKS + [""])).map(
    lambda t: f"{t[0]}{t[1]}{' '.join(t[2])}{t[3]}{t[4]}")
QUOTE_TEXT = st.lists(st.one_of(_QUOTED, st.sampled_from(_WORDS), st.sampled_from(QUOTE_MARKS),
                                st.sampled_from([" ", ". ", ", ", "\n", "\n\n", ": "])), max_size=40).map(
    lambda parts: " ".join(parts))

TEXTS = st.one_of(ANY_TEXT, NEWS_TEXT, QUOTE_TEXT)
LANGS = st.sampled_from(["id", "en"])

# Bounded and reproducible, so the suite stays fast: ~200 examples, no per-example deadline.
BOUNDED = settings(max_examples=200, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
