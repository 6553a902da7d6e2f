"""The views written from the store: the chronicle tables read back as the build made them.

``kronologi build`` writes the chronicle into the store (one transaction, ``store.chronicle``), then
writes ``chronicle.json`` and the other views by reading the store back (``write_store``);
``kronologi export`` does the same for a store a build wrote earlier, without building. The tables give
back every record exactly: its fields in their order (``record_shapes``), the fields beyond the
columns (``extra``, which also holds a value a column would not give back as it was), the lists kept in
tables of their own (a story's documents, an entity's aliases and mentions, an event's actors, sources
and evidence, a ledger line's figures, a document's removed lines and sentences), and the build's
rejected inputs and changes. So the files equal those written from the build's Chronicle in memory
(``export.write_all``), byte for byte.

Every table is read in batches of ``BATCH`` records by position, each batch's lists with one query
per list; ``chronicle.json`` is streamed record by record, so its largest part, the documents' texts,
is never held whole. The same SQL runs on SQLite and PostgreSQL (through the read-only connection of
``serve.store``), inside one read transaction, so a build writing meanwhile is not seen half way.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kronologi.chronicle import Chronicle, document_record
from kronologi.document import Document, Rejection
from kronologi.errors import StoreError
from kronologi.store import chronicle as tables
from kronologi.store.dialect import POSTGRESQL

log = logging.getLogger(__name__)

BATCH = 500  # records per query (and bound parameters per IN list: under SQLite's limit)
_DOC_ORDER = tuple(document_record(Document(id="", source_path="", format="", raw_text="")))


@contextmanager
def reading(target: str | Path) -> Iterator[Any]:
    """A read-only connection to the store at ``target`` in one read transaction (a consistent snapshot),
    refused with a message that says what to do when it holds no chronicle this version can export."""
    from kronologi.serve.store import check, connect, dialect_of
    from kronologi.store import postgres

    check(target)
    db = connect(target) if postgres.is_url(target) else _sqlite(Path(target))
    try:
        db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" if dialect_of(db) is POSTGRESQL else "BEGIN")
        _check_exportable(db, target)
        yield db
        db.execute("COMMIT")
    finally:
        db.close()


def _sqlite(path: Path) -> sqlite3.Connection:
    """The store file opened for reading only (``query_only``). Not as a read-only URI where the folder is
    writable: the last connection to close then removes SQLite's ``-shm`` and ``-wal`` files, as a build's does,
    rather than leaving them beside the views."""
    from kronologi.serve.store import connect

    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return connect(path)
    db = sqlite3.connect(path, isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA query_only = ON")
    return db


def _check_exportable(db: Any, target: str | Path) -> None:
    from kronologi.serve.store import dialect_of
    from kronologi.store import shown

    where = shown(target)
    if "record_shapes" not in dialect_of(db).tables(db):
        raise StoreError(f"{where} was written by an older Kronologi: run 'kronologi build' with this version "
                         "once (it migrates the store) before exporting from it", code="failed.store.old")
    if db.execute("SELECT generated_at FROM chronicle").fetchone() is None:
        raise StoreError(f"{where} holds no chronicle yet: 'kronologi build' writes one",
                         code="failed.store.no_chronicle")
    unplaced = db.execute("SELECT COUNT(*) FROM docs WHERE position IS NULL").fetchone()[0]
    if unplaced:
        raise StoreError(f"{where} holds a chronicle written by an older Kronologi: run 'kronologi build' again "
                         "to write it as this version exports it", code="failed.store.old")


class Records(Sequence):
    """One table's records in the build's order, read in batches as they are iterated (``len`` and indexing, which
    ``jsonfile``'s schema sample uses, read only what they need)."""

    def __init__(self, count: int, read: Callable[[int, int], list[Any]]):
        self.count, self.read = count, read

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Any]:
        for start in range(0, self.count, BATCH):
            yield from self.read(start, min(start + BATCH, self.count))

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.count))]
        if index < 0:
            index += self.count
        if not 0 <= index < self.count:
            raise IndexError(index)
        return self.read(index, index + 1)[0]


