"""Sidecar metadata (``--meta FILE``): CSV with a header row, or JSON Lines.

Key column ``file`` (the input's basename); optional ``published``, ``url``,
``outlet``, ``title``, ``language`` and ``id``. Metadata beats what is read from
the text, and what the text says is still kept in ``observed`` for comparison.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kronologi.document import Document, Rejection
from kronologi.errors import MetadataError
from kronologi.ingest.ids import printable
from kronologi.temporal.iso import to_iso

COLUMNS = ("published", "url", "outlet", "title", "language", "author")


def load_meta(path: str | Path) -> dict[str, dict[str, str]]:
    """Read a sidecar file into ``{basename: {column: value}}``; raise on any bad row."""
    rows, problems = read_meta(path)
    if problems:
        raise MetadataError(f"{problems[0].source_path}: {problems[0].reason}")
    return rows


def read_meta(path: str | Path) -> tuple[dict[str, dict[str, str]], list[Rejection]]:
    """Read a sidecar file into ``{basename: {column: value}}``, and a Rejection
    (``failed.meta.bad_row``) for each row that cannot be used: the build goes on
    without them. A file that cannot be read at all raises MetadataError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MetadataError(f"cannot read metadata file {path}: {exc}") from exc
    rows = _jsonl_rows(text, path) if text.lstrip()[:1] in ("{", "[") else _csv_rows(text, path)
    out: dict[str, dict[str, str]] = {}
    problems: list[Rejection] = []
    for n, row in rows:
        try:
            name, values = _row(row, n)
        except MetadataError as exc:
            problems.append(Rejection(f"{printable(str(path))}#line{n}", exc.reason))
            continue
        out[name] = values
    return out, problems


def _row(row, n: int) -> tuple[str, dict[str, str]]:
    if isinstance(row, MetadataError):
        raise row
    if not isinstance(row, dict):
        raise MetadataError(f"line {n} is a JSON {type(row).__name__}, not an object with a 'file' key",
                            "failed.meta.bad_row")
    name = printable(Path(str(row.get("file") or "")).name)
    if not name:
        raise MetadataError(f"line {n} has no 'file' value (the input's file name)", "failed.meta.bad_row")
    return name, {k: printable(str(v)) for k, v in row.items() if k != "file" and v not in (None, "")}


def _csv_rows(text: str, path: Path) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise MetadataError(f"{path}: CSV metadata needs a header row with a 'file' column")
    return [(reader.line_num, row) for row in reader]


def _jsonl_rows(text: str, path: Path) -> list[tuple[int, object]]:
    from kronologi.errors import IngestError
    from kronologi.ingest.records import loads

    rows: list[tuple[int, object]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append((n, loads(line)))
            except IngestError as exc:
                rows.append((n, MetadataError(f"line {n} is not valid JSON: {exc}", "failed.meta.bad_row")))
    return rows


def apply_meta(doc: Document, row: dict[str, str]) -> None:
    """Let sidecar values win over the container's, keeping both as observations."""
    for name in COLUMNS:
        value = row.get(name)
        if name == "published":
            value = to_iso(value)
        if value:
            doc.observe(name, "metadata", value)
            setattr(doc, name if name != "language" else "language", value)
    if row.get("published") and doc.published:
        doc.published_basis = "metadata"
    if row.get("id"):
        doc.id = row["id"]
