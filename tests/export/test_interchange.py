"""The tables people load elsewhere: events.csv with names beside ids, stories / entities / quotes / ledger CSVs,
the ACLED-style events CSV and TimelineJS data — their columns, their meaning (date precision, fatalities), and
their safety against a hostile article whose title, outlet and quotes are spreadsheet formulas."""

from __future__ import annotations

import csv

import pytest

import kronologi
from kronologi.export import write_all
from kronologi.export.acled import acled_rows, killed_by_sentence, middle_day
from kronologi.export.rows import Names
from kronologi.export.timelinejs import event_slide, start_date, timeline

# Invented: a market brawl in an invented town; the title, the outlet (metadata) and two quotes open like formulas.
HOSTILE = """=HYPERLINK("http://contoh.invalid/curi","Klik") Bentrok di Pasar Lamaran
Senin, 4 November 2024 | 09:10 WIB
LAMARAN, WARTAKOTA.ID - Bentrokan antarwarga pecah di Pasar Lamaran, Kabupaten Sindangreja, pada Minggu malam dan menewaskan dua orang, kata Kapolres Sindangreja Bagas Priyambodo.
"@SUM(1+1) kami sudah mengamankan lokasi," ujar Bagas Priyambodo kepada wartawan di Sindangreja.
"-2+3 orang masih kami periksa," kata Bagas.
Polisi menangkap tujuh orang yang diduga terlibat dalam bentrokan itu pada Senin pagi.
"""
META = ('file,outlet,title\n'
        'pasar-lamaran.txt,+Warta Kota Formula,"=HYPERLINK(""http://contoh.invalid/curi"",""Klik"") Bentrok Pasar"\n')
