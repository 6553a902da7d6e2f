"""Migrations 0004 and 0005 (the serve indexes) on SQLite and PostgreSQL: a store built before them gets the
index of the stories filters (documents by story, outlet, language) and the stories list's order when a later
Kronologi opens it, its chronicle untouched; on SQLite the outlet and language filters then read that index alone
(covering), never a ``docs`` row, and a page of the whole list is read in the index's order, never sorted."""

from __future__ import annotations

import sqlite3

import pytest

from kronologi.serve.filters import StoryFilter, where_clause
from kronologi.serve.params import Page
from kronologi.serve.stories import LATEST_PAGE, list_stories
from kronologi.serve.store import connect
from kronologi.store import Store

from store_backends import Backend, built_backend  # noqa: F401 - the fixture, per database

INDEX, LATEST = "docs_story_outlet_language", "stories_latest"


def _index_columns(backend: Backend, name: str) -> list[str]:
    if backend.server is None:
        return [r[2] or "<expr>" for r in backend.rows(f"PRAGMA index_xinfo({name})") if r[5]]  # key columns
    definition = backend.scalar("SELECT indexdef FROM pg_indexes WHERE indexname = ?", (name,))
    return [c.strip() for c in definition.split(" USING btree (", 1)[1][:-1].split(",")]


def _before_0004(backend: Backend) -> None:
    """Make the store look as a build before migrations 4 and 5 left it."""
    for name in (INDEX, LATEST):
        backend.write(f"DROP INDEX {name}")
    backend.write("DELETE FROM schema_migrations WHERE version IN (4, 5)")


def test_serve_indexes_migration_adds_the_filters_index_to_an_older_store(built_backend, tmp_path):
    built, _ = built_backend
    store = built.copy(tmp_path)
    _before_0004(store)
    docs = store.rows("SELECT id, story, outlet, language FROM docs ORDER BY id")
    assert not store.rows("SELECT 1 FROM schema_migrations WHERE version = 4")
    opened = Store(store.url)  # what `kronologi build` does first: migrate
    try:
        assert opened.schema_version() >= 5
    finally:
        opened.close()
    assert _index_columns(store, INDEX) == ["story", "outlet", "language"]
    latest = _index_columns(store, LATEST)
    assert latest[-1].replace(" ", "") in ("startDESC", "start") and len(latest) == 2, latest
    assert store.rows("SELECT id, story, outlet, language FROM docs ORDER BY id") == docs and docs


SQLITE_ONLY = pytest.mark.parametrize("built_backend", ["sqlite"], indirect=True)  # serve reads SQLite; its plans


@SQLITE_ONLY
def test_serve_indexes_outlet_and_language_filters_read_only_the_index(built_backend):
    built, corpus = built_backend
    doc = next(d for d in corpus.chronicle.documents if d.outlet and d.language)
    for flt in (StoryFilter(outlet=doc.outlet.upper()), StoryFilter(lang=doc.language),
                StoryFilter(outlet=doc.outlet, lang=doc.language)):
        where, args = where_clause(flt)
        with sqlite3.connect(built.url) as con:
            plan = [r[3] for r in con.execute(f"EXPLAIN QUERY PLAN SELECT s.id FROM stories s {where}", args)]
            found = [r[0] for r in con.execute(f"SELECT s.id FROM stories s {where}", args)]
        assert [step for step in plan if " d " in f" {step} "] and all(
            f"USING COVERING INDEX {INDEX}" in step for step in plan if " d " in f" {step} "), plan
        assert doc.story in found


@SQLITE_ONLY
def test_serve_indexes_whole_list_is_read_in_index_order_never_sorted(built_backend, tmp_path):
    built, _ = built_backend
    store = built.copy(tmp_path)  # more stories beside the built one: dated, tied, partial, undated
    for i, start in enumerate(["2024-05-06", None, "2023", "2024-05-06", "2024-06-01T10:00", None, "2024-05"]):
        store.write('INSERT INTO stories (id, title, start, "end") VALUES (?, ?, ?, ?)', (f"X{i}", f"t{i}", start, start))
    with sqlite3.connect(store.url) as con:
        plan = [r[3] for r in con.execute(f"EXPLAIN QUERY PLAN {LATEST_PAGE}", (20, 0))]
        stored = con.execute("SELECT id, start FROM stories ORDER BY rowid").fetchall()
    assert any(LATEST in step for step in plan) and not any("TEMP B-TREE" in step for step in plan), plan
    expected = sorted(stored, key=lambda r: r[1] or "", reverse=True)  # stable: ties keep rowid order
    expected = [i for i, start in expected if start] + [i for i, start in stored if not start]
    db = connect(store.url)
    try:
        pages = [list_stories(db, StoryFilter(), Page(n, 3))["stories"] for n in range(1, len(stored) // 3 + 2)]
    finally:
        db.close()
    assert [s["id"] for p in pages for s in p["items"]] == expected
    assert {p["total"] for p in pages} == {len(stored)} and len(stored) == 8
