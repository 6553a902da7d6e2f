"""The tables people load elsewhere, written beside the other views by ``write_all``: ``stories.csv``,
``entities.csv``, ``quotes.csv``, ``ledger.csv`` and ``acled.csv`` (events in ACLED's columns, see
``export.acled``). Each is one pass over a list of the chronicle (``source.ViewSource``: read in batches from a
store), each batch with the names and figures its rows show looked up for it; the rows are ``export.rows``', the
same as ``kronologi serve`` answers per story."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kronologi.chronicle import Chronicle
from kronologi.export.acled import ACLED_COLUMNS, acled_rows, killed_by_sentence
from kronologi.export.csvtext import write_rows
from kronologi.export.files import atomic_file
from kronologi.export.rows import (ENTITY_COLUMNS, LEDGER_COLUMNS, QUOTE_COLUMNS, STORY_COLUMNS, entity_row,
                                   ledger_row, quote_row, story_rows)
from kronologi.export.source import ViewSource, as_source, batched, texts
from kronologi.export.tables import BATCH, event_names

FILES = ("stories.csv", "entities.csv", "quotes.csv", "ledger.csv", "acled.csv")


def write_interchange(source: Chronicle | ViewSource, outdir: Path) -> dict[str, Path]:
    source = as_source(source)
    tables = {
        "stories.csv": (STORY_COLUMNS, story_rows(source.records("stories"), source.event_counts())),
        "entities.csv": (ENTITY_COLUMNS, map(entity_row, source.records("entities"))),
        "quotes.csv": (QUOTE_COLUMNS, _quote_rows(source)),
        "ledger.csv": (LEDGER_COLUMNS, _ledger_rows(source)),
        "acled.csv": (ACLED_COLUMNS, _acled_rows(source)),
    }
    paths = {}
    for name, (columns, rows) in tables.items():
        paths[name] = outdir / name
        with atomic_file(paths[name], "w", encoding="utf-8", newline="") as fh:
            write_rows(fh, columns, rows)
    return paths


def _quote_rows(source: ViewSource) -> Iterator[dict[str, Any]]:
    for batch in batched(source.records("quotes"), BATCH):
        names = source.names(docs=texts(q.get("doc") for q in batch), entities=texts(q.get("speaker") for q in batch))
        yield from (quote_row(q, names) for q in batch)


def _ledger_rows(source: ViewSource) -> Iterator[dict[str, Any]]:
    """Each batch of lines with its figures (read by id) and the names of their stories, claimants and outlets."""
    for batch in batched(source.records("ledger"), BATCH):
        figures = source.figures_by_id(texts(f for line in batch for f in line.get("figures") or ()))
        names = source.names(docs=texts(f.get("doc") for f in figures.values()),
                             entities=texts(f.get("claimant") for f in figures.values()),
                             stories=texts(line.get("story") for line in batch))
        yield from (ledger_row(line, figures, names) for line in batch)


def _acled_rows(source: ViewSource) -> Iterator[dict[str, Any]]:
    """The events in ACLED's columns; the killed counts are kept by sentence for all of them (a few numbers per
    count, ``acled.killed_by_sentence``)."""
    killed = killed_by_sentence(source.records("figures"))
    for batch in batched(source.records("events"), BATCH):
        yield from acled_rows(batch, killed, event_names(source, batch))
