"""The chronicle as normalised tables in the store (issue 13): what a build writes, how it
joins, what full-text search finds, and that a rewrite is all or nothing — on SQLite and on
PostgreSQL (``built_backend``, see store_backends.py); FTS5 and foreign-key pragmas on SQLite."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

import kronologi
import kronologi.store.chronicle as store_chronicle
from kronologi.store import Store, migrations

from store_backends import backend, built_backend  # noqa: F401 - fixtures, per database
from store_corpus import built_store  # noqa: F401 - the session fixture and its corpus

LISTS = {"docs": "documents", "stories": "stories", "entities": "entities", "events": "events",
         "figures": "figures", "quotes": "quotes", "ledger_lines": "ledger"}


def _connect(path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    return db


def _count(db: sqlite3.Connection, table: str) -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_chronicle_tables_count_what_the_chronicle_lists(built_backend):
    target, built = built_backend
    chron = built.chronicle
    db = target.connect()
    try:
        for table, name in LISTS.items():
            assert _count(db, table) == len(getattr(chron, name)) > 0, table
        assert _count(db, "sentences") == sum(len(d.sentences) for d in chron.documents)
        assert _count(db, "mentions") == sum(len(e["mentions"]) for e in chron.entities)
        assert _count(db, "event_sources") == sum(len(ev["sources"]) for ev in chron.events)
        assert _count(db, "event_evidence") == sum(len(ev.get("evidence") or ()) for ev in chron.events)
        assert _count(db, "ledger_members") == sum(len(ln["figures"]) for ln in chron.ledger)
    finally:
        db.close()


def test_chronicle_tables_event_sources_join_to_documents(built_backend):
    target, built = built_backend
    rows = target.rows(
        'SELECT s.event, s.start, s."end", d.id, d.text, b.key AS blob FROM event_sources s '
        "LEFT JOIN docs d ON d.id = s.doc LEFT JOIN documents b ON b.key = d.key")
    assert rows and all(doc is not None and blob is not None for *_, doc, _, blob in rows)
    by_event = {ev["id"]: ev for ev in built.chronicle.events}
    assert {r[0] for r in rows} == set(by_event)
    assert all(0 <= start < end <= len(text) for _, start, end, _, text, _ in rows)


def test_chronicle_tables_sentences_hold_their_text(built_backend):
    target, built = built_backend
    doc = built.chronicle.documents[0]
    got = target.rows('SELECT start, "end", text FROM sentences WHERE doc = ? ORDER BY idx', (doc.id,))
    assert got == [(s.start, s.end, doc.text[s.start : s.end]) for s in doc.sentences]


def test_chronicle_tables_declared_foreign_keys_hold(built_store):
    with _connect(built_store.db) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT COUNT(*) FROM pragma_foreign_key_list('event_sources')").fetchone()[0] == 2


@pytest.mark.parametrize("table,columns", [("figures", store_chronicle.FIGURE_COLUMNS),
                                           ("quotes", store_chronicle.QUOTE_COLUMNS)])
def test_chronicle_tables_keep_every_field_of_a_record(built_backend, table, columns):
    """Columns plus the JSON of ``extra`` give back the record the chronicle holds."""
    target, built = built_backend
    names = ", ".join(f'"{c}"' for c in (*columns, "extra"))
    rows = [dict(zip((*columns, "extra"), r)) for r in target.rows(f"SELECT {names} FROM {table}")]
    stored = {r["id"]: {**{c: r[c] for c in columns}, **json.loads(r["extra"] or "{}")} for r in rows}
    records = getattr(built.chronicle, table)
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


def test_chronicle_tables_store_search_finds_the_same_on_both_databases(built_backend):
    """``Store.search``: FTS5 on SQLite, ``to_tsvector('simple', ...)`` over a GIN index on PostgreSQL."""
    target, built = built_backend
    chron = built.chronicle
    store = Store(target.url)
    try:
        events = store.search("events", "pengungsian")
        quotes = store.search("quotes", "KELAPA")  # case does not matter
        docs = store.search("documents", "shelters school")  # every word
        assert store.search("documents", "shelters zzzqqq") == [] and store.search("events", "  ") == []
        assert store.search("documents", 'rumah" OR -') == []  # query syntax is taken as words, never an error
    finally:
        store.close()
    assert set(events) == {ev["id"] for ev in chron.events if "pengungsian" in ev["summary"].lower()} != set()
    assert quotes == [q["id"] for q in chron.quotes if "kelapa" in q["text"]] != []
    assert docs == ["flood-karangsari-en"]


def test_chronicle_tables_rebuild_replaces_rather_than_duplicates(built_backend, tmp_path):
    target, built = built_backend
    copy = target.copy(tmp_path)
    db = copy.connect()
    before = {t: _count(db, t) for t in (*LISTS, "sentences", "mentions", "event_sources", "ledger_members")}
    first_run = db.execute("SELECT run FROM chronicle").fetchone()[0]
    db.close()
    kronologi.build([str(built.folder)], db=copy.url)
    db = copy.connect()
    after = {t: _count(db, t) for t in before}
    run = db.execute("SELECT run FROM chronicle").fetchone()[0]
    db.close()
    store = Store(copy.url)
    hits = store.search("quotes", "kelapa")
    store.close()
    assert after == before and run == first_run + 1 and len(hits) == 1


def test_put_chronicle_that_fails_midway_leaves_the_previous_chronicle(built_backend, tmp_path, monkeypatch):
    target, built = built_backend
    copy = target.copy(tmp_path)
    smaller = dataclasses.replace(built.chronicle, events=built.chronicle.events[:1], figures=[],
                                  quotes=[], ledger=[])

    def crash(db, lines, *rest):
        assert _count(db, "events") == 1  # the new rows are in, inside the transaction
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store_chronicle, "_put_ledger", crash)
    store = Store(copy.url)
    with pytest.raises(RuntimeError, match="disk gone"):
        store.put_chronicle(smaller, run=99)
    assert store.search("quotes", "kelapa") != []
    store.close()
    db = copy.connect()
    try:
        assert _count(db, "events") == len(built.chronicle.events)
        assert _count(db, "quotes") == len(built.chronicle.quotes)
        assert db.execute("SELECT run FROM chronicle").fetchone()[0] != 99
    finally:
        db.close()


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


def test_put_chronicle_keeps_the_changes_log_and_records_its_run(backend):
    store = Store(backend.url)
    run = store.start_run(["in"], "p")
    store.db.execute("INSERT INTO changes (run, kind, item_type, item) VALUES (?, 'event.new', 'events', 'V1')",
                     (run,))
    store.put_chronicle(kronologi.Chronicle(documents=[]), run)
    store.put_chronicle(kronologi.Chronicle(documents=[]), run)
    assert _count(store.db, "changes") == 1
    assert store.db.execute("SELECT run, schema FROM chronicle").fetchall() == [(run, "kronologi.chronicle/1")]
    assert _count(store.db, "events") == 0
    store.close()
