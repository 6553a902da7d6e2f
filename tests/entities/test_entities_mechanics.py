"""Entities: the string shortcuts of the corpus pass find what their plain definitions find."""

from __future__ import annotations

import gc
import random
import re

import pytest

from kronologi.entities.resolve import _find, _Group, _merge_variants, _one_edit, _union, _variant, resolve
from kronologi.entities.types import _whole_word


@pytest.mark.parametrize("text, word", [
    ("Rinaldo, Rinaldo-Putra, Rinaldo_2 dan Rinaldo.", "Rinaldo"),
    ("RinaldoRinaldo Rinaldo", "Rinaldo"),
    ("aaa aaaa aaa-aaa aaa", "aaa"),
    ("Çelik Çelikoğlu (Çelik) 3Çelik Çelik²", "Çelik"),
    ("Jr. Jr.Jr. Jr.", "Jr."),
    ("Ana", "Ana"),
    ("", "Ana"),
])
def test_entities_whole_word_finds_what_the_bounded_pattern_finds(text, word):
    pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
    assert list(_whole_word(text, word)) == [m.start() for m in re.finditer(pattern, text)]


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def test_entities_one_edit_is_levenshtein_distance_at_most_one():
    rng = random.Random(7)
    pairs = [("widodo", "widodp"), ("widodo", "widod"), ("idodo", "widodo"), ("widodo", "wiodod"), ("ab", "ba")]
    for _ in range(3000):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 6)))
        b = list(a)
        for _ in range(rng.randint(0, 2)):  # up to two random edits
            op, at = rng.choice("sid"), rng.randint(0, len(b))
            if op == "i":
                b.insert(at, rng.choice("abc"))
            elif b and at < len(b):
                b[at:at + 1] = [] if op == "d" else [rng.choice("abc")]
        pairs.append((a, "".join(b)))
    for a, b in pairs:
        assert _one_edit(a, b) is (_levenshtein(a, b) <= 1), (a, b)
    assert sum(_one_edit(a, b) for a, b in pairs) not in (0, len(pairs))  # both answers were exercised


def test_entities_english_a_name_after_a_locative_is_a_place():
    from kronologi.entities.english import english_mentions
    text = ("In Kessel Varne, 12 people were hurt. Protests in Dorwick and in January were met in Parliament "
            "by Mara Quell. She met Tobin Hale in Ostbury.")
    found = {m["text"]: m["type"] for m in english_mentions(text, [(0, len(text))])}
    assert found["Kessel Varne"] == "LOC" and found["Dorwick"] == "LOC" and found["Ostbury"] == "LOC"
    assert found["Mara Quell"] == "PER" and found["Tobin Hale"] == "PER"
    assert "January" not in found and found.get("Parliament") == "ORG"


def test_entities_english_a_title_of_a_place_or_domain_is_the_role_of_the_name_after_it():
    from kronologi.entities.english import english_mentions
    text = ("President of Kazakhstan Marko Velin met the Minister of Health Lena Storr Adair. "
            "Governor of West Java Tobin Hale came. The Ministry of Health agreed. "
            "Keeper of Quiet Harbours Mara Quell spoke.")
    found = {m["text"]: (m["type"], m.get("role")) for m in english_mentions(text, [(0, len(text))])}
    assert found["Marko Velin"] == ("PER", "President of Kazakhstan")
    assert found["Lena Storr Adair"] == ("PER", "Minister of Health")
    assert found["Tobin Hale"] == ("PER", "Governor of West Java")
    assert found["Ministry of Health"] == ("ORG", None)
    assert "Mara Quell" not in found  # "of" something unknown: no title is split off a run that may be a name


def test_entities_english_titles_of_international_and_military_office():
    from kronologi.entities.english import english_mentions
    text = ("UN Secretary-General Ilse Varga Morten called for calm. Senior General Tun Hla Maw refused. "
            "State Counsellor Daw Khin Sein Lay was detained.")
    found = {m["text"]: (m["type"], m.get("role")) for m in english_mentions(text, [(0, len(text))])}
    assert found["Ilse Varga Morten"] == ("PER", "UN Secretary-General")
    assert found["Tun Hla Maw"] == ("PER", "Senior General")
    assert found["Daw Khin Sein Lay"] == ("PER", "State Counsellor")


