"""Tidy model mentions before resolution: names, roles and one type per name.

A statistical tagger labels the same name differently from one sentence to the
next ("Tokayev" PER here, LOC there) and draws some spans too wide ("Perdana
Menteri Armenia Nikol Pashinyan"). Before mentions are grouped:

* the title is split off as the role, and a place or a linking word left at the
  head of a person's name goes with it ("Armenia", "dari");
* a mention that is no name (no capital letter, a quote mark) is dropped;
* agencies and outlets of the packs are organisations;
* every name takes the type most of its mentions have across the corpus, and a
  one-word name that is the first or last word of a person's full name seen in
  the corpus is a person, unless its own mentions, typed otherwise, outnumber the
  full names' several times — a vote over the corpus, not a merge of two names.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from kronologi import langs
from kronologi.clean.dateline import agencies
from kronologi.entities.acronyms import find_definitions
from kronologi.entities.gazetteer import lookup
from kronologi.entities.names import norm, person_name, split_role

ACRONYM = "acronym"  # source of the mentions an acronym's definition adds
APPOSITION_VOTES = 3  # a role in apposition outweighs a few tagger votes the other way
OUTVOTED = 3  # a one-word name is a person's first or last word unless its own votes are this many times more
_LINKS = re.compile(r"^(?:dari|di|ke|oleh|untuk|of|from|the)\s+", re.IGNORECASE)


def tidy(docs: list[Any], definitions: list[list[tuple[str, str, int, int]]] | None = None,
         ) -> list[tuple[Any, dict[str, Any], str, str | None]]:
    """``(doc, mention, name, role)`` for every usable PER/ORG/LOC mention, types settled.

    ``definitions``: each document's ``find_definitions(doc.text)``, where the caller has them."""
    items = []
    evidence: dict[str, Counter] = defaultdict(Counter)  # name key -> votes from the words around it
    for i, doc in enumerate(docs):
        doc.mentions = [m for m in doc.mentions if m.get("source") not in ("propagated", ACRONYM)]  # a re-run starts afresh
        _defined_acronyms(doc, definitions[i] if definitions is not None else find_definitions(doc.text))
        for mention in doc.mentions:
            if mention.get("type") in ("PER", "ORG", "LOC"):
                name, role = _name(mention)
                if not _is_name(name) or _names_a_people(doc, mention, name):
                    continue
                items.append((doc, mention, name, role))
                if _apposed_role(doc, mention, name):
                    evidence[norm(name)]["PER"] += APPOSITION_VOTES
    _vote(items, evidence)
    for doc in docs:
        items.extend((doc, m, m["text"], None) for m in _propagate(doc))
    return items


def _defined_acronyms(doc: Any, definitions: list[tuple[str, str, int, int]]) -> None:
    """Where the text defines an acronym ("Organisasi Perjanjian Keamanan Kolektif (CSTO)"), the
    long form is one mention (a tagger's partial span is widened to it) and every use of the
    acronym in the article is a mention of the same type. Mentions are only widened or added,
    never removed: other layers refer to them by position."""
    for acr, long, start, end in definitions:
        pos = doc.text.find(long, start, end)
        if pos < 0:
            continue
        span = (pos, pos + len(long))
        overlapping = [m for m in doc.mentions
                       if m["start"] < span[1] and span[0] < m["end"] and m.get("type") in ("PER", "ORG", "LOC")]
        # the tagger's type holds when its span starts where the name does (its head word:
        # "Amerika Serikat (AS)" is a place); a place inside the name ("... di Eropa") is not its type
        kind = overlapping[0]["type"] if overlapping and overlapping[0]["start"] == span[0] else "ORG"
        if overlapping:
            overlapping[0].update(start=span[0], end=span[1], text=long, type=kind)
        else:
            doc.mentions.append(_mention(doc, span[0], span[1], kind, ACRONYM))
        taken = [(m["start"], m["end"]) for m in doc.mentions]
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", doc.text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                doc.mentions.append(_mention(doc, m.start(), m.end(), kind, ACRONYM))


def _mention(doc: Any, start: int, end: int, kind: str, source: str) -> dict[str, Any]:
    return {"start": start, "end": end, "text": doc.text[start:end], "type": kind,
            "sentence": _sentence_of(doc, start), "source": source}


def _covered(taken: list[tuple[int, int]], pos: int) -> bool:
    """Whether a span of ``taken`` (sorted; mentions hardly overlap, so the few starting last
    before ``pos`` are checked) holds ``pos``: bisection, not a scan of every mention."""
    i = bisect.bisect_right(taken, (pos, float("inf")))
    return any(e > pos for _, e in taken[max(0, i - 8):i])


def _propagate(doc: Any) -> list[dict[str, Any]]:
    """One name, one reading per article: where a person's full name was found, the
    same article's bare surname or first name is that person too, even where the
    tagger missed it ("Mukhtar Ablyazov" ... "Ablyazov mendorong ...")."""
    taken = sorted((m["start"], m["end"]) for m in doc.mentions)
    parts = {w for m in doc.mentions if m.get("type") == "PER" and m.get("source") != "propagated"
             for w in (lambda ws: {ws[0], ws[-1]} if len(ws) > 1 else set())(
                 person_name(*split_role(m["text"]))[0].split())
             if len(w) > 2 and w[0].isupper()}
    added = []
    for word in sorted(parts):
        for start in _whole_word(doc.text, word):
            if not _covered(taken, start):
                added.append({"start": start, "end": start + len(word), "text": word, "type": "PER",
                              "sentence": _sentence_of(doc, start), "source": "propagated"})
                bisect.insort(taken, (start, start + len(word)))
    doc.mentions.extend(added)
    return added


