"""Tell an input's format from its content first, its file name second."""

from __future__ import annotations

import re

_XML_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)
_EXT = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".txt": "text", ".text": "text", ".md": "text",
}


def sniff(head: bytes, name: str) -> str:
    """Return ``text``, ``html``, ``json``, ``jsonl``, ``feed`` or ``warc``.

    ``head`` is the (decompressed) first few KB of the input.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped[:1] in (b"{", b"["):
        return _json_kind(stripped)
    if _XML_FEED.search(stripped[:2048]):
        return "feed"
    if _HTML.search(stripped[:2048]) and stripped[:1] == b"<":
        return "html"
    return _by_extension(name)


def _json_kind(data: bytes) -> str:
    return "json" if data[:1] == b"[" else _object_or_lines(data)


def _object_or_lines(data: bytes) -> str:
    # One complete object on the first line means JSON Lines; an object spread
    # over several lines is a single JSON document.
    first = data.split(b"\n", 1)[0].rstrip()
    return "jsonl" if first.endswith(b"}") else "json"


def _by_extension(name: str) -> str:
    lower = name.lower()
    for ext in (".gz",):
        if lower.endswith(ext):
            lower = lower[: -len(ext)]
    for ext, kind in _EXT.items():
        if lower.endswith(ext):
            return "text" if kind in ("json", "jsonl", "feed", "warc") else kind
    return "text"
