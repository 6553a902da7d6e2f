"""The store: SQLite (or a PostgreSQL server), recorded migrations, content-hash keys.

Every document is written with the signature of the pipeline that made it.
A build first looks its documents up by key: a document already processed by
the same pipeline is reused as it is, so re-running a build on the same inputs
changes nothing, and a build that was interrupted (Ctrl-C, a crash) resumes
where it stopped — each batch is one transaction, so the store never holds half
a batch.

Opening a store is safe against what users meet: two builds started at once on
one new store (the second waits for the first's migration, then both go on,
one writer at a time); a store made by a newer Kronologi (refused, nothing
written); a SQLite file of another program (refused before a table is added).
A Kronologi store carries ``APPLICATION_ID`` in its SQLite header.

``--db postgresql://user@host:port/dbname`` puts the same tables on a PostgreSQL server
(``kronologi.store.postgres``), so a team can build into one shared store: the same
migrations and SQL, what differs kept in ``kronologi.store.dialect``. Several builds may
write at once; advisory locks keep the migrations and the chronicle's replacement to one
build at a time, as SQLite's single writer does.

A build waits for another build's lock up to ``lock_timeout`` seconds (``--lock-timeout``,
120 by default), then stops with ``StoreBusyError`` (``failed.store.busy``): the transaction
that waited is rolled back, so the store holds what it held before it, and the message says
which store, how long the build waited and what to do — never the driver's own error.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from kronologi.document import Document, Rejection
from kronologi.errors import StoreBusyError, StoreError
from kronologi.store import postgres
from kronologi.store.dialect import LOCK_CHRONICLE, LOCK_MIGRATE, LOCK_TIMEOUT_S, POSTGRESQL, SQLITE, Dialect

if TYPE_CHECKING:
    from kronologi.chronicle import Chronicle

log = logging.getLogger(__name__)

APPLICATION_ID = 0x4B524F4E  # "KRON", in the SQLite header of every Kronologi store
MIGRATIONS_COLUMNS = ("version", "name", "applied_at")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of every migration shipped with the package, in order."""
    folder = resources.files(__package__).joinpath("migrations")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            out.append((int(entry.name.split("_", 1)[0]), entry.name[:-4], entry.read_text(encoding="utf-8")))
    return out


def target(db: str | Path | None, outdir: str | Path) -> str | Path:
    """The store ``--db`` names: a PostgreSQL server's URL as given (a ``Path`` would fold its ``//``), a SQLite
    file, or ``OUTDIR/kronologi.db`` when none is given."""
    if postgres.is_url(db):
        return str(db)
    return Path(db) if db else Path(outdir) / "kronologi.db"


def shown(db: str | Path) -> str:
    """The store for messages and logs: a URL without its password, a path as it is."""
    return postgres.redact(str(db)) if postgres.is_url(db) else str(db)


