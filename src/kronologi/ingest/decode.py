"""Bytes to text: detect the encoding of an input without ever crashing.

UTF-8 (with or without BOM) is tried strictly first because it is by far the
most common and its validity is a strong signal. Then Windows-1252, strictly:
it is the legacy encoding of Indonesian and English web text (a superset of
Latin-1 for printable characters), and statistical detectors often mistake it
for a Central-European code page on short texts. Only bytes that are not valid
cp1252 go to charset-normalizer; cp1252 with replacement is the last resort,
so every byte string decodes to *something*. The encoding used is recorded on
the document.
"""

from __future__ import annotations

import codecs

from kronologi.errors import IngestError

_CANDIDATES = ("cp1252", "latin_1", "utf_16", "iso8859_15", "cp1250", "cp1251", "gb18030", "shift_jis")


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the data looks like UTF-16 without a BOM, else None.

    Text in a Latin script stored as UTF-16 has a NUL in the high byte of almost
    every character: NULs at nearly all odd positions (little-endian) or nearly
    all even ones (big-endian), and almost none at the other parity.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : pairs * 2 : 2].count(0), sample[1 : pairs * 2 : 2].count(0)
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= 0.7 * pairs and other <= 0.05 * pairs:
            return encoding
    return None


def is_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we accept (NULs, control bytes)."""
    sample = data[:4096]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls > max(2, len(sample) // 100)


_CONTROLS = bytes([*range(9), *range(14, 32)])  # control bytes no text we read holds (tabs and line ends aside)


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise IngestError for binary data."""
    if is_binary(data):
        raise IngestError("content is binary, not text (NUL or control bytes)", "failed.ingest.binary")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    encoding = best.encoding if best is not None else "cp1252"
    # latin-1 and cp1252 agree except in 0x80-0x9F, where cp1252 has the curly
    # quotes and dashes that real (Windows-written) text uses.
    if encoding in ("latin_1", "iso8859_15"):
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), encoding
