"""Numbers read against their neighbours only: the same verdicts, in time linear in the text."""

from __future__ import annotations

from kronologi.claims.numbers import find_numbers
from kronologi.claims.nonfigures import reason


def _reasons(text: str, lang: str = "id") -> list[tuple[str, str | None]]:
    numbers = find_numbers(text, lang)
    return [(n.text, reason(text, n, lang, [], numbers)) for n in numbers]


def test_a_score_is_found_with_either_neighbour():
    assert _reasons("Tim tuan rumah menang 3-2 atas tamunya.") == [("3", "nonfigure.score"), ("2", "nonfigure.score")]


def test_numbers_listed_after_an_identifier_are_identifiers_however_far_the_text_goes():
    filler = "Warga berkumpul di balai desa pada sore hari. " * 300
    text = filler + "Polisi menjerat mereka dengan Pasal 170, 351 dan 358."
    got = _reasons(text)
    assert got[-3:] == [("170", "nonfigure.identifier"), ("351", "nonfigure.identifier"),
                        ("358", "nonfigure.identifier")]


def test_numbers_apart_from_each_other_are_no_score():
    assert _reasons("Sebanyak 12 orang tewas dan 3 orang luka, kata polisi.")[0][1] is None
