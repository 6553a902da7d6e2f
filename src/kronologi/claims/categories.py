"""What a number counts: its category and subject, from the counted noun and the predicate.

The clause around a number is read in two windows that stop at punctuation,
at clause-joining words (``dan``, ``while``...) and at the next number:

1. a predicate after it (``5.800 orang ditahan``, ``174 people were killed``);
2. a predicate before it (``menangkap tujuh orang``, ``killed 125 people``);
3. the counted noun (``2.500 tentara``, ``42.000 penonton``, ``lima penantang``);
4. a running total named earlier in the sentence (``jumlah korban meninggal ... 174 orang``,
   ``the death toll rose to 133``) when the counted noun is generic (``orang``, ``people``).

A predicate beats a noun: ``16 petugas keamanan tewas`` is *killed*, subject
*security forces*. A number with no category is not a figure.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kronologi.claims import vocab
from kronologi.claims.numbers import Number

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_QUOTES = "\"“”‘’'«»"
_WINDOW = 90


@dataclass
class Counted:
    category: str | None
    cue: str | None  # predicate | predicate_before | noun | toll
    subject: str | None
    noun: str  # the counted noun phrase as written ("" if none)
    generic: bool  # the noun phrase says nothing specific ("orang", "people") or is absent


@functools.lru_cache(maxsize=None)
def _stop_regex(lang: str, forward: bool = False) -> re.Pattern[str]:
    """Where a clause ends; looking forward, a predicate does not reach past ``for``/``untuk`` either."""
    words = vocab.phrases(lang, "clause_joins") + (vocab.phrases(lang, "predicate_stops") if forward else ())
    return re.compile(rf"[,;:.!?()\[\]\n]|\d|(?<!\w)(?:{vocab.alternation(words)})(?!\w)", re.IGNORECASE)


def after_window(text: str, lang: str, n: Number, end: int) -> tuple[int, int]:
    """From the end of ``n`` to the end of its clause (a parenthetical "including ..." is skipped)."""
    stop = _stop_regex(lang, True).search(text, n.end, min(end, n.end + _WINDOW))
    while stop and (_joins_nouns(text, lang, stop, end) or _acronym(text, stop)):  # "100 bisnis dan bank diserang"
        skip = _acronym(text, stop)
        stop = _stop_regex(lang, True).search(text, skip.end() if skip else stop.end(), min(end, n.end + _WINDOW))
    if stop and stop.group(0) == "," and (vocab.starting_regex(lang, "including").match(text[stop.end():])
                                          or vocab.starting_regex(lang, "count_asides").match(text[stop.end():].lstrip())):
        again = re.compile(r",").search(text, stop.end(), min(end, stop.end() + _WINDOW))
        if again:
            nxt = _stop_regex(lang, True).search(text, again.end(), min(end, again.end() + _WINDOW))
            return n.end, nxt.start() if nxt else min(end, again.end() + _WINDOW)
    return n.end, stop.start() if stop else min(end, n.end + _WINDOW)


_ACRONYM = re.compile(r"\(\s*[A-Z][A-Za-z]{1,6}\s*\)")


def _acronym(text: str, stop: re.Match[str]) -> re.Match[str] | None:
    """``6 warga negara Indonesia (WNI) dirawat``: an acronym in parentheses goes on with its clause."""
    return _ACRONYM.match(text, stop.start()) if stop.group(0) == "(" else None


def _joins_nouns(text: str, lang: str, stop: re.Match[str], end: int) -> bool:
    """A conjunction between two nouns (``bisnis dan bank``), not between two clauses or two numbers."""
    if stop.group(0).lower() not in ("dan", "and", "serta", "atau", "or"):
        return False
    nxt = re.match(r"\s+([^\W\d_][\w-]*)", text[stop.end():end])
    if not nxt or text[stop.start() - 2:stop.start()].strip() in (",",):
        return False
    word = nxt.group(1)
    if word.lower() in vocab.wordset(lang, "noun_articles"):  # "two soldiers and a civilian were killed"
        after = re.match(r"\s+([^\W\d_][\w-]*)", text[stop.end() + nxt.end():end])
        word = after.group(1) if after else word
    return not (_verb_like(lang, word.lower()) or vocab.category_regex(lang, "predicates").match(word)
                or word.lower() in vocab.wordset(lang, "noun_stops") or word[:1].isupper()
                or _number_word(lang, word))  # "412 jiwa dan tujuh orang hilang": two counts


def _number_word(lang: str, word: str) -> bool:
    from kronologi.claims.numbers import find_numbers

    return any(n.start == 0 for n in find_numbers(word, lang))


def before_window(text: str, lang: str, n: Number, start: int) -> tuple[int, int]:
    """From the start of ``n``'s clause to ``n``."""
    floor = max(start, n.start - _WINDOW)
    last = None
    for last in _stop_regex(lang).finditer(text, floor, n.start):
        pass
    return (last.end() if last else floor), n.start


