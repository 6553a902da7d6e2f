"""Exports: schema-valid chronicle.json and the human-readable views."""

from __future__ import annotations

import csv
import json

import pytest

import kronologi
from kronologi.export import write_all
from kronologi.export.jsonfile import SchemaError, validate

from conftest import ARTICLE_ID, ARTICLE_EN


@pytest.fixture
def chronicle(tmp_path):
    (tmp_path / "id.txt").write_text(ARTICLE_ID, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    return kronologi.build([str(tmp_path)])


def test_export_writes_every_view_and_json_validates(chronicle, tmp_path):
    paths = write_all(chronicle, tmp_path / "out")
    assert set(paths) == {"chronicle.json", "documents.csv", "figures.csv", "events.csv", "timeline.md", "report.html",
                          "changes.json", "stories.csv", "entities.csv", "quotes.csv", "ledger.csv", "acled.csv"}
    data = json.loads(paths["chronicle.json"].read_text(encoding="utf-8"))
    validate(data)
    assert data["schema"] == "kronologi.chronicle/1"
    (story,) = data["stories"]  # the Indonesian and the English report of one flood
    assert sorted(story["documents"]) == ["en", "id"] and story["start"] == story["end"] == "2024-01-04"
    assert {d["story"] for d in data["documents"]} == {story["id"]}
    assert data["events"] and all(set(ev["sources"][0]) >= {"doc", "sentence", "start", "end"} for ev in data["events"])
    assert story["summary"] and all(s["doc"] in ("id", "en") for s in story["summary"])
    assert [r["reason"].split(":")[0] for r in data["rejected"]] == ["failed.ingest.empty"]
    doc = next(d for d in data["documents"] if d["id"] == "id")
    assert doc["title"].startswith("Banjir") and doc["language"] == "id"
    assert all(doc["text"][s["start"]:s["end"]].strip() for s in doc["sentences"])


def test_export_documents_csv_has_one_row_per_document(chronicle, tmp_path):
    paths = write_all(chronicle, tmp_path / "out")
    rows = list(csv.DictReader(paths["documents.csv"].open(encoding="utf-8")))
    assert sorted(r["id"] for r in rows) == ["en", "id"]
    assert next(r for r in rows if r["id"] == "en")["credits"] == "Reuters"


def test_export_markdown_and_html_show_documents_and_rejections(chronicle, tmp_path):
    paths = write_all(chronicle, tmp_path / "out")
    md = paths["timeline.md"].read_text(encoding="utf-8")
    assert "Banjir Rendam Ratusan Rumah di Pesisir Demak" in md and "failed.ingest.empty" in md
    html = paths["report.html"].read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<script" not in html and "http" not in html.split("<body>")[0]
    assert "Flood waters reach homes in coastal Demak" in html


def test_export_schema_catches_a_broken_field(chronicle):
    data = chronicle.to_dict()
    data["documents"][0]["published_basis"] = "guessed"
    with pytest.raises(SchemaError, match="published_basis"):
        validate(data)
    data = chronicle.to_dict()
    del data["ledger"]
    with pytest.raises(SchemaError, match="ledger"):
        validate(data)


def test_export_json_is_streamed_one_record_per_line_and_equals_the_chronicle(chronicle, tmp_path):
    from kronologi.export.jsonfile import write_json

    path = write_json(chronicle, tmp_path / "chronicle.json")
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == json.loads(chronicle.to_json())
    lines = text.splitlines()
    records = [line.rstrip(",") for line in lines if line.startswith("{") and line != "{"]
    assert len(records) == sum(len(v) for v in chronicle.to_dict().values() if isinstance(v, list))
    assert all(isinstance(json.loads(r), dict) for r in records)  # each record stands on its own line
    assert not list(tmp_path.glob(".chronicle.json.*"))  # no temporary file left behind


def test_export_json_checks_a_sample_of_a_long_list_and_writes_nothing_broken(chronicle, tmp_path):
    from kronologi.export.jsonfile import _sample, write_json

    assert _sample(list(range(10)), 20) == list(range(10))
    picked = _sample(list(range(1000)), 5)
    assert picked[0] == 0 and picked[-1] == 999 and len(picked) == 5
    chronicle.documents[-1].published_basis = "guessed"  # the last record is always in the sample
    with pytest.raises(SchemaError, match="published_basis"):
        write_json(chronicle, tmp_path / "chronicle.json", validate_limit=2)
    assert not (tmp_path / "chronicle.json").exists()


def test_export_timeline_sources_never_read_the_same_and_copies_count_once():
    from kronologi.export.stories import _labelled, _without_copies

    def src(doc, outlet, published, duplicate_of=None):
        return {"doc": doc, "outlet": outlet, "published": published, "duplicate_of": duplicate_of}

    sources = [src("a", "Herald", "2022-10-03T08:00"), src("b", "Herald", "2022-10-05"),
               src("c", "Herald", "2022-10-05"), src("d", "Courier", None), src("e", "Courier", None, "d")]
    labels = [s["label"] for s in _labelled(_without_copies(sources))]
    assert labels == ["Herald (2022-10-03)", "Herald (2022-10-05, 1)", "Herald (2022-10-05, 2)", "Courier +1 copy"]
