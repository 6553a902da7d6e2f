"""The store opened for reading only, one connection per request: a SQLite file (``mode=ro`` URI plus
``query_only``) or a PostgreSQL server (``--db postgresql://user@host:port/db``, its session set to
``default_transaction_read_only``).

A connection per request is cheap (well under a millisecond for SQLite) and keeps threads apart: Starlette runs
the page functions in a thread pool. A build may write the store meanwhile: SQLite's WAL, or PostgreSQL's
snapshots, let every request's statements read complete chronicles.

The page loaders are written once against what both connections answer: ``execute`` with ``?`` (or ``:name``)
placeholders, rows read by column name or position, ``dict(row)``. Where their SQL must differ they ask
``dialect_of(db)`` (kronologi.store.dialect)."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request

from kronologi.errors import StoreError
from kronologi.store import postgres
from kronologi.serve.params import BadParameter
from kronologi.store.dialect import POSTGRESQL, SQLITE, Dialect

NEEDED_TABLES = ("chronicle", "stories", "docs", "events")
NEEDED_SEARCH = ("docs_fts",)  # SQLite's FTS5 tables; PostgreSQL searches the tables themselves


log = logging.getLogger(__name__)

def db_errors() -> tuple[type[Exception], ...]:
    """What a store read raises when the database fails (psycopg's only when it is installed)."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


def readonly_uri(path: str | Path) -> str:
    return "file:" + quote(str(Path(path).resolve())) + "?mode=ro"


def dialect_of(db: Any) -> Dialect:
    """The database behind a connection ``connect`` opened."""
    return getattr(db, "dialect", SQLITE)


class PgRow(dict):
    """A PostgreSQL row as ``sqlite3.Row`` reads: by column name or position, unpacked into its values
    (``for (name,) in rows``), and as ``dict(row)`` (which, with ``__iter__`` overridden, goes through ``keys``)."""

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self.values()))

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, int):
            return list(self.values())[key]
        return dict.__getitem__(self, key)


def _pg_rows(cursor: Any) -> Any:
    names = [c.name for c in cursor.description or ()]
    return lambda values: PgRow(zip(names, values))


_NAMED = re.compile(r"('(?:[^']|'')*')|(?<![:\w]):(\w+)")


class PgReader:
    """A read-only psycopg connection taking the loaders' SQLite-style SQL (``?`` and ``:name`` placeholders)."""

    dialect = POSTGRESQL

    def __init__(self, url: str):
        self.store = postgres.connect(url)
        self.store.con.row_factory = _pg_rows
        self.store.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, params: Any = ()) -> Any:
        if isinstance(params, dict):
            sql = _NAMED.sub(lambda m: m.group(1) or f"%({m.group(2)})s", sql.replace("%", "%%"))
            return self.store.con.execute(sql, {k: postgres._value(v) for k, v in params.items()})
        return self.store.execute(sql, params)

    def close(self) -> None:
        self.store.close()


def connect(target: str | Path) -> Any:
    """A read-only connection whose rows read like dicts; writes raise (``sqlite3.OperationalError``, or
    psycopg's ``ReadOnlySqlTransaction``)."""
    if postgres.is_url(target):
        return PgReader(str(target))
    db = sqlite3.connect(readonly_uri(target), uri=True, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA query_only = ON")
    return db


@contextmanager
def reading(target: str | Path) -> Iterator[Any]:
    db = connect(target)
    try:
        yield db
    finally:
        db.close()


def check(target: str | Path) -> None:
    """Refuse, with a message that says what to do, a store that is not a Kronologi store holding a chronicle."""
    if postgres.is_url(target):
        _check_postgres(str(target))
        return
    if not Path(target).is_file():
        raise StoreError(f"no store at {target}: give --db OUTDIR/kronologi.db (written by 'kronologi build -o "
                         "OUTDIR')",
                         code="failed.store.missing")
    try:
        with reading(target) as db:
            _check_tables(SQLITE.tables(db), target, NEEDED_TABLES + NEEDED_SEARCH)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{target} cannot be read as a SQLite store ({exc}); give the kronologi.db a build wrote",
                         code="failed.store.not_sqlite") from exc


def _check_postgres(url: str) -> None:
    import psycopg

    try:
        with reading(url) as db:
            _check_tables(POSTGRESQL.tables(db), postgres.redact(url), NEEDED_TABLES)
    except psycopg.Error as exc:
        raise postgres.store_error(url, exc) from exc


def _check_tables(names: set[str], where: str | Path, needed: tuple[str, ...]) -> None:
    missing = [t for t in needed if t not in names]
    if missing:
        raise StoreError(f"{where} holds no Kronologi chronicle ({', '.join(missing)} missing): give the store "
                         "that 'kronologi build' wrote with this version", code="failed.store.no_chronicle")


def loads(value: str | None, default: Any = None) -> Any:
    """A JSON column's value (``default`` when null)."""
    return default if value is None else json.loads(value)


def read_or_answer(request: Request, load: Callable[[Any], Any]) -> Any:
    """Run ``load`` on the app's store: the request's one failure boundary, for pages and downloads
    alike (a bad parameter answers 400, an unreadable store 503, anything else a logged 500)."""
    try:
        with reading(request.app.state.db_path) as db:
            return load(db)
    except BadParameter as exc:
        raise HTTPException(400, str(exc)) from exc
    except db_errors() as exc:
        log.exception("store error on %s", request.url.path)
        raise HTTPException(503, "the store could not be read just now; try again") from exc
    except Exception as exc:  # noqa: BLE001 - the request boundary: log it, answer 500, keep serving
        log.exception("failure on %s", request.url.path)
        raise HTTPException(500, "the server could not answer this request; its log says why") from exc
