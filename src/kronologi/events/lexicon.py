"""The event vocabulary of a language pack, expanded and indexed once per process.

``lexicon(lang)`` reads ``langs/<lang>/events.yaml``, expands roots and lemmas
(``morphology``) and indexes every phrase by its first word, so that one pass
over a sentence's words finds every trigger and cue (``PhraseIndex.find``):
no regex over thousands of alternatives, nothing built at import time.

Words are lower-cased runs of letters and digits joined by ``-`` or an
apostrophe (``huru-hara``, ``didn't``); an Indonesian word with a clitic
(``penangkapannya``) is looked up without it when the full form is unknown.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple

from kronologi import langs
from kronologi.events.morphology import english_forms, indonesian_forms
from kronologi.events.ontology import check_type

TOPIC = "events"
RUMOUR_LISTS = ("rumour", "rumour_denial", "rumour_stops", "rumour_news", "rumour_after")
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
_CLITICS = ("nya", "lah", "kah", "pun")

Words = list[tuple[int, int, str]]  # (start, end, normalised word)


@dataclass(frozen=True)
class Entry:
    """What a trigger phrase means: its type, whether it is a verb or a noun, and its context words."""

    type: str
    pos: str  # verb | noun
    context: tuple[tuple[str, ...], ...] = ()
    unless: tuple[tuple[str, ...], ...] = ()  # doers that make it no event of the type ("gempa merusak rumah")


class PhraseIndex:
    """Phrases (tuples of words) indexed by first word; ``find`` returns the longest match at each word."""

    def __init__(self) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], list[Any]]]] = {}

    def add(self, phrase: str, payload: Any = None) -> None:
        words = tuple(w.lower() for w in WORD_RE.findall(phrase))
        if not words:
            return
        bucket = self._first.setdefault(words[0], [])
        for known, payloads in bucket:
            if known == words:
                payloads.append(payload)
                return
        bucket.append((words, [payload]))
        bucket.sort(key=lambda item: -len(item[0]))

    def __contains__(self, word: str) -> bool:
        return word in self._first

    def find(self, words: list[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, list[Any]]]:
        """Every match ``(first word, last word + 1, payloads)`` in ``words[lo:hi]``, longest first per start."""
        hi = len(words) if hi is None else hi
        out = []
        for i in range(lo, hi):
            for phrase, payloads in self._first.get(words[i], ()):
                n = len(phrase)
                if i + n <= hi and tuple(words[i:i + n]) == phrase:
                    out.append((i, i + n, payloads))
                    break
        return out

    def words(self) -> set[str]:
        return {w for bucket in self._first.values() for phrase, _ in bucket for w in phrase}

    def first_words(self) -> Iterable[str]:
        """The words phrases start with (a cheap test before reading a text's words)."""
        return self._first.keys()


class Opening(NamedTuple):
    """How a sentence opens (``Lexicon.opening``)."""

    shifts: bool
    looks_back: bool
    refers_back: bool


@dataclass
class Lexicon:
    lang: str
    triggers: PhraseIndex
    not_triggers: PhraseIndex
    occurrence: PhraseIndex
    cues: dict[str, PhraseIndex]  # modality cue lists by name
    rumour_cues: dict[str, PhraseIndex]  # the rumour lists, kept apart: their words strip no clitic (``known``)
    windows: dict[str, int]
    location_prepositions: frozenset[str]
    verb_re: re.Pattern[str]
    summary_openers: PhraseIndex
    summary_breaks: PhraseIndex
    summary_max_words: int
    absorbing: frozenset[str]
    negation_skip: frozenset[str]
    not_cues: PhraseIndex
    function_words: frozenset[str]
    relative_markers: frozenset[str]
    since_markers: frozenset[str]
    until_markers: frozenset[str]  # a coming date after one ends a state or span ("diperpanjang hingga Senin")
    relay_words: frozenset[str]  # an "according to" cue with one of these names an outlet that relays, no source
    shift_markers: PhraseIndex
    earlier_markers: PhraseIndex  # openers that turn back to an earlier, unnamed time ("Sebelumnya, ...")
    pluperfect: PhraseIndex  # a perfect of the past ("had been sent"): a clause that turns back before the narration
    refer_back: frozenset[str]  # demonstratives that point to what the sentence before told ("Angka itu", "This figure")
    refer_within: int  # ... when among the sentence's first words (after the noun in Indonesian, before it in English)
    speaking_pronouns: frozenset[str]  # a pronoun subject that says ("He said ...") goes on with the last speaker
    speaking_within: int  # ... when a reporting verb follows within this many words
    adding_verbs: PhraseIndex  # "tambah dia", "she added": more of what the speaker was saying
    cause_markers: PhraseIndex  # phrases that open a cause
    after_markers: PhraseIndex  # words that open what a happening came after ("setelah", "after")
    toll_nouns: PhraseIndex
    toll_changes: PhraseIndex
    determiners: frozenset[str]
    heads_after: frozenset[str]  # words after an event noun that make it only describe ("disaster zone")
    heads_before: frozenset[str]  # ... before it ("lokasi gempa", "against the coup")
    scene_heads: frozenset[str]  # a place before a verb with its subject between ("lokasi kapal tenggelam")
    head_links: frozenset[str]  # words that may stand between ("the epicentre of the quake")
    not_actors: frozenset[str]
    passive_prefixes: tuple[str, ...]  # a verb form with one of these has its doer after it ("dirusak massa")
    passive_auxiliaries: frozenset[str]  # ... as has a verb after one of these ("were burned by")
    known: set[str] = field(default_factory=set)  # every word of every phrase (for clitic stripping)
    _normal: dict[str, str] = field(default_factory=dict)  # words normalised so far (a corpus has few distinct)

    def normalise(self, word: str) -> str:
        found = self._normal.get(word)
        if found is None:
            if len(self._normal) >= NORMAL_CACHE:
                self._normal.clear()
            found = self._normal[word] = self._normalised(word)
        return found

    def _normalised(self, word: str) -> str:
        word = word.lower().replace("’", "'")
        if self.lang == "id" and word not in self.known:
            for clitic in _CLITICS:
                if word.endswith(clitic) and word[: -len(clitic)] in self.known:
                    return word[: -len(clitic)]
        return word

    def tells_a_toll(self, text: str) -> bool:
        """Whether the sentence tells how a toll changed ("jumlah korban ... bertambah", "the death toll rose")."""
        norm = [w for _, _, w in self.words(text)]
        return bool(self.toll_nouns.find(norm)) and bool(self.toll_changes.find(norm))

    def opening(self, text: str) -> Opening:
        """How the sentence opens, read once: whether it turns to another happening ("Sementara itu",
        "Meanwhile"), turns back to an earlier time it does not name ("Sebelumnya, ...", "Earlier, ...":
        the day the article narrates is not its day), or points back at what the sentence before told
        ("Angka itu dicatat posko pada Rabu", "That figure was confirmed on Monday": it goes on about
        the same thing), or goes on with its speaker ("He said that ...", "Ia menambahkan ...").
        Only the first words are read, once per opening (the dating and the coreference both ask)."""
        return _opening(self.lang, text[:OPENING_CHARS])

    def _read_opening(self, text: str) -> Opening:
        words = [w for _, _, w in self.words(text)]
        shifts = any(i == 0 for i, _, _ in self.shift_markers.find(words))
        pointing = any(w in self.refer_back for w in words[: self.refer_within + 1])
        says_on = bool(words) and words[0] in self.speaking_pronouns \
            and any(i <= self.speaking_within for i, _, _ in self.cues["reporting"].find(words[1:]))
        return Opening(shifts=shifts,
                       looks_back=any(i == 0 for i, _, _ in self.earlier_markers.find(words)),
                       refers_back=not shifts and (pointing or says_on))

    def adds_on(self, text: str) -> bool:
        """Whether the sentence is attributed as more of what its speaker was saying: an adding verb right
        after a closing quote ('"...," tambah dia', '"...," she added') or among its first words ("He added
        that ...", "Ia menambahkan, ...")."""
        lowered = text.lower()
        if not any(first in lowered for first in self.adding_verbs.first_words()):
            return False  # most sentences hold none: no need to read their words
        words = self.words(text)
        norm = [w for _, _, w in words]
        for i, _, _ in self.adding_verbs.find(norm):
            if 0 < i <= ADDING_OPENING and norm[0] in self.speaking_pronouns:
                return True
            quote = max(text.rfind(q, 0, words[i][0]) for q in _CLOSING_QUOTES)
            if quote >= 0 and len(WORD_RE.findall(text, quote, words[i][0])) <= ADDING_OPENING:
                return True
        return False

    def shifts(self, text: str) -> bool:
        """Whether the sentence opens with a marker that turns to another happening."""
        return self.opening(text).shifts

    def words(self, text: str, start: int = 0, end: int | None = None) -> Words:
        end = len(text) if end is None else end
        return [(m.start(), m.end(), self.normalise(m.group())) for m in WORD_RE.finditer(text, start, end)]


OPENING_CHARS = 60  # how much of a sentence its opening is read from
NORMAL_CACHE = 1 << 18  # distinct words whose normal form a lexicon keeps (then it starts again)


@functools.lru_cache(maxsize=1 << 14)
def _opening(lang: str, head: str) -> Opening:
    return lexicon(lang)._read_opening(head)


ADDING_OPENING = 2  # an adding verb among the first words ("Ia juga menambahkan") attributes the sentence
_CLOSING_QUOTES = "\"”’'»"


@functools.lru_cache(maxsize=None)
def lexicon(lang: str | None) -> Lexicon:
    """The expanded, indexed vocabulary of ``langs/<lang>/events.yaml`` (cached per process)."""
    lang = langs.normalise_lang(lang)
    data = langs.load(lang, TOPIC)
    modality = data.get("modality") or {}
    lex = Lexicon(
        lang=lang,
        triggers=_triggers(data, lang),
        not_triggers=_index(data.get("not_triggers")),
        occurrence=_index(data.get("occurrence")),
        cues={name: _index(modality.get(name)) for name in
              ("negation", "hypothetical", "possible", "future", "hearsay", "reporting", "according",
               "attribution")},
        rumour_cues={name: _index(modality.get(name)) for name in RUMOUR_LISTS},
        windows={"context": int(data.get("context_window", 8)),
                 "occurrence": int(data.get("occurrence_window", 3)),
                 "negation": int(modality.get("negation_window", 3)),
                 "modal": int(modality.get("modal_window", 3)),
                 "future": int(modality.get("future_window", 5)),
                 "rumour": int(modality.get("rumour_window", 0))},
        location_prepositions=_lower(data.get("location_prepositions")),
        verb_re=re.compile(data.get("verb_pattern") or r"(?!x)x"),
        summary_openers=_index(data.get("summary_openers")),
        summary_breaks=_index(data.get("summary_breaks")),
        summary_max_words=int(data.get("summary_max_words", 28)),
        absorbing=_lower(data.get("absorbing")),
        negation_skip=_lower(modality.get("negation_skip")),
        not_cues=_index(modality.get("not_cues")),
        function_words=langs.words(lang, "clean", "function_words"),
        relative_markers=_lower(data.get("relative_markers")),
        since_markers=_lower(data.get("since_markers")),
        until_markers=_lower(data.get("until_markers")),
        relay_words=_lower(data.get("relay_words")),
        toll_nouns=_index(data.get("toll_nouns")),
        toll_changes=_index(data.get("toll_changes")),
        cause_markers=_index(data.get("cause_markers")),
        after_markers=_index(data.get("after_markers")),
        shift_markers=_index(data.get("shift_markers")),
        earlier_markers=_index(data.get("earlier_markers")),
        pluperfect=_index(data.get("pluperfect")),
        passive_prefixes=tuple(str(w).lower() for w in (data.get("passive") or {}).get("prefixes") or ()),
        passive_auxiliaries=_lower((data.get("passive") or {}).get("auxiliaries")),
        refer_back=_lower((data.get("refer_back") or {}).get("words")),
        refer_within=int((data.get("refer_back") or {}).get("within", 0)),
        speaking_pronouns=_lower((data.get("speaking_pronouns") or {}).get("words")),
        speaking_within=int((data.get("speaking_pronouns") or {}).get("within", 0)),
        adding_verbs=_index(data.get("adding_verbs")),
        determiners=_lower(data.get("determiners")),
        heads_after=_lower((data.get("compound_heads") or {}).get("after")),
        heads_before=_lower((data.get("compound_heads") or {}).get("before")),
        scene_heads=_lower((data.get("compound_heads") or {}).get("scenes")),
        head_links=_lower((data.get("compound_heads") or {}).get("links")),
        not_actors=_lower(data.get("not_actors")) | _agencies(),
    )
    lex.known = lex.triggers.words() | lex.occurrence.words() | set().union(*(c.words() for c in lex.cues.values()))
    return lex


def _agencies() -> frozenset[str]:
    """The agencies of every pack's outlets list (credits name the same agencies everywhere)."""
    return frozenset(str(k).lower() for lang in langs.SUPPORTED
                     for k in (langs.load(lang, "outlets").get("agencies") or {}))


def _lower(words: Iterable[str] | None) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words or ())


