"""The tables people load elsewhere, written beside the other views by ``write_all``: ``stories.csv``,
``entities.csv``, ``quotes.csv``, ``ledger.csv`` and ``acled.csv`` (events in ACLED's columns, see
``export.acled``). Each is one pass over a list of the Chronicle, as cheap as the CSVs before them; the rows
are ``export.rows``', the same as ``kronologi serve`` answers per story."""

from __future__ import annotations

from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.export.acled import ACLED_COLUMNS, acled_rows, killed_by_sentence
from kronologi.export.csvtext import write_rows
from kronologi.export.files import atomic_file
from kronologi.export.rows import (ENTITY_COLUMNS, LEDGER_COLUMNS, QUOTE_COLUMNS, STORY_COLUMNS, chronicle_names,
                                   entity_row, ledger_row, quote_row, story_rows)

FILES = ("stories.csv", "entities.csv", "quotes.csv", "ledger.csv", "acled.csv")


def write_interchange(chronicle: Chronicle, outdir: Path) -> dict[str, Path]:
    names = chronicle_names(chronicle)
    figures = {f["id"]: f for f in chronicle.figures}
    tables = {
        "stories.csv": (STORY_COLUMNS, story_rows(chronicle.stories, chronicle.events)),
        "entities.csv": (ENTITY_COLUMNS, map(entity_row, chronicle.entities)),
        "quotes.csv": (QUOTE_COLUMNS, (quote_row(q, names) for q in chronicle.quotes)),
        "ledger.csv": (LEDGER_COLUMNS, (ledger_row(line, figures, names) for line in chronicle.ledger)),
        "acled.csv": (ACLED_COLUMNS, acled_rows(chronicle.events, killed_by_sentence(chronicle.figures), names)),
    }
    paths = {}
    for name, (columns, rows) in tables.items():
        paths[name] = outdir / name
        with atomic_file(paths[name], "w", encoding="utf-8", newline="") as fh:
            write_rows(fh, columns, rows)
    return paths
