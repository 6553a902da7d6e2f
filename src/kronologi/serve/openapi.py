"""The OpenAPI document of the JSON twins and the downloads (served at ``/openapi.json``), written by hand as data.

Every object schema closes its properties (``additionalProperties: false``) and the tests validate each JSON
answer against it, so a field added to a page without its place here fails them: the document stays accurate.
The CSV downloads (``serve.exports``) are ``text/csv``; their errors are an HTML page, or the JSON ``Error`` when
the request asks for JSON. schemathesis checks the whole document against the app (tests/serve)."""

from __future__ import annotations

from typing import Any

from kronologi import __version__
from kronologi.serve.filters import DATE_PATTERN, LANG_PATTERN


def _s(kind: str | list[str]) -> dict:
    return {"type": kind}


STR, INT, BOOL = _s("string"), _s("integer"), _s("boolean")
NSTR, NINT, NNUM = _s(["string", "null"]), _s(["integer", "null"]), _s(["number", "null"])


def obj(**props: Any) -> dict:
    """A closed object: exactly these properties, all present."""
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def arr(items: dict) -> dict:
    return {"type": "array", "items": items}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def paged(items: dict) -> dict:
    return obj(page=INT, size=INT, total=INT, pages=INT, items=arr(items))


def capped(items: dict) -> dict:
    return obj(total=INT, items=arr(items))


SOURCE = obj(doc=STR, sentence=NINT, title=NSTR, outlet=NSTR, published=NSTR)
FIGURE = obj(id=STR, doc=STR, sentence=NINT, text=NSTR, value=NNUM, low=NNUM, high=NNUM, qualifier=NSTR, unit=NSTR,
             claimant=NSTR, via=NSTR, as_of=NSTR, status=NSTR, outlet=NSTR, published=NSTR, relation=NSTR,
             shown=STR)
CHART = {"oneOf": [obj(claimants=arr(obj(name=STR, colour=STR)),
                       points=arr(obj(figure=STR, day=NSTR, value=NNUM, claimant=STR, retracted=BOOL))),
                   _s("null")]}  # a quantity reported once has no chart
# A highlight of the document page: offsets into ``text``, what was found there, the record it is (figure, quote,
# event or entity id; a date's TIMEX3 value) and the page it links to (null: a date, a quote without a known speaker).
SPAN = obj(kind={"enum": ["event", "quote", "figure", "date", "entity"]}, start=INT, end=INT, text=STR, ref=NSTR,
           target=NSTR, label=NSTR)
ENTITY_REF = obj(id=STR, name=STR, type=NSTR)
STORY_FILTERS = ("q", "from", "to", "outlet", "lang", "entity")  # serve.filters.PARAMS, echoed in StoryList