class StoredChronicle:
    """The chronicle in a store, read as ``Chronicle`` is written: ``header()`` and ``sections()`` (what
    ``jsonfile.write_json`` streams), each list a ``Records``; ``documents()`` gives ``Document`` objects."""

    def __init__(self, db: Any):
        self.db = db
        row = self.db.execute("SELECT schema, generated_at, changes, run FROM chronicle").fetchone()
        self.schema, self.generated_at = row[0], row[1]
        self.changes = json.loads(row[2]) if row[2] is not None else None
        self.run = row[3]
        self.shapes = {i: tuple(json.loads(f)) for i, f in self.db.execute("SELECT id, fields FROM record_shapes")}

    def header(self) -> dict[str, Any]:
        return {"schema": self.schema, "generated_at": self.generated_at}

    def sections(self) -> dict[str, Sequence[dict[str, Any]]]:
        return {
            "documents": self._table("docs", lambda a, b: [document_record(d) for d in
                                                           self._documents(*_placed(a, b))]),
            **{name: self._table(table, lambda a, b, read=read: read(*_placed(a, b)))
               for name, (table, read) in self._readers().items()},
            "rejected": [{"source_path": r.source_path, "reason": r.reason} for r in self.rejected()],
        }

    def _readers(self) -> dict[str, tuple[str, Callable[[str, Sequence[Any]], list[dict[str, Any]]]]]:
        """Each list of records: its table, and what reads the records a WHERE clause picks, in order."""
        return {
            "stories": ("stories", self._stories),
            "entities": ("entities", self._entities),
            "events": ("events", self._events),
            "figures": ("figures", lambda where, params: self._records("figures", tables.FIGURE_COLUMNS, where,
                                                                       params)),
            "quotes": ("quotes", lambda where, params: self._records("quotes", tables.QUOTE_COLUMNS, where, params)),
            "ledger": ("ledger_lines", self._ledger),
        }

    def documents(self) -> Records:
        return self._table("docs", lambda a, b: self._documents(*_placed(a, b)))

    def where(self, name: str, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        """The records of list ``name`` (``stories``, ``events``…) that ``where`` picks, in the chronicle's order."""
        return self._readers()[name][1](where, params)

    def documents_where(self, where: str, params: Sequence[Any]) -> list[Document]:
        return self._documents(where, params)

    def entities_where(self, where: str, params: Sequence[Any], mentions: bool = True) -> list[dict[str, Any]]:
        return self._entities(where, params, mentions)

    def rejected(self) -> list[Rejection]:
        return [Rejection(r[0], r[1]) for r in
                self.db.execute("SELECT source_path, reason FROM chronicle_rejected ORDER BY position")]

    def chronicle(self, documents: Sequence[Document] | None = None) -> Chronicle:
        """The whole chronicle as the build returned it (``documents``: these instead of reading them)."""
        sections = self.sections()
        return Chronicle(documents=list(self.documents() if documents is None else documents),
                         rejected=self.rejected(),
                         **{name: list(sections[name]) for name in
                            ("stories", "entities", "events", "figures", "quotes", "ledger")},
                         generated_at=self.generated_at, changes=self.changes)

    # one table ---------------------------------------------------------------------------------------------
    def _table(self, table: str, read: Callable[[int, int], list[Any]]) -> Records:
        return Records(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0], read)

    def _rows(self, table: str, columns: tuple[str, ...], where: str, params: Sequence[Any],
              more: str = "") -> list[Any]:
        names = ", ".join(f'"{c}"' for c in columns)
        return self.db.execute(f"SELECT {names}{more} FROM {table} WHERE {where} ORDER BY position",
                               tuple(params)).fetchall()

    def _records(self, table: str, columns: tuple[str, ...], where: str, params: Sequence[Any],
                 lists: dict[str, Callable[[list[str]], dict[str, list]]] | None = None) -> list[dict[str, Any]]:
        rows = self._rows(table, columns, where, params, ", extra, shape")
        ids = [r["id"] for r in rows]
        children = {name: load(ids) for name, load in (lists or {}).items()}
        out = []
        for r in rows:
            extra = json.loads(r["extra"]) if r["extra"] else {}
            record = {}
            for name in self.shapes[r["shape"]]:
                if name in extra:
                    record[name] = extra[name]
                elif name in children:
                    record[name] = children[name].get(r["id"], [])
                else:
                    record[name] = _value(name, r[name])
            out.append(record)
        return out

    def _children(self, sql: str, ids: list[str], make: Callable[[Any], Any]) -> dict[str, list]:
        """``sql``'s rows for these parents (``{ids}`` in it is the IN list; its first column the parent), made
        into list items, by parent, in the order the query gives. Asked ``BATCH`` parents at a time: a story's
        records, read by query, may be more than one IN list may bind."""
        out: dict[str, list] = defaultdict(list)
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            for r in self.db.execute(sql.format(ids=", ".join("?" * len(chunk))), chunk):
                out[r[0]].append(make(r))
        return out

    # the lists --------------------------------------------------------------------------------------------
    def _stories(self, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        return self._records("stories", tables.STORY_COLUMNS, where, params, {"documents": lambda ids: self._children(
            "SELECT story, doc FROM story_documents WHERE story IN ({ids}) ORDER BY story, position", ids,
            lambda r: r[1])})

    def _entities(self, where: str, params: Sequence[Any], mentions: bool = True) -> list[dict[str, Any]]:
        """Entities with their aliases and, unless ``mentions`` is false (a view that needs only names), their
        mentions."""
        return self._records("entities", tables.ENTITY_COLUMNS, where, params, {
            "aliases": lambda ids: self._children(
                "SELECT entity, alias FROM entity_aliases WHERE entity IN ({ids}) ORDER BY entity, position", ids,
                lambda r: r[1]),
            "mentions": lambda ids: self._children(
                'SELECT entity, doc, start, "end", text, extra FROM mentions WHERE entity IN ({ids}) ORDER BY id',
                ids if mentions else [], _mention)})

    def _events(self, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        return self._records("events", tables.EVENT_COLUMNS, where, params, {
            "actors": lambda ids: self._children(
                "SELECT event, entity FROM event_actors WHERE event IN ({ids}) ORDER BY event, position", ids,
                lambda r: r[1]),
            "sources": lambda ids: self._children(
                'SELECT event, doc, sentence, start, "end" FROM event_sources WHERE event IN ({ids}) '
                "ORDER BY event, position", ids,
                lambda r: {"doc": r[1], "sentence": r[2], "start": r[3], "end": r[4]}),
            "evidence": lambda ids: self._children(
                "SELECT event, doc, sentence, why FROM event_evidence WHERE event IN ({ids}) ORDER BY event, position",
                ids, lambda r: {"doc": r[1], "sentence": r[2], "why": None if r[3] is None else json.loads(r[3])})})

    def _ledger(self, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        return self._records("ledger_lines", tables.LEDGER_COLUMNS, where, params, {
            "figures": lambda ids: self._children(
                "SELECT line, figure FROM ledger_members WHERE line IN ({ids}) ORDER BY line, position", ids,
                lambda r: r[1])})

    def _documents(self, where: str, params: Sequence[Any]) -> list[Document]:
        rows = self._rows("docs", ("key", *tables.DOC_COLUMNS), where, params, ", extra")
        ids = [r["id"] for r in rows]
        removed = self._children("SELECT doc, text, reason, line FROM removed_lines WHERE doc IN ({ids}) "
                                 "ORDER BY doc, idx", ids, lambda r: {"text": r[1], "reason": r[2], "line": r[3]})
        sentences = self._children('SELECT doc, start, "end" FROM sentences WHERE doc IN ({ids}) ORDER BY doc, idx',
                                   ids, lambda r: {"start": r[1], "end": r[2]})
        out = []
        for r in rows:
            extra = json.loads(r["extra"]) if r["extra"] else {}
            known = {name: r[name] for name in tables.DOC_COLUMNS}
            known["credits"] = json.loads(known["credits"]) if known["credits"] is not None else []
            known.update(removed=removed.get(r["id"], []), sentences=sentences.get(r["id"], []))
            record = {name: extra[name] if name in extra else known[name]
                      for name in (*_DOC_ORDER, *(k for k in extra if k not in _DOC_ORDER))}
            out.append(Document.from_dict({**record, "key": r["key"], "raw_text": ""}))
        return out


# --- the chronicle a build kept, read when used ---------------------------------------------------------------

LISTS = {"documents": "docs", "stories": "stories", "entities": "entities", "events": "events",
         "figures": "figures", "quotes": "quotes", "ledger": "ledger_lines"}  # Chronicle's lists, and their tables


def kept_chronicle(target: str | Path, run: int, rejected: list[Rejection]) -> Chronicle:
    """The Chronicle a build returns when it kept the store's chronicle as it was (nothing new since the
    last build), which will name ``run``: each list is read from the store at ``target`` the first time it
    is used, not before, so a caller that writes the views from the store (``kronologi build``) and counts
    documents never loads them. Reading a list after another build replaced that chronicle raises
    ``StoreError`` (``failed.store.replaced``) rather than mixing two chronicles."""
    with reading(target) as db:
        counts = {name: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for name, table in LISTS.items()}
    lists = {name: _ReadWhenUsed(target, run, name, n) for name, n in counts.items()}
    return Chronicle(rejected=list(rejected), **lists)


class _ReadWhenUsed(Sequence):
    """One list of the chronicle of ``run`` in a store, read whole on first use."""

    def __init__(self, target: str | Path, run: int, name: str, count: int):
        self.target, self.run, self.name, self.count = target, run, name, count
        self.items: list[Any] | None = None

    def _all(self) -> list[Any]:
        if self.items is None:
            with reading(self.target) as db:
                stored = StoredChronicle(db)
                if stored.run != self.run:
                    from kronologi.store import shown

                    raise StoreError(f"{shown(self.target)}: the chronicle of run {self.run} was replaced by run "
                                     f"{stored.run} before its {self.name} were read; 'kronologi export' writes the "
                                     "store's chronicle now", code="failed.store.replaced")
                self.items = list(stored.documents() if self.name == "documents" else stored.sections()[self.name])
        return self.items

    def __len__(self) -> int:
        return self.count if self.items is None else len(self.items)

    def __getitem__(self, index):
        return self._all()[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


def document_counts(target: str | Path) -> tuple[int, int]:
    """The chronicle's documents in the store at ``target``, and how many of them are duplicates."""
    with reading(target) as db:
        row = db.execute("SELECT COUNT(*), COUNT(duplicate_of) FROM docs").fetchone()
    return row[0], row[1]


def _placed(start: int, stop: int) -> tuple[str, tuple[int, int]]:
    """The WHERE clause of the records at positions ``[start, stop)``."""
    return "position >= ? AND position < ?", (start, stop)


def _value(name: str, value: Any) -> Any:
    if name in tables.FLAGS and value is not None:
        return bool(value)
    return value


def _mention(r: Any) -> dict[str, Any]:
    out = {"doc": r[1], "start": r[2], "end": r[3], "text": r[4]}
    if r[5]:
        out.update(json.loads(r[5]))
    return out
