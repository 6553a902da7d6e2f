"""What an event, a document and an entity page show, read from the store as plain data."""

from __future__ import annotations

import sqlite3
from typing import Any

from kronologi.serve import highlights
from kronologi.serve.params import Page
from kronologi.serve.stories import paged
from kronologi.serve.store import dialect_of, loads

LIST_CAP = 100  # quotes and events of an entity page: the first ones, with their total


# an event ----------------------------------------------------------------------
def get_event(db: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT e.id, e.story, s.title AS story_title, e.type, e.summary, e.date, e.date_text, "
                     "e.precision, e.date_basis, e.modality, e.background, e.location FROM events e "
                     "LEFT JOIN stories s ON s.id = e.story WHERE e.id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    event = {**dict(row), "background": bool(row["background"])}
    event["location"] = _entity_ref(db, row["location"])
    event["actors"] = [dict(r) for r in db.execute(
        "SELECT en.id, en.name, en.type FROM event_actors a JOIN entities en ON en.id = a.entity "
        "WHERE a.event = ? ORDER BY a.position", (event_id,))]
    event["sources"] = _sources(db, event_id)
    event["evidence"] = _evidence(db, event_id)
    return event


def _entity_ref(db: sqlite3.Connection, entity_id: str | None) -> dict | None:
    if entity_id is None:
        return None
    row = db.execute("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return dict(row) if row else {"id": entity_id, "name": entity_id, "type": None}


def _sources(db: sqlite3.Connection, event_id: str) -> list[dict]:
    """Each reporting document with the sentence that reports the event (side by side on the page)."""
    rows = db.execute("SELECT es.doc, es.sentence, es.start, es.end, d.title, d.outlet, d.published, d.language, "
                      "st.text FROM event_sources es JOIN docs d ON d.id = es.doc LEFT JOIN sentences st "
                      "ON st.doc = es.doc AND st.idx = es.sentence WHERE es.event = ? ORDER BY es.position",
                      (event_id,))
    return [dict(r) for r in rows]


def _evidence(db: sqlite3.Connection, event_id: str) -> list[dict]:
    """Why each report was merged into the event, with the sentence of that report."""
    rows = db.execute("SELECT ev.doc, ev.sentence, ev.why, st.text FROM event_evidence ev LEFT JOIN sentences st "
                      "ON st.doc = ev.doc AND st.idx = ev.sentence WHERE ev.event = ? ORDER BY ev.position",
                      (event_id,))
    return [{**dict(r), "why": loads(r["why"], [])} for r in rows]


# a document --------------------------------------------------------------------
DOC_FIELDS = ("id", "title", "outlet", "url", "published", "published_basis", "language", "story",
              "duplicate_of", "duplicate_kind", "credits", "text")


def get_document(db: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    columns = ", ".join(f"d.{c}" for c in DOC_FIELDS)
    row = db.execute(f"SELECT {columns}, d.key, s.title AS story_title FROM docs d LEFT JOIN stories s "
                     "ON s.id = d.story WHERE d.id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = {**dict(row), "credits": loads(row["credits"], [])}
    key = doc.pop("key")
    event_rows = db.execute(highlights.EVENTS, (doc_id,)).fetchall()
    doc["sentences"] = _sentences(db, doc_id, event_rows)
    doc["spans"] = highlights.spans_of(db, doc_id, key, doc["text"], event_rows)
    doc["removed"] = [dict(r) for r in db.execute(
        "SELECT text, reason, line FROM removed_lines WHERE doc = ? ORDER BY idx", (doc_id,))]
    return doc


def _sentences(db: sqlite3.Connection, doc_id: str, event_rows: list[Any]) -> list[dict]:
    """Every sentence's offsets, with the events it is a source of (marked on the page)."""
    events: dict[int, list[str]] = {}
    for r in sorted(event_rows, key=lambda r: r["event"]):
        events.setdefault(r["sentence"], []).append(r["event"])
    rows = db.execute('SELECT idx, start, "end" FROM sentences WHERE doc = ? ORDER BY idx', (doc_id,))
    return [{**dict(r), "events": events.get(r["idx"], [])} for r in rows]


# an entity ---------------------------------------------------------------------
def get_entity(db: sqlite3.Connection, entity_id: str, page: Page) -> dict[str, Any] | None:
    row = db.execute("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    entity = dict(row)
    entity["aliases"] = [r[0] for r in db.execute(
        "SELECT alias FROM entity_aliases WHERE entity = ? ORDER BY alias", (entity_id,))]
    entity["mentions"] = _mentions(db, entity_id, page)
    entity["quotes"] = _capped(db, "quotes q", "q.speaker = ?", entity_id, "q.id, q.doc, q.sentence, q.text, q.kind",
                               "q.doc, q.start")
    entity["events"] = _capped(db, "event_actors a JOIN events e ON e.id = a.event", "a.entity = ?", entity_id,
                               "e.id, e.date, e.type, e.summary",
                               f"e.date IS NULL, e.date, {dialect_of(db).row_order('e.')}")
    return entity


def _mentions(db: sqlite3.Connection, entity_id: str, page: Page) -> dict[str, Any]:
    total = db.execute("SELECT count(*) FROM mentions WHERE entity = ?", (entity_id,)).fetchone()[0]
    rows = db.execute("SELECT m.doc, d.title, m.start, m.end, m.text, (SELECT st.idx FROM sentences st "
                      "WHERE st.doc = m.doc AND st.start <= m.start AND m.start < st.end) AS sentence "
                      "FROM mentions m JOIN docs d ON d.id = m.doc WHERE m.entity = ? ORDER BY m.doc, m.start "
                      "LIMIT ? OFFSET ?", (entity_id, page.size, page.offset))
    return paged(page, total, [dict(r) for r in rows])


def _capped(db: sqlite3.Connection, source: str, where: str, arg: str, columns: str, order: str) -> dict[str, Any]:
    """The first ``LIST_CAP`` rows and how many there are."""
    total = db.execute(f"SELECT count(*) FROM {source} WHERE {where}", (arg,)).fetchone()[0]
    rows = db.execute(f"SELECT {columns} FROM {source} WHERE {where} ORDER BY {order} LIMIT ?", (arg, LIST_CAP))
    return {"total": total, "items": [dict(r) for r in rows]}
