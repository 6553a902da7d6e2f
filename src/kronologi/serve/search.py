"""Full-text search over documents, event summaries and quotes (the store's FTS5 tables).

The words of the query are matched as quoted terms, all of them required, so FTS5's own syntax (``OR``, ``NEAR``,
``*``, quotes, columns) in what a user types is text to look for, never a query error. Results of the three kinds
are ranked together by bm25, documents weighing their title as the text."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from kronologi.serve.params import BadParameter, Page
from kronologi.serve.stories import paged
from kronologi.serve.store import dialect_of
from kronologi.store.dialect import POSTGRESQL, SEARCH

HIT_OPEN, HIT_CLOSE = "\x01", "\x02"  # snippet markers, turned into structure (never into markup)
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Kind:
    """One searchable kind: its FTS5 table, its content table (``t``), and what a result shows of a row."""

    fts: str
    table: str
    title: str  # the column shown as the result's title
    doc: str  # the document the hit is in, or NULL
    sentence: str
    snippet_column: int  # the FTS5 column the snippet is cut from


KINDS = {
    "document": Kind("docs_fts", "docs", "t.title", "NULL", "NULL", 1),
    "event": Kind("events_fts", "events", "t.type", "NULL", "NULL", 0),
    "quote": Kind("quotes_fts", "quotes", "t.speaker_name", "t.doc", "t.sentence", 0),
}


def _matches(name: str, kind: Kind) -> str:
    """The kind's matches, ranked from the FTS5 table alone (bm25 of every match: unavoidable)."""
    return f"m_{name} AS MATERIALIZED (SELECT rowid AS rid, bm25({kind.fts}) AS rank FROM {kind.fts} WHERE {kind.fts} MATCH :q)"


def _best(name: str, kind: Kind) -> str:
    """The kind's best ``:k`` matches, ties at the last one included, with their ids. Only these rows are joined
    to their table (for the id that breaks ties): joined for every match (7,000 documents for a city's name in the
    22k store) the lookups took two thirds of a search. Snippets wait for the page's rows."""
    m = f"m_{name}"
    return (f"SELECT '{name}' AS kind, t.id, {m}.rid, {m}.rank FROM {m} JOIN {kind.table} t ON t.rowid = {m}.rid "
            f"WHERE {m}.rank <= coalesce((SELECT rank FROM {m} ORDER BY rank LIMIT 1 OFFSET :k - 1), 1e308)")


def _shown(kind: Kind) -> str:
    """A result's title, document, sentence and snippet: one row of the kind, found by its rowid."""
    return (f"SELECT {kind.title} AS title, {kind.doc} AS doc, {kind.sentence} AS sentence, "
            f"snippet({kind.fts}, {kind.snippet_column}, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 16) AS snippet "
            f"FROM {kind.fts} JOIN {kind.table} t ON t.rowid = {kind.fts}.rowid "
            f"WHERE {kind.fts} MATCH :q AND {kind.fts}.rowid = :rid")


def match_expression(q: str) -> str:
    """Every word of ``q`` as a quoted FTS5 term; a query without a word is a bad parameter."""
    words = WORD.findall(q)
    if not words:
        raise BadParameter("'q' has no word to look for: give letters or digits, e.g. ?q=banjir")
    return " ".join(f'"{w}"' for w in words)


def search(db: sqlite3.Connection, q: str, page: Page) -> dict[str, Any]:
    """One page of the documents, events and quotes holding every word of ``q``, best first (bm25, then kind and
    id): the page lies within each kind's best ``offset + size`` matches (ties included), so only those are
    ordered by id. The counts per kind come from the FTS5 tables alone."""
    expr = match_expression(q)
    if dialect_of(db).name == POSTGRESQL.name:
        return _search_postgres(db, q, expr, page)
    counts = {name: _count(db, kind, expr) for name, kind in KINDS.items()}
    matches = ", ".join(_matches(name, kind) for name, kind in KINDS.items())
    union = " UNION ALL ".join(_best(name, kind) for name, kind in KINDS.items())
    rows = db.execute(f"WITH {matches} SELECT kind, id, rid FROM ({union}) ORDER BY rank, kind, id "
                      "LIMIT :size OFFSET :offset",
                      {"q": expr, "size": page.size, "offset": page.offset, "k": page.offset + page.size}).fetchall()
    results = [_result(row, db.execute(_shown(KINDS[row["kind"]]), {"q": expr, "rid": row["rid"]}).fetchone())
               for row in rows]
    return {"q": q, "counts": counts, "results": paged(page, sum(counts.values()), results)}


