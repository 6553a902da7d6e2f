"""``kronologi dates``: the contract's JSON list, offsets into the input as read, options."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kronologi.cli import main

TEXT_ID = "Tokayev berbicara pada Senin (10/1) dan akan bertemu Presiden pada hari Jumat. Ia menjabat sejak 2019."
TEXT_EN = "The talks began on Monday and will resume next week.\nA statement followed at 10:25 p.m."


def _run(args, data: bytes):
    result = CliRunner().invoke(main, ["dates", *args, "-"], input=data)
    return result, (json.loads(result.output) if result.exit_code == 0 else None)


def test_cli_dates_prints_the_contract_fields_with_a_reference_date():
    result, items = _run(["--reference-date", "2022-01-11"], TEXT_ID.encode())
    assert result.exit_code == 0, result.output
    assert [(i["text"], i["type"], i["value"]) for i in items] == [
        ("Senin (10/1)", "DATE", "2022-01-10"), ("hari Jumat", "DATE", "2022-01-14"), ("2019", "DATE", "2019")]
    for item in items:
        assert {"start", "end", "text", "type", "value", "precision"} <= set(item)
        assert TEXT_ID[item["start"]:item["end"]] == item["text"]


def test_cli_dates_without_reference_leaves_relative_values_underspecified():
    _, items = _run([], TEXT_ID.encode())
    assert [i["value"] for i in items] == ["XXXX-01-10", "XXXX-WXX-5", "2019"]


def test_cli_dates_offsets_count_characters_after_decoding_utf8_and_keep_crlf(tmp_path):
    text = "“Kami siap,” ujarnya\r\nKamis (13/1) pukul 22.25 WIB."
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    result = CliRunner().invoke(main, ["dates", "--reference-date", "2022-01-14T08:00+07:00", "--lang", "id",
                                       str(path)])
    items = json.loads(result.output)
    decoded = "\ufeff" + text
    assert [(i["text"], i["value"]) for i in items] == [("Kamis (13/1)", "2022-01-13"),
                                                        ("pukul 22.25 WIB", "2022-01-13T22:25+07:00")]
    assert all(decoded[i["start"]:i["end"]] == i["text"] for i in items)


def test_cli_dates_detects_english_and_accepts_lang():
    _, items = _run(["--reference-date", "2022-01-11"], TEXT_EN.encode())
    assert [(i["text"], i["value"]) for i in items] == [("Monday", "2022-01-10"), ("next week", "2022-W03"),
                                                        ("10:25 p.m.", "2022-01-11T22:25")]
    _, forced = _run(["--reference-date", "2022-01-11", "--lang", "id"], TEXT_EN.encode())
    assert forced == []


def test_cli_dates_reference_date_forms_and_errors():
    for ref in ("2022-01-11", "2022-01-11T08:00", "2022-01-11T08:00:30", "2022-01-11T08:00+07:00"):
        assert _run(["--reference-date", ref], TEXT_ID.encode())[0].exit_code == 0
    result, _ = _run(["--reference-date", "11/01/2022"], TEXT_ID.encode())
    assert result.exit_code == 2 and "--reference-date" in result.output
    assert _run(["--lang", "fr"], TEXT_ID.encode())[0].exit_code == 2


def test_cli_dates_empty_input_gives_an_empty_list():
    result, items = _run([], b"")
    assert result.exit_code == 0 and items == []
