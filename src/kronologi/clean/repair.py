"""Mojibake repair: UTF-8 text that was once decoded with the wrong code page.

Scraped copies often carry text that went through a wrong decoding on the way:
``‚Äú`` (UTF-8 read as MacRoman), ``Ã©`` (read as Windows-1252), ``ยฉ`` (read as
the Thai code page TIS-620 / Windows-874). ``ftfy`` repairs the first kinds;
the Thai kind, which ftfy does not know, is repaired here for short runs only —
a run of Thai letters inside Latin text that re-encodes to valid UTF-8 and
decodes to punctuation or Latin letters. Real Thai text (long runs, or runs that
decode to letters of another script) is left alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import ftfy
from ftfy import badness

# Thai block as Windows-874 prints bytes 0xA1-0xFB; a garbled UTF-8 sequence is 2-4 of them.
_THAI_RUN = re.compile(r"[\u0e01-\u0e5b]{2,4}")
_THAI_ANY = re.compile(r"[\u0e01-\u0e5b]")
_MAX_THAI_SHARE = 0.2  # a line with more Thai than this is Thai text, not mojibake


@dataclass
class Repair:
    line: int  # index of the raw line
    before: str
    after: str


@functools.lru_cache(maxsize=1)
def _config() -> ftfy.TextFixerConfig:
    # Only encoding fixes: keep curly quotes, widths, ligatures and line breaks as written.
    return ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_latin_ligatures=False,
                                fix_character_width=False, fix_line_breaks=False, fix_surrogates=False,
                                remove_control_chars=False, normalization=None, explain=False)


def repair_lines(lines: list[str]) -> tuple[list[str], list[Repair]]:
    """The lines with mojibake repaired, and a record of each line that changed.

    Whether Thai letters are mojibake is decided over the whole text, so a
    line that is nothing but a garbled character ("ยท") is repaired too.
    """
    text = "\n".join(lines)
    if text.isascii():
        return lines, []
    if badness.is_bad(text):  # a cheap test first: most text has nothing for ftfy to fix
        text = ftfy.fix_text(text, _config())
    fixed = _thai_codepage(text).split("\n")
    if len(fixed) != len(lines):  # no fix adds or removes a line break; keep the text if one did
        return lines, []
    return fixed, [Repair(i, b, a) for i, (b, a) in enumerate(zip(lines, fixed)) if b != a]


def _thai_codepage(text: str) -> str:
    if not _THAI_ANY.search(text):
        return text
    thai = len(_THAI_ANY.findall(text))
    if not thai or thai > _MAX_THAI_SHARE * sum(ch.isalpha() for ch in text):
        return text
    return _THAI_RUN.sub(_decode_run, text)


def _decode_run(m: re.Match[str]) -> str:
    try:
        decoded = m.group().encode("cp874").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return m.group()
    return decoded if all(_latin_or_symbol(ch) for ch in decoded) else m.group()


def _latin_or_symbol(ch: str) -> bool:
    if not ch.isalpha():
        return not unicodedata.category(ch).startswith("C")
    return unicodedata.name(ch, "").startswith("LATIN")
