"""Who a speaker phrase names: a person, an organisation, a group, or a pronoun.

``speaker(phrase, lang)`` reads the words found before or after a reporting
verb (``Kapolda Jawa Timur Irjen Nico Afinta``, ``Kementerian Luar Negeri``,
``Para pejabat``, ``dia``, ``Kepala polisi kota, Marat Seitov``) and
returns a :class:`Speaker`. A person's name is the run of capitalised words
after the last title (``Irjen``), without places (``Jawa Timur``) and at most
three words long; a phrase that opens with an organisation word is kept whole;
a role that belongs to someone else (``Juru bicara Jokowi``) is kept whole too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kronologi import langs
from kronologi.claims import anonymous, vocab
from kronologi.entities.gazetteer import lookup
from kronologi.entities.names import person_name

_CAP_WORD = r"(?:[A-Z][a-z]{0,2}\.(?=[ \t]+[A-Z])|[A-Z][\w'’-]*)"
_RUN = re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:(?:bin|binti|van|von|de|al|el)[ \t]+)?{_CAP_WORD})*")
_AFTER_PREPOSITION = re.compile(r"(?<![\w])(?:dari|di|ke|dan|untuk|pada|of|from|at|in|and|for|to|on)\s+$", re.I)
_EDGE = "\"“”‘’'«»,.;: ()-–—"
_MAX_NAME = 4
_POSSESSIVE = re.compile(r"['’]s?$")  # "Ana Lima's party": the name is Ana Lima
_MAX_GROUP = 6


@dataclass
class Speaker:
    name: str  # the name as written (a person's without title), or the phrase
    kind: str  # person | org | group | pronoun | anonymous (an unnamed person: "a resident of Marlow", "one")
    role: str | None = None  # the title or role before a person's name
    plural: bool = False
    body: bool = False  # a pronoun for a body ("it", "pihaknya")


@functools.lru_cache(maxsize=None)
def _title_regex() -> re.Pattern[str]:
    titles = set(langs.all_words("entities", "titles"))
    for lang in langs.SUPPORTED:
        titles |= set(vocab.phrases(lang, "name_titles"))
    return re.compile(vocab.bounded(f"(?:{vocab.alternation(titles)})"), re.IGNORECASE)


def opens_with_title(phrase: str) -> bool:
    """Whether a phrase opens with a title (``Menteri``, ``Minister``), in any language."""
    return bool(_title_regex().match(phrase))


def speaker(phrase: str, lang: str) -> Speaker | None:
    """The speaker a phrase names, or None when it names no one."""
    phrase = _tidy(phrase, lang)
    if not re.search(r"[^\W\d_]{2}", phrase) or re.search(r"[‚Ä][Äù]|Ã|â€", phrase):
        return None  # no word: stray marks, mojibake
    low = phrase.lower()
    if all(w in ("a", "an", "the", "this", "that", "its", "their") or _function_word(w, lang) for w in low.split()):
        return None  # "The", "Sebab": no one
    if low in vocab.wordset(lang, "body_pronouns"):
        return Speaker(phrase, "pronoun", body=True)
    if low in vocab.wordset(lang, "indefinite_speakers") or anonymous.is_description(phrase, lang):
        return Speaker(phrase, "anonymous")  # "said one", "one nurse": someone unnamed, described in context
    if low.split()[0] in vocab.wordset(lang, "first_person") or _clitic(phrase, lang):
        return None  # "Kami yakin ...", "Pasalnya"
    if low in vocab.wordset(lang, "pronouns"):
        return Speaker(phrase, "pronoun")
    if low in vocab.wordset(lang, "first_person"):
        return None
    if low in vocab.wordset(lang, "plural_pronouns"):
        return Speaker(phrase, "pronoun", plural=True)
    for link in vocab.phrases(lang, "speaker_links"):
        cut = low.rfind(f" {link} ")
        if cut >= 0:
            return speaker(phrase[cut + len(link) + 2:], lang) or Speaker(phrase, "group")
    segments = [s.strip() for s in phrase.split(",") if s.strip()]
    kept = [seg for seg in segments if not _adverbial(seg, lang)]
    if kept and len(kept) < len(segments):  # "Dalam pernyataan di Facebook, partai itu": the subject, not the setting
        return speaker(", ".join(kept), lang)
    medium = _without_medium(phrase, lang)
    if medium is not None:  # "an LPF statement", "keterangan tertulis Basarnas": the name, not the statement
        return speaker(medium, lang) if medium else None  # "the statement": a document speaks for no one named
    return _best_segment(segments, lang)


def _adverbial(segment: str, lang: str) -> bool:
    """A segment opened by a preposition (``Dalam pernyataan di Facebook``, ``In a post``) sets the scene."""
    first = segment.split()[0].lower()
    return first in vocab.wordset(lang, "speaker_stops") and first not in ("and", "dan", "of", "that", "who", "yang")


_SOURCE_WORDS = ("of", "from", "dari", "oleh", "by")


def _without_medium(phrase: str, lang: str) -> str | None:
    """A phrase that names a medium (``statement``, ``pernyataan``): the name beside it (``LPF``, ``the group``
    of ``the group's assessment``, ``kelompok itu`` of ``kajian kelompok itu``), ``""`` when it names no one
    (``The statement``, ``Dalam pernyataan di Facebook``), None when it names no medium."""
    for noun in vocab.phrases(lang, "document_nouns"):
        bounded = re.compile(rf"(?i)(?<![\w]){re.escape(noun)}(?![\w])")
        m = bounded.search(phrase)
        if not m:
            continue
        after = _owner_after(phrase[m.end():], lang)
        rest = " ".join((_without_lead_stops(phrase[:m.start()], lang) + " " + after).split())
        rest = _POSSESSIVE.sub("", re.sub(r"(?i)^(?:an?|the|its|their)(?:\s+|$)", "", rest))
        if re.search(r"[A-Z]", rest) and len(rest.split()) <= _MAX_GROUP:
            return rest
        owner = _possessor(phrase[:m.start()].strip(_EDGE))
        if rest and _names_body(owner, lang):
            return owner  # "the group's assessment", "the ministry's latest update": the body, not its document
        if _names_body(after.strip(_EDGE), lang):
            return after.strip(_EDGE)  # "kajian kelompok itu", "the assessment of the group"
        if not re.search(r"\w{2}", rest):
            return ""
    return None


_POSSESSOR = re.compile(r"^(?P<owner>.*?[^\W\d_])['’]s?(?=\s|$)")


def _possessor(text: str) -> str:
    """The owner before a possessive mark, without the words between it and the noun: ``the group`` of
    ``the group's latest``; the text as it is when it holds no possessive."""
    m = _POSSESSOR.match(text)
    return m.group("owner") if m else text


def _without_lead_stops(text: str, lang: str) -> str:
    words = text.split()
    while words and words[0].lower() in vocab.wordset(lang, "speaker_stops"):
        words = words[1:]
    return " ".join(words)


def _owner_after(text: str, lang: str) -> str:
    """The words after a medium noun that name its owner: ``dari Kemenlu``, not ``di Facebook``."""
    words = text.split()
    if words and words[0].lower() in _SOURCE_WORDS:
        return " ".join(words[1:])
    return "" if words and words[0].lower() in vocab.wordset(lang, "speaker_stops") else text


def _names_body(phrase: str, lang: str) -> bool:
    """A body named again (``the group``, ``kelompok itu``) or by an organisation word (``the ministry``)."""
    from kronologi.claims.referents import body_anaphor  # referents reads speakers: imported when first needed

    if not re.search(r"[^\W\d_]{2}", re.sub(r"(?i)(?<![\w])(?:an?|the|its|their)(?![\w])", "", phrase)):
        return False  # "the" alone names nothing
    return bool(body_anaphor(phrase, lang)) or _looks_org(phrase, lang)


def _clitic(phrase: str, lang: str) -> bool:
    """A lone word with a possessive ending (``Pasalnya``, ``Menurutnya``) is no name."""
    suffix = vocab.section(lang, "pronoun_suffix")
    return bool(suffix) and " " not in phrase and phrase.lower().endswith(suffix) and len(phrase) > 5


def _tidy(phrase: str, lang: str) -> str:
    phrase = " ".join(phrase.split()).strip(_EDGE)
    adverbs = vocab.regex(lang, "speaker_adverbs")
    phrase = " ".join(adverbs.sub(" ", phrase).split()).strip(_EDGE)
    for key in ("according_to", "openers"):
        lead = vocab.starting_regex(lang, key).match(phrase)
        if lead:
            phrase = phrase[lead.end():].strip(_EDGE)
    if phrase.count("(") > phrase.count(")"):
        phrase += ")"  # "Komisi Pemilihan Umum (KPU)" keeps its acronym whole
    return phrase


def _best_segment(segments: list[str], lang: str) -> Speaker | None:
    if len(segments) > 1 and segments[-1].lower() in vocab.wordset(lang, "pronouns"):
        return Speaker(segments[-1], "pronoun")  # "In a note sent from prison, he": the pronoun is the subject
    found = [(seg, _person(seg, lang)) for seg in segments]
    for i, (seg, person) in enumerate(found):  # a segment that is all name (after a title) is the speaker
        if person and seg.endswith(person.name) and _covered(seg, person.name):
            if person.role and (len(person.name.split()) == 1 or _jurisdiction(person.role, lang)):
                # "Bupati Lumbung, Rudi Hartono", "Bupati Kerta Bumi, Rudi Hartono": the words
                named = next((p for s, p in found[i + 1:]  # after the title is its place; the name stands apart
                              if p and _all_name(s.strip(_EDGE), p.name) and len(p.name.split()) >= 2), None)
                if named:
                    return Speaker(named.name, "person", seg)
            return person
    for seg, person in found:
        if person and not _opens_with_org(seg, lang):
            return person
    head = segments[0] if segments else ""
    if not head or (len(head.split()) > _MAX_GROUP and not _opens_with_org(head, lang) and "(" not in head):
        return None  # a long phrase with no name in it is a clause, not a speaker
    words = head.lower().split()
    if words[0] in vocab.wordset(lang, "openers") or words[-1] in vocab.wordset(lang, "clause_words"):
        return None  # "Meski belum", "Mereka akan": the words of a clause, not a group that speaks
    kind = "org" if _looks_org(head, lang) or is_agency(head) else "group"
    return Speaker(head, kind, plural=_plural(head, lang))


def _person(segment: str, lang: str) -> Speaker | None:
    """A person's name in a segment: the last capitalised run, after its last title."""
    if _relational(segment, lang):
        rest = segment
        runs = list(_RUN.finditer(rest))
        if not runs or len(runs[-1].group(0).split()) < 2 or runs[-1].start() == _first_cap(rest):
            return Speaker(segment, "group")
    runs = list(_RUN.finditer(segment))
    for run in reversed(runs):
        if _AFTER_PREPOSITION.search(segment[:run.start()]) and len(run.group(0).split()) < 4:
            continue  # "dari Organisasi ...", "di Eropa": an affiliation or a place, no one's name
        if _modifier(segment, run, lang):
            continue  # "One Yangon resident": the capitals describe a noun
        name, role = _strip_titles(segment, run, lang)
        if role and segment.lstrip(_EDGE).startswith(role) and (
                _acronym_only(role) or _acronym_only(role.split()[0]) and len(name.split()) == 1):
            continue  # "LBH Kerta Bumi", "BPBD Garut": a body's branch named by its place, no one's name
        if name and not _opens_with_org(name, lang) and not is_agency(name) and not _all_places(name) and not any(
                w.lower() in vocab.wordset(lang, "org_words") for w in name.split()):
            return Speaker(name, "person", role)
    return None


def _all_name(segment: str, name: str) -> bool:
    """A segment that is a name, after titles at most (``Rudi Hartono``, ``Irjen Rudi Hartono``)."""
    return segment == name or segment.endswith(" " + name) and _covered(segment, name)


def _acronym_only(role: str) -> bool:
    """A role that is nothing but an acronym (``LBH``, ``BPBD``): the body itself, no title of a person."""
    words = role.strip(_EDGE).split()
    return len(words) == 1 and words[0].isupper() and len(words[0]) > 1 and not _title_regex().fullmatch(words[0])


def _modifier(segment: str, run: re.Match[str], lang: str) -> bool:
    """A run opened by a determiner and followed by a lower-case noun (``A Kyiv resident``) names no one."""
    first = run.group(0).split()[0].lower()
    determiners = vocab.wordset(lang, "indefinite_speakers") | {"a", "an", "the", "sebuah", "para"}
    return first in determiners and bool(re.match(r"\s+[a-z]", segment[run.end():]))


def is_agency(name: str) -> bool:
    """A news agency or outlet (``Reuters``, ``Antara``): a body, never a person."""
    from kronologi.clean.dateline import agencies

    return re.sub(r"^(?:the|The)\s+", "", name.strip()).lower() in agencies()


def _first_cap(text: str) -> int:
    m = re.search(r"[A-Z]", text)
    return m.start() if m else -1


def _strip_titles(segment: str, run: re.Match[str], lang: str) -> tuple[str, str | None]:
    start, end = run.span()
    titles = list(_title_regex().finditer(segment, 0, end))
    cut = max([t.end() for t in titles if t.end() > start] + [start])
    words = _without_places(segment[cut:end].split(), lang, _jurisdiction(segment[:cut], lang))
    if not words:
        return "", None
    if len(words) == 1 and (words[0].isupper() or _sentence_case(segment, start, end) or _clitic(words[0], lang)
                            or _is_org_word(words[0], lang)) or any(_function_word(w, lang) for w in words):
        return "", None  # "In", "Voice Of Freedom": a function word is in no one's name
    if len(words) > _MAX_NAME:
        words = words[-2:]
    name, role = person_name(" ".join(words), None)  # capitals at the name's head name a body: the role's
    head = " ".join(segment[:end].split()[:-len(name.split())])  # the role: all before the name ("Kepala Basarnas")
    head = head.strip(_EDGE)
    if head.count("(") > head.count(")"):
        head += ")"  # "... (Menko KO)" right before the name keeps its bracket
    return _POSSESSIVE.sub("", name.strip(_EDGE)), head or role


def _without_places(words: list[str], lang: str, jurisdiction: bool) -> list[str]:
    """The words of a run without the places, organisations and portfolios before the name.

    ``Kabupaten Garut Dedi Kurnia``: a place word takes the word after it; after a title that
    governs a place (``Bupati Garut Rudi Hartono``) the first of three or more words is the place.
    """
    acronyms = [i for i, w in enumerate(words) if w.isupper() and len(w) > 1 and i <= len(words) - 3]
    if acronyms:  # "Meteorolog CNN Brandon Miller": the name follows the organisation
        # the acronym is the body the title heads; only a regional body's is followed by its place
        # ("Kepala BPBD Garut Dedi Kurnia", but "Ketua DPR Rina Kartika Sari")
        jurisdiction = words[acronyms[-1]].lower() in vocab.wordset(lang, "regional_bodies")
        words = words[acronyms[-1] + 1:]
    elif len(words) == 2 and words[0].isupper() and words[0].lower() in vocab.wordset(lang, "regional_bodies"):
        return []  # "Kepala Kantor SAR Bandung": the one word after a regional body is its place, no one's name
    while len(words) > 1:
        if len(words) > 2 and (lookup(" ".join(words[:2])) or words[0].lower() in vocab.wordset(lang, "place_words")):
            words = words[2:]
        elif lookup(words[0]) or _is_org_word(words[0], lang):
            words = words[1:]
        elif jurisdiction and len(words) > 2:
            words, jurisdiction = words[1:], False
        else:
            break
    return words


def _jurisdiction(role: str, lang: str) -> bool:
    """Whether a role ends with a title that is followed by the place it governs (``Bupati``, ``Governor``) or
    the body it heads (``Kepala Basarnas``): the first of three or more capitalised words after it is no name."""
    if not role.strip():
        return False
    return any(vocab.ending_regex(lang, key).search(role.strip(_EDGE)) for key in ("place_titles", "body_titles"))


def _function_word(word: str, lang: str) -> bool:
    """A capitalised word that is a preposition or an opener (``In``, ``Namun``): never a name."""
    low = word.lower().strip(_EDGE)
    return low in ("of", "the", "for", "and") or any(
        low in vocab.wordset(lang, key) for key in ("speaker_stops", "openers", "speaker_adverbs"))


def _sentence_case(segment: str, start: int, end: int) -> bool:
    """A lone capitalised word opening a phrase of lower-case words ("Dua situs swasta")."""
    return start == 0 and bool(re.match(r"\s+[a-z]", segment[end:]))


def _covered(segment: str, name: str) -> bool:
    """All of the segment before the name is titles or places."""
    head = segment[: len(segment) - len(name)]
    head = _title_regex().sub(" ", head)
    rest = [w for w in head.split() if not lookup(w) and w.lower() not in ("the", "a", "an")]
    return not rest


def _relational(segment: str, lang: str) -> bool:
    return bool(vocab.starting_regex(lang, "relational_roles").match(segment))


def _is_org_word(word: str, lang: str) -> bool:
    low = word.lower().strip(_EDGE)
    return low in vocab.wordset(lang, "org_words") or low in _portfolio_words(lang) or (word.isupper() and len(word) > 2)


@functools.lru_cache(maxsize=None)
def _portfolio_words(lang: str) -> frozenset[str]:
    return frozenset(w for phrase in vocab.phrases(lang, "portfolios") for w in phrase.split())


def _opens_with_org(text: str, lang: str) -> bool:
    return bool(vocab.starting_regex(lang, "org_words").match(text))


def _looks_org(text: str, lang: str) -> bool:
    bare = re.sub(r"^(?:the|para|sebuah|seorang|a|an)\s+", "", text, flags=re.I)
    return _opens_with_org(bare, lang) or bool(lookup(text)) or bare.isupper() or bool(re.search(r"\([A-Z]{2,}", text)) \
        or bool(re.match(r"[A-Z]{2,}(?:\s|$)", bare))  # "LBH Kerta Bumi": a body's acronym and its place


def _all_places(name: str) -> bool:
    return bool(lookup(name))


def _plural(text: str, lang: str) -> bool:
    low, last = text.lower(), text.split()[-1] if text.split() else ""
    return low.startswith(("para ", "pihak ")) or (last.islower() and last.endswith("s"))  # "officials", not "Reuters"


def runs(text: str) -> list[tuple[int, int]]:
    """Capitalised runs of a text (candidate names), as spans."""
    return [m.span() for m in _RUN.finditer(text)]
