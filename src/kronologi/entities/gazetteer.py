"""Places by their names in Indonesian and English.

Countries come from pycountry (English names, official and common names, and
the Indonesian translations it ships); ``places.yaml`` in the language packs
adds short forms (``AS``, ``Rusia``), regions and cities (``Moskow``/``Moscow``,
``Jenewa``/``Geneva``). ``lookup`` maps any alias to its canonical English name.
"""

from __future__ import annotations

import functools
import gettext
import re

from kronologi import langs
from kronologi.entities.names import norm


@functools.lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """``{normalised alias: canonical name}``."""
    table: dict[str, str] = {}
    for alias, canonical in _countries():
        table.setdefault(norm(alias), canonical)
    for lang in langs.SUPPORTED:
        for canonical, aliases in (langs.load(lang, "places").get("places") or {}).items():
            for alias in [canonical, *(aliases or [])]:
                table[norm(alias)] = canonical  # the packs win over pycountry's formal names
    return table


def _countries():
    import pycountry

    try:
        indonesian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"]).gettext
    except OSError:
        indonesian = None
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        names = {country.name, canonical, getattr(country, "official_name", None) or country.name}
        if indonesian:
            names.add(indonesian(country.name))
        for name in names:
            yield name, canonical


def lookup(name: str) -> str | None:
    """The canonical name of a known place, or None."""
    return places().get(norm(name))


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")
_WORD = re.compile(r"\S+")
MAX_WORDS = 4  # the longest place name looked up ("Republik Demokratik Kongo")


def find_places(text: str, taken: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """``(start, end, canonical name)`` of known places written in ``text`` (capitalised, as names
    are), longest first, outside the ``taken`` spans (mentions found before)."""
    out = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(run.start() + w.start(), run.start() + w.end()) for w in _WORD.finditer(run.group())]
        i = 0
        while i < len(words):
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                start, end = words[i][0], words[i + n - 1][1]
                while end > start and text[end - 1] in ".-'’":  # "Jakarta." at a sentence end
                    end -= 1
                canonical = lookup(text[start:end])
                if canonical and not any(s < end and start < e for s, e in taken):
                    out.append((start, end, canonical))
                    i += n
                    break
            else:
                i += 1
    return out


@functools.lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """``{normalised name of a province, state or region: its country's canonical name}`` (ISO 3166-2 in
    pycountry); a name two countries share is left out."""
    import pycountry

    countries = {c.alpha_2: lookup(c.name) or c.name for c in pycountry.countries}  # as ``lookup`` names them
    table: dict[str, str | None] = {}
    for sub in pycountry.subdivisions:
        country = countries.get(sub.country_code)
        for name in {sub.name, sub.name.split(" (")[0]}:
            key = norm(name)
            table[key] = country if table.get(key, country) == country else None
    return {k: v for k, v in table.items() if v}


def country_of(name: str) -> tuple[str | None, bool]:
    """``(country, is_the_country)``: the country a place lies in, and whether the place is that country
    (``Jepang`` -> ``("Japan", True)``; ``Hokkaido`` -> ``("Japan", False)``); ``(None, False)`` unknown."""
    known = lookup(name)
    if known and known in _country_names():
        return known, True
    country = _subdivisions().get(norm(without_prefix(name)))  # "Kota Sapporo", "Provinsi Jawa Timur"
    if not country and known:  # a short form ("Sultra") of a province the subdivisions know by another name
        country = next((c for alias in _aliases().get(known, ()) for c in [_subdivisions().get(alias)] if c), None)
    return (country, False) if country else (None, False)


@functools.lru_cache(maxsize=1)
def _aliases() -> dict[str, list[str]]:
    """``{canonical name: its normalised aliases}`` (the reverse of ``places``)."""
    out: dict[str, list[str]] = {}
    for alias, canonical in places().items():
        out.setdefault(canonical, []).append(alias)
    return out


def without_prefix(name: str) -> str:
    """A place's name without an administrative prefix (``Kabupaten Ardana`` -> ``Ardana``; a lone word stays)."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in langs.all_words("entities", "place_prefixes"):
        return " ".join(words[1:])
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(lookup(canonical) or canonical for _, canonical in _countries())