class Store:
    def __init__(self, path: str | Path, lock_timeout: float = LOCK_TIMEOUT_S):
        """Open (and migrate) the store at ``path``, a SQLite file or a PostgreSQL URL. ``lock_timeout``: seconds
        one statement waits for a lock another build holds before the build stops with ``StoreBusyError``."""
        self.path = str(path)
        self.dialect: Dialect = SQLITE
        self.lock_timeout = lock_timeout
        started = time.monotonic()
        if postgres.is_url(path):
            self._open_postgres(started)
            return
        if self.path != ":memory:":
            _make_parent(self.path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=lock_timeout)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc, lock_timeout, time.monotonic() - started) from exc
        try:
            self._open()
        except sqlite3.Error as exc:
            self.db.close()
            raise _store_error(self.path, exc, lock_timeout, time.monotonic() - started) from exc
        except BaseException:
            self.db.close()
            raise

    def _open_postgres(self, started: float) -> None:
        import psycopg

        self.dialect = POSTGRESQL
        self.db = postgres.connect(self.path, self.lock_timeout)
        try:
            _check_ours(self.db, postgres.redact(self.path), self.dialect)
            self.migrate()
        except psycopg.Error as exc:
            self.db.close()
            raise postgres.store_error(self.path, exc, self.lock_timeout, time.monotonic() - started) from exc
        except BaseException:
            self.db.close()
            raise
        log.debug("store %s open at schema version %d", postgres.redact(self.path), self.schema_version())

    def _open(self) -> None:
        """Check the file is ours (reading only), then set it up and migrate it."""
        _check_ours(self.db, self.path, self.dialect)
        _set_wal(self.db, self.lock_timeout)
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.migrate()
        log.debug("store %s open at schema version %d", self.path, self.schema_version())

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (on PostgreSQL the connection answers like ``sqlite3``'s).

        Whatever ends it early, a failed ``COMMIT`` included, rolls it back: nothing of it is kept. A lock
        wait that ran out (another build holds the store past ``lock_timeout``: SQLite's write lock, a
        PostgreSQL advisory or row lock) becomes a ``StoreBusyError`` with its message, not the driver's
        error, at whatever point of the build it comes."""
        started = time.monotonic()
        try:
            self.db.execute(self.dialect.begin_write)
        except Exception as exc:  # nothing to roll back: no transaction began
            if self.dialect.busy(exc):
                raise self._busy(started) from exc
            raise
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if self.dialect.busy(exc):
                raise self._busy(started) from exc
            raise

    def _rollback(self) -> None:
        """Roll back the open transaction. A rollback that fails (SQLite already rolled back, the server's
        connection is gone and the server ends the transaction itself) must not hide the error that led here."""
        try:
            self.db.execute("ROLLBACK")
        except Exception as exc:
            log.debug("store %s: rollback: %s", shown(self.path), exc)

    def _busy(self, started: float) -> StoreBusyError:
        return StoreBusyError(shown(self.path), time.monotonic() - started, self.lock_timeout)

    def migrate(self) -> list[str]:
        """Apply the migrations this store has not seen; return their names.

        Checked, then applied in one write transaction that checks again: a second
        build opening the same new store waits for the first, then finds nothing to do."""
        if not self._needs_migration():
            return []
        with self.transaction() as db:
            self.dialect.lock(db, LOCK_MIGRATE)
            db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                       "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            done = {v for (v,) in db.execute("SELECT version FROM schema_migrations")}
            applied = [_apply(db, self.dialect, version, name, sql)
                       for version, name, sql in migrations() if version not in done]
            if self.dialect is SQLITE:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for name in applied:
            log.info("store %s: applied migration %s", postgres.redact(self.path), name)
        return applied

    def _needs_migration(self) -> bool:
        if self.dialect is SQLITE and self.db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return True
        if "schema_migrations" not in self.dialect.tables(self.db):
            return True
        done = {version for (version,) in self.db.execute("SELECT version FROM schema_migrations")}
        return any(version not in done for version, _, _ in migrations())  # a gap too: migrate applies what lacks

    def schema_version(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    # documents ---------------------------------------------------------------
    def get(self, key: str, pipeline: str) -> Document | None:
        row = self.db.execute("SELECT data FROM documents WHERE key = ? AND pipeline = ?", (key, pipeline)).fetchone()
        return Document.from_dict(json.loads(row[0])) if row else None

    def get_many(self, keys: Iterable[str], pipeline: str) -> dict[str, Document]:
        """Documents already processed by ``pipeline``, by key."""
        keys = list(keys)
        out: dict[str, Document] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for key, data in self.db.execute(
                    f"SELECT key, data FROM documents WHERE pipeline = ? AND key IN ({marks})", (pipeline, *chunk)):
                out[key] = Document.from_dict(json.loads(data))
        return out

    def known(self, keys: Iterable[str], pipeline: str) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found |= {k for (k,) in self.db.execute(
                f"SELECT key FROM documents WHERE pipeline = ? AND key IN ({marks})", (pipeline, *chunk))}
        return found

    def put_batch(self, docs: list[Document], rejected: list[Rejection], pipeline: str) -> None:
        """Write one batch atomically: all of it or nothing."""
        with self.transaction() as db:
            # in key order: two builds writing the same documents at once take their row locks in one order
            db.executemany(_upsert("documents", DOCUMENT_COLUMNS, ("key",)),
                           [(d.key, d.id, d.source_path, pipeline, d.title, d.outlet, d.published, d.language,
                             json.dumps(d.to_dict(), ensure_ascii=False, sort_keys=True))
                            for d in sorted(docs, key=lambda doc: doc.key)])
            db.executemany("INSERT INTO rejected VALUES (?, ?) ON CONFLICT DO NOTHING",
                           sorted({(r.source_path, r.reason) for r in rejected}))

    def count(self, table: str) -> int:
        if table not in ("documents", "rejected", "decisions", "runs"):
            raise ValueError(f"unknown table {table}")
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # corpus decisions --------------------------------------------------------
    def put_decisions(self, name: str, decisions: dict[str, dict]) -> None:
        """Replace one pass's decisions for the given documents, atomically."""
        with self.transaction() as db:
            db.executemany(_upsert("decisions", ("pass", "doc_key", "data"), ("pass", "doc_key")),
                           [(name, key, json.dumps(decisions[key], ensure_ascii=False, sort_keys=True))
                            for key in sorted(decisions)])

    def get_decisions(self, name: str) -> dict[str, dict]:
        """One pass's stored decisions, by document key."""
        rows = self.db.execute("SELECT doc_key, data FROM decisions WHERE pass = ?", (name,))
        return {key: json.loads(data) for key, data in rows}

    # the chronicle -----------------------------------------------------------
    def put_chronicle(self, chronicle: "Chronicle", run: int | None = None,
                      then: Callable[[sqlite3.Connection], None] | None = None) -> dict:
        """Replace the chronicle tables with ``chronicle``, in one transaction: a crash
        while writing leaves the previous chronicle as it was. Return what changed since
        the chronicle it replaces (``kronologi.changes``), logged in ``changes`` in the
        same transaction. ``then(db)`` writes more in that transaction (the corpus cache)."""
        from kronologi.changes import compare
        from kronologi.store import changes as log_changes
        from kronologi.store.chronicle import write_chronicle

        with self.transaction() as db:
            self.dialect.lock(db, LOCK_CHRONICLE)  # PostgreSQL: one build replaces the chronicle at a time
            changes = compare(log_changes.read_snapshot(db), chronicle, run)
            write_chronicle(db, chronicle, run, self.dialect, changes)
            log_changes.record(db, changes, run)
            if then is not None:
                then(db)
        return changes

    def keep_chronicle(self, chronicle: "Chronicle", run: int | None = None,
                       then: Callable[[sqlite3.Connection], None] | None = None) -> dict:
        """``put_chronicle`` for a chronicle equal to the one in the tables (the build found nothing new): the
        tables stay as they are but for the rejected inputs (this build's), and the chronicle's row names this
        run, with nothing changed since the one before; ``then(db)`` in the same transaction."""
        from kronologi.changes import nothing_new
        from kronologi.store import changes as log_changes
        from kronologi.store.chronicle import put_rejected

        with self.transaction() as db:
            self.dialect.lock(db, LOCK_CHRONICLE)
            put_rejected(db, chronicle.rejected)
            since = db.execute("SELECT run FROM chronicle").fetchone()[0]
            changes = nothing_new(since, run, chronicle.generated_at)
            db.execute("UPDATE chronicle SET run = ?, generated_at = ?, written_at = ?, changes = ?",
                       (run, chronicle.generated_at, _now(), json.dumps(changes, ensure_ascii=False)))
            log_changes.record(db, changes, run)
            if then is not None:
                then(db)
        return changes

    # runs --------------------------------------------------------------------
    def start_run(self, inputs: list[str], pipeline: str) -> int:
        with self.transaction() as db:
            rows = db.execute("INSERT INTO runs (started_at, inputs, pipeline) VALUES (?, ?, ?) RETURNING id",
                              (_now(), json.dumps(inputs), pipeline)).fetchall()
        return int(rows[0][0])

    def finish_run(self, run: int, documents: int, rejected: int) -> None:
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished_at = ?, documents = ?, rejected = ? WHERE id = ?",
                       (_now(), documents, rejected, run))


    # search ------------------------------------------------------------------
    def search(self, kind: str, query: str, limit: int = 50) -> list[str]:
        """Ids of ``documents``, ``events`` or ``quotes`` whose text holds every word of ``query``, best first
        (FTS5 on SQLite, ``to_tsvector('simple', ...)`` on PostgreSQL)."""
        return self.dialect.search(self.db, kind, query, limit)


