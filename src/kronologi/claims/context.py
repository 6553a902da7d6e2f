"""What the claims of one document are read against: sentences, paragraphs, times, people, relays.

:class:`Context` is built once per document. It answers the questions both
figures and quotes ask: which sentence and paragraph a position is in, which
time expressions to ignore in a speaker phrase, who the last person to speak
or be introduced before a position was (pronouns: ``katanya``, ``ia``, ``he``),
the fullest form of a short name (``Nico`` -> ``Nico Afinta``), and which agency
relayed a passage (``seperti dikutip Reuters``, the article's credits).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from kronologi import langs
from kronologi.claims import anonymous, attribution, vocab
from kronologi.claims.names import Speaker, runs, speaker
from kronologi.claims.quotes import find_quotes, paragraphs_of
from kronologi.claims.referents import (body_anaphor, definite_core, pointed_role, qualified_role, read_referents,
                                        role_titles)
from kronologi.claims.spans import SortedSpans
from kronologi.entities.gazetteer import lookup
from kronologi.entities.names import split_role

_INTRO = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s")
_RECALL = 3  # paragraphs a pronoun may reach back
_MENTION_REACH = 200  # person mentions a pronoun may reach back (bounds the walk in a one-paragraph text)


class Context:
    def __init__(self, text: str, lang: str, sentences: list[tuple[int, int]], times: list[dict[str, Any]],
                 mentions: list[dict[str, Any]] = (), credits: list[str] = (), zone: str = "+07:00",
                 headings: list[tuple[int, int]] = ()):
        self.text, self.lang, self.zone = text, langs.normalise_lang(lang), zone
        self.sentences = sentences or [(0, len(text))]
        self._starts = [s for s, _ in self.sentences]
        self.paragraphs = paragraphs_of(text)
        self._pstarts = [s for s, _ in self.paragraphs]
        self.times = sorted(times, key=lambda t: t["start"])  # in text order (dating bisects them)
        self.time_spans = SortedSpans((t["start"], t["end"]) for t in times)
        self.credits = list(credits)
        self.quoted = [(q.start, q.end) for q in find_quotes(text, self.lang)]
        # No antecedent hides in a quote (someone else's words) or a heading (a headline capitalises every word:
        # "Longsor Susulan" reads as a name and is none).
        self.headings = sorted(headings)
        self._hiding = _union(self.quoted + self.headings)
        self.people: list[tuple[int, str]] = []  # (position, name) of people who speak or are introduced
        persons = [(m, _person_name(m["text"], self.lang)) for m in mentions if m.get("type") == "PER"]
        self._mentions = [(m["start"], name) for m, name in persons if name and not self._in_heading(m["start"])]
        self._spans = [(m["start"], m["end"], name) for m, name in persons if name]
        self.refs = read_referents(text, self.lang, self._hiding)
        self.spoke: list[tuple[int, str, str]] = []  # (position, name, kind) of every speaker so far
        for m in mentions:
            if m.get("type") == "ORG" and not self.hidden(m["start"]):
                self.refs.add_body(m["start"], m["text"])
        for m in _agency_regex().finditer(text):  # "told Reuters": an outlet a later "the news agency" goes back to
            if m.group(0)[:1].isupper() and not self.hidden(m.start()):  # "Antara", not "antara"
                self.refs.add_body(m.start(), m.group(0))
        self._scan_people()
        named = [(at, name) for at, name in _full_names(text, self.lang) if not self.hidden(at)]
        self.names = tuple(n for _, n in self.people) + tuple(n for _, n in self._mentions) + tuple(n for _, n in named)
        self._mentions = sorted(self._mentions + list(named))

    # --- where ---------------------------------------------------------------
    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_at(pos)]

    def paragraph_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._pstarts, pos) - 1)

    # --- who -----------------------------------------------------------------
    def _scan_people(self) -> None:
        for p0, p1 in self.paragraphs:
            m = _INTRO.match(self.text, p0, p1)
            if m:
                self._add_person(p0, m.group("name"))
        cues = (vocab.regex(self.lang, "reporting_verbs"), vocab.regex(self.lang, "according_to"))
        for k, cue in enumerate(cues):
            for verb in cue.finditer(self.text):
                self._note_subject(verb, according=k == 1)
        self.people.sort()

    def _note_subject(self, verb: re.Match[str], according: bool) -> None:
        """Who is said to speak at a reporting verb (``X mengatakan``) or after ``menurut``: a person or a body."""
        s0, s1 = self.sentence_span(verb.start())
        if according:
            found = attribution.according(self.text, self.lang, verb.start(), s1)
        else:
            found = attribution.before(self.text, self.lang, s0, verb.end(), self.time_spans)
            comma = self.text.rfind(",", s0, verb.start())
            if (not found or found.speaker.kind != "person") and comma >= 0:  # "..., Sigit said."
                found = attribution.after(self.text, self.lang, comma, verb.end()) or found
        if not found or self.hidden(found.start):
            return
        if found.speaker.kind == "person":
            self.people.append((found.start, found.speaker.name))
        elif _named_body(found.speaker):
            self.refs.add_body(found.start, found.speaker.name)

    def _place(self, name: str) -> bool:
        """Whether the text calls ``name`` a place somewhere ("Kabupaten Demak")."""
        places = self.__dict__.get("_places")
        if places is None:  # every name the text calls a place, read once
            places = self.__dict__["_places"] = {m.group("name") for m in _place_regex(self.lang).finditer(self.text)}
        return name in places

    def _located(self, word: str) -> bool:
        """Whether the text puts ``word`` after a preposition of place (``di Ardania``, ``in Ardania``)."""
        preps = vocab.alternation(vocab.phrases(self.lang, "place_prepositions"))
        return bool(preps) and re.search(rf"(?<![\w])(?:{preps})\s+{re.escape(word)}(?![\w])", self.text) is not None

    def hidden(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quote or a heading, where no antecedent is taken from (the quotes and
        headings as disjoint spans: nested quotes lie inside their parents)."""
        i = bisect.bisect_right(self._hiding, (pos, float("inf"))) - 1
        return i >= 0 and self._hiding[i][0] <= pos < self._hiding[i][1]

    def _in_heading(self, pos: int) -> bool:
        i = bisect.bisect_right(self.headings, (pos, float("inf"))) - 1
        return i >= 0 and self.headings[i][0] <= pos < self.headings[i][1]

    def _add_person(self, pos: int, phrase: str) -> None:
        found = speaker(phrase, self.lang)
        if found and found.kind == "person":
            self.people.append((pos, found.name))

    def note_speaker(self, pos: int, name: str) -> None:
        """A person just named as a speaker (quotes are attributed in text order)."""
        bisect.insort(self.people, (pos, name))

    def note_spoke(self, pos: int, name: str, kind: str) -> None:
        """Anyone who just spoke (a person or a body): ``they``/``mereka`` may go back to a body."""
        self.spoke.append((pos, name, kind))
        if kind != "person" and _named_body(Speaker(name, kind)):
            self.refs.add_body(pos, name)

    def _floor(self, pos: int) -> int:
        return self._pstarts[max(0, self.paragraph_at(pos) - _RECALL)]

    def recall_floor(self, pos: int) -> int:
        """The start of the furthest paragraph a pronoun at ``pos`` may reach back to."""
        return self._floor(pos)

    def last_person(self, pos: int) -> str | None:
        """The last person who spoke or was introduced before ``pos``, within a few paragraphs."""
        floor = self._pstarts[max(0, self.paragraph_at(pos) - _RECALL)]
        i = bisect.bisect_left(self.people, (pos, ""))
        spoke = self.people[i - 1] if i and self.people[i - 1][0] >= floor else None
        named = self._last_mention(floor, pos)
        if spoke and named and named[0] > spoke[0] and self._recent(named[0], pos) \
                and not self._recent(spoke[0], pos):
            return named[1]  # a person named just before outweighs a speaker further back
        if spoke:
            return spoke[1]
        if named:
            return named[1]
        speakers = (name for at, name, kind in reversed(self.spoke) if at < pos and kind == "person")
        return next(speakers, None)  # further back: the last person who spoke

    def _last_mention(self, floor: int, pos: int) -> tuple[int, str] | None:
        """The last person mention in ``[floor, pos)`` that reads as a name (walked back from ``pos``)."""
        i = bisect.bisect_left(self._mentions, (pos, ""))
        for at, name in reversed(self._mentions[max(0, i - _MENTION_REACH):i]):
            if at < floor:
                return None
            if _a_name(name, self.lang):
                return at, name
        return None

    def _recent(self, at: int, pos: int) -> bool:
        return self.sentence_at(at) >= self.sentence_at(pos) - 1

    def last_person_between(self, start: int, end: int) -> str | None:
        """The last person who spoke or was introduced in ``[start, end)``."""
        i = bisect.bisect_left(self.people, (end, ""))
        found = self.people[i - 1] if i and self.people[i - 1][0] >= start else None
        return self.full_name(found[1]) if found else None

    def first_person_in(self, start: int, end: int) -> str | None:
        for found in (self.people, self._mentions):  # both sorted by position
            i = bisect.bisect_left(found, (start, ""))
            if i < len(found) and found[i][0] < end:
                return self.full_name(found[i][1])
        return None

    def resolve(self, found: Speaker, pos: int, span: tuple[int, int] | None = None) -> str | None:
        """The name a speaker stands for: a pronoun's person, a short name's fullest form.

        When the entity layer found a person inside the speaker phrase (``span``), its words win.
        """
        tagged = self._tagged_in(span)
        name = max(tagged, key=len) if tagged and found.kind != "pronoun" else found.name
        if (tagged or found.kind == "person") and " " not in name and span and self._place(name):
            return " ".join(self.text[span[0]:span[1]].split())  # "Kepala BPBD Demak", Demak a regency
        if tagged and found.kind != "pronoun":
            return (found.kind == "person" and self._role_holder(found, pos)) or self.full_name(name, pos)
        if found.kind == "pronoun":
            return self._pronoun(found, pos)
        if found.kind == "anonymous":
            return anonymous.describe(self, found.name, pos)
        if found.kind == "person":
            return self._role_holder(found, pos) or self.full_name(found.name, pos)
        return self._description(found.name, pos)

    def _role_holder(self, found: Speaker, pos: int) -> str | None:
        """``Presiden Ardania``: a title and one word that is no one's name but the place or body the title
        belongs to (a known place, a word of a holder's role, or a word the text puts after ``di``/``in``);
        its holder named before speaks."""
        if not found.role or " " in found.name or not role_titles(found.role.split()[-1], self.lang):
            return None
        word = found.name
        if not (lookup(word) or self._place(word) or self.refs.qualifies_a_role(word) or self._located(word)):
            return None
        holder = self.refs.holder(role_titles(found.role.split()[-1], self.lang), pos, word)
        return self.full_name(holder[1]) if holder else None

    def _tagged_in(self, span: tuple[int, int] | None) -> list[str]:
        """The names of the person mentions inside ``span`` (mentions sorted by start once; bisected)."""
        if not span:
            return []
        spans = self.__dict__.get("_sorted_spans")
        if spans is None:
            spans = self.__dict__["_sorted_spans"] = sorted(self._spans, key=lambda m: m[0])
        i = bisect.bisect_left(spans, span[0], key=lambda m: m[0])
        out = []
        while i < len(spans) and spans[i][0] < span[1]:
            if spans[i][1] <= span[1]:
                out.append(spans[i][2])
            i += 1
        return out

    def _pronoun(self, found: Speaker, pos: int) -> str | None:
        """A person's pronoun goes to the last person; ``it`` to the last body; ``they`` to a body that just spoke."""
        if found.body:
            return self.refs.last_body(pos, self._floor(pos))
        if found.plural:
            last = [(name, kind) for at, name, kind in self.spoke if self._floor(pos) <= at < pos]
            return last[-1][0] if last and last[-1][1] != "person" else None
        person = self.last_person(pos)
        return self.full_name(person) if person else None

    def _description(self, phrase: str, pos: int) -> str:
        """A body or role named without its name (``the NGO``, ``kepala negara``): whom it stands for, if told."""
        kind = body_anaphor(phrase, self.lang)
        if kind:  # "the news organisation" is an outlet; "the agency" is not
            return self._named_alike(phrase, pos) or self.refs.last_body(
                pos, self._floor(pos), media=kind == "media") or phrase
        titles, qualifier = qualified_role(phrase, self.lang)
        holder = self.refs.holder(titles, pos, qualifier) if titles else None
        if holder:
            return self.full_name(holder[1])
        if pointed_role(phrase, self.lang):  # "Kepala Kantor SAR X itu": the person just named, whose title it is
            person = self.last_person(pos)
            if person:
                return self.full_name(person)
        return self.refs.body_name(phrase)

    def _named_alike(self, phrase: str, pos: int) -> str | None:
        """``lembaga tersebut``, ``the agency``: the last name before ``pos`` (within a few paragraphs) that the text
        gives a body of that noun (``Lembaga Pemantau Air Seruni``, ``the Riverwatch Agency``), spoken or not."""
        noun = (definite_core(phrase, self.lang) or "").split()[-1:]
        if not noun:
            return None
        floor = self._floor(pos)
        found = None
        for start, end in runs(self.text[floor:pos]):
            words = self.text[floor + start:floor + end].split()
            words = words[1:] if words[0] in ("The", "the") else words
            if len(words) > 1 and noun[0] in (words[0].lower(), words[-1].lower()) and not self.hidden(floor + start):
                found = " ".join(words)
        return self.refs.body_name(found) if found else None

    def full_name(self, name: str, pos: int | None = None) -> str:
        """``Nico`` -> ``Nico Afinta`` when the document names someone so (or ``Kang Budi`` -> ``Budi Santoso``
        when it gives him that name), else ``name``. A short name two people share (a father and his daughter,
        "Kessler") stands, at ``pos``, for the one of them named last before it."""
        name = self.refs.aliases.get(name, name)
        best = _fullest(name, self.names, self._names_by_word())
        if pos is None or best == name:
            return best
        tokens = name.split()
        others = {n for n in self._names_by_word().get(tokens[0], []) if n != name
                  and _contains(n.split(), tokens) and not _contains(best.split(), n.split())}
        rivals = {n for n in others if not any(o != n and _contains(o.split(), n.split()) for o in others)}
        if not rivals:
            return best
        last = {n: at for at, n in sorted(self._mentions + self.people) if at < pos and n in rivals | {best}}
        return max(last, key=last.__getitem__) if last else best

    def _names_by_word(self) -> dict[str, list[str]]:
        """Each word of ``names`` -> the names holding it, in order (built once per ``names``)."""
        cached = self.__dict__.get("_by_word")
        if cached is None or cached[0] is not self.names:
            index: dict[str, list[str]] = {}
            for other in dict.fromkeys(self.names):
                for word in dict.fromkeys(other.split()):
                    index.setdefault(word, []).append(other)
            cached = self.__dict__["_by_word"] = (self.names, index)
        return cached[1]

    # --- relayed by ------------------------------------------------------------
    def via(self, start: int, end: int) -> str | None:
        """The agency a passage credits (``seperti dikutip Reuters``), else the article's credits."""
        m = _relay_regex(self.lang).search(self.text, start, end)
        if m:
            return _agencies()[" ".join(m.group("name").lower().split())]
        return ", ".join(self.credits) or None


