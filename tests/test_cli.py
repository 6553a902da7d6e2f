"""The command line: exit codes, outputs, and documentation of every command and option."""

from __future__ import annotations

import json
import os
import re

import click
import pytest
from click.testing import CliRunner

from kronologi.cli import main

from conftest import ARTICLE_ID, ROOT


def test_cli_help_explains_every_command_once():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in main.commands:
        assert len(re.findall(rf"^\s+{name}\s+\S", result.output, re.M)) == 1, name
    assert result.output.count("Commands:") == 1


def test_cli_every_command_and_option_has_help_text_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for param in main.params:  # the options every command takes
        if isinstance(param, click.Option) and "--version" not in param.opts:
            assert param.help and any(opt in readme for opt in param.opts), f"README does not mention {param.opts}"
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


def test_cli_clean_json_prints_json_lines(tmp_path):
    path = tmp_path / "two.jsonl"
    records = [{"title": f"Judul berita nomor {i}", "text": ARTICLE_ID, "url": f"https://example.org/{i}"}
               for i in range(2)]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", "--json", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2 and [json.loads(line)["title"] for line in lines] == [r["title"] for r in records]


def _build_args(tmp_path, *extra):
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    (src / "a.txt").write_text(ARTICLE_ID, encoding="utf-8")
    return [*extra, "build", str(src), "-o", str(tmp_path / "out"), "-q"]


def test_cli_logs_only_warnings_by_default_and_more_with_verbose_or_log_level(tmp_path):
    quiet = CliRunner().invoke(main, _build_args(tmp_path))
    assert quiet.exit_code == 0 and quiet.output == ""
    verbose = CliRunner().invoke(main, _build_args(tmp_path, "-v"))
    assert verbose.exit_code == 0, verbose.output
    assert re.search(r"^INFO kronologi\.export\.files: wrote .*chronicle\.json$", verbose.output, re.M)
    assert "DEBUG" not in verbose.output
    debug = CliRunner().invoke(main, _build_args(tmp_path, "--log-level", "debug"))
    assert re.search(r"^DEBUG kronologi\.store: store .* open at schema version", debug.output, re.M)


def test_cli_build_into_an_unwritable_folder_exits_1_with_a_clear_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    args = _build_args(tmp_path)
    args[args.index("-o") + 1] = str(blocker / "out")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # no traceback
    assert "cannot write the outputs to" in result.output and "Traceback" not in result.output


def test_cli_build_refuses_a_foreign_database_with_exit_1(tmp_path):
    import sqlite3

    foreign = tmp_path / "notes.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.close()
    result = CliRunner().invoke(main, _build_args(tmp_path) + ["--db", str(foreign)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "another program" in result.output
    con = sqlite3.connect(foreign)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["notes"]
    con.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_cli_build_into_a_read_only_folder_exits_1_before_building(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        args = _build_args(tmp_path)
        result = CliRunner().invoke(main, args)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1 and "cannot write the outputs to" in result.output
    assert list(out.iterdir()) == []  # not even the store was made
