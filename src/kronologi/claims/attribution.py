"""Who says it: the attribution patterns shared by figures (claimant) and quotes (speaker).

Forms, in both languages (vocabularies in ``claims.yaml``):

* after the claim: ``..., kata X`` / ``ujar X`` / ``katanya`` / ``kata dia`` /
  ``..., menurut X`` / ``said X`` / ``X said`` / ``X told AFP`` / ``according to X``;
* inside it: ``Protes besar, tambah Putin, "..."``;
* before it: ``X mengatakan (bahwa) ...``, ``Menurut X, ...``, ``X said ...``: the
  subject of the nearest reporting verb, climbing over relative clauses
  (``pernyataan yang mengatakan``), coordination (``dan menambahkan``) and
  participles (``..., menyalahkan``) to the sentence's subject;
* a passive agent: ``angka 125 yang disampaikan Polri``, ``figures confirmed by police``.

Each returns an :class:`Attribution` (the speaker phrase's span and what
``names.speaker`` reads in it); pronouns are resolved later, with the document.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kronologi.claims import anonymous, categories, spans, vocab
from kronologi.claims.names import Speaker, opens_with_title, speaker

_CLOSERS = "\"”’'»"
_NP_MAX = 90
_LEAD = re.compile(rf"[\s,{_CLOSERS}]*")
_APPOSITIVE = re.compile(r",\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})(?=\s*[.,;]|\s*$|\s+[a-z])")
_ACRONYM = re.compile(r"\(\s*[A-Z][\w.&-]*(?:[ \t][A-Z][\w.&-]*)?\s*\)")  # "(BPBD)", "(Menko KO)"
_NAME_JOIN = re.compile(r"(?:for|of|untuk|&)\s+(?=[A-Z][a-z])")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")


@dataclass
class Attribution:
    start: int  # the speaker phrase in the text
    end: int
    speaker: Speaker
    form: str  # after | inside | before | according | passive | subject


@functools.lru_cache(maxsize=None)
def _post_regex(lang: str) -> re.Pattern[str]:
    verbs = vocab.alternation(vocab.phrases(lang, "postposed_verbs"))
    suffix = vocab.section(lang, "pronoun_suffix") or ""
    nya = f"(?P<nya>{re.escape(suffix)})?" if suffix else "(?P<nya>(?!x)x)?"
    return re.compile(rf"[\s,{_CLOSERS}]*(?P<verb>{verbs}){nya}(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _lead_regex(lang: str) -> re.Pattern[str]:
    """A word that opens a postposed attribution, with or without its verb (``demikian kata X``, ``demikian X``)."""
    words = vocab.alternation(vocab.phrases(lang, "postposed_leads"))
    return re.compile(rf"[\s,{_CLOSERS}]*(?:{words})(?![\w])" if words else r"(?!x)x", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _according_regex(lang: str) -> re.Pattern[str]:
    words = vocab.alternation(vocab.phrases(lang, "according_to"))
    suffix = vocab.section(lang, "pronoun_suffix") or ""
    nya = f"(?P<nya>{re.escape(suffix)})?" if suffix else "(?P<nya>(?!x)x)?"
    return re.compile(rf"(?<![\w])(?P<verb>{words}){nya}(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _reporting_regex(lang: str) -> re.Pattern[str]:
    return vocab.regex(lang, "reporting_verbs")


@functools.lru_cache(maxsize=None)
def _np_stop_regex(lang: str) -> re.Pattern[str]:
    stops = vocab.alternation(vocab.phrases(lang, "speaker_stops"))
    return re.compile(rf"[,;:!?()\"“”«»\n.]|(?<![\w])(?:{stops})(?![\w])", re.IGNORECASE)


_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}$")
_SPACES = re.compile(r"\s*")
_BY = re.compile(r"\s+(?:oleh|by)(?![\w])", re.IGNORECASE)


def phrase_after(text: str, lang: str, pos: int, limit: int) -> tuple[int, int]:
    """The speaker phrase starting at ``pos``: up to a stop word or punctuation.

    ``Pol.`` inside a name does not stop it, nor does ``yang juga`` (a second role follows).
    """
    start = _SPACES.match(text, pos).end()
    hard = min(limit, start + _NP_MAX)
    at = start
    while True:
        stop = _np_stop_regex(lang).search(text, at, hard)
        if not stop:
            end = hard
            break
        if stop.group(0) == "." and _ABBREVIATION.search(text[start:stop.start()]) and \
                re.match(r"\s+[A-Z]", text[stop.end():stop.end() + 2]):
            at = stop.end()
            continue
        inside = (_inside_name(text, stop, hard) or _role_and(text, lang, start, stop, hard)
                  or _role_comma(text, lang, start, stop, hard))
        if inside:  # "League for Press Freedom (LPF)", "Minister of Health and Welfare, X": the name goes on
            at = inside
            continue
        verb = _first_verb(text, lang, start, stop.start())
        if verb is not None:
            end = verb
            break
        link = vocab.starting_regex(lang, "speaker_links").match(text, stop.start(), hard)
        if link or (stop.group(0)[:1].isupper() and stop.group(0)[:1].isalpha() and stop.start() > start):
            at = link.end() if link else stop.end()
            continue
        end = stop.start()
        break
    verb = _first_verb(text, lang, start, end) if not stop else None
    end = verb if verb is not None else end
    return start, len(text[:end].rstrip(" ")) if end > start else end


def _inside_name(text: str, stop: re.Match[str], hard: int) -> int | None:
    """Where to go on when a stop is part of a name: an acronym in brackets, ``for``/``untuk`` between capitals."""
    acronym = _ACRONYM.match(text, stop.start(), hard)
    if acronym:
        return acronym.end()
    join = _NAME_JOIN.match(text, stop.start(), hard)
    return join.end() if join and _CAPITAL_BEFORE.search(text, max(0, stop.start() - 40), stop.start()) else None


_ROLE_AND = re.compile(r"(?i:dan|and)\s+(?P<more>[A-Z][\w'’-]*(?:\s+(?:of|for|untuk|[A-Z][\w'’-]*)){0,3})"
                       r"(?=\s*\(\s*[A-Z]|,\s*[A-Z])")
_ROLE_JOINS = ("of", "for", "untuk", "&", "the")


def _role_and(text: str, lang: str, start: int, stop: re.Match[str], hard: int) -> int | None:
    """Where to go on when ``dan``/``and`` joins two fields of one title (``Menteri Koordinator Bidang X dan Y
    (Menko XY) Budi``, ``the Minister of Health and Welfare, Jane Doe``): the phrase so far is a title and
    capitalised words, and after the conjunction come capitalised words that are neither a title nor a body
    (``dan Kepala Basarnas``, ``and the Agency``: a second speaker), then an acronym in brackets or a name
    after a comma."""
    m = _ROLE_AND.match(text, stop.start(), hard)
    if not m:
        return None
    head = re.sub(r"^(?:the|The)\s+", "", text[start:stop.start()].strip())
    if not opens_with_title(head) or not all(w[:1].isupper() or w in _ROLE_JOINS for w in head.split()):
        return None
    more = m.group("more")
    if opens_with_title(more) or more.split()[0].lower() in vocab.wordset(lang, "org_words"):
        return None
    return m.end()


_APPOSED_NAME = re.compile(r",\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?=\s*[,.;]|\s*$|\s+[a-z])")


def _role_comma(text: str, lang: str, start: int, stop: re.Match[str], hard: int) -> int | None:
    """Where to go on when a comma sets a name beside its title (``disampaikan Kepala Kantor SAR Lembang,
    Budi Santoso, di posko``): the phrase so far is a title and capitalised words, and after the comma a run
    of capitalised words that is neither a title nor a body closes with punctuation or lower-case words."""
    if stop.group(0) != ",":
        return None
    m = _APPOSED_NAME.match(text, stop.start(), hard)
    if not m:
        return None
    head = text[start:stop.start()].strip()
    if not opens_with_title(head) or not all(w[:1].isupper() for w in head.split()):
        return None
    name = m.group("name")
    if len(name.split()) < 2 or opens_with_title(name) or any(
            w.lower() in vocab.wordset(lang, "org_words") for w in name.split()):
        return None  # "..., Jumat", "..., Polda": a day or a body, no name beside the title
    named = speaker(head, lang)
    if named and named.kind == "person" and len(named.name.split()) >= 2:
        return None  # the title already has its holder's name ("Kepala Dinas X Rosa Manurung, Jumat")
    return m.end()


def _first_verb(text: str, lang: str, start: int, end: int) -> int | None:
    """Where a lower-case verb ends a speaker phrase (``sejumlah pejabat berbeda-beda``), after its first word."""
    for m in re.finditer(r"\S+", text[start:end]):
        if m.start() and _verb_like(m.group(0), lang) and m.group(0)[:1].islower():
            return start + m.start()
    return None


def after(text: str, lang: str, pos: int, limit: int) -> Attribution | None:
    """An attribution right after ``pos``: ``, kata X``, ``katanya``, ``, X said``, ``menurut X``."""
    if pos >= limit:  # the quote ends its paragraph: nothing follows it
        return None
    lead = _lead_regex(lang).match(text, pos, limit)
    m = _post_regex(lang).match(text, lead.end() if lead else pos, limit)
    if lead and not m:  # "..., demikian pernyataan lembaga tersebut": the words after the lead name the speaker
        return _phrase_speaker(text, lang, lead.end(), limit, "after")
    if m:
        if m.group("nya"):
            return Attribution(m.start("verb"), m.end(), Speaker(m.group(0).strip(), "pronoun"), "after")
        found = _phrase_speaker(text, lang, m.end(), limit, "after")
        if found:
            return found
    head = _LEAD.match(text, pos, limit).end()
    according = _according_regex(lang).match(text, head, limit)
    if according:
        return _according(text, lang, according, limit)
    return _subject_then_verb(text, lang, head, limit)


def _phrase_speaker(text: str, lang: str, pos: int, limit: int, form: str) -> Attribution | None:
    start, end = phrase_after(text, lang, pos, limit)
    marker = vocab.starting_regex(lang, "definite_after").match(text, end, limit)
    if marker and end > start:  # "ucap grup tersebut": the group named before
        end = marker.end()
    found = speaker(text[start:end], lang) if end > start else None
    if found and found.kind == "anonymous":  # "a resident" | "of Marlow": the place belongs to the description
        end = anonymous.place_tail(text, lang, end, limit)
        found = speaker(text[start:end], lang) or found
    if found and (found.kind != "person" or _body_place(found, lang)):
        # "kata juru bicara kepresidenan, Berik Uali": the name after the role; "kata Kepala Dinas Kesehatan Tirta
        # Wening, Rudi Hartono": the capitals after a body's word are its place, the person is named after them
        named = _APPOSITIVE.match(text, end, limit)
        who = speaker(named.group("name"), lang) if named else None
        if who and who.kind == "person" and (found.kind != "person" or len(who.name.split()) >= 2):
            return Attribution(named.start("name"), named.end("name"), who, form)
    return Attribution(start, end, found, form) if found else None


def _body_place(found: Speaker, lang: str) -> bool:
    """A "person" read from a role that names a body (``Kepala Dinas Kesehatan``): the words after the body's
    name may be its place, not a name."""
    return bool(found.role) and bool(vocab.regex(lang, "org_words").search(f"{found.role} {found.name}"))


def according(text: str, lang: str, pos: int, limit: int) -> Attribution | None:
    """``menurut X``, ``according to X`` right at ``pos``: X, read up to ``limit``."""
    m = _according_regex(lang).match(text, pos, limit)
    return _according(text, lang, m, limit) if m else None


def _according(text: str, lang: str, m: re.Match[str], limit: int) -> Attribution | None:
    if m.group("nya"):
        return Attribution(m.start(), m.end(), Speaker(m.group(0), "pronoun"), "according")
    found = _phrase_speaker(text, lang, m.end(), limit, "according")
    if found:
        return _agent_of_data(text, lang, found, limit)
    return None


def _agent_of_data(text: str, lang: str, found: Attribution, limit: int) -> Attribution | None:
    """``according to figures confirmed by police``: the claimant is the agent, not the figures."""
    words = text[found.start:found.end].split()
    if words and words[0].lower().strip(",.") in _DATA_WORDS + ("the", "official", "government", "latest"):
        agent = passive_agent(text, lang, found.start, limit) or _source_of_data(text, lang, found, limit)
        if agent:
            return agent
    if words and all(w.lower() in _DATA_WORDS + _NO_ONE for w in words):
        return None  # "berdasarkan data terbaru", "as per the data": no one is named
    if len(words) > 1 and words[-1].lower() in _DATA_WORDS:  # "according to government figures"
        return Attribution(found.start, found.start + len(" ".join(words[:-1])), speaker(" ".join(words[:-1]), lang)
                           or found.speaker, found.form)
    return found


_DATA_WORDS = ("figures", "data", "angka", "statistics", "statistik", "catatan", "records", "tally", "count",
               "release", "report", "laporan", "rilis")
_PARTICIPLES = ("available", "released", "compiled", "published", "issued", "gathered", "collected")
_NO_ONE = ("terbaru", "terakhir", "resmi", "latest", "official", "the", "its", "their", "new")
# "of X", "from X", "compiled by X", "available on X", "yang dirilis oleh X": whose data they are
_OF_SOURCE = re.compile(r"\s+(?:(?:yang\s+)?(?:available|released|compiled|published|issued|gathered|collected|"
                        r"dirilis|dihimpun|dikumpulkan|diterbitkan)\s+)?(?:of|from|by|on|dari|oleh)\s+", re.IGNORECASE)


def _source_of_data(text: str, lang: str, found: Attribution, limit: int) -> Attribution | None:
    """``as per the data of X``, ``according to figures from X``, ``as per figures available on X``,
    ``data compiled by X``: the claimant is X, whose data they are."""
    words = [w.lower().strip(",.") for w in text[found.start:found.end].split()]
    if words and words[-1] in _PARTICIPLES:  # "the data available (on X)"
        words = words[:-1]
    if not words or words[-1] not in _DATA_WORDS:
        return None
    of = _OF_SOURCE.match(text, found.end, limit)
    source = _phrase_speaker(text, lang, of.end(), limit, found.form) if of else None
    named = source and (source.speaker.kind != "group" or re.search(r"[A-Z]", source.speaker.name))
    return source if named else None  # "data from a few hospitals" names no one


@functools.lru_cache(maxsize=None)
def _subject_verb_regex(lang: str) -> re.Pattern[str]:
    verbs = vocab.alternation(vocab.phrases(lang, "postposed_verbs") + vocab.phrases(lang, "reporting_verbs"))
    phrase = r"[^,.;:!?\"“”\n]"
    return re.compile(rf"(?P<np>{phrase}{{1,70}}?)(?:,(?P<app>{phrase}{{1,80}}),)?\s+(?P<verb>{verbs})(?![\w])",
                      re.IGNORECASE)  # "Smith, a spokesman for the ministry, said"


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your", "nya"})


def _subject_then_verb(text: str, lang: str, head: int, limit: int) -> Attribution | None:
    """``, Afinta said``, ``, he told reporters``: a short phrase then a postposed verb."""
    m = _subject_verb_regex(lang).match(text, head, limit)
    if not m or len(m.group("np").split()) > 8 or _np_stop_regex(lang).match(m.group("np").strip()):
        return None
    if vocab.starting_regex(lang, "count_appositions").match(m.group("np").strip()):
        # ", a figure confirmed by the hospital": its agent claims it; ", a figure the agency said was wrong":
        # who judges the count is not who gave it
        by = _BY.match(text, m.end("verb"), limit)
        return _phrase_speaker(text, lang, by.end(), limit, "passive") if by else None
    if len(m.group("np").split()) > 2 and set(m.group("np").lower().split()[-2:]) & _POSSESSIVES:
        return None  # "..., more than double its earlier estimate": a noun after a possessive, no verb
    found = speaker(m.group("np"), lang)
    if found and found.kind != "person" and m.group("app"):  # "his father, Tomas Reyes, said": the name set beside
        start, end = _stripped_span(text, m.start("app"), m.end("app"))
        named = speaker(text[start:end], lang)
        if named and named.kind == "person" and _APPOSITIVE.match(", " + text[start:end]):
            return Attribution(start, end, named, "after")
    return Attribution(m.start("np"), m.end("np"), found, "after") if found else None


def _stripped_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@functools.lru_cache(maxsize=None)
def _inside_regex(lang: str) -> re.Pattern[str]:
    verbs = vocab.alternation(vocab.phrases(lang, "postposed_verbs"))
    return re.compile(rf",\s*(?:{verbs})\s+(?P<np>[^,]{{1,60}}),\s*[\"“‘'«]?\s*$", re.IGNORECASE)


def inside(text: str, lang: str, start: int, pos: int) -> Attribution | None:
    """``Protes besar, tambah Putin, "...``: a postposed verb between commas right before ``pos``."""
    head = text[start:pos]
    m = _inside_regex(lang).search(head)
    if not m:
        return None
    found = speaker(m.group("np"), lang)
    return Attribution(start + m.start("np"), start + m.end("np"), found, "inside") if found else None


