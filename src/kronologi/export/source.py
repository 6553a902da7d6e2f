"""What the views beside chronicle.json are written from: a chronicle in memory or in a store, read through one
small interface, so every view has one code path (issue 13).

A source (``ViewSource``) gives:

* ``counts()`` and each list of records in the chronicle's order (``records(name)``; a store reads them in
  batches, so a CSV never holds a list of every record);
* ``doc_rows()``: one compact ``DocRow`` per document (no text, no sentences), for documents.csv and the
  overview parts of timeline.md and report.html (documents by date, languages, removed lines, wire copy);
* ``documents(ids)``: whole documents, for the texts at the end of report.html, a batch at a time;
* ``names(...)`` and ``figures_by_id(...)``: the lookups one batch of rows needs (an outlet beside a document id,
  an entity's name beside its id), not a map of the whole chronicle;
* ``story_parts()``: one ``StoryParts`` per story, what its section of timeline.md and report.html shows, so the
  views written from a store hold one story's records at a time (``export.stories`` makes the view of it).

``MemorySource`` is the build's Chronicle held in memory (``export.write_all``); ``export.stored.StoreSource`` is
the chronicle in a store (``export.write_store``). Both give the same records in the same order, so the files
are byte for byte the same.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol, TypeVar

from kronologi.chronicle import Chronicle
from kronologi.document import Document, Rejection
from kronologi.export.rows import Names, chronicle_names

T = TypeVar("T")
LISTS = ("stories", "entities", "events", "figures", "quotes", "ledger")


@dataclass(slots=True)
class DocRow:
    """A document without its text: what documents.csv and the documents table show of it, the reasons of its
    removed lines (interned: a handful of codes) and the passages it shares with other articles."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    published_basis: str | None
    language: str | None
    dateline: str | None
    credits: list[str]
    story: str | None
    duplicate_of: str | None
    duplicate_kind: str | None
    url: str | None
    format: str
    source_path: str
    characters: int
    sentences: int
    removed: tuple[str, ...]
    wire: tuple[tuple[str, int], ...]  # (other document, sentences shared), one per shared passage

    @classmethod
    def of(cls, doc: Document) -> DocRow:
        return cls(doc.id, doc.title, doc.outlet, doc.published, doc.published_basis, doc.language, doc.dateline,
                   doc.credits, doc.story, doc.duplicate_of, doc.duplicate_kind, doc.url, doc.format,
                   doc.source_path, len(doc.text), len(doc.sentences),
                   tuple(_interned(r.reason) for r in doc.removed),
                   tuple((p.doc, p.sentences) for p in doc.shared_passages))


def _interned(text: Any) -> Any:
    return sys.intern(text) if type(text) is str else text


def date_order(doc: Any) -> tuple:
    """Documents by publication date, undated last, then by id (a ``Document`` or a ``DocRow``)."""
    return (doc.published is None, doc.published or "", doc.id)


@dataclass
class StoryParts:
    """What one story's view is made of. Lookups may hold more than the story (the memory source passes its
    whole-chronicle indexes); the view asks them only about the story's records.

    ``events``: the story's events, then those without a story (the view keeps those whose sources are in the
    story); every event for a story without an id. ``ledger``: its ledger lines (every line without an id)."""

    story: dict[str, Any]
    documents: Mapping[str, Document]  # its documents, and every other one its records cite
    events: Sequence[dict[str, Any]]
    ledger: Sequence[dict[str, Any]]
    figures: Mapping[str, dict[str, Any]]  # by id: at least its ledger lines' figures
    figures_at: Mapping[tuple, list[dict[str, Any]]]  # by (doc, sentence), chronicle order: its events' sentences
    quotes: Mapping[str, list[dict[str, Any]]]  # by document, chronicle order: its documents' and sources'
    mentions: Counter  # entity id -> mentions in its documents, in the chronicle's order of the entities
    entities: Mapping[str, dict[str, Any]]  # by id (name, type, aliases): at least those mentioned


class ViewSource(Protocol):
    """The chronicle as the views read it (see the module's docstring)."""

    generated_at: str

    def counts(self) -> dict[str, int]: ...
    def rejected(self) -> list[Rejection]: ...
    def changes(self) -> dict[str, Any]: ...
    def records(self, name: str) -> Sequence[dict[str, Any]]: ...
    def doc_rows(self) -> list[DocRow]: ...
    def documents(self, ids: Sequence[str]) -> Iterator[Document]: ...
    def names(self, docs: Iterable[Any] = (), entities: Iterable[Any] = (), stories: Iterable[Any] = ()) -> Names: ...
    def figures_by_id(self, ids: Iterable[Any]) -> dict[str, dict[str, Any]]: ...
    def event_counts(self) -> dict[str, int]: ...
    def story_parts(self) -> Iterator[StoryParts]: ...


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (``itertools.batched`` arrives with Python 3.12)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def texts(values: Iterable[Any]) -> set[str]:
    """The ids among ``values`` (a claimant may be free text, an odd record anything): what a lookup can take."""
    return {v for v in values if isinstance(v, str)}


