"""What the stories list and a story page show, read from the store as plain data (the page and its JSON twin)."""

from __future__ import annotations

import sqlite3
from typing import Any

from kronologi.export.keynumbers import key_number
from kronologi.serve.charts import chart_data
from kronologi.serve.filters import StoryFilter, where_clause
from kronologi.serve.filters import like_pattern  # noqa: F401 - its old home, still imported from here
from kronologi.serve import sections
from kronologi.serve.params import Page
from kronologi.serve.store import dialect_of, loads
from kronologi.store.dialect import SQLITE, Dialect

STORY_FIELDS = "s.id, s.title, s.start, s.end"


def story_order(dialect: Dialect) -> str:
    """Latest first, undated last, then in the order written (on SQLite: the index stories_latest)."""
    return f"ORDER BY s.start IS NULL, s.start DESC, {dialect.row_order('s.')}"


STORY_COUNTS = ("(SELECT count(*) FROM story_documents sd WHERE sd.story = s.id) AS documents, "
                "(SELECT count(*) FROM events e WHERE e.story = s.id) AS events")


def latest_page(dialect: Dialect) -> str:
    return f"SELECT {STORY_FIELDS}, {STORY_COUNTS} FROM stories s {story_order(dialect)} LIMIT ? OFFSET ?"


LATEST_PAGE = latest_page(SQLITE)  # as SQLite runs it


def paged(page: Page, total: int, items: list[dict]) -> dict[str, Any]:
    """A slice of a longer list, saying which slice it is."""
    return {**page.info(total), "items": items}


# the stories list --------------------------------------------------------------
def list_stories(db: sqlite3.Connection, flt: StoryFilter, page: Page) -> dict[str, Any]:
    """One page of the stories that pass ``flt``, latest first, with per-story counts read for its rows only."""
    if flt.active:
        rows, total = _filtered_page(db, flt, page)
    else:  # the whole list: its order is an index (stories_latest), its size a count
        rows = [dict(r) for r in db.execute(latest_page(dialect_of(db)), (page.size, page.offset))]
        total = db.execute("SELECT count(*) FROM stories").fetchone()[0]
    return {"q": flt.q, "filters": flt.echo(), "stories": paged(page, total, rows)}


def _rowid(db: Any) -> str:
    """SQLite's rowid, carried out of the filtered subquery for the outer order (PostgreSQL orders by id)."""
    return "s.rowid AS rid, " if "rowid" in dialect_of(db).row_order() else ""


def _filtered_page(db: sqlite3.Connection, flt: StoryFilter, page: Page) -> tuple[list[dict], int]:
    """The filters are evaluated once: the total comes with the page's rows (a window count)."""
    where, args = where_clause(flt)
    rows = [dict(r) for r in db.execute(
        f"SELECT {STORY_FIELDS}, s.total, {STORY_COUNTS} FROM "
        f"(SELECT {_rowid(db)}{STORY_FIELDS}, count(*) OVER () AS total FROM stories s {where} "
        f"{story_order(dialect_of(db))} LIMIT ? OFFSET ?) s {story_order(dialect_of(db)).replace('s.rowid', 's.rid')}",
        [*args, page.size, page.offset])]
    if rows:
        total = rows[0]["total"]
    else:  # past the last page: count on its own
        total = db.execute(f"SELECT count(*) FROM stories s {where}", args).fetchone()[0]
    for row in rows:
        del row["total"]
    return rows, total