def final(text: str, lang: str, start: int, end: int, after_pos: int) -> Attribution | None:
    """An attribution closing the sentence ``[start, end)`` after ``after_pos``: ``..., kata X.``"""
    for comma in reversed([m.start() for m in re.finditer(r",", text[after_pos:end])]):
        if _MISSED_BOUNDARY.search(text, after_pos, after_pos + comma):
            continue  # "... the vote".In a statement, he said: another sentence, run together
        found = after(text, lang, after_pos + comma, end)
        rest = text[found.end:end].split(",")[0] if found else ""
        if found and len(rest.split()) <= 12 and not re.search(r"[\"“”]", rest):
            return found
    return None


_MISSED_BOUNDARY = re.compile(r"[.!?][\"”’']?[A-Z][a-z]")


def before(text: str, lang: str, start: int, pos: int, times: list[tuple[int, int]]) -> Attribution | None:
    """The subject of the nearest reporting verb before ``pos``, or ``Menurut X,`` opening the sentence."""
    start = max([start] + _clause_breaks(text, lang, start, pos))
    verbs = [m for m in _reporting_regex(lang).finditer(text, start, pos) if not _passive(text, m.start())]
    opening = _according_regex(lang).search(text, start, pos)
    if opening and not text[start:opening.start()].strip(" \"“") and not verbs:
        return _according(text, lang, opening, pos)
    if verbs:
        return _verb_subject(text, lang, start, verbs, len(verbs) - 1, times)
    if opening:
        return _according(text, lang, opening, pos)
    return None