DOCUMENT_COLUMNS = ("key", "id", "source_path", "pipeline", "title", "outlet", "published", "language", "data")


def _upsert(table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
    """``INSERT`` that replaces the row with the same ``key`` (the same SQL on SQLite and PostgreSQL)."""
    marks = ", ".join("?" * len(columns))
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return f"INSERT INTO {table} VALUES ({marks}) ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"


def _apply(db: sqlite3.Connection, dialect: Dialect, version: int, name: str, sql: str) -> str:
    for statement in dialect.statements(sql):
        db.execute(statement)
    db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
    return name


def _check_ours(db: sqlite3.Connection, path: str, dialect: Dialect) -> None:
    """Refuse, before anything is written, a database of another program or of a newer Kronologi."""
    tables = dialect.tables(db)
    if not tables:
        return  # a new store
    if not _is_kronologi(db, tables, dialect):
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        what = "SQLite database" if dialect is SQLITE else "PostgreSQL database"
        raise StoreError(f"{path} is a {what} of another program (tables: {shown}); Kronologi leaves it "
                         "untouched: pass another --db path", code="failed.store.foreign")
    newest, known = _newest_version(db), migrations()[-1][0]
    if newest > known:
        raise StoreError(f"{path} was written by a newer Kronologi (store schema version {newest}; this version "
                         f"knows up to {known}); nothing was changed: upgrade Kronologi or pass another --db path",
                         code="failed.store.newer")


def _is_kronologi(db: sqlite3.Connection, tables: set[str], dialect: Dialect) -> bool:
    """Our application id in the header; or, for stores made before it was set (and on PostgreSQL,
    which has no such header), our migrations table with our first migration recorded in it."""
    if dialect is SQLITE and db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
        return True
    if "schema_migrations" not in tables:
        return False
    if dialect.columns(db, "schema_migrations") != MIGRATIONS_COLUMNS:
        return False
    first = db.execute("SELECT name FROM schema_migrations WHERE version = 1").fetchone()
    return first is not None and first[0] == migrations()[0][1]


def _newest_version(db: sqlite3.Connection) -> int:
    return db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]


