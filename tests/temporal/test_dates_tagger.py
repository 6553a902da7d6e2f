"""The tagger: spans, overlaps, modifiers, ranges, context checks, lazy compilation."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kronologi.temporal import tag
from kronologi.temporal.patterns import pack
from kronologi.temporal.tagger import find_mentions, parse_number


def _texts(text: str, lang: str = "id") -> list[str]:
    return [text[tm.start:tm.end] for tm in find_mentions(text, lang)]


def test_tagger_longest_match_wins_over_its_parts():
    assert _texts("Rapat digelar Selasa, 4 Januari 2022 pukul 10.00 WIB.") == \
        ["Selasa, 4 Januari 2022", "pukul 10.00 WIB"]


def test_tagger_modifier_joins_the_expression():
    text = "Harga naik sejak awal Januari dan turun hampir dua pekan."
    assert [m.fields.get("mod") for m in find_mentions(text, "id")] == ["START", "LESS_THAN"]
    assert _texts(text) == ["awal Januari", "hampir dua pekan"]


def test_tagger_range_gives_two_mentions_sharing_month_and_year():
    mentions = find_mentions("Pameran itu berlangsung 3-5 Agustus 2021.", "id")
    assert [(m.fields["day"], m.fields["month"], m.fields["year"]) for m in mentions] == [(3, 8, 2021), (5, 8, 2021)]


def test_tagger_hijri_date_is_masked_so_its_year_is_never_read():
    text = "Selasa, 8 Jumadil Akhir 1443 H / 11 Januari 2022"
    assert "1443" not in " ".join(_texts(text))
    assert "11 Januari 2022" in _texts(text)


def test_tagger_numbers():
    p = pack("id")
    assert parse_number("dua puluh lima", p) == 25
    assert parse_number("satu setengah", p) == 1.5
    assert parse_number("1,5", p) == 1.5
    assert parse_number("dua belas", p) == 12
    assert parse_number("satu dua", p) is None
    en = pack("en")
    assert parse_number("twenty-five", en) == 25
    assert parse_number("1.5", en) == 1.5
    assert parse_number("two and a half", en) == 2.5


def test_tagger_language_is_respected():
    assert _texts("The talks began on Monday.", "en") == ["Monday"]
    assert _texts("The talks began on Monday.", "id") == []  # no English words in the Indonesian pack


def test_tagger_compiles_nothing_at_import():
    code = ("import kronologi.temporal, kronologi.temporal.patterns as p, kronologi.temporal.tense as t; "
            "print(p.pack.cache_info().currsize, t._regexes.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "0"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Senin (10/1) pukul 22.25 WIB tahun 2019 lalu kemarin 3-5 Mei ,.-\n")),
               max_size=200))
def test_tagger_spans_are_in_order_disjoint_and_exact(text):
    found = tag(text, "id", "2022-01-11")
    previous_end = 0
    for tm in found:
        assert previous_end <= tm.start < tm.end <= len(text)
        assert text[tm.start:tm.end] == tm.text
        assert tm.type in ("DATE", "TIME", "DURATION", "SET")
        previous_end = tm.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_tagger_never_fails_on_any_text(text):
    for lang in ("id", "en"):
        for tm in tag(text, lang, "2022-01-11"):
            assert text[tm.start:tm.end] == tm.text