FORMULA_STARTS = ("=", "+", "-", "@")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    root = tmp_path_factory.mktemp("interchange")
    (root / "in").mkdir()
    (root / "in" / "pasar-lamaran.txt").write_text(HOSTILE, encoding="utf-8")
    (root / "meta.csv").write_text(META, encoding="utf-8")
    chronicle = kronologi.build([str(root / "in")], meta=root / "meta.csv")
    return chronicle, write_all(chronicle, root / "out")


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _cells(path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def test_interchange_every_csv_neutralises_the_hostile_articles_formulas(written):
    chronicle, paths = written
    assert {"stories.csv", "entities.csv", "quotes.csv", "ledger.csv", "acled.csv", "events.csv"} <= set(paths)
    seen = set()
    for name, path in paths.items():
        if not name.endswith(".csv"):
            continue
        for cell in _cells(path):
            assert not cell.startswith(FORMULA_STARTS) or cell.lstrip("+-").replace(".", "").isdigit(), (name, cell)
            if cell.startswith("'"):
                seen.add(cell[1])
    assert {"=", "+", "@", "-"} <= seen  # title, outlet and both quotes were there, and were neutralised
    quotes = _rows(paths["quotes.csv"])
    assert any(q["text"].startswith("'@SUM(1+1)") for q in quotes)
    assert any(q["text"].startswith("'-2+3") for q in quotes)
    story = _rows(paths["stories.csv"])[0]
    assert story["title"].startswith("'=HYPERLINK(") and story["events"] == str(len(chronicle.events))


def test_interchange_events_csv_keeps_the_contract_columns_and_adds_names(written):
    chronicle, paths = written
    rows = {r["id"]: r for r in _rows(paths["events.csv"])}
    names = {e["id"]: e["name"] for e in chronicle.entities}
    header = list(next(csv.reader(paths["events.csv"].open(encoding="utf-8"))))
    assert header[:10] == ["id", "story", "type", "date", "precision", "modality", "summary", "actors", "location",
                           "sources"]
    with_actors = [ev for ev in chronicle.events if ev["actors"]]
    assert with_actors
    for ev in chronicle.events:
        row = rows[ev["id"]]
        assert row["actors"] == "; ".join(ev["actors"])
        assert row["actor_names"] == "; ".join(names[a] for a in ev["actors"])
        assert row["location_name"] == (names[ev["location"]] if ev["location"] else "")
        assert row["story_title"].lstrip("'") == chronicle.stories[0]["title"]
        assert row["outlets"] == "'+Warta Kota Formula"


def test_interchange_acled_rows_carry_killed_counts_and_dates_by_precision(written):
    chronicle, paths = written
    rows = {r["event_id"]: r for r in _rows(paths["acled.csv"])}
    killed = [f for f in chronicle.figures if f["category"] == "killed"]
    assert killed
    for ev in chronicle.events:
        row = rows[ev["event_id"] if "event_id" in ev else ev["id"]]
        stated = [f["value"] for f in killed if any(s["doc"] == f["doc"] and s["sentence"] == f["sentence"]
                                                    for s in ev["sources"])]
        assert row["fatalities"] == (str(min(stated)) if stated else "")
        assert row["event_date"] == ev["date"] and row["time_precision"] == "1" and row["year"] == ev["date"][:4]
    assert any(r["fatalities"] for r in rows.values()) and any(not r["fatalities"] for r in rows.values())


def test_interchange_acled_precision_codes_middle_days_and_conservative_fatalities():
    names = Names(entities={"E1": ("Polres Sindangreja", "ORG"), "E2": ("Warga", None), "E3": ("Lamaran", "LOC")})
    events = [{"id": "a", "date": "2024-11-03", "precision": "day", "actors": ["E1", "E2", "E3"], "location": "E3",
               "sources": [{"doc": "d1", "sentence": 0}, {"doc": "d2", "sentence": 4}], "type": "attack"},
              {"id": "b", "date": "2024-11-04", "precision": "week", "sources": []},
              {"id": "c", "date": "2024-11", "precision": "month", "sources": [{"doc": "d1", "sentence": 1}]},
              {"id": "d", "date": "2001", "precision": "year", "sources": []},
              {"id": "e", "date": None, "precision": None, "sources": []}]
    figures = [{"doc": "d1", "sentence": 0, "category": "killed", "value": 4, "qualifier": "exact"},
               {"doc": "d2", "sentence": 4, "category": "killed", "value": 9, "low": 3, "high": 9,
                "qualifier": "range"},
               {"doc": "d2", "sentence": 4, "category": "killed", "value": 1, "status": "retracted"},
               {"doc": "d1", "sentence": 1, "category": "killed", "value": None, "qualifier": "vague"},
               {"doc": "d1", "sentence": 1, "category": "injured", "value": 2}]
    rows = {r["event_id"]: r for r in acled_rows(events, killed_by_sentence(figures), names)}
    assert set(rows) == {"a", "b", "c", "d"}  # the undated event is left out
    assert [rows[k]["time_precision"] for k in "abcd"] == [1, 2, 3, 3]
    assert [rows[k]["event_date"] for k in "abcd"] == ["2024-11-03", "2024-11-07", "2024-11-15", "2001-07-02"]
    assert rows["a"]["fatalities"] == 3  # the lowest count stated: a range's low end; the retraction ignored
    assert rows["c"]["fatalities"] is None  # a vague quantity and an injury count are no toll
    assert (rows["a"]["actor1"], rows["a"]["actor2"], rows["a"]["assoc_actors"]) == ("Polres Sindangreja", "Warga",
                                                                                     ["Lamaran"])
    assert middle_day("2024-02", "month").isoformat() == "2024-02-15" and middle_day("not a date", "day") is None


def test_interchange_timelinejs_respects_precision_and_escapes_html():
    names = Names(docs={"d1": {"outlet": "<b>Kabar</b>", "url": "javascript:alert(1)"},
                        "d2": {"outlet": "Warta", "url": "https://warta.invalid/berita?id=1&x=2"}})
    assert start_date("2024-11-03", "day") == {"year": 2024, "month": 11, "day": 3}
    assert start_date("2024-11", "month") == {"year": 2024, "month": 11}
    assert start_date("2024-11-03", "month") == {"year": 2024, "month": 11}  # precision wins over the digits
    assert start_date("2001", "year") == {"year": 2001}
    assert start_date("2024-11-04", "week")["display_date"] == "week of 2024-11-04"
    assert start_date(None, None) is None
    ev = {"id": "V/1 x", "date": "2024-11-03", "precision": "day", "type": "attack", "modality": "reported",
          "summary": "<script>alert('x')</script> Bentrok " + "panjang " * 20,
          "sources": [{"doc": "d1"}, {"doc": "d2"}]}
    slide = event_slide(ev, names)
    assert "<script>" not in slide["text"]["headline"] and "&lt;script&gt;" in slide["text"]["headline"]
    assert len(slide["text"]["headline"]) < len(ev["summary"]) and slide["text"]["headline"].endswith("…")
    body = slide["text"]["text"]
    assert "&lt;b&gt;Kabar&lt;/b&gt;" in body and "javascript:" not in body
    assert 'href="https://warta.invalid/berita?id=1&amp;x=2"' in body and "reported" in body
    assert slide["unique_id"] == "V_1_x" and slide["group"] == "attack"
    doc = timeline({"id": "S1", "title": "Judul <i>cerita</i>", "start": "2024-11-03", "end": "2024-11-04"},
                   [ev, {**ev, "id": "undated", "date": None, "precision": None}], names)
    assert [s["unique_id"] for s in doc["events"]] == ["V_1_x"]  # undated events are left out
    assert doc["title"]["text"]["headline"] == "Judul &lt;i&gt;cerita&lt;/i&gt;"
