"""What a speaker phrase that is not a full name stands for, read once per document.

* another name the text gives a person: ``Joko Widodo (Jokowi)``, ``Budi Santoso atau akrab disapa Kang Budi``,
  ``Kemal Arslan, known as Kemo``: the short name speaks for the full one;
* an acronym defined with its long form: ``League for Press Freedom (LPF)``: both
  are one speaker, named ``long form (ACRONYM)``;
* a role named instead of its holder: ``ujar kepala negara``, ``kata sang gubernur``, ``the prime minister said``:
  the last person the text gave that title (``Presiden Joko Widodo``);
* a body named again without its name: ``ucap grup tersebut``, ``said the NGO``: the last named body.

The vocabularies (``alias_cues``, ``role_synonyms``, ``generic_bodies``, ``definite_before``/``after``) are in
the claims packs. Positions are offsets into the text; words inside quotes name no referent.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from kronologi import langs
from kronologi.claims import vocab
from kronologi.claims.names import is_agency, speaker
from kronologi.claims.spans import Covered
from kronologi.entities.acronyms import spelled_tail
from kronologi.entities.english import role_of

_NAME = r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,4}"
_BRACKET_ALIAS = re.compile(rf"(?P<full>{_NAME})[ \t]*\((?P<alias>[A-Z][a-z][\w'’-]+)\)")
_LONG_FORM = re.compile(r"(?P<long>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|for|of|on|untuk|dan|and|&|di|the)){1,9})"
                        r"[ \t]*\((?P<acr>[A-Z][A-Za-z&.-]{1,11})\)")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


@dataclass
class Referents:
    aliases: dict[str, str] = field(default_factory=dict)  # "Kang Budi" -> "Budi Santoso"
    acronyms: dict[str, str] = field(default_factory=dict)  # "LPF" -> "League for Press Freedom (LPF)"
    long_forms: dict[str, str] = field(default_factory=dict)  # "assistance association ..." -> the same canonical
    roles: list[tuple[int, str, str]] = field(default_factory=list)  # (position, role in lower case, name)
    bodies: list[tuple[int, str]] = field(default_factory=list)  # (position, name) of named bodies

    def add_body(self, pos: int, name: str) -> None:
        bisect.insort(self.bodies, (pos, self.body_name(name)))

    def body_name(self, name: str) -> str:
        """One name for a body the text names by acronym and long form: ``long form (ACRONYM)``."""
        bare = _LEADING_THE.sub("", name.strip())
        if bare in self.acronyms:
            return self.acronyms[bare]
        for acr, canonical in self.acronyms.items():
            if f"({acr})" in bare:
                return canonical
        low = " ".join(bare.lower().split())
        for long, canonical in self.long_forms.items():
            if low == long or low.endswith(" " + long):
                return canonical
        return name

    def last_body(self, pos: int, floor: int, media: bool | None = None) -> str | None:
        """The last body named in ``[floor, pos)``; ``media``: only news agencies (True) or none of them (False)."""
        found = [name for at, name in self.bodies if floor <= at < pos and (media is None or is_agency(name) == media)]
        return found[-1] if found else None

    def holder(self, titles: tuple[str, ...], pos: int, qualifier: str = "") -> tuple[int, str] | None:
        """The last person before ``pos`` whose role carries one of ``titles``; with a ``qualifier`` (``Ardania``
        of ``Presiden Ardania``, ``Ardanian`` of ``the Ardanian president``), one whose role names it, else one
        whose role is the bare title."""
        bare = None
        for at, role, name in reversed(self.roles):
            if at >= pos or not any(re.search(rf"(?<![\w]){re.escape(t)}(?![\w])", role) for t in titles):
                continue
            if not qualifier or _qualifies(role, qualifier):
                return at, name
            if bare is None and role in titles:
                bare = (at, name)
        return bare

    def qualifies_a_role(self, word: str) -> bool:
        """Whether some holder's role names ``word`` (``Ardania`` in ``presiden ardania``)."""
        return any(_qualifies(role, word) for _, role, _ in self.roles)


def read_referents(text: str, lang: str, quoted: list[tuple[int, int]]) -> Referents:
    outside = _outside(quoted)
    ref = Referents()
    for m in _BRACKET_ALIAS.finditer(text):
        _add_alias(ref, text, lang, m.start("full"), m.group("full"), m.group("alias"), outside)
    for m in _cue_regex(lang).finditer(text):
        _add_alias(ref, text, lang, m.start("full"), m.group("full"), m.group("alias"), outside)
    for m in _described_regex(lang).finditer(text):  # "Sosok yang akrab disapa Kang Budi": the person named before
        _add_alias(ref, text, lang, m.start(), _last_full_name(text, lang, m.start()), m.group("alias"), outside)
    for m in _LONG_FORM.finditer(text):
        _add_acronym(ref, m, outside, lang)
    ref.roles = _roles(text, lang, outside)
    return ref


def _outside(quoted: list[tuple[int, int]]):
    covered = Covered(quoted)
    return lambda pos: pos not in covered


