"""The chronicle as normalised tables in the store (issue 13): what a build writes, how it
joins, what full-text search finds, and that a rewrite is all or nothing."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

import pytest

import kronologi
import kronologi.store.chronicle as store_chronicle
from kronologi.store import Store, migrations

from store_corpus import built_store  # noqa: F401 - the session fixture and its corpus

LISTS = {"docs": "documents", "stories": "stories", "entities": "entities", "events": "events",
         "figures": "figures", "quotes": "quotes", "ledger_lines": "ledger"}


def _connect(path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    return db


def _count(db: sqlite3.Connection, table: str) -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _copy(built, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copy(built.db, path)
    return path


def test_chronicle_tables_count_what_the_chronicle_lists(built_store):
    chron = built_store.chronicle
    with _connect(built_store.db) as db:
        for table, name in LISTS.items():
            assert _count(db, table) == len(getattr(chron, name)) > 0, table
        assert _count(db, "sentences") == sum(len(d.sentences) for d in chron.documents)
        assert _count(db, "mentions") == sum(len(e["mentions"]) for e in chron.entities)
        assert _count(db, "event_sources") == sum(len(ev["sources"]) for ev in chron.events)
        assert _count(db, "event_evidence") == sum(len(ev.get("evidence") or ()) for ev in chron.events)
        assert _count(db, "ledger_members") == sum(len(ln["figures"]) for ln in chron.ledger)


def test_chronicle_tables_event_sources_join_to_documents(built_store):
    with _connect(built_store.db) as db:
        rows = db.execute(
            "SELECT s.event, s.start, s.end, d.id, d.text, b.key AS blob FROM event_sources s "
            "LEFT JOIN docs d ON d.id = s.doc LEFT JOIN documents b ON b.key = d.key").fetchall()
    assert rows and all(r["id"] is not None and r["blob"] is not None for r in rows)
    by_event = {ev["id"]: ev for ev in built_store.chronicle.events}
    assert {r["event"] for r in rows} == set(by_event)
    assert all(0 <= r["start"] < r["end"] <= len(r["text"]) for r in rows)


def test_chronicle_tables_sentences_hold_their_text(built_store):
    doc = built_store.chronicle.documents[0]
    with _connect(built_store.db) as db:
        rows = db.execute("SELECT idx, start, end, text FROM sentences WHERE doc = ? ORDER BY idx", (doc.id,))
        got = [(r["start"], r["end"], r["text"]) for r in rows]
    assert got == [(s.start, s.end, doc.text[s.start : s.end]) for s in doc.sentences]


def test_chronicle_tables_declared_foreign_keys_hold(built_store):
    with _connect(built_store.db) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT COUNT(*) FROM pragma_foreign_key_list('event_sources')").fetchone()[0] == 2


@pytest.mark.parametrize("table,columns", [("figures", store_chronicle.FIGURE_COLUMNS),
                                           ("quotes", store_chronicle.QUOTE_COLUMNS)])
def test_chronicle_tables_keep_every_field_of_a_record(built_store, table, columns):
    """Columns plus the JSON of ``extra`` give back the record the chronicle holds."""
    with _connect(built_store.db) as db:
        rows = db.execute(f"SELECT * FROM {table}").fetchall()
    stored = {r["id"]: {**{c: r[c] for c in columns}, **json.loads(r["extra"] or "{}")} for r in rows}
    records = getattr(built_store.chronicle, table)
    assert stored == {rec["id"]: {c: None for c in columns} | rec for rec in records}


def test_chronicle_tables_search_finds_event_summaries_quotes_and_text(built_store):
    with _connect(built_store.db) as db:
        events = db.execute("SELECT e.id FROM events_fts JOIN events e ON e.rowid = events_fts.rowid "
                            "WHERE events_fts MATCH 'pengungsian'").fetchall()
        quotes = db.execute("SELECT q.id FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid "
                            "WHERE quotes_fts MATCH 'kelapa'").fetchall()
        docs = db.execute("SELECT d.id FROM docs_fts JOIN docs d ON d.rowid = docs_fts.rowid "
                          "WHERE docs_fts MATCH 'shelters'").fetchall()
    chron = built_store.chronicle
    assert {r[0] for r in events} == {ev["id"] for ev in chron.events if "pengungsian" in ev["summary"].lower()}
    assert [r[0] for r in quotes] == [q["id"] for q in chron.quotes if "kelapa" in q["text"]] != []
    assert [r[0] for r in docs] == ["flood-karangsari-en"]
    assert events


def test_chronicle_tables_rebuild_replaces_rather_than_duplicates(built_store, tmp_path):
    path = _copy(built_store, tmp_path)
    with _connect(path) as db:
        before = {t: _count(db, t) for t in (*LISTS, "sentences", "mentions", "event_sources", "ledger_members")}
        first_run = db.execute("SELECT run FROM chronicle").fetchone()[0]
    kronologi.build([str(built_store.folder)], db=path)
    with _connect(path) as db:
        after = {t: _count(db, t) for t in before}
        run = db.execute("SELECT run FROM chronicle").fetchone()[0]
        hits = db.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'kelapa'").fetchone()[0]
    assert after == before and run == first_run + 1 and hits == 1


def test_put_chronicle_that_fails_midway_leaves_the_previous_chronicle(built_store, tmp_path, monkeypatch):
    path = _copy(built_store, tmp_path)
    smaller = dataclasses.replace(built_store.chronicle, events=built_store.chronicle.events[:1], figures=[],
                                  quotes=[], ledger=[])

    def crash(db, lines):
        assert _count(db, "events") == 1  # the new rows are in, inside the transaction
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store_chronicle, "_put_ledger", crash)
    store = Store(path)
    with pytest.raises(RuntimeError, match="disk gone"):
        store.put_chronicle(smaller, run=99)
    store.close()
    with _connect(path) as db:
        assert _count(db, "events") == len(built_store.chronicle.events)
        assert _count(db, "quotes") == len(built_store.chronicle.quotes)
        assert db.execute("SELECT run FROM chronicle").fetchone()[0] != 99
        assert db.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'kelapa'").fetchone()[0] == 1


def test_store_of_the_first_schema_migrates_and_keeps_its_documents(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    version, name, sql = migrations()[0]
    db.executescript(sql)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
               "applied_at TEXT NOT NULL)")
    db.execute("INSERT INTO schema_migrations VALUES (?, ?, '2024-01-01')", (version, name))
    db.execute("INSERT INTO documents VALUES ('k1', 'a1', 'a1.txt', 'p', 'Judul', NULL, NULL, 'id', '{}')")
    db.commit()
    db.close()
    store = Store(path)
    assert store.schema_version() == migrations()[-1][0] >= 2
    assert store.count("documents") == 1
    assert _count(store.db, "events") == 0
    store.close()


def test_put_chronicle_keeps_the_changes_log_and_records_its_run(tmp_path):
    store = Store(tmp_path / "k.db")
    run = store.start_run(["in"], "p")
    store.db.execute("INSERT INTO changes (run, kind, item_type, item) VALUES (?, 'event.new', 'events', 'V1')",
                     (run,))
    store.put_chronicle(kronologi.Chronicle(documents=[]), run)
    store.put_chronicle(kronologi.Chronicle(documents=[]), run)
    assert _count(store.db, "changes") == 1
    assert store.db.execute("SELECT run, schema FROM chronicle").fetchall() == [(run, "kronologi.chronicle/1")]
    assert _count(store.db, "events") == 0
    store.close()
