"""Sentence splitting: the language packs' examples, plus losslessness properties."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronologi import langs
from kronologi.text.sentences import split_sentences

PACK_LANGS = ("id", "en")


def _cases(lang: str) -> list[tuple[str, dict]]:
    return [(lang, case) for case in langs.examples(lang, "sentences")]


ALL_CASES = [c for lang in PACK_LANGS for c in _cases(lang)]


def _ids(case: tuple[str, dict]) -> str:
    lang, data = case
    return f"{lang}:{data['text'][:40]}"


@pytest.mark.parametrize("case", ALL_CASES, ids=[_ids(c) for c in ALL_CASES])
def test_sentences_pack_example(case: tuple[str, dict]) -> None:
    lang, data = case
    spans = split_sentences(data["text"], lang)
    assert [data["text"][s:e] for s, e in spans] == data["sentences"], data.get("note")


def test_sentences_packs_have_enough_examples() -> None:
    assert len(_cases("id")) >= 25
    assert len(_cases("en")) >= 12
    for _, data in ALL_CASES:
        assert data.get("note"), f"example without a note: {data['text'][:40]}"


def test_sentences_unknown_language_uses_indonesian_pack() -> None:
    text = "Rumah Hj. Siti di Jl. Merdeka rusak. Tidak ada korban."
    assert split_sentences(text, "xx") == split_sentences(text, "id")
    assert len(split_sentences(text, "xx")) == 2


def test_sentences_empty_and_blank_text() -> None:
    assert split_sentences("", "id") == []
    assert split_sentences(" \n\n\t \r\n ", "en") == []


def test_sentences_line_breaks_are_boundaries() -> None:
    text = "Judul tanpa titik\r\nBaris kedua\u2028Baris ketiga"
    got = [text[s:e] for s, e in split_sentences(text, "id")]
    assert got == ["Judul tanpa titik", "Baris kedua", "Baris ketiga"]


def test_sentences_quote_never_crosses_a_paragraph() -> None:
    text = "“Kami siap. Kami menunggu.\n\nPolisi datang. Warga pulang.”"
    got = [text[s:e] for s, e in split_sentences(text, "id")]
    assert got == ["“Kami siap.", "Kami menunggu.", "Polisi datang.", "Warga pulang.”"]


def test_sentences_offsets_index_the_original_text() -> None:
    text = "\n\n  Ia datang.   Lalu pergi.  "
    assert split_sentences(text, "id") == [(4, 14), (17, 28)]


# --- properties ----------------------------------------------------------------

_PIECES = [
    "Dr.", "dkk.", "U.S.", "a.m.", "J.", "No.", "1,8", "5.800", "10/1/2022", "(10/1).",
    "KOMPAS.com", "voa-islam.com", "AS", "Tokayev", "kata", "said", "ia", "The", "Namun",
    ".", "?", "!", "...", "…", ",", "“", "”", "‘", "’", '"', "'", "(", ")", "-", "—",
    "\n", "\n\n", "\t", "\u00a0", "\r\n", "1.", "a.n.", "S.H.", "x", "ABC", "Rp", "3.5%",
    ".Polisi", "tewas.", "’s", "don't", "\u2028", "", " ",
]


def _random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 40)):
        parts.append(rng.choice(_PIECES))
        parts.append(rng.choice(["", " ", " ", " ", "  ", "\n"]))
    return "".join(parts)


def _assert_lossless(text: str, spans: list[tuple[int, int]]) -> None:
    covered = [False] * len(text)
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text), (text, spans)
        assert not text[start].isspace() and not text[end - 1].isspace(), (text, spans)
        for i in range(start, end):
            covered[i] = True
        last_end = end
    for i, char in enumerate(text):
        assert covered[i] or char.isspace(), (text, spans, i)


@pytest.mark.parametrize("lang", ["id", "en", "fr"])
def test_sentences_spans_are_ordered_disjoint_and_cover_all_text(lang: str) -> None:
    rng = random.Random(20220110)
    for _ in range(1500):
        text = _random_text(rng)
        _assert_lossless(text, split_sentences(text, lang))


def test_sentences_pack_examples_are_lossless() -> None:
    for lang, data in ALL_CASES:
        _assert_lossless(data["text"], split_sentences(data["text"], lang))


def test_sentences_spans_never_contain_a_line_break() -> None:
    rng = random.Random(7)
    for _ in range(500):
        text = _random_text(rng)
        for start, end in split_sentences(text, "id"):
            assert not any(c in "\n\r\u2028" for c in text[start:end])


_TEXTS = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)),
    max_size=40,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS, lang=st.sampled_from(["id", "en"]))
def test_sentences_lossless_on_generated_text(text: str, lang: str) -> None:
    _assert_lossless(text, split_sentences(text, lang))