def _passive(text: str, at: int) -> bool:
    """``the toll is revised to 125``: a reporting verb in the passive names no speaker."""
    return bool(re.search(r"(?i)(?<![\w])(?:is|was|were|are|been|be|being)\s+$", text[max(0, at - 8):at]))


def _verb_subject(text, lang, start, verbs, i, times) -> Attribution | None:
    verb = verbs[i]
    floor = max([start] + [v.end() for v in verbs[:i]] + _clause_opens(text, lang, start, verb.start()))
    raw = text[floor:verb.start()]
    inserted = _inserted(text, lang, floor, verb.start())
    if inserted:
        return inserted
    named = _name_before(text, lang, floor, verb.start())
    if named:  # "Seorang pengurus serikat nelayan ... (SNL) Andi Lubis mengatakan": the name next to the verb
        return named
    climb = _climbs(raw, lang)
    if climb == "previous" and i > 0:
        return _verb_subject(text, lang, start, verbs, i - 1, times)
    if climb:
        return subject(text, lang, start, verb.start(), times)
    phrase_start, phrase = _without_times(text, floor, verb.start(), times, lang)
    found = speaker(phrase, lang) if phrase else None
    if not found:
        return subject(text, lang, start, verb.start(), times)
    return Attribution(phrase_start, verb.start(), found, "before")


