"""Exports: the Chronicle written as files people and programs read.

``write_all`` writes every view into one folder: ``chronicle.json`` (validated
against ``chronicle.schema.json``), ``documents.csv``, ``figures.csv``,
``events.csv``, ``timeline.md`` and a self-contained ``report.html``.
"""

from __future__ import annotations

from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.export.tables import write_tables
from kronologi.export.jsonfile import write_json
from kronologi.export.markdown import write_markdown
from kronologi.export.report import write_report


def write_all(chronicle: Chronicle, outdir: str | Path) -> dict[str, Path]:
    """Write every export; return ``{name: path}``."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = {"chronicle.json": write_json(chronicle, outdir / "chronicle.json")}
    paths.update(write_tables(chronicle, outdir))
    paths["timeline.md"] = write_markdown(chronicle, outdir / "timeline.md")
    paths["report.html"] = write_report(chronicle, outdir / "report.html")
    return paths