# PostgreSQL: the same answer from the text-search expressions its GIN indexes hold (kronologi.store.dialect);
# ranked by ts_rank, not bm25, and cut by ts_headline, not FTS5's snippet: the same hits, their order and snippet
# text may differ.
PG_KINDS = {"document": ("documents", "text"), "event": ("events", "summary"), "quote": ("quotes", "text")}
PG_QUERY = "websearch_to_tsquery('simple', ?)"
PG_HEADLINE = f"StartSel={HIT_OPEN}, StopSel={HIT_CLOSE}, MaxFragments=1, MaxWords=16, MinWords=8"


def _pg_match(name: str) -> tuple[str, str]:
    table, _, vector = SEARCH[PG_KINDS[name][0]]
    return table, vector


def _search_postgres(db: Any, q: str, expr: str, page: Page) -> dict[str, Any]:
    counts = {}
    for name in KINDS:
        table, vector = _pg_match(name)
        counts[name] = db.execute(f"SELECT count(*) FROM {table} WHERE {vector} @@ {PG_QUERY}", (expr,)).fetchone()[0]
    union = " UNION ALL ".join(
        f"SELECT '{name}' AS kind, id, ts_rank({vector}, {PG_QUERY}) AS rank FROM {table} "
        f"WHERE {vector} @@ {PG_QUERY}"
        for name, (table, vector) in ((n, _pg_match(n)) for n in KINDS))
    rows = db.execute(f"SELECT kind, id FROM ({union}) AS hits ORDER BY rank DESC, kind, id LIMIT ? OFFSET ?",
                      [*(expr for _ in range(2 * len(KINDS))), page.size, page.offset]).fetchall()
    results = []
    for row in rows:
        kind = KINDS[row["kind"]]
        table, _ = _pg_match(row["kind"])
        column = PG_KINDS[row["kind"]][1]
        shown = db.execute(f"SELECT {kind.title} AS title, {kind.doc} AS doc, {kind.sentence} AS sentence, "
                           f"ts_headline('simple', t.{column}, {PG_QUERY}, ?) AS snippet FROM {table} t "
                           "WHERE t.id = ?", (expr, PG_HEADLINE, row["id"])).fetchone()
        results.append(_result(row, shown))
    return {"q": q, "counts": counts, "results": paged(page, sum(counts.values()), results)}


def _count(db: sqlite3.Connection, kind: Kind, expr: str) -> int:
    return db.execute(f"SELECT count(*) FROM {kind.fts} WHERE {kind.fts} MATCH ?", (expr,)).fetchone()[0]


def _result(row: sqlite3.Row, shown: sqlite3.Row) -> dict[str, Any]:
    out = {"kind": row["kind"], "id": row["id"], **{k: shown[k] for k in ("title", "doc", "sentence")}}
    out["snippet"] = snippet_parts(shown["snippet"] or "")
    return out


def snippet_parts(text: str) -> list[dict[str, Any]]:
    """``a \\x01b\\x02 c`` -> ``[{text: 'a ', hit: false}, {text: 'b', hit: true}, {text: ' c', hit: false}]``."""
    parts, hit = [], False
    for piece in re.split(f"([{HIT_OPEN}{HIT_CLOSE}])", text):
        if piece in (HIT_OPEN, HIT_CLOSE):
            hit = piece == HIT_OPEN
        elif piece:
            parts.append({"text": piece, "hit": hit})
    return parts
