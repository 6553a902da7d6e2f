"""WARC archives (already inflated): every HTML response record is one page.

Records are framed here, not by warcio: a record is its header block, exactly
``Content-Length`` bytes, and a blank line before the next ``WARC/`` line. A
record that ends early (the next record starts inside its declared length) is
rejected as ``truncated_record`` and reading resumes at the next record; an
archive that ends inside a record is ``truncated_archive``. warcio then reads
each complete record on its own (HTTP headers, chunked and compressed bodies).
"""

from __future__ import annotations

import io
import re
from typing import Iterator

from kronologi.errors import IngestError
from kronologi.ingest.limits import too_large

Page = tuple[bytes, str, str | None]  # html bytes, charset, WARC-Date
_HEADER = re.compile(rb"^([!-9;-~]+):[ \t]*([^\r\n]*)\r?$", re.MULTILINE)
_HTTP_HEAD = 65536  # room for HTTP headers on top of the page itself


def warc_pages(data: bytes, max_page_bytes: int, complete: bool = True) -> Iterator[tuple[str, Page | IngestError]]:
    """Yield ``(target URI, page)`` per HTML response, or ``(locator, IngestError)``.

    ``complete`` False says the (gzip) stream was cut short: what was read is
    yielded, then one ``truncated_archive`` error for the rest.
    """
    n, cut = 0, False
    for n, (uri, record) in enumerate(_records(data, max_page_bytes), 1):
        uri = uri or f"record{n}"
        if isinstance(record, IngestError):
            cut |= record.code == "failed.ingest.truncated_archive"
            yield uri, record
        elif record:
            page = _page(uri, record, max_page_bytes)
            if page is not None:
                yield uri, page
    if not complete and not cut:
        yield "rest", IngestError(f"archive is cut short after {n} record(s)", "failed.ingest.truncated_archive")


def _records(data: bytes, max_page_bytes: int) -> Iterator[tuple[str | None, bytes | IngestError]]:
    """``(target URI, the record's bytes)`` per complete response record (b"" for other
    records, which are not copied), or an error for a damaged one."""
    pos = _skip_blank(data, 0)
    while pos < len(data):
        if not data.startswith(b"WARC/", pos):
            yield None, IngestError(f"no WARC record at byte {pos:,}", "failed.ingest.bad_archive")
            pos = _resync(data, pos)
            continue
        pos_start, head_end = pos, data.find(b"\r\n\r\n", pos)
        head_end = len(data) if head_end < 0 else head_end + 4
        fields = _fields(data[pos:head_end])
        uri = fields.get(b"warc-target-uri", b"").decode("utf-8", "replace") or None
        length = fields.get(b"content-length", b"")
        if head_end >= len(data) or not length.isdigit() or len(length) > 15:
            yield uri, _cut("archive ends inside a record header" if head_end >= len(data)
                                    else "record has no valid Content-Length", truncated=head_end >= len(data))
            pos = _resync(data, head_end)
            continue
        end, pos = _block_end(data, head_end, int(length))
        if end < 0:
            why = (f"record {uri or ''} is shorter than its Content-Length ({int(length):,} bytes); "
                   f"the archive goes on at byte {pos:,}") if pos < len(data) else \
                f"archive ends inside record {uri or ''} ({int(length):,} bytes declared)"
            yield uri, _cut(why, truncated=pos >= len(data), record=pos < len(data))
            continue
        yield uri, _block(data, (pos_start, head_end, end), fields, max_page_bytes)


def _block_end(data: bytes, start: int, length: int) -> tuple[int, int]:
    """``(end of block, start of the next record)``; end -1 when the block is cut short."""
    end = start + length
    after = _skip_blank(data, end) if end <= len(data) else len(data)
    if end > len(data) or (after < len(data) and not data.startswith(b"WARC/", after)):
        return -1, _resync(data, start)
    return end, after


def _block(data: bytes, span: tuple[int, int, int], fields: dict[bytes, bytes],
           max_page_bytes: int) -> bytes | IngestError:
    """The record's bytes, copied only when it is a response that could be a page."""
    start, block, end = span
    if fields.get(b"warc-type") != b"response":
        return b""
    if end - block > max_page_bytes + _HTTP_HEAD:
        head = data[block : block + _HTTP_HEAD].lower()
        return too_large("the response record", end - block, max_page_bytes) if b"html" in head else b""
    return data[start:end]


def _cut(why: str, truncated: bool, record: bool = False) -> IngestError:
    code = "failed.ingest.truncated_record" if record else (
        "failed.ingest.truncated_archive" if truncated else "failed.ingest.bad_archive")
    return IngestError(why, code)


def _fields(head: bytes) -> dict[bytes, bytes]:
    return {m.group(1).lower(): m.group(2).strip() for m in _HEADER.finditer(head)}


def _skip_blank(data: bytes, pos: int) -> int:
    while pos < len(data) and data[pos] in b"\r\n":
        pos += 1
    return pos


def _resync(data: bytes, pos: int) -> int:
    """The start of the next ``WARC/1.x`` line after ``pos``, or the end of the data."""
    found = data.find(b"\nWARC/1.", pos)
    return len(data) if found < 0 else found + 1


def _page(uri: str, data: bytes, max_page_bytes: int) -> Page | IngestError | None:
    """The HTML page of one response record; None for other content."""
    from warcio.recordloader import ArcWarcRecordLoader

    try:
        record = ArcWarcRecordLoader().parse_record_stream(io.BytesIO(data))
        if not _is_html(record):
            return None
        body = record.content_stream().read(max_page_bytes + 1)
    except Exception as exc:  # warcio and zlib raise many types for a damaged record
        return IngestError(f"record {uri} is damaged: {type(exc).__name__}: {exc}", "failed.ingest.bad_archive")
    if len(body) > max_page_bytes:
        return too_large(f"the page of record {uri}", None, max_page_bytes)
    return body, _charset(record), record.rec_headers.get_header("WARC-Date")


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
