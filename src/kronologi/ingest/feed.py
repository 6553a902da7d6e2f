"""RSS and Atom feeds: one document per entry, with the entry's own date."""

from __future__ import annotations

from typing import Any, Iterator

from kronologi.errors import IngestError
from kronologi.ingest.html import fragment_to_text
from kronologi.temporal.iso import to_iso


def feed_entries(data: bytes) -> Iterator[tuple[str, dict[str, str] | IngestError]]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None) or "no entries"
        raise IngestError(f"not a readable RSS/Atom feed: {why}", "failed.ingest.bad_feed")
    outlet = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries, 1):
        yield entry.get("id") or entry.get("link") or f"entry{i}", _entry(entry, outlet, i)


def _entry(entry: Any, outlet: str | None, i: int) -> dict[str, str] | IngestError:
    content = entry.get("content")
    body = content[0].get("value", "") if content else entry.get("summary", "")
    text = fragment_to_text(body or "")
    if not text.strip():
        return IngestError(f"entry {i} has no content", "failed.ingest.empty_entry")
    fields = {"text": text, "title": entry.get("title"), "url": entry.get("link"),
              "author": entry.get("author"), "outlet": outlet,
              "published": to_iso(entry.get("published") or entry.get("updated"))}
    return {k: v for k, v in fields.items() if v}
