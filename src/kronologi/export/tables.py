"""CSV views: one row per document, figure and event (with its story's title, its actors' and place's names
and its outlets beside the ids).

Every cell goes through ``safe.csv_cell``: numbers in plain digits, lists joined
with ``; ``, records (an event's sources) as JSON, text with NUL and
bidirectional controls taken out and formula starts neutralised.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kronologi.chronicle import Chronicle
from kronologi.export import rows
from kronologi.export.csvtext import write_rows
from kronologi.export.files import atomic_file

DOCUMENT_COLUMNS = ("id", "title", "outlet", "published", "published_basis", "language", "dateline",
                    "credits", "duplicate_of", "duplicate_kind", "shared_passages", "sentences", "removed",
                    "characters", "format", "source_path", "url")
FIGURE_COLUMNS = ("id", "story", "doc", "outlet", "value", "low", "high", "qualifier", "category", "unit", "subject",
                  "claimant", "via", "as_of", "status", "relation", "text", "sentence", "start", "end")
# the contract's columns, then the names beside the ids (story title, actor and place names, outlets): export.rows
EVENT_COLUMNS = rows.EVENT_COLUMNS


def write_tables(chronicle: Chronicle, outdir: Path) -> dict[str, Path]:
    docs = [_document_row(d) for d in chronicle.documents]
    return {
        "documents.csv": _write(outdir / "documents.csv", DOCUMENT_COLUMNS, docs),
        "figures.csv": _write(outdir / "figures.csv", FIGURE_COLUMNS, chronicle.figures),
        "events.csv": _write(outdir / "events.csv", EVENT_COLUMNS, _event_rows(chronicle)),
    }


def _event_rows(chronicle: Chronicle) -> Iterable[dict[str, Any]]:
    names = rows.chronicle_names(chronicle)
    return (rows.event_row(ev, names) for ev in chronicle.events)


def _document_row(doc) -> dict[str, Any]:
    return {
        "id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
        "published_basis": doc.published_basis, "language": doc.language, "dateline": doc.dateline,
        "credits": "; ".join(doc.credits), "duplicate_of": doc.duplicate_of, "duplicate_kind": doc.duplicate_kind,
        "shared_passages": len(doc.shared_passages), "sentences": len(doc.sentences), "removed": len(doc.removed),
        "characters": len(doc.text), "format": doc.format, "source_path": doc.source_path, "url": doc.url,
    }


def _write(path: Path, columns: tuple[str, ...], records: Iterable[dict[str, Any]]) -> Path:
    with atomic_file(path, "w", encoding="utf-8", newline="") as fh:
        write_rows(fh, columns, records)
    return path