def classify(text: str, lang: str, n: Number, sent: tuple[int, int]) -> Counted:
    """The category and subject of ``n`` in the sentence ``sent``."""
    a0, a1 = after_window(text, lang, n, sent[1])
    b0, b1 = before_window(text, lang, n, sent[0])
    comma = text.find(",", n.end, a1)
    aside = comma >= 0 and vocab.starting_regex(lang, "count_asides").match(text[comma + 1:a1].lstrip())
    noun, generic = counted_noun(text, lang, n.end, comma if aside else a1)  # "87 people, most of them pupils,"
    found = _first(lang, "predicates", text, a0, a1)
    cue = "predicate"
    if found in vocab.wordset(lang, "before_only"):  # "mesin 4 silinder berkapasitas 2.000 cc"
        found = None
    if found and _done_by(text, lang, a0, a1, found):
        found, cue = vocab.section(lang, "agents").get(found) if vocab.section(lang, "agents") else None, "agent"
    if not found:
        found, cue = _last(lang, "predicates", text, b0, b1), "predicate_before"
        found = _relative_head(text, lang, b0, b1) or found
    noun_category = _noun_category(lang, noun)
    if found in _yields(lang) and noun_category:  # "mengirimkan 2.500 tentara": troops; "tiga jenazah dievakuasi"
        found, cue = noun_category, "noun"
    if not found:
        found, cue = noun_category, "noun"
        if found in vocab.wordset(lang, "thing_categories") and vocab.ending_regex(lang, "where_prepositions").search(
                text, sent[0], n.start):
            found = None  # "diperoleh dari tiga rumah sakit", "mengungsi ke dua sekolah": where, not what was hit
    if not found:
        found, cue = _linked_noun(text, lang, n, b0, sent[0]), "noun"
    if not found and (generic or _human(lang, noun, False)):
        found, cue = _named_count(text, lang, _clause_start(text, n, sent[0]), n.start), "toll"
    if not found and (generic or _human(lang, noun, False)):
        found, cue = _last(lang, "tolls", text, sent[0], n.start), "toll"
    if not found and generic and _changed_to(text, lang, b0, b1):
        # "meninggal dunia ..., bertambah menjadi 268": the change of a count named earlier in the sentence
        found, cue = _last(lang, "predicates", text, sent[0], b0), "toll"
    found = _still(text, lang, found, (a0, a1), (b0, b1))
    if found in vocab.wordset(lang, "human_categories") and not _human(lang, noun, generic):
        return Counted(None, None, None, noun, generic)  # "menahan beban 40 kg", "1 unit barang bukti"
    if not found:
        return Counted(None, None, None, noun, generic)
    subject = None if found in vocab.wordset(lang, "subjectless") else subject_of(lang, noun, found, text[a0:a1])
    return Counted(found, cue, subject, noun, generic)


