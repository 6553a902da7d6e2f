"""English named entities by rule, until an English model can be trained here.

No trustworthy English NER model is installable from the registries this
project may use (the spaCy English pipelines found there are third-party
re-uploads), and no open English NER corpus is reachable offline, so English
mentions come from rules that are right often enough for news:

* a *candidate* is a run of capitalised tokens (``of``, ``de``, ``bin`` allowed
  inside), minus a leading title, which becomes the mention's role;
* a known place (the gazetteer) is LOC, and so is a name right after a locative
  preposition ("in Kessel Varne", "protests in Dorwick"), even a lone word; a run ending in an organisation word
  (``Police``, ``Ministry``, ``Association``) or an acronym of capitals is ORG;
* a run of two to four words after a title, or before a reporting verb, or
  shaped like a personal name, is PER; a lone capitalised word is left out
  (entity resolution joins a surname to its full name).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kronologi import langs
from kronologi.entities.gazetteer import lookup
from kronologi.entities.names import split_role

_TOKEN = re.compile(r"[A-Z][\w'’.-]*[\w]|[A-Z]|[a-z]+")
_REPORTING = re.compile(r"\s*,?\s*(?:said|says|told|added|asked|wrote|announced|confirmed|denied)\b")


@functools.lru_cache(maxsize=1)
def _vocab() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return (langs.words("en", "entities", "org_words"), langs.words("en", "entities", "not_name_starts"),
            langs.words("en", "entities", "name_links"))


def english_mentions(text: str, sentences: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """PER / ORG / LOC mentions of an English text, with offsets and sentence indices."""
    out = []
    for index, (start, end) in enumerate(sentences or [(0, len(text))]):
        for s, e in _runs(text, start, end):
            mention = _classify(text, s, e, end)
            if mention:
                mention["sentence"] = index if sentences else None
                out.append(mention)
    return out


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with linking words inside) in one sentence."""
    orgs, not_starts, links = _vocab()
    runs, current = [], []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        capital = word[0].isupper() and not (not current and m.start() == start and word.lower() in not_starts)
        gap = text[current[-1][1]:m.start()] if current else ""
        if capital and (not current or gap in (" ", "-")):
            current.append((m.start(), m.end()))
        elif capital and current and gap in _POSSESSIVE_GAPS and text[current[-1][1] - 1] in "sS":
            current.append((m.start(), m.end(), None, "possessive"))  # "the Teachers' Union": one name
        elif current and word in links and gap == " ":
            current.append((m.start(), m.end(), "link"))
        else:
            runs.append(current)
            current = [(m.start(), m.end())] if capital else []
    runs.append(current)
    out = []
    for run in _split_possessives(text, runs, orgs):
        while run and len(run[-1]) == 3:  # a run never ends on a linking word
            run.pop()
        if run:
            out.append((run[0][0], run[-1][1]))
    return out


_POSSESSIVE_GAPS = ("' ", "’ ")


def _split_possessives(text: str, runs: list[list[tuple]], orgs: frozenset[str]) -> list[list[tuple]]:
    """A plural possessive joins one name only when the whole is a body's name ("the Belmoran Farmers' Union",
    "the Prisoners' Rights Network"); else it is two ("the Ministers' Council" stays, "Reuters' Tom Smith" splits)."""
    out = []
    for run in runs:
        cuts = [k for k, token in enumerate(run) if len(token) == 4]
        if cuts and not any(text[t[0]:t[1]].lower() in orgs for t in run[cuts[0]:]):
            for a, b in zip([0, *cuts], [*cuts, len(run)]):
                out.append([t[:2] for t in run[a:b]])
        else:
            out.append([t[:2] if len(t) == 4 else t for t in run])
    return out