def _add_alias(ref: Referents, text: str, lang: str, at: int, full: str, alias: str, outside) -> None:
    person = speaker(full, lang) if full else None
    if not outside(at) or not person or person.kind != "person" or " " not in person.name or alias in person.name:
        return
    ref.aliases.setdefault(alias, person.name)


def _add_acronym(ref: Referents, m: re.Match[str], outside, lang: str) -> None:
    long, acr = _long_form(m.group("long"), m.group("acr"), lang), m.group("acr")
    if not outside(m.start()) or sum(c.isupper() for c in acr) < 2 or len(long.split()) < 2:
        return
    canonical = f"{long} ({acr})"
    ref.acronyms.setdefault(acr, canonical)
    ref.long_forms.setdefault(" ".join(long.lower().split()), ref.acronyms[acr])
    ref.add_body(m.start(), canonical)


def _long_form(run: str, acr: str, lang: str) -> str:
    """The long form of an acronym in the capitalised run before it, without the words the run took in before
    the name: a sentence word (``Menurut``, ``Citing``) or a title (``Kepala``). Where the initials of a tail of
    the run spell the acronym, the longest such tail; else the run without its leading function words."""
    run = _LEADING_THE.sub("", run.strip())
    spelled = spelled_tail(run, acr)
    if spelled:
        return spelled
    words = run.split()
    while len(words) > 2 and _function_word(words[0], lang):
        words = words[1:]
    return _LEADING_THE.sub("", " ".join(words))


def _function_word(word: str, lang: str) -> bool:
    """A word that opens a sentence or a speaker phrase and is never part of a body's name."""
    low = word.lower()
    return any(low == p.split()[0] for key in ("according_to", "openers", "speaker_stops", "speaker_adverbs")
               for p in vocab.phrases(lang, key))


def _qualifies(role: str, word: str) -> bool:
    """Whether a role names ``word``, or a word of the same stem (``ardania`` and ``Ardanian``)."""
    word = word.lower()
    stem = word[:max(4, len(word) - 2)]
    return any(w == word or len(stem) >= 4 and w.startswith(stem) for w in re.findall(r"[\w-]+", role))


def _roles(text: str, lang: str, outside) -> list[tuple[int, str, str]]:
    out = []
    for m in re.finditer(_NAME, text):
        found = speaker(m.group(0), lang) if " " in m.group(0) and outside(m.start()) else None
        if found and found.kind == "person" and found.role:
            out.append((m.start(), " ".join(found.role.lower().split()), found.name))
    out.extend(_appositive_roles(text, lang, outside))
    if lang == "en":  # "provincial police chief Colonel X", "Kalinda governor X": a title in lower case before it
        out.extend(_lower_case_roles(text, lang, outside))
    if lang == "en":  # "President of Kazakhstan Kassym-Jomart Tokayev": the role runs over "of" and a place
        for m in re.finditer(rf"{_NAME}[ \t]+of[ \t]+{_NAME}", text):
            name, role = role_of(m.group(0))
            if role and outside(m.start()):
                out.append((m.start(), " ".join(role.lower().split()), name))
    return sorted(out)


_WORDS_BEFORE = re.compile(r"(?:[\w'’.-]+[ \t]+){1,4}$")


