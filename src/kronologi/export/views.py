"""What the human-readable views show, computed once for Markdown and HTML alike."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kronologi.chronicle import Chronicle
from kronologi.document import Document


@dataclass
class Overview:
    documents: list[Document]  # by publication date, undated last
    languages: Counter
    removed: Counter  # reason -> lines
    duplicates: list[tuple[Document, str]]  # (document, canonical id)
    wire: list[tuple[Document, str, int]]  # (document, other id, sentences shared)


def overview(chronicle: Chronicle) -> Overview:
    docs = sorted(chronicle.documents, key=lambda d: (d.published is None, d.published or "", d.id))
    return Overview(
        documents=docs,
        languages=Counter(d.language or "und" for d in docs),
        removed=Counter(r.reason for d in docs for r in d.removed),
        duplicates=[(d, d.duplicate_of) for d in docs if d.duplicate_of],
        wire=[(d, p.doc, p.sentences) for d in docs for p in d.shared_passages],
    )


def date_label(doc: Document) -> str:
    if not doc.published:
        return "undated"
    return f"{doc.published[:16].replace('T', ' ')} ({doc.published_basis})"
