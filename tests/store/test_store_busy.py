"""A build that waits too long for another build's lock (issue 15), on SQLite and on a real PostgreSQL
server (``backend``, see store_backends.py): it stops with ``failed.store.busy`` — one line that names
the store, how long it waited and what to do, exit status 1, no driver error or traceback — and the
transaction that waited is rolled back whole, so the store and the views are as they were.

"Another build" is a connection of the database's own driver holding the lock a build holds while it
writes: SQLite's write lock (``BEGIN IMMEDIATE``), or on PostgreSQL the advisory lock of the chronicle's
replacement (``pg_advisory_xact_lock``, what ``Store.put_chronicle`` takes), so the build under test
gets through reading, processing and the corpus passes and stops at its last write."""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronologi.cli import main
from kronologi.document import Rejection
from kronologi.errors import StoreBusyError
from kronologi.store import Store, shown
from kronologi.store.dialect import LOCK_CHRONICLE

from conftest import write_articles
from store_backends import Backend, backend  # noqa: F401 - the fixture, per database
from store_corpus import ARTICLES


@contextmanager
def _another_build_holding(target: Backend):
    """Hold, from a connection of our own, the lock a build holds while it writes; release it at the end."""
    if target.name == "sqlite":
        con = sqlite3.connect(target.url, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        con = psycopg.connect(target.url, autocommit=True)
        con.execute("BEGIN")
        con.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_CHRONICLE,))
    try:
        yield
    finally:
        con.execute("ROLLBACK")
        con.close()


def _state(target: Backend) -> dict[str, list[tuple]]:
    """Every row of every table, ``runs`` included (compared apart: a build that started leaves its run)."""
    return {table: sorted((tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                           for row in target.rows(f"SELECT * FROM {table}")), key=repr)
            for table in sorted(target.tables())}


def _views(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "kronologi.db"}


def test_store_build_past_its_lock_timeout_stops_with_a_message_and_leaves_store_and_views_as_they_were(
        tmp_path, backend):
    folder = write_articles(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    args = ["build", str(folder), "-o", str(out), "--db", backend.url, "-q"]
    assert CliRunner().invoke(main, args).exit_code == 0
    before, views = _state(backend), _views(out)
    with _another_build_holding(backend):
        started = time.monotonic()
        result = CliRunner().invoke(main, [*args, "--lock-timeout", "1"])
        elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # reported, not raised
    message = result.output.strip()
    assert len(message.splitlines()) == 1
    assert "Traceback" not in message and "psycopg" not in message and "OperationalError" not in message
    assert message.startswith(f"Error: {shown(backend.url)} is busy: another build holds its lock")
    waited = float(re.search(r"after waiting ([\d.]+) s for it \(--lock-timeout 1\.0\)", message).group(1))
    assert 0.8 <= waited <= elapsed
    assert "rolled back" in message and "run this one again" in message and "--lock-timeout SECONDS" in message
    after = _state(backend)
    runs_before, runs_after = before.pop("runs"), after.pop("runs")
    assert after == before and sum(map(len, after.values())) > 0
    started_runs = [run for run in runs_after if run not in runs_before]  # PostgreSQL: stopped at its last write
    assert len(started_runs) <= 1 and all(None in run for run in started_runs)  # never marked finished
    assert _views(out) == views
    # the other build done, the same command finishes
    assert CliRunner().invoke(main, [*args, "--lock-timeout", "1"]).exit_code == 0


def test_store_transaction_past_its_lock_timeout_is_rolled_back_whole_and_the_store_goes_on(backend):
    store = Store(backend.url, lock_timeout=0.5)
    try:
        with _another_build_holding(backend), pytest.raises(StoreBusyError) as caught:
            with store.transaction() as db:  # SQLite waits here, for the write lock
                db.execute("INSERT INTO rejected VALUES (?, ?)", ("half.txt", "failed.ingest.empty: test"))
                store.dialect.lock(db, LOCK_CHRONICLE)  # PostgreSQL waits here, a row already written
        busy = caught.value
        assert busy.code == "failed.store.busy" and busy.store == shown(backend.url) and busy.limit_s == 0.5
        assert 0.3 <= busy.waited_s < 30 and "Traceback" not in str(busy)
        assert backend.rows("SELECT source_path FROM rejected") == []  # nothing of it kept
        store.put_batch([], [Rejection("after.txt", "failed.ingest.empty: test")], "p")  # the same connection
        assert backend.rows("SELECT source_path FROM rejected") == [("after.txt",)]
    finally:
        store.close()