def _a_name(name: str, lang: str) -> bool:
    return _person_name(name, lang) is not None


def _person_name(mention: str, lang: str) -> str | None:
    """The name in a person mention of the entity layer, without title, role or possessive
    (``Kepala Basarnas Dedi Kurnia`` -> ``Dedi Kurnia``); None when it reads as no person (``BNPB``)."""
    name, _ = split_role(mention)
    found = speaker(name, lang)
    return found.name if found and found.kind == "person" else None


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the same positions as ``spans``."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _named_body(found: Speaker) -> bool:
    """A body with a name (``LPF``, ``Komisi Pemilihan Umum``), not ``the ministry``."""
    words = found.name.split()
    return found.kind in ("org", "group") and any(w[:1].isupper() for w in words[1:] or words) \
        and not found.plural


def _full_names(text: str, lang: str) -> list[tuple[int, str]]:
    """Every name of two words or more the text gives a person (``Gianni Infantino``), with its position."""
    out = []
    for start, end in runs(text):
        if " " in text[start:end].strip():
            found = speaker(text[start:end], lang)
            if found and found.kind == "person" and " " in found.name:
                out.append((start, found.name))
    return out


def _fullest(name: str, names: tuple[str, ...], by_word: dict[str, list[str]] | None = None) -> str:
    tokens = name.split()
    best = name
    for other in (by_word.get(tokens[0], []) if by_word is not None and tokens else names):
        words = other.split()
        if len(words) > len(best.split()) and _contains(words, tokens):
            best = other
    return best


def _contains(words: list[str], tokens: list[str]) -> bool:
    n = len(tokens)
    return any(words[i:i + n] == tokens for i in range(len(words) - n + 1))


@functools.lru_cache(maxsize=None)
def _place_regex(lang: str) -> re.Pattern[str]:
    words = vocab.alternation(vocab.phrases(lang, "place_words"))
    return re.compile(rf"(?i)(?<![\w])(?:{words})\s+(?P<name>[A-Z][\w'’-]*)")


@functools.lru_cache(maxsize=None)
def _agencies() -> dict[str, str]:
    from kronologi.clean.dateline import agencies

    return agencies()


@functools.lru_cache(maxsize=None)
def _agency_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{vocab.alternation(_agencies())})(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _relay_regex(lang: str) -> re.Pattern[str]:
    cues = vocab.alternation(vocab.phrases(lang, "relay_cues"))
    names = vocab.alternation(_agencies())
    return re.compile(rf"(?<![\w])(?:{cues})\s+(?:dari\s+|the\s+|kantor\s+berita\s+)?(?P<name>{names})(?![\w-])",
                      re.IGNORECASE)