def as_source(chronicle: Chronicle | ViewSource) -> ViewSource:
    """A Chronicle read through ``MemorySource``; a source as it is."""
    return MemorySource(chronicle) if isinstance(chronicle, Chronicle) else chronicle


def whole_story(doc_ids: Iterable[str]) -> dict[str, Any]:
    """The one section of a chronicle without stories: every document."""
    return {"id": None, "title": None, "documents": list(doc_ids), "start": None, "end": None}


class MemorySource:
    """A Chronicle held in memory as a ``ViewSource``: its lists, and lookups over the whole of it (built once)."""

    def __init__(self, chronicle: Chronicle):
        self.chronicle = chronicle
        self.generated_at = chronicle.generated_at
        self._names: Names | None = None
        self._figures: dict[str, dict[str, Any]] | None = None
        self._docs: dict[str, Document] | None = None

    def counts(self) -> dict[str, int]:
        return {"documents": len(self.chronicle.documents), "rejected": len(self.chronicle.rejected),
                **{name: len(getattr(self.chronicle, name)) for name in LISTS}}

    def rejected(self) -> list[Rejection]:
        return self.chronicle.rejected

    def changes(self) -> dict[str, Any]:
        from kronologi.export.changes import changes_of

        return changes_of(self.chronicle)

    def records(self, name: str) -> Sequence[dict[str, Any]]:
        return getattr(self.chronicle, name)

    def doc_rows(self) -> list[DocRow]:
        return [DocRow.of(d) for d in self.chronicle.documents]

    def documents(self, ids: Sequence[str]) -> Iterator[Document]:
        if self._docs is None:
            self._docs = {d.id: d for d in self.chronicle.documents}
        return (self._docs[i] for i in ids if i in self._docs)

    def names(self, docs: Iterable[Any] = (), entities: Iterable[Any] = (), stories: Iterable[Any] = ()) -> Names:
        if self._names is None:
            self._names = chronicle_names(self.chronicle)
        return self._names

    def figures_by_id(self, ids: Iterable[Any]) -> dict[str, dict[str, Any]]:
        if self._figures is None:
            self._figures = {f["id"]: f for f in self.chronicle.figures}
        return self._figures

    def event_counts(self) -> dict[str, int]:
        return dict(Counter(ev.get("story") or "" for ev in self.chronicle.events))

    def story_parts(self) -> Iterator[StoryParts]:
        index = _Index(self.chronicle)
        for story in self.chronicle.stories or [whole_story(index.docs)]:
            yield index.parts(story, self.chronicle)


class _Index:
    """The whole chronicle's lookups, so a story's parts cost lookups, not scans of the chronicle per story."""

    def __init__(self, chronicle: Chronicle):
        self.docs = {d.id: d for d in chronicle.documents}
        self.figures: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        self.quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.figure_ids = {f["id"]: f for f in chronicle.figures}
        self.events = _by_story(chronicle.events)
        self.ledger = _by_story(chronicle.ledger)
        self.entities = {e["id"]: e for e in chronicle.entities}
        self.entity_rank = {e["id"]: i for i, e in enumerate(chronicle.entities)}
        self.entity_docs: dict[str, Counter] = defaultdict(Counter)  # doc -> entity id -> mentions
        for ent in chronicle.entities:
            for m in ent.get("mentions", []):
                self.entity_docs[m.get("doc")][ent["id"]] += 1
        for fig in chronicle.figures:
            self.figures[(fig.get("doc"), fig.get("sentence"))].append(fig)
        for quote in chronicle.quotes:
            self.quotes[quote.get("doc")].append(quote)

    def parts(self, story: dict[str, Any], chronicle: Chronicle) -> StoryParts:
        sid = story.get("id")
        counts: Counter = Counter()
        for doc_id in {i for i in story["documents"] if i in self.docs}:
            counts.update(self.entity_docs.get(doc_id, {}))
        mentions = Counter(dict(sorted(counts.items(), key=lambda item: self.entity_rank[item[0]])))
        return StoryParts(
            story, self.docs,
            events=self.events.get(sid, []) + self.events.get(None, []) if sid else chronicle.events,
            ledger=self.ledger.get(sid, []) if sid else chronicle.ledger,
            figures=self.figure_ids, figures_at=self.figures, quotes=self.quotes, mentions=mentions,
            entities=self.entities)


def _by_story(records: list[dict[str, Any]]) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        out[record.get("story")].append(record)
    return out
