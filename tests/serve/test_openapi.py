"""``/openapi.json`` describes every JSON twin, and describes it accurately: each answer of the app validates
against the schema of its path (closed objects: a field the document does not name fails), and the parameters the
document lists are the ones the pages take."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from starlette.routing import Route

from kronologi.serve.openapi import openapi_spec
from serve_corpus import TestClient, client_for, served_store  # noqa: F401 - served_store: the session fixture

SPEC_URI = "urn:kronologi:openapi"


@pytest.fixture(scope="module")
def client(served_store) -> TestClient:
    return client_for(served_store.db)


@pytest.fixture(scope="module")
def spec(client) -> dict:
    return client.get("/openapi.json").json()


def _validator(spec: dict, path: str, status: str) -> Draft202012Validator:
    schema = spec["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    registry = Registry().with_resource(SPEC_URI, Resource.from_contents(spec, default_specification=_draft()))
    return Draft202012Validator({"$ref": SPEC_URI + schema["$ref"]}, registry=registry)


def _draft():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


def _examples(chronicle) -> dict[str, list[str]]:
    """Every record of the store, per documented path."""
    return {"/stories.json": ["/stories.json", "/stories.json?q=longsor"],
            "/search.json": ["/search.json?q=Giriwangi", "/search.json?q=Wiratmo&size=1&page=2"],
            "/stories/{id}.json": [f"/stories/{s['id']}.json" for s in chronicle.stories],
            "/events/{id}.json": [f"/events/{ev['id']}.json" for ev in chronicle.events],
            "/documents/{id}.json": [f"/documents/{d.id}.json" for d in chronicle.documents],
            "/entities/{id}.json": [f"/entities/{e['id']}.json" for e in chronicle.entities]}


def test_serve_openapi_is_served_and_is_the_module_spec(spec):
    assert spec == openapi_spec() and spec["openapi"].startswith("3.1")


def test_serve_openapi_names_every_json_route_of_the_app(client, spec):
    documented = {p for p in spec["paths"] if p.endswith(".json")}  # the CSV downloads: test_serve_exports
    routes = [r.path for r in client.app.routes if isinstance(r, Route) and r.path != "/openapi.json"]
    twins = {p for p in routes if p.endswith(".json")} | {p.replace("{id:path}", "{id}.json") for p in routes
                                                          if p.endswith("{id:path}")}
    assert documented == twins


def test_serve_every_json_answer_validates_against_its_schema(client, spec, served_store):
    for path, urls in _examples(served_store.chronicle).items():
        validator = _validator(spec, path, "200")
        for url in urls:
            answer = client.get(url)
            assert answer.status_code == 200, url
            errors = [e.message for e in validator.iter_errors(answer.json())]
            assert not errors, (url, errors[:3])


def test_serve_error_answers_validate_against_the_error_schema(client, spec):
    cases = [("/stories/{id}.json", "/stories/none.json", "404"), ("/search.json", "/search.json", "400"),
             ("/stories.json", "/stories.json?page=x", "400")]
    for path, url, status in cases:
        answer = client.get(url)
        assert str(answer.status_code) == status
        assert not list(_validator(spec, path, status).iter_errors(answer.json()))


def test_serve_openapi_parameters_are_the_ones_each_page_takes(client, spec, served_store):
    values = {"page": "1", "size": "1", "q": "longsor", "from": "2024", "to": "2024-12-31", "outlet": "KABARBUKIT.ID",
              "lang": "id", "entity": served_store.chronicle.entities[0]["id"]}  # the stories list's filters
    for path, urls in _examples(served_store.chronicle).items():
        base = urls[0].split("?")[0]
        query = [p["name"] for p in spec["paths"][path]["get"]["parameters"] if p["in"] == "query"]
        assert client.get(base, params={name: values[name] for name in query}).status_code == 200, path
        for name in set(values) - set(query):  # a parameter the document does not list is refused
            assert client.get(base, params={name: values[name]}).status_code == 400, (path, name)