SCHEMAS: dict[str, dict] = {
    "Error": obj(error=obj(status=INT, message=STR)),
    "StoryList": obj(q=STR, filters=obj(**{name: NSTR for name in (*STORY_FILTERS, "entity_name")}),
                     stories=paged(obj(id=STR, title=NSTR, start=NSTR, end=NSTR, documents=INT, events=INT))),
    "Story": obj(
        id=STR, title=NSTR, start=NSTR, end=NSTR, related=arr({}),
        documents=arr(obj(id=STR, title=NSTR, outlet=NSTR, published=NSTR, language=NSTR, duplicate_of=NSTR)),
        key_numbers=arr(obj(ledger=STR, category=NSTR, subject=NSTR, relation=NSTR, values=arr(STR), history=STR,
                            chart=CHART)),
        timeline=paged(obj(id=STR, date=NSTR, date_text=NSTR, precision=NSTR, type=NSTR, modality=NSTR,
                           background=BOOL, summary=NSTR, sources=arr(SOURCE))),
        ledger=arr(obj(id=STR, category=NSTR, subject=NSTR, relation=NSTR, note=NSTR, part=BOOL, past_event=BOOL,
                       figures=arr(FIGURE))),
        quotes=obj(total=INT, speakers=INT, items=arr(obj(
            id=NSTR, name=NSTR, type=NSTR, count=INT,
            quotes=arr(obj(id=STR, doc=STR, sentence=NINT, text=STR, kind=NSTR))))),
        entities=arr(obj(id=STR, name=STR, type=NSTR, mentions=INT, documents=INT)),
        coverage=arr(obj(outlet=NSTR, language=NSTR, documents=INT, first=NSTR, last=NSTR)),
        changes=obj(run=NINT, items=arr(obj(kind=STR, item_type=STR, item=STR, text=NSTR, doc=NSTR,
                                            sentence=NINT)))),
    "Event": obj(
        id=STR, story=NSTR, story_title=NSTR, type=NSTR, summary=NSTR, date=NSTR, date_text=NSTR, precision=NSTR,
        date_basis=NSTR, modality=NSTR, background=BOOL,
        location={"oneOf": [ENTITY_REF, _s("null")]}, actors=arr(ENTITY_REF),
        sources=arr(obj(doc=STR, sentence=NINT, start=NINT, end=NINT, title=NSTR, outlet=NSTR, published=NSTR,
                        language=NSTR, text=NSTR)),
        evidence=arr(obj(doc=NSTR, sentence=NINT, why=arr({}), text=NSTR))),
    "Document": obj(
        id=STR, title=NSTR, outlet=NSTR, url=NSTR, published=NSTR, published_basis=NSTR, language=NSTR, story=NSTR,
        story_title=NSTR, duplicate_of=NSTR, duplicate_kind=NSTR, credits=arr(STR), text=STR,
        sentences=arr(obj(idx=INT, start=INT, end=INT, events=arr(STR))),
        spans=arr(SPAN),
        removed=arr(obj(text=STR, reason=STR, line=NINT))),
    "Entity": obj(
        id=STR, name=STR, type=NSTR, aliases=arr(STR),
        mentions=paged(obj(doc=STR, title=NSTR, start=INT, end=INT, text=STR, sentence=NINT)),
        quotes=capped(obj(id=STR, doc=STR, sentence=NINT, text=STR, kind=NSTR)),
        events=capped(obj(id=STR, date=NSTR, type=NSTR, summary=NSTR))),
    "TimelineJS": obj(
        title=obj(text=obj(headline=STR, text=STR)),
        events=arr(obj(start_date={"type": "object", "required": ["year"], "additionalProperties": False,
                                   "properties": {"year": INT, "month": {"type": "integer", "minimum": 1,
                                                                         "maximum": 12},
                                                  "day": {"type": "integer", "minimum": 1, "maximum": 31},
                                                  "display_date": STR}},
                       text=obj(headline=STR, text=STR), group=STR, unique_id=STR))),
    "Search": obj(
        q=STR, counts=obj(document=INT, event=INT, quote=INT),
        results=paged(obj(kind={"enum": ["document", "event", "quote"]}, id=STR, title=NSTR, doc=NSTR,
                          sentence=NINT, snippet=arr(obj(text=STR, hit=BOOL))))),
}


def _param(name: str, where: str, schema: dict, description: str, required: bool = False) -> dict:
    return {"name": name, "in": where, "required": required, "schema": schema, "description": description}


ID = _param("id", "path", STR, "the record's id, as in chronicle.json", required=True)
PAGE = _param("page", "query", {"type": "integer", "minimum": 1, "maximum": 999_999_999, "default": 1},
              "which page, from 1")


def _size(default: int) -> dict:
    return _param("size", "query", {"type": "integer", "minimum": 1, "maximum": 100, "default": default},
                  "items per page")


def _q(required: bool, description: str) -> dict:
    return _param("q", "query", {"type": "string", "maxLength": 200}, description, required)


def _story_filters() -> list[dict]:
    """The stories list's filters (``serve.filters``); they combine (all must hold)."""
    day = {"type": "string", "pattern": DATE_PATTERN}
    return [_q(False, "words the title or one of the story's summary sentences contains"),
            _param("from", "query", day, "stories whose date span reaches this ISO date or later "
                   "(YYYY-MM-DD, YYYY-MM or YYYY; compared at the precision both dates share)"),
            _param("to", "query", day, "stories whose date span starts on or before this ISO date; "
                   "from must not be after to"),
            _param("outlet", "query", {"type": "string", "maxLength": 200},
                   "stories with a document from this outlet (as documents show it, any letter case)"),
            _param("lang", "query", {"type": "string", "pattern": LANG_PATTERN},
                   "stories with a document in this language (id, en, ...)"),
            _param("entity", "query", {"type": "string", "maxLength": 200},
                   "stories whose documents mention this entity (its id; an id the store lacks is a 400)")]