def _inserted(text: str, lang: str, floor: int, pos: int) -> Attribution | None:
    """``2,100 people remain in camps, the agency said, and ...``: the speaker of a postposed verb after a
    comma that closes a claim with its own count or verb (not an apposition, ``Smith, a spokesman, said``)."""
    raw = text[floor:pos]
    comma = raw.rfind(",")
    if comma < 0 or not raw[comma + 1:].strip() or raw.rstrip().endswith(","):
        return None
    head, np = raw[:comma], raw[comma + 1:]
    if len(np.split()) > 6 or re.search(r"\d", np) or not (re.search(r"\d", head) and any(
            _verb_like(w, lang) for w in head.split()[1:])):
        return None
    found = speaker(np, lang)
    if not found or found.kind == "pronoun" and found.name.lower() in vocab.wordset(lang, "body_pronouns"):
        return None
    lead = len(np) - len(np.lstrip())
    return Attribution(floor + comma + 1 + lead, pos - (len(np) - len(np.rstrip())), found, "after")


_TAIL_NAME = re.compile(r"(?:^|[\s)])(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3})\s*$")


def _name_before(text: str, lang: str, floor: int, pos: int) -> Attribution | None:
    """A person's name of two words or more right before a reporting verb, after a role with a clause in it."""
    raw = text[floor:pos]
    m = _TAIL_NAME.search(raw)
    if not m or not _climbs(raw[:m.start("name")], lang) or m.start("name") == len(raw) - len(raw.lstrip()):
        return None
    found = speaker(m.group("name"), lang)
    if not found or found.kind != "person" or " " not in found.name:
        return None
    return Attribution(floor + m.start("name"), floor + m.end("name"), found, "before")


