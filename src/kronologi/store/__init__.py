"""The store: SQLite, one writer, recorded migrations, content-hash keys.

Every document is written with the signature of the pipeline that made it.
A build first looks its documents up by key: a document already processed by
the same pipeline is reused as it is, so re-running a build on the same inputs
changes nothing, and a build that was interrupted (Ctrl-C, a crash) resumes
where it stopped — each batch is one transaction, so the store never holds half
a batch.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from kronologi.document import Document, Rejection
from kronologi.errors import StoreError


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


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable Kronologi store ({exc}); "
                             "pass another --db path or delete the file") from exc

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def migrate(self) -> list[str]:
        """Apply the migrations this store has not seen; return their names."""
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {v for (v,) in self.db.execute("SELECT version FROM schema_migrations")}
        applied = []
        for version, name, sql in migrations():
            if version in done:
                continue
            with self.transaction() as db:
                for statement in _statements(sql):
                    db.execute(statement)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
            applied.append(name)
        return applied

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
            db.executemany(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(d.key, d.id, d.source_path, pipeline, d.title, d.outlet, d.published, d.language,
                  json.dumps(d.to_dict(), ensure_ascii=False, sort_keys=True)) for d in docs])
            db.executemany("INSERT OR IGNORE INTO rejected VALUES (?, ?)",
                           [(r.source_path, r.reason) for r in rejected])

    def count(self, table: str) -> int:
        if table not in ("documents", "rejected", "decisions", "runs"):
            raise ValueError(f"unknown table {table}")
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # corpus decisions --------------------------------------------------------
    def put_decisions(self, name: str, decisions: dict[str, dict]) -> None:
        """Replace one pass's decisions for the given documents, atomically."""
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO decisions VALUES (?, ?, ?)",
                           [(name, key, json.dumps(d, ensure_ascii=False, sort_keys=True))
                            for key, d in decisions.items()])

    def get_decisions(self, name: str) -> dict[str, dict]:
        """One pass's stored decisions, by document key."""
        rows = self.db.execute("SELECT doc_key, data FROM decisions WHERE pass = ?", (name,))
        return {key: json.loads(data) for key, data in rows}

    # runs --------------------------------------------------------------------
    def start_run(self, inputs: list[str], pipeline: str) -> int:
        with self.transaction() as db:
            cur = db.execute("INSERT INTO runs (started_at, inputs, pipeline) VALUES (?, ?, ?)",
                             (_now(), json.dumps(inputs), pipeline))
        return int(cur.lastrowid)

    def finish_run(self, run: int, documents: int, rejected: int) -> None:
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished_at = ?, documents = ?, rejected = ? WHERE id = ?",
                       (_now(), documents, rejected, run))


def _statements(sql: str) -> list[str]:
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
