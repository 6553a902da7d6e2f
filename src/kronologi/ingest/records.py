"""JSON and JSON Lines collections of articles."""

from __future__ import annotations

import json
from typing import Any, Iterator

from kronologi.errors import IngestError
from kronologi.ingest.decode import decode
from kronologi.ingest.html import fragment_to_text
from kronologi.ingest.ids import printable

FIELDS = {
    "title": ("title", "headline"),
    "text": ("text", "content", "body", "article", "full_text", "description"),
    "published": ("published", "date", "published_at", "pubDate", "datePublished", "created"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "publisher", "site_name"),
    "author": ("author", "byline"),
    "language": ("language", "lang"),
    "id": ("id", "doc_id", "article_id"),
}


def loads(text: str | bytes) -> Any:
    """``json.loads`` that raises IngestError ``bad_json`` for whatever the parser refuses:
    malformed text, nesting deeper than the interpreter's recursion limit, a number past
    Python's int conversion limit (4,300 digits)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"malformed JSON at line {exc.lineno}: {exc.msg}", "failed.ingest.bad_json") from exc
    except RecursionError as exc:
        raise IngestError("JSON is nested too deeply to read", "failed.ingest.bad_json") from exc
    except ValueError as exc:  # e.g. "Exceeds the limit (4300 digits) for integer string conversion"
        raise IngestError(f"JSON holds a value that cannot be read: {exc}", "failed.ingest.bad_json") from exc


def json_records(text: str) -> Iterator[tuple[str, dict[str, Any] | IngestError]]:
    """Records of a JSON document: a list, ``{"articles": [...]}``, or one object."""
    data = loads(text)
    if isinstance(data, dict):
        data = next((data[k] for k in ("articles", "items", "data", "documents") if isinstance(data.get(k), list)), [data])
    if not isinstance(data, list):
        raise IngestError("JSON holds neither an object nor a list of objects", "failed.ingest.bad_json")
    for i, item in enumerate(data, 1):
        yield f"item{i}", item if isinstance(item, dict) else IngestError(
            f"item {i} is not an object", "failed.ingest.bad_json_record")


def jsonl_records(data: bytes) -> Iterator[tuple[str, dict[str, Any] | IngestError]]:
    """Records of a JSON Lines file; a malformed line is an error for that line only.

    Lines are decoded one at a time: a whole file decoded at once costs up to
    four bytes per character for all of it as soon as one line holds an emoji.
    Splitting on b"\n" only matters too: str.splitlines() also breaks on U+2028
    and friends, which JSON strings may hold unescaped.
    """
    for n, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            item = loads(decode(raw)[0])
        except IngestError as exc:
            yield f"line{n}", IngestError(f"line {n}: {exc}", "failed.ingest.bad_json_line")
            continue
        yield f"line{n}", item if isinstance(item, dict) else IngestError(
            f"line {n} is not a JSON object", "failed.ingest.bad_json_line")


def article_fields(item: dict[str, Any]) -> dict[str, str]:
    """Map a record's keys (whatever their spelling) onto Kronologi's field names."""
    out: dict[str, str] = {}
    for name, keys in FIELDS.items():
        value = next((item[k] for k in keys if item.get(k) not in (None, "")), None)
        if isinstance(value, dict):  # e.g. {"source": {"name": "Reuters"}}
            value = value.get("name") or value.get("title")
        if value is not None:
            out[name] = printable(str(value))
    if "text" not in out:
        raise IngestError("record has no text field (text, content or body)", "failed.ingest.no_text")
    if "<" in out["text"] and "</" in out["text"]:
        out["text"] = fragment_to_text(out["text"])
    return out