def _op(summary: str, schema: str, params: list[dict], missing: bool) -> dict:
    responses = {"200": _response("the page's data", schema), "400": _response("a bad parameter", "Error")}
    if missing:
        responses["404"] = _response("no record with this id", "Error")
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def _response(description: str, schema: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}


PATHS = {
    "/stories.json": _op("Stories, latest first, filtered by text, date range, outlet, language and entity",
                         "StoryList", [*_story_filters(), PAGE, _size(20)], False),
    "/stories/{id}.json": _op("A story: key numbers, timeline (paginated), ledger, documents, quotes by "
                              "speaker (the first 20 speakers, 5 quotes each), the 20 most mentioned entities, "
                              "coverage per outlet and language, what the latest build changed in it", "Story",
                              [ID, PAGE, _size(100)], True),
    "/events/{id}.json": _op("An event: its sources side by side and the merge evidence", "Event", [ID], True),
    "/documents/{id}.json": _op("A document: clean text, sentences with their events, every extracted fact as a "
                                "highlight span (offsets, kind, target link), removed lines", "Document", [ID], True),
    "/entities/{id}.json": _op("An entity: aliases, mentions (paginated), quotes by it, its events", "Entity",
                               [ID, PAGE, _size(20)], True),
    "/search.json": _op("Full-text search over documents, events and quotes", "Search",
                        [_q(True, "the words to find (all of them)"), PAGE, _size(20)], False),
}


def _download(summary: str, params: list[dict], missing: bool, filename: str) -> dict:
    """A CSV download: ``text/csv`` with a file name; errors as the HTML page or the JSON ``Error``."""
    content = {"text/csv": {"schema": STR}}
    ok = {"description": f"the table as CSV ({filename})", "content": content, "headers": DISPOSITION}
    responses = {"200": ok, "400": _error_response("a bad parameter")}
    if missing:
        responses["404"] = _error_response("no record with this id")
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ref("Error")},
                                                    "text/html": {"schema": STR}}}


DISPOSITION = {"Content-Disposition": {"description": "attachment; filename=...", "schema": STR}}

STORY_DOWNLOADS = {
    "events": "the story's events, with its title, actor and place names and outlets beside the ids",
    "acled": "the story's dated events in ACLED's columns (event_date, time_precision, actors, fatalities, ...)",
    "figures": "the story's figures, with their outlet and ledger relation",
    "ledger": "the story's ledger lines, with their figures' values, as-of dates, claimants and outlets",
    "quotes": "the quotes of the story's documents, with speaker and outlet",
    "entities": "the entities the story's documents mention, with aliases and counts there",
    "documents": "the story's documents",
}

DOWNLOADS = {
    "/stories.csv": _download("The stories list, all of it, as CSV, with the filters of /stories.json",
                              _story_filters(), False, "stories.csv"),
    "/search.csv": _download("Search results as CSV (the first 1000, best first)",
                             [_q(True, "the words to find (all of them)")], False, "search.csv"),
    "/entities/{id}/mentions.csv": _download("Every mention of an entity, as CSV", [ID], True, "mentions.csv"),
    **{f"/stories/{{id}}/{name}.csv": _download(summary[0].upper() + summary[1:] + ", as CSV", [ID], True,
                                                f"{name}.csv") for name, summary in STORY_DOWNLOADS.items()},
    "/stories/{id}/timelinejs.json": {"get": {
        "summary": "The story's dated events as Knight Lab TimelineJS3 data (undated events left out)",
        "parameters": [ID],
        "responses": {"200": {"description": "the TimelineJS document", "headers": DISPOSITION,
                              "content": {"application/json": {"schema": ref("TimelineJS")}}},
                      "400": _response("a bad parameter", "Error"),
                      "404": _response("no story with this id", "Error")}}},
}


def openapi_spec() -> dict[str, Any]:
    return {"openapi": "3.1.0",
            "info": {"title": "Kronologi", "version": __version__,
                     "description": "The chronicle in a Kronologi store, read-only. Each .json path but "
                                    "timelinejs.json is the JSON twin of an HTML page (the same path without "
                                    ".json); Accept: application/json on the HTML path gives the same answer. "
                                    "The .csv paths and timelinejs.json are downloads of a page's tables."},
            "paths": {**PATHS, **DOWNLOADS}, "components": {"schemas": SCHEMAS}}
