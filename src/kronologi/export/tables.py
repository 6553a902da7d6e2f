"""CSV views: one row per document, figure and event (with its story's title, its actors' and place's names
and its outlets beside the ids).

Every cell goes through ``safe.csv_cell``: numbers in plain digits, lists joined
with ``; ``, records (an event's sources) as JSON, text with NUL and
bidirectional controls taken out and formula starts neutralised.

Written from a ``source.ViewSource`` row by row: the records in batches, each batch with the names its rows
show looked up for it, never a list or a name map of the whole chronicle.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kronologi.chronicle import Chronicle
from kronologi.export import rows
from kronologi.export.csvtext import write_rows
from kronologi.export.files import atomic_file
from kronologi.export.source import DocRow, ViewSource, as_source, batched, texts

DOCUMENT_COLUMNS = ("id", "title", "outlet", "published", "published_basis", "language", "dateline",
                    "credits", "duplicate_of", "duplicate_kind", "shared_passages", "sentences", "removed",
                    "characters", "format", "source_path", "url")
FIGURE_COLUMNS = ("id", "story", "doc", "outlet", "value", "low", "high", "qualifier", "category", "unit", "subject",
                  "claimant", "via", "as_of", "status", "relation", "text", "sentence", "start", "end")
# the contract's columns, then the names beside the ids (story title, actor and place names, outlets): export.rows
EVENT_COLUMNS = rows.EVENT_COLUMNS
BATCH = 500  # records whose names are looked up together


def write_tables(source: Chronicle | ViewSource, outdir: Path) -> dict[str, Path]:
    """documents.csv from the documents' compact rows, figures.csv and events.csv streamed from the records (the
    names beside a batch of events looked up for that batch)."""
    source = as_source(source)
    return {
        "documents.csv": _write(outdir / "documents.csv", DOCUMENT_COLUMNS, map(_document_row, source.doc_rows())),
        "figures.csv": _write(outdir / "figures.csv", FIGURE_COLUMNS, source.records("figures")),
        "events.csv": _write(outdir / "events.csv", EVENT_COLUMNS, event_rows(source)),
    }


def event_rows(source: ViewSource) -> Iterator[dict[str, Any]]:
    for batch in batched(source.records("events"), BATCH):
        names = event_names(source, batch)
        yield from (rows.event_row(ev, names) for ev in batch)


def event_names(source: ViewSource, events: list[dict[str, Any]]) -> rows.Names:
    """The names these events' rows show: their stories' titles, their actors' and places' names, the outlets
    of their sources."""
    return source.names(docs=texts(s.get("doc") for ev in events for s in ev.get("sources") or ()),
                        entities=texts([*(a for ev in events for a in ev.get("actors") or ()),
                                        *(ev.get("location") for ev in events)]),
                        stories=texts(ev.get("story") for ev in events))


def _document_row(doc: DocRow) -> dict[str, Any]:
    return {
        "id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
        "published_basis": doc.published_basis, "language": doc.language, "dateline": doc.dateline,
        "credits": "; ".join(doc.credits), "duplicate_of": doc.duplicate_of, "duplicate_kind": doc.duplicate_kind,
        "shared_passages": len(doc.wire), "sentences": doc.sentences, "removed": len(doc.removed),
        "characters": doc.characters, "format": doc.format, "source_path": doc.source_path, "url": doc.url,
    }


def _write(path: Path, columns: tuple[str, ...], records: Iterable[dict[str, Any]]) -> Path:
    with atomic_file(path, "w", encoding="utf-8", newline="") as fh:
        write_rows(fh, columns, records)
    return path
