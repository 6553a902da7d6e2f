"""Unnamed people who speak: described by what they are, or one of a group named just before."""

from __future__ import annotations

import pytest

from kronologi.claims.anonymous import is_description
from kronologi.claims.names import speaker
from kronologi.claims.step import read_text


def _speakers(text: str, lang: str) -> list[str | None]:
    return [q["speaker_name"] for q in read_text(text, lang, "2024-03-05")["quotes"]]


@pytest.mark.parametrize("phrase, lang", [
    ("a resident of Dunmore", "en"), ("One Keswold nurse", "en"), ("an elderly farmer", "en"),
    ("seorang warga Sukamaju", "id"), ("Seorang perawat di Rumah Sakit Bakti", "id"), ("salah seorang petani", "id"),
])
def test_claims_anonymous_descriptions(phrase: str, lang: str) -> None:
    assert is_description(phrase, lang)
    assert speaker(phrase, lang).kind == "anonymous"


@pytest.mark.parametrize("phrase, lang", [
    ("a spokesman for the ministry", "en"), ("Rina Sari", "en"), ("the residents", "en"), ("warga", "id"),
    ("Kepala Desa Sukamaju", "id"),
])
def test_claims_anonymous_not_descriptions(phrase: str, lang: str) -> None:
    assert not is_description(phrase, lang)


def test_claims_anonymous_place_after_the_noun_is_kept() -> None:
    assert _speakers("“Nobody warned us,” said a farmer from Keswold.", "en") == ["a farmer from Keswold"]


def test_claims_anonymous_takes_the_scene_the_text_set() -> None:
    text = "In Keswold, the river burst its banks on Monday.\n\n“Nobody warned us,” a farmer said."
    assert _speakers(text, "en") == ["a farmer in Keswold"]


def test_claims_anonymous_scene_is_not_a_time() -> None:
    text = "In March, the river burst its banks.\n\n“Nobody warned us,” a farmer said."
    assert _speakers(text, "en") == ["a farmer"]


def test_claims_anonymous_one_of_the_group_before() -> None:
    text = ("Survivors waited outside the school in the rain.\n\n"
            "“We have had no water since Friday,” said one, who had walked from the hills.")
    assert _speakers(text, "en") == ["one of the survivors"]


def test_claims_anonymous_group_inside_a_quote_does_not_count() -> None:
    text = "The mayor said: “The villagers are safe.”\n\n“It is cold,” said one."
    assert _speakers(text, "en")[1] is None


def test_claims_anonymous_pronoun_goes_back_to_the_unnamed_speaker() -> None:
    text = ("Di Sukamaju, air setinggi dada.\n\n“Kami tidak sempat membawa apa-apa,” kata seorang ibu.\n\n"
            "“Anak saya masih di rumah,” ujarnya.")
    assert _speakers(text, "id") == ["seorang ibu di Sukamaju", "seorang ibu di Sukamaju"]
