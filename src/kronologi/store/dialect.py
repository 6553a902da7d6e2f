"""What differs between the store's two databases, kept in one place so the store has one code path.

The store's SQL is written once, in the subset both SQLite and PostgreSQL understand: ``?``
placeholders (the PostgreSQL connection turns them into ``%s``), ``INSERT ... ON CONFLICT``
for upserts (SQLite 3.24+), ``RETURNING`` (SQLite 3.35+), and ``"end"`` quoted (a reserved
word in PostgreSQL). What cannot be shared lives here:

- migrations: a statement marked ``-- only: sqlite`` or ``-- only: postgresql`` runs on that
  database alone; column types are translated for PostgreSQL (``INTEGER PRIMARY KEY``, SQLite's
  auto-numbered key, becomes an identity column; ``BLOB`` becomes ``BYTEA``); foreign keys are
  declared on SQLite (datasette shows them as links) and not enforced there, so on PostgreSQL,
  which would enforce them, they are left out;
- locking: SQLite has one writer (``BEGIN IMMEDIATE``); PostgreSQL takes a transaction-level
  advisory lock where SQLite's writer lock is what keeps two builds apart (migrations, the
  chronicle's replacement); ``busy`` tells the driver's error for a lock wait that ran out
  (SQLite's ``SQLITE_BUSY``, PostgreSQL's ``lock_not_available``) from any other;
- full-text search: FTS5 tables on SQLite, GIN indexes over ``to_tsvector('simple', ...)`` on
  PostgreSQL (the expressions in ``SEARCH`` are the ones the migration indexes, so the planner
  uses them).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

LOCK_TIMEOUT_S = 120.0  # how long a build waits for a lock another build holds, unless told (--lock-timeout)
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6  # primary result codes (an extended code keeps them in its low byte)
_PG_BUSY = ("55P03", "40P01")  # lock_not_available (lock_timeout), deadlock_detected

# Advisory lock keys (PostgreSQL): one for the schema, one for the chronicle tables.
LOCK_MIGRATE = 0x4B524F4E0001
LOCK_CHRONICLE = 0x4B524F4E0002

# kind -> (table, FTS5 table, PostgreSQL text-search vector over the table's columns)
SEARCH = {
    "documents": ("docs", "docs_fts", "to_tsvector('simple', coalesce(title, '') || ' ' || text)"),
    "events": ("events", "events_fts", "to_tsvector('simple', coalesce(summary, ''))"),
    "quotes": ("quotes", "quotes_fts", "to_tsvector('simple', text || ' ' || coalesce(speaker_name, ''))"),
}

_ONLY = re.compile(r"^\s*--\s*only:\s*(\w+)\s*$", re.MULTILINE)
_AUTO_KEY = re.compile(r"\bINTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?\b", re.IGNORECASE)
_BLOB = re.compile(r"\bBLOB\b", re.IGNORECASE)
_REFERENCES = re.compile(r"\s+REFERENCES\s+\w+\s*\(\s*\w+\s*\)", re.IGNORECASE)


class Dialect:
    """SQLite's way; ``PostgresDialect`` overrides what differs."""

    name = "sqlite"
    begin_write = "BEGIN IMMEDIATE"
    no_index = "+"  # before a column: compare it without its index (SQLite's unary plus; PostgreSQL plans alone)

    def row_order(self, alias: str = "") -> str:
        """The order rows were written in, for a chronicle table (``alias`` like ``"s."``). SQLite's rowid,
        which every index carries, so an ORDER BY ending in it is read from an index without a sort."""
        return f"{alias}rowid"

    def statements(self, sql: str) -> list[str]:
        """The statements of a migration that run on this database, comments taken out."""
        kept = [ln for ln in sql.splitlines() if _ONLY.match(ln) or not ln.strip().startswith("--")]
        out = []
        for chunk in "\n".join(kept).split(";"):
            only = _ONLY.findall(chunk)
            if only and self.name not in only:
                continue
            statement = _ONLY.sub("", chunk).strip()
            if statement:
                out.append(self.translate(statement))
        return out

    def translate(self, statement: str) -> str:
        return statement

    def lock(self, db: Any, key: int) -> None:
        """Inside a write transaction: SQLite's ``BEGIN IMMEDIATE`` already holds the only write lock."""

    def busy(self, exc: BaseException) -> bool:
        """Whether ``exc`` says another connection held a lock past the wait allowed (``SQLITE_BUSY``, or
        ``SQLITE_LOCKED``): the store is fine, another build is writing."""
        if not isinstance(exc, sqlite3.OperationalError):
            return False
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
        return "locked" in str(exc) or "busy" in str(exc)

    def tables(self, db: Any) -> set[str]:
        return {name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}

    def columns(self, db: Any, table: str) -> tuple[str, ...]:
        return tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})"))

    def rebuild_search(self, db: Any) -> None:
        """Re-index the FTS5 tables from their content tables (external content)."""
        for _, fts, _ in SEARCH.values():
            db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")

    def search(self, db: Any, kind: str, query: str, limit: int) -> list[str]:
        """Ids of ``kind`` whose text holds every word of ``query``, best first."""
        table, fts, _ = SEARCH[kind]
        terms = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
        if not terms:
            return []
        return [i for (i,) in db.execute(
            f"SELECT t.id FROM {fts} JOIN {table} t ON t.rowid = {fts}.rowid WHERE {fts} MATCH ? "
            f"ORDER BY {fts}.rank, t.id LIMIT ?", (terms, limit))]

class PostgresDialect(Dialect):
    name = "postgresql"
    begin_write = "BEGIN"
    no_index = ""

    def row_order(self, alias: str = "") -> str:
        """No rowid here: the build numbers a chronicle's ids in the order it writes them (``S1``, ``V2``, ...),
        so shorter ids first, then by id, is that order."""
        return f"length({alias}id), {alias}id"

    def translate(self, statement: str) -> str:
        statement = _AUTO_KEY.sub("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", statement)
        return _REFERENCES.sub("", _BLOB.sub("BYTEA", statement))

    def lock(self, db: Any, key: int) -> None:
        """Wait for, then hold until this transaction ends, the advisory lock ``key``."""
        db.execute("SELECT pg_advisory_xact_lock(?)", (key,))

    def busy(self, exc: BaseException) -> bool:
        """Whether ``exc`` is psycopg's error for a lock wait past ``lock_timeout`` (SQLSTATE 55P03), or for a
        deadlock the server broke by cancelling this side (40P01): another build holds what this one waits for."""
        return getattr(exc, "sqlstate", None) in _PG_BUSY

    def tables(self, db: Any) -> set[str]:
        return {name for (name,) in db.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")}

    def columns(self, db: Any, table: str) -> tuple[str, ...]:
        return tuple(name for (name,) in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", (table,)))

    def rebuild_search(self, db: Any) -> None:
        """Nothing to do: the GIN indexes follow their tables within the transaction."""

    def search(self, db: Any, kind: str, query: str, limit: int) -> list[str]:
        table, _, vector = SEARCH[kind]
        words = " ".join('"' + word.replace('"', " ") + '"' for word in query.split())
        if not words:
            return []
        match = "websearch_to_tsquery('simple', ?)"
        return [i for (i,) in db.execute(
            f"SELECT id FROM {table} WHERE {vector} @@ {match} ORDER BY ts_rank({vector}, {match}) DESC, id LIMIT ?",
            (words, words, limit))]

SQLITE = Dialect()
POSTGRESQL = PostgresDialect()