def _still(text: str, lang: str, found: str | None, after: tuple[int, int], before: tuple[int, int]) -> str | None:
    """Those still in hospital, however the clause names them: a count of the hurt or the ill whose clause says
    they are still treated ("Korban luka yang masih dirawat tinggal 45 orang"), or that a still word opens
    ("masih ada 80 warga yang dirawat"), counts who is in hospital on the day, not all who were ever treated."""
    still = vocab.section(lang, "still_categories") or {}
    if found not in still:
        return found
    target = still[found]
    for m in vocab.category_regex(lang, "predicates").finditer(
            _unquoted(text[before[0]:before[1]]) + " # " + _unquoted(text[after[0]:after[1]])):
        if vocab.category_of(lang, "predicates", m.group(0)) == target:
            return target
    if vocab.regex(lang, "still_words").search(text, *before) and vocab.regex(lang, "still_predicates").search(
            _unquoted(text[after[0]:after[1]])):
        return target
    return found


def shared(text: str, lang: str, n: Number, following: Number, sent: tuple[int, int], counted: Counted) -> Counted:
    """``26 "armed criminals" and 16 security officers had been killed``: a predicate after the next
    number, joined by ``and``/``dan``/a comma, is this one's too."""
    between = text[after_window(text, lang, n, sent[1])[1]:following.start]
    if not re.fullmatch(r"\s*(?:,|,?\s*(?:dan|and|serta|atau|or))\s*(?:\w+\s+)?", between):
        return counted
    other = classify(text, lang, following, sent)
    category = other.category if other.cue == "predicate" else _predicate_after(text, lang, following, sent)
    if category is None and other.category and other.cue == "noun" and counted.noun and counted.generic \
            and other.noun.lower().startswith(counted.noun.lower() + " "):
        category = other.category  # "30 orang dan 8 orang tersangka": the noun the last item finishes
    if category is None or (other.cue != "predicate" and category in vocab.wordset(lang, "human_categories")
                            and not _human(lang, counted.noun, counted.generic)):
        return counted
    return Counted(category, "shared", subject_of(lang, counted.noun, category, ""), counted.noun,
                   counted.generic)


def _predicate_after(text: str, lang: str, n: Number, sent: tuple[int, int]) -> str | None:
    """The predicate after ``n`` in its clause, whatever ``n`` counts: ``menetapkan 45 orang dan satu perusahaan
    sebagai tersangka`` names the people suspects though a firm is counted last."""
    a0, a1 = after_window(text, lang, n, sent[1])
    found = _first(lang, "predicates", text, a0, a1)
    if found is None or found in vocab.wordset(lang, "before_only") or _done_by(text, lang, a0, a1, found):
        return None
    return found


def _relative_head(text: str, lang: str, start: int, end: int) -> str | None:
    """``Korban meninggal yang sebelumnya dinyatakan hilang mencapai 335 jiwa``: a predicate before the number
    inside a relative clause describes the noun the clause follows; that noun's category (a toll right before
    the relative word) is what the number counts. None when no such noun stands there, or
    when the predicate acts on the number itself (``tentara yang menewaskan 12 warga``)."""
    span = _unquoted(text[start:end])
    verb = None
    for verb in vocab.category_regex(lang, "predicates").finditer(span):
        pass
    if verb is None or not _TOKEN.search(span, verb.end()):
        return None
    relative = None
    for relative in vocab.regex(lang, "relative_words").finditer(span, 0, verb.start()):
        pass
    if relative is None:
        return None
    head = span[:relative.start()].rstrip()
    last = None
    for last in vocab.category_regex(lang, "tolls").finditer(head):
        pass
    # only a toll noun ("korban meninggal") says what is counted; a plain noun ("rumah yang rusak sedang") is
    # counted as the clause's predicate says
    return vocab.category_of(lang, "tolls", last.group(0)) if last and last.end() == len(head) else None


def _changed_to(text: str, lang: str, start: int, end: int) -> bool:
    """The clause before a number is only a change of a count (``, naik menjadi``, ``, rose to``)."""
    words = [w.lower() for w in _TOKEN.findall(text[start:end])]
    links = vocab.wordset(lang, "change_words") | vocab.wordset(lang, "toll_links")
    return bool(words) and all(w in links or w in ("to", "has", "had", "have") for w in words) and any(
        w in vocab.wordset(lang, "change_words") for w in words)


