"""Key numbers: each ledger row read as a history, drawn and said in one sentence, before the timeline.

The chronicle here is written by hand (invented places, people and numbers): a flood toll
rising over four days from two claimants, who disagree on one day, and a value retracted."""

from __future__ import annotations

import re

import pytest

from kronologi.chronicle import Chronicle
from kronologi.document import Document, Sentence
from kronologi.export.charts import quantity_chart
from kronologi.export.keynumbers import key_number
from kronologi.export.markdown import render_markdown
from kronologi.export.report import render_report

TEXT = "The toll rose again in Lembah Hijau. Officials gave new numbers. Rescuers kept searching."


def _fig(n, value, as_of, claimant, relation="update", status="reported", qualifier="exact"):
    return {"id": f"a#f{n}", "story": "S1", "doc": "a", "sentence": 0, "start": 0, "end": 8, "value": value,
            "qualifier": qualifier, "category": "killed", "unit": None, "subject": None, "claimant": claimant,
            "via": None, "as_of": as_of, "status": status, "relation": relation}


FIGURES = [_fig(1, 4, "2031-03-01", "the mayor", "single"), _fig(2, 9, "2031-03-02", "the mayor"),
           _fig(3, 40, "2031-03-02", "a local radio", "contradiction"),
           _fig(4, 40, "2031-03-03", "a local radio", "retraction", status="retracted"),
           _fig(5, 15, "2031-03-03", "the mayor"), _fig(6, 21, "2031-03-04", "the mayor")]
ROW = {"id": "ledger-1", "story": "S1", "category": "killed", "subject": None, "part": False,
       "figures": [f["id"] for f in FIGURES], "relation": "contradiction", "past_event": False}


@pytest.fixture
def chronicle():
    doc = Document(id="a", source_path="a.txt", format="text", raw_text=TEXT, text=TEXT, title="Flood in Lembah Hijau",
                   outlet="Kabar Lembah", url="https://kabar.example/flood (1)", published="2031-03-04T09:00",
                   published_basis="metadata", language="en", story="S1",
                   sentences=[Sentence(0, 36), Sentence(37, 64), Sentence(65, 88)])
    events = [{"id": "V1", "story": "S1", "type": "disaster", "summary": "The toll rose", "date": "2031-03-04",
               "precision": "day", "date_basis": "publication", "modality": "asserted", "background": False,
               "evidence": [{"doc": "a", "sentence": 2, "why": ["same date 2031-03-04"]}],
               "sources": [{"doc": "a", "sentence": 0, "start": 0, "end": 36}]},
              {"id": "V2", "story": "S1", "type": "search", "summary": "Rescuers kept searching", "date": None,
               "precision": None, "date_basis": None, "modality": "asserted", "background": False, "evidence": [],
               "sources": [{"doc": "a", "sentence": 2, "start": 65, "end": 88}]}]
    story = {"id": "S1", "title": "Flood in Lembah Hijau", "documents": ["a"], "start": "2031-03-01",
             "end": "2031-03-04", "summary": []}
    return Chronicle(documents=[doc], stories=[story], events=events, figures=FIGURES, ledger=[ROW])


def test_keynumbers_sentence_gives_values_in_as_of_order_then_contradiction_and_retraction():
    kn = key_number(ROW, FIGURES)
    assert kn.sentence == ("killed: 4 → 9 → 15 → 21 (the mayor); 9 vs 40 on 2 Mar, the mayor vs a local radio; "
                           "40 retracted on 3 Mar (a local radio)")


def test_keynumbers_series_prefers_a_firm_value_to_a_bound_on_the_same_day():
    figures = [_fig(1, 10, "2031-03-01", "police"), _fig(2, 5, "2031-03-02", None, qualifier="more_than"),
               _fig(3, 12, "2031-03-02", "police")]
    assert key_number(ROW, figures).sentence == "killed: 10 → 12 (police)"


def test_keynumbers_a_count_known_to_its_month_comes_after_the_days_of_that_month():
    figures = [_fig(1, 10, "2031-03-01", "police"), _fig(2, 90, "2031-03", "police"), _fig(3, 30, "2031-03-05", "police")]
    assert key_number(ROW, figures).sentence == "killed: 10 → 30 → 90 (police)"


def test_keynumbers_chart_has_one_point_per_ledger_figure_and_marks_the_retracted_value():
    svg = quantity_chart(key_number(ROW, FIGURES), lambda fig: f"#a-s{fig['sentence']}")
    points = re.findall(r"<circle class='(pt[^']*)'", svg)
    assert len(points) == len(FIGURES)
    assert points.count("pt retracted") == 2  # the value 40 was retracted: both its points are hollow
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org", "")


def test_keynumbers_come_before_the_timeline_in_report_and_markdown(chronicle):
    html, md = render_report(chronicle), render_markdown(chronicle)
    assert html.index("Key numbers</h3>") < html.index("Timeline</h3>") < html.index("Undated events")
    assert md.index("### Key numbers") < md.index("### Timeline") < md.index("### Undated events")
    assert "- killed: 4 → 9 → 15 → 21 (the mayor)" in md


