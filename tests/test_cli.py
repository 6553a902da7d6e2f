"""The command line: exit codes, outputs, and documentation of every command and option."""

from __future__ import annotations

import json
import re

import click
from click.testing import CliRunner

from kronologi.cli import main

from conftest import ARTICLE_ID, ROOT


def test_cli_help_explains_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in main.commands:
        assert re.search(rf"^\s+{name}\s+\S", result.output, re.M), name


def test_cli_every_command_and_option_has_help_text_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, name
        assert f"kronologi {name}" in readme, f"README does not document `kronologi {name}`"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts}"
                assert any(opt in readme for opt in param.opts), f"README does not mention {name} {param.opts}"


def test_cli_build_writes_outputs_and_lists_rejections(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE_ID, encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "rejected" in result.output and "failed.ingest.binary" in result.output
    data = json.loads((tmp_path / "out" / "chronicle.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == ["a"]
    assert (tmp_path / "out" / "kronologi.db").exists()


def test_cli_build_from_stdin_and_quiet(tmp_path):
    result = CliRunner().invoke(main, ["build", "-", "-o", str(tmp_path / "out"), "-q"], input=ARTICLE_ID.encode())
    assert result.exit_code == 0 and result.output == ""
    data = json.loads((tmp_path / "out" / "chronicle.json").read_text(encoding="utf-8"))
    assert data["documents"][0]["id"] == "stdin"


def test_cli_build_exits_1_when_nothing_could_be_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert json.loads((tmp_path / "out" / "chronicle.json").read_text())["rejected"]


def test_cli_build_wrong_call_exits_2(tmp_path):
    assert CliRunner().invoke(main, ["build", str(tmp_path)]).exit_code == 2  # no -o


def test_cli_clean_shows_title_and_removed_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_ID, encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(path)])
    assert result.exit_code == 0
    assert result.output.startswith("# Banjir Rendam Ratusan Rumah di Pesisir Demak")
    assert "[clean.related_link] Baca juga" in result.output


def test_cli_schema_prints_the_contract_schema():
    result = CliRunner().invoke(main, ["schema"])
    assert json.loads(result.output)["$id"] == "kronologi.chronicle/1"
