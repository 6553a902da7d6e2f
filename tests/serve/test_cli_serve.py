"""``kronologi serve``: refuses what is not a store with a message, and binds 127.0.0.1:8000 by default."""

from __future__ import annotations

from click.testing import CliRunner

from kronologi.cli import main
from serve_corpus import served_store  # noqa: F401 - the session fixture and its corpus


def test_serve_cli_refuses_a_missing_store_and_a_file_that_is_not_one(tmp_path):
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no store at" in missing.output
    junk = tmp_path / "notes.db"
    junk.write_text("not a database", encoding="utf-8")
    refused = CliRunner().invoke(main, ["serve", "--db", str(junk)])
    assert refused.exit_code == 1 and "cannot be read as a SQLite store" in refused.output


def test_serve_cli_binds_loopback_by_default(served_store, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    result = CliRunner().invoke(main, ["serve", "--db", str(served_store.db)])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": "127.0.0.1", "port": 8000, "log_level": "warning"}]
    CliRunner().invoke(main, ["serve", "--db", str(served_store.db), "--host", "0.0.0.0", "--port", "8123"])
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 8123
