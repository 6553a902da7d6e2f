"""Each page of ``kronologi serve`` on a store built from an invented corpus: what it shows, and its JSON twin
carrying the same records (ids, counts) as the HTML."""

from __future__ import annotations

from html import escape

import re

import pytest

from serve_corpus import TestClient, client_for, served_store  # noqa: F401 - served_store: the session fixture


@pytest.fixture(scope="module")
def client(served_store) -> TestClient:
    return client_for(served_store.db)


def _ids(html: str, kind: str) -> list[str]:
    """Ids linked from a page: ``/events/V3`` -> ``V3`` (in order, repeats kept)."""
    return re.findall(rf'href="/{kind}/([^"#?]+)', html)


def _sentence_text(chronicle, doc_id: str, idx: int) -> str:
    doc = next(d for d in chronicle.documents if d.id == doc_id)
    sent = doc.sentences[idx]
    return doc.text[sent.start : sent.end]


def test_serve_stories_page_and_twin_list_the_stories_with_their_counts(client, served_store):
    chronicle = served_store.chronicle
    data = client.get("/stories.json").json()
    assert [s["id"] for s in data["stories"]["items"]] == [s["id"] for s in chronicle.stories]
    story = data["stories"]["items"][0]
    assert story["documents"] == len(chronicle.stories[0]["documents"])
    assert story["events"] == sum(1 for ev in chronicle.events if ev["story"] == story["id"])
    html = client.get("/").text
    assert _ids(html, "stories") == [s["id"] for s in data["stories"]["items"]]
    assert f"{story['documents']} documents · {story['events']} events" in html


def test_serve_stories_q_filters_by_title_words_taken_literally(client, served_store):
    title = served_store.chronicle.stories[0]["title"]
    word = title.split()[-1]
    assert client.get("/stories.json", params={"q": word.lower()}).json()["stories"]["total"] == 1
    assert client.get("/stories.json", params={"q": "%"}).json()["stories"]["total"] == 0
    html = client.get("/", params={"q": "tidak-ada-judul-ini"}).text
    assert "0 stories" in html and not _ids(html, "stories")


def test_serve_story_timeline_is_dated_and_links_each_source_sentence(client, served_store):
    chronicle = served_store.chronicle
    story_id = chronicle.stories[0]["id"]
    data = client.get(f"/stories/{story_id}.json").json()
    events = {ev["id"]: ev for ev in chronicle.events if ev["story"] == story_id}
    timeline = data["timeline"]["items"]
    assert {ev["id"] for ev in timeline} == set(events) and data["timeline"]["total"] == len(events)
    dates = [ev["date"] for ev in timeline if ev["date"]]
    assert dates == sorted(dates)
    html = client.get(f"/stories/{story_id}").text
    assert [i for i in _ids(html, "events")] == [ev["id"] for ev in timeline]
    for ev in timeline:
        expected = [(s["doc"], s["sentence"]) for s in events[ev["id"]]["sources"]]
        assert [(s["doc"], s["sentence"]) for s in ev["sources"]] == expected
        for doc, sentence in expected:
            assert f'href="/documents/{doc}#s{sentence}"' in html


def test_serve_story_key_numbers_are_each_ledger_line_with_its_history(client, served_store):
    from kronologi.export.keynumbers import key_number

    chronicle = served_store.chronicle
    story_id = chronicle.stories[0]["id"]
    data = client.get(f"/stories/{story_id}.json").json()
    lines = {ln["id"]: ln for ln in chronicle.ledger if ln["story"] == story_id}
    figures = {f["id"]: f for f in chronicle.figures}
    assert sorted(k["ledger"] for k in data["key_numbers"]) == sorted(i for i, ln in lines.items() if ln["figures"])
    sizes = [len(lines[k["ledger"]]["figures"]) for k in data["key_numbers"]
             if not lines[k["ledger"]].get("part") and not lines[k["ledger"]].get("past_event")]
    assert sizes == sorted(sizes, reverse=True)  # the longest histories of the story's own totals first
    for key in data["key_numbers"]:
        line = lines[key["ledger"]]
        assert len(key["values"]) == len(line["figures"])
        for value, fig_id in zip(key["values"], line["figures"]):
            if figures[fig_id]["qualifier"] == "exact":
                assert float(value.split()[0]) == figures[fig_id]["value"]
        # the same one-sentence history the report gives
        outlets = {d.id: d.outlet for d in chronicle.documents}
        told = [{**figures[f], "outlet": outlets.get(figures[f]["doc"])} for f in line["figures"]]
        assert key["history"] == key_number(line, told).sentence
    for shown in data["ledger"]:
        assert [f["id"] for f in shown["figures"]] == lines[shown["id"]]["figures"]
    html = client.get(f"/stories/{story_id}").text
    killed = next(k for k in data["key_numbers"] if k["category"] == "killed")
    assert escape(killed["history"]) in html
    assert f'id="{killed["ledger"]}"' in html


