"""The store tests run against both databases: ``backend`` is an empty store on SQLite (a file) or on
PostgreSQL (a new database on the session's throwaway server, see ``pg_server``); ``built_backend``
is the store corpus (``store_corpus.ARTICLES``) built once into each. A helper module, not a conftest.

``Backend`` reads and writes the store with the database's own driver (sqlite3, psycopg), not with
the store's code, so a test checks what is really in the tables.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import kronologi
from conftest import BuiltCorpus, write_articles
from pg_server import PgServer, postgres_server
from store_corpus import ARTICLES

BACKENDS = ("sqlite", "postgresql")


@dataclass
class Backend:
    """One store location: a SQLite path or a PostgreSQL URL, as ``--db`` takes it."""

    name: str
    url: str
    server: PgServer | None = None

    def connect(self) -> Any:
        """A connection of the database's own driver, taking ``?`` placeholders."""
        if self.server is None:
            return sqlite3.connect(self.url)
        import psycopg

        return _PgTestConnection(psycopg.connect(self.url, autocommit=True))

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        con = self.connect()
        try:
            return [tuple(r) for r in con.execute(sql, params).fetchall()]
        finally:
            con.close()

    def scalar(self, sql: str, params: tuple = ()) -> Any:
        return self.rows(sql, params)[0][0]

    def write(self, sql: str, params: tuple = ()) -> None:
        con = self.connect()
        try:
            con.execute(sql, params)
            con.commit()
        finally:
            con.close()

    def tables(self) -> set[str]:
        if self.server is None:
            return {r[0] for r in self.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {r[0] for r in self.rows("SELECT table_name FROM information_schema.tables "
                                        "WHERE table_schema = 'public'")}

    def copy(self, tmp_path: Path) -> "Backend":
        """A copy of this store to change (a file copy; a database made from this one as template)."""
        if self.server is None:
            path = tmp_path / f"copy-{uuid.uuid4().hex[:6]}.db"
            src, dst = sqlite3.connect(self.url), sqlite3.connect(path)
            src.backup(dst)
            src.close(), dst.close()
            return Backend(self.name, str(path))
        import psycopg

        name = f"k_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.server.admin_url, autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.url.rsplit("/", 1)[1]}"')
        return Backend(self.name, self.server.url(name), self.server)


class _PgTestConnection:
    """psycopg with ``?`` placeholders, enough for the tests' own queries."""

    def __init__(self, con: Any):
        self.con = con

    def execute(self, sql: str, params: tuple = ()) -> Any:
        return self.con.execute(sql.replace("?", "%s"), params)

    def commit(self) -> None:
        pass  # autocommit

    def close(self) -> None:
        self.con.close()


def new_backend(name: str, tmp_path: Path) -> Backend:
    """An empty store location of ``name``'s kind (skips, or fails in CI, without PostgreSQL)."""
    if name == "sqlite":
        return Backend(name, str(tmp_path / f"k-{uuid.uuid4().hex[:6]}.db"))
    server = postgres_server()
    return Backend(name, server.create_database(), server)


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path) -> Backend:
    return new_backend(request.param, tmp_path)


_BUILT: dict[str, tuple[Backend, BuiltCorpus]] = {}


@pytest.fixture(params=BACKENDS)
def built_backend(request, tmp_path_factory) -> tuple[Backend, BuiltCorpus]:
    """The store corpus built once per database (kept for the session: tests that write copy it)."""
    if request.param not in _BUILT:
        root = tmp_path_factory.mktemp(f"built-{request.param}")
        target = new_backend(request.param, root)
        folder = write_articles(root / "in", ARTICLES)
        _BUILT[request.param] = (target, BuiltCorpus(folder, target.url, kronologi.build([str(folder)], db=target.url)))
    return _BUILT[request.param]
