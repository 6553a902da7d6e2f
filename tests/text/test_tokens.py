"""Tokenizer: the language packs' examples, offsets, and losslessness."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronologi import langs
from kronologi.text.tokens import tokenize, words

ALL_CASES = [(lang, case) for lang in ("id", "en") for case in langs.examples(lang, "tokens")]


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{l}:{c['text'][:40]}" for l, c in ALL_CASES])
def test_tokens_pack_example(case: tuple[str, dict]) -> None:
    _, data = case
    assert words(data["text"]) == data["tokens"], data.get("note")


def test_tokens_packs_have_examples() -> None:
    assert len(ALL_CASES) >= 10


@pytest.mark.parametrize(
    "text, token",
    [
        ("pada 10/1/2022.", "10/1/2022"),
        ("naik 5.800,", "5.800"),
        ("sekitar 1,8 juta", "1,8"),
        ("pukul 22.25.", "22.25"),
        ("pukul 01:00,", "01:00"),
        ("menang 3-2!", "3-2"),
        ("Kassym-Jomart,", "Kassym-Jomart"),
        ("don't.", "don't"),
        ("(voa-islam.com)", "voa-islam.com"),
        ("KONTAN.CO.ID -", "KONTAN.CO.ID"),
        ("lihat https://example.com/a-b.", "https://example.com/a-b"),
        ("Dr. Andi", "Dr."),
        ("the U.S. Army", "U.S."),
    ],
)
def test_tokens_keep_forms_whole(text: str, token: str) -> None:
    assert token in words(text)


def test_tokens_offsets_index_the_text() -> None:
    text = "  Ia  tewas.\n"
    assert tokenize(text) == [(2, 4), (6, 11), (11, 12)]


def test_tokens_start_and_end_tokenize_a_slice_in_place() -> None:
    text = "Abaikan ini. Dr. Andi datang pukul 22.25 WIB. Abaikan juga."
    start = text.index("Dr.")
    end = text.index(" Abaikan juga")
    spans = tokenize(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Dr.", "Andi", "datang", "pukul", "22.25", "WIB", "."]
    assert spans[0][0] == start and spans[-1][1] == end


def test_tokens_empty_text() -> None:
    assert tokenize("") == []
    assert words(" \n\t ") == []


def _assert_tokens_lossless(text: str) -> None:
    covered = set()
    last = 0
    for start, end in tokenize(text):
        assert last <= start < end
        assert not any(c.isspace() for c in text[start:end])
        covered.update(range(start, end))
        last = end
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


def test_tokens_cover_every_non_space_character() -> None:
    rng = random.Random(11)
    alphabet = "aZ9.,:/-'’“”\"()% \n\t@_…—éñ漢"
    for _ in range(1000):
        _assert_tokens_lossless("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))))


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80))
def test_tokens_lossless_on_any_text(text: str) -> None:
    _assert_tokens_lossless(text)
