"""Datelines: the ``PLACE, OUTLET -`` prefix that opens the first paragraph.

News sites write it in many orders — ``KONTAN.CO.ID - NUR-SULTAN.``,
``ALMATY, KAZAKHSTAN (kabar-asia.com) -``, ``Liputan6.com, Jakarta -``,
``JAKARTA (Reuters) -``, ``Berita Baru, Internasional –`` — so the prefix is cut
into segments and each segment is classified by its shape: a domain or a name
in parentheses is an outlet (or a credited agency), an all-capitals segment is a
place, a rubric word is a section; a remaining capitalised name is an outlet
when it sits next to a place or section, else a place.

A dash also ends asides and joins clauses (``Presiden Arif – yang baru tiba –``, a dash
ftfy restored from mojibake), so a prefix of plain capitalised names without those marks
is a dateline only when the text after the dash opens a sentence, no segment opens with a
function word, title, weekday or month, and no second dash closes an aside; the cleaner
looks for one only in the lead paragraph (``clean.assemble.lead``).
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
_CAPITALS_FIRST = re.compile(r"[A-Z]{3}")


@dataclass
class Dateline:
    text: str  # the prefix as written, removed from the paragraph
    end: int  # length of the prefix including its separator
    place: str | None = None
    outlet: str | None = None
    section: str | None = None
    credits: list[str] = field(default_factory=list)
    marked: bool = False  # a domain, a name in brackets or capitals: a dateline wherever the lead starts


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
    marked = _marked(m.group("prefix"))
    if not marked and not _plain_names_dateline(m.group("prefix"), paragraph[m.end():]):
        return None
    line = Dateline(text=paragraph[: m.end()].strip(), end=m.end(), marked=marked)
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


def _marked(prefix: str) -> bool:
    """A prefix with a dateline's own marks: a domain, a name in brackets, a segment in capitals (``JAKARTA``),
    or a first word that opens with capitals (``ISTANBUL Turkey``, ``IDXChannel``)."""
    if re.search(r"\([^)]*[^\W\d_][^)]*\)", prefix) or any(_DOMAIN.match(w) for w in prefix.split()):
        return True
    return bool(_CAPITALS_FIRST.match(prefix)) or any(seg.strip().isupper() and len(seg.strip()) > 1
                                                      for seg in prefix.split(","))


def _plain_names_dateline(prefix: str, rest: str) -> bool:
    """Capitalised words before a dash (``Jakarta -``, ``VIVA Nasional -``) are a dateline only when the text
    after the dash opens a sentence, no segment opens with a function word, title, weekday or month
    (``Presiden Arif -``, ``In Marlow -``, ``Selasa -``), and the dash opens no aside that another dash
    closes (``Arif Wibowo – Ketua Partai – meninjau``)."""
    if not rest[:1].isupper() and not rest[:1].isdigit() and rest[:1] not in "\"“'‘":
        return False
    if any(seg.split()[0].lower() in _not_place_words() for seg in prefix.split(",") if seg.split()):
        return False
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    return not re.search(r"\s(?:-{1,2}|–|—)\s", sentence)


@functools.lru_cache(maxsize=None)
def _not_place_words() -> frozenset[str]:
    """Words never in a dateline's place or outlet: function words, one-word titles, weekdays and months."""
    words = set(langs.all_words("clean", "function_words")) | set(langs.all_words("clean", "dateline_stops"))
    words |= {t for t in langs.all_words("entities", "titles") if " " not in t}
    for lang in langs.SUPPORTED:
        dates = langs.load(lang, "dates")
        words |= {str(w).lower() for key in ("weekdays", "months") for w in (dates.get(key) or {})}
    return frozenset(words)


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
    elif not line.outlet and re.search(r"[^\W\d_]", seg):  # "(12/3)" is a date, not an outlet
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
