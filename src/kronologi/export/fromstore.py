"""A story's records read back from the store in the contract's shape, for the exports that the server answers
and ``kronologi timelinejs`` writes.

The store holds the chronicle in normalised tables (``store/migrations/0002_chronicle.sql``); these queries put a
story's events (with their actors and sources), figures, quotes, ledger lines and entities back into the records
``chronicle.json`` has, plus the ``Names`` beside their ids, so ``export.rows``, ``export.acled`` and
``export.timelinejs`` work on them exactly as on a build's Chronicle. Every query is bounded by one story.
``write_timelines`` is ``kronologi timelinejs``: a story's TimelineJS file per story, from the store."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronologi.export.files import atomic_file
from kronologi.export.rows import Names
from kronologi.export.safe import json_ready
from kronologi.export.timelinejs import timeline

EVENT_FIELDS = ("id", "story", "type", "summary", "date", "date_text", "precision", "date_basis", "modality",
                "location", "background")
FIGURE_FIELDS = ("id", "story", "doc", "sentence", "start", "end", "text", "value", "low", "high", "qualifier",
                 "category", "unit", "subject", "claimant", "via", "as_of", "status")
QUOTE_FIELDS = ("id", "doc", "sentence", "start", "end", "text", "speaker", "speaker_name", "kind", "via")
DOC_FIELDS = ("id", "title", "outlet", "published", "url", "story", "language", "duplicate_of")
_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class StoryRecords:
    story: dict[str, Any]
    names: Names
    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)


def story_ids_of(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM stories ORDER BY rowid")]


def read_story(db: sqlite3.Connection, story_id: str) -> StoryRecords | None:
    """The story, its documents, events and figures, with the names of the entities, documents and story they
    refer to; None when the store has no such story."""
    row = db.execute("SELECT id, title, start, end FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    story = {k: row[k] for k in ("id", "title", "start", "end")}
    docs = _documents(db, story_id)
    names = Names(stories={story_id: story["title"]}, docs={d["id"]: d for d in docs})
    records = StoryRecords(story, names, docs, events=_events(db, story_id), figures=_figures(db, story_id))
    ids = {a for ev in records.events for a in ev["actors"]} | {ev["location"] for ev in records.events}
    ids |= {f["claimant"] for f in records.figures}
    names.entities.update(entity_names(db, {i for i in ids if i}))
    return records


def _documents(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    cols = ", ".join(f"d.{c}" for c in DOC_FIELDS)
    rows = db.execute(f"SELECT {cols} FROM story_documents sd JOIN docs d ON d.id = sd.doc WHERE sd.story = ? "
                      "ORDER BY sd.position", (story_id,))
    return [dict(r) for r in rows]


def _events(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM events WHERE story = ? "
                      "ORDER BY date IS NULL, date, rowid", (story_id,))
    events = {r["id"]: {**dict(r), "background": bool(r["background"]), "actors": [], "sources": []} for r in rows}
    for r in db.execute("SELECT a.event, a.entity FROM event_actors a JOIN events e ON e.id = a.event "
                        "WHERE e.story = ? ORDER BY a.event, a.position", (story_id,)):
        events[r["event"]]["actors"].append(r["entity"])
    for r in db.execute("SELECT s.event, s.doc, s.sentence, s.start, s.end FROM event_sources s JOIN events e "
                        "ON e.id = s.event WHERE e.story = ? ORDER BY s.event, s.position", (story_id,)):
        events[r["event"]]["sources"].append({k: r[k] for k in ("doc", "sentence", "start", "end")})
    return list(events.values())


def _figures(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT {', '.join(FIGURE_FIELDS)} FROM figures WHERE story = ? ORDER BY rowid", (story_id,))
    return [dict(r) for r in rows]


def quotes(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """The quotes of the story's documents, each with its story."""
    cols = ", ".join(f"q.{c}" for c in QUOTE_FIELDS)
    rows = db.execute(f"SELECT {cols}, sd.story FROM story_documents sd JOIN quotes q ON q.doc = sd.doc "
                      "WHERE sd.story = ? ORDER BY sd.position, q.start", (story_id,))
    return [dict(r) for r in rows]


def ledger(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """The story's ledger lines, each with its figure ids in order."""
    lines = {r["id"]: {**dict(r), "figures": []} for r in db.execute(
        "SELECT id, story, category, subject, relation, note FROM ledger_lines WHERE story = ? ORDER BY rowid",
        (story_id,))}
    for r in db.execute("SELECT m.line, m.figure FROM ledger_members m JOIN ledger_lines l ON l.id = m.line "
                        "WHERE l.story = ? ORDER BY m.line, m.position", (story_id,)):
        lines[r["line"]]["figures"].append(r["figure"])
    return list(lines.values())


def entities(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """The entities mentioned in the story's documents: aliases, and their mentions and documents there."""
    rows = db.execute("SELECT e.id, e.name, e.type, count(*) AS mentions, count(DISTINCT m.doc) AS documents, "
                      "(SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity = e.id "
                      "ORDER BY alias)) AS aliases FROM story_documents sd JOIN mentions m ON m.doc = sd.doc "
                      "JOIN entities e ON e.id = m.entity WHERE sd.story = ? GROUP BY e.id "
                      "ORDER BY count(*) DESC, e.name", (story_id,))
    return [{**dict(r), "aliases": json.loads(r["aliases"])} for r in rows]


def entity_names(db: sqlite3.Connection, ids: set[str]) -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):  # SQLite's bound-parameter limit
        chunk = ordered[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        for r in db.execute(f"SELECT id, name, type FROM entities WHERE id IN ({marks})", chunk):
            out[r["id"]] = (r["name"], r["type"])
    return out


def write_timelines(db: sqlite3.Connection, outdir: Path, story_ids: Iterable[str] = ()) -> list[Path]:
    """``OUTDIR/<story>-timelinejs.json`` for each story named (an unknown id raises ``LookupError``), or for
    every story with a dated event when none is named."""
    named = list(story_ids)
    paths = []
    for story_id in named or story_ids_of(db):
        story = read_story(db, story_id)
        if story is None:
            raise LookupError(f"no story {story_id!r} in this store; the stories list (/stories.csv) has the ids")
        data = timeline(story.story, story.events, story.names)
        if not data["events"] and not named:
            continue
        paths.append(outdir / f"{_FILENAME_UNSAFE.sub('_', story_id)}-timelinejs.json")
        with atomic_file(paths[-1], "w", encoding="utf-8") as fh:
            json.dump(json_ready(data), fh, ensure_ascii=False, indent=1)
    return paths
