"""CSV rows written the one safe way, to a file or to a string the server answers with.

The csv module does the quoting; every cell goes through ``safe.csv_cell`` first: numbers in plain digits,
lists joined with ``; ``, records as JSON (never a Python repr), NUL and bidirectional controls taken out, and
a text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``…) prefixed with ``'``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

from kronologi.export.safe import csv_cell


def write_rows(fh: IO[str], columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> None:
    """A header row, then one line per row (missing keys empty, extra keys ignored)."""
    writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(row.get(k)) for k in columns})


def csv_text(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO(newline="")
    write_rows(buffer, columns, rows)
    return buffer.getvalue()
