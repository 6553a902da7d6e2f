"""Where a count counts: the place a figure is restricted to, relative to its story.

A figure's place is read next to its number, up to the neighbouring number or the clause's end:
the words after it first (``1.204 tewas di Garut dan 310 di Tasik``), else those before it
(``Di Yordania sedikitnya 17 orang tewas``). A place counts when a locative cue stands before it
(``di``, ``in``, ``across``; ``warga`` for its people) or a possessive after it (``Ardania's
toll``); two places there (``in Ardania and Belvora``) are a combined count, no restriction.
Names are keyed by the gazetteer (``Turki`` and ``Turkey`` are one place), else by their words
without an administrative prefix. With no place in its words, a count whose claimant is a body of
one of the places the story counts (``Pemerintah Ardania mencatat 200 orang tewas``) is that place's.

A place restricts a count only where the story counts that category in more than one place,
and never the story's home (``home_places``): the place its counts name far more often than any
other (a story about one town names it everywhere, and its counts are all of it; a story of two
countries has no home, and each one's count is a part of the combined count).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from kronologi import langs
from kronologi.claims import ledgervocab, vocab
from kronologi.claims.vocab import alternation
from kronologi.claims.spans import ByStart
from kronologi.entities import gazetteer

_STOP = re.compile(r"\d|(?<!\d)[,.]|[,.](?!\d)|[;:!?\n()\"“”]")
_SENTENCE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[;!?\n]")
_HARD_STOP = re.compile(r"\d|(?<!\d)\.|\.(?!\d)|[;:!?\n\"“”]")
_REACH = 80
_PLACE_TYPES = ("LOC", "GPE", None)


def place_of(text: str, lang: str | None, fig: dict, mentions: ByStart | list[dict]) -> str | None:
    """The place a figure's words restrict it to (see the module docstring), or None."""
    skip = _claimant_span(fig)
    paired = _respectively(text, lang, fig, mentions)
    if paired:
        return paired
    opening = _opening(text, fig["start"])
    after = _segment_after(text, lang, fig["end"])
    before = _pieces_before(text, lang, fig["start"], _names_place(text, lang, *after))
    for start, end in [after, *before, *([opening] if opening else [])]:
        if ledgervocab.regex(lang, "all_areas").search(text, start, end):
            return ALL
        found = _places(text, lang, start, end, mentions, skip)
        if found and _only_bodies(text, lang, start, end, mentions):
            # "Polda Ardana mengamankan 94 orang usai kericuhan di Kota Belvora": the body's region is whose count
            # it is; the place the sentence goes on to name is where the count is
            found = _places(text, lang, fig["end"], _sentence_end(text, fig["end"]), mentions, skip) or found
        if found:
            return found.pop() if len(found) == 1 else ALL
    return None


def _sentence_end(text: str, pos: int) -> int:
    stop = _SENTENCE_END.search(text, pos)
    return stop.start() if stop else len(text)


def _only_bodies(text: str, lang: str | None, start: int, end: int, mentions: ByStart | list[dict]) -> bool:
    """Whether the only places ``text[start:end]`` names are the regions of bodies (``Polda Ardana``)."""
    if gazetteer.find_places(_unpossessive(text[start:end])):
        return False
    inside = _within(mentions, start, end)
    bodies = [m for m in inside if m.get("type") in (*_PLACE_TYPES, "ORG") and _body_region(lang, m["text"])]
    return bool(bodies) and not any(m.get("type") in _PLACE_TYPES and m["text"][:1].isupper()
                                    and not _body_region(lang, m["text"]) for m in inside)


def _body_region(lang: str | None, name: str) -> bool:
    return _named_within(lang, name, ("place_bodies",)) is not None


_COUNT = re.compile(r"(?<![\w.,])\d[\d.,]*(?![\w])")


