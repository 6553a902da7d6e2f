"""``kronologi watch``: which files it sees, when it builds, how it stops. The loop is driven
with a stand-in builder (no pipeline) and a stop event; one test runs the real command once, and
two run it on a PostgreSQL store (``--db postgresql://...``): into a throwaway server
(``tests/store/pg_server.py``; under CI=true a missing PostgreSQL fails), and against a port where
nothing answers, whose message keeps the URL's password out."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronologi.cli import main
from kronologi.watch import Watch, WatchError, difference, fingerprint, run

sys.path.insert(0, str(Path(__file__).resolve().parent / "store"))
from pg_server import postgres_server  # noqa: E402 - the store tests' throwaway server, a helper beside them

ARTICLE = """Jembatan Gantung Desa Mekarwangi Putus Diterjang Arus
Senin, 3 Februari 2025 | 10:00 WIB
MEKARWANGI, KABARHULU.ID - Jembatan gantung yang menghubungkan Desa Mekarwangi dan Desa Cisalak putus diterjang arus Sungai Cilawang pada Minggu sore.
Kepala Desa Mekarwangi Asep Gunawan mengatakan 300 warga kini harus memutar sejauh delapan kilometer.
"""

# A second invented article, about something else: a new story for the second build.
LATER = """Banjir Rendam 80 Rumah di Kampung Cibeureum Hilir
Selasa, 4 Februari 2025 | 07:30 WIB
CIBEUREUM, KABARHULU.ID - Banjir setinggi satu meter merendam 80 rumah di Kampung Cibeureum Hilir pada Senin malam setelah tanggul Sungai Cikadu jebol.
Camat Cibeureum Lilis Suryani mengatakan 200 warga mengungsi ke masjid kampung.
"""


class Builder:
    """Stands in for a build: counts calls, may set ``stop`` after ``stop_after`` builds."""

    def __init__(self, stop: threading.Event | None = None, stop_after: int = 0):
        self.calls, self.stop, self.stop_after = 0, stop, stop_after

    def __call__(self, watch: Watch) -> dict:
        self.calls += 1
        if self.stop is not None and self.calls >= self.stop_after:
            self.stop.set()
        return {"counts": {"new_events": self.calls}}


def _watch(tmp_path, interval: float = 0.01) -> Watch:
    (tmp_path / "in").mkdir(exist_ok=True)
    return Watch([str(tmp_path / "in")], tmp_path / "out", interval=interval)


def test_watch_fingerprint_sees_what_a_build_reads(tmp_path):
    folder = tmp_path / "in"
    (folder / ".hidden").mkdir(parents=True)
    (folder / "a.txt").write_text("satu", encoding="utf-8")
    (folder / ".hidden" / "b.txt").write_text("dua", encoding="utf-8")
    (folder / "README.md").write_text("tentang folder ini", encoding="utf-8")
    before = fingerprint([str(folder)])
    assert list(before) == [str(folder / "a.txt")]
    (folder / "a.txt").write_text("satu lagi", encoding="utf-8")
    (folder / "c.txt").write_text("tiga", encoding="utf-8")
    assert difference(before, fingerprint([str(folder)])) == {
        "added": [str(folder / "c.txt")], "changed": [str(folder / "a.txt")], "removed": []}


def test_watch_once_builds_what_is_there_and_an_empty_folder_builds_nothing(tmp_path):
    watch, builder = _watch(tmp_path), Builder()
    assert run(watch, once=True, builder=builder) == 0 and builder.calls == 0
    (tmp_path / "in" / "a.txt").write_text("satu", encoding="utf-8")
    assert run(watch, once=True, builder=builder) == 1 and builder.calls == 1


def test_watch_builds_again_only_when_a_file_appears_and_has_settled(tmp_path):
    watch, stop = _watch(tmp_path, interval=0.02), threading.Event()
    (tmp_path / "in" / "a.txt").write_text("satu", encoding="utf-8")
    seen = []
    builder = Builder(stop, stop_after=2)
    thread = threading.Thread(target=run, args=(watch, stop), kwargs={"builder": builder,
                                                                       "on_build": lambda f, c: seen.append(f)})
    thread.start()
    try:
        while builder.calls < 1 and thread.is_alive():
            stop.wait(0.01)
        (tmp_path / "in" / "b.txt").write_text("dua", encoding="utf-8")
    finally:
        thread.join(timeout=30)
        stop.set()
    assert not thread.is_alive() and builder.calls == 2
    assert [f["added"] for f in seen] == [[str(tmp_path / "in" / "a.txt")], [str(tmp_path / "in" / "b.txt")]]


def test_watch_a_file_still_growing_waits_for_the_next_look(tmp_path, monkeypatch):
    watch = _watch(tmp_path)
    article = tmp_path / "in" / "a.txt"
    article.write_text("satu", encoding="utf-8")
    looks = iter([0, 1, 1])  # the file grows between the first two looks after the first build

    def growing(paths):
        size = next(looks, 1)
        return {str(article): (4 + size, 0)}

    builder, stop = Builder(), threading.Event()
    monkeypatch.setattr("kronologi.watch.fingerprint", growing)
    polls = []
    monkeypatch.setattr(stop, "wait", lambda timeout: polls.append(builder.calls) or len(polls) >= 3)
    run(watch, stop, builder=builder)
    assert polls == [1, 1, 2]  # built on the first look, not while it grew, then once it settled


def test_watch_refuses_outputs_inside_a_watched_folder(tmp_path):
    (tmp_path / "in").mkdir()
    with pytest.raises(WatchError, match="inside the watched folder"):
        Watch([str(tmp_path / "in")], tmp_path / "in" / "out")
    with pytest.raises(WatchError, match="inside the watched folder"):
        Watch([str(tmp_path / "in")], tmp_path / "out", db=tmp_path / "in" / "k.db")


def test_watch_ctrl_c_during_a_build_stops_cleanly_with_status_0(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def interrupted(watch):
        raise KeyboardInterrupt

    monkeypatch.setattr("kronologi.watch.build_once", interrupted)
    result = CliRunner().invoke(main, ["watch", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0 and "stopped" in result.output


def test_watch_command_once_builds_the_views_and_says_what_changed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "jembatan.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["watch", str(tmp_path / "in"), "-o", str(out), "--once"])
    assert result.exit_code == 0, result.output
    changes = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    assert changes["first_build"] and changes["counts"]["new_stories"] == 1
    assert "1 added" in result.output and "new stories: 1" in result.output
    assert os.path.exists(out / "kronologi.db") and (out / "report.html").exists()


def test_watch_sigterm_stops_it_with_status_0(tmp_path):
    (tmp_path / "in").mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "kronologi", "-v", "watch", str(tmp_path / "in"),
                             "-o", str(tmp_path / "out"), "--interval", "0.2"],
                            stderr=subprocess.PIPE, text=True)
    try:
        assert "watching" in proc.stderr.readline()  # the loop runs: the handler is in place
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        assert "stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()


def _watch_once(inputs, out, db: str) -> str:
    result = CliRunner().invoke(main, ["-v", "watch", str(inputs), "-o", str(out), "--db", db, "--once"])
    assert result.exit_code == 0, result.output
    return result.output


def test_watch_on_postgres_builds_a_new_file_into_the_server_store_with_its_changes(tmp_path):
    import psycopg

    server = postgres_server()
    url = server.create_database()
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "jembatan.txt").write_text(ARTICLE, encoding="utf-8")
    try:
        first = _watch_once(folder, out, url)
        (folder / "banjir.txt").write_text(LATER, encoding="utf-8")
        second = _watch_once(folder, out, url)
        with psycopg.connect(url) as con:
            docs = {r[0] for r in con.execute("SELECT id FROM docs")}
            (run,) = con.execute("SELECT run FROM chronicle").fetchone()
            logged = con.execute("SELECT kind, detail FROM changes WHERE run = %s", (run,)).fetchall()
            runs = con.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        server.drop_database(url)
    # each --once starts afresh (it lists both files); the store knows the first build: one story is new
    assert "built (1 added)" in first and "built (2 added)" in second and "new stories: 1" in second
    assert docs == {"jembatan", "banjir"} and runs == 2
    kinds = {kind for kind, _ in logged}
    assert "story.new" in kinds and "build.first" not in kinds  # the second build's log, not the first's
    assert any("Cibeureum" in detail for kind, detail in logged if kind == "story.new")
    changes = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    assert changes["run"] == run and not changes["first_build"] and changes["counts"]["new_stories"] == 1
    assert not (out / "kronologi.db").exists()  # the store is the server's, no file beside the views


def test_watch_on_an_unreachable_postgres_url_names_it_without_its_password(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "jembatan.txt").write_text(ARTICLE, encoding="utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens once the socket is closed
    output = _watch_once(tmp_path / "in", tmp_path / "out", f"postgresql://redaksi:rahasia-7@127.0.0.1:{port}/kronik")
    assert f"redaksi:***@127.0.0.1:{port}/kronik" in output and "build failed, will retry" in output
    assert "rahasia-7" not in output
