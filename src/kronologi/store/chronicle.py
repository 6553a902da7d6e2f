"""The chronicle in the store: normalised tables, replaced as a whole.

``write_chronicle`` runs inside the caller's transaction (``Store.put_chronicle``):
it empties the chronicle tables, writes every list of the chronicle, and rebuilds
the full-text indexes, so a reader (or a build that crashed half way) sees either
the previous chronicle or the new one, never a mix.

Each record's contract fields are columns (see ``migrations/0002_chronicle.sql``);
what else it carries is kept as JSON in the row's ``extra`` column, so nothing the
chronicle holds is lost on the way in.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

from kronologi.chronicle import SCHEMA, Chronicle, document_record
from kronologi.document import Document
from kronologi.store.dialect import SQLITE, Dialect

# Children before parents: the order the tables are emptied in (``changes`` is a log: kept).
TABLES = ("ledger_members", "ledger_lines", "quotes", "figures", "event_evidence", "event_sources",
          "event_actors", "events", "mentions", "entity_aliases", "entities", "sentences", "removed_lines",
          "story_documents", "docs", "stories", "chronicle_rejected", "record_shapes", "chronicle")

STORY_COLUMNS = ("id", "title", "start", "end")
EVENT_COLUMNS = ("id", "story", "type", "summary", "date", "date_text", "precision", "date_basis", "modality",
                 "location", "background")
EVENT_LISTS = ("actors", "sources", "evidence")  # stored in tables of their own
FIGURE_COLUMNS = ("id", "story", "doc", "sentence", "start", "end", "text", "value", "low", "high", "qualifier",
                  "category", "unit", "subject", "claimant", "via", "as_of", "status")
QUOTE_COLUMNS = ("id", "doc", "sentence", "start", "end", "text", "speaker", "speaker_name", "kind", "via")
LEDGER_COLUMNS = ("id", "story", "category", "subject", "relation", "note")
LEDGER_LISTS = ("figures",)
ENTITY_COLUMNS = ("id", "name", "type")
ENTITY_LISTS = ("aliases", "mentions")
STORY_LISTS = ("documents",)
# a document's fields (``chronicle.document_record``) kept in columns of ``docs`` and in tables of their own
DOC_COLUMNS = ("id", "source_path", "title", "outlet", "url", "published", "published_basis", "language", "story",
               "duplicate_of", "duplicate_kind", "credits", "text")
DOC_LISTS = ("removed", "sentences")
MENTION_FIELDS = ("doc", "start", "end", "text")
SOURCE_FIELDS = ("doc", "sentence", "start", "end")
EVIDENCE_FIELDS = ("doc", "sentence", "why")
REMOVED_FIELDS = ("text", "reason", "line")
SENTENCE_FIELDS = ("start", "end")
# what a column gives back: numbers (NUMERIC: an int, or a float that is not whole), whole numbers (offsets; a
# story's start and end are dates: text), a flag; any other column, text
NUMERIC = frozenset({"value", "low", "high"})
WHOLE = frozenset({"sentence", "start", "end", "line"})
FLAGS = frozenset({"background"})


class Shapes:
    """Each distinct field order of the records written gets a number (``record_shapes``)."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, ...], int] = {}

    def of(self, record: dict[str, Any]) -> int:
        return self.ids.setdefault(tuple(record), len(self.ids) + 1)

    def write(self, db: sqlite3.Connection) -> None:
        db.executemany("INSERT INTO record_shapes (id, fields) VALUES (?, ?)",
                       ((i, json.dumps(list(fields))) for fields, i in self.ids.items()))


def write_chronicle(db: sqlite3.Connection, chronicle: Chronicle, run: int | None,
                    dialect: Dialect = SQLITE, changes: dict[str, Any] | None = None) -> None:
    """Replace the chronicle tables with ``chronicle``; call inside a transaction. ``changes``: what this
    chronicle changed (``kronologi.changes``; else ``chronicle.changes``), kept for changes.json."""
    changes = chronicle.changes if changes is None else changes
    clear(db)
    shapes = Shapes()
    _put_stories(db, chronicle.stories, shapes)
    _put_docs(db, chronicle.documents)
    _put_entities(db, chronicle.entities, shapes)
    _put_events(db, chronicle.events, shapes)
    _put_records(db, "figures", FIGURE_COLUMNS, chronicle.figures, shapes)
    _put_records(db, "quotes", QUOTE_COLUMNS, chronicle.quotes, shapes)
    _put_ledger(db, chronicle.ledger, shapes)
    shapes.write(db)
    put_rejected(db, chronicle.rejected)
    dialect.rebuild_search(db)
    db.execute("INSERT INTO chronicle (id, run, schema, generated_at, written_at, changes) VALUES (1, ?, ?, ?, ?, ?)",
               (run, SCHEMA, chronicle.generated_at, _now(),
                None if changes is None else json.dumps(changes, ensure_ascii=False)))


