"""Outputs are safe to open: no formula runs from a CSV, no article HTML runs from timeline.md,
no NUL or bidirectional control reaches a reader, chronicle.json is strict JSON, files are
0644-style, and an export that fails halfway leaves the previous set whole."""

from __future__ import annotations

import copy
import csv
import json
import os
import re
import stat

import pytest

import kronologi
from kronologi.export import ExportError, write_all
from kronologi.export.safe import BIDI_CONTROLS, csv_cell, figure_text, md_text, plain_number

from conftest import ARTICLE_EN, ARTICLE_ID

OUTPUTS = {"chronicle.json", "documents.csv", "figures.csv", "events.csv", "timeline.md", "report.html",
           "changes.json", "stories.csv", "entities.csv", "quotes.csv", "ledger.csv", "acled.csv"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "banjir demak.txt").write_text(ARTICLE_ID, encoding="utf-8")  # ids come from file names
    (folder / "flood\nreport.txt").write_text(ARTICLE_EN, encoding="utf-8")
    return kronologi.build([str(folder)])


@pytest.fixture
def chronicle(built):
    return copy.deepcopy(built)


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_safety_csv_cell_neutralises_formula_starts_in_text_only():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert csv_cell(f"{start}HYPERLINK(\"x\")") == f"'{start}HYPERLINK(\"x\")"
    assert csv_cell(-12) == "-12" and csv_cell(-3.5) == "-3.5"  # numbers stay numbers
    assert csv_cell("-12") == "-12" and csv_cell("+3.5") == "+3.5"  # text that is only a number too
    assert csv_cell("-12+cmd|' /C calc'!A0") == "'-12+cmd|' /C calc'!A0"
    assert csv_cell(["=a", "b"]) == "'=a; b" and csv_cell(None) == "" and csv_cell("plain") == "plain"


def test_safety_csv_files_neutralise_hostile_cells_and_keep_negative_numbers(chronicle, tmp_path):
    doc = chronicle.documents[0]
    doc.title, doc.outlet, doc.credits = "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1:A9)", ["+cmd"]
    chronicle.figures[0]["subject"], chronicle.figures[0]["value"] = "\tsubject", -5
    chronicle.events[0]["summary"] = "\r=1+1"
    paths = write_all(chronicle, tmp_path)
    row = next(r for r in _rows(paths["documents.csv"]) if r["id"] == doc.id)
    assert (row["title"][:2], row["outlet"], row["credits"]) == ("'=", "'@SUM(A1:A9)", "'+cmd")
    fig = next(r for r in _rows(paths["figures.csv"]) if r["id"] == chronicle.figures[0]["id"])
    assert fig["subject"] == "'\tsubject" and fig["value"] == "-5"
    ev = next(r for r in _rows(paths["events.csv"]) if r["id"] == chronicle.events[0]["id"])
    assert ev["summary"] == "'\r=1+1"


def test_safety_events_csv_sources_are_json_not_python_reprs(chronicle, tmp_path):
    paths = write_all(chronicle, tmp_path)
    assert "{'" not in paths["events.csv"].read_text(encoding="utf-8")
    for row, ev in zip(_rows(paths["events.csv"]), chronicle.events):
        assert json.loads(row["sources"]) == ev["sources"]


def test_safety_money_prints_plain_digits_with_its_currency(chronicle, tmp_path):
    fig = chronicle.figures[0]
    fig.update(value=121_000_000.0, low=121_000_000.0, unit="IDR")
    paths = write_all(chronicle, tmp_path)
    row = next(r for r in _rows(paths["figures.csv"]) if r["id"] == fig["id"])
    assert (row["value"], row["low"], row["unit"]) == ("121000000", "121000000", "IDR")
    for name in ("timeline.md", "report.html"):
        text = paths[name].read_text(encoding="utf-8")
        assert "121000000 IDR" in text and "e+08" not in text, name
    assert plain_number(1.5e-7) == "0.00000015" and plain_number(2.5) == "2.5" and plain_number(10**20) == str(10**20)
    assert figure_text({"value": 3.0, "unit": None}) == "3"


def test_safety_timeline_escapes_article_html_and_table_breakers(chronicle, tmp_path):
    doc = chronicle.documents[0]
    doc.title = "<script>alert(1)</script> A | B\nC [x](javascript:y) & co"
    doc.outlet = "Pos <b>Kota</b>"
    chronicle.events[0]["summary"] = "Warga <img src=x onerror=alert(1)> | mengungsi"
    md = write_all(chronicle, tmp_path)["timeline.md"].read_text(encoding="utf-8")
    for tag in ("<script", "<img", "<b>"):
        assert tag not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md and "&amp; co" in md
    row = next(line for line in md.splitlines() if "&lt;script&gt;" in line and line.startswith("|"))
    assert len(re.split(r"(?<!\\)\|", row)) == 9  # the documents table's 7 cells, not more
    assert "\\[x\\](javascript:y)" in row  # the title cannot open a link of its own
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in html and "<img" not in html and "<b>Kota" not in html


