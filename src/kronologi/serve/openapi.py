"""The OpenAPI document of the JSON twins (served at ``/openapi.json``), written by hand as data.

Every object schema closes its properties (``additionalProperties: false``) and the tests validate each JSON
answer against it, so a field added to a page without its place here fails them: the document stays accurate."""

from __future__ import annotations

from typing import Any

from kronologi import __version__


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
ENTITY_REF = obj(id=STR, name=STR, type=NSTR)

SCHEMAS: dict[str, dict] = {
    "Error": obj(error=obj(status=INT, message=STR)),
    "StoryList": obj(q=STR, stories=paged(obj(id=STR, title=NSTR, start=NSTR, end=NSTR, documents=INT, events=INT))),
    "Story": obj(
        id=STR, title=NSTR, start=NSTR, end=NSTR, related=arr({}),
        documents=arr(obj(id=STR, title=NSTR, outlet=NSTR, published=NSTR, language=NSTR, duplicate_of=NSTR)),
        key_numbers=arr(obj(ledger=STR, category=NSTR, subject=NSTR, relation=NSTR, values=arr(STR), history=STR)),
        timeline=paged(obj(id=STR, date=NSTR, date_text=NSTR, precision=NSTR, type=NSTR, modality=NSTR,
                           background=BOOL, summary=NSTR, sources=arr(SOURCE))),
        ledger=arr(obj(id=STR, category=NSTR, subject=NSTR, relation=NSTR, note=NSTR, part=BOOL, past_event=BOOL,
                       figures=arr(FIGURE)))),
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
        removed=arr(obj(text=STR, reason=STR, line=NINT))),
    "Entity": obj(
        id=STR, name=STR, type=NSTR, aliases=arr(STR),
        mentions=paged(obj(doc=STR, title=NSTR, start=INT, end=INT, text=STR, sentence=NINT)),
        quotes=capped(obj(id=STR, doc=STR, sentence=NINT, text=STR, kind=NSTR)),
        events=capped(obj(id=STR, date=NSTR, type=NSTR, summary=NSTR))),
    "Search": obj(
        q=STR, counts=obj(document=INT, event=INT, quote=INT),
        results=paged(obj(kind={"enum": ["document", "event", "quote"]}, id=STR, title=NSTR, doc=NSTR,
                          sentence=NINT, snippet=arr(obj(text=STR, hit=BOOL))))),
}


def _param(name: str, where: str, schema: dict, description: str, required: bool = False) -> dict:
    return {"name": name, "in": where, "required": required, "schema": schema, "description": description}


ID = _param("id", "path", STR, "the record's id, as in chronicle.json", required=True)
PAGE = _param("page", "query", {"type": "integer", "minimum": 1, "default": 1}, "which page, from 1")


def _size(default: int) -> dict:
    return _param("size", "query", {"type": "integer", "minimum": 1, "maximum": 100, "default": default},
                  "items per page")


def _q(required: bool, description: str) -> dict:
    return _param("q", "query", {"type": "string", "maxLength": 200}, description, required)


def _op(summary: str, schema: str, params: list[dict], missing: bool) -> dict:
    responses = {"200": _response("the page's data", schema), "400": _response("a bad parameter", "Error")}
    if missing:
        responses["404"] = _response("no record with this id", "Error")
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def _response(description: str, schema: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}


PATHS = {
    "/stories.json": _op("Stories, latest first; q filters by title", "StoryList",
                         [_q(False, "words the title contains"), PAGE, _size(20)], False),
    "/stories/{id}.json": _op("A story: key numbers, timeline (paginated), ledger, documents", "Story",
                              [ID, PAGE, _size(100)], True),
    "/events/{id}.json": _op("An event: its sources side by side and the merge evidence", "Event", [ID], True),
    "/documents/{id}.json": _op("A document: clean text, sentences with their events, removed lines", "Document",
                                [ID], True),
    "/entities/{id}.json": _op("An entity: aliases, mentions (paginated), quotes by it, its events", "Entity",
                               [ID, PAGE, _size(20)], True),
    "/search.json": _op("Full-text search over documents, events and quotes", "Search",
                        [_q(True, "the words to find (all of them)"), PAGE, _size(20)], False),
}


def openapi_spec() -> dict[str, Any]:
    return {"openapi": "3.1.0",
            "info": {"title": "Kronologi", "version": __version__,
                     "description": "The chronicle in a Kronologi store, read-only. Each path is the JSON twin of "
                                    "an HTML page (the same path without .json); Accept: application/json on the "
                                    "HTML path gives the same answer."},
            "paths": PATHS, "components": {"schemas": SCHEMAS}}
