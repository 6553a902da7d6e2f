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
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

from kronologi.chronicle import SCHEMA, Chronicle
from kronologi.document import Document
from kronologi.store.dialect import SQLITE, Dialect

# Children before parents: the order the tables are emptied in (``changes`` is a log: kept).
TABLES = ("ledger_members", "ledger_lines", "quotes", "figures", "event_evidence", "event_sources",
          "event_actors", "events", "mentions", "entity_aliases", "entities", "sentences", "removed_lines",
          "story_documents", "docs", "stories", "chronicle")

STORY_COLUMNS = ("id", "title", "start", "end")
EVENT_COLUMNS = ("id", "story", "type", "summary", "date", "date_text", "precision", "date_basis", "modality",
                 "location", "background")
EVENT_LISTS = ("actors", "sources", "evidence")  # stored in tables of their own
FIGURE_COLUMNS = ("id", "story", "doc", "sentence", "start", "end", "text", "value", "low", "high", "qualifier",
                  "category", "unit", "subject", "claimant", "via", "as_of", "status")
QUOTE_COLUMNS = ("id", "doc", "sentence", "start", "end", "text", "speaker", "speaker_name", "kind", "via")
LEDGER_COLUMNS = ("id", "story", "category", "subject", "relation", "note")
LEDGER_LISTS = ("figures",)


def write_chronicle(db: sqlite3.Connection, chronicle: Chronicle, run: int | None,
                    dialect: Dialect = SQLITE) -> None:
    """Replace the chronicle tables with ``chronicle``; call inside a transaction."""
    clear(db)
    _put_stories(db, chronicle.stories)
    _put_docs(db, chronicle.documents)
    _put_entities(db, chronicle.entities)
    _put_events(db, chronicle.events)
    _put_records(db, "figures", FIGURE_COLUMNS, chronicle.figures)
    _put_records(db, "quotes", QUOTE_COLUMNS, chronicle.quotes)
    _put_ledger(db, chronicle.ledger)
    dialect.rebuild_search(db)
    db.execute("INSERT INTO chronicle VALUES (1, ?, ?, ?, ?)", (run, SCHEMA, chronicle.generated_at, _now()))


def clear(db: sqlite3.Connection) -> None:
    for table in TABLES:
        db.execute(f"DELETE FROM {table}")


# stories and documents ---------------------------------------------------------
def _put_stories(db: sqlite3.Connection, stories: list[dict[str, Any]]) -> None:
    _insert(db, "stories", STORY_COLUMNS, (_row(s, STORY_COLUMNS, skip=("documents",)) for s in stories))
    db.executemany("INSERT INTO story_documents VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   ((s["id"], doc, i) for s in stories for i, doc in enumerate(s.get("documents") or ())))


def _put_docs(db: sqlite3.Connection, docs: list[Document]) -> None:
    db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", map(_doc_row, docs))
    db.executemany("INSERT INTO removed_lines VALUES (?, ?, ?, ?, ?)",
                   ((d.id, i, r.text, r.reason, r.line) for d in docs for i, r in enumerate(d.removed)))
    db.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)", _sentence_rows(docs))


def _doc_row(doc: Document) -> tuple:
    return (doc.id, doc.key, doc.source_path, doc.title, doc.outlet, doc.url, doc.published, doc.published_basis,
            doc.language, doc.story, doc.duplicate_of, doc.duplicate_kind, _json(doc.credits), doc.text)


def _sentence_rows(docs: list[Document]) -> Iterator[tuple]:
    for doc in docs:
        for i, sent in enumerate(doc.sentences):
            yield doc.id, i, sent.start, sent.end, doc.text[sent.start : sent.end]


# entities ----------------------------------------------------------------------
def _put_entities(db: sqlite3.Connection, entities: list[dict[str, Any]]) -> None:
    db.executemany("INSERT INTO entities VALUES (?, ?, ?)", ((e["id"], e["name"], e.get("type")) for e in entities))
    db.executemany("INSERT INTO entity_aliases VALUES (?, ?) ON CONFLICT DO NOTHING",
                   ((e["id"], alias) for e in entities for alias in e.get("aliases") or ()))
    db.executemany('INSERT INTO mentions (entity, doc, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                   ((e["id"], m["doc"], m["start"], m["end"], m["text"])
                    for e in entities for m in e.get("mentions") or ()))


# events ------------------------------------------------------------------------
def _put_events(db: sqlite3.Connection, events: list[dict[str, Any]]) -> None:
    _insert(db, "events", EVENT_COLUMNS, (_row(ev, EVENT_COLUMNS, skip=EVENT_LISTS) for ev in events))
    db.executemany("INSERT INTO event_actors VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   ((ev["id"], actor, i) for ev in events for i, actor in enumerate(ev.get("actors") or ())))
    db.executemany("INSERT INTO event_sources VALUES (?, ?, ?, ?, ?, ?)",
                   ((ev["id"], i, s["doc"], s.get("sentence"), s.get("start"), s.get("end"))
                    for ev in events for i, s in enumerate(ev.get("sources") or ())))
    db.executemany("INSERT INTO event_evidence VALUES (?, ?, ?, ?, ?)",
                   ((ev["id"], i, e.get("doc"), e.get("sentence"), _json(e.get("why")))
                    for ev in events for i, e in enumerate(ev.get("evidence") or ())))


# ledger ------------------------------------------------------------------------
def _put_ledger(db: sqlite3.Connection, lines: list[dict[str, Any]]) -> None:
    _insert(db, "ledger_lines", LEDGER_COLUMNS, (_row(ln, LEDGER_COLUMNS, skip=LEDGER_LISTS) for ln in lines))
    db.executemany("INSERT INTO ledger_members VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   ((ln["id"], fig, i) for ln in lines for i, fig in enumerate(ln.get("figures") or ())))


# rows --------------------------------------------------------------------------
def _put_records(db: sqlite3.Connection, table: str, columns: tuple[str, ...],
                 records: list[dict[str, Any]]) -> None:
    _insert(db, table, columns, (_row(r, columns) for r in records))


def _insert(db: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    names = ", ".join(f'"{c}"' for c in (*columns, "extra"))  # "end" is a reserved word in PostgreSQL
    marks = ", ".join("?" * (len(columns) + 1))
    db.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _row(record: dict[str, Any], columns: tuple[str, ...], skip: tuple[str, ...] = ()) -> tuple:
    """The record's values for ``columns``, then the JSON of every other field but ``skip``."""
    extra = {k: v for k, v in record.items() if k not in columns and k not in skip}
    return (*(_cell(record.get(c)) for c in columns), _json(extra) if extra else None)


def _cell(value: Any) -> Any:
    """SQLite takes text, numbers and null; a list or dict goes in as JSON, a bool as 0 or 1."""
    if isinstance(value, (list, dict)):
        return _json(value)
    return value


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