def put_rejected(db: sqlite3.Connection, rejected) -> None:
    """The build's rejected inputs, in order (the table emptied first)."""
    db.execute("DELETE FROM chronicle_rejected")
    db.executemany("INSERT INTO chronicle_rejected (position, source_path, reason) VALUES (?, ?, ?)",
                   ((i, r.source_path, r.reason) for i, r in enumerate(rejected)))


def clear(db: sqlite3.Connection) -> None:
    for table in TABLES:
        db.execute(f"DELETE FROM {table}")


# stories and documents ---------------------------------------------------------
def _put_stories(db: sqlite3.Connection, stories: list[dict[str, Any]], shapes: Shapes) -> None:
    _insert(db, "stories", STORY_COLUMNS, (_row(s, STORY_COLUMNS, i, shapes, skip=STORY_LISTS, lists={
        "documents": _unique_texts}, whole=frozenset()) for i, s in enumerate(stories)))  # start, end: dates
    db.executemany("INSERT INTO story_documents VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   ((s["id"], doc, i) for s in stories for i, doc in enumerate(s.get("documents") or ())))


def _put_docs(db: sqlite3.Connection, docs: list[Document]) -> None:
    db.executemany("INSERT INTO docs (id, key, source_path, title, outlet, url, published, published_basis, language, "
                   "story, duplicate_of, duplicate_kind, credits, text, position, extra) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (_doc_row(d, i) for i, d in enumerate(docs)))
    db.executemany("INSERT INTO removed_lines VALUES (?, ?, ?, ?, ?)",
                   ((d.id, i, r.text, r.reason, r.line) for d in docs for i, r in enumerate(d.removed)))
    db.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)", _sentence_rows(docs))


def _doc_row(doc: Document, position: int) -> tuple:
    record = document_record(doc)
    extra = {k: v for k, v in record.items() if k not in DOC_COLUMNS and k not in DOC_LISTS}
    for name in ("id", "source_path", "title", "outlet", "url", "published", "published_basis", "language", "story",
                 "duplicate_of", "duplicate_kind", "text"):
        if not _kept(name, record[name]):
            extra[name] = record[name]
    if not (isinstance(doc.credits, list) and all(isinstance(c, str) for c in doc.credits)):
        extra["credits"] = record["credits"]
    if not _records_kept(record["removed"], REMOVED_FIELDS):
        extra["removed"] = record["removed"]
    if not _records_kept(record["sentences"], SENTENCE_FIELDS):
        extra["sentences"] = record["sentences"]
    return (doc.id, doc.key, doc.source_path, doc.title, doc.outlet, doc.url, doc.published, doc.published_basis,
            doc.language, doc.story, doc.duplicate_of, doc.duplicate_kind, _json(doc.credits), doc.text, position,
            _json(extra))


def _sentence_rows(docs: list[Document]) -> Iterator[tuple]:
    for doc in docs:
        for i, sent in enumerate(doc.sentences):
            yield doc.id, i, sent.start, sent.end, doc.text[sent.start : sent.end]


# entities ----------------------------------------------------------------------
def _put_entities(db: sqlite3.Connection, entities: list[dict[str, Any]], shapes: Shapes) -> None:
    _insert(db, "entities", ENTITY_COLUMNS, (_row(e, ENTITY_COLUMNS, i, shapes, skip=ENTITY_LISTS, lists={
        "aliases": _unique_texts, "mentions": _mentions_kept}) for i, e in enumerate(entities)))
    db.executemany("INSERT INTO entity_aliases (entity, alias, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   ((e["id"], alias, i) for e in entities for i, alias in enumerate(e.get("aliases") or ())))
    db.executemany('INSERT INTO mentions (entity, doc, start, "end", text, extra) VALUES (?, ?, ?, ?, ?, ?)',
                   ((e["id"], m["doc"], m["start"], m["end"], m["text"], _mention_extra(m))
                    for e in entities for m in e.get("mentions") or ()))


def _mentions_kept(mentions: Any) -> bool:
    return isinstance(mentions, list) and all(
        isinstance(m, dict) and tuple(m)[:4] == MENTION_FIELDS and all(_kept(k, m[k]) for k in MENTION_FIELDS)
        for m in mentions)


def _mention_extra(mention: dict[str, Any]) -> str | None:
    extra = {k: v for k, v in mention.items() if k not in MENTION_FIELDS}
    return _json(extra) if extra else None


# events ------------------------------------------------------------------------
def _put_events(db: sqlite3.Connection, events: list[dict[str, Any]], shapes: Shapes) -> None:
    _insert(db, "events", EVENT_COLUMNS, (_row(ev, EVENT_COLUMNS, i, shapes, skip=EVENT_LISTS, lists={
        "actors": _unique_texts, "sources": lambda v: _records_kept(v, SOURCE_FIELDS),
        "evidence": _evidence_kept}) for i, ev in enumerate(events)))
    db.executemany("INSERT INTO event_actors VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   ((ev["id"], actor, i) for ev in events for i, actor in enumerate(ev.get("actors") or ())))
    db.executemany("INSERT INTO event_sources VALUES (?, ?, ?, ?, ?, ?)",
                   ((ev["id"], i, s["doc"], s.get("sentence"), s.get("start"), s.get("end"))
                    for ev in events for i, s in enumerate(ev.get("sources") or ())))
    db.executemany("INSERT INTO event_evidence VALUES (?, ?, ?, ?, ?)",
                   ((ev["id"], i, e.get("doc"), e.get("sentence"), _json(e.get("why")))
                    for ev in events for i, e in enumerate(ev.get("evidence") or ())))


def _evidence_kept(evidence: Any) -> bool:
    """Evidence items come back as ``{doc, sentence, why}``, ``why`` through JSON (a list of reasons)."""
    return _records_kept(evidence, EVIDENCE_FIELDS) and all(
        e["why"] is not None and json.loads(json.dumps(e["why"])) == e["why"] for e in evidence)


# ledger ------------------------------------------------------------------------
def _put_ledger(db: sqlite3.Connection, lines: list[dict[str, Any]], shapes: Shapes) -> None:
    _insert(db, "ledger_lines", LEDGER_COLUMNS, (_row(ln, LEDGER_COLUMNS, i, shapes, skip=LEDGER_LISTS, lists={
        "figures": _unique_texts}) for i, ln in enumerate(lines)))
    db.executemany("INSERT INTO ledger_members VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   ((ln["id"], fig, i) for ln in lines for i, fig in enumerate(ln.get("figures") or ())))


# rows --------------------------------------------------------------------------
def _put_records(db: sqlite3.Connection, table: str, columns: tuple[str, ...],
                 records: list[dict[str, Any]], shapes: Shapes) -> None:
    _insert(db, table, columns, (_row(r, columns, i, shapes) for i, r in enumerate(records)))


def _insert(db: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    names = ", ".join(f'"{c}"' for c in (*columns, "extra", "position", "shape"))  # "end": reserved in PostgreSQL
    marks = ", ".join("?" * (len(columns) + 3))
    db.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _row(record: dict[str, Any], columns: tuple[str, ...], position: int, shapes: Shapes,
         skip: tuple[str, ...] = (), lists: dict[str, Any] | None = None, whole: frozenset[str] = WHOLE) -> tuple:
    """The record's values for ``columns``, then the JSON of every other field but ``skip`` (the lists kept in
    tables of their own), its position and its shape. A column's value that the column would not give back as
    it is, and a list its table would not give back (``lists``: name -> test), are kept in the JSON too."""
    extra = {k: v for k, v in record.items() if k not in columns and k not in skip}
    for name in columns:
        if name in record and not _kept(name, record[name], whole):
            extra[name] = record[name]
    for name, kept in (lists or {}).items():
        if name in record and not kept(record[name]):
            extra[name] = record[name]
    return (*(_column(c, record.get(c), whole) for c in columns), _json(extra) if extra else None, position,
            shapes.of(record))


def _column(name: str, value: Any, whole: frozenset[str] = WHOLE) -> Any:
    """What the column holds: the value when the column gives it back as it is; else, kept in ``extra``, what
    the column can take (a number a number column can hold, text as JSON in a text column, or null)."""
    if _kept(name, value, whole):
        return _cell(value)
    if name in NUMERIC or name in whole or name in FLAGS:
        number = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        return value if number and abs(value) < 2**63 else None
    return value if isinstance(value, str) else _json(value)


def _kept(name: str, value: Any, whole: frozenset[str] = WHOLE) -> bool:
    """Whether a column gives ``value`` back unchanged: text as text, whole numbers as ints, other numbers as
    floats that are not whole (SQLite's NUMERIC turns 12.0 into 12), a flag as a bool."""
    if value is None:
        return True
    if name in FLAGS:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if name in NUMERIC:
        return (isinstance(value, int) and abs(value) < 2**63) or \
            (isinstance(value, float) and math.isfinite(value) and not value.is_integer())
    if name in whole:
        return isinstance(value, int) and abs(value) < 2**63
    return isinstance(value, str)


def _unique_texts(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values) and len(set(values)) == len(values)


def _records_kept(records: Any, fields: tuple[str, ...]) -> bool:
    """A list of records that a table with exactly these fields (as columns) gives back."""
    return isinstance(records, list) and all(
        isinstance(r, dict) and tuple(r) == fields and all(_kept(k, r[k]) or k == "why" for k in fields)
        for r in records)


def _cell(value: Any) -> Any:
    """SQLite takes text, numbers and null; a list or dict goes in as JSON, a bool as 0 or 1."""
    if isinstance(value, (list, dict)):
        return _json(value)
    return value


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
