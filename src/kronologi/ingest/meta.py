"""Sidecar metadata (``--meta FILE``): CSV with a header row, or JSON Lines.

Key column ``file`` (the input's basename); optional ``published``, ``url``,
``outlet``, ``title``, ``language`` and ``id``. Metadata beats what is read from
the text, and what the text says is still kept in ``observed`` for comparison.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kronologi.document import Document
from kronologi.errors import MetadataError
from kronologi.temporal.iso import to_iso

COLUMNS = ("published", "url", "outlet", "title", "language", "author")


def load_meta(path: str | Path) -> dict[str, dict[str, str]]:
    """Read a sidecar file into ``{basename: {column: value}}``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MetadataError(f"cannot read metadata file {path}: {exc}") from exc
    rows = _jsonl_rows(text, path) if text.lstrip().startswith("{") else _csv_rows(text, path)
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        name = Path(str(row.get("file") or "")).name
        if not name:
            raise MetadataError(f"{path}: every row needs a 'file' value (the input's file name)")
        out[name] = {k: str(v) for k, v in row.items() if k != "file" and v not in (None, "")}
    return out


def _csv_rows(text: str, path: Path) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise MetadataError(f"{path}: CSV metadata needs a header row with a 'file' column")
    return list(reader)


def _jsonl_rows(text: str, path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise MetadataError(f"{path} line {n}: not valid JSON ({exc.msg})") from exc
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