def _yields(lang: str) -> frozenset[str]:
    """Categories whose predicate gives way to the counted noun's category."""
    return vocab.wordset(lang, "noun_first") | {"deployed"}


def _named_count(text: str, lang: str, start: int, end: int) -> str | None:
    """``jumlah pengungsi kini mencapai 4.210 orang``, ``the number of evacuees rose to 3,000``: a category
    noun earlier in the clause names what a generic count counts, when no other verb stands between them."""
    end = start + len(_without_qualifiers(lang, text[start:end]))  # "Pengungsi diperkirakan sekitar 3.000 jiwa"
    found = None
    for found in vocab.category_regex(lang, "nouns").finditer(_unquoted(text[start:end])):
        pass
    if not found or re.search(r"\d", text[start:end]):  # "82 suara dari 98 anggota": another number's noun
        return None
    links = vocab.wordset(lang, "toll_links") | vocab.wordset(lang, "change_words") | vocab.wordset(
        lang, "amount_links") | vocab.wordset(lang, "count_words")
    breaks = vocab.wordset(lang, "clause_joins") | vocab.wordset(lang, "predicate_stops")
    between = [w.lower() for w in _TOKEN.findall(text[start + found.end():end])]
    if any((_verb_like(lang, w) or w in breaks) and w not in links for w in between):
        return None
    return vocab.category_of(lang, "nouns", found.group(0))


def _without_qualifiers(lang: str, head: str) -> str:
    """``head`` without the qualifiers that end it, however many (``diperkirakan kurang lebih``): an estimate
    word says how sure the count is, not what it counts, so it is no verb between a count's name and it."""
    from kronologi.claims.qualifiers import strip_qualifier

    while True:
        shorter = strip_qualifier(lang, head)
        if shorter == head:
            return head
        head = shorter


def _clause_start(text: str, n: Number, floor: int) -> int:
    """Where the clause of ``n`` starts, by punctuation only (not at a clause-joining word)."""
    last = None
    for last in re.finditer(r"[,;:.!?()\[\]\n]", text[max(floor, n.start - _WINDOW):n.start]):
        pass
    return max(floor, n.start - _WINDOW) + (last.end() if last else 0)


def _linked_noun(text: str, lang: str, n: Number, floor: int, sentence_start: int) -> str | None:
    """``Pasukan PBB yang berjumlah 1.200 personel``: the noun that an amount link gives its number, in its
    sentence (``tidak menimbulkan korban jiwa. Sebanyak 5.400 jiwa ... mengungsi``: no toll)."""
    head = text[max(floor - 60, sentence_start, 0):n.start]
    link = vocab.ending_regex(lang, "amount_links").search(head)
    if not link:
        return None
    return _last(lang, "nouns", head, 0, link.start())


def _human(lang: str, noun: str, generic: bool) -> bool:
    """Whether a counted noun phrase may count people: none, a generic one, or one with a human noun."""
    if generic or not noun:
        return True
    words = {w.lower() for w in _TOKEN.findall(_unquoted(noun))}
    category = _noun_category(lang, noun)
    return bool(words & vocab.wordset(lang, "human_nouns")) or bool(canonical(lang, noun)) or bool(
        category and category not in vocab.wordset(lang, "thing_categories"))


def _done_by(text: str, lang: str, start: int, end: int, category: str) -> bool:
    """Whether the number counts the doers of the predicate after it (``300 protesters attacked the office``)."""
    if category not in vocab.wordset(lang, "patient_categories"):
        return False
    m = vocab.category_regex(lang, "predicates").search(_unquoted(text[start:end]))
    word = m.group(0).lower()
    if word in vocab.wordset(lang, "active_predicates"):
        return True
    if lang != "en" or " " in word:
        return False
    before, after = text[start:start + m.start()], text[start + m.end():end + 20]
    passive = re.search(r"(?i)(?<![\w])(?:was|were|is|are|been|be|being|got|get)\s+(?:\w+\s+)?$", before)
    has_object = re.match(r"\s+(?:(?:the|a|an|his|her|their|its|our)(?!\w)|\d|[A-Z])", after)
    return not passive and bool(has_object)


