"""WARC / WARC.gz archives: every HTML response record is one page."""

from __future__ import annotations

import io
from typing import Iterator

from kronologi.errors import IngestError


def warc_pages(data: bytes) -> Iterator[tuple[str, tuple[bytes, str, str | None] | IngestError]]:
    """Yield ``(target URI, (html bytes, charset, WARC-Date))`` per HTML response.

    A truncated or corrupt archive yields the records read so far and then an
    error for the rest, so nothing that could be read is lost.
    """
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or not _is_html(record):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record{n}"
            body = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than Content-Length
                raise EOFError(f"record {uri} is cut short")
            yield uri, (body, _charset(record), record.rec_headers.get_header("WARC-Date"))
    except Exception as exc:  # warcio/zlib raise many types for a damaged archive
        yield "rest", IngestError(
            f"archive is damaged after {n} HTML record(s): {type(exc).__name__}: {exc}",
            "failed.ingest.truncated_archive")


def _is_html(record) -> bool:
    ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    return "html" in ctype.lower()


def _charset(record) -> str:
    ctype = record.http_headers.get_header("Content-Type", "")
    for part in ctype.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return "utf-8"

