"""Ingest: turn files, folders and stdin into Documents, or Rejections with a reason.

Formats are told by content first (``sniff``), then by extension. Readers never
raise for a bad input: each yields Documents for what it could read and a
Rejection for what it could not, so one broken file never stops a corpus.
"""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path
from typing import Iterable, Iterator

from kronologi.document import Document, Rejection, content_key
from kronologi.errors import IngestError
from kronologi.ingest.decode import decode
from kronologi.ingest.meta import apply_meta
from kronologi.ingest.sniff import sniff
from kronologi.temporal.iso import to_iso

STDIN = "-"
Item = Document | Rejection


def discover(paths: Iterable[str]) -> Iterator[str | Rejection]:
    """Expand folders recursively (sorted, hidden files skipped); keep ``-`` for stdin."""
    for path in paths:
        if path == STDIN or os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            yield from _walk(path)
        else:
            yield Rejection(path, "failed.ingest.not_found: no such file or folder")


def _walk(root: str) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def read_path(path: str, data: bytes | None = None) -> Iterator[Item]:
    """Every document of one input; a Rejection for each part that cannot be read."""
    try:
        if data is None:
            data = Path(path).read_bytes()
        yield from _read_bytes(path, data)
    except IngestError as exc:
        yield Rejection(path, exc.reason)
    except OSError as exc:
        yield Rejection(path, f"failed.ingest.unreadable: {exc.strerror or exc}")


def _read_bytes(path: str, data: bytes) -> Iterator[Item]:
    if not data.strip():
        raise IngestError("input is empty", "failed.ingest.empty")
    name = "stdin" if path == STDIN else os.path.basename(path)
    if data[:2] == b"\x1f\x8b":
        head = _gunzip_head(data)
        if head.lstrip().startswith(b"WARC/"):
            yield from _from_warc(path, name, data)
            return
        data = _gunzip(data)
    yield from _READERS[sniff(data[:8192], name)](path, name, data)


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 4096)
    except zlib.error as exc:
        raise IngestError(f"gzip data is corrupt: {exc}", "failed.ingest.bad_gzip") from exc


def _gunzip(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except EOFError as exc:
        raise IngestError("gzip stream is truncated (file cut short)", "failed.ingest.truncated_gzip") from exc
    except (OSError, zlib.error) as exc:
        raise IngestError(f"gzip data is corrupt: {exc}", "failed.ingest.bad_gzip") from exc


def _doc(path: str, fmt: str, text: str, record: str | None = None, **fields) -> Document:
    stem = "stdin" if path == STDIN else _stem(os.path.basename(path))
    doc = Document(id=stem, source_path=path, format=fmt, raw_text=text, record=record)
    doc.key = content_key(os.path.basename(path), record or "", text)
    if fields.get("published"):
        fields["published"] = to_iso(fields["published"])
    for name, value in fields.items():
        if value:
            if name in ("title", "outlet", "url", "author", "published", "language"):
                doc.observe(name, fmt, value)
            setattr(doc, name, value)
    if doc.published:
        doc.published_basis = "metadata"
    return doc


def _stem(name: str) -> str:
    for ext in (".gz", ".warc", ".jsonl", ".json", ".html", ".htm", ".txt", ".xml", ".rss", ".atom"):
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
    return name or "document"


def _from_text(path: str, name: str, data: bytes) -> Iterator[Item]:
    text, encoding = decode(data)
    if not text.strip():
        raise IngestError("text is empty after decoding", "failed.ingest.empty")
    yield _doc(path, "text", text, encoding=encoding)


def _from_html(path: str, name: str, data: bytes, url: str | None = None,
               record: str | None = None, fmt: str = "html", crawled: str | None = None) -> Iterator[Item]:
    from kronologi.ingest.html import extract_page

    html, encoding = decode(data)
    page = extract_page(html, url)
    doc = _doc(path, fmt, page.text, record, encoding=encoding, title=page.title, outlet=page.outlet,
               url=page.url, author=page.author, published=page.published)
    if page.language:
        doc.observe("language", fmt, page.language)
    if crawled:
        doc.observe("crawled", "warc", crawled)
    yield doc


def _from_records(path: str, name: str, data: bytes, kind: str) -> Iterator[Item]:
    from kronologi.ingest.records import article_fields, json_records, jsonl_records

    records = jsonl_records(data) if kind == "jsonl" else json_records(decode(data)[0])
    for locator, item in records:
        try:
            if isinstance(item, IngestError):
                raise item
            fields = article_fields(item)
        except IngestError as exc:
            yield Rejection(f"{path}#{locator}", exc.reason)
            continue
        doc_id = fields.pop("id", None)
        doc = _doc(path, "json", fields.pop("text"), locator, **fields)
        doc.id = doc_id or f"{doc.id}-{locator}"
        yield doc


def _from_feed(path: str, name: str, data: bytes) -> Iterator[Item]:
    from kronologi.ingest.feed import feed_entries

    for n, (locator, entry) in enumerate(feed_entries(data), 1):
        if isinstance(entry, IngestError):
            yield Rejection(f"{path}#{locator}", entry.reason)
            continue
        doc = _doc(path, "feed", entry.pop("text"), locator, **entry)
        doc.id = f"{doc.id}-{n}"
        yield doc


def _from_warc(path: str, name: str, data: bytes) -> Iterator[Item]:
    from kronologi.ingest.warc import warc_pages

    for n, (uri, page) in enumerate(warc_pages(data), 1):
        if isinstance(page, IngestError):
            yield Rejection(f"{path}#{uri}", page.reason)
            continue
        body, charset, crawled = page
        try:
            for doc in _from_html(path, name, body, url=uri, record=uri, fmt="warc", crawled=crawled):
                doc.id = f"{doc.id}-{n}"
                doc.url = uri  # the captured address; the page's canonical URL stays in observed
                doc.observe("url", "warc", uri)
                _crawl_date_fallback(doc, crawled)
                yield doc
        except IngestError as exc:
            yield Rejection(f"{path}#{uri}", exc.reason)


def _crawl_date_fallback(doc: Document, crawled: str | None) -> None:
    """Without a date in the page, the capture date is the best metadata we have."""
    if not doc.published and crawled:
        doc.published, doc.published_basis = to_iso(crawled), "metadata"


_READERS = {
    "text": _from_text,
    "html": _from_html,
    "json": lambda p, n, d: _from_records(p, n, d, "json"),
    "jsonl": lambda p, n, d: _from_records(p, n, d, "jsonl"),
    "feed": _from_feed,
    "warc": _from_warc,
}


def read_all(paths: Iterable[str], meta: dict[str, dict[str, str]] | None = None,
             stdin: bytes | None = None, skip: Iterable[str | os.PathLike] = ()) -> Iterator[Item]:
    """Read every input; apply sidecar metadata; make document ids unique.

    ``skip`` names files never to read as articles (the sidecar metadata file
    when it sits in the input folder).
    """
    seen: dict[str, int] = {}
    skipped = {os.path.realpath(p) for p in skip}
    for path in discover(paths):
        if isinstance(path, Rejection):
            yield path
            continue
        if path != STDIN and os.path.realpath(path) in skipped:
            continue
        for item in read_path(path, stdin if path == STDIN else None):
            if isinstance(item, Document):
                if meta and os.path.basename(path) in meta:
                    apply_meta(item, meta[os.path.basename(path)])
                item.id = _unique(item.id, seen)
            yield item


def _unique(doc_id: str, seen: dict[str, int]) -> str:
    seen[doc_id] = seen.get(doc_id, 0) + 1
    return doc_id if seen[doc_id] == 1 else f"{doc_id}-{seen[doc_id]}"
