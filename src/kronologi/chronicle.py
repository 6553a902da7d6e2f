"""The Chronicle: what a build returns, as typed objects, and its JSON form.

``Chronicle.to_dict()`` is the outside contract (schema ``kronologi.chronicle/1``,
see ``export/chronicle.schema.json``): field names and meanings may be added to,
never dropped or renamed without a new schema version.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from collections.abc import Callable, Sequence
from typing import Any

from kronologi.document import Document, Rejection

SCHEMA = "kronologi.chronicle/1"


@dataclass
class Chronicle:
    documents: list[Document]
    rejected: list[Rejection] = field(default_factory=list)
    stories: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    ledger: list[dict[str, Any]] = field(default_factory=list)
    generated_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    # what changed since the store's previous chronicle (``kronologi.changes``); not a contract field:
    # written as changes.json beside chronicle.json
    changes: dict[str, Any] | None = field(default=None, repr=False)

    def document(self, doc_id: str) -> Document:
        return next(d for d in self.documents if d.id == doc_id)

    def sections(self) -> dict[str, Sequence[dict[str, Any]]]:
        """The contract's lists, each a sequence of records built when read (a large corpus
        is written record by record, never held twice)."""
        return {
            "documents": _Records(self.documents, document_record),
            "stories": self.stories,
            "entities": self.entities,
            "events": self.events,
            "figures": self.figures,
            "quotes": self.quotes,
            "ledger": self.ledger,
            "rejected": _Records(self.rejected, asdict),
        }

    def header(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "generated_at": self.generated_at}

    def to_dict(self) -> dict[str, Any]:
        return {**self.header(), **{name: list(records) for name, records in self.sections().items()}}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


class _Records(Sequence):
    """``items`` seen through ``convert``, one record at a time."""

    def __init__(self, items: list[Any], convert: Callable[[Any], dict[str, Any]]):
        self.items, self.convert = items, convert

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.convert(item) for item in self.items[index]]
        return self.convert(self.items[index])


def document_record(doc: Document) -> dict[str, Any]:
    """A document as the contract shows it: contract fields first, then extras."""
    return {
        "id": doc.id,
        "source_path": doc.source_path,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "published_basis": doc.published_basis,
        "language": doc.language,
        "text": doc.text,
        "removed": [asdict(r) for r in doc.removed],
        "credits": doc.credits,
        "story": doc.story,
        "duplicate_of": doc.duplicate_of,
        # extras (allowed by the contract)
        "duplicate_kind": doc.duplicate_kind,
        "shared_passages": [asdict(p) for p in doc.shared_passages],
        "format": doc.format,
        "record": doc.record,
        "encoding": doc.encoding,
        "url": doc.url,
        "author": doc.author,
        "dateline": doc.dateline,
        "language_confidence": doc.language_confidence,
        "headings": [asdict(h) for h in doc.headings],
        "sentences": [asdict(s) for s in doc.sentences],
        "times": doc.times,
        "observed": doc.observed,
        "steps": doc.steps,
        "failures": doc.failures,
    }