def _respectively(text: str, lang: str | None, fig: dict, mentions) -> str | None:
    """``di Ardana dan Belvora masing-masing 30 orang dan 8 orang``, ``Ardana and Belvora had 30 and 8
    respectively``: the count's place is the place listed in the same position, before the counts."""
    items = langs.load(langs.normalise_lang(lang), ledgervocab.TOPIC).get("respectively") or []
    if not items:
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, fig["start"] - 3 * _REACH), fig["start"])]
    begin = ends[-1] if ends else max(0, fig["start"] - 3 * _REACH)
    stop = _SENTENCE_END.search(text, fig["end"])
    finish = min(stop.start() if stop else len(text), fig["end"] + 3 * _REACH)
    cue = ledgervocab.regex(lang, "respectively").search(text, begin, finish)
    if not cue:
        return None
    counts = [m for m in _COUNT.finditer(text, begin, finish)]
    if cue.end() <= fig["start"]:  # the cue before the counts: the places before the cue
        region, run = (begin, cue.start()), [m for m in counts if m.start() >= cue.end()]
    else:  # the cue after the counts: the places before the first count
        first = counts[0].start() if counts else fig["start"]
        region, run = (begin, first), [m for m in counts if m.end() <= cue.start()]
    if any(begin <= m.start() < region[1] for m in counts):
        return None
    index = next((i for i, m in enumerate(run) if m.start() <= fig["start"] < m.end() + 1 or fig["start"] <= m.start() < fig["end"]), None)
    places = _ordered_places(text, lang, *region, mentions)
    if index is None or len(places) < 2 or len(run) != len(places):
        return None
    return places[index]


def _ordered_places(text: str, lang: str | None, start: int, end: int, mentions) -> list[str]:
    """The places named in ``text[start:end]`` in their order, each once (a body's place by its place)."""
    spans = [(s + start, name) for s, _, name in gazetteer.find_places(_unpossessive(text[start:end]))]
    taken = {s for s, _ in spans}
    for m in _within(mentions, start, end):
        inner = _named_within(lang, m["text"])
        if inner and m.get("type") in (*_PLACE_TYPES, "ORG"):
            spans.append((m["end"] - len(inner), place_key(inner)))
        elif m.get("type") in _PLACE_TYPES and m["text"][:1].isupper() and m["start"] not in taken:
            spans.append((m["start"], _key(m)))
    out: list[str] = []
    for _, name in sorted(spans):
        if name not in out:
            out.append(name)
    return out


ALL = ""  # a count its words make the whole story's ("in Ardania and Belvora", "the combined toll")


def claimant_place(text: str, fig: dict) -> str | None:
    """The one country or known place named in a figure's claimant phrase (``Pemerintah Ardania``)."""
    start, end = _claimant_span(fig)
    found = {name for _, _, name in gazetteer.find_places(_unpossessive(text[start:end]))} if end > start else set()
    return found.pop() if len(found) == 1 else None


def _unpossessive(text: str) -> str:
    """``Ardania's`` as ``Ardania  `` (same length), so that the gazetteer reads the name."""
    return re.sub(r"(?<=\w)['’]s?(?!\w)", lambda m: " " * len(m.group(0)), text)


def _claimant_span(fig: dict) -> tuple[int, int]:
    start, end = fig.get("claimant_start"), fig.get("claimant_end")
    return (start, end) if start is not None and end is not None else (0, 0)


def _segment_after(text: str, lang: str | None, end: int) -> tuple[int, int]:
    """From the number to the next number, clause mark or new clause (``sedangkan``, ``while``)."""
    limit = min(len(text), end + _REACH)
    stops = [m.start() for m in (_STOP.search(text, end, limit), ledgervocab.regex(lang, "clause_breaks").search(
        text, end, limit)) if m]
    return end, min(stops, default=limit)


def _pieces_before(text: str, lang: str | None, start: int, own_place: bool = False) -> list[tuple[int, int]]:
    """The comma-separated pieces of the sentence before a number, nearest first, back to the
    previous number or the sentence's start (``In Ardania alone, the tally stood at 61``). The words
    right after a previous number are that number's: what follows a joiner there
    is this number's (``1.204 tewas dan di Tasik 310``); the rest is its place too (``76 tewas di X dan 440
    lainnya luka``) unless this number's own words name one (``13 di Ardana, dan 3 ... di Belvora``)."""
    floor = max(0, start - 2 * _REACH)
    hard = list(_HARD_STOP.finditer(text, floor, start))
    floor = hard[-1].end() if hard else floor
    cuts = [floor] + [m.end() for m in _STOP.finditer(text, floor, start)]
    bounds = sorted(set(cuts)) + [start]
    pieces = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 2, -1, -1) if bounds[i + 1] > bounds[i]]
    if hard and hard[-1].group(0).isdigit() and pieces:
        pieces = pieces[:-1] + _after_joiner(text, lang, *pieces[-1]) + ([] if own_place else pieces[-1:])
    lead = _lead_in(text, floor)
    return pieces + ([lead] if lead else [])


