"""The changes log in the store: the previous chronicle read back as stable keys, and
what a build changed written into the ``changes`` table.

Both run inside ``Store.put_chronicle``'s transaction, before and after the chronicle
tables are replaced, so the log and the chronicle it describes are written together.

Rows of ``changes`` (one per item of ``changes.json``, same JSON in ``detail``):

| kind | item_type | item |
|---|---|---|
| ``event.new``, ``event.sources_added`` | events | event id |
| ``figure.new_value``, ``figure.new_quantity`` | ledger_lines (figures for a figure on no line) | line id |
| ``figure.contradiction``, ``figure.retraction`` | ledger_lines (or figures) | line id |
| ``story.new``, ``story.merged`` | stories | story id |
| ``build.first`` | runs | run id; ``detail`` holds the counts (a first build logs 10 items per list) |
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from kronologi.changes import FigureState, Snapshot, value_text


def read_snapshot(db: sqlite3.Connection) -> Snapshot | None:
    """The chronicle now in the tables as stable keys; None when the store holds none yet."""
    row = db.execute("SELECT run FROM chronicle").fetchone()
    if row is None:
        return None
    key_of = dict(db.execute("SELECT id, key FROM docs"))
    snap = Snapshot(run=row[0])
    for event, doc, sentence in db.execute("SELECT event, doc, sentence FROM event_sources ORDER BY event, position"):
        snap.events.setdefault((key_of.get(doc, doc), sentence), event)
    for fig in _figures(db):
        snap.figures[(key_of.get(fig["doc"], fig["doc"]), fig["start"], fig["end"])] = FigureState(
            value_text(fig), fig.get("status"), fig.get("relation"))
    snap.stories = _stories(db, key_of)
    return snap


def _figures(db: sqlite3.Connection):
    """Figure records as the chronicle had them (columns, plus ``extra`` for relation and the like, and for a
    value its column would not give back as it was)."""
    cursor = db.execute('SELECT doc, start, "end", value, low, high, qualifier, unit, subject, text, status, extra '
                        "FROM figures")
    names = [c[0] for c in cursor.description]
    for values in cursor:
        fig = dict(zip(names, values))
        extra = fig.pop("extra")
        yield {**fig, **(json.loads(extra) if extra else {})}  # extra holds what a column could not


def _stories(db: sqlite3.Connection, key_of: dict[str, str]) -> dict[str, tuple[str | None, frozenset[str]]]:
    docs: dict[str, set[str]] = defaultdict(set)
    for story, doc in db.execute("SELECT story, doc FROM story_documents"):
        docs[story].add(key_of.get(doc, doc))
    return {sid: (title, frozenset(docs.get(sid, ()))) for sid, title in db.execute("SELECT id, title FROM stories")}


_KINDS = {  # list -> (kind, or a function of the item that gives it; item type; the item's id field)
    "new_events": (lambda it: f"event.{it['change']}", "events", "event"),
    "updated_figures": (lambda it: f"figure.{it['change']}", "ledger_lines", "ledger"),
    "new_contradictions": (lambda it: "figure.contradiction", "ledger_lines", "ledger"),
    "new_retractions": (lambda it: "figure.retraction", "ledger_lines", "ledger"),
    "new_stories": (lambda it: "story.new", "stories", "story"),
    "merged_stories": (lambda it: "story.merged", "stories", "story"),
}


def record(db: sqlite3.Connection, changes: dict[str, Any], run: int | None) -> int:
    """Write one row per item of ``changes`` (and, for a first build, its counts); return the rows."""
    rows = [_row(run, name, item) for name in _KINDS for item in changes[name]]
    if changes["first_build"] and any(changes["counts"].values()):
        rows.append((run, "build.first", "runs", str(run), json.dumps(changes["counts"])))
    db.executemany("INSERT INTO changes (run, kind, item_type, item, detail) VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def _row(run: int | None, name: str, item: dict[str, Any]) -> tuple:
    kind, item_type, field = _KINDS[name]
    ident = item.get(field)
    if ident is None:  # a figure on no ledger line
        item_type, ident = "figures", item["figures"][0]
    return run, kind(item), item_type, str(ident), json.dumps(item, ensure_ascii=False, allow_nan=False)
