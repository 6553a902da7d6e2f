"""Credits: the agencies and outlets an article says its material comes from.

Three general forms: a reporting cue before a known agency (``seperti dikutip
Reuters``, ``dilansir dari BBC``, ``kepada AFP``, ``told Reuters``), an agency
as the subject of a reporting verb (``Reuters reported``), and a trailing
parenthesised code at the end of a paragraph (``(TRT)``, ``(ant/ap)``). Only
names in the ``outlets`` packs count after a cue — "kepada wartawan" credits no
one — while a trailing code may also be any all-capitals abbreviation.
"""

from __future__ import annotations

import functools
import re

from kronologi import langs
from kronologi.clean.dateline import agencies

_TRAILING = re.compile(r"\((?P<codes>[A-Za-z][A-Za-z0-9.]{1,11}(?:\s*/\s*[A-Za-z][A-Za-z0-9.]{1,11})*)\)\s*$")
_REPORTED = r"(?:reported|said|melaporkan|memberitakan|menyebutkan|mengabarkan|reports)"


_alt = langs.alternation


@functools.lru_cache(maxsize=None)
def _cue_pattern() -> re.Pattern[str]:
    cues = langs.all_words("clean", "credit_cues")
    return re.compile(rf"(?<!\w)(?:{_alt(cues)})\s+(?:dari\s+|the\s+|kantor\s+berita\s+)?(?P<name>{_alt(agencies())})(?![\w-])",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _list_next() -> re.Pattern[str]:
    """One more name in a list after a cue: "material from AFP and Reuters"."""
    return re.compile(rf"\s*(?:,\s*|\s+and\s+|\s+dan\s+|\s*&\s*|\s+serta\s+)(?P<name>{_alt(agencies())})(?![\w-])",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _subject_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<name>{_alt(agencies())})\s+{_REPORTED}\b", re.IGNORECASE)


def find_credits(paragraphs: list[str]) -> list[str]:
    """Credited agencies in order of first mention, each once."""
    found: list[str] = []
    for para in paragraphs:
        if _mentions_agency(para):
            found.extend(_cued(para))
            found.extend(_name(m.group("name")) for m in _subject_pattern().finditer(para) if _plausible(m.group("name")))
        found.extend(trailing_codes(para))
    return list(dict.fromkeys(n for n in found if n))


@functools.lru_cache(maxsize=None)
def _agency_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name in agencies())


def _mentions_agency(paragraph: str) -> bool:
    """Cheap pre-check: does any word start an agency name? (most paragraphs: no)."""
    words = _agency_words()
    return any(w in words for w in re.findall(r"[\w/-]+", paragraph.lower()))


def _cued(para: str) -> list[str]:
    out = []
    for m in _cue_pattern().finditer(para):
        names, pos = [m.group("name")], m.end()
        while nxt := _list_next().match(para, pos):
            names.append(nxt.group("name"))
            pos = nxt.end()
        out.extend(_name(n) for n in names if _plausible(n))
    return out


def source_line_credit(line: str) -> str | None:
    """The name on a "Sumber: X" / "Source: X" line (the label makes any name a credit)."""
    m = re.match(r"^\(?\s*(?:sumber|source|sources)\s*:\s*(?P<name>[^()|;]{2,60}?)\s*\)?\s*$", line, re.IGNORECASE)
    return _name(m.group("name").strip()) if m else None


def trailing_codes(paragraph: str) -> list[str]:
    m = _TRAILING.search(paragraph)
    if not m:
        return []
    out = []
    for code in re.split(r"\s*/\s*", m.group("codes")):
        name = agencies().get(code.lower())
        if name or (code.isupper() and len(code) >= 2):
            out.append(name or code)
    return out


def _plausible(name: str) -> bool:
    # Short codes ("AP", "ANT") only count when written in capitals: "ap" or
    # "ant" in running text are words, not agencies.
    return len(name) > 3 or name.isupper()


def _name(raw: str) -> str:
    return agencies().get(" ".join(raw.lower().split()), raw)
