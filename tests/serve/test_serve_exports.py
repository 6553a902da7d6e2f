"""The server's downloads: each table as CSV (``text/csv; charset=utf-8``, a file name to save it under) with the
same rows ``kronologi build`` writes for the story, a story as TimelineJS data, 404 for unknown ids, 400 for
parameters a download does not take, and every download route documented in ``/openapi.json``."""

from __future__ import annotations

import csv
import io

import pytest
from starlette.routing import Route

from kronologi.export import write_all
from kronologi.export.acled import ACLED_COLUMNS
from kronologi.export.rows import EVENT_COLUMNS
from serve_corpus import TestClient, client_for, served_store  # noqa: F401 - served_store: the session fixture

STORY_TABLES = ("events", "acled", "figures", "ledger", "quotes", "entities", "documents")


@pytest.fixture(scope="module")
def client(served_store) -> TestClient:
    return client_for(served_store.db)


@pytest.fixture(scope="module")
def files(served_store, tmp_path_factory):
    """What ``kronologi build`` writes for the same corpus."""
    return write_all(served_store.chronicle, tmp_path_factory.mktemp("serve-exports"))


def _table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _file(path) -> list[dict[str, str]]:
    return _table(path.read_text(encoding="utf-8"))


def test_serve_exports_story_csvs_are_csv_attachments_with_the_build_files_rows(client, served_store, files):
    story_id = served_store.chronicle.stories[0]["id"]
    for name in STORY_TABLES:
        answer = client.get(f"/stories/{story_id}/{name}.csv")
        assert answer.status_code == 200, name
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        assert answer.headers["content-disposition"] == f'attachment; filename="{story_id}-{name}.csv"'
        assert _table(answer.text), name
    for name in ("events", "acled", "ledger", "quotes"):  # one story: the build's file holds the same rows
        served = _table(client.get(f"/stories/{story_id}/{name}.csv").text)
        key = "event_id" if name == "acled" else "id"
        assert sorted(served, key=lambda r: r[key]) == sorted(_file(files[f"{name}.csv"]), key=lambda r: r[key])
    header = client.get(f"/stories/{story_id}/events.csv").text.splitlines()[0]
    assert header == ",".join(EVENT_COLUMNS)
    assert client.get(f"/stories/{story_id}/acled.csv").text.splitlines()[0] == ",".join(ACLED_COLUMNS)


def test_serve_exports_story_entities_count_the_storys_mentions(client, served_store):
    chronicle = served_store.chronicle
    story_id = chronicle.stories[0]["id"]
    rows = {r["id"]: r for r in _table(client.get(f"/stories/{story_id}/entities.csv").text)}
    docs = set(chronicle.stories[0]["documents"])
    for ent in chronicle.entities:
        mentions = [m for m in ent["mentions"] if m["doc"] in docs]
        if mentions:
            assert rows[ent["id"]]["mentions"] == str(len(mentions))
            assert rows[ent["id"]]["aliases"] == "; ".join(sorted(ent["aliases"]))


def test_serve_exports_lists_stories_search_and_mentions(client, served_store):
    chronicle = served_store.chronicle
    stories = _table(client.get("/stories.csv").text)
    assert [s["id"] for s in stories] == [s["id"] for s in chronicle.stories]
    assert _table(client.get("/stories.csv", params={"q": "tidak-ada-judul-ini"}).text) == []
    found = _table(client.get("/search.csv", params={"q": "Giriwangi"}).text)
    assert found and {r["kind"] for r in found} <= {"document", "event", "quote"}
    assert all("giriwangi" in r["snippet"].lower() for r in found)
    entity = max(chronicle.entities, key=lambda e: len(e["mentions"]))
    answer = client.get(f"/entities/{entity['id']}/mentions.csv")
    assert answer.headers["content-disposition"] == f'attachment; filename="{entity["id"]}-mentions.csv"'
    assert sorted((m["doc"], m["start"]) for m in _table(answer.text)) == \
        sorted((m["doc"], str(m["start"])) for m in entity["mentions"])


def test_serve_exports_timelinejs_has_every_dated_event_of_the_story(client, served_store):
    chronicle = served_store.chronicle
    story_id = chronicle.stories[0]["id"]
    answer = client.get(f"/stories/{story_id}/timelinejs.json")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    data = answer.json()
    dated = {ev["id"]: ev for ev in chronicle.events if ev["story"] == story_id and ev["date"]}
    assert {s["unique_id"] for s in data["events"]} == set(dated)
    for slide in data["events"]:
        ev = dated[slide["unique_id"]]
        assert str(slide["start_date"]["year"]) == ev["date"][:4]
        assert ("day" in slide["start_date"]) == (ev["precision"] in ("day", "week"))
        assert ("month" in slide["start_date"]) == (ev["precision"] != "year")
    assert "<script>" not in answer.text  # the article's <script> arrives escaped


def test_serve_exports_unknown_ids_404_and_bad_parameters_400(client):
    for url in ("/stories/nope/events.csv", "/stories/nope/timelinejs.json", "/entities/nope/mentions.csv"):
        assert client.get(url).status_code == 404, url
    assert client.get("/stories/nope/timelinejs.json").json()["error"]["status"] == 404
    for url in ("/stories.csv?page=2", "/search.csv", "/search.csv?q=%21%21", "/stories/S1/acled.csv?size=1"):
        answer = client.get(url, headers={"accept": "application/json"})
        assert answer.status_code == 400, url
        assert answer.json()["error"]["message"], url


def test_serve_exports_every_download_route_is_documented(client):
    spec = client.get("/openapi.json").json()
    documented = {p for p, op in spec["paths"].items() if "text/csv" in op["get"]["responses"]["200"]["content"]}
    documented.add("/stories/{id}/timelinejs.json")
    routes = {r.path for r in client.app.routes if isinstance(r, Route)
              and (r.path.endswith(".csv") or r.path.endswith("timelinejs.json"))}
    assert documented == routes
