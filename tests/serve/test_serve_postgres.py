"""``kronologi serve --db postgresql://...`` (issue 15): the invented serve corpus built into a throwaway PostgreSQL
server and into SQLite gives the same JSON twins for the stories list, a story, an event, a document and an entity;
every document page's highlight spans and every story page's sections (quotes by speaker, entities, coverage per
outlet, the latest build's changes) are the same on both; a search finds the same hits with the same counts (its
order within equal ranks and its snippets come from PostgreSQL's ts_rank and ts_headline, not FTS5's bm25 and
snippet); the connection refuses writes. Under CI=true a missing PostgreSQL fails (``pg_server``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kronologi
from kronologi.cli import main
from kronologi.serve.store import check, reading

from conftest import write_articles
from serve_corpus import ARTICLES, client_for, write_corpus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from pg_server import postgres_server  # noqa: E402 - the store tests' throwaway server, a helper beside them

# Differ by nature between two builds: run numbers count per store, times are clock times.
PLURAL = {"story": "stories", "event": "events", "document": "documents", "entity": "entities"}
_VOLATILE = {"run", "generated_at", "written_at"}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The serve corpus built into SQLite and into a new database on the throwaway PostgreSQL server, in two builds
    (the English article comes second), so the story's changes are the second run's log, not all of it."""
    server = postgres_server()
    url = server.create_database()
    folder = tmp_path_factory.mktemp("serve-pg") / "in"
    sqlite_db = folder.parent / "kronologi.db"
    write_articles(folder, {n: t for n, t in ARTICLES.items() if not n.endswith("-en.txt")})
    for step in range(2):
        if step:
            write_corpus(folder)
        kronologi.build([str(folder)], db=sqlite_db)
        kronologi.build([str(folder)], db=url)
    yield sqlite_db, url
    server.drop_database(url)


def _same(value):
    """``value`` without what differs by nature between two builds."""
    if isinstance(value, dict):
        return {k: _same(v) for k, v in value.items() if k not in _VOLATILE}
    if isinstance(value, list):
        return [_same(v) for v in value]
    return value


def _json(target, path: str):
    response = client_for(target).get(path)
    assert response.status_code == 200, (path, response.text)
    return response.json()


def _ids(both):
    sqlite_db, _ = both
    with reading(sqlite_db) as db:
        pick = {"story": "SELECT id FROM stories ORDER BY id LIMIT 1",
                "event": "SELECT e.id FROM events e JOIN event_actors a ON a.event = e.id ORDER BY e.id LIMIT 1",
                "document": "SELECT id FROM docs ORDER BY id LIMIT 1",
                "entity": "SELECT entity FROM event_actors ORDER BY entity LIMIT 1"}
        return {k: db.execute(sql).fetchone()[0] for k, sql in pick.items()}


@pytest.mark.parametrize("page", ["stories", "story", "event", "document", "entity"])
def test_postgres_store_serves_the_same_json_twins_as_sqlite(both, page):
    sqlite_db, url = both
    path = "/stories.json" if page == "stories" else f"/{PLURAL[page]}/{_ids(both)[page]}.json"
    on_sqlite, on_postgres = _json(sqlite_db, path), _json(url, path)
    assert on_sqlite  # something to compare: the corpus holds the record
    assert _same(on_postgres) == _same(on_sqlite)


def test_postgres_story_page_lists_its_timeline_and_quotes(both):
    _, url = both
    story = _json(url, f"/stories/{_ids(both)['story']}.json")
    assert story["timeline"]["items"] and story["documents"] and story["quotes"]["total"] > 0


@pytest.mark.parametrize("q", ["Giriwangi", "longsor", "Wiratmo"])
def test_postgres_search_finds_the_same_hits_with_the_same_counts(both, q):
    sqlite_db, url = both
    on_sqlite, on_postgres = _json(sqlite_db, f"/search.json?q={q}"), _json(url, f"/search.json?q={q}")
    assert on_postgres["counts"] == on_sqlite["counts"] and sum(on_sqlite["counts"].values()) > 0

    def hits(answer):
        return sorted((r["kind"], r["id"], r["title"], r["doc"], r["sentence"]) for r in answer["results"]["items"])

    assert hits(on_postgres) == hits(on_sqlite)
    marked = [{p["text"].lower() for p in r["snippet"] if p["hit"]} for r in on_postgres["results"]["items"]]
    assert all(m <= {q.lower()} for m in marked) and any(marked)  # the snippets mark the word looked for, only it


def test_postgres_serve_connection_refuses_writes(both):
    _, url = both
    import psycopg

    with reading(url) as db:
        before = db.execute("SELECT count(*) FROM stories").fetchone()[0]
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            db.execute("DELETE FROM stories")
    with reading(url) as db:
        assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == before > 0


def test_postgres_serve_checks_the_store_and_refuses_an_empty_database(both):
    _, url = both
    check(url)  # the built store passes
    server = postgres_server()
    empty = server.create_database()
    try:
        result = CliRunner().invoke(main, ["serve", "--db", empty, "--port", "1"])
        assert result.exit_code != 0 and "holds no Kronologi chronicle" in result.output
    finally:
        server.drop_database(empty)


def _all(both, sql: str) -> list[str]:
    sqlite_db, _ = both
    with reading(sqlite_db) as db:
        return [r[0] for r in db.execute(sql)]


def test_postgres_document_pages_carry_the_same_highlight_spans_as_sqlite(both):
    sqlite_db, url = both
    kinds = set()
    for doc_id in _all(both, "SELECT id FROM docs ORDER BY id"):
        on_sqlite, on_postgres = _json(sqlite_db, f"/documents/{doc_id}.json"), _json(url, f"/documents/{doc_id}.json")
        assert on_postgres["spans"] == on_sqlite["spans"], doc_id
        assert _same(on_postgres) == _same(on_sqlite), doc_id
        kinds |= {s["kind"] for s in on_sqlite["spans"]}
    assert kinds == {"figure", "quote", "event", "date", "entity"}  # every kind of highlight was compared


SECTIONS = ("quotes", "entities", "coverage", "changes")


def test_postgres_story_pages_carry_the_same_sections_as_sqlite(both):
    sqlite_db, url = both
    for story_id in _all(both, "SELECT id FROM stories ORDER BY id"):
        on_sqlite, on_postgres = _json(sqlite_db, f"/stories/{story_id}.json"), _json(url, f"/stories/{story_id}.json")
        for name in SECTIONS:
            assert _same(on_postgres[name]) == _same(on_sqlite[name]), (story_id, name)
        assert _same(on_postgres) == _same(on_sqlite), story_id
    story = _json(url, f"/stories/{story_id}.json")
    assert story["quotes"]["items"] and story["entities"] and story["coverage"] and story["changes"]["items"]
    with reading(url) as db:  # the section shows the second build's log only: the story itself was new in the first
        first = db.execute("SELECT min(run) FROM changes").fetchone()[0]
    assert story["changes"]["run"] > first and "story.new" not in {c["kind"] for c in story["changes"]["items"]}
