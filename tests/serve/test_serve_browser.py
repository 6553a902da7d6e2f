"""``kronologi serve`` in a real browser: Debian's chromium driven by Playwright against the real uvicorn server on
a loopback port. A reader opens a story, clicks a ledger value and lands on its sentence, highlighted; searches from
the box and follows a hit; reads on a phone without sideways scrolling; and no page complains in the console or
runs a script (the Content-Security-Policy refuses one). Fails loudly in CI (CI=true) without chromium or
playwright."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

import pytest

from kronologi.serve.headers import CSP
from kronologi.serve.local import serving

from browser_helpers import (DESKTOP, FLAGS, FOLLOW_UP_ID, LONG_ADDRESS, PHONE, layout, listen, need_chromium,
                             need_playwright, sentence_style, target_style)
from conftest import build_articles
from serve_corpus import ARTICLES

SENTENCE_LINK = re.compile(r"^/documents/([^#?]+)#s(\d+)$")
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")


@dataclass
class Site:
    base: str
    browser: object
    chronicle: object

    def json(self, page, path: str) -> dict:
        answer = page.request.get(self.base + path)
        assert answer.ok, (path, answer.status)
        return answer.json()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    sync_playwright = need_playwright()
    chromium = need_chromium()
    built = build_articles(tmp_path_factory.mktemp("serve-browser"),
                           {**ARTICLES, "bantuan-giriwangi.txt": FOLLOW_UP_ID})
    with serving(built.db) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
        yield Site(base, browser, built.chronicle)
        browser.close()


def _page(site: Site, **options):
    context = site.browser.new_context(**options)
    page = context.new_page()
    return context, page, listen(page)


@pytest.fixture
def desktop(site):
    context, page, complaints = _page(site, viewport=DESKTOP)
    yield page, complaints
    context.close()


def _story_id(site: Site) -> str:
    """The story of the Giriwangi landslide: the one with the most documents."""
    return max(site.chronicle.stories, key=lambda s: len(s["documents"]))["id"]


def _url(kind: str, key: str) -> str:
    return f"/{kind}/{quote(key, safe='')}"


def test_serve_browser_ledger_value_opens_its_sentence_highlighted(site, desktop):
    page, complaints = desktop
    story = site.json(page, _url("stories", _story_id(site)) + ".json")
    line = next(line for line in story["ledger"] if line["figures"])
    fig = line["figures"][0]
    page.goto(site.base + "/")
    page.locator("ol.stories a", has_text=story["title"]).click()
    page.wait_for_url(f"**{_url('stories', story['id'])}")
    page.locator(f"[id='{line['id']}'] td a").first.click()
    page.wait_for_url(re.compile(r"/documents/[^#]+#s\d+$"))
    url = urlsplit(page.url)
    assert unquote(url.path) == f"/documents/{fig['doc']}" and url.fragment == f"s{fig['sentence']}"
    target = target_style(page)
    assert target is not None, "no element is the fragment's target"
    assert target["id"] == f"s{fig['sentence']}" and fig["text"] in target["text"]
    assert target["inView"], "the browser did not scroll the sentence into view"
    assert target["outline"] != "none" and target["background"] not in TRANSPARENT
    highlight = page.locator(f"[id='s{fig['sentence']}'] .hl-figure", has_text=fig["text"]).first
    assert highlight.count() == 1, "the value is not highlighted as a figure in its sentence"
    assert unquote(highlight.get_attribute("href")) == f"/stories/{story['id']}#{line['id']}"
    assert highlight.evaluate("el => getComputedStyle(el).backgroundColor") not in TRANSPARENT
    legend = page.locator("ul.legend .hl-figure")
    assert legend.evaluate("el => getComputedStyle(el).backgroundColor") == \
        highlight.evaluate("el => getComputedStyle(el).backgroundColor")  # the legend names the colour
    marked = sentence_style(page, target["id"])
    other = next(i for i in page.eval_on_selector_all(".sentence", "els => els.map(el => el.id)") if i != target["id"])
    page.goto(f"{site.base}{url.path}#{other}")  # the same sentence, no longer the target: its mark goes
    plain = sentence_style(page, target["id"])
    assert plain["outline"] == "none" and plain["background"] != marked["background"], (marked, plain)
    assert not complaints.all()


def test_serve_browser_every_sentence_link_lands_on_its_sentence(site, desktop):
    page, complaints = desktop
    story_path = _url("stories", _story_id(site))
    page.goto(site.base + story_path)
    links = page.eval_on_selector_all("#timeline a, #ledger a", "els => els.map(a => a.getAttribute('href'))")
    event = next(h for h in links if h.startswith("/events/"))
    page.goto(site.base + event)
    links += page.eval_on_selector_all(".source-card a", "els => els.map(a => a.getAttribute('href'))")
    sentence_links = sorted({h for h in links if SENTENCE_LINK.match(h)})
    assert len(sentence_links) >= 5, links  # ledger values and event sources link to sentences
    for href in sentence_links:
        page.goto(site.base + href)
        target = target_style(page)
        assert target is not None and target["id"] == "s" + SENTENCE_LINK.match(href).group(2), href
        assert target["text"].strip(), href
    assert not complaints.all()


def test_serve_browser_search_box_finds_and_follows_a_hit(site, desktop):
    page, complaints = desktop
    page.goto(site.base + _url("stories", _story_id(site)))
    box = page.locator("header form.search input[name=q]")
    box.fill("Wiratmo")
    box.press("Enter")
    page.wait_for_url("**/search?q=Wiratmo")
    hits = page.locator("ol.results > li")
    assert hits.count() >= 2
    marked = page.eval_on_selector_all("ol.results mark", "els => els.map(m => m.textContent.toLowerCase())")
    assert marked and set(marked) == {"wiratmo"}
    first_doc = page.locator("ol.results > li a[href^='/documents/']").first
    title = first_doc.text_content()
    first_doc.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("h1").text_content() == title or title in page.locator("dl.facts").text_content()
    assert "Wiratmo" in page.locator(".doc-text").inner_text()
    assert not complaints.all()


def test_serve_browser_phone_width_never_scrolls_sideways(site):
    context, page, complaints = _page(site, viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True)
    try:
        story = site.json(page, _url("stories", _story_id(site)) + ".json")
        paths = ["/", _url("stories", story["id"]), _url("documents", "bantuan-giriwangi"),
                 _url("events", story["timeline"]["items"][0]["id"]), "/search?q=longsor"]
        paths += [_url("documents", d["id"]) for d in story["documents"]]
        for path in paths:
            answer = page.goto(site.base + path)
            assert answer.ok, path
            seen = layout(page)
            assert seen["scrollWidth"] <= PHONE["width"] and seen["bodyWidth"] <= PHONE["width"], (path, seen)
            assert seen["viewport"] == PHONE["width"], (path, seen)  # a phone widens its viewport to the content
            assert seen["texts"] > 0 and seen["smallestFont"] >= 12, (path, seen)
        page.goto(site.base + _url("documents", "bantuan-giriwangi"))
        assert LONG_ADDRESS in page.locator(".doc-text").inner_text()  # the long address was there to wrap
        assert float(page.eval_on_selector("body", "b => parseFloat(getComputedStyle(b).fontSize)")) >= 16
    finally:
        context.close()
    assert not complaints.all()


STORY_SECTIONS = ("key-numbers", "timeline", "ledger", "quotes", "entities", "coverage", "changes")


def test_serve_browser_phone_shows_every_story_section_and_the_highlights(site):
    context, page, complaints = _page(site, viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True)
    try:
        story_id = _story_id(site)
        story = site.json(page, _url("stories", story_id) + ".json")
        assert story["ledger"] and story["quotes"]["items"] and story["entities"] and story["coverage"]
        page.goto(site.base + _url("stories", story_id))
        for section in STORY_SECTIONS:
            box = _seen(page, f"section#{section}")
            assert box["height"] > 0 and box["left"] >= 0 and box["right"] <= PHONE["width"], (section, box)
            assert box["scrollWidth"] <= PHONE["width"], (section, box)
        doc = next(d["id"] for d in story["documents"] if site.json(page, _url("documents", d["id"]) + ".json")
                   ["spans"])
        page.goto(site.base + _url("documents", doc))
        for selector in ("ul.legend", ".doc-text", ".doc-text .hl-figure", ".doc-text .hl-entity"):
            box = _seen(page, selector)
            assert box["height"] > 0 and box["right"] <= PHONE["width"], (selector, box)
            assert box["scrollWidth"] <= PHONE["width"], (selector, box)
    finally:
        context.close()
    assert not complaints.all()


def _seen(page, selector: str) -> dict:
    """Scroll ``selector``'s first element into view: its box, whether it is visible, and the page's width then."""
    element = page.locator(selector).first
    assert element.is_visible(), selector
    element.scroll_into_view_if_needed()
    return page.eval_on_selector(selector, """el => { const b = el.getBoundingClientRect();
        return {left: b.left, right: b.right, height: b.height,
                scrollWidth: document.documentElement.scrollWidth}; }""")


def test_serve_browser_pages_log_nothing_and_run_no_script(site, desktop):
    page, complaints = desktop
    story = site.json(page, _url("stories", _story_id(site)) + ".json")
    event = site.json(page, _url("events", story["timeline"]["items"][0]["id"]) + ".json")
    hostile = next(d for d in site.chronicle.documents if "<script>" in d.text)
    entity = max(site.chronicle.entities, key=lambda ent: len(ent["mentions"]))["id"]
    paths = ["/", "/stories", _url("stories", story["id"]), _url("events", event["id"]),
             _url("documents", hostile.id), _url("entities", entity), "/search?q=longsor"]
    for path in paths:
        answer = page.goto(site.base + path)
        assert answer.ok and answer.headers.get("content-security-policy") == CSP, path
        assert page.evaluate("document.scripts.length") == 0, path
    page.goto(site.base + _url("documents", hostile.id))
    assert "<script>alert('x')</script>" in page.locator(".doc-text").inner_text()  # shown as text, never run
    assert page.title().endswith("· Kronologi")
    assert not complaints.all()
    missing = page.goto(site.base + "/nothing-here")  # the error page too: the CSP, our stylesheet, no script
    assert missing.status == 404 and missing.headers.get("content-security-policy") == CSP
    assert page.evaluate("document.scripts.length") == 0
    assert page.eval_on_selector("body", "b => getComputedStyle(b).marginTop") == "0px"  # style.css applied
    assert [line for line in complaints.all() if "status of 404" not in line] == []


def test_serve_browser_csp_refuses_an_inline_script(site):
    planted = "const s = document.createElement('script'); s.textContent = 'window.ran = true'; " \
              "document.body.appendChild(s); window.ran === true"
    outcomes = {}
    for bypass in (False, True):  # with the CSP bypassed the same script runs: the check is not vacuous
        context, page, complaints = _page(site, viewport=DESKTOP, bypass_csp=bypass)
        try:
            page.goto(site.base + _url("stories", _story_id(site)))
            outcomes[bypass] = (page.evaluate(planted), complaints.console)
        finally:
            context.close()
    ran, console = outcomes[False]
    assert ran is False and any("Content Security Policy" in line for line in console), console
    assert outcomes[True][0] is True
