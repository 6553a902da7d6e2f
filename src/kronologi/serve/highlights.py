"""Every extracted fact of a document as a highlight span over its clean text, and the spans nested for the page.

The document page shows the text with each figure, quote, event source sentence, date expression and entity mention
marked and linked (a figure to its ledger line, a quote to its speaker, an event sentence to its event, a mention
to its entity). The spans are plain data (offsets, kind, target link, a label): the JSON twin carries them as they
are and the template renders them, so article text only ever reaches the page through Jinja2's autoescaping.

Each kind is one query on an index keyed by the document (``figures_doc``, ``quotes_doc``, ``event_sources_doc``,
``mentions_doc``; dates from the document's stored record by its primary key): a page costs what the document
holds. Spans may overlap (a name inside a quote, a figure inside an event sentence, two mentions sharing a
word); ``serve.nesting`` turns them into a tree that is always well-formed HTML."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable

from kronologi.serve.nesting import KINDS
from kronologi.serve.render import record_url

FIGURES = ('SELECT f.id, f.start, f."end", f.story, f.category, f.value, f.unit, m.line '
           "FROM figures f LEFT JOIN ledger_members m ON m.figure = f.id WHERE f.doc = ?")
QUOTES = ('SELECT q.id, q.start, q."end", q.speaker, coalesce(e.name, q.speaker_name) AS name '
          "FROM quotes q LEFT JOIN entities e ON e.id = q.speaker WHERE q.doc = ?")
EVENTS = ('SELECT es.event, es.sentence, es.start, es."end", e.summary, e.type '
          "FROM event_sources es LEFT JOIN events e ON e.id = es.event WHERE es.doc = ?")
MENTIONS = ('SELECT m.entity, m.start, m."end", e.name, e.type '
            "FROM mentions m LEFT JOIN entities e ON e.id = m.entity WHERE m.doc = ?")
RECORD = "SELECT data FROM documents WHERE key = ?"


def spans_of(db: sqlite3.Connection, doc_id: str, key: str, text: str,
             event_rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Every highlight of the document, sorted by start (longer first). ``event_rows`` are the rows of ``EVENTS``
    (read once by the caller, which also marks sentences with them)."""
    spans = [*_figures(db, doc_id), *_quotes(db, doc_id), *(_event(r) for r in event_rows),
             *_dates(db, key, text), *_mentions(db, doc_id)]
    spans = [s for s in spans if _valid(s, len(text))]
    for s in spans:
        s["text"] = text[s["start"]:s["end"]]
    return sorted(spans, key=_order)


def _span(kind: str, start: Any, end: Any, ref: str | None, target: str | None, label: str | None) -> dict:
    return {"kind": kind, "start": start, "end": end, "ref": ref, "target": target, "label": label}


def _valid(span: dict, length: int) -> bool:
    start, end = span["start"], span["end"]
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def _order(span: dict) -> tuple:
    """Start, longer first, kind, then what it links to: one order whatever order the database read them in."""
    return span["start"], -span["end"], KINDS.index(span["kind"]), str(span.get("target") or ""), \
        str(span.get("ref") or "")


def _figures(db: sqlite3.Connection, doc_id: str) -> list[dict]:
    """One span per figure (a figure in several ledger lines links to the first)."""
    seen: dict[str, dict] = {}
    for r in db.execute(FIGURES, (doc_id,)):
        if r["id"] in seen and seen[r["id"]]["target"]:
            continue
        target = None
        if r["story"] is not None:
            anchor = f"#{r['line']}" if r["line"] is not None else "#ledger"
            target = record_url("stories", r["story"]) + anchor
        value = "" if r["value"] is None else f": {r['value']:g}" if isinstance(r["value"], float) else f": {r['value']}"
        label = f"{r['category'] or 'figure'}{value}{' ' + r['unit'] if r['unit'] else ''}"
        seen[r["id"]] = _span("figure", r["start"], r["end"], r["id"], target, label)
    return list(seen.values())


def _quotes(db: sqlite3.Connection, doc_id: str) -> list[dict]:
    return [_span("quote", r["start"], r["end"], r["id"],
                  record_url("entities", r["speaker"]) if r["speaker"] is not None else None,
                  f"said by {r['name']}" if r["name"] else "speaker unknown")
            for r in db.execute(QUOTES, (doc_id,))]


def _event(r: Any) -> dict:
    return _span("event", r["start"], r["end"], r["event"], record_url("events", r["event"]),
                 r["summary"] or r["type"])


def _mentions(db: sqlite3.Connection, doc_id: str) -> list[dict]:
    return [_span("entity", r["start"], r["end"], r["entity"], record_url("entities", r["entity"]),
                  f"{r['name'] or r['entity']}{' (' + r['type'] + ')' if r['type'] else ''}")
            for r in db.execute(MENTIONS, (doc_id,))]


def _dates(db: sqlite3.Connection, key: str, text: str) -> list[dict]:
    """The temporal expressions of the document's stored record (kronologi.temporal), when that record's text is
    the text shown: offsets into another text would mark the wrong words."""
    row = db.execute(RECORD, (key,)).fetchone()
    if row is None:
        return []
    record = json.loads(row["data"])
    if record.get("text") != text:
        return []
    return [_span("date", tm.get("start"), tm.get("end"), tm.get("value"), None,
                  " ".join(str(v) for v in (tm.get("type"), tm.get("value")) if v))
            for tm in record.get("times") or []]