def _names_place(text: str, lang: str | None, start: int, end: int) -> bool:
    """A locative cue before a capitalised word in ``text[start:end]`` (``di Belvora``, ``in Ardania``)."""
    return bool(_cue_before_capital(langs.normalise_lang(lang)).search(text, start, end))


@functools.lru_cache(maxsize=None)
def _cue_before_capital(lang: str) -> re.Pattern[str]:
    """The pack's place cues, then a word that opens with a capital."""
    words = alternation(str(w).lower() for w in langs.load(lang, ledgervocab.TOPIC).get("place_cues") or [])
    return re.compile(rf"(?<![\w-])(?i:{words})\s+(?=[A-Z])" if words else r"(?!x)x")


def _after_joiner(text: str, lang: str | None, start: int, end: int) -> list[tuple[int, int]]:
    """What follows the last joiner of ``text[start:end]`` when it opens with a place cue (``dan di Tasik``;
    not ``Turkey and Syria``, a list of places), or nothing."""
    found = [m.end() for key in ("list_joiners", "clause_breaks")
             for m in ledgervocab.regex(lang, key).finditer(text, start, end)]
    if not found:
        return []
    at = max(found) + len(text[max(found):end]) - len(text[max(found):end].lstrip())
    return [(at, end)] if _cue_before_capital(langs.normalise_lang(lang)).match(text, at, end) else []


def _opening(text: str, start: int) -> tuple[int, int] | None:
    """The sentence's opening phrase, up to its first comma, when it holds no number: it sets where all the
    sentence's counts are (``In Ardania, 12 died and some 30 were hurt``)."""
    floor = max(0, start - 3 * _REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, start)]
    begin = ends[-1] if ends else floor
    if not ends and floor > 0:
        return None
    comma = text.find(",", begin, start)
    if comma < 0 or re.search(r"\d", text[begin:comma]):
        return None
    return begin, comma


def _lead_in(text: str, start: int) -> tuple[int, int] | None:
    """The sentence before, when it counts nothing and no paragraph break parts them: it frames the
    count that follows (``Korban di Ardania kian banyak. Data terakhir, 2.310 ...``)."""
    if start < 2 or "\n" in text[max(0, start - 2):start]:
        return None
    floor = max(0, start - 2 * _REACH)
    hard = [m.end() for m in _SENTENCE_END.finditer(text, floor, start - 2)]
    begin = hard[-1] if hard else floor
    return None if re.search(r"\d", text[begin:start]) else (begin, start)


def _places(text: str, lang: str | None, start: int, end: int, mentions: ByStart | list[dict],
            skip: tuple[int, int]) -> set[str]:
    """The places named in ``text[start:end]`` outside ``skip``, when one of them is cued as a location."""
    spans = [_possessed(text, lang, s + start, e + start, name)
             for s, e, name in gazetteer.find_places(_unpossessive(text[start:end]))]
    taken = [(s, e) for s, e, _ in spans]
    named = []  # places inside a body's or an event's name ("Polda Ardana", "Kerusuhan Ardana"): cued by it
    for m in _within(mentions, start, end):
        if any(s < m["end"] and m["start"] < e for s, e in taken):
            continue
        inner = _named_within(lang, m["text"])
        if inner and m.get("type") in (*_PLACE_TYPES, "ORG"):
            named.append((m["end"] - len(inner), m["end"], place_key(inner)))
        elif m.get("type") in _PLACE_TYPES and m["text"][:1].isupper():
            spans.append((m["start"], m["end"], _key(m)))
    cued = [_cued(text, lang, s, e) for s, e, _ in spans] + [True] * len(named)
    spans += named
    # a place inside the claimant names no place unless cued ("Ardania's agency" is no count of Ardania)
    spans = [sp for sp, c in zip(spans, cued) if c or not skip[0] <= sp[0] < skip[1]]
    if not any(cued):
        return set()
    return {name for _, _, name in spans}