def _whole_word(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands alone in ``text`` (no word character or hyphen either side), left to
    right without overlaps: what ``(?<![\\w-])word(?![\\w-])`` finds, by ``str.find`` (a pattern
    compiled per name and article costs more than the search, and evicts ``re``'s cache)."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if not (pos and _word_char(text[pos - 1]) or end < len(text) and _word_char(text[end])):
            yield pos
            pos = text.find(word, end)
        else:
            pos = text.find(word, pos + 1)


def _word_char(ch: str) -> bool:
    """A character of ``[\\w-]`` (``re``'s ``\\w`` on text: alphanumeric or ``_``)."""
    return ch.isalnum() or ch in "_-"


def _sentence_of(doc: Any, pos: int) -> int | None:
    """The index of the sentence holding ``pos`` (sentences are in text order: bisected)."""
    i = bisect.bisect_right(doc.sentences, pos, key=lambda s: s.start) - 1
    return i if i >= 0 and pos < doc.sentences[i].end else None


def _name(mention: dict[str, Any]) -> tuple[str, str | None]:
    name, role = split_role(mention["text"])
    name = _LINKS.sub("", name) if role else name
    if mention["type"] == "PER":
        name, role = person_name(name, role)
    words = name.split()
    rest = " ".join(words[1:])
    if len(words) >= 3 and lookup(words[0]) and not lookup(rest):  # "Armenia Nikol Pashinyan", "Cina Wang Yi"
        role = " ".join(filter(None, [role, words[0]]))
        name = rest
        if mention["type"] == "LOC":
            mention["type"] = "PER"
    return name, role


def _is_name(name: str) -> bool:
    return bool(name) and name[0].isupper() and any(ch.isalpha() for ch in name)


def _names_a_people(doc: Any, mention: dict[str, Any], name: str) -> bool:
    """A one-word name after a noun for a people ("masyarakat Kazakh") is a people, not an
    entity of its own (a place there, "warga Kazakhstan", stays: the gazetteer knows it)."""
    if len(name.split()) != 1 or lookup(name):
        return False
    before = doc.text[max(0, mention["start"] - 30):mention["start"]].split()
    return bool(before) and before[-1].lower() in langs.words(doc.language, "entities", "peoples")


def _apposed_role(doc: Any, mention: dict[str, Any], name: str) -> bool:
    """The name is followed by a role in apposition ("Ablyazov, mantan menteri energi, ..."):
    evidence of a person whatever the tagger said — unless the name is a known place or
    reads as an organisation ("Kementerian Kesehatan, kepala dinas ... mengatakan")."""
    if lookup(name) or any(w in _org_words() for w in name.lower().split()):
        return False
    after = doc.text[mention["end"]:mention["end"] + 60]
    return bool(_apposition(langs.normalise_lang(doc.language)).match(after))


@functools.lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    """Words that make a name an organisation's, in every pack (claims and entities keep lists)."""
    return langs.all_words("claims", "org_words") | langs.all_words("entities", "org_words")


@functools.lru_cache(maxsize=None)
def _apposition(lang: str) -> re.Pattern[str]:
    titles = langs.words(lang, "entities", "titles")
    prefixes = langs.words(lang, "entities", "title_prefixes")
    return re.compile(rf"\s*,\s*(?:(?:{langs.alternation(prefixes)})\s+)?(?:{langs.alternation(titles)})(?!\w)",
                      re.IGNORECASE)


def _vote(items: list[tuple[Any, dict[str, Any], str, str | None]], evidence: dict[str, Counter]) -> None:
    votes: dict[str, Counter] = defaultdict(Counter)
    for _, mention, name, _ in items:
        votes[norm(name)][mention["type"]] += 1
    for key, extra in evidence.items():
        votes[key].update(extra)
    settled = {key: _winner(key, counts) for key, counts in votes.items()}
    for key in settled:  # a full name whose surname stands alone as a person is a person
        parts = key.split()
        if len(parts) > 1 and settled.get(parts[-1]) == "PER" and not lookup(key):
            settled[key] = "PER"
    # the mentions of persons' full names, by their first and last word: a one-word name they end or start is
    # that person's, unless the word's own mentions say otherwise far more often ("Slogan KPK", once mistagged a
    # person, does not make the thousands of "KPK" a person)
    people: Counter = Counter()
    for key, kind in settled.items():
        if kind == "PER" and len(key.split()) > 1:
            for tok in {key.split()[0], key.split()[-1]}:
                people[tok] += sum(votes[key].values())
    for _, mention, name, _ in items:
        key = norm(name)
        kind = settled[key]
        if len(key.split()) == 1 and people[key] and not lookup(name) and key not in agencies() and \
                votes[key][kind] <= OUTVOTED * people[key]:
            kind = "PER"
        mention["type"] = kind


def _winner(key: str, counts: Counter) -> str:
    if key in agencies() or key in langs.all_words("entities", "institutions"):
        return "ORG"
    return max(counts, key=lambda kind: (counts[kind], kind == "PER"))
