"""``kronologi serve`` is safe by default: article text is escaped, every answer carries a CSP that runs no
script, unknown ids are 404 and bad parameters 400 (HTML or JSON), nothing is served outside the package's static
folder, and the store cannot be written through the app."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from kronologi.serve.headers import CSP
from kronologi.serve.store import connect
from serve_corpus import TestClient, client_for, served_store  # noqa: F401 - served_store: the session fixture

SCRIPT_DOC = "korban-bertambah"  # its title and text carry <script>alert('x')</script>


@pytest.fixture(scope="module")
def client(served_store) -> TestClient:
    return client_for(served_store.db)


def _pages(chronicle) -> list[str]:
    """Every page of the store, HTML."""
    paths = ["/", "/search?q=script", "/search?q=longsor"]
    paths += [f"/stories/{s['id']}" for s in chronicle.stories]
    paths += [f"/events/{ev['id']}" for ev in chronicle.events]
    paths += [f"/documents/{d.id}" for d in chronicle.documents]
    paths += [f"/entities/{e['id']}" for e in chronicle.entities]
    return paths


def test_serve_escapes_a_script_in_article_text_on_every_page(client, served_store):
    pages = {path: client.get(path) for path in _pages(served_store.chronicle)}
    assert all(answer.status_code == 200 for answer in pages.values())
    assert not [path for path, answer in pages.items() if "<script" in answer.text.lower()]
    document = pages[f"/documents/{SCRIPT_DOC}"].text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in document
    assert "&lt;<mark>script</mark>&gt;" in pages["/search?q=script"].text


def test_serve_csp_on_pages_json_errors_and_static_files(client, served_store):
    story = served_store.chronicle.stories[0]["id"]
    for path in ("/", f"/stories/{story}.json", "/stories/S999", "/?page=0", "/static/style.css", "/openapi.json"):
        answer = client.get(path)
        assert answer.headers["content-security-policy"] == CSP, path
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert "script-src" not in CSP and "default-src 'none'" in CSP


@pytest.mark.parametrize("kind", ["stories", "events", "documents", "entities"])
def test_serve_unknown_id_is_404_in_html_and_json(client, kind):
    page = client.get(f"/{kind}/nope-<b>")
    assert page.status_code == 404 and "&#39;nope-&lt;b&gt;&#39;" in page.text
    twin = client.get(f"/{kind}/nope.json")
    assert twin.status_code == 404
    assert twin.json()["error"] == {"status": 404, "message": twin.json()["error"]["message"]}
    assert "'nope'" in twin.json()["error"]["message"]


@pytest.mark.parametrize("path, says", [
    ("/?page=0", "'page' must be a whole number from 1 up"),
    ("/?page=abc", "'page' must be a whole number"),
    ("/stories.json?size=101", "'size' must be a whole number from 1 to 100"),
    ("/?color=red", "unknown parameter 'color'"),
    ("/search", "'q' is required"),
    ("/search.json?q=%22%28%29*", "'q' has no word"),
    ("/search?q=" + "a" * 201, "'q' is too long"),
    ("/events/V1?page=2", "unknown parameter 'page'"),
])
def test_serve_bad_parameter_is_400_with_a_message(client, path, says):
    answer = client.get(path)
    assert answer.status_code == 400
    text = answer.json()["error"]["message"] if ".json" in path else answer.text
    assert says in text.replace("&#39;", "'")


def test_serve_fts5_syntax_in_a_query_is_text_to_find(client):
    found = client.get("/search.json", params={"q": "longsor"}).json()["counts"]
    for q in ('longsor"', "(longsor", "longsor*", "-longsor", "^longsor", "{longsor}:"):
        answer = client.get("/search.json", params={"q": q})
        assert answer.status_code == 200, q
        assert answer.json()["counts"] == found, q
    either = client.get("/search.json", params={"q": "longsor OR lumpurxyz"})
    assert either.status_code == 200 and sum(either.json()["counts"].values()) == 0  # OR is a word; all are needed


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                  "/static/../../store/migrations/0002_chronicle.sql"])
def test_serve_static_files_never_leave_their_folder(client, path):
    answer = client.get(path)
    assert answer.status_code == 404 and "import" not in answer.text and "CREATE TABLE" not in answer.text


def test_serve_writes_nothing_and_refuses_writing_methods(client, served_store):
    before = hashlib.sha256(served_store.db.read_bytes()).hexdigest()
    for path in _pages(served_store.chronicle):
        client.get(path)
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert client.request(method, "/").status_code == 405
    assert hashlib.sha256(served_store.db.read_bytes()).hexdigest() == before


def test_serve_store_connection_is_read_only(served_store):
    db = connect(served_store.db)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly|query_only|read-only"):
            db.execute("DELETE FROM stories")
        assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == len(served_store.chronicle.stories)
    finally:
        db.close()


def test_serve_original_url_is_linked_only_when_http():
    from kronologi.serve.render import safe_href

    assert safe_href("https://kabarbukit.example/berita/1") == "https://kabarbukit.example/berita/1"
    assert safe_href("javascript:alert(1)") is None and safe_href(" JavaScript:alert(1)") is None
    assert safe_href(None) is None


def test_serve_a_failing_page_answers_500_and_the_server_goes_on(client, served_store, monkeypatch):
    from kronologi.serve import records

    def broken(*args):
        raise RuntimeError("a bug in a page")

    monkeypatch.setattr(records, "get_event", broken)
    event = served_store.chronicle.events[0]["id"]
    page = client.get(f"/events/{event}")
    assert page.status_code == 500 and "a bug" not in page.text
    assert page.headers["content-security-policy"] == CSP
    assert client.get(f"/events/{event}.json").json()["error"]["status"] == 500
    assert client.get("/").status_code == 200
