"""Numbers too large to be a time or a figure (a 400-digit count) are neither, and nothing overflows."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kronologi.claims.numbers import MAX_VALUE, find_numbers
from kronologi.cli import main
from kronologi.temporal import tag

HUGE = "7" * 400
TEXT = (f"Sebanyak {HUGE} orang mengungsi pada 3 Mei 2024. Dalam {'9' * 400} tahun terakhir, "
        f"harga naik {'8' * 330},5 persen. Sebanyak 120 orang tewas.")


def _strict(text: str):
    def refuse(constant: str):
        raise ValueError(f"non-finite number {constant} in JSON")
    return json.loads(text, parse_constant=refuse)


def test_cli_dates_with_a_400_digit_number_exits_0_and_tags_no_duration_for_it():
    result = CliRunner().invoke(main, ["dates", "--reference-date", "2024-05-10", "--lang", "id", "-"],
                                input=TEXT.encode())
    assert result.exit_code == 0, result.output
    items = _strict(result.output)
    assert ("3 Mei 2024", "2024-05-03") in [(i["text"], i["value"]) for i in items]
    assert not any("999" in i["text"] for i in items)


def test_tag_keeps_durations_up_to_the_limit():
    found = tag("Ia dipenjara selama 15 tahun.", "id", None)
    assert [(t.text, t.value) for t in found] == [("15 tahun", "P15Y")]


def test_find_numbers_drops_amounts_past_the_limit_and_keeps_the_rest():
    values = [n.value for n in find_numbers(TEXT, "id")]
    assert 120 in values
    assert all(v is None or abs(v) <= MAX_VALUE for v in values)
    assert [n.value for n in find_numbers("Dana Rp 5 triliun cair.", "id")] == [5e12]


def test_build_with_a_400_digit_count_writes_a_chronicle_a_strict_parser_reads(tmp_path):
    source = tmp_path / "huge.txt"
    source.write_text(TEXT + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    chronicle = _strict((tmp_path / "out" / "chronicle.json").read_text(encoding="utf-8"))
    values = [f.get("value") for f in chronicle["figures"]]
    assert 120 in values
    assert all(v is None or abs(v) <= MAX_VALUE for v in values)