def _lower_case_roles(text: str, lang: str, outside) -> list[tuple[int, str, str]]:
    """``police chief Colonel Arnel Dizon told``, ``Kalinda governor Teresa Magsino``: the words before a name
    that end in a title written in lower case (from the last stop word on) are the holder's role, so that a later
    "the police chief said" finds its holder."""
    titles = langs.words("en", "entities", "titles")
    stops = vocab.wordset(lang, "speaker_stops") | {"the", "a", "an"}
    out = []
    for m in re.finditer(_NAME, text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if not before or not outside(m.start()):
            continue
        words = before.group(0).split()
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower() in stops or not re.fullmatch(r"[\w'’-]+", words[i]):
                words = words[i + 1:]
                break
        if not words or not words[-1].islower() or not any(" ".join(words[-k:]).lower() in titles for k in (1, 2)):
            continue
        found = speaker(" ".join(words + [m.group(0)]), lang)
        if found and found.kind == "person" and found.role and " " in found.name:
            out.append((m.start(), " ".join(found.role.lower().split()), found.name))
    return out


_APPOSITIVE = re.compile(rf"(?P<role>[^.,;:!?\n\"“”]{{2,80}}),[ \t]+(?P<name>{_NAME})(?=[ \t]*[,(]|[ \t]+[a-z])")


def _appositive_roles(text: str, lang: str, outside) -> list[tuple[int, str, str]]:
    """``Presiden Ardania, Marko Velin, ...``, ``The president of Ardania, Marko Velin, ...``: a role, then its
    holder's name between commas (the role from its first title on)."""
    out = []
    for m in _APPOSITIVE.finditer(text):
        title = _first_title(m.group("role"), lang)
        found = speaker(m.group("name"), lang) if title is not None and outside(m.start("name")) else None
        if found and found.kind == "person" and " " in found.name and not found.role:
            role = " ".join(m.group("role")[title:].lower().split())
            out.append((m.start("name"), role, found.name))
    return out


def _first_title(phrase: str, lang: str) -> int | None:
    """Where the first title of ``phrase`` starts, or None (``the president of Ardania`` -> 4)."""
    m = _title_regex(lang).search(phrase)
    return m.start() if m else None


@functools.lru_cache(maxsize=None)
def _title_regex(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![\w])(?:{vocab.alternation(_titles(lang))})(?![\w])")


@functools.lru_cache(maxsize=None)
def _cue_regex(lang: str) -> re.Pattern[str]:
    cues = vocab.alternation(vocab.phrases(lang, "alias_cues"))
    return re.compile(rf"(?P<full>{_NAME}),?\s+(?:{cues})\s+(?P<alias>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)"
                      if cues else r"(?!x)x")


@functools.lru_cache(maxsize=None)
def _described_regex(lang: str) -> re.Pattern[str]:
    cues = vocab.alternation(vocab.phrases(lang, "alias_cues"))
    return re.compile(rf"(?<![A-Z][\w'’-])(?<![A-Z][\w'’-],)\s(?:{cues})\s+(?P<alias>[A-Z][\w'’-]+)"
                      if cues else r"(?!x)x")


def _last_full_name(text: str, lang: str, pos: int) -> str:
    """The last name of two words or more before ``pos`` that names a person."""
    for m in reversed(list(re.finditer(_NAME, text[:pos]))):
        found = speaker(m.group(0), lang) if " " in m.group(0) else None
        if found and found.kind == "person" and " " in found.name:
            return m.group(0)
    return ""


# --- anaphors ------------------------------------------------------------------------

def definite_core(phrase: str, lang: str) -> str | None:
    """The noun of a definite phrase (``grup tersebut`` -> ``grup``, ``the NGO`` -> ``ngo``), else None."""
    words = phrase.lower().split()
    before, after = vocab.wordset(lang, "definite_before"), vocab.wordset(lang, "definite_after")
    marked = False
    if words and words[0] in before:
        words, marked = words[1:], True
    if words and words[-1] in after:
        words, marked = words[:-1], True
    return " ".join(words) if marked and words else None


def body_anaphor(phrase: str, lang: str) -> str | None:
    """``grup tersebut``, ``the NGO``: ``body``; ``the news organisation``: ``media``; else None."""
    core = definite_core(phrase, lang)
    if not core:
        return None
    if _ends_with_any(core, vocab.phrases(lang, "media_bodies")):
        return "media"
    return "body" if _ends_with_any(core, vocab.phrases(lang, "generic_bodies")) else None


def pointed_role(phrase: str, lang: str) -> bool:
    """A title pointed back to by a demonstrative after it (``Kepala Kantor SAR Lonta itu``, ``bupati tersebut``):
    someone the text has just named, though it never gave them that title in so many words."""
    words = phrase.split()
    if len(words) < 2 or words[-1].lower() not in vocab.wordset(lang, "definite_after"):
        return False
    return _first_title(" ".join(words[:-1]), lang) == 0


def _ends_with_any(core: str, nouns) -> bool:
    return any(core == n or core.endswith(" " + n) for n in nouns)





def role_titles(phrase: str, lang: str) -> tuple[str, ...]:
    """The titles a role phrase stands for (``kepala negara`` -> ``presiden``), or () when it is no bare role."""
    return qualified_role(phrase, lang)[0]


def qualified_role(phrase: str, lang: str) -> tuple[tuple[str, ...], str]:
    """The titles a role phrase stands for and the capitalised word that qualifies them, if any:
    ``the Ardanian president`` -> ``(("president",), "Ardanian")``; ``sang gubernur`` -> ``(("gubernur",), "")``."""
    words = phrase.split()
    if words and words[0].lower() in vocab.wordset(lang, "definite_before"):
        words = words[1:]
    qualifier = ""
    if len(words) > 1 and words[0][:1].isupper() and words[0].lower() not in _titles(lang) and \
            not any(w[:1].isupper() for w in words[1:]):
        qualifier, words = words[0], words[1:]  # "the Ardanian president": Ardanian qualifies the title
    elif len(words) > 1 and words[-1][:1].isupper() and " ".join(words[:-1]).lower() in _titles(lang):
        qualifier, words = words[-1], words[:-1]  # "Presiden Ardania": the title, then whose
    core = " ".join(w.lower() for w in words) if qualifier else \
        definite_core(phrase, lang) or " ".join(phrase.lower().split())
    synonyms = tuple(label for p, label in vocab.mapping(lang, "role_synonyms") if p == core)
    if synonyms:
        return synonyms, qualifier
    return ((core,), qualifier) if core in _titles(lang) else ((), "")


@functools.lru_cache(maxsize=None)
def _titles(lang: str) -> frozenset[str]:
    return frozenset(t.lower() for t in langs.words(lang, "entities", "titles"))