# one story ---------------------------------------------------------------------
def get_story(db: sqlite3.Connection, story_id: str, page: Page) -> dict[str, Any] | None:
    row = db.execute(f"SELECT {STORY_FIELDS}, s.extra FROM stories s WHERE s.id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    ledger = _ledger(db, story_id)
    return {"id": row["id"], "title": row["title"], "start": row["start"], "end": row["end"],
            "related": loads(row["extra"], {}).get("related") or [],
            "documents": _story_documents(db, story_id),
            "key_numbers": _key_numbers_first(ledger),
            "timeline": _timeline(db, story_id, page),
            "ledger": ledger,
            "quotes": sections.quotes_by_speaker(db, story_id),
            "entities": sections.top_entities(db, story_id),
            "coverage": sections.coverage(db, story_id),
            "changes": sections.latest_changes(db, story_id)}


def _story_documents(db: sqlite3.Connection, story_id: str) -> list[dict]:
    rows = db.execute("SELECT d.id, d.title, d.outlet, d.published, d.language, d.duplicate_of FROM story_documents sd "
                      "JOIN docs d ON d.id = sd.doc WHERE sd.story = ? ORDER BY sd.position", (story_id,))
    return [dict(r) for r in rows]


def _timeline(db: sqlite3.Connection, story_id: str, page: Page) -> dict[str, Any]:
    """The story's events by date (undated last), each with the sentences that report it."""
    total = db.execute("SELECT count(*) FROM events WHERE story = ?", (story_id,)).fetchone()[0]
    rows = db.execute("SELECT id, date, date_text, precision, type, modality, background, summary FROM events "
                      f"WHERE story = ? ORDER BY date IS NULL, date, {dialect_of(db).row_order()} LIMIT ? OFFSET ?",
                      (story_id, page.size, page.offset))
    events = [{**dict(r), "background": bool(r["background"])} for r in rows]
    sources = event_sources(db, [ev["id"] for ev in events])
    for ev in events:
        ev["sources"] = sources.get(ev["id"], [])
    return paged(page, total, events)


def event_sources(db: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    """Per event, its reporting documents: document, sentence, the document's title and outlet."""
    if not event_ids:
        return {}
    marks = ", ".join("?" * len(event_ids))
    rows = db.execute("SELECT es.event, es.doc, es.sentence, d.title, d.outlet, d.published FROM event_sources es "
                      f"JOIN docs d ON d.id = es.doc WHERE es.event IN ({marks}) ORDER BY es.event, es.position",
                      event_ids)
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["event"], []).append({k: r[k] for k in ("doc", "sentence", "title", "outlet", "published")})
    return out


# the ledger --------------------------------------------------------------------
FIGURE_FIELDS = ("id", "doc", "sentence", "text", "value", "low", "high", "qualifier", "unit", "claimant", "via",
                 "as_of", "status")


def _ledger(db: sqlite3.Connection, story_id: str) -> list[dict]:
    lines = [dict(r) for r in db.execute("SELECT id, category, subject, relation, note, extra FROM ledger_lines "
                                         f"WHERE story = ? ORDER BY {dialect_of(db).row_order()}", (story_id,))]
    figures = _ledger_figures(db, story_id)
    for line in lines:
        extra = loads(line.pop("extra"), {})
        line["part"], line["past_event"] = bool(extra.get("part")), bool(extra.get("past_event"))
        line["figures"] = figures.get(line["id"], [])
    return lines


def _ledger_figures(db: sqlite3.Connection, story_id: str) -> dict[str, list[dict]]:
    columns = ", ".join(f"f.{c}" for c in FIGURE_FIELDS)
    rows = db.execute(f"SELECT lm.line, {columns}, f.extra, d.outlet, d.published FROM ledger_members lm "
                      "JOIN ledger_lines l ON l.id = lm.line JOIN figures f ON f.id = lm.figure "
                      "LEFT JOIN docs d ON d.id = f.doc WHERE l.story = ? ORDER BY lm.line, lm.position", (story_id,))
    out: dict[str, list[dict]] = {}
    for r in rows:
        fig = {k: r[k] for k in (*FIGURE_FIELDS, "outlet", "published")}  # the article's outlet and day: who and when
        fig["relation"] = loads(r["extra"], {}).get("relation")
        fig["shown"] = figure_text(fig)
        out.setdefault(r["line"], []).append(fig)
    return out


def _key_numbers_first(ledger: list[dict]) -> list[dict[str, Any]]:
    """The ledger lines as the report opens a story: the story's own totals first, parts and counts of
    past events after, longer histories before shorter ones."""
    lines = sorted((line for line in ledger if line["figures"]),
                   key=lambda line: (line["past_event"], line["part"], -len(line["figures"])))
    return [_key_numbers(line) for line in lines]


def _key_numbers(line: dict) -> dict[str, Any]:
    """A ledger line: the values it holds in the ledger's order, and the report's one-sentence history
    ("killed: 14 → 56 → 162 (BNPB); 162 vs 62 on 22 Nov, ..."), and what its chart draws (a quantity reported
    more than once; the page draws it from the ledger line, ``serve.charts``)."""
    kn = key_number(line, line["figures"])
    return {"ledger": line["id"], "category": line["category"], "subject": line["subject"],
            "relation": line["relation"], "values": [fig["shown"] for fig in line["figures"]],
            "history": kn.sentence, "chart": chart_data(kn)}


QUALIFIER_WORDS = {"about": "about", "more_than": "more than", "at_least": "at least", "nearly": "nearly",
                   "up_to": "up to", "less_than": "less than"}


def figure_text(fig: dict) -> str:
    """A figure as people read it: ``about 120``, ``2–3``, ``5 IDR``; a vague count as written."""
    if fig["qualifier"] == "vague" or fig["value"] is None:
        return fig["text"] or ""
    if fig["qualifier"] == "range" and fig["low"] is not None and fig["high"] is not None:
        number = f"{_number(fig['low'])}–{_number(fig['high'])}"
    else:
        number = _number(fig["value"])
    word = QUALIFIER_WORDS.get(fig["qualifier"] or "")
    unit = f" {fig['unit']}" if fig["unit"] else ""
    return f"{word} {number}{unit}" if word else f"{number}{unit}"


def _number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
