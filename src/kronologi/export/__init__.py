"""Exports: the Chronicle written as files people and programs read.

``write_all`` writes every view into one folder: ``chronicle.json`` (validated
against ``chronicle.schema.json``), ``documents.csv``, ``figures.csv``,
``events.csv``, ``timeline.md``, a self-contained ``report.html`` (for a large corpus an index of
``stories/``, one page per story), ``changes.json``
(what changed since the store's previous build, ``export.changes``), and the tables people load
elsewhere (``export.interchange``: ``stories.csv``, ``entities.csv``, ``quotes.csv``, ``ledger.csv``,
``acled.csv``).
Article-derived values pass through ``safe`` on their way into any of them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.export.changes import write_changes
from kronologi.export.files import ExportError, prepare_outdir, publish, staged_outputs
from kronologi.export.interchange import write_interchange
from kronologi.export.jsonfile import write_json
from kronologi.export.pages import write_pages
from kronologi.export.source import MemorySource, ViewSource
from kronologi.export.storypages import STORIES
from kronologi.export.tables import write_tables

__all__ = ["ExportError", "prepare_outdir", "write_all", "write_store"]

log = logging.getLogger(__name__)


def write_all(chronicle: Chronicle, outdir: str | Path) -> dict[str, Path]:
    """Write every export of a Chronicle held in memory; return ``{name: path}``.

    All views are written into a staging folder first and moved into place only
    when every one of them is complete (``files.staged_outputs``): a failure or a
    kill while they are made leaves the previous set as it was. An output folder
    that cannot be written raises ExportError. ``kronologi build`` writes the views
    from the store instead (``write_store``); this is for a chronicle without one."""
    outdir = prepare_outdir(outdir)
    with staged_outputs(outdir) as stage:
        staged = {"chronicle.json": write_json(chronicle, stage / "chronicle.json")}
        return publish(_views(MemorySource(chronicle), stage, staged), outdir, folders=(STORIES,))


def write_store(db: str | Path, outdir: str | Path) -> dict[str, Path]:
    """Write every export from the chronicle in the store ``db`` (a SQLite file or a PostgreSQL URL), as
    ``write_all`` writes the Chronicle the build returned (the same bytes but ``generated_at``, which is the
    build's); return ``{name: path}``. ``chronicle.json`` is streamed from the store record by record
    (``export.stored``), the other views from the store read as a ``source.ViewSource`` (``export.storesource``:
    records in batches, one story at a time); staged and moved into place as ``write_all`` does. A store
    without a chronicle this version can read raises ``StoreError``."""
    from kronologi.export.stored import StoredChronicle, reading
    from kronologi.export.storesource import StoreSource

    outdir = prepare_outdir(outdir)
    with reading(db) as conn, staged_outputs(outdir) as stage:
        stored = StoredChronicle(conn)
        staged = {"chronicle.json": write_json(stored, stage / "chronicle.json")}
        return publish(_views(StoreSource(stored), stage, staged), outdir, folders=(STORIES,))


def _views(source: ViewSource, stage: Path, staged: dict[str, Path]) -> dict[str, Path]:
    """The views beside chronicle.json, written into ``stage`` from a chronicle in memory or in a store."""
    staged.update(write_tables(source, stage))
    staged.update(write_interchange(source, stage))
    staged.update(write_pages(source, stage / "timeline.md", stage / "report.html"))  # and stories/ when large
    staged["changes.json"] = write_changes(source, stage / "changes.json")
    log.debug("all %d views written to %s; moving them into place", len(staged), stage)
    return staged