def _set_wal(db: sqlite3.Connection, lock_timeout: float = LOCK_TIMEOUT_S) -> None:
    """Switch to WAL. SQLite answers "locked" at once, without waiting, when another connection
    switches the same new file at that moment: retry until the lock timeout."""
    deadline = time.monotonic() + lock_timeout
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _make_parent(path: str) -> None:
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder of the store {path} ({exc.strerror or exc}); "
                         "pass another --db path", code="failed.store.folder") from exc


def _store_error(path: str, exc: sqlite3.Error, lock_timeout: float = LOCK_TIMEOUT_S,
                 waited: float | None = None) -> StoreError:
    """A true message for what SQLite said (a lock wait that ran out: how long it waited, if known)."""
    said = str(exc)
    if SQLITE.busy(exc):
        return StoreBusyError(path, lock_timeout if waited is None else waited, lock_timeout)
    if "not a database" in said:
        return StoreError(f"{path} is not a usable Kronologi store: it is not a SQLite database; Kronologi leaves "
                          "it untouched: pass another --db path", code="failed.store.not_sqlite")
    if "unable to open" in said or "readonly" in said:
        return StoreError(f"{path} cannot be opened for writing ({said}); check the path and its permissions, "
                          "or pass another --db path", code="failed.store.open")
    return StoreError(f"{path} is not a usable Kronologi store (SQLite said: {said}); pass another --db path, "
                      "or, if it is a damaged Kronologi store, move it away: a new store rebuilds from the inputs",
                      code="failed.store.damaged")
