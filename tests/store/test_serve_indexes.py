"""Migration 0004 (the serve indexes) on SQLite and PostgreSQL: a store built before it gets the index of the
stories filters (documents by story, outlet, language) when a later Kronologi opens it, its chronicle untouched;
on SQLite the outlet and language filters then read that index alone (covering), never a ``docs`` row."""

from __future__ import annotations

import sqlite3

import pytest

from kronologi.serve.filters import StoryFilter, where_clause
from kronologi.store import Store

from store_backends import Backend, built_backend  # noqa: F401 - the fixture, per database

INDEX = "docs_story_outlet_language"


def _index_columns(backend: Backend) -> list[str]:
    if backend.server is None:
        return [r[2] for r in backend.rows(f"PRAGMA index_info({INDEX})")]
    definition = backend.scalar("SELECT indexdef FROM pg_indexes WHERE indexname = ?", (INDEX,))
    return [c.strip() for c in definition.split("(", 1)[1].rstrip(")").split(",")]


def _before_0004(backend: Backend) -> None:
    """Make the store look as a build before migration 4 left it."""
    backend.write(f"DROP INDEX {INDEX}")
    backend.write("DELETE FROM schema_migrations WHERE version = 4")


def test_serve_indexes_migration_adds_the_filters_index_to_an_older_store(built_backend, tmp_path):
    built, _ = built_backend
    store = built.copy(tmp_path)
    _before_0004(store)
    docs = store.rows("SELECT id, story, outlet, language FROM docs ORDER BY id")
    assert not store.rows("SELECT 1 FROM schema_migrations WHERE version = 4")
    opened = Store(store.url)  # what `kronologi build` does first: migrate
    try:
        assert opened.schema_version() >= 4
    finally:
        opened.close()
    assert _index_columns(store) == ["story", "outlet", "language"]
    assert store.rows("SELECT id, story, outlet, language FROM docs ORDER BY id") == docs and docs


def test_serve_indexes_outlet_and_language_filters_read_only_the_index(built_backend):
    built, corpus = built_backend
    if built.server is not None:
        pytest.skip("kronologi serve reads SQLite stores; the query plan checked here is SQLite's")
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
