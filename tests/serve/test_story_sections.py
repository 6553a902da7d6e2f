"""The story page's sections after the ledger (quotes by speaker, entities, coverage per outlet, what changed in the
latest build) on the invented serve corpus: the rows each shows, counted again from the chronicle the build returned,
the HTML carrying the same data as the JSON twin, and each section's query read through indexes."""

from __future__ import annotations

import re
from collections import Counter
from html import escape

import pytest

import kronologi
from kronologi.serve import sections

from conftest import write_articles
from serve_corpus import ARTICLES, TestClient, client_for, served_store  # noqa: F401 - served_store: session fixture

FIRST_TWO = {name: text for name, text in ARTICLES.items() if not name.endswith("-en.txt")}


@pytest.fixture(scope="module")
def client(served_store) -> TestClient:
    return client_for(served_store.db)


def _story(served_store) -> tuple[str, set[str]]:
    story = served_store.chronicle.stories[0]
    return story["id"], set(story["documents"])


def _section(html: str, name: str) -> str:
    match = re.search(rf'<section id="{name}">(.*?)</section>', html, re.S)
    assert match, f"no {name} section"
    return match.group(1)


def test_quotes_are_grouped_by_speaker_with_counts_and_sentence_links(client, served_store):
    sid, docs = _story(served_store)
    data = client.get(f"/stories/{sid}.json").json()["quotes"]
    quotes = [q for q in served_store.chronicle.quotes if q["doc"] in docs]
    by_entity = Counter(q["speaker"] for q in quotes if q["speaker"])
    assert data["total"] == len(quotes)
    shown = {g["id"]: g["count"] for g in data["items"] if g["id"]}
    assert shown == dict(by_entity)
    assert 2 in shown.values()  # the agency head is quoted in two articles
    known = [g["id"] is not None for g in data["items"]]
    assert known == sorted(known, reverse=True)  # speakers no entity names come last
    html = _section(client.get(f"/stories/{sid}").text, "quotes")
    for group in data["items"]:
        if group["id"]:
            assert f'href="/entities/{group["id"]}">{escape(group["name"])}</a>' in html
        assert f"{group['count']} quote" in html
        for q in group["quotes"]:
            assert f'href="/documents/{q["doc"]}#s{q["sentence"]}">{escape(q["text"])}</a>' in html


def test_entities_are_the_most_mentioned_with_their_counts(client, served_store):
    sid, docs = _story(served_store)
    data = client.get(f"/stories/{sid}.json").json()["entities"]
    expected = {e["id"]: sum(m["doc"] in docs for m in e["mentions"]) for e in served_store.chronicle.entities
                if e["type"] in sections.ENTITY_TYPES}
    assert {e["id"]: e["mentions"] for e in data} == {k: n for k, n in expected.items() if n}
    counts = [e["mentions"] for e in data]
    assert counts == sorted(counts, reverse=True)
    html = _section(client.get(f"/stories/{sid}").text, "entities")
    assert re.findall(r'href="/entities/([^"]+)"', html) == [e["id"] for e in data]
    for e in data:
        assert f"{e['mentions']} mention" in html


def test_coverage_counts_documents_per_outlet_and_language_with_first_and_last_dates(client, served_store):
    sid, docs = _story(served_store)
    data = client.get(f"/stories/{sid}.json").json()["coverage"]
    documents = [d for d in served_store.chronicle.documents if d.id in docs]
    expected = Counter((d.outlet, d.language) for d in documents)
    assert {(c["outlet"], c["language"]): c["documents"] for c in data} == dict(expected)
    kabar = next(c for c in data if c["outlet"] == "KABARBUKIT.ID")
    days = sorted(d.published for d in documents if d.outlet == "KABARBUKIT.ID")
    assert (kabar["documents"], kabar["first"], kabar["last"]) == (2, days[0], days[-1])
    html = _section(client.get(f"/stories/{sid}").text, "coverage")
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td></tr>", html)
    assert rows == [(escape(c["outlet"]), c["language"], str(c["documents"]), c["first"], c["last"]) for c in data]


def test_changes_list_what_the_latest_build_added_then_say_nothing_changed(tmp_path):
    db = tmp_path / "kronologi.db"
    kronologi.build([str(write_articles(tmp_path / "one", FIRST_TWO))], db=db)
    second = kronologi.build([str(write_articles(tmp_path / "two", ARTICLES))], db=db)
    client = client_for(db)
    sid = next(s["id"] for s in second.stories if "landslide-giriwangi-en" in s["documents"])
    data = client.get(f"/stories/{sid}.json").json()["changes"]
    assert data["items"], "the English article's events and figures are new in the second build"
    logged = [item["text"] for name in ("new_events", "updated_figures", "new_contradictions", "new_retractions",
                                        "new_stories", "merged_stories")
              for item in second.changes[name] if item.get("story") == sid]
    assert sorted(item["text"] for item in data["items"]) == sorted(logged)
    html = _section(client.get(f"/stories/{sid}").text, "changes")
    for item in data["items"]:
        assert escape(item["text"]) in html
    third = kronologi.build([str(write_articles(tmp_path / "three", ARTICLES))], db=db)
    sid = next(s["id"] for s in third.stories if "landslide-giriwangi-en" in s["documents"])
    client = client_for(db)
    assert client.get(f"/stories/{sid}.json").json()["changes"]["items"] == []
    assert "Nothing changed" in _section(client.get(f"/stories/{sid}").text, "changes")


def test_the_twin_answers_what_the_page_shows(client, served_store):
    sid, _ = _story(served_store)
    twin = client.get(f"/stories/{sid}.json").json()
    assert client.get(f"/stories/{sid}", headers={"Accept": "application/json"}).json() == twin
    html = client.get(f"/stories/{sid}").text
    assert "<script>alert" not in html  # the article's script tag is text, escaped, in every section
    assert len(re.findall(r'<a class="quote"', html)) == sum(len(g["quotes"]) for g in twin["quotes"]["items"])
    assert len(re.findall(r"<tr><td>", _section(html, "coverage"))) == len(twin["coverage"])


@pytest.mark.parametrize("name", ["QUOTES", "ENTITIES", "COVERAGE", "CHANGES"])
def test_each_section_reads_through_indexes(served_store, name):
    import sqlite3

    sid, _ = _story(served_store)
    args = {"QUOTES": (sid,), "COVERAGE": (sid,), "ENTITIES": (sid, *sections.ENTITY_TYPES),
            "CHANGES": {"story": sid, "run": 1}}[name]
    with sqlite3.connect(served_store.db) as db:
        plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + getattr(sections, name), args)]
    full_scans = [step for step in plan if step.startswith("SCAN") and "subquery" not in step]
    assert not full_scans, plan
    assert not any("changes_run" in step for step in plan), plan