def _classify(text: str, s: int, e: int, sentence_end: int) -> dict[str, Any] | None:
    surface = text[s:e]
    name, role = split_role(surface)
    if not role:
        name, role = role_of(surface)
    offset = s + surface.index(name) if role else s
    words = name.split()
    orgs, not_starts, _ = _vocab()
    if words and words[0].lower() in not_starts and len(words) > 1:
        name, offset, words = " ".join(words[1:]), offset + len(words[0]) + 1, words[1:]
    if not words or (len(words) == 1 and words[0].lower() in not_starts):
        return None
    weekdays = langs.words("en", "dates", "weekdays_full")
    before = weekdays | langs.words("en", "dates", "weekday_allowed_before")
    while len(words) > 1 and words[0].lower() in before and any(w.lower() in weekdays for w in words):
        name, offset, words = " ".join(words[1:]), offset + len(words[0]) + 1, words[1:]  # "Early Sunday Mira X"
    if any(w.lower() in weekdays for w in words):
        return None  # "Late Thursday", "On Friday": a time, no name
    if _CLOCK_BEFORE.search(text, max(0, offset - 12), offset) and words[0].lower().rstrip(".") in \
            langs.words("en", "entities", "clock_words"):
        return None  # "1:45 PM", "0700 GMT": a clock's marker, no name
    if words[0].lower() in langs.words("en", "entities", "weather_names") and len(words) > 1:
        return None  # "Storm Melati", "Typhoon Hagibis": a named storm is no person, body or place
    kind = _kind(text, name, words, role, offset + len(name), sentence_end, orgs)
    if kind in (None, "PER") and not role and _after_locative(text, offset) and not _calendar(words):
        kind = "LOC"  # "In Kessel Varne, ...", "protesters in Dorwick"
    if kind is None:
        return None
    return {"start": offset, "end": offset + len(name), "text": name, "type": kind, "source": "rules.en",
            **({"role": role} if role else {})}


def role_of(surface: str) -> tuple[str, str | None]:
    """``President of Kazakhstan Kassym-Jomart Tokayev`` -> ``("Kassym-Jomart Tokayev", "President of
    Kazakhstan")``: a title, "of", then what it is of (the shortest run of words that is a known place or a
    domain of office, ``role_domains``) and the holder's name, two to four words. Nothing is split when what
    follows "of" is not known: "Governor of Something Unheard" may be all a body's name."""
    m = _title_of().match(surface)
    if not m:
        return surface, None
    opening = m.end("the")  # "The Minister of Health ...": the article is no part of the role
    rest = surface[m.end():].split(" ")
    domains = langs.words("en", "entities", "role_domains")
    for k in range(1, len(rest) - 1):
        what, name = " ".join(rest[:k]), rest[k:]
        if len(name) <= 4 and (lookup(what) or what.lower() in domains):
            return " ".join(name), surface[opening:m.end()] + what
    return surface, None


@functools.lru_cache(maxsize=1)
def _title_of() -> re.Pattern[str]:
    titles = sorted(langs.words("en", "entities", "titles"), key=len, reverse=True)
    return re.compile(rf"(?P<the>(?:the\s+)?)(?:{'|'.join(map(re.escape, titles))})\s+of\s+", re.IGNORECASE)


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _after_locative(text: str, start: int) -> bool:
    found = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return bool(found) and found.group(1).lower() in langs.words("en", "entities", "locatives")


def _calendar(words: list[str]) -> bool:
    """A month or weekday ("in January", "on Monday") is no place."""
    calendar = langs.words("en", "dates", "months") | langs.words("en", "dates", "weekdays")
    return any(w.lower().rstrip(".") in calendar for w in words)


_CLOCK_BEFORE = re.compile(r"\d\s*$")


def _kind(text, name, words, role, end, sentence_end, orgs) -> str | None:
    if lookup(name) or words[-1].lower() in langs.words("en", "entities", "loc_words"):
        return "LOC"
    heads = {words[0].lower(), words[-1].lower().rstrip(".")}
    heads |= {after.lower() for before, after in zip(words, words[1:]) if before[-1] in "'’"}  # "Teachers' Union"
    if heads & orgs or (name.isupper() and 2 <= len(name) <= 6):
        return "ORG"
    if len(words) > 1 and words[0].lower() in langs.words("en", "entities", "loc_first_words"):
        return "LOC"  # "Port Moresby", "Mount Merapi"
    if 2 <= len(words) <= 4 and all(w[0].isupper() for w in words):
        if role or _REPORTING.match(text, end, sentence_end) or all(w[1:].islower() or "-" in w for w in words):
            return "PER"
    return None
