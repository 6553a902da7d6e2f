"""The key-number chart in a real browser (Debian's chromium over the real uvicorn server): the ferry story's death
toll drawn with a line per claimant, readable and inside the screen at phone width, its points opening their
sentences, nothing refused by the Content-Security-Policy. Fails loudly in CI (CI=true) without chromium or
playwright."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from kronologi.serve.local import serving

from browser_helpers import DESKTOP, FLAGS, PHONE, layout, listen, need_chromium, need_playwright, target_style
from conftest import build_articles
from ferry_corpus import FERRY, toll_line

VIEW_BOX_WIDTH = 360  # kronologi.export.charts.WIDTH: user units across the chart


@pytest.fixture(scope="module")
def ferry_site(tmp_path_factory):
    sync_playwright = need_playwright()
    chromium = need_chromium()
    built = build_articles(tmp_path_factory.mktemp("serve-ferry-browser"), FERRY)
    with serving(built.db) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
        yield base, browser, toll_line(built.chronicle)
        browser.close()


def _chart(page, ledger_id: str) -> dict:
    """The chart of one key number as the browser lays it out."""
    return page.evaluate("""(id) => {
        const card = document.querySelector(`#key-numbers a[href="#${CSS.escape(id)}"]`).closest('li');
        const svg = card.querySelector('svg.chart'), box = svg.getBoundingClientRect();
        const text = svg.querySelector('text');
        return {width: box.width, height: box.height, right: box.right, left: box.left,
                lines: [...svg.querySelectorAll('polyline.claimant')].map(l => l.getAttribute('stroke')),
                points: svg.querySelectorAll('circle.pt').length,
                hollow: svg.querySelectorAll('circle.pt.retracted').length,
                legend: [...card.querySelectorAll('ul.claimants li')].map(li => li.textContent),
                fontSize: parseFloat(getComputedStyle(text).fontSize)};
    }""", ledger_id)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_serve_charts_browser_draws_both_claimants_inside_the_screen(ferry_site, viewport):
    base, browser, line = ferry_site
    context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    page = context.new_page()
    complaints = listen(page)
    try:
        assert page.goto(f"{base}/stories/{quote(line['story'], safe='')}").ok
        chart = _chart(page, line["id"])
        assert len(chart["lines"]) >= 2 and len(set(chart["lines"])) == len(chart["lines"]), chart
        assert chart["points"] == len(line["figures"]) and chart["hollow"] >= 1, chart
        assert any("harbour police" in name for name in chart["legend"]), chart
        assert any("Lentera General Hospital" in name for name in chart["legend"]), chart
        assert chart["left"] >= 0 and chart["right"] <= viewport["width"] and chart["height"] > 0, chart
        rendered = chart["fontSize"] * chart["width"] / VIEW_BOX_WIDTH  # the SVG scales its text with it
        assert rendered >= 11.5, chart  # axis labels stay readable on a phone
        seen = layout(page)
        assert seen["scrollWidth"] <= viewport["width"], seen
    finally:
        context.close()
    assert not complaints.all()


def test_serve_charts_browser_a_point_opens_its_sentence(ferry_site):
    base, browser, line = ferry_site
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    complaints = listen(page)
    try:
        page.goto(f"{base}/stories/{quote(line['story'], safe='')}")
        point = page.locator("svg.chart a").last
        href = point.get_attribute("href")
        point.locator("circle").click()
        page.wait_for_url(re.compile(r"/documents/[^#]+#s\d+$"))
        target = target_style(page)
        assert target is not None and href.endswith("#" + target["id"]), (href, target)
        assert target["text"].strip()
    finally:
        context.close()
    assert not complaints.all()
