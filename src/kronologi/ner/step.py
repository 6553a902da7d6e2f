"""The pipeline step ``entities``: named-entity mentions of the cleaned text, from the packaged model.

Each sentence of ``doc.sentences`` is tokenized with Kronologi's tokenizer (the
offsets index into ``doc.text``), tagged by the model for the document's
language, and every PER / ORG / LOC span becomes one mention in
``doc.mentions``: ``{start, end, text, type, sentence, source: "model"}``.
Mentions from other sources (gazetteers, rules) are kept; the step's own are
replaced, so running it twice gives the same result.

English has no packaged model (none trustworthy is installable here, and no
open English NER data is reachable offline): it gets the mentions of the rules
in ``kronologi.entities.english`` (source ``rules.en``). Other languages without
a model are left as they are.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from kronologi import langs
from kronologi.document import Document
from kronologi.entities.gazetteer import find_places, lookup
from kronologi.entities.names import split_role
from kronologi.ner.model import has_model, tag_sentences
from kronologi.ner.score import spans
from kronologi.text.tokens import tokenize

SOURCE = "model"
GAZETTEER = "gazetteer"  # places the model missed, found by name
ENGLISH_RULES = "rules.en"  # kronologi.entities.english, while no English model can be had
INITIALS = "rules.initials"  # a person's initials given an age ("AS (32)"), where no mention covers them
TITLES = "rules.titles"  # a whole name after a title and a place, where the model missed it or kept a part


class EntitiesStep:
    name = "entities"
    version = "8"  # 3: military and police ranks are titles ("Marsekal Madya", "Laksamana Muda", "Rear Admiral")
    # 4: English "Title of Place Name" is a person with that role ("President of Kazakhstan X", "Minister of Health X");
    # initials given an age are a person ("AS (32)"), and so are their later uses alone; after a title and a known
    # place, the whole name where the model kept a part or missed it ("Perdana Menteri Jepang Fumio Kishida")
    # 5: English: a clock's marker ("1:45 PM") and a named storm ("Typhoon X") are no names; "Port X", "Mount X"
    # are places; any one capitalised word before a title is part of the role ("Philippine President X")
    # 6: English names never start with "on" ("On Friday" is no person): the word YAML read as a boolean
    # 7: a tagged name loses the lower-case words it ends on ("Dinas Kesehatan per" before "Kamis")
    # 8: English: people named by their part in a disaster or accident ("Survivor X", "Fisherman X", "Passenger X")
    # have it as a role, not as the first word of their name

    def __init__(self, options: dict[str, Any] | None = None):
        self._tagged: dict[int, tuple[list, list]] = {}  # id(doc) -> (token offsets, tags), from prepare()

    def prepare(self, docs: list[Document]) -> None:
        """Tag the sentences of a whole batch in one call per language (bigger matrices for
        the network: about a tenth faster than article by article)."""
        self._tagged = {}
        by_lang: dict[str, list[Document]] = {}
        for doc in docs:
            lang = langs.normalise_lang(doc.language)
            if doc.text.strip() and has_model(lang):
                by_lang.setdefault(lang, []).append(doc)
        for lang, group in by_lang.items():
            offsets = [_token_offsets(doc) for doc in group]
            flat = [[doc.text[s:e] for s, e in toks] for doc, doc_offsets in zip(group, offsets)
                    for toks in doc_offsets]
            tags = iter(tag_sentences(flat, lang))
            for doc, doc_offsets in zip(group, offsets):
                self._tagged[id(doc)] = (doc_offsets, [next(tags) for _ in doc_offsets])

    def __call__(self, doc: Document) -> Document:
        lang = langs.normalise_lang(doc.language)
        kept = [m for m in doc.mentions if m.get("source") not in (SOURCE, ENGLISH_RULES)]
        prepared = self._tagged.pop(id(doc), None)
        kept = [m for m in kept if m.get("source") not in (GAZETTEER, INITIALS, TITLES)]
        if not doc.text.strip():
            doc.mentions = kept
        elif has_model(lang):
            doc.mentions = kept + find_mentions(doc, lang, prepared)
        elif lang == "en":  # no English model can be had here yet: rules (kronologi.entities.english)
            from kronologi.entities.english import english_mentions

            doc.mentions = kept + english_mentions(doc.text, [(s.start, s.end) for s in doc.sentences])
        else:
            doc.mentions = kept
        doc.mentions += place_mentions(doc)
        if lang == "id":
            doc.mentions = titled_persons(doc)
        doc.mentions = anonymised_persons(doc)
        return doc


_CAPITALISED_RUN = re.compile(r"(?<![\w-])[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)+")


def titled_persons(doc: Document) -> list[dict[str, Any]]:
    """``Perdana Menteri Jepang Fumio Kishida``, ``Presiden Turki Aylin Demir Kaya``: after a title and the
    country or place it is of, two to four capitalised words are a person's whole name, where the model,
    trained on Indonesian names, misses a foreign one or keeps a part of it ("Kaya"). The name becomes one
    person mention (source ``rules.titles``) in place of the model's part of it. Only after a known place: a
    title's other words ("Menteri Keuangan", "Kepala Pusat Data") cannot be told from a name's by their form,
    and a word the model tagged as something else (a regency: "Bupati Cianjur ...") stays out of any name."""
    out = doc.mentions
    starts = [s.start for s in doc.sentences]
    for run in _CAPITALISED_RUN.finditer(doc.text):
        found = _titled_name(run.group())
        if found is None:
            continue
        start = run.start() + found[0]
        end = start + len(found[1])
        inside = [m for m in out if start < m["end"] and m["start"] < end]
        if any(m["start"] == start and m["end"] == end or m.get("type") != "PER" or m["start"] < start
               or m["end"] > end for m in inside):
            continue  # the model has the name, or read the words otherwise
        out = [m for m in out if m not in inside] + [
            {"start": start, "end": end, "text": found[1], "type": "PER", "role": found[2],
             "sentence": bisect.bisect_right(starts, start) - 1 if starts else None, "source": TITLES}]
    return out if out is doc.mentions else sorted(out, key=lambda m: (m["start"], m["end"]))


def _titled_name(run: str) -> tuple[int, str, str] | None:
    """(offset in ``run``, name, role) when the run is a title, a known place, then a name of 2-4 words."""
    name, role = split_role(run)
    if not role:
        return None
    words, titled = name.split(), role.split()
    place = next((k for k in range(min(3, len(words) - 2), 0, -1) if lookup(" ".join(words[:k]))), 0)
    placed = place or any(lookup(" ".join(titled[-k:])) for k in range(1, min(3, len(titled) - 1) + 1))
    if not placed:  # "Presiden Kazakhstan" may come whole from the title's own pattern
        return None
    role, words = " ".join([*titled, *words[:place]]), words[place:]
    if not 2 <= len(words) <= 4 or any(lookup(w) or w.isupper() for w in words):
        return None
    text = " ".join(words)
    return run.rindex(text), text, role


_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)[ \t]+$")


def _alone(text: str, start: int) -> bool:
    """Initials not read as part of a capitalised name before them ("Presiden AS Joe Biden": the country)."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is None or not before.group(1)[0].isupper()