@functools.lru_cache(maxsize=None)
def _clause_open_regex(lang: str) -> re.Pattern[str]:
    joins = vocab.alternation(j for j in vocab.phrases(lang, "clause_joins") if j not in _AND)
    return re.compile(rf"(?<![\w])(?:bahwa|that)(?![\w])|[:;]|,\s*(?:{joins})(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _clause_break_regex(lang: str) -> re.Pattern[str]:
    joins = vocab.alternation(vocab.phrases(lang, "claim_breaks"))
    return re.compile(rf"[,;]\s*(?:{joins})(?![\w])", re.IGNORECASE)


def clause_start(text: str, lang: str, start: int, pos: int) -> int:
    """Where the claim around ``pos`` starts: the sentence start or the last ``, lalu``/``, but`` before it."""
    return max([start] + _clause_breaks(text, lang, start, pos))


def _clause_breaks(text: str, lang: str, start: int, end: int) -> list[int]:
    """Where a new clause with its own subject opens (``, lalu``, ``, sebelum``, ``, while``; a subordinator
    without a comma when a subject and its own verb follow it before ``end``: ``after floods killed``)."""
    breaks = [m.end() for m in _clause_break_regex(lang).finditer(text, start, end)]
    for m in _subordinator_regex(lang).finditer(text, start, end):
        words = re.findall(r"\S+", text[m.end():end])
        if 2 <= len(words) <= 5 and any(_verb_like(w, lang) for w in words[1:]) and not _verb_like(words[0], lang):
            breaks.append(m.end())
    return breaks


@functools.lru_cache(maxsize=None)
def _subordinator_regex(lang: str) -> re.Pattern[str]:
    words = vocab.alternation(vocab.phrases(lang, "subordinators"))
    return re.compile(rf"(?<![,;])\s(?:{words})(?![\w])", re.IGNORECASE) if words else re.compile(r"(?!x)x")


def _clause_opens(text: str, lang: str, start: int, end: int) -> list[int]:
    """Where clauses open before a verb: after ``bahwa``/``that``, a colon, or ``, namun``/``, but``."""
    return [m.end() for m in _clause_open_regex(lang).finditer(text, start, end)]


def _climbs(raw: str, lang: str) -> str | None:
    """Whether the words before a verb are no subject: ``yang``, ``dan``, a participle's comma."""
    words = raw.strip().strip("\"“”").lower().split()
    if not words or raw.rstrip().endswith(","):
        return "previous" if not words or words[-1].rstrip(",") in _AND else "subject"
    if words[-1] in _AND:
        return "previous"
    if words[-1] in ("yang", "who", "which", "that", "dengan", "sambil", "seraya", "by", "while", "untuk", "to"):
        return "subject"
    if any(_verb_like(w, lang) for w in raw.split()[:-1]):
        return "subject"
    return None


_AND = ("dan", "and", "serta", "lalu", "kemudian", "then", "juga", "also")


def _without_times(text, start, end, times, lang) -> tuple[int, str]:
    """The phrase ``text[start:end]`` with time expressions and openers blanked out."""
    chars = list(text[start:end])
    for s, e in spans.overlapping(times, start, end):
        for k in range(max(s, start), min(e, end)):
            chars[k - start] = " "
    phrase = _QUOTED.sub(_blank, "".join(chars))  # "“Order,” he said": quoted words are no subject
    phrase = phrase.replace("“", " ").replace("”", " ").replace('"', " ")
    according = _according_regex(lang).match(phrase.lstrip())
    if according and "," in phrase:  # "Menurut X, ..." opens the sentence: not its subject
        cut = phrase.index(",") + 1
        phrase = " " * cut + phrase[cut:]
    phrase = _LONE_PREPOSITION.sub(_blank, phrase)  # "Pada hari Rabu" once the time is blanked
    phrase = _EMPTY_BRACKETS.sub(_blank, phrase)
    phrase = _strip_lead(phrase, lang)
    lead = len(phrase) - len(phrase.lstrip(" ,"))
    return start + lead, phrase.strip(" ,")


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_LONE_PREPOSITION = re.compile(r"(?i)(?<![\w])(?:pada|on|at|in|sejak|since)\s+(?=\s|$|,)")
_EMPTY_BRACKETS = re.compile(r"\(\s*[\d/]*\s*\)")


def _blank(m: re.Match[str]) -> str:
    """Spaces as long as the match: offsets into the phrase must not move."""
    return " " * len(m.group(0))


def _strip_lead(phrase: str, lang: str) -> str:
    """Blank out openers and adverbs at the start (``Namun,``, ``Saat itu``), keeping offsets."""
    while True:
        lead = vocab.starting_regex(lang, "speaker_adverbs").match(phrase) or \
            vocab.starting_regex(lang, "openers").match(phrase)
        if not lead or not phrase[:lead.end()].strip(" ,"):
            return phrase
        phrase = " " * lead.end() + phrase[lead.end():]


def subject(text: str, lang: str, start: int, end: int, times) -> Attribution | None:
    """The subject of the sentence starting at ``start``: its words before the first verb."""
    phrase_start, phrase = _without_times(text, start, end, times, lang)
    lead = _LEADING_PLACE.match(phrase)
    if lead:  # "At one school in Medan, volunteers ...": the subject follows the comma
        phrase_start, phrase = phrase_start + lead.end(), phrase[lead.end():]
    words = list(re.finditer(r"\S+", phrase))
    cut = len(phrase)
    for m in words:
        if _verb_like(m.group(0), lang) or m.group(0).lower() in ("pada", "on", "di", "dalam", "in", "at"):
            cut = m.start()
            break
    head = phrase[:cut].split()
    if head and categories._number_word(lang, head[0]) and not _reporting_regex(lang).fullmatch(
            phrase[cut:].split()[0].lower().strip(",.") if phrase[cut:].split() else ""):
        return None  # "Three people have died ...": what the sentence counts, not who says it ("Two officials said")
    found = speaker(phrase[:cut], lang) if phrase[:cut].strip() else None
    if not found:
        return None
    return Attribution(phrase_start, phrase_start + cut, found, "subject")


_LEADING_PLACE = re.compile(r"(?i)\s*(?:at|in|on|from|di|dalam|dari|pada)\s[^,]{1,60},\s*")


def _verb_like(word: str, lang: str) -> bool:
    low = word.lower().strip(",.")
    if _reporting_regex(lang).fullmatch(low):
        return True
    if lang == "id":
        return len(low) > 5 and low.startswith(("me", "ber", "di", "ter")) and not word[:1].isupper() \
            and not categories.known_noun(lang, low)  # "kata kantor berita SANA": a noun, the name goes on
    return low in ("is", "are", "was", "were", "has", "have", "had", "will", "would") or (
        len(low) > 4 and low.endswith("ed") and not word[:1].isupper()) or (
        low in vocab.wordset(lang, "verb_forms") and not word[:1].isupper())  # "Police gave a higher figure"


def source(text: str, lang: str, pos: int, limit: int) -> Attribution | None:
    """``the message from X``, ``pesan dari X``: X, whose words a sentence pointing back to a quote names."""
    m = vocab.regex(lang, "backref_sources").search(text, pos, limit)
    return _phrase_speaker(text, lang, m.end(), limit, "passive") if m else None


_ENDS_BY = re.compile(r"(?i)(?<!\w)(?:by|oleh)$")


def passive_agent(text: str, lang: str, pos: int, limit: int, last: bool = False) -> Attribution | None:
    """``yang disampaikan Polri``, ``confirmed by police``: the agent after a passive verb (the first, or last)."""
    found = list(vocab.regex(lang, "passive_verbs").finditer(text, pos, limit))
    m = (found[-1] if last else found[0]) if found else None
    if not m:
        return None
    by = _BY.match(text, m.end(), limit)
    marked = bool(by) or bool(_ENDS_BY.search(m.group()))  # "reported by" names its agent as "oleh" does
    if not marked and vocab.category_regex(lang, "predicates").match(text, _SPACES.match(text, m.end()).end()):
        return None  # "dinyatakan hilang", "reported missing": what the passive says of someone, no agent
    found = _phrase_speaker(text, lang, by.end() if by else m.end(), limit, "passive")
    relative = re.search(r"(?i)(?:yang|that|which)\s+(?:\w+\s+)?$", text[max(0, m.start() - 20):m.start()])
    if found and found.speaker.kind == "group" and not found.speaker.name[:1].isupper():
        return found if marked or relative else None
    return found
