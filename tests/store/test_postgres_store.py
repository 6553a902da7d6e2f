"""The store on a real PostgreSQL server (issue 15): two builds at once stay consistent, a build gives
the same chronicle tables as on SQLite, the command line takes a server URL, and a database of
another program or a server that does not answer is refused with a message that says what to do."""

from __future__ import annotations

import json
import multiprocessing

import pytest
from click.testing import CliRunner

import kronologi
from kronologi.cli import main
from kronologi.errors import StoreError
from kronologi.store import Store
from kronologi.store.chronicle import TABLES

from conftest import write_articles
from pg_server import postgres_server
from store_backends import Backend, new_backend
from store_corpus import ARTICLES

# Columns that differ by nature between two builds (clock times) or by database (mentions.id is
# SQLite's rowid, PostgreSQL's identity, which goes on counting after a rebuild).
_SKIP = {"chronicle": {"generated_at", "written_at"}, "mentions": {"id"}, "runs": {"started_at", "finished_at"}}
# JSON columns that carry a clock time inside: the build's ``generated_at`` (to the second, so two
# builds a moment apart may differ) is left out of them before comparing.
_CLOCKED_JSON = {"chronicle": "changes"}


def _build_in_child(folder, url, barrier, results):
    barrier.wait()  # both builds start at the same moment
    try:
        chronicle = kronologi.build([str(folder)], db=url)
        results.put(len(chronicle.documents))
    except Exception as exc:  # reported to the parent, which asserts on it
        results.put(f"{type(exc).__name__}: {exc}")


def _rows(target: Backend, table: str, columns: list[str]) -> list[tuple]:
    names = ", ".join(f'"{c}"' for c in columns)
    rows = target.rows(f"SELECT {names} FROM {table}")
    clocked = columns.index(_CLOCKED_JSON[table]) if _CLOCKED_JSON.get(table) in columns else None
    if clocked is not None:
        rows = [(*r[:clocked], _without_clock(r[clocked]), *r[clocked + 1:]) for r in rows]
    return sorted(rows, key=repr)


def _without_clock(text: str | None) -> str | None:
    if text is None:
        return None
    data = json.loads(text)
    data.pop("generated_at", None)
    return json.dumps(data, sort_keys=True)


def _columns(target: Backend, table: str) -> list[str]:
    """The table's columns (read from SQLite's schema), less those that differ by nature."""
    con = target.connect() if target.name == "sqlite" else None
    assert con is not None, "read the columns from the SQLite store"
    names = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
    con.close()
    return [n for n in names if n not in _SKIP.get(table, ())]


def _counts(target: Backend) -> dict[str, int]:
    return {t: target.scalar(f"SELECT COUNT(*) FROM {t}") for t in (*TABLES, "documents", "decisions", "rejected")}


def test_postgres_two_builds_at_once_leave_one_consistent_store(tmp_path):
    folder = write_articles(tmp_path / "in", ARTICLES)
    single = new_backend("postgresql", tmp_path)
    kronologi.build([str(folder)], db=single.url)
    shared = new_backend("postgresql", tmp_path)
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_build_in_child, args=(folder, shared.url, barrier, results)) for _ in range(2)]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=300) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    assert outcomes == [3, 3]
    runs = shared.rows("SELECT id, finished_at IS NOT NULL, documents FROM runs ORDER BY id")
    assert [(done, docs) for _, done, docs in runs] == [(True, 3), (True, 3)]
    assert shared.rows("SELECT id FROM chronicle") == [(1,)]
    assert shared.scalar("SELECT run FROM chronicle") in {r[0] for r in runs}
    assert _counts(shared) == _counts(single) and _counts(single)["events"] > 0
    assert shared.scalar("SELECT COUNT(*) FROM schema_migrations") == single.scalar(
        "SELECT COUNT(*) FROM schema_migrations")
    # what the second build logged compares with the first build's chronicle: nothing new
    assert shared.scalar("SELECT COUNT(DISTINCT run) FROM changes") == 1


def test_postgres_build_gives_the_same_chronicle_tables_as_sqlite(tmp_path):
    folder = write_articles(tmp_path / "in", ARTICLES)
    lite, pg = new_backend("sqlite", tmp_path), new_backend("postgresql", tmp_path)
    for target in (lite, pg):
        kronologi.build([str(folder)], db=target.url)
    for table in (*TABLES, "documents", "decisions", "rejected", "runs", "changes", "schema_migrations"):
        columns = _columns(lite, table)
        if table == "schema_migrations":
            columns = ["version", "name"]
        expected = _rows(lite, table, columns)
        assert _rows(pg, table, columns) == expected, table
        assert expected or table in ("rejected", "chronicle", "chronicle_rejected") or table.startswith("event_evidence"), table


def test_postgres_rebuild_with_nothing_new_keeps_the_tables_as_sqlite_does(tmp_path):
    folder = write_articles(tmp_path / "in", ARTICLES)
    lite, pg = new_backend("sqlite", tmp_path), new_backend("postgresql", tmp_path)
    for target in (lite, pg):
        kronologi.build([str(folder)], db=target.url)
        again = kronologi.build([str(folder)], db=target.url)
        assert not any(again.changes["counts"].values()) and again.changes["run"] == 2
        assert target.scalar("SELECT run FROM chronicle") == 2
    for table in (*TABLES, "changes"):
        columns = _columns(lite, table)
        assert _rows(pg, table, columns) == _rows(lite, table, columns), table


def test_postgres_build_from_the_command_line(tmp_path):
    folder = write_articles(tmp_path / "in", ARTICLES)
    target = new_backend("postgresql", tmp_path)
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "out"), "--db", target.url, "-q"])
    assert result.exit_code == 0, result.output
    chronicle = json.loads((tmp_path / "out" / "chronicle.json").read_text(encoding="utf-8"))
    assert len(chronicle["documents"]) == target.scalar("SELECT COUNT(*) FROM docs") == 3
    assert not (tmp_path / "out" / "kronologi.db").exists()  # the store is the server's, no file beside


def test_postgres_database_of_another_program_is_refused_untouched(tmp_path):
    target = new_backend("postgresql", tmp_path)
    target.write("CREATE TABLE notes (id SERIAL PRIMARY KEY, body TEXT)")
    target.write("INSERT INTO notes (body) VALUES ('beli susu')")
    with pytest.raises(StoreError, match="PostgreSQL database of another program") as caught:
        Store(target.url)
    assert caught.value.code == "failed.store.foreign"
    assert target.tables() == {"notes"} and target.rows("SELECT body FROM notes") == [("beli susu",)]


def test_postgres_server_that_does_not_answer_is_refused_without_the_password(tmp_path):
    server = postgres_server()  # a free port on the same loopback: nothing listens there once closed
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert port != server.port
    with pytest.raises(StoreError) as caught:
        Store(f"postgresql://kronologi:rahasia-sekali@127.0.0.1:{port}/kronologi")
    assert caught.value.code == "failed.store.open"
    assert "rahasia-sekali" not in str(caught.value) and "***" in str(caught.value)
    assert "server runs" in str(caught.value)
