"""``kronologi serve``: refuses what is not a store with a message, binds 127.0.0.1:8000 by default, and answers
from several processes with ``--workers``."""

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


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux /proc)."""
    from pathlib import Path

    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def test_serve_cli_workers_answer_from_several_processes(served_store):
    """``--workers 2``: the real ``kronologi serve`` on a free loopback port, two uvicorn processes answering."""
    import json
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    kronologi = Path(sys.executable).with_name("kronologi")
    server = subprocess.Popen([str(kronologi), "serve", "--db", str(served_store.db), "--port", str(port),
                               "--workers", "2"], stderr=subprocess.PIPE, text=True)
    try:
        deadline, answer = time.monotonic() + 60, None
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/stories.json", timeout=5) as got:
                    answer = json.load(got)
            except OSError:
                time.sleep(0.2)
        assert answer is not None, server.stderr.read() if server.poll() is not None else "no answer in 60 s"
        assert [s["id"] for s in answer["stories"]["items"]] == [s["id"] for s in served_store.chronicle.stories]
        workers = [c for c in _children(server.pid) if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text()]
        assert len(workers) == 2, workers  # uvicorn's worker processes (beside multiprocessing's resource tracker)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
    assert "with 2 process(es)" in server.stderr.read()
