"""Downloads: every table the pages show, as CSV, and a story as TimelineJS data — the files people load into a
spreadsheet, a newsroom's timeline or a conflict analyst's tools.

=====================================  ==============================================================
``/stories.csv?q=``                    the stories list (all of it; the filters of ``/stories``)
``/search.csv?q=``                     search results (the first ``SEARCH_CAP``, best first)
``/stories/{id}/events.csv``           the story's events, with names beside the ids (as ``events.csv``)
``/stories/{id}/acled.csv``            its dated events in ACLED's columns (``export.acled``)
``/stories/{id}/timelinejs.json``      its timeline in Knight Lab's TimelineJS3 format (``export.timelinejs``)
``/stories/{id}/figures.csv``          its figures (as ``figures.csv``)
``/stories/{id}/ledger.csv``           its ledger lines (as ``ledger.csv``)
``/stories/{id}/quotes.csv``           the quotes of its documents (as ``quotes.csv``)
``/stories/{id}/entities.csv``         the entities its documents mention, counted there
``/stories/{id}/documents.csv``        its documents
``/entities/{id}/mentions.csv``        every mention of an entity
=====================================  ==============================================================

The rows are ``export.rows``' (read from the store by ``export.fromstore``), so a story's CSV here and the file
``kronologi build`` writes carry the same columns, made safe the same way (``export.csvtext``). A CSV answers
``text/csv; charset=utf-8`` with a ``Content-Disposition`` file name; unknown ids answer 404, bad parameters 400."""

from __future__ import annotations

import re
import sqlite3
from typing import Any, Callable

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kronologi.export import fromstore
from kronologi.export.acled import ACLED_COLUMNS, acled_rows, killed_by_sentence
from kronologi.export.csvtext import csv_text
from kronologi.export.rows import (ENTITY_COLUMNS, EVENT_COLUMNS, LEDGER_COLUMNS, QUOTE_COLUMNS, STORY_COLUMNS,
                                   entity_row, event_row, ledger_row, quote_row)
from kronologi.export.tables import FIGURE_COLUMNS
from kronologi.export.timelinejs import timeline
from kronologi.serve import filters, search
from kronologi.serve.params import Page, text_of, unknown
from kronologi.serve.store import loads, read_or_answer


SEARCH_CAP = 1000
DOCUMENT_COLUMNS = ("id", "title", "outlet", "published", "language", "duplicate_of", "url")
MENTION_COLUMNS = ("entity", "doc", "title", "sentence", "start", "end", "text")
SEARCH_COLUMNS = ("kind", "id", "title", "doc", "sentence", "snippet")
_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

Table = tuple[tuple[str, ...], Any]  # columns and rows
StoryTable = Callable[[sqlite3.Connection, fromstore.StoryRecords], Table]


# the lists -----------------------------------------------------------------------------
def _stories(db: sqlite3.Connection, request: Request) -> Table:
    unknown(request.query_params, filters.PARAMS)
    where, args = filters.where_clause(filters.with_entity_name(db, filters.story_filter_of(request.query_params)))
    rows = db.execute(
        "SELECT s.id, s.title, s.start, s.end, (SELECT count(*) FROM story_documents sd WHERE sd.story = s.id) "
        f"AS documents, (SELECT count(*) FROM events e WHERE e.story = s.id) AS events FROM stories s {where} "
        "ORDER BY s.start IS NULL, s.start DESC, s.rowid", args)
    return STORY_COLUMNS, [dict(r) for r in rows]


def _search(db: sqlite3.Connection, request: Request) -> Table:
    unknown(request.query_params, ("q",))
    found = search.search(db, text_of(request.query_params, "q", required=True), Page(1, SEARCH_CAP))
    rows = [{**r, "snippet": "".join(part["text"] for part in r["snippet"])} for r in found["results"]["items"]]
    return SEARCH_COLUMNS, rows


def _mentions(db: sqlite3.Connection, request: Request, entity_id: str) -> Table | None:
    unknown(request.query_params, ())
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is None:
        return None
    rows = db.execute("SELECT m.entity, m.doc, d.title, (SELECT st.idx FROM sentences st WHERE st.doc = m.doc AND "
                      "st.start <= m.start AND m.start < st.end) AS sentence, m.start, m.end, m.text FROM mentions m "
                      "JOIN docs d ON d.id = m.doc WHERE m.entity = ? ORDER BY m.doc, m.start", (entity_id,))
    return MENTION_COLUMNS, [dict(r) for r in rows]


# a story's tables ----------------------------------------------------------------------
def _events(db: sqlite3.Connection, story: fromstore.StoryRecords) -> Table:
    return EVENT_COLUMNS, [event_row(ev, story.names) for ev in story.events]