def _index(phrases: Iterable[str] | None, payload: Any = None) -> PhraseIndex:
    index = PhraseIndex()
    for phrase in phrases or ():
        index.add(str(phrase), payload)
    return index


def _triggers(data: dict[str, Any], lang: str) -> PhraseIndex:
    """Every trigger form -> its entries; groups with context words come first (they are tried first)."""
    index = PhraseIndex()
    morph = data.get("morphology") or {}
    groups = [(check_type(name), group) for name, groups in (data.get("types") or {}).items() for group in groups]
    groups.sort(key=lambda item: not item[1].get("context"))
    for type_name, group in groups:
        context = tuple(tuple(WORD_RE.findall(str(c).lower())) for c in group.get("context") or ())
        unless = tuple(tuple(WORD_RE.findall(str(c).lower())) for c in group.get("unless") or ())
        for form, pos in _forms(group, lang, morph):
            index.add(form, Entry(type_name, pos, context, unless))
    return index


def _forms(group: dict[str, Any], lang: str, morph: dict[str, Any]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for pos in ("verb", "noun"):
        for phrase in group.get(pos + "s") or ():
            phrase = str(phrase).lower()
            forms = english_forms(phrase, pos, morph) if lang == "en" else {phrase}
            out |= {(form, pos) for form in forms}
    for root in group.get("roots") or ():
        verbs, nouns = indonesian_forms(str(root).lower(), morph)
        out |= {(v, "verb") for v in verbs} | {(n, "noun") for n in nouns}
    return out