# Initials with an age in brackets: how news names a suspect or a victim it does not name in full ("AS (32)").
_INITIALS_AGE = re.compile(r"(?<![\w.])([A-Z]{1,3})\s?\((\d{1,2})(?:\s?(?:tahun|th|thn|years?|yrs?))?\)")


def anonymised_persons(doc: Document) -> list[dict[str, Any]]:
    """``Polisi menangkap AS (32)``: initials given an age are a person, wherever the article writes them
    ("AS dijerat ..."), though the same letters name a country elsewhere (``AS``: Amerika Serikat). Each
    mention of those initials becomes a person (``type`` PER, ``initials`` true); each use no mention
    covers is added as one."""
    initials = {m.group(1) for m in _INITIALS_AGE.finditer(doc.text)}
    if not initials:
        return doc.mentions
    taken = [(m["start"], m["end"]) for m in doc.mentions]
    out = [{**m, "type": "PER", "initials": True} if m.get("text") in initials and _alone(doc.text, m["start"])
           else m for m in doc.mentions]
    starts = [s.start for s in doc.sentences]
    for m in re.finditer(rf"(?<![\w.])(?:{'|'.join(sorted(initials))})(?![\w.])", doc.text):
        if _alone(doc.text, m.start()) and not any(a < m.end() and m.start() < b for a, b in taken):
            out.append({"start": m.start(), "end": m.end(), "text": m.group(), "type": "PER", "initials": True,
                        "sentence": bisect.bisect_right(starts, m.start()) - 1 if starts else None,
                        "source": INITIALS})
    return sorted(out, key=lambda m: (m["start"], m["end"]))


def place_mentions(doc: Document) -> list[dict[str, Any]]:
    """Known places (countries, capitals, major cities: ``kronologi.entities.gazetteer``) that
    no mention covers yet: the gazetteer layer under the model."""
    taken = [(m["start"], m["end"]) for m in doc.mentions]
    starts = [s.start for s in doc.sentences]
    return [{"start": start, "end": end, "text": doc.text[start:end], "type": "LOC",
             "sentence": bisect.bisect_right(starts, start) - 1 if starts else None, "source": GAZETTEER}
            for start, end, _ in find_places(doc.text, taken)]


def _token_offsets(doc: Document) -> list[list[tuple[int, int]]]:
    bounds = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    return [tokenize(doc.text, start, end) for start, end in bounds]


def find_mentions(doc: Document, lang: str, prepared: tuple[list, list] | None = None) -> list[dict[str, Any]]:
    """The model's mentions in ``doc.text``, sentence by sentence, in text order
    (``prepared``: the token offsets and tags ``EntitiesStep.prepare`` computed)."""
    if prepared is None:
        offsets = _token_offsets(doc)
        tagged = tag_sentences([[doc.text[s:e] for s, e in toks] for toks in offsets], lang)
    else:
        offsets, tagged = prepared
    mentions = []
    for index, (toks, tags) in enumerate(zip(offsets, tagged, strict=True)):
        for label, first, last in sorted(spans(tags), key=lambda span: span[1]):
            while last - first > 1 and doc.text[toks[last - 1][0]:toks[last - 1][1]].islower():
                last -= 1  # "Dinas Kesehatan per (Kamis)": a name never ends on a lower-case word
            start, end = toks[first][0], toks[last - 1][1]
            mentions.append({"start": start, "end": end, "text": doc.text[start:end], "type": label,
                             "sentence": index if doc.sentences else None, "source": SOURCE})
    return mentions
