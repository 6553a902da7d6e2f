"""The server's routes: each page is one function that reads plain data from the store, rendered two ways —
HTML through a Jinja2 template, or JSON (a ``.json`` suffix, or ``Accept: application/json``).

Every request opens the store read-only. Unknown ids answer 404, bad parameters 400, any other failure a 500 page
(logged); the server itself keeps going. Every answer carries a Content-Security-Policy that allows only our own
stylesheet: no script runs on these pages, and article text reaches them only through Jinja2's autoescaping."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any, Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kronologi.serve import exports, filters, records, search, stories
from kronologi.serve.headers import SecurityHeaders
from kronologi.serve.openapi import openapi_spec
from kronologi.serve.params import page_of, text_of, unknown
from kronologi.serve.render import templates
from kronologi.serve.store import read_or_answer

log = logging.getLogger(__name__)

Loader = Callable[[sqlite3.Connection, Request, str | None], "dict[str, Any] | None"]


DB_ENV = "KRONOLOGI_SERVE_DB"  # the store of ``kronologi serve --workers N``'s processes


def app_from_environment() -> Starlette:
    """The app of one of several server processes (uvicorn imports it by name in each): the store named by
    ``KRONOLOGI_SERVE_DB``, which ``kronologi serve`` sets before it starts them."""
    return create_app(os.environ[DB_ENV])


def create_app(db_path: str | Path) -> Starlette:
    """The ASGI app serving the chronicle in the store at ``db_path`` (read-only)."""
    app = Starlette(routes=exports.routes() + _routes(), exception_handlers={HTTPException: _http_error},
                    middleware=[Middleware(SecurityHeaders)])
    app.state.db_path = str(db_path)
    return app


# the pages -----------------------------------------------------------------------
def _stories(db: sqlite3.Connection, request: Request, _: str | None) -> dict[str, Any]:
    unknown(request.query_params, (*filters.PARAMS, "page", "size"))
    flt = filters.with_entity_name(db, filters.story_filter_of(request.query_params))
    return stories.list_stories(db, flt, page_of(request.query_params))


def _story(db: sqlite3.Connection, request: Request, story_id: str | None) -> dict[str, Any] | None:
    unknown(request.query_params, ("page", "size"))
    return stories.get_story(db, story_id, page_of(request.query_params, default_size=100))


def _event(db: sqlite3.Connection, request: Request, event_id: str | None) -> dict[str, Any] | None:
    unknown(request.query_params, ())
    return records.get_event(db, event_id)


def _document(db: sqlite3.Connection, request: Request, doc_id: str | None) -> dict[str, Any] | None:
    unknown(request.query_params, ())
    return records.get_document(db, doc_id)


def _entity(db: sqlite3.Connection, request: Request, entity_id: str | None) -> dict[str, Any] | None:
    unknown(request.query_params, ("page", "size"))
    return records.get_entity(db, entity_id, page_of(request.query_params))


def _search(db: sqlite3.Connection, request: Request, _: str | None) -> dict[str, Any]:
    unknown(request.query_params, ("q", "page", "size"))
    q = text_of(request.query_params, "q", required=True)
    return search.search(db, q, page_of(request.query_params))


# routing -------------------------------------------------------------------------
def _list_page(load: Loader, template: str, as_json: bool):
    def endpoint(request: Request) -> Response:
        return _answer(request, load, template, None, as_json or wants_json(request))
    return endpoint


def _record_page(load: Loader, template: str, what: str):
    def endpoint(request: Request) -> Response:
        key, as_json = split_json_suffix(request.path_params["id"])
        return _answer(request, load, template, key, as_json or wants_json(request), what)
    return endpoint


def _routes() -> list:
    pages = [("stories", _stories, "stories.html"), ("search", _search, "search.html")]
    records_ = [("stories", _story, "story.html", "story"), ("events", _event, "event.html", "event"),
                ("documents", _document, "document.html", "document"), ("entities", _entity, "entity.html", "entity")]
    routes = [Route("/", _list_page(_stories, "stories.html", False), methods=["GET"]),
              Route("/openapi.json", _openapi, methods=["GET"])]
    for name, load, template in pages:
        routes.append(Route(f"/{name}", _list_page(load, template, False), methods=["GET"]))
        routes.append(Route(f"/{name}.json", _list_page(load, template, True), methods=["GET"]))
    for name, load, template, what in records_:
        routes.append(Route(f"/{name}/{{id:path}}", _record_page(load, template, what), methods=["GET"]))
    routes.append(Mount("/static", StaticFiles(packages=[("kronologi.serve", "static")]), name="static"))
    return routes


def split_json_suffix(key: str) -> tuple[str, bool]:
    """``S1.json`` -> ``("S1", True)``: the JSON twin of a record page (an id ending in .json takes .json.json)."""
    return (key[:-5], True) if key.endswith(".json") else (key, False)


def wants_json(request: Request) -> bool:
    """``Accept`` names JSON before (or without) HTML."""
    accept = request.headers.get("accept", "").lower()
    json_at, html_at = accept.find("application/json"), accept.find("text/html")
    return json_at >= 0 and (html_at < 0 or json_at < html_at)


def _answer(request: Request, load: Loader, template: str, key: str | None, as_json: bool,
            what: str = "") -> Response:
    request.state.as_json = as_json
    data = _load(request, load, key)
    if data is None:
        raise HTTPException(404, f"no {what} {key!r} in this store")
    if as_json:
        return JSONResponse(data)
    return templates.TemplateResponse(request, template, {"data": data})


def _load(request: Request, load: Loader, key: str | None) -> dict[str, Any] | None:
    """Read the page's data through the store's one failure boundary (400, 503, or a logged 500)."""
    return read_or_answer(request, lambda db: load(db, request, key))


def _openapi(request: Request) -> Response:
    return JSONResponse(openapi_spec())


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})
    as_json = getattr(request.state, "as_json", None)
    if as_json is None:
        as_json = request.url.path.endswith(".json") or wants_json(request)
    if as_json:
        return JSONResponse({"error": {"status": exc.status_code, "message": exc.detail}}, exc.status_code, headers)
    return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "message": exc.detail},
                                      status_code=exc.status_code, headers=headers)
