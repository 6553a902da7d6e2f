"""A story page's key-number charts: a death toll that rises while two claimants count is drawn as one inline SVG
chart with a line and points per claimant, a retracted value hollow and struck in the ledger, each point linked to
its sentence; the JSON twin carries the same points; a quantity reported once gets no chart; article strings in a
chart are escaped."""

from __future__ import annotations

import re
from html import unescape

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kronologi.serve.charts import line_chart
from kronologi.serve.openapi import openapi_spec
from kronologi.serve.render import sentence_url

from conftest import build_articles
from ferry_corpus import FERRY, HOSPITAL, POLICE, toll_line
from serve_corpus import client_for, served_store  # noqa: F401 - served_store: the session fixture


@pytest.fixture(scope="module")
def ferry(tmp_path_factory):
    built = build_articles(tmp_path_factory.mktemp("serve-ferry"), FERRY)
    line = toll_line(built.chronicle)
    client = client_for(built.db)
    story = client.get(f"/stories/{line['story']}.json").json()
    html = client.get(f"/stories/{line['story']}").text
    return built, line, story, html


def _card(html: str, ledger_id: str) -> str:
    """The key-number card of one ledger line: from its link to the end of its list item."""
    start = html.index(f'<a href="#{ledger_id}">')
    return html[start : html.index("</li>\n", start)]


def _key(story: dict, ledger_id: str) -> dict:
    return next(k for k in story["key_numbers"] if k["ledger"] == ledger_id)


def test_serve_chart_json_has_a_point_per_figure_and_both_claimants(ferry):
    built, line, story, _ = ferry
    chart = _key(story, line["id"])["chart"]
    assert chart is not None
    assert sorted(p["figure"] for p in chart["points"]) == sorted(line["figures"])
    names = [c["name"] for c in chart["claimants"]]
    assert any(POLICE in n for n in names) and any(HOSPITAL in n for n in names), names
    assert len({c["colour"] for c in chart["claimants"]}) == len(names)
    figures = {f["id"]: f for f in built.chronicle.figures}
    for p in chart["points"]:
        assert p["value"] == figures[p["figure"]]["value"]
        assert p["retracted"] == any(figures[i]["status"] == "retracted" and figures[i]["value"] == p["value"]
                                     for i in line["figures"])
    days = [p["day"] for p in chart["points"] if p["day"]]
    assert days == sorted(days)
    for who in (POLICE, HOSPITAL):  # the toll rises in each claimant's own count
        values = [p["value"] for p in chart["points"] if who in p["claimant"] and not p["retracted"]]
        assert len(values) >= 2 and values[-1] > values[0], (who, values)


def test_serve_chart_svg_draws_a_line_per_claimant_and_links_each_point(ferry):
    _, line, story, html = ferry
    chart = _key(story, line["id"])["chart"]
    card = _card(html, line["id"])
    svg = re.search(r"<svg class=chart .*?</svg>", card, re.S).group(0)
    colours = {c["name"]: c["colour"] for c in chart["claimants"]}
    strokes = re.findall(r"<polyline class=claimant points='[^']*' stroke='([^']+)'/>", svg)
    lined = [n for n in colours if sum(p["claimant"] == n and not p["retracted"] for p in chart["points"]) > 1]
    assert sorted(strokes) == sorted(colours[n] for n in lined) and len(strokes) >= 2  # police and hospital
    points = re.findall(r"<a href='([^']+)'><circle class='(pt[^']*)'[^>]*fill='([^']+)' stroke='([^']+)'", svg)
    assert len(points) == len(chart["points"])
    figures = {f["id"]: f for f in story_figures(story, line["id"])}
    for (href, kind, fill, stroke), p in zip(points, chart["points"]):
        assert stroke == colours[p["claimant"]]
        assert (kind == "pt retracted") == (fill == "#fff") == p["retracted"]
        assert unescape(href) == sentence_url(figures[p["figure"]])
    assert any(p["retracted"] for p in chart["points"])
    legend = re.search(r"<ul class=claimants>.*?</ul>", card, re.S).group(0)
    for name in colours:
        assert f"fill='{colours[name]}'/></svg>{name}</li>" in legend
    assert " style=" not in card  # the CSP allows no inline style: colours are SVG attributes


def story_figures(story: dict, ledger_id: str) -> list[dict]:
    return next(ln for ln in story["ledger"] if ln["id"] == ledger_id)["figures"]


def test_serve_chart_retracted_value_is_struck_in_the_ledger(ferry):
    _, line, story, html = ferry
    retracted = [f for f in story_figures(story, line["id"]) if f["status"] == "retracted"]
    assert retracted
    section = html[html.index(f'<div class="ledger-line" id="{line["id"]}">'):]
    cells = re.findall(r'<td( class="struck")?><a href="([^"]+)">', section.split("</table>")[0])
    struck = {href for cls, href in cells if cls}
    assert struck == {sentence_url(f) for f in retracted}
    assert len(cells) > len(struck)  # the values still reported are not struck


def test_serve_chart_json_twin_validates_against_openapi(ferry):
    _, line, story, _ = ferry
    spec = openapi_spec()
    registry = Registry().with_resource("urn:spec", Resource.from_contents(spec, default_specification=DRAFT202012))
    Draft202012Validator({"$ref": "urn:spec#/components/schemas/Story"}, registry=registry).validate(story)


def test_serve_chart_none_for_a_quantity_reported_once(served_store):
    client = client_for(served_store.db)
    story_id = served_store.chronicle.stories[0]["id"]
    story = client.get(f"/stories/{story_id}.json").json()
    once = [k for k in story["key_numbers"] if len(k["values"]) == 1]
    assert once and all(k["chart"] is None for k in once)
    html = client.get(f"/stories/{story_id}").text
    for k in once:
        assert "<svg class=chart" not in _card(html, k["ledger"])
    charted = [k for k in story["key_numbers"] if len(k["values"]) > 1]
    assert html.count("<svg class=chart") == len(charted)


def test_serve_chart_escapes_claimants_and_outlets():
    hostile = "<b onmouseover='x'>Polisi</b>"
    figures = [{"id": f"a#f{i}", "doc": "a/b c", "sentence": i, "text": str(v), "value": v, "low": None, "high": None,
                "qualifier": "exact", "unit": None, "claimant": hostile if i else "BPBD", "via": None,
                "as_of": f"2031-03-0{i + 1}", "status": "reported", "outlet": "<i>Kabar</i>", "published": None,
                "relation": "update"} for i, v in enumerate((3, 7))]
    line = {"id": "ledger-1", "category": "killed", "subject": "<script>", "relation": "update", "figures": figures}
    markup = str(line_chart(line, sentence_url))
    assert "<b " not in markup and "<i>" not in markup and "<script>" not in markup
    assert "&lt;b onmouseover=&#x27;x&#x27;&gt;Polisi&lt;/b&gt;" in markup
    assert "href='/documents/a%2Fb%20c#s1'" in markup
