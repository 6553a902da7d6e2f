"""The chronicle in a store as the views read it (``source.ViewSource``), so that ``export.write_store`` writes
the CSVs, timeline.md and report.html without holding the chronicle (issue 13).

Lists are the store's ``Records`` (read in batches of ``stored.BATCH``). Lookups are queries: the names beside a
batch of rows (``names``), the figures of a batch of ledger lines (``figures_by_id``). ``story_parts`` reads one
story at a time: its documents (and those its records cite), its events and the events without a story that its
documents report, its ledger lines and their figures, the figures and quotes of its documents, and how often
each entity is mentioned in them, so peak memory follows the largest story, not the corpus. Only the documents'
compact rows (``source.DocRow``: no text) are kept for the whole chronicle, once, for the overview parts and
documents.csv. A list of ids is passed as one JSON parameter (``json_each`` in SQLite,
``jsonb_array_elements_text`` in PostgreSQL): no limit on bound parameters, and the rows come back in the
chronicle's order from one query.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kronologi.document import Document, Rejection
from kronologi.export.rows import Names
from kronologi.export.source import LISTS, DocRow, MemorySource, StoryParts, batched, texts
from kronologi.export.stored import BATCH, StoredChronicle
from kronologi.store.dialect import POSTGRESQL

_DOC_NAMES = ("outlet", "title", "published", "url", "story")  # what ``rows.Names`` keeps of a document


class StoreSource:
    """``StoredChronicle`` read as a ``source.ViewSource``."""

    def __init__(self, stored: StoredChronicle):
        from kronologi.serve.store import dialect_of

        self.stored, self.db = stored, stored.db
        self.generated_at = stored.generated_at
        self.sections = stored.sections()
        self.postgresql = dialect_of(self.db) is POSTGRESQL
        self._rows: list[DocRow] | None = None
        self._row_of: dict[str, DocRow] | None = None

    def counts(self) -> dict[str, int]:
        return {"documents": len(self.sections["documents"]), "rejected": len(self.sections["rejected"]),
                **{name: len(self.sections[name]) for name in LISTS}}

    def rejected(self) -> list[Rejection]:
        return self.stored.rejected()

    def changes(self) -> dict[str, Any]:
        """What the build changed, as it stored it; a store written without it (not by a build) is compared with
        nothing, which needs the whole chronicle."""
        if self.stored.changes is not None:
            return self.stored.changes
        from kronologi.changes import compare

        return compare(None, self.stored.chronicle())

    def records(self, name: str) -> Sequence[dict[str, Any]]:
        return self.sections[name]

    def doc_rows(self) -> list[DocRow]:
        """Read once (a batch of whole documents at a time) and kept: documents.csv and both overviews use them."""
        if self._rows is None:
            self._rows = [DocRow.of(d) for d in self.stored.documents()]
        return self._rows

    def documents(self, ids: Sequence[str]) -> Iterator[Document]:
        for chunk in batched(ids, BATCH):
            found = {d.id: d for d in self._documents(chunk)}
            yield from (found[i] for i in chunk if i in found)

    def names(self, docs: Iterable[Any] = (), entities: Iterable[Any] = (), stories: Iterable[Any] = ()) -> Names:
        """The names of these ids: documents' from their compact rows, entities' and stories' by query."""
        if self._row_of is None:
            self._row_of = {row.id: row for row in self.doc_rows()}
        rows = (self._row_of[i] for i in texts(docs) if i in self._row_of)
        return Names(entities={i: (r["name"], r["type"]) for i, r in self._fields("entities", ("name", "type"),
                                                                                  entities).items()},
                     stories={i: r["title"] for i, r in self._fields("stories", ("title",), stories).items()},
                     docs={row.id: {name: getattr(row, name) for name in _DOC_NAMES} for row in rows})

    def figures_by_id(self, ids: Iterable[Any]) -> dict[str, dict[str, Any]]:
        ids = sorted(texts(ids))
        return {f["id"]: f for f in self.stored.where("figures", self._among("id"), [json.dumps(ids)])} if ids else {}

    def event_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for story, n in self.db.execute("SELECT story, COUNT(*) FROM events GROUP BY story"):
            counts[story or ""] += n
        return dict(counts)

    def story_parts(self) -> Iterator[StoryParts]:
        stories = self.records("stories")
        if not len(stories):  # a chronicle without stories is one section of everything
            yield from MemorySource(self.stored.chronicle()).story_parts()
            return
        for story in stories:
            yield self._parts(story)

    # one story -----------------------------------------------------------------------------------------------
    def _parts(self, story: dict[str, Any]) -> StoryParts:
        sid = story.get("id")
        documents = {d.id: d for d in self._documents(sorted(texts(story.get("documents") or ())))}
        present = sorted(documents)
        events = self._events(sid, present)
        ledger = self.stored.where("ledger", "story = ?", [sid]) if sid else list(self.records("ledger"))
        figures = self.figures_by_id(f for line in ledger for f in line.get("figures") or ())
        sources = texts(s.get("doc") for ev in events for s in ev.get("sources") or ())
        cited = (sources | texts(i.get("doc") for i in story.get("summary") or () if isinstance(i, dict))
                 | texts(f.get("doc") for f in figures.values())) - documents.keys()
        documents.update((d.id, d) for d in self._documents(sorted(cited)))
        counts = self._mentions(present)
        entities = self._entities(counts)  # in the chronicle's order: the mentions follow it
        return StoryParts(story, documents, events, ledger, figures,
                          figures_at=_grouped(self._where("figures", "doc", sources),
                                              lambda f: (f.get("doc"), f.get("sentence"))),
                          quotes=_grouped(self._where("quotes", "doc", sources | set(present)), lambda q: q.get("doc")),
                          mentions=Counter({eid: counts[eid] for eid in entities}), entities=entities)

    def _events(self, sid: Any, present: list[str]) -> list[dict[str, Any]]:
        """The story's events, then the events without a story that one of its documents reports (all of them
        when none of its documents is in the chronicle; every event for a story without an id)."""
        if not sid:
            return list(self.records("events"))
        loose = "story IS NULL"
        if present:
            loose += f" AND id IN (SELECT event FROM event_sources WHERE {self._among('doc')})"
        return (self.stored.where("events", "story = ?", [sid])
                + self.stored.where("events", loose, [json.dumps(present)] if present else []))

    def _mentions(self, docs: list[str]) -> Counter:
        counts: Counter = Counter()
        if docs:
            for entity, n in self.db.execute(f"SELECT entity, COUNT(*) FROM mentions WHERE {self._among('doc')} "
                                             "GROUP BY entity", (json.dumps(docs),)):
                counts[entity] += n
        return counts

    def _entities(self, mentions: Counter) -> dict[str, dict[str, Any]]:
        """The entities mentioned, with their names, types and aliases (not their mentions: only counted here)."""
        if not mentions:
            return {}
        found = self.stored.entities_where(self._among("id"), [json.dumps(sorted(mentions))], mentions=False)
        return {e["id"]: e for e in found}

    # queries -------------------------------------------------------------------------------------------------
    def _among(self, column: str) -> str:
        """``column`` is one of the ids given as one JSON list parameter."""
        if self.postgresql:
            return f"{column} IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb)))"
        return f"{column} IN (SELECT value FROM json_each(?))"

    def _where(self, name: str, column: str, ids: set[str]) -> list[dict[str, Any]]:
        return self.stored.where(name, self._among(column), [json.dumps(sorted(ids))]) if ids else []

    def _documents(self, ids: Sequence[str]) -> list[Document]:
        return self.stored.documents_where(self._among("id"), [json.dumps(list(ids))]) if ids else []

    def _fields(self, table: str, columns: tuple[str, ...], ids: Iterable[Any]) -> dict[str, dict[str, Any]]:
        """``columns`` of the rows with these ids, each as its record has it (a value kept in ``extra`` wins)."""
        ids = sorted(texts(ids))
        if not ids:
            return {}
        names = ", ".join(f'"{c}"' for c in columns)
        out = {}
        for r in self.db.execute(f"SELECT id, {names}, extra FROM {table} WHERE {self._among('id')}",
                                 (json.dumps(ids),)):
            extra = json.loads(r["extra"]) if r["extra"] else {}
            out[r["id"]] = {c: extra[c] if c in extra else r[c] for c in columns}
        return out


def _grouped(records: list[dict[str, Any]], key: Any) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        out[key(record)].append(record)
    return out
