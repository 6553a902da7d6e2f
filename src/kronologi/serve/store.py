"""The store opened for reading only: SQLite's ``mode=ro`` URI plus ``query_only``, one connection per request.

A connection per request is cheap (well under a millisecond) and keeps threads apart: Starlette runs the page
functions in a thread pool. A build may write the store meanwhile: SQLite's WAL lets every request read one
complete chronicle, the previous one or the new one."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

from kronologi.errors import StoreError

NEEDED_TABLES = ("chronicle", "stories", "docs", "events", "docs_fts")


def readonly_uri(path: str | Path) -> str:
    return "file:" + quote(str(Path(path).resolve())) + "?mode=ro"


def connect(path: str | Path) -> sqlite3.Connection:
    """A read-only connection whose rows read like dicts; writes raise ``sqlite3.OperationalError``."""
    db = sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA query_only = ON")
    return db


@contextmanager
def reading(path: str | Path) -> Iterator[sqlite3.Connection]:
    db = connect(path)
    try:
        yield db
    finally:
        db.close()


def check(path: str | Path) -> None:
    """Refuse, with a message that says what to do, a file that is not a Kronologi store holding a chronicle."""
    if not Path(path).is_file():
        raise StoreError(f"no store at {path}: give --db OUTDIR/kronologi.db (written by 'kronologi build -o OUTDIR')",
                         code="failed.store.missing")
    try:
        with reading(path) as db:
            _check_tables(db, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} cannot be read as a SQLite store ({exc}); give the kronologi.db a build wrote",
                         code="failed.store.not_sqlite") from exc


def _check_tables(db: sqlite3.Connection, path: str | Path) -> None:
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    missing = [t for t in NEEDED_TABLES if t not in names]
    if missing:
        raise StoreError(f"{path} holds no Kronologi chronicle ({', '.join(missing)} missing): give the kronologi.db "
                         "that 'kronologi build' wrote with this version", code="failed.store.no_chronicle")


def loads(value: str | None, default: Any = None) -> Any:
    """A JSON column's value (``default`` when null)."""
    return default if value is None else json.loads(value)
