"""The document page highlights every extracted fact: figures, quotes, event sentences, dates and entity mentions
from the store, each linked where it belongs, nested into well-formed HTML however they overlap, the same spans
in the JSON twin, each kind read through an index."""

from __future__ import annotations

import re
import sqlite3
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from kronologi.serve import highlights
from kronologi.serve.nesting import nest
from kronologi.serve.render import templates

from serve_corpus import client_for, served_store  # noqa: F401  (the session fixture)

VOID = {"meta", "link", "br", "hr", "img", "input", "wbr"}


class Checker(HTMLParser):
    """Fails on a closing tag that does not close the innermost open one, and on a link inside a link; records
    the highlights in ``.doc-text`` (kind, link, text without the small link markers) in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, list[str], dict | None]] = []
        self.marks: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in VOID:
            return
        attrs = dict(attrs)
        assert not (tag == "a" and any(t == "a" for t, _, _ in self.open)), ("a link inside a link", self.getpos())
        classes = (attrs.get("class") or "").split()
        mark = None
        if "hl" in classes and self._inside("doc-text"):
            kind = next(c[3:] for c in classes if c.startswith("hl-"))
            mark = {"kind": kind, "href": attrs.get("href"), "text": ""}
            self.marks.append(mark)
        self.open.append((tag, classes, mark))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.open and self.open[-1][0] == tag, (f"</{tag}> closes {self.open[-1:]}", self.getpos())
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if self._inside("hl-to"):
            return
        for _, _, mark in self.open:
            if mark is not None:
                mark["text"] += data

    def _inside(self, cls: str) -> bool:
        return any(cls in classes for _, classes, _ in self.open)


def _parsed(html: str) -> Checker:
    checker = Checker()
    checker.feed(html)
    checker.close()
    assert checker.open == [], checker.open
    return checker


def _flat(nodes: list[dict]) -> str:
    return "".join(n["text"] if n["span"] is None else _flat(n["children"]) for n in nodes)


def _walk(nodes: list[dict], linked_above: bool = False):
    for n in nodes:
        yield n, linked_above
        yield from _walk(n["children"], linked_above or n["link"] == "self")


def _span(kind: str, start: int, end: int, target: str | None = "/x") -> dict:
    return {"kind": kind, "start": start, "end": end, "ref": None, "target": target, "label": kind}


def test_document_highlights_crossing_spans_nest_without_a_link_in_a_link():
    text = "Kata Ketua Rukun Warga Sumarni: lima keluarga pindah hari Senin ke rumah kerabat."
    quote_ = _span("quote", 5, 40)
    name = _span("entity", 11, 52)       # crosses the quote's end: split in two
    figure = _span("figure", 32, 36)
    date = _span("date", 32, 36, None)   # the same words as the figure
    nodes = nest([name, figure, quote_, date], 0, len(text), text)
    assert _flat(nodes) == text
    seen = list(_walk(nodes))
    fragments = [(n["span"]["kind"], _flat(n["children"])) for n, _ in seen if n["span"] is name]
    assert fragments == [("entity", text[11:40]), ("entity", text[40:52])]
    assert all(not (above and n["link"]) for n, above in seen), "a link nested in a link"
    quote_node = next(n for n, _ in seen if n["span"] is quote_)
    assert quote_node["link"] == "marker"  # it holds links, so its own is a marker after its text
    figure_node = next(n for n, _ in seen if n["span"] is figure)
    assert figure_node["link"] == "self" and [c["span"]["kind"] for c in figure_node["children"]] == ["date"]
    assert nest([quote_], 10, 20, text)[0]["children"][0]["text"] == text[10:20]  # clipped to the range asked


def test_document_highlights_render_overlaps_as_well_formed_html():
    text = 'Kata <Ketua> RW "Sumarni Hadi: lima keluarga" pindah hari Senin.'
    spans = [_span("quote", 17, 44, "/entities/E1"), _span("entity", 17, 29, "/entities/E1"),
             _span("figure", 31, 44, "/stories/S1#ledger-1"),
             _span("date", 36, 52, None),  # crosses the figure's and the quote's end: split there
             _span("entity", 5, 12, "/entities/E2")]
    macro = templates.env.get_template("_macros.html").module.highlighted
    html = str(macro(nest(spans, 0, len(text), text)))
    checker = Checker()
    checker.open.append(("div", ["doc-text"], None))
    checker.feed(html + "</div>")  # fails on a tag closed out of order or a link inside a link
    checker.close()
    assert checker.open == []
    assert "<Ketua>" not in html and "&lt;Ketua&gt;" in html
    assert [(m["kind"], m["text"]) for m in checker.marks] == [
        ("entity", "<Ketua>"), ("quote", text[17:44]), ("entity", "Sumarni Hadi"), ("figure", "lima keluarga"),
        ("date", "keluarga"), ("date", text[44:52])]
    assert [m["href"] for m in checker.marks] == ["/entities/E2", None, "/entities/E1", "/stories/S1#ledger-1",
                                                  None, None]
    assert html.count('class="hl-to hl-quote-to" href="/entities/E1"') == 1  # the quote's own link, after it


def _store_facts(db_path, doc_id: str) -> set[tuple[str, int, int, str | None]]:
    with sqlite3.connect(db_path) as db:
        q = lambda sql: db.execute(sql, (doc_id,)).fetchall()  # noqa: E731
        return ({("figure", s, e, i) for i, s, e in q('SELECT id, start, "end" FROM figures WHERE doc = ?')}
                | {("quote", s, e, i) for i, s, e in q('SELECT id, start, "end" FROM quotes WHERE doc = ?')}
                | {("event", s, e, i) for i, s, e in q('SELECT event, start, "end" FROM event_sources WHERE doc = ?')}
                | {("entity", s, e, i) for i, s, e in q('SELECT entity, start, "end" FROM mentions WHERE doc = ?')})


def test_document_highlights_every_fact_of_the_store(served_store):  # noqa: F811
    client = client_for(served_store.db)
    kinds_seen: set[str] = set()
    for doc in served_store.chronicle.documents:
        twin = client.get(f"/documents/{quote(doc.id, safe='')}.json").json()
        spans = twin["spans"]
        got = {(s["kind"], s["start"], s["end"], s["ref"]) for s in spans if s["kind"] != "date"}
        assert got == _store_facts(served_store.db, doc.id)
        dates = [(s["start"], s["end"], s["ref"]) for s in spans if s["kind"] == "date"]
        assert dates == [(tm["start"], tm["end"], tm["value"]) for tm in doc.times]
        assert all(s["text"] == doc.text[s["start"]:s["end"]] for s in spans)
        kinds_seen |= {s["kind"] for s in spans}
        html = client.get(f"/documents/{quote(doc.id, safe='')}").text
        page = _parsed(html)
        for kind in ("figure", "quote", "date", "entity"):
            shown = "".join(m["text"] for m in page.marks if m["kind"] == kind)
            assert shown == "".join(s["text"] for s in spans if s["kind"] == kind), kind
        sentence_of = {(s["start"], s["end"]): s["idx"] for s in twin["sentences"]}
        for ev in (s for s in spans if s["kind"] == "event"):
            if (ev["start"], ev["end"]) in sentence_of:  # a whole sentence: the sentence is marked, its event linked
                marked = re.search(rf'<mark id="s{sentence_of[ev["start"], ev["end"]]}" class="sentence hl-event">'
                                   r".*?</mark>", html)
                assert marked and f'href="{ev["target"]}"' in marked.group(0), ev
            else:
                assert any(m["kind"] == "event" and m["text"] == ev["text"] for m in page.marks), ev
    assert kinds_seen == {"figure", "quote", "event", "date", "entity"}


def test_document_highlights_link_where_each_fact_belongs(served_store):  # noqa: F811
    client = client_for(served_store.db)
    doc = next(d for d in served_store.chronicle.documents if d.id == "longsor-giriwangi")
    spans = client.get(f"/documents/{doc.id}.json").json()["spans"]
    story = client.get(f"/stories/{quote(doc.story, safe='')}.json").json()
    line_of = {f["id"]: line["id"] for line in story["ledger"] for f in line["figures"]}
    figures = [s for s in spans if s["kind"] == "figure"]
    assert figures and all(s["target"] == f"/stories/{doc.story}#{line_of[s['ref']]}" for s in figures)
    for s in spans:
        if s["kind"] == "entity":
            assert s["target"] == f"/entities/{s['ref']}"
        if s["kind"] == "event":
            assert s["target"] == f"/events/{s['ref']}"
            assert client.get(s["target"] + ".json").json()["id"] == s["ref"]
    html = client.get(f"/documents/{doc.id}").text
    page = _parsed(html)
    hrefs = {m["href"] for m in page.marks if m["href"]}
    assert {s["target"] for s in figures} <= hrefs
    legend = html[html.index('<ul class="legend"'):html.index('<div class="doc-text">')]
    assert all(f"hl-{kind}" in legend for kind in ("figure", "quote", "event", "date", "entity"))


def test_document_highlights_escape_article_text(served_store):  # noqa: F811
    client = client_for(served_store.db)
    hostile = next(d for d in served_store.chronicle.documents if "<script>" in d.text)
    html = client.get(f"/documents/{quote(hostile.id, safe='')}").text
    body = html[html.index('<div class="doc-text">'):html.index("<h2>Removed lines")]
    assert "<script>" not in body and "&lt;script&gt;" in body
    _parsed(html)


@pytest.mark.parametrize("name", ["FIGURES", "QUOTES", "EVENTS", "MENTIONS", "RECORD"])
def test_document_highlights_read_through_indexes(served_store, name):  # noqa: F811
    with sqlite3.connect(served_store.db) as db:
        plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + getattr(highlights, name), ("x",))]
    assert plan and all(step.startswith("SEARCH") for step in plan), plan
