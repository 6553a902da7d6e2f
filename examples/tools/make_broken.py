#!/usr/bin/env python3
"""Write the inputs under examples/corpus/broken/ that a reader must reject, each for a clear reason.

  empty.txt           0 bytes                                  -> nothing to read
  truncated.warc.gz   the first 50% of warc/crawl-2022-10.warc.gz -> the gzip stream ends in the middle of
                      the member holding the Malang-police-chief response (4,638 of its 5,997 HTML bytes
                      survive). NOTE: warcio's ArchiveIterator does NOT raise on this, not even with
                      check_digests='raise'; it silently yields the short record. A reader has to notice the
                      truncation itself (gzip/zlib end-of-stream check, or body length < Content-Length).
  photo.txt           PNG signature + IHDR chunk + 384 fixed     -> binary data behind a .txt name
                      pseudo-random bytes

Everything is derived from fixed inputs (no clock, no os.urandom), so reruns give identical bytes.
Run make_warc.py first: the truncated file is cut from its output.

Usage (from the repository root):
    .venv/bin/python examples/tools/make_broken.py
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent
CORPUS = EXAMPLES / "corpus"
BROKEN = CORPUS / "broken"
WARC = CORPUS / "warc" / "crawl-2022-10.warc.gz"

KEEP_FRACTION = 0.50  # cuts inside the gzip member of the first article's response record


def fixed_bytes(n: int, seed: bytes = b"kronologi-broken-photo") -> bytes:
    """n bytes that look random but are a pure function of the seed (SHA-256 in counter mode)."""
    out = bytearray()
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return bytes(out[:n])


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main() -> None:
    BROKEN.mkdir(parents=True, exist_ok=True)

    (BROKEN / "empty.txt").write_bytes(b"")

    data = WARC.read_bytes()
    cut = int(len(data) * KEEP_FRACTION)
    (BROKEN / "truncated.warc.gz").write_bytes(data[:cut])

    ihdr = struct.pack(">IIBBBBB", 640, 427, 8, 2, 0, 0, 0)  # 640x427, 8-bit RGB
    png = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
    # an IDAT chunk header followed by bytes that are not a valid zlib stream, and no IEND
    png += struct.pack(">I", 4096) + b"IDAT" + fixed_bytes(384)
    (BROKEN / "photo.txt").write_bytes(png)

    for p in sorted(BROKEN.iterdir()):
        print(f"wrote {p.relative_to(EXAMPLES.parent)} ({p.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
