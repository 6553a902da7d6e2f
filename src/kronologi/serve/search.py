"""Full-text search over documents, event summaries and quotes (the store's FTS5 tables).

The words of the query are matched as quoted terms, all of them required, so FTS5's own syntax (``OR``, ``NEAR``,
``*``, quotes, columns) in what a user types is text to look for, never a query error. Results of the three kinds
are ranked together by bm25, documents weighing their title as the text."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from kronologi.serve.params import BadParameter, Page
from kronologi.serve.stories import paged

HIT_OPEN, HIT_CLOSE = "\x01", "\x02"  # snippet markers, turned into structure (never into markup)
WORD = re.compile(r"\w+")

KINDS = {
    "document": ("SELECT 'document' AS kind, d.id, d.title, NULL AS doc, NULL AS sentence, "
                 f"snippet(docs_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 16) AS snippet, bm25(docs_fts) AS rank "
                 "FROM docs_fts JOIN docs d ON d.rowid = docs_fts.rowid WHERE docs_fts MATCH :q"),
    "event": ("SELECT 'event' AS kind, e.id, e.type AS title, NULL AS doc, NULL AS sentence, "
              f"snippet(events_fts, 0, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 16) AS snippet, bm25(events_fts) AS rank "
              "FROM events_fts JOIN events e ON e.rowid = events_fts.rowid WHERE events_fts MATCH :q"),
    "quote": ("SELECT 'quote' AS kind, q.id, q.speaker_name AS title, q.doc, q.sentence, "
              f"snippet(quotes_fts, 0, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 16) AS snippet, bm25(quotes_fts) AS rank "
              "FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid WHERE quotes_fts MATCH :q"),
}


def match_expression(q: str) -> str:
    """Every word of ``q`` as a quoted FTS5 term; a query without a word is a bad parameter."""
    words = WORD.findall(q)
    if not words:
        raise BadParameter("'q' has no word to look for: give letters or digits, e.g. ?q=banjir")
    return " ".join(f'"{w}"' for w in words)


def search(db: sqlite3.Connection, q: str, page: Page) -> dict[str, Any]:
    expr = match_expression(q)
    counts = {kind: _count(db, sql, expr) for kind, sql in KINDS.items()}
    union = " UNION ALL ".join(KINDS.values())
    rows = db.execute(f"SELECT * FROM ({union}) ORDER BY rank, kind, id LIMIT :size OFFSET :offset",
                      {"q": expr, "size": page.size, "offset": page.offset})
    return {"q": q, "counts": counts, "results": paged(page, sum(counts.values()), [_result(r) for r in rows])}


def _count(db: sqlite3.Connection, sql: str, expr: str) -> int:
    return db.execute(f"SELECT count(*) FROM ({sql})", {"q": expr}).fetchone()[0]


def _result(row: sqlite3.Row) -> dict[str, Any]:
    out = {k: row[k] for k in ("kind", "id", "title", "doc", "sentence")}
    out["snippet"] = snippet_parts(row["snippet"] or "")
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
