"""The Chronicle: what a build returns, as typed objects, and its JSON form.

``Chronicle.to_dict()`` is the outside contract (schema ``kronologi.chronicle/1``,
see ``export/chronicle.schema.json``): field names and meanings may be added to,
never dropped or renamed without a new schema version.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
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

    def document(self, doc_id: str) -> Document:
        return next(d for d in self.documents if d.id == doc_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "generated_at": self.generated_at,
            "documents": [document_record(d) for d in self.documents],
            "stories": self.stories,
            "entities": self.entities,
            "events": self.events,
            "figures": self.figures,
            "quotes": self.quotes,
            "ledger": self.ledger,
            "rejected": [asdict(r) for r in self.rejected],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


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
