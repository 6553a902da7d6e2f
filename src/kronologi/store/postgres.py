"""The store on a PostgreSQL server (``--db postgresql://user@host:port/dbname``), through psycopg 3.

``PgConnection`` answers the few calls the store makes on a ``sqlite3.Connection``
(``execute``, ``executemany``, ``close``) so that the store keeps one code path: it turns the
store's ``?`` placeholders into psycopg's ``%s`` and passes values the way SQLite takes them
(a bool as 0 or 1; a NUL character, which PostgreSQL text cannot hold, as U+FFFD — one for
one, so offsets stay right, as in chronicle.json). The connection runs in autocommit mode and
the store issues ``BEGIN``/``COMMIT`` itself, as it does on SQLite.

psycopg is an optional dependency (the ``postgres`` extra); a store URL without it is refused
with a message that says what to install.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kronologi.errors import StoreBusyError, StoreError
from kronologi.store.dialect import LOCK_TIMEOUT_S, POSTGRESQL

log = logging.getLogger(__name__)

SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 30


def is_url(target: object) -> bool:
    """Whether ``--db`` names a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class PgConnection:
    """A psycopg connection that takes the store's SQL as written for SQLite's driver."""

    def __init__(self, con: Any):
        self.con = con

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.con.execute(_pg(sql), _values(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        cur = self.con.cursor()
        cur.executemany(_pg(sql), (_values(row) for row in rows))
        return cur

    def close(self) -> None:
        self.con.close()


def connect(url: str, lock_timeout_s: float = LOCK_TIMEOUT_S) -> PgConnection:
    """Connect, or raise a StoreError that says what to do. A statement waits up to ``lock_timeout_s`` for a
    lock (PostgreSQL's ``lock_timeout``, advisory locks included), then fails as ``POSTGRESQL.busy`` knows."""
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(f"{redact(url)}: a PostgreSQL store needs psycopg; install Kronologi with its "
                         "'postgres' extra (pip install 'kronologi[postgres]') or pass a SQLite --db path",
                         code="failed.store.driver") from exc
    try:
        con = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                              options=f"-c lock_timeout={max(1, round(lock_timeout_s * 1000))}")
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to the PostgreSQL store {redact(url)} ({_first_line(exc)}); check that "
                         "the server runs and the URL's user, host, port and database", code="failed.store.open") from exc
    con.adapters.register_loader("numeric", _NumberLoader)
    return PgConnection(con)


def _number(text: str) -> int | float:
    """A NUMERIC as SQLite's NUMERIC column gives it back: an int when whole, else a float."""
    value = Decimal(text)
    if value.is_finite() and value == value.to_integral_value():
        return int(value)
    return float(value)


def store_error(url: str, exc: Exception, lock_timeout_s: float = LOCK_TIMEOUT_S,
                waited_s: float | None = None) -> StoreError:
    """A true message for what PostgreSQL said (a lock wait that ran out: how long it waited, if known)."""
    said = _first_line(exc)
    if POSTGRESQL.busy(exc):
        return StoreBusyError(redact(url), lock_timeout_s if waited_s is None else waited_s, lock_timeout_s)
    if "permission denied" in said:
        return StoreError(f"{redact(url)}: the user may not change this database ({said}); grant it the rights "
                          "or pass another --db", code="failed.store.open")
    return StoreError(f"{redact(url)} is not a usable Kronologi store (PostgreSQL said: {said}); pass another --db",
                      code="failed.store.damaged")


class _NumberLoader:
    """psycopg loader (text format) for NUMERIC columns: ``_number``, not ``Decimal``."""

    format = 0

    def __init__(self, oid: int, context: Any = None):
        self.oid = oid

    def load(self, data: Any) -> int | float:
        return _number(bytes(data).decode("ascii"))


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@lru_cache(maxsize=512)
def _pg(sql: str) -> str:
    """``?`` placeholders (outside quotes) to ``%s``; a literal ``%`` to ``%%``."""
    return re.sub(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")|\?|%", _swap, sql)


def _swap(match: re.Match) -> str:
    if match.group(1):
        return match.group(1).replace("%", "%%")
    return "%s" if match.group(0) == "?" else "%%"


def _values(params: Sequence[Any]) -> tuple:
    return tuple(_value(v) for v in params)


def _value(value: Any) -> Any:
    if value is True or value is False:
        return int(value)
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value
