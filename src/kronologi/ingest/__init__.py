"""Ingest: turn files, folders and stdin into Documents, or Rejections with a reason.

Formats are told by content first (``sniff``), then by extension. Readers never
raise for a bad input: each yields Documents for what it could read and a
Rejection for what it could not, so one broken file never stops a corpus.
"""

from __future__ import annotations

import os
import zlib
from typing import Iterable, Iterator

from kronologi.document import Document, Rejection, content_key
from kronologi.errors import IngestError
from kronologi.ingest.decode import decode
from kronologi.ingest.discover import STDIN, discover
from kronologi.ingest.ids import Registry, printable
from kronologi.ingest.limits import GZIP_MAGIC, Limits, inflate, text_over, too_large
from kronologi.ingest.meta import apply_meta
from kronologi.ingest.sniff import sniff
from kronologi.temporal.iso import to_iso

Item = Document | Rejection
_WHAT = {"text": "the text", "html": "the HTML page", "warc": "the WARC archive"}
DEFAULT_LIMITS = Limits()


def read_path(path: str, data: bytes | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Every document of one input; a Rejection for each part that cannot be read."""
    try:
        if data is None:
            data = _read_file(path, limits.max_input_bytes)
        elif len(data) > limits.max_input_bytes:
            raise too_large("the input", len(data), limits.max_input_bytes)
        yield from _read_bytes(path, data, limits)
    except IngestError as exc:
        yield Rejection(path, exc.reason)
    except OSError as exc:
        yield Rejection(path, f"failed.ingest.unreadable: {exc.strerror or exc}")


def _read_file(path: str, cap: int) -> bytes:
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > cap:
            raise too_large("the file", size, cap)
        return fh.read(cap + 1)


def _read_bytes(path: str, data: bytes, limits: Limits) -> Iterator[Item]:
    if not data or data.isspace():
        raise IngestError("input is empty", "failed.ingest.empty")
    name = "stdin" if path == STDIN else os.path.basename(path)
    complete = True
    if data[:2] == GZIP_MAGIC:
        data, complete = inflate(data, limits.cap_for(sniff(_gunzip_head(data), name)))
    kind = sniff(data[:8192], name)
    if not complete and kind != "warc":  # a cut archive still gives its complete records
        raise IngestError("gzip stream is truncated (file cut short)", "failed.ingest.truncated_gzip")
    if len(data) > limits.cap_for(kind):
        raise too_large(_WHAT.get(kind, f"the {kind} input"), len(data), limits.cap_for(kind))
    if kind == "warc":
        yield from _from_warc(path, data, limits, complete)
    else:
        yield from _READERS[kind](path, data, limits)


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 8192)
    except zlib.error as exc:
        raise IngestError(f"gzip data is corrupt: {exc}", "failed.ingest.bad_gzip") from exc


def _doc(path: str, fmt: str, text: str, record: str | None = None, **fields) -> Document:
    name = printable(os.path.basename(path))
    stem = "stdin" if path == STDIN else _stem(name)
    doc = Document(id=stem, source_path=printable(path), format=fmt, raw_text=text, record=record)
    doc.key = content_key(name, printable(record or ""), text)
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


def _check_text(text: str, what: str, cap: int) -> None:
    if text_over(text, cap):
        raise too_large(what, len(text.encode("utf-8", "surrogatepass")), cap)


def _from_text(path: str, data: bytes, limits: Limits) -> Iterator[Item]:
    text, encoding = decode(data)
    if not text.strip():
        raise IngestError("text is empty after decoding", "failed.ingest.empty")
    _check_text(text, "the text", limits.max_doc_bytes)
    yield _doc(path, "text", text, encoding=encoding)


def _from_html(path: str, data: bytes, limits: Limits, url: str | None = None,
               record: str | None = None, fmt: str = "html", crawled: str | None = None) -> Iterator[Item]:
    from kronologi.ingest.html import extract_page

    if len(data) > limits.max_page_bytes:
        raise too_large("the HTML page", len(data), limits.max_page_bytes)
    html, encoding = decode(data)
    page = extract_page(html, url)
    _check_text(page.text, "the page's text", limits.max_doc_bytes)
    doc = _doc(path, fmt, page.text, record, encoding=encoding, title=page.title, outlet=page.outlet,
               url=page.url, author=page.author, published=page.published)
    if page.language:
        doc.observe("language", fmt, page.language)
    if crawled:
        doc.observe("crawled", "warc", crawled)
    yield doc


def _from_records(path: str, data: bytes, limits: Limits, kind: str) -> Iterator[Item]:
    """One document per record; a collection without any article text (an index or a
    manifest) is one ``dropped.ingest.not_an_article`` instead of a rejection per record."""
    from kronologi.ingest.records import json_records, jsonl_records

    records = jsonl_records(data) if kind == "jsonl" else json_records(decode(data)[0])
    held: list[Rejection] | None = []  # text-less records, while no other kind of record was seen
    for item in _record_items(path, records, limits):
        if held is not None and isinstance(item, Rejection) and item.reason.startswith("failed.ingest.no_text"):
            held.append(item)
            continue
        yield from held or ()
        held = None  # the collection holds articles (or other faults): every record is reported
        yield item
    if held:
        yield Rejection(printable(path), f"dropped.ingest.not_an_article: none of its {len(held)} record(s) "
                                         "has an article text field (text, content, body...)")


def _record_items(path: str, records, limits: Limits) -> Iterator[Item]:
    from kronologi.ingest.records import article_fields

    for locator, item in records:
        try:
            if isinstance(item, IngestError):
                raise item
            fields = article_fields(item)
            _check_text(fields["text"], f"the text of {locator}", limits.max_doc_bytes)
        except IngestError as exc:
            yield Rejection(f"{path}#{locator}", exc.reason)
            continue
        doc_id = fields.pop("id", None)
        doc = _doc(path, "json", fields.pop("text"), locator, **fields)
        doc.id = doc_id or f"{doc.id}-{locator}"
        yield doc


def _from_feed(path: str, data: bytes, limits: Limits) -> Iterator[Item]:
    from kronologi.ingest.feed import feed_entries

    for n, (locator, entry) in enumerate(feed_entries(data), 1):
        try:
            if isinstance(entry, IngestError):
                raise entry
            _check_text(entry["text"], f"entry {n}", limits.max_doc_bytes)
        except IngestError as exc:
            yield Rejection(f"{path}#{locator}", exc.reason)
            continue
        doc = _doc(path, "feed", entry.pop("text"), locator, **entry)
        doc.id = f"{doc.id}-{n}"
        yield doc


def _from_warc(path: str, data: bytes, limits: Limits, complete: bool = True) -> Iterator[Item]:
    from kronologi.ingest.warc import warc_pages

    for n, (uri, page) in enumerate(warc_pages(data, limits.max_page_bytes, complete), 1):
        if isinstance(page, IngestError):
            yield Rejection(f"{path}#{uri}", page.reason)
            continue
        body, charset, crawled = page
        try:
            for doc in _from_html(path, body, limits, url=uri, record=uri, fmt="warc", crawled=crawled):
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
    "json": lambda p, d, lim: _from_records(p, d, lim, "json"),
    "jsonl": lambda p, d, lim: _from_records(p, d, lim, "jsonl"),
    "feed": _from_feed,
}


def read_all(paths: Iterable[str], meta: dict[str, dict[str, str]] | None = None,
             stdin: bytes | None = None, skip: Iterable[str | os.PathLike] = (),
             limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Read every input; apply sidecar metadata; give every document an id and a key
    that no other document of this build has (``ids.Registry``).

    ``skip`` names files never to read as articles (the sidecar metadata file
    when it sits in the input folder). Paths are reported as valid Unicode
    (``ids.printable``) wherever a file name does not decode.
    """
    registry = Registry()
    skipped = {os.path.realpath(p) for p in skip}
    for path in discover(paths):
        if isinstance(path, Rejection):
            yield Rejection(printable(path.source_path), path.reason)
            continue
        if path != STDIN and os.path.realpath(path) in skipped:
            continue
        for item in read_path(path, stdin if path == STDIN else None, limits):
            yield _settle(item, path, meta, registry)


def _settle(item: Item, path: str, meta: dict[str, dict[str, str]] | None, registry: Registry) -> Item:
    if isinstance(item, Rejection):
        return Rejection(printable(item.source_path), item.reason)
    row = meta.get(printable(os.path.basename(path))) if meta else None
    if row:
        apply_meta(item, row)
    item.id = registry.claim_id(printable(item.id))
    item.key = registry.claim_key(item.key, item.id)
    return item