def _named_within(lang: str | None, name: str, keys: tuple[str, ...] = ("place_bodies", "place_events")) -> str | None:
    """The place a name holds after a body or an event word (``Polda Ardana``, ``Gempa Belvora`` -> the place)."""
    for key in keys:
        items = langs.load(langs.normalise_lang(lang), ledgervocab.TOPIC).get(key) or []
        m = re.match(rf"(?i:{alternation(str(p).lower() for p in items)})\s+(?=[A-Z])", name) if items else None
        if m:
            return name[m.end():]
    return None


def _within(mentions, start: int, end: int) -> list[dict]:
    """The mentions lying inside ``[start, end)``: bisected when given as ``ByStart`` (the ledger's way)."""
    if isinstance(mentions, ByStart):
        return [m for m in mentions.inside(start, end) if m["end"] <= end and m["start"] < end]
    return [m for m in mentions if start <= m["start"] and m["end"] <= end]


_POSSESSED = re.compile(r"['’]s\s+((?:[A-Z][\w'’-]*\s+){1,3})([a-z]+)")


def _possessed(text: str, lang: str | None, start: int, end: int, name: str) -> tuple[int, int, str]:
    """``Ardania's Belvora province``: a known place that owns a place named with its kind locates that place;
    the count is the owned place's (the one its story's other articles name), not the whole country's."""
    m = _POSSESSED.match(text, end)
    if not m or m.group(2).lower() not in vocab.wordset(lang or "en", "place_words"):
        return start, end, name
    owned = m.group(1).strip()
    return start, m.start(1) + len(owned), place_key(owned)


def _key(mention: dict) -> str:
    return place_key(mention["text"])


def place_key(name: str) -> str:
    """A place's key: its gazetteer name (``Turki`` -> ``Turkey``), else its words without an
    administrative prefix (``Kabupaten Ardana`` -> ``ardana``)."""
    known = gazetteer.lookup(name)
    if known:
        return known
    return gazetteer.without_prefix(name).lower()


def _cued(text: str, lang: str | None, start: int, end: int) -> bool:
    before = text[max(0, start - 25):start]
    if _origin(lang).search(before):
        return False  # "warga asli Ardana", "berasal dari Belvora": who the counted are, not where
    cue = ledgervocab.ending_regex(lang, "place_cues").search(before)
    if cue and not re.search(r"\d", cue.group(0)):  # "terdiri dari 22 warga Ardana": another count's noun
        return True
    if _right_before(lang, "place_bodies").search(before) or _right_before(lang, "place_events").search(before):
        return True  # "oleh Polda Ardana", "kerusuhan Ardana menewaskan": the body's or the event's place
    if _right_after(lang).match(text, end, end + 20):
        return True  # "the Ardana riot killed 12"
    return bool(re.match(r"['’]s?(?!\w)", text[end:end + 3]))