def test_report_has_viewport_legend_contents_and_folds_undated_events(chronicle):
    html = render_report(chronicle)
    assert "<meta name=viewport content='width=device-width, initial-scale=1'>" in html
    assert "<summary>Legend</summary>" in html and "contradiction" in html.split("<summary>Legend</summary>")[1]
    assert "<nav class=toc>" in html and "href='#story-S1-keys'" in html
    assert re.search(r"<details id='story-S1-undated'><summary>Undated events \(1\)</summary>", html)


def test_report_links_each_line_to_its_sentence_and_the_original_article(chronicle):
    html, md = render_report(chronicle), render_markdown(chronicle)
    line = re.search(r"<li id='V1'>.*?</li>", html).group(0)
    assert "href='#a-s0'" in line and "href='https://kabar.example/flood%20%281%29'" in line
    assert "<span class=basis title='date from the publication'>publication</span>" in line
    assert "title='why these sources are one event: a (s2): same date 2031-03-04'" in line
    assert "[↗](https://kabar.example/flood%20%281%29)" in md and "  - merged: a (s2): same date 2031-03-04" in md


def test_report_never_links_an_article_url_that_is_not_a_web_address(chronicle):
    chronicle.documents[0].url = "javascript:alert(1)"
    html, md = render_report(chronicle), render_markdown(chronicle)
    assert "javascript:" not in html and "javascript:" not in md


def test_report_charts_only_quantities_reported_more_than_once(chronicle):
    once = _fig(7, 3, "2031-03-02", "the mayor", "single")
    once["category"] = "missing"
    chronicle.figures = FIGURES + [once]
    chronicle.ledger = [ROW, {**ROW, "id": "ledger-2", "category": "missing", "figures": [once["id"]],
                              "relation": "single"}]
    html = render_report(chronicle)
    assert html.count("<svg class=chart") == 1
    folded = html[html.index("Reported once (1)"):]
    assert "missing: 3" in folded[:folded.index("</details>")]


def test_keynumbers_a_vague_count_reads_as_written():
    figures = [_fig(1, 10, "2031-03-01", "police"), {**_fig(2, None, "2031-03-02", "police"), "text": "dozens"},
               _fig(3, 30, "2031-03-05", "police")]
    assert key_number(ROW, figures).sentence == "killed: 10 → dozens → 30 (police)"


def test_keynumbers_a_count_known_only_to_its_year_is_not_placed_on_the_first_of_january():
    figures = [_fig(1, 10, "2031-03-01", "police"), _fig(2, 90, "2031", "police"), _fig(3, 30, "2031-03-05", "police")]
    kn = key_number(ROW, figures)
    assert kn.sentence == "killed: 10 → 30 → 90 (police)"  # the undated count last, not first
    assert [p.day for p in kn.points][-1] is None


def test_keynumbers_a_denied_value_is_never_the_latest_value_of_the_series():
    # 23 → 67, then 120 from another claimant, denied the next day: 67 stands, 120 is said withdrawn
    figures = [_fig(1, 23, "2031-05-01", "the regent", "single"), _fig(2, 67, "2031-05-02", "the regent"),
               _fig(3, 120, "2031-05-03", "a rescue team"),
               _fig(4, 120, "2031-05-04", "the regent", "retraction", status="denied")]
    kn = key_number(ROW, figures)
    assert kn.series[-1].fig["value"] == 67
    assert kn.sentence == "killed: 23 → 67 (the regent); 120 denied on 4 May (the regent)"
    assert [p.retracted for p in kn.points] == [False, False, True, True]


def test_keynumbers_a_value_withdrawn_elsewhere_in_the_story_is_marked_not_current():
    # the ledger related 120 as a retraction (a figure of another row withdrew it): no figure of this row says so
    figures = [_fig(1, 23, "2031-05-01", "the regent", "single"), _fig(2, 67, "2031-05-02", "the regent"),
               _fig(3, 120, "2031-05-03", "a rescue team", "retraction")]
    kn = key_number(ROW, figures)
    assert kn.sentence == "killed: 23 → 67 (the regent); 120 withdrawn (given 3 May by a rescue team)"


def test_report_strikes_a_withdrawn_value_in_key_numbers_and_ledger(chronicle):
    figures = [_fig(1, 23, "2031-03-01", "the regent", "single"), _fig(2, 67, "2031-03-02", "the regent"),
               _fig(3, 120, "2031-03-03", "the regent", "retraction", status="denied")]
    chronicle.figures = figures
    chronicle.ledger = [{**ROW, "figures": [f["id"] for f in figures], "relation": "retraction"}]
    html, md = render_report(chronicle), render_markdown(chronicle)
    assert "killed: 23 → 67 (the regent); <span class=struck>120</span> denied on 3 Mar (the regent)" in html
    assert "status-denied struck" in html
    assert "- killed: 23 → 67 (the regent); 120 denied on 3 Mar (the regent)" in md