def _acled(db: sqlite3.Connection, story: fromstore.StoryRecords) -> Table:
    return ACLED_COLUMNS, list(acled_rows(story.events, killed_by_sentence(story.figures), story.names))


def _figures(db: sqlite3.Connection, story: fromstore.StoryRecords) -> Table:
    relation = {r["id"]: loads(r["extra"], {}).get("relation") for r in db.execute(
        "SELECT id, extra FROM figures WHERE story = ?", (story.story["id"],))}
    rows = [{**f, "outlet": story.names.doc(f["doc"]).get("outlet"), "relation": relation.get(f["id"])}
            for f in story.figures]
    return FIGURE_COLUMNS, rows


def _ledger(db: sqlite3.Connection, story: fromstore.StoryRecords) -> Table:
    figures = {f["id"]: f for f in story.figures}
    return LEDGER_COLUMNS, [ledger_row(line, figures, story.names)
                            for line in fromstore.ledger(db, story.story["id"])]


def _quotes(db: sqlite3.Connection, story: fromstore.StoryRecords) -> Table:
    quotes = fromstore.quotes(db, story.story["id"])
    story.names.entities.update(fromstore.entity_names(db, {q["speaker"] for q in quotes if q["speaker"]}))
    return QUOTE_COLUMNS, [quote_row(q, story.names) for q in quotes]


def _entities(db: sqlite3.Connection, story: fromstore.StoryRecords) -> Table:
    return ENTITY_COLUMNS, [entity_row(e) for e in fromstore.entities(db, story.story["id"])]


def _documents(db: sqlite3.Connection, story: fromstore.StoryRecords) -> Table:
    return DOCUMENT_COLUMNS, story.documents


STORY_TABLES: dict[str, StoryTable] = {"events": _events, "acled": _acled, "figures": _figures, "ledger": _ledger,
                                       "quotes": _quotes, "entities": _entities, "documents": _documents}


# endpoints -----------------------------------------------------------------------------
def _list_csv(name: str, load: Callable[[sqlite3.Connection, Request], Table]):
    def endpoint(request: Request) -> Response:
        return _csv_answer(read_or_answer(request, lambda db: load(db, request)), f"{name}.csv")
    return endpoint


def _story_csv(name: str, load: StoryTable):
    def endpoint(request: Request) -> Response:
        story_id = request.path_params["id"]

        def read(db: sqlite3.Connection) -> Table | None:
            unknown(request.query_params, ())
            story = fromstore.read_story(db, story_id)
            return None if story is None else load(db, story)
        return _csv_answer(_found(read_or_answer(request, read), "story", story_id), f"{story_id}-{name}.csv")
    return endpoint


def _mentions_csv(request: Request) -> Response:
    entity_id = request.path_params["id"]
    table = read_or_answer(request, lambda db: _mentions(db, request, entity_id))
    return _csv_answer(_found(table, "entity", entity_id), f"{entity_id}-mentions.csv")


def _timelinejs(request: Request) -> Response:
    story_id = request.path_params["id"]

    def read(db: sqlite3.Connection) -> dict[str, Any] | None:
        unknown(request.query_params, ())
        story = fromstore.read_story(db, story_id)
        return None if story is None else timeline(story.story, story.events, story.names)
    data = _found(read_or_answer(request, read), "story", story_id)
    return JSONResponse(data, headers=_attachment(f"{story_id}-timelinejs.json"))


def routes() -> list[Route]:
    """The download routes; they go before the record pages (``/stories/{id:path}`` would take them)."""
    out = [Route("/stories.csv", _list_csv("stories", _stories), methods=["GET"]),
           Route("/search.csv", _list_csv("search", _search), methods=["GET"]),
           Route("/stories/{id}/timelinejs.json", _timelinejs, methods=["GET"]),
           Route("/entities/{id}/mentions.csv", _mentions_csv, methods=["GET"])]
    out += [Route(f"/stories/{{id}}/{name}.csv", _story_csv(name, load), methods=["GET"])
            for name, load in STORY_TABLES.items()]
    return out


# answers -------------------------------------------------------------------------------
def _found(value: Any, what: str, key: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no {what} {key!r} in this store")
    return value


def _csv_answer(table: Table, filename: str) -> Response:
    columns, rows = table
    return Response(csv_text(columns, rows), media_type="text/csv; charset=utf-8", headers=_attachment(filename))


def _attachment(filename: str) -> dict[str, str]:
    """A download's file name, reduced to characters every browser and shell takes (ids may hold anything)."""
    safe = _FILENAME_UNSAFE.sub("_", filename).strip("._") or "download"
    return {"Content-Disposition": f'attachment; filename="{safe}"'}
