"""Resource limits on input, and a gunzip that never inflates past them.

One input (a file, stdin, a decompressed gzip) may hold at most
``max_input_bytes``; one document at most ``max_doc_bytes`` of text, and one
HTML page at most ``max_page_bytes`` of markup (text extraction is the slowest
reader: trafilatura takes seconds per MB of dense markup). Beyond a limit the input or
record is rejected with ``failed.ingest.too_large`` and the build goes on, so a
hostile input costs at most a bounded amount of time and memory.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from kronologi.errors import IngestError

# A news article is a few KB to ~100 KB of text. Every per-document step and corpus pass runs on
# the whole text, so one document's cost grows with it (worse than linearly in the event merge):
# on the 2-core machine of benchmarks/results.md a build of one single-line document just under
# 512 KiB takes ~46 s of CPU, under 1 MiB ~78 s (benchmarks/long_text.py). 512 KiB is the largest
# round size that keeps any accepted document within issue 10's 60 s; larger inputs are a setting
# away (``--max-doc-bytes``).
DEFAULT_MAX_DOC_BYTES = 512 * 1024
DEFAULT_MAX_PAGE_BYTES = 2_000_000  # ten times a heavy news page
DEFAULT_MAX_INPUT_BYTES = 256 * 2**20
GZIP_MAGIC = b"\x1f\x8b"
_IN_CHUNK = 64 * 1024  # compressed bytes fed to zlib at a time
_OUT_CHUNK = 1024 * 1024  # inflated bytes asked of zlib at a time


@dataclass(frozen=True)
class Limits:
    """How much one input and one document may hold (bytes)."""

    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES

    def cap_for(self, kind: str) -> int:
        """The most bytes an input of this format may hold: one document, or a collection."""
        if kind == "text":
            return min(self.max_doc_bytes, self.max_input_bytes)
        if kind == "html":
            return min(self.max_page_bytes, self.max_input_bytes)
        return self.max_input_bytes


def too_large(what: str, size: int | None, cap: int) -> IngestError:
    """The rejection for anything past a limit (``size`` None: not known, only that it is over)."""
    held = f"{size:,} bytes" if size is not None else f"more than {cap:,} bytes"
    return IngestError(f"{what} holds {held}, over the limit of {cap:,} bytes", "failed.ingest.too_large")


def text_over(text: str, cap: int) -> bool:
    """True when ``text`` takes more than ``cap`` bytes in UTF-8 (encoded only when it could)."""
    if len(text) > cap:
        return True
    return len(text) * 4 > cap and len(text.encode("utf-8", "surrogatepass")) > cap


def inflate(data: bytes, cap: int) -> tuple[bytes, bool]:
    """Gunzip every member of ``data`` into at most ``cap`` bytes, in chunks.

    Returns ``(inflated, complete)``; ``complete`` is False when the stream is
    cut short (what was inflated so far is returned). Raises IngestError
    ``too_large`` as soon as the output passes ``cap`` (a gzip bomb costs
    ``cap`` bytes, never its full size) and ``bad_gzip`` for corrupt data.
    """
    out: list[bytes] = []
    size, rest = 0, data
    try:
        while rest[:2] == GZIP_MAGIC:
            unz = zlib.decompressobj(16 + zlib.MAX_WBITS)
            size, rest = _inflate_member(unz, rest, out, size, cap)
            if not unz.eof:
                return b"".join(out), False
    except zlib.error as exc:
        raise IngestError(f"gzip data is corrupt: {exc}", "failed.ingest.bad_gzip") from exc
    return b"".join(out), True


def _inflate_member(unz, data: bytes, out: list[bytes], size: int, cap: int) -> tuple[int, bytes]:
    """Inflate one gzip member; return the new output size and the bytes after the member."""
    for start in range(0, len(data), _IN_CHUNK):
        piece, full = data[start : start + _IN_CHUNK], True
        while (piece or full) and not unz.eof:  # a full chunk may leave more output pending
            chunk = unz.decompress(piece, _OUT_CHUNK)
            size, full = size + len(chunk), len(chunk) == _OUT_CHUNK
            if size > cap:
                raise too_large("the inflated gzip stream", None, cap)
            out.append(chunk)
            piece = unz.unconsumed_tail
        if unz.eof:
            return size, unz.unused_data + data[start + _IN_CHUNK :]
    return size, b""