def _first(lang: str, kind: str, text: str, start: int, end: int) -> str | None:
    m = vocab.category_regex(lang, kind).search(_unquoted(text[start:end]))
    return vocab.category_of(lang, kind, m.group(0)) if m else None


def first_category(lang: str, kind: str, text: str) -> str | None:
    """The category of the first phrase of ``kind`` (tolls, nouns, predicates) in ``text``."""
    return _first(lang, kind, text, 0, len(text))


def _last(lang: str, kind: str, text: str, start: int, end: int) -> str | None:
    found = None
    for m in vocab.category_regex(lang, kind).finditer(_unquoted(text[start:end])):
        found = m
    return vocab.category_of(lang, kind, found.group(0)) if found else None


def _unquoted(span: str) -> str:
    return span.translate({ord(q): " " for q in _QUOTES})


def counted_noun(text: str, lang: str, pos: int, end: int) -> tuple[str, bool]:
    """The noun phrase right after a number (``petugas keamanan``), and whether it is generic."""
    of = re.compile(r"\s+of\s+(?=[^\W\d_])").match(text, pos, end)  # "hundreds of businesses"
    if of and lang == "en" and not vocab.starting_regex(lang, "partitives").match(text, pos, end):
        pos = of.end()
    known = vocab.labelled_regex(lang, "subjects").match(_unquoted(text[pos:end]).lstrip())
    if known and known.group(0).strip():
        return known.group(0).strip(), False
    stops = vocab.wordset(lang, "noun_stops")
    predicates = vocab.category_regex(lang, "predicates")
    words: list[str] = []
    for m in _TOKEN.finditer(_unquoted(text[pos:end])):
        word = m.group(0)
        low = word.lower()
        if low in stops or predicates.match(_unquoted(text[pos:end]), m.start()) or len(words) == 4:
            break
        if words and (_verb_like(lang, low) or _number_word(lang, word)):
            break  # "14 terdakwa tiga tahun penjara": the noun ends where another count begins
        words.append(word)
    generic_set = vocab.wordset(lang, "generic_nouns")
    phrase = " ".join(words)
    rest = _strip_generic(phrase, generic_set)
    return phrase, not rest


def strip_generic(lang: str, phrase: str) -> str:
    """The counted noun phrase without its generic words (``orang WNI`` -> ``WNI``)."""
    return _strip_generic(phrase, vocab.wordset(lang, "generic_nouns"))


def human(lang: str, noun: str) -> bool:
    """Whether a counted noun phrase names people (``WNI``, ``ministers and their aides``)."""
    words = {w.lower() for w in _TOKEN.findall(_unquoted(noun))}
    return bool(words & vocab.wordset(lang, "human_nouns")) or bool(vocab.regex(lang, "human_nouns").search(noun))


def tells_act(lang: str, clause: str) -> bool:
    """Whether a clause has a verb by its form (``diserahkan``, ``naming``, ``were``)."""
    return any(_verb_like(lang, w.lower()) or (lang == "en" and len(w) >= 6 and w.lower().endswith("ing")
                                               and w.lower() not in vocab.wordset(lang, "not_counted"))
               for w in _TOKEN.findall(clause))


def _strip_generic(phrase: str, generic: frozenset[str]) -> str:
    words = phrase.split()
    while words and words[0].lower() in generic:
        words = words[1:]
    return " ".join(words)


def _verb_like(lang: str, word: str) -> bool:
    """A verb by its form ends a noun phrase: an Indonesian prefix (``tujuh orang berencana``), an English
    past participle (``4,300 homes reported``) or form of *be*. A noun the pack knows is no verb, whatever
    its form (``30 orang tersangka``, ``dua terdakwa``)."""
    if lang == "id":
        return len(word) >= 6 and word.startswith(("me", "ber", "di", "ter")) and not _known_noun(lang, word)
    return (len(word) >= 5 and word.endswith("ed") and word not in vocab.wordset(lang, "human_nouns")) or \
        word in vocab.wordset(lang, "auxiliaries") or word in vocab.wordset(lang, "verb_forms")


