"""Absolute dates stated in a line of text: header lines, bylines, datelines.

``find_stated_date`` recognises full calendar dates (day, month name, year) with
an optional clock time and zone, in Indonesian and English orders, plus ISO
and numeric ``dd/mm/yyyy`` forms. A Hijri date printed beside the Gregorian one
(``27 Jumadil Awwal 1446 H / 11 Januari 2022``) is masked first so its year can
never be read as the Gregorian one. Vocabularies come from the ``dates`` packs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kronologi import langs


@dataclass
class StatedDate:
    value: str  # ISO 8601: 2022-01-11 or 2022-01-11T22:25+07:00
    start: int
    end: int


_alt = langs.alternation


@functools.lru_cache(maxsize=None)
def _vocab() -> tuple[dict[str, int], dict[str, str], frozenset[str], frozenset[str]]:
    months: dict[str, int] = {}
    zones: dict[str, str] = {}
    for lang in langs.SUPPORTED:
        pack = langs.load(lang, "dates")
        months.update({k.lower(): int(v) for k, v in (pack.get("months") or {}).items()})
        zones.update({k.lower(): str(v) for k, v in (pack.get("zones") or {}).items()})
    return months, zones, langs.all_words("dates", "hijri_months"), langs.all_words("dates", "time_words")


@functools.lru_cache(maxsize=None)
def _patterns(order: str = "dmy") -> tuple[re.Pattern[str], ...]:
    months, zones, _, time_words = _vocab()
    month = rf"(?P<month>{_alt(months)})\.?"
    clock = (rf"(?:\s*(?:[,|/-]|{_alt(time_words)})?\s*(?:{_alt(time_words)})?\s*"
             rf"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
             rf"(?:\s*(?P<ampm>[ap]\.?m\.?))?(?:\s*(?P<zone>(?:{_alt(zones)})(?:\s?[+-]\d{{1,2}}(?::?\d\d)?\b)?"
             rf"|[+-]\d{{2}}:?\d{{2}}))?)?")
    flags = re.IGNORECASE
    return (
        re.compile(rf"\b(?P<day>[0-3]?\d)\s+{month},?\s+(?P<year>(?:19|20)\d\d)\b{clock}", flags),
        re.compile(rf"\b{month}\s+(?P<day>[0-3]?\d),?\s+(?P<year>(?:19|20)\d\d)\b{clock}", flags),
        re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
                   r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
                   r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?", flags),
        re.compile(_numeric(order) + clock, flags),
        # the other order only where the pack's order reads no date: "23/09/2025" in a month-first language
        re.compile(_numeric("dmy" if order == "mdy" else "mdy") + clock, flags),
    )


def _numeric(order: str) -> str:
    """``10/1/2022``: day first in Indonesian (and most of the world), month first in US English."""
    day, month = r"(?P<day>[0-3]?\d)", r"(?P<month>[01]?\d)"
    first, second = (month, day) if order == "mdy" else (day, month)
    return rf"\b{first}[/.-]{second}[/.-](?P<year>(?:19|20)\d\d)\b"


@functools.lru_cache(maxsize=None)
def _hijri() -> re.Pattern[str]:
    _, _, hijri, _ = _vocab()
    return re.compile(rf"\b\d{{1,2}}\s+(?:{_alt(hijri)})\s+\d{{3,4}}(?:\s*(?:H|AH|Hijriah|Hijriyah)\b\.?)?",
                      re.IGNORECASE)


def mask_hijri(text: str) -> str:
    """Blank out Hijri dates (same length, so offsets stay valid)."""
    return _hijri().sub(lambda m: " " * len(m.group()), text)


def find_stated_date(text: str, lang: str | None = None) -> StatedDate | None:
    """The first full calendar date in ``text`` (with time and zone when given).

    ``lang`` decides the order of all-numeric dates (the pack's ``numeric_order``); a numeric
    date that order cannot read (``23/09/2025`` month first) is read in the other order.
    """
    masked = mask_hijri(text)
    order = langs.load(lang or langs.FALLBACK, "dates").get("numeric_order", "dmy")
    found = [m for p in _patterns(order) if (m := p.search(masked))]
    for match in sorted(found, key=lambda m: m.start()):
        value = _value(match)
        if value:
            return StatedDate(value, match.start(), match.end())
    return None


def _value(m: re.Match[str]) -> str | None:
    months, zones, _, _ = _vocab()
    g = m.groupdict()
    month = int(g["month"]) if g["month"].isdigit() else months.get(_norm(g["month"]))
    day, year = int(g["day"]), int(g["year"])
    if not month or not 1 <= month <= 12 or not 1 <= day <= _days(year, month):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if g.get("hour") is None:
        return out
    hour = _hour24(int(g["hour"]), g.get("ampm"))
    out += f"T{hour:02d}:{g['minute']}" + (f":{g['second']}" if g.get("second") else "")
    return out + _offset(g.get("zone"), zones)


def _norm(word: str) -> str:
    return " ".join(word.lower().rstrip(".").split())


def _days(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


def _hour24(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    pm = ampm.lower().startswith("p")
    return (hour % 12) + (12 if pm else 0)


def _offset(zone: str | None, zones: dict[str, str]) -> str:
    if not zone:
        return ""
    if zone.upper() == "Z":
        return "+00:00"
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        return f"{zone[0]}{digits[:2]}:{digits[2:]}"
    named = re.match(r"(.*?)\s?([+-])(\d{1,2})(?::?(\d\d))?$", zone)
    if named and zones.get(named.group(1).lower()) == "+00:00":  # "GMT+8", "UTC-05:00": the offset from UTC
        return f"{named.group(2)}{int(named.group(3)):02d}:{named.group(4) or '00'}"
    return zones.get(zone.lower(), "")