@functools.lru_cache(maxsize=None)
def _right_before(lang: str | None, key: str) -> re.Pattern[str]:
    """A word of ``ledger.yaml``'s ``key`` right before a text's end (no word between: ``gempa Ardana``)."""
    items = langs.load(langs.normalise_lang(lang), ledgervocab.TOPIC).get(key) or []
    words = alternation(str(p).lower() for p in items)
    return re.compile(rf"(?<![\w-])(?:{words})\s+$" if words else r"(?!x)x", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _origin(lang: str | None) -> re.Pattern[str]:
    """An origin word of ``ledger.yaml`` closing a text, up to two words before its end (``asli Ardana``)."""
    items = langs.load(langs.normalise_lang(lang), ledgervocab.TOPIC).get("origin_cues") or []
    return ledgervocab.ending_regex(lang, "origin_cues") if items else re.compile(r"(?!x)x")


@functools.lru_cache(maxsize=None)
def _right_after(lang: str | None) -> re.Pattern[str]:
    """An event noun of ``ledger.yaml`` right after a place (``Ardana riot``)."""
    items = langs.load(langs.normalise_lang(lang), ledgervocab.TOPIC).get("place_events") or []
    words = alternation(str(p).lower() for p in items)
    return re.compile(rf"\s+(?:{words})(?![\w-])" if words else r"(?!x)x", re.IGNORECASE)


_DOMINANT = 3  # the home restricts three times as many of the story's counts as any place of its kind


def home_places(figures: list[dict]) -> dict[str | None, frozenset[str]]:
    """``{story: home places}``: the place a story's counts name far more often than any other place of
    its kind (a country against countries, a town against local places: a country story's
    provinces do not compete with it, and two countries of one story are no home). Places the story's
    texts write as one address (``Kecamatan Pasirhuni, Kabupaten Wanaraja``: each inside the next) are
    one place here while no other place of that address is counted beside them: the home is then all of
    them (a district and the regency around it name one scene), but two towns of one province stay two."""
    named: dict[str | None, Counter] = defaultdict(Counter)
    pairs: dict[str | None, set[tuple[str, str]]] = defaultdict(set)
    for fig in figures:
        if fig.get("place"):
            named[fig["story"]][fig["place"]] += 1
        pairs[fig["story"]].update(tuple(p) for p in fig.get("address") or ())
    out = {}
    for key, counts in named.items():
        inside = _closure(pairs[key])
        units = {_unit(place, counts, inside) for place in counts}
        score = {unit: sum(counts[p] for p in unit) for unit in units}
        first = max(units, key=lambda u: (score[u], max(counts[p] for p in u), sorted(u)))
        known = any(_known(p) for p in first)
        rival = max((score[u] for u in units if u.isdisjoint(first) and any(_known(p) for p in u) == known),
                    default=0)
        if score[first] >= 2 and score[first] >= _DOMINANT * rival:
            out[key] = first
    return out


def _closure(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """``(inner, outer)`` pairs closed under "inside what is inside" (a village, its district, its regency)."""
    out = set(pairs)
    while True:
        more = {(a, d) for a, b in out for c, d in out if b == c and a != d} - out
        if not more:
            return out
        out |= more


def _unit(place: str, counts: Counter, inside: set[tuple[str, str]]) -> frozenset[str]:
    """The counted places of one address with ``place`` when each of them is inside or around each other
    one (a line of nested places); else ``place`` alone (two villages of one district are two places)."""
    nested = [q for q in counts if q == place or (place, q) in inside or (q, place) in inside]
    if all(a == b or (a, b) in inside or (b, a) in inside for a in nested for b in nested):
        return frozenset(nested)
    return frozenset([place])


def addresses(text: str, mentions: list[dict]) -> list[tuple[str, str]]:
    """``(inner, outer)`` for each two places written one after the other with only a comma between
    (``di Kecamatan Pasirhuni, Kabupaten Wanaraja, Jawa Barat``): an address runs from the small to the large."""
    places = sorted((m for m in mentions if m.get("type") in _PLACE_TYPES and m["text"][:1].isupper()),
                    key=lambda m: m["start"])
    out = []
    for a, b in zip(places, places[1:]):
        if re.fullmatch(r"\s*,\s*", text[a["end"]:b["start"]]) and _key(a) != _key(b):
            out.append((_key(a), _key(b)))
    return out


def _known(place: str) -> bool:
    return gazetteer.lookup(place) is not None


def scopes(figures: list[dict]) -> None:
    """Set each figure's ``scope``: its ``place`` where its story counts that category in several places (how
    many more were found somewhere does not count a place), unless that place is the story's home."""
    home = home_places(figures)
    places: dict[tuple, set[str]] = defaultdict(set)
    for fig in figures:
        if fig.get("place") and not fig.get("increment"):  # "dua jenazah ditemukan di Tanjung X": where more were
            places[(fig["story"], fig["category"])].add(fig["place"])  # found, no part of a toll counted by place
    for fig in figures:
        counted = places[(fig["story"], fig["category"])]
        place = None if fig.get("subject_key") else fig.get("place")  # "10 WNI": a people, not a place
        if place is None and fig.get("claimant_place") in counted:
            place = fig["claimant_place"]  # "the Ardanian government recorded 200 dead": Ardania's count
        fig["scope"] = place if len(counted) > 1 and place and place not in home.get(fig["story"], ()) else None