def _known_noun(lang: str, word: str) -> bool:
    """A word the pack lists as a counted noun of a category, as a noun for people, or as a noun shaped like a
    verb (``berita``, ``menteri``)."""
    return word in vocab.wordset(lang, "human_nouns") or word in vocab.wordset(lang, "verb_shaped_nouns") \
        or bool(vocab.category_regex(lang, "nouns").fullmatch(word))


def known_noun(lang: str, word: str) -> bool:
    """``_known_noun`` for another module's verb test (the speaker phrase's end)."""
    return _known_noun(lang, word.lower())


def _noun_category(lang: str, noun: str) -> str | None:
    if not noun:
        return None
    m = vocab.category_regex(lang, "nouns").search(noun)
    if m and _modifier(lang, noun, m):
        return None
    return vocab.category_of(lang, "nouns", m.group(0)) if m else None


def _modifier(lang: str, noun: str, m: re.Match[str]) -> bool:
    """In a language whose noun phrases put the head first (pack ``noun_head: first``), a category noun after
    a head that counts no one only describes it: ``200 kantong jenazah`` counts bags, not the dead."""
    if vocab.section(lang, "noun_head") != "first" or m.start() == 0:
        return False
    words = [w.lower() for w in _TOKEN.findall(_unquoted(noun[:m.start()]))]
    generic = vocab.wordset(lang, "generic_nouns")
    head = next((w for w in words if w not in generic), None)
    return head is not None and head not in vocab.wordset(lang, "human_nouns") and not vocab.regex(
        lang, "human_nouns").match(noun[:m.start()].lstrip())


def subject_of(lang: str, noun: str, category: str, after: str) -> str | None:
    """What was counted, canonical where known: ``petugas keamanan`` -> ``security forces``."""
    scope = vocab.regex(lang, "scopes").search(after)
    if scope:
        phrase = " ".join(after[scope.start():].split()[:3])
        return canonical(lang, phrase) or canonical(lang, " ".join(phrase.split()[:2])) or phrase.strip(",. ")
    if noun and _noun_category(lang, noun) == category and vocab.category_regex(lang, "nouns").fullmatch(
            _strip_generic(noun, vocab.wordset(lang, "generic_nouns"))):
        return None
    whole = canonical(lang, noun) if noun else None
    if whole and whole != category:
        return whole
    rest = _strip_generic(noun, vocab.wordset(lang, "generic_nouns"))
    if not rest:
        return None
    if _noun_category(lang, rest) == category and vocab.category_regex(lang, "nouns").fullmatch(rest):
        return None
    return canonical(lang, rest) or _longest_known(lang, rest) or rest


def canonical(lang: str, phrase: str) -> str | None:
    """The pack's English name of a subject phrase (exact match), or None."""
    return vocab.label_of(lang, "subjects", phrase.strip(_QUOTES + " ,."))


def _longest_known(lang: str, phrase: str) -> str | None:
    m = vocab.labelled_regex(lang, "subjects").match(phrase)
    return vocab.label_of(lang, "subjects", m.group(0)) if m else None


def partitive(text: str, lang: str, n: Number, end: int) -> str | None:
    """``34 orang di antaranya``, ``21 of them seriously``: the words that say which part, or None."""
    head = text[n.end:min(end, n.end + 40)]
    m = re.match(r"\s*(?:[^\W\d_]+\s+)?", head)
    for skip in (0, m.end() if m else 0):
        cue = vocab.starting_regex(lang, "partitives").match(head[skip:])
        if cue:
            rest = head[skip + cue.end():]
            return " ".join(_TOKEN.findall(rest.split(",")[0])[:3])
    return None


def including(text: str, lang: str, n: Number, start: int) -> bool:
    """``termasuk dua polisi``, ``including two officers``: a part of the figure before it."""
    return bool(vocab.ending_regex(lang, "including").search(text[max(start, n.start - 30):n.start]))
