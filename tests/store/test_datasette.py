"""datasette opens a built store with no extra step: tables list rows, the JSON API answers,
and full-text search works on the tables that have an FTS5 index."""

from __future__ import annotations

import asyncio

from datasette.app import Datasette

from store_corpus import built_store  # noqa: F401 - the session fixture and its corpus


def _get(ds: Datasette, path: str):
    return asyncio.run(ds.client.get(path))


def test_datasette_lists_the_events_and_figures_of_a_built_store(built_store):
    ds = Datasette([str(built_store.db)])
    name = built_store.db.stem
    for table, records in (("events", built_store.chronicle.events), ("figures", built_store.chronicle.figures)):
        page = _get(ds, f"/{name}/{table}")
        assert page.status_code == 200 and records[0]["id"] in page.text
        data = _get(ds, f"/{name}/{table}.json?_shape=objects&_size=max").json()
        assert sorted(r["id"] for r in data["rows"]) == sorted(r["id"] for r in records)


def test_datasette_searches_event_summaries_through_fts5(built_store):
    ds = Datasette([str(built_store.db)])
    name = built_store.db.stem
    data = _get(ds, f"/{name}/events.json?_shape=objects&_search=pengungsian").json()
    expected = {ev["id"] for ev in built_store.chronicle.events if "pengungsian" in ev["summary"].lower()}
    assert expected and {r["id"] for r in data["rows"]} == expected
