"""The story page's reading aids beside the timeline and the ledger: quotes by speaker, the entities its documents
mention most, coverage per outlet, and what the latest build changed in it.

Each section is one query driven by an index on the story's id (``story_documents``' key, ``events_story``,
``ledger_lines_story``, ``figures_story``, then ``quotes_doc``, ``mentions_doc``, ``changes_item``), so a story
page costs what the story holds, never a scan of the 22k store's big tables. Sections are capped, not paginated:
the long lists they come from have their own pages (an entity's quotes) or downloads (``quotes.csv``)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from kronologi.serve.store import dialect_of
from kronologi.store.dialect import SQLITE

SPEAKERS_CAP = 20  # speakers shown; the rest are in the story's quotes.csv
QUOTES_PER_SPEAKER = 5  # a speaker's first quotes; the rest on their entity page
ENTITIES_CAP = 20
ENTITY_TYPES = ("PER", "ORG", "LOC", "GPE")  # people, organisations, places
CHANGES_CAP = 100

# The subqueries in FROM are named: PostgreSQL before 16 requires it (SQLite's plans read the same).
QUOTES = f"""
SELECT id, doc, sentence, text, kind, speaker, name, type, n FROM (
  SELECT q.id, q.doc, q.sentence, q.text, q.kind, q.speaker, coalesce(e.name, q.speaker_name) AS name, e.type,
         count(*) OVER w AS n, row_number() OVER (w ORDER BY sd.position, q.start, q.id) AS k
  FROM story_documents sd JOIN quotes q ON q.doc = sd.doc LEFT JOIN entities e ON e.id = q.speaker
  WHERE sd.story = ?
  WINDOW w AS (PARTITION BY q.speaker, CASE WHEN q.speaker IS NULL THEN q.speaker_name END))
  AS speaker_quotes_subquery WHERE k <= {QUOTES_PER_SPEAKER}
ORDER BY speaker IS NULL, name IS NULL, n DESC, name, speaker, k
"""

ENTITIES = f"""
SELECT e.id, e.name, e.type, count(*) AS mentions, count(DISTINCT m.doc) AS documents
FROM story_documents sd JOIN mentions m ON m.doc = sd.doc JOIN entities e ON e.id = m.entity
WHERE sd.story = ? AND e.type IN ({", ".join("?" * len(ENTITY_TYPES))})
GROUP BY e.id ORDER BY mentions DESC, e.name, e.id LIMIT {ENTITIES_CAP}
"""

COVERAGE = """
SELECT d.outlet, d.language, count(*) AS documents, min(d.published) AS first, max(d.published) AS last
FROM story_documents sd JOIN docs d ON d.id = sd.doc WHERE sd.story = ?
GROUP BY d.outlet, d.language ORDER BY documents DESC, d.outlet IS NULL, d.outlet, d.language
"""

# The latest build's log rows about this story: its events, ledger lines, figures on no line, and the story itself,
# each found through changes_item (``+c.run`` on SQLite: never the run index, which would read the whole run's
# log) and kept only when written by the run the chronicle now comes from.
CHANGES_TEMPLATE = f"""
SELECT kind, item_type, item, detail FROM (
  SELECT c.id, c.kind, c.item_type, c.item, c.detail FROM events x
    JOIN changes c ON c.item_type = 'events' AND c.item = x.id AND {{ni}}c.run = :run WHERE x.story = :story
  UNION ALL
  SELECT c.id, c.kind, c.item_type, c.item, c.detail FROM ledger_lines x
    JOIN changes c ON c.item_type = 'ledger_lines' AND c.item = x.id AND {{ni}}c.run = :run WHERE x.story = :story
  UNION ALL
  SELECT c.id, c.kind, c.item_type, c.item, c.detail FROM figures x
    JOIN changes c ON c.item_type = 'figures' AND c.item = x.id AND {{ni}}c.run = :run WHERE x.story = :story
  UNION ALL
  SELECT c.id, c.kind, c.item_type, c.item, c.detail FROM changes c
    WHERE c.item_type = 'stories' AND c.item = :story AND {{ni}}c.run = :run) AS changes_subquery
ORDER BY id LIMIT {CHANGES_CAP}
"""
CHANGES = CHANGES_TEMPLATE.format(ni=SQLITE.no_index)  # as SQLite runs it


def quotes_by_speaker(db: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """The story's quotes grouped by speaker, most quoted first; speakers no entity names (unknown) last."""
    groups: list[dict[str, Any]] = []
    total = 0
    for r in db.execute(QUOTES, (story_id,)):
        key = (r["speaker"], r["name"] if r["speaker"] is None else None)
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "id": r["speaker"], "name": r["name"], "type": r["type"], "count": r["n"],
                           "quotes": []})
            total += r["n"]
        groups[-1]["quotes"].append({k: r[k] for k in ("id", "doc", "sentence", "text", "kind")})
    for g in groups:
        del g["key"]
    return {"total": total, "speakers": len(groups), "items": groups[:SPEAKERS_CAP]}


def top_entities(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """The people, organisations and places the story's documents mention most, with their mention counts."""
    return [dict(r) for r in db.execute(ENTITIES, (story_id, *ENTITY_TYPES))]


def coverage(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """Per outlet and language: how many of the story's documents, first and last publication date."""
    return [dict(r) for r in db.execute(COVERAGE, (story_id,))]


def latest_changes(db: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """What the build the chronicle comes from logged about this story (empty: nothing changed in it)."""
    row = db.execute("SELECT run FROM chronicle").fetchone()
    run = row[0] if row else None
    if run is None:
        return {"run": None, "items": []}
    rows = db.execute(CHANGES_TEMPLATE.format(ni=dialect_of(db).no_index), {"story": story_id, "run": run})
    items = []
    for r in rows:
        detail = json.loads(r["detail"]) if r["detail"] else None
        detail = detail if isinstance(detail, dict) else {}
        items.append({"kind": r["kind"], "item_type": r["item_type"], "item": r["item"], "text": detail.get("text"),
                      "doc": detail.get("doc"), "sentence": detail.get("sentence")})
    return {"run": run, "items": items}
