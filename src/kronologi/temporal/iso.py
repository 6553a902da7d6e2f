"""Normalise date strings from metadata (ISO 8601, RFC 822, CSV cells) to ISO 8601.

Partial dates stay partial: ``2022-10`` is a month, not the first of it. A
datetime keeps its UTC offset when one was given; none is invented.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def to_iso(value: object) -> str | None:
    """ISO 8601 text for a date-ish value, or None when it cannot be read."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if _PARTIAL.match(text):
        return text
    parsed = _parse(text)
    return format_datetime(parsed) if parsed else None


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    from dateutil import parser as dateutil_parser

    try:
        return dateutil_parser.parse(text)
    except (ValueError, OverflowError):
        return None


def format_datetime(dt: datetime) -> str:
    """``2022-01-11T22:25+07:00``: seconds only when non-zero, offset only when known."""
    if dt.hour == dt.minute == dt.second == 0 and dt.tzinfo is None:
        return dt.date().isoformat()
    out = dt.strftime("%Y-%m-%dT%H:%M") + (f":{dt.second:02d}" if dt.second else "")
    offset = dt.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        out += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return out
