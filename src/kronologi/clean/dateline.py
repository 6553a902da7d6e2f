"""Datelines: the ``PLACE, OUTLET -`` prefix that opens the first paragraph.

News sites write it in many orders — ``KONTAN.CO.ID - NUR-SULTAN.``,
``ALMATY, KAZAKHSTAN (kabar-asia.com) -``, ``Liputan6.com, Jakarta -``,
``JAKARTA (Reuters) -``, ``Berita Baru, Internasional –`` — so the prefix is cut
into segments and each segment is classified by its shape: a domain or a name
in parentheses is an outlet (or a credited agency), an all-capitals segment is a
place, a rubric word is a section; a remaining capitalised name is an outlet
when it sits next to a place or section, else a place.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kronologi import langs

_PREFIX = re.compile(r"^(?P<prefix>[^\s].{0,90}?)\s+(?:-{1,2}|–|—)\s+(?=\S)")
_AFTER_PLACE = re.compile(r"^(?P<place>[A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+){0,3})\.\s+(?=[A-Z\"“])")
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.(com|co|id|net|org|info|news|tv|my|sg|uk|io)(\.[a-z]{2})?$", re.I)
_SEGMENT = re.compile(r"\(([^)]*)\)|([^,()]+)")


@dataclass
class Dateline:
    text: str  # the prefix as written, removed from the paragraph
    end: int  # length of the prefix including its separator
    place: str | None = None
    outlet: str | None = None
    section: str | None = None
    credits: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=None)
def agencies() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in langs.SUPPORTED:
        out.update({k.lower(): v for k, v in (langs.load(lang, "outlets").get("agencies") or {}).items()})
    return out


def find_dateline(paragraph: str) -> Dateline | None:
    """Parse a dateline at the start of ``paragraph``; None if there is none."""
    m = _PREFIX.match(paragraph)
    if not m or not _looks_like_prefix(m.group("prefix")):
        return None
    line = Dateline(text=paragraph[: m.end()].strip(), end=m.end())
    _classify(m.group("prefix"), line)
    after = _AFTER_PLACE.match(paragraph[m.end():])
    if after and not line.place:  # "KONTAN.CO.ID - NUR-SULTAN. Presiden ..."
        line.place = _place(after.group("place"))
        line.end = m.end() + after.end()
        line.text = paragraph[: line.end].strip()
    return line if (line.place or line.outlet or line.credits) else None


def _looks_like_prefix(prefix: str) -> bool:
    """Only names: every word capitalised (or a domain), no sentence inside."""
    words = re.findall(r"[^\s,()]+", prefix)
    if not words or len(words) > 8:
        return False
    return all(w[0].isupper() or w[0].isdigit() or _DOMAIN.match(w) for w in words)


def _classify(prefix: str, line: Dateline) -> None:
    rubrics = langs.all_words("clean", "rubrics")
    pending: list[str] = []
    caps_place = False
    for m in _SEGMENT.finditer(prefix):
        seg = (m.group(1) or m.group(2) or "").strip()
        if not seg:
            continue
        if m.group(1) is not None:
            _outlet_or_credit(seg, line)
        elif _DOMAIN.match(seg) or _is_media(seg):
            line.outlet = line.outlet or seg
        elif seg.lower() in rubrics:
            line.section = line.section or seg
        elif seg.isupper():
            line.place, caps_place = _join(line.place, _place(seg)), True
        elif caps_place and not pending:  # "SEMARANG, Indonesia": the region of the place
            line.place = _join(line.place, seg)
        else:
            pending.append(seg)
    _settle(pending, line)


def _settle(pending: list[str], line: Dateline) -> None:
    """Capitalised names: place parts when the outlet is known already, an outlet
    beside a place or section, else the place."""
    for seg in pending:
        if line.outlet or line.credits:
            line.place = _join(line.place, seg)
        elif (line.place or line.section) and not line.outlet:
            line.outlet = seg
        elif not line.place:
            line.place = seg
        elif not line.outlet:
            line.outlet = seg


def _outlet_or_credit(seg: str, line: Dateline) -> None:
    agency = agencies().get(seg.lower())
    if agency:
        line.credits.append(agency)
    elif not line.outlet:
        line.outlet = seg


def _is_media(seg: str) -> bool:
    media = langs.all_words("outlets", "media_words")
    words = seg.lower().split()
    return seg.lower() in agencies() or len(words) >= 2 and any(w in media for w in words[1:])


def _place(seg: str) -> str:
    if not seg.isupper():
        return seg.strip()
    return "-".join(part.capitalize() for part in seg.strip().title().split("-")).replace(" ", " ")


def _join(a: str | None, b: str) -> str:
    return f"{a}, {b}" if a else b