def test_safety_links_to_ids_with_spaces_and_newlines_stay_whole(chronicle, tmp_path):
    ids = {d.id for d in chronicle.documents}
    assert ids == {"banjir demak", "flood\nreport"}
    paths = write_all(chronicle, tmp_path)
    md = paths["timeline.md"].read_text(encoding="utf-8")
    assert "(report.html#banjir%20demak)" in md and "(report.html#flood%0Areport)" in md
    assert "](report.html#banjir demak" not in md
    targets = re.findall(r"\]\((report\.html#[^)]*)\)", md)
    assert targets and all(" " not in t and "\n" not in t for t in targets)
    html = paths["report.html"].read_text(encoding="utf-8")
    assert "href='#banjir%20demak'" in html and "id='banjir demak'" in html


def test_safety_nul_never_reaches_an_output(chronicle, tmp_path):
    doc = chronicle.documents[0]
    length = len(doc.text)
    doc.title, doc.outlet = "Judul\x00berita", "Pos\x00Kota"
    doc.text = doc.text.replace(" ", "\x00", 1)
    chronicle.figures[0]["claimant"] = "petugas\x00BPBD"
    chronicle.events[0]["summary"] = "\x00" + chronicle.events[0]["summary"]
    paths = write_all(chronicle, tmp_path)
    for name, path in paths.items():
        raw = path.read_bytes()
        assert b"\x00" not in raw, name
        assert b"\\u0000" not in raw, name  # not even escaped in JSON
    data = json.loads(paths["chronicle.json"].read_text(encoding="utf-8"))
    stored = next(d for d in data["documents"] if d["id"] == doc.id)
    assert len(stored["text"]) == length and "\ufffd" in stored["text"]  # one for one: offsets stay right


def test_safety_bidirectional_controls_never_reach_what_people_read(chronicle, tmp_path):
    doc = chronicle.documents[0]
    doc.title = "Banjir \u202egnp.exe\u202c di Demak \u2066x\u2069 \u200f\u061c"
    doc.outlet = "Pos\u202dKota"
    chronicle.entities[0]["name"] = "Dem\u202eak"
    paths = write_all(chronicle, tmp_path)
    for name in ("timeline.md", "report.html", "documents.csv", "figures.csv", "events.csv"):
        text = paths[name].read_text(encoding="utf-8")
        assert not set(BIDI_CONTROLS) & set(text), name
    assert "Banjir gnp.exe di Demak" in paths["timeline.md"].read_text(encoding="utf-8")


def test_safety_chronicle_json_is_strict_json_without_nan_or_infinity(chronicle, tmp_path):
    fig = chronicle.figures[0]
    fig.update(value=float("nan"), low=float("inf"), high=float("-inf"))
    paths = write_all(chronicle, tmp_path)

    def refuse(name):
        raise ValueError(f"non-standard JSON constant {name}")

    data = json.loads(paths["chronicle.json"].read_text(encoding="utf-8"), parse_constant=refuse)
    written = next(f for f in data["figures"] if f["id"] == fig["id"])
    assert (written["value"], written["low"], written["high"]) == (None, None, None)
    row = next(r for r in _rows(paths["figures.csv"]) if r["id"] == fig["id"])
    assert (row["value"], row["low"], row["high"]) == ("", "", "")


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_safety_outputs_get_the_mode_the_umask_allows(chronicle, tmp_path, umask):
    old = os.umask(umask)
    try:
        paths = write_all(chronicle, tmp_path)
    finally:
        os.umask(old)
    for name, path in paths.items():
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, name


def test_safety_export_failing_midway_leaves_the_previous_set_and_no_temporary_files(chronicle, tmp_path,
                                                                                     monkeypatch):
    import kronologi.export as export

    before = {name: path.read_bytes() for name, path in write_all(chronicle, tmp_path).items()}
    chronicle.documents[0].title = "A newer title"
    written = []
    real_tables = export.write_tables

    def tables_then_record(*args):
        out = real_tables(*args)
        written.extend(out)
        return out

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "write_tables", tables_then_record)
    monkeypatch.setattr(export, "write_pages", broken)
    with pytest.raises(ExportError, match="No space left on device"):
        write_all(chronicle, tmp_path)
    assert written  # the CSV views were written before the failure...
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # ...yet the old set is untouched
    assert {p.name for p in tmp_path.iterdir()} == OUTPUTS  # and nothing temporary is left


def test_safety_a_staging_folder_left_by_a_killed_export_is_removed(chronicle, tmp_path):
    stale = tmp_path / ".kronologi-export-999999999-abc"  # no such process
    stale.mkdir()
    (stale / "timeline.md").write_text("half", encoding="utf-8")
    write_all(chronicle, tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == OUTPUTS


def test_safety_an_output_folder_that_cannot_be_written_raises_a_clear_error(chronicle, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write the outputs to") as caught:
        write_all(chronicle, blocker / "out")
    assert caught.value.code == "failed.export.outdir"


def test_safety_md_text_escapes_what_breaks_markdown():
    assert md_text("a|b\nc\r\nd") == "a\\|b c  d"
    assert md_text("[x](y) `z` \\") == "\\[x\\](y) \\`z\\` \\\\"
    assert md_text("<i>&") == "&lt;i&gt;&amp;"