def test_serve_event_shows_its_sources_side_by_side_and_the_merge_evidence(client, served_store):
    chronicle = served_store.chronicle
    event = next(ev for ev in chronicle.events if ev.get("evidence"))
    data = client.get(f"/events/{event['id']}.json").json()
    assert [(s["doc"], s["sentence"]) for s in data["sources"]] == [(s["doc"], s["sentence"]) for s in event["sources"]]
    for source in data["sources"]:
        assert source["text"] == _sentence_text(chronicle, source["doc"], source["sentence"])
    assert [e["why"] for e in data["evidence"]] == [e["why"] for e in event["evidence"]]
    html = client.get(f"/events/{event['id']}").text
    assert html.count('class="source-card"') == len(event["sources"])
    for reason in event["evidence"][0]["why"]:
        assert reason in html


def test_serve_document_marks_and_anchors_each_event_source_sentence(client, served_store):
    chronicle = served_store.chronicle
    doc = chronicle.documents[0]
    sourced = {s["sentence"] for ev in chronicle.events for s in ev["sources"] if s["doc"] == doc.id}
    data = client.get(f"/documents/{doc.id}.json").json()
    assert data["text"] == doc.text and len(data["sentences"]) == len(doc.sentences)
    assert {s["idx"] for s in data["sentences"] if s["events"]} == sourced
    html = client.get(f"/documents/{doc.id}").text
    assert sorted(int(n) for n in re.findall(r'<mark id="s(\d+)"', html)) == sorted(sourced)
    assert len(re.findall(r'id="s\d+"', html)) == len(doc.sentences)
    for removed in doc.removed:
        assert removed.reason in html
    assert len(data["removed"]) == len(doc.removed)


def test_serve_entity_shows_aliases_quotes_and_mentions(client, served_store):
    chronicle = served_store.chronicle
    entity = max(chronicle.entities, key=lambda e: sum(1 for q in chronicle.quotes if q.get("speaker") == e["id"]))
    quotes = [q["id"] for q in chronicle.quotes if q.get("speaker") == entity["id"]]
    assert quotes, "the corpus quotes its official"
    data = client.get(f"/entities/{entity['id']}.json").json()
    assert data["aliases"] == sorted(entity["aliases"])
    assert sorted(q["id"] for q in data["quotes"]["items"]) == sorted(quotes)
    assert data["mentions"]["total"] == len(entity["mentions"])
    html = client.get(f"/entities/{entity['id']}").text
    assert html.count("<q>") == len(quotes)
    assert all(f"<li>{alias}</li>" in html for alias in entity["aliases"])


def test_serve_search_finds_documents_events_and_quotes_with_fts5(client, served_store):
    chronicle = served_store.chronicle
    word = re.compile(r"\blongsor\b", re.IGNORECASE)
    data = client.get("/search.json", params={"q": "longsor", "size": 100}).json()
    assert data["counts"]["document"] == sum(1 for d in chronicle.documents if word.search(f"{d.title} {d.text}"))
    assert data["counts"]["event"] == sum(1 for ev in chronicle.events if word.search(ev["summary"] or ""))
    assert all(any(p["hit"] for p in r["snippet"]) for r in data["results"]["items"])
    html = client.get("/search", params={"q": "longsor", "size": 100}).text
    shown = len(re.findall(r'<li class="(?:document|event|quote)"', html))
    assert shown == data["results"]["total"] == sum(data["counts"].values())


def test_serve_search_pages_cover_every_result_once(client):
    full = client.get("/search.json", params={"q": "Giriwangi", "size": 100}).json()["results"]
    assert full["total"] > 2
    n_pages = -(-full["total"] // 2)
    pages = [client.get("/search.json", params={"q": "Giriwangi", "size": 2, "page": n}).json()["results"]
             for n in range(1, n_pages + 1)]
    seen = [(r["kind"], r["id"]) for p in pages for r in p["items"]]
    assert seen == [(r["kind"], r["id"]) for r in full["items"]]
    assert pages[0]["pages"] == n_pages
    html = client.get("/search", params={"q": "Giriwangi", "size": 2}).text
    assert 'rel="next"' in html and 'rel="prev"' not in html


def test_serve_accept_json_answers_the_json_twin(client, served_store):
    story_id = served_store.chronicle.stories[0]["id"]
    for path in (f"/stories/{story_id}", "/"):
        answer = client.get(path, headers={"Accept": "application/json"})
        assert answer.headers["content-type"].startswith("application/json")
        twin = "/stories.json" if path == "/" else f"{path}.json"
        assert answer.json() == client.get(twin).json()
    assert client.get("/", headers={"Accept": "text/html,application/json"}).headers["content-type"].startswith(
        "text/html")
