"""What the human-readable views show, computed once for Markdown and HTML alike: the overview parts, from the
documents' compact rows (``source.DocRow``: no text), so they cost a few fields per document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from kronologi.export.source import DocRow, date_order


@dataclass
class Overview:
    documents: list[DocRow]  # by publication date, undated last
    languages: Counter
    removed: Counter  # reason -> lines
    duplicates: list[tuple[DocRow, str]]  # (document, canonical id)
    wire: list[tuple[DocRow, str, int]]  # (document, other id, sentences shared)


def overview(rows: list[DocRow]) -> Overview:
    """The documents by date and what is counted over them (the counters in that order: ties keep it)."""
    docs = sorted(rows, key=date_order)
    return Overview(
        documents=docs,
        languages=Counter(d.language or "und" for d in docs),
        removed=Counter(reason for d in docs for reason in d.removed),
        duplicates=[(d, d.duplicate_of) for d in docs if d.duplicate_of],
        wire=[(d, other, n) for d in docs for other, n in d.wire],
    )


def date_label(doc: Any) -> str:
    """``2025-02-06 07:30 (metadata)``, or ``undated`` (a ``Document`` or a ``DocRow``)."""
    if not doc.published:
        return "undated"
    return f"{doc.published[:16].replace('T', ' ')} ({doc.published_basis})"