def test_entities_variants_index_joins_what_the_scan_of_every_pair_joins():
    """Each rare spelling joins the most frequent fitting form of its type (the first of equals in
    corpus order), through the deletion index read lazily as through a scan of all pairs."""
    rng = random.Random(11)
    names = {"".join(rng.choice("ab") for _ in range(rng.randint(5, 8))) for _ in range(400)}
    groups = {}
    for name in sorted(names):
        kind = rng.choice(["PER", "ORG"])
        groups[(kind, name)] = _Group((kind, name), kind, mentions=[{}] * rng.randint(1, 5))
    parent = {key: key for key in groups}
    _merge_variants(groups, parent)
    expected = {key: key for key in groups}
    ranked = sorted(groups.values(), key=lambda g: -g.size)
    typos: set = set()  # a form that joined another is no target: no chains of typos
    for rank, g in enumerate(ranked):
        big = next((f for f in ranked[:rank] if f.type == g.type and len(f.key[1]) >= 6 and f.key not in typos
                    and len(g.key[1]) >= 6 and _variant(g, f)), None)
        if big is not None:
            _union(expected, g.key, big.key)
            typos.add(g.key)
    assert {key: _find(parent, key) for key in groups} == {key: _find(expected, key) for key in groups}
    assert sum(_find(parent, key) != key for key in groups) > 30  # many joined


@pytest.mark.parametrize("enabled", [True, False])
def test_entities_resolve_leaves_the_cycle_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert resolve([]) == []
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_entities_english_clock_markers_storms_places_and_a_people_before_a_title():
    from kronologi.entities.english import english_mentions
    text = ("10:05 AM: Typhoon Korrin reached Fort Ellery overnight. Supplies went to the county seat, Lake Varden, "
            "officials said. Norwegian Minister Ilse Brann Tovik flew in at 0900 GMT.")
    found = {m["text"]: (m["type"], m.get("role")) for m in english_mentions(text, [(0, len(text))])}
    assert "AM" not in found and "GMT" not in found  # a clock's marker is no body
    assert not any("Korrin" in name for name in found)  # a named storm is no person
    assert found["Fort Ellery"][0] == "LOC" and found["Lake Varden"][0] == "LOC"
    assert found["Ilse Brann Tovik"] == ("PER", "Norwegian Minister")


def test_entities_english_days_are_no_people_and_plural_possessives_join_a_body():
    from kronologi.entities.english import english_mentions

    def found(text):
        return [(m["text"], m["type"]) for m in english_mentions(text, [(0, len(text))])]

    assert found("Pickets held firm. On Tuesday, dockers blocked the gates.") == []
    assert found("Late Friday, guards sealed the depot of the Varo Rail Board.") == [("Varo Rail Board", "ORG")]
    assert found("The Dockers' Solidarity League said 90 members walked out.") == [
        ("Dockers' Solidarity League", "ORG")]
    assert found("The United Nations said the talks had stalled.") == [("United Nations", "ORG")]
    assert ("Ana Veltri", "PER") in found("Reuters' Ana Veltri reported the walkout.")


def test_entities_english_people_named_after_what_befell_them_or_what_they_do():
    """Disaster and accident copy names people by their part ("Survivor X", "Fisherman Y", "Rescuer Z"): a role
    before the name, not the first word of it."""
    from kronologi.entities.english import english_mentions
    text = ("Survivor Lita Ramos said she swam for hours. Fisherman Tomas Wuri pulled her from the water. "
            "Passenger Dede Harun was still missing.")
    found = {m["text"]: (m["type"], m.get("role")) for m in english_mentions(text, [(0, len(text))])}
    assert found["Lita Ramos"] == ("PER", "Survivor")
    assert found["Tomas Wuri"] == ("PER", "Fisherman")
    assert found["Dede Harun"] == ("PER", "Passenger")
