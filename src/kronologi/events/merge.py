"""Cross-document event coreference: one chronicle event per real-world happening.

``merge_events(docs, story_of)`` reads every document's ``doc.events`` and returns the
contract's ``events[]``: ``id`` (``V1``, ``V2``, ... in story and date order), ``story``,
``type``, ``summary``, ``date``, ``date_text``, ``precision``, ``date_basis``, ``modality``,
``actors`` (entity ids), ``location`` (an entity id or None), ``sources`` (``{doc, sentence,
start, end}``, one per sentence that reports the happening, of any document), ``background``
and ``evidence`` (why its sources were taken for one happening).

It works in four steps:

1. **Dating** (``narrative.date_events``): each event gets the best date its text allows and
   its ``date_basis`` (its clause, the article's narrative anchor, the publication day).
2. **Reports.** The events of one sentence that share a date are one report of one
   happening: a sentence yields a second event only for a happening with another date
   ("a verb, its noun and the saying that announces them" are one report), or one that did
   not happen ("the quake struck on land and could not cause a tsunami"). A hypothetical
   happening is no chronicle event at all (it stays among its document's events).
3. **Copies** — a duplicate document, or a passage shared with another document — always
   join.
4. **Coreference**, greedy, best-dated reports first: a report joins the cluster it is
   most surely one with (then again over the clusters, until none joins: two clusters that grew
   apart from one another's reports may now share their evidence), where

   * *precision first* — never across stories, modalities (a denial is not the deed, a plan
     not the act), days (two days at day precision), or kinds (a statement about a
     happening is not the happening); never two statements by different speakers, and
     never two reports that give different values for one kind of count (a toll of 56 and a
     toll of 162 are two announcements);
   * *evidence* decides: the same figures, the same speaker, shared participants and place
     (resolved entities, so across languages), similar wording, and for two sentences of one
     article, their closeness. A report with a coarser or unknown date needs more evidence.

Events of documents with no story are merged with their copies only.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from kronologi import langs
from kronologi.entities.gazetteer import country_of
from kronologi.entities.names import person_name, split_role
from kronologi.clean.dateline import agencies
from kronologi.events.lexicon import lexicon
from kronologi.events.modality import inside_quote
from kronologi.events.narrative import date_events
from kronologi.events.ontology import SAYING
from kronologi.events.timing import bounds

MERGE_PASSES = 3  # greedy passes at most: the second joins clusters that grew after they met
MAX_CANDIDATES = 80  # clusters compared with a report at most (the latest of a crowded bucket)
NEAR_SENTENCES = 2  # sentences of one article this close narrate on
NARRATED_WITHIN = 5  # sentences between a report and the one whose day it goes on telling, for that to count
LEAD_REACH = 3  # sentences after an article's lead that may quote what the lead tells in brief
EPISODE_GAP = 2  # a report continues an article's episode at most this many sentences after it
NEED_EPISODE = 1.25  # evidence a report needs to continue an episode (closeness alone gives 1.0)
NEED_EPISODE_BESIDE = 1.0  # an untyped dated clause next to an article's report of that day: closeness suffices
DISTINCTIVE = 10  # a shared count from this value up tells a happening apart (two reports of "1 dead" need not)
ONCE_A_DAY = 1.25  # evidence of a kind of happening a story seldom has two of on one day, on that day
SIMILAR = 0.3  # overlap of content words that counts as evidence
MIN_SHARED_WORDS = 2  # content words two wordings must share for their overlap to count at all
SIMILAR_STRONG = 0.7  # ... that outweighs different participants
NEED_SAME_DAY = 1.75  # evidence needed on the same date
NEED_LOOSE = 2.0  # ... with a coarser or unknown date
MONTH_TO_DAY = 1.0  # ... more when one is known to its month only and the other to its day
_WORD_RE = re.compile(r"\w+")
_NUMBER_RE = re.compile(r"(?<![\w.,:])\d+(?:[.,:]\d+)*(?![\w])")
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
_MODALITY_FAMILY = {"asserted": "fact", "reported": "fact", "future": "future", "hypothetical": "hypothetical",
                    "negated": "negated"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
_BASIS_RANK = {"clause": 0, "narrative": 1, "publication": 2, None: 3}
_SAYING_LIKE = SAYING | {"announcement"}
# Occurrence families: two occurrences are one happening only within a family ("other" is untyped).
_FAMILY = {"attack": "violence", "killing": "violence", "riot": "violence", "protest": "protest",
           "arrest": "power", "dismissal": "power", "appointment": "power", "resignation": "power",
           "election": "power", "announcement": "power", "deployment": "power", "withdrawal": "power",
           "internet_shutdown": "power", "internet_restoration": "power", "sanction": "sanction",
           "legal_action": "legal", "meeting": "meeting", "disaster": "disaster", "funeral": "funeral",
           "accident": "accident", "other": "any"}
# Kinds of happening a story seldom has two of on one day: one quake, one coup, one vote, one swearing-in.
_ONCE_A_DAY = frozenset({"disaster", "accident", "dismissal", "resignation", "election", "appointment",
                         "internet_shutdown",
                         "internet_restoration"})
_TYPE_RANK = {"other": 3, "statement": 2, "announcement": 1}


@dataclass
class _Report:
    """The events of one sentence that share a date: one report of one happening."""

    doc: str
    order: int  # the document's position in the input
    sentence: int
    events: list[dict[str, Any]]
    story: str | None
    kind: str  # saying | occurrence
    families: frozenset[str]
    words: frozenset[str]
    actors: frozenset[str]
    places: frozenset[str]
    regions: frozenset[str]  # "c:Turkey" for a country it names, "in:Turkey" for a province or city of one;
    # "n:kalibata pahlawan" for the words of a name its place is written with
    speakers: frozenset[str]
    bodies: frozenset[str]  # the bodies its speakers speak for ("Kepala BPBL Wiratmaja": BPBL)
    figures: dict[str, frozenset]  # category -> values
    scoped: dict[str, frozenset]  # category and scope ("killed@Syria") -> values: the quantities the ledger tells apart
    numbers: frozenset[str] = frozenset()  # distinctive numbers of the sentence (a magnitude, a clock time)
    shifts: bool = False  # the sentence opens by turning to another happening ("Meanwhile, ...")
    refers: bool = False  # it goes on from the one before: opens pointing back ("Angka itu ..."), or a bare quote
    adds: bool = False  # it is attributed as more of what its speaker was saying ('"...," tambah dia')
    bounds: dict[str, frozenset] = field(default_factory=dict)  # category (and scope) -> (low, high, value) of inexact counts
    voices: frozenset[str] = frozenset()  # who told a reported happening ("X said 30 were killed"): tells apart only
    counts: frozenset[str] = frozenset()  # the ledger ids of its figures
    parts_of: frozenset[str] = frozenset()  # the ledger ids of the totals its figures break down (not "8 more")
    steps: bool = False  # a count of how many more ("38 more were killed on Sunday"): that day's happening, no tally
    ev: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.ev = min(self.events, key=lambda e: (_BASIS_RANK[e.get("date_basis")],
                                                   _TYPE_RANK.get(e["type"], 0), e["trigger_start"]))

    @property
    def date(self) -> str | None:
        return self.ev.get("date")


class _Cluster:
    """Reports taken for one happening, with the unions comparisons read (clusters only grow)."""

    __slots__ = ("reports", "docs", "actors", "places", "regions", "speakers", "bodies", "figures", "scoped", "numbers",
                 "bounds", "voices", "counts", "parts_of", "steps", "wordings", "families", "types",
                 "best", "evidence", "_seen", "_said", "_typed")

    def __init__(self, report: _Report):
        self.reports: list[_Report] = []
        self.docs: set[str] = set()
        self.actors: set[str] = set()
        self.places: set[str] = set()
        self.regions: set[str] = set()
        self.speakers: set[str] = set()
        self.bodies: set[str] = set()
        self.figures: dict[str, set] = {}
        self.scoped: dict[str, set] = {}
        self.bounds: dict[str, set] = {}
        self.voices: set[str] = set()
        self.counts: set[str] = set()
        self.parts_of: set[str] = set()
        self.steps = False
        self.families: set[str] = set()
        self.types: set[str] = set()  # every type its reports' events have
        self.numbers: set[str] = set()
        self.wordings: list[frozenset[str]] = []
        self.evidence: list[dict[str, Any]] = []
        self._seen: set[frozenset[str]] = set()
        self._said = self._typed = False
        self.best = report
        self.add(report)

    def add(self, report: _Report) -> None:
        self.reports.append(report)
        self.docs.add(report.doc)
        self._said |= report.kind == "saying"
        self._typed |= report.kind == "occurrence" and not report.families <= {"any"}
        self.actors |= report.actors
        self.places |= report.places
        self.regions |= report.regions
        self.speakers |= report.speakers
        self.voices |= report.voices
        self.counts |= report.counts
        self.parts_of |= report.parts_of
        self.steps |= report.steps
        self.bodies |= report.bodies
        self.families |= report.families
        self.types.update(e["type"] for e in report.events)
        self.numbers |= report.numbers
        for cat, values in report.figures.items():
            self.figures.setdefault(cat, set()).update(values)
        for quantity, values in report.scoped.items():
            self.scoped.setdefault(quantity, set()).update(values)
        for quantity, spans in report.bounds.items():
            self.bounds.setdefault(quantity, set()).update(spans)
        if report.words and report.words not in self._seen:
            self._seen.add(report.words)
            self.wordings.append(report.words)
        if _rank(report) < _rank(self.best):
            self.best = report

    @property
    def kind(self) -> str:
        """``occurrence`` when a report tells a typed happening; else ``saying`` when one says or counts. An
        untyped clause ("The data were collected on Tuesday") does not turn a briefing into an occurrence."""
        if self.best.kind == "saying" or not self.best.families <= {"any"}:
            return self.best.kind
        return "occurrence" if self._typed or not self._said else "saying"

    def absorb(self, other: _Cluster, why: list[str] | None = None) -> None:
        for report in other.reports:
            self.add(report)
        self.evidence += other.evidence
        if why:
            self.evidence.append({"doc": other.best.doc, "sentence": other.best.sentence, "why": why})


def _rank(report: _Report) -> tuple:
    """The best-dated report speaks for the cluster: then the earliest day (a count told on Friday was not first told
    on Sunday), the earliest document and sentence."""
    ev = report.ev
    return (_BASIS_RANK[ev.get("date_basis")], _PRECISION_RANK[ev.get("precision")], ev.get("date") or "",
            report.order, report.sentence)


def merge_events(docs: Iterable[Any], story_of: dict[str, str] | None = None,
                 zone: str | None = None, figures: Iterable[dict[str, Any]] | None = None,
                 bodies: dict[str, set[str]] | None = None,
                 common: frozenset[tuple[str, ...]] | None = None) -> list[dict[str, Any]]:
    """The contract's ``events[]`` for the events of ``docs`` (``story_of``: document id -> story id;
    without it, each document's ``story``).

    ``figures``: the ledger's figure records, when the ledger was built first. They know what each
    count is a part of (a district's share, "three more"), its scope and its claimant's entity, so
    only whole counts tell two announcements apart; without them, each document's own figures count.
    ``bodies``: person entity key -> the bodies articles title them an officer of, read from the whole
    corpus when ``docs`` are only some of its stories; without it, read from ``docs``. ``common``: the
    quotation shingles too common to tell one statement (``common_quote_shingles``), likewise."""
    docs = list(docs)
    for doc in docs:
        date_events(doc, zone)
    reports = _reports(docs, story_of, _ledger_figures(figures) if figures is not None else None, bodies)
    clusters = _copies(docs, reports, common_quote_shingles(docs) if common is None else common)
    clusters = _episodes(clusters)
    grown = None
    for _ in range(MERGE_PASSES):  # a cluster grown late may now meet one it passed by
        clusters, grown = _merge(clusters, grown)
        if not grown:
            break
    return _records(clusters)


# --- reports -------------------------------------------------------------------------------

def _reports(docs: list[Any], story_of: dict[str, str] | None,
             ledger: dict[str, dict[int, list[dict[str, Any]]]] | None = None,
             bodies: dict[str, set[str]] | None = None) -> list[_Report]:
    out = []
    if bodies is None:
        known = _bodies_by_name(docs)
        bodies = {}  # a person's bodies, as any article of the corpus titles them
        for doc in docs:
            for person, found in _affiliations(doc, known).items():
                bodies.setdefault(person, set()).update(found)
    for order, doc in enumerate(docs):
        story = story_of.get(doc.id) if story_of is not None else getattr(doc, "story", None)
        stop = langs.words(doc.language, "clean", "function_words") | _saying_words(doc.language)
        groups: dict[tuple, list[dict[str, Any]]] = {}
        for ev in doc.events:
            if ev.get("modality") == "hypothetical":
                continue  # what might happen is no happening: it stays in its document, not in the chronicle
            unreal = _MODALITY_FAMILY.get(ev.get("modality")) != "fact"  # what did not happen is told apart
            groups.setdefault((ev["sentence"], ev.get("date"), ev.get("precision"), unreal), []).append(ev)
        # indexed once per document: a long one has thousands of reports
        figs = _repeated(doc, ledger.get(doc.id, {}) if ledger is not None else _figures_by_sentence(doc))
        named = _entities_by_text(doc)
        speakers = _quote_speakers(doc, named)
        people = _people(doc)
        place_names = _place_names(doc)
        for (sentence, *_), events in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]), kv[0][3])):
            out.append(_report(doc, order, sentence, events, story, stop, speakers.get(sentence, set()),
                               figs.get(sentence, []), named, bodies, place_names, people))
    return out


def _ledger_figures(figures: Iterable[dict[str, Any]]) -> dict[str, dict[int, list[dict[str, Any]]]]:
    """The ledger's figure records by document and sentence."""
    out: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for f in figures:
        out.setdefault(f["doc"], {}).setdefault(f.get("sentence"), []).append(f)
    return out


def _figures_by_sentence(doc: Any) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for f in getattr(doc, "figures", None) or []:
        out.setdefault(f.get("sentence"), []).append(f)
    return out


def _repeated(doc: Any, figs: dict[int, list[dict[str, Any]]]) -> dict[int, list[dict[str, Any]]]:
    """A count an article repeats is one figure (the figures layer keeps its first mention): every sentence
    that repeats it reports it too ("the toll stood at 31 on Monday" ... "'31 have died,' the mayor said")."""
    starts = [s.start for s in getattr(doc, "sentences", None) or []]
    if not starts:
        return figs
    out = {k: list(v) for k, v in figs.items()}
    for sentence, found in figs.items():
        for f in found:
            for start, _ in (f.get("mentions") or [])[1:]:
                other = bisect.bisect_right(starts, start) - 1
                if other >= 0 and other != sentence and f not in out.setdefault(other, []):
                    out[other].append(f)
    return out


class _Named(dict):
    """Each mention's text (lower case, spaces normalised) -> the entity keys it was resolved to; ``speakers``:
    the keys of the persons and bodies among them (the rest are places and other names)."""

    speakers: set[str]


def _entities_by_text(doc: Any) -> _Named:
    out = _Named()
    out.speakers = set()
    for m in doc.mentions:
        if m.get("entity"):
            out.setdefault(" ".join(m.get("text", "").lower().split()), set()).add(f"e:{m['entity']}")
            if m.get("type") in ("PER", "ORG", "NORP"):
                out.speakers.add(f"e:{m['entity']}")
    return out


def _report(doc, order, sentence, events, story, stop, quoted_by, sentence_figures, named, bodies,
            place_names, people=()) -> _Report:
    first = events[0]
    figures = _figures(sentence_figures)
    types = {e["type"] for e in events}
    saying = bool(types & _SAYING_LIKE) or any(e.get("modality") == "reported" or e.get("tells_toll") for e in events) \
        or bool(figures) or bool(sentence_figures and _figures(sentence_figures, parts=True))
    says = bool(types & _SAYING_LIKE)
    quoted = all(e.get("modality") == "reported" and _inside_quote(doc, e) for e in events)
    # "X said on Friday that the floods of last month ...": no speaker of the floods; but what a quotation tells
    # ('"Most died under the rubble," X said') is X's saying
    speakers = set(quoted_by) if says or quoted else set()
    told_by = set()  # a saying's one person among several names ("BNPB's Muhari stated"): tells apart only
    trailing = _trailing_verbs(doc.language)
    for e in events if says and not speakers else ():  # the quote's speaker, resolved with the article, comes first
        sayers = [a for a in e.get("actors") or () if isinstance(a, str)]
        if e["type"] in _SAYING_LIKE and len(sayers) == 1:  # the one who says (several: who is unclear)
            speakers.add(f"e:{sayers[0]}")
        elif e["type"] in _SAYING_LIKE:  # the subject: before the verb, or right after a trailing one ("..., kata X")
            subjects = (_named_after(doc, e) if e["trigger"].lower() in trailing else _people_before(people, e)) \
                & set(sayers)
            told_by |= {f"e:{a}" for a in subjects} if len(subjects) == 1 else set()
    if saying:
        speakers |= _claimants(sentence_figures, named)
    # a resolved entity only: telling apart on a raw mention would split one body named two ways
    voices = ({k for e in events for k in [_key(doc, e.get("said_by"))] if k and k.startswith("e:")} | told_by
              | _agency_claimants(sentence_figures)) - speakers
    actors = {a for e in events for a in _keys(doc, e.get("actors") or ())}
    places = {p for e in events for p in [_key(doc, e.get("location"))] if p}
    regions = {r for e in events for r in _regions(doc, e.get("location"), place_names)}
    text = doc.text[first["start"]:first["end"]]
    lex = lexicon(doc.language)
    opening = lex.opening(text)
    adds = lex.adds_on(text)  # '"...," he added': more of what the sentence before said
    return _Report(doc.id, order, sentence, events, story, "saying" if saying else "occurrence",
                   frozenset(_FAMILY.get(t, t) for t in types), _content(text, stop), frozenset(actors),
                   frozenset(places), frozenset(regions), frozenset(speakers),
                   frozenset(b for s in speakers | voices for b in bodies.get(s, ())),
                   figures, _figures(sentence_figures, scoped=True),
                   _numbers(text), opening.shifts, opening.refers_back or not speakers and _quoted_whole(text)
                   or adds, adds, _bounds(sentence_figures), frozenset(voices),
                   frozenset(f["id"] for f in sentence_figures if f.get("id")),
                   frozenset(f["part_of"] for f in sentence_figures
                             if f.get("part_whole") and f.get("part_of") and not f.get("increment")),
                   any(f.get("increment") and not f.get("part_whole") for f in sentence_figures))


@functools.lru_cache(maxsize=1)
def _agency_regex() -> re.Pattern[str]:
    """Every name of a news agency in the outlets packs, longest first."""
    names = sorted(agencies(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)


def _agency_claimants(sentence_figures: list[dict[str, Any]]) -> set[str]:
    """The news agencies named in the sentence's unresolved claimants ("Xinhua, the state news agency, said"),
    each by its pack name ("Anadolu Agency" is Anadolu): who relayed a count tells it apart from another's."""
    names = agencies()
    return {"a:" + names[m.group().lower()].lower() for f in sentence_figures
            if f.get("claimant") and not f.get("claimant_entity") for m in _agency_regex().finditer(str(f["claimant"]))}


def _people(doc: Any) -> list[tuple[int, str]]:
    """The article's resolved PER mentions as (start, entity), in order."""
    return sorted((m["start"], m["entity"]) for m in doc.mentions if m.get("entity") and m.get("type") == "PER")


def _people_before(people: list[tuple[int, str]], ev: dict[str, Any]) -> set[str]:
    """The people (``_people``) of the event's sentence that stand before its trigger: its subject."""
    lo, hi = bisect.bisect_left(people, (ev["start"], "")), bisect.bisect_left(people, (ev["trigger_start"], ""))
    return {entity for _, entity in people[lo:hi]}


TRAILING_REACH = 12  # characters between a trailing attribution verb and the name it attributes to ("kata  SANA")


def _named_after(doc: Any, ev: dict[str, Any]) -> set[str]:
    """The resolved name that starts right after the event's trigger ("..., kata SANA", "..., said the agency")."""
    end = ev["trigger_end"]
    return {m["entity"] for m in doc.mentions if m.get("entity") and end <= m["start"] <= end + TRAILING_REACH
            and doc.text[end:m["start"]].strip().lower() in ("", "the")}


def _inside_quote(doc: Any, ev: dict[str, Any]) -> bool:
    """The event's trigger stands inside a quotation of its sentence."""
    return inside_quote(doc.text[ev["start"]:ev["trigger_start"]])


_QUOTE_MARKS = "\"“”„«»'‘’"
_DOUBLE_QUOTES = "\"“”„«»"  # inside a quote, a single mark is more often an apostrophe ("people's")


def _quoted_whole(text: str) -> bool:
    """A sentence that is all quotation: with no speaker of its own, it goes on with the one before
    ('"The people's voice must be heard," he wrote. "Free the leaders."')."""
    text = text.strip()
    return len(text) > 2 and text[0] in _QUOTE_MARKS and text.rstrip(".!?")[-1:] in _QUOTE_MARKS \
        and not any(c in _DOUBLE_QUOTES for c in text[1:-2])


@functools.lru_cache(maxsize=1 << 14)
def _as_written(value: float) -> str | None:
    """A whole count as ``_numbers`` keeps it ("4.120" for 4120), None for a fraction."""
    return f"{int(value):,}".replace(",", ".") if float(value).is_integer() else None


def _numbers(text: str) -> frozenset[str]:
    """The sentence's distinctive numbers, written alike across languages: "5,6" and "5.6", "04.17" and
    "04:17", "1.014" and "1,014" all keep their digits with one separator. Small whole numbers and years
    are too common to tell happenings apart."""
    out = set()
    for m in _NUMBER_RE.finditer(text):
        parts = re.split(r"[.,:]", m.group())
        if len(parts) == 1 and (len(parts[0]) < 3 or _YEAR_RE.fullmatch(parts[0])):
            continue
        out.add(".".join([parts[0].lstrip("0") or "0", *parts[1:]]))
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def _trailing_verbs(lang: str | None) -> frozenset[str]:
    """Verbs of a trailing attribution ("..., kata X"; "..., said X"): the one who says comes after them."""
    return frozenset(lexicon(lang).cues["attribution"].words())


def _saying_words(lang: str | None) -> frozenset[str]:
    """Reporting verbs say nothing about which happening it is ("mengatakan", "said")."""
    return frozenset(lexicon(lang).cues["reporting"].words())


def _content(text: str, stop: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in _WORD_RE.findall(text.lower()) if w not in stop and len(w) > 2 and not w.isdigit())


def _key(doc: Any, ref: Any) -> str | None:
    """An entity id as is; a mention index as the mention's lower-cased text (before resolution)."""
    if ref is None:
        return None
    if isinstance(ref, int):
        if 0 <= ref < len(doc.mentions):
            return "m:" + " ".join(doc.mentions[ref].get("text", "").lower().split())
        return None
    return f"e:{ref}"


def _keys(doc: Any, refs: Iterable[Any]) -> set[str]:
    keys = set()
    for ref in refs:
        key = _key(doc, ref)
        if key:
            keys.add(key)
            if key.startswith("m:") and " " in key:
                keys.add("m:" + key.rsplit(" ", 1)[1])  # "Kassym-Jomart Tokayev" also as "Tokayev"
    return keys


ROUNDED = 0.1  # an open bound ("more than 9,500") holds counts up to this share above it: a lead rounds a total


def _bounds(sentence_figures: list[dict[str, Any]]) -> dict[str, frozenset]:
    """``(low, high, value)``: the interval each inexact reported count allows, by category and by category and
    scope (as ``_figures``): "more than 9,500" allows 9,501 to 10,450, "about 200" 180 to 220."""
    out: dict[str, set] = {}
    for f in sentence_figures:
        value = f.get("value")
        if f.get("part_whole") or f.get("qualifier") in (None, "exact") or not isinstance(value, (int, float)) \
                or f.get("status", "reported") != "reported":
            continue
        low = f["low"] if f.get("low") is not None else value * (1 - ROUNDED)
        high = f["high"] if f.get("high") is not None else value * (1 + ROUNDED)
        quantity = f.get("category") or "other"
        for key in [quantity] + ([quantity + "@" + str(f["scope"])] if f.get("scope") else []):
            out.setdefault(key, set()).add((low, high, value))
    return {k: frozenset(v) for k, v in out.items()}


def _figures(sentence_figures: list[dict[str, Any]], scoped: bool = False, parts: bool = False) -> dict[str, frozenset]:
    """Reported counts of the sentence, by category (retracted, denied and projected ones aside);
    ``scoped``: by category and the ledger's scope (the toll in one of two countries is a quantity of its own).

    A part of a total, as the ledger tells it (``part_whole``: "three more", a district's share in a
    list), is the same announcement's detail: it never tells two announcements apart (``parts``: keep it)."""
    out: dict[str, set] = {}
    for f in sentence_figures:
        if not parts and f.get("part_whole"):
            continue
        if f.get("value") is not None and f.get("status", "reported") == "reported":
            quantity = f.get("category") or "other"
            if scoped and f.get("scope"):
                quantity += "@" + str(f["scope"])
            out.setdefault(quantity, set()).add(f["value"])
    return {k: frozenset(v) for k, v in out.items()}


TITLE_WORDS = 5  # words of a title read before a person's name ("Kepala BPBL Kolonel Laut")
_TITLE_RE = re.compile(r"[\w.&()-]+")


def _bodies_by_name(docs: list[Any]) -> dict[str, set[str]]:
    """Every name the corpus gives an organisation (lower case) -> its entity keys."""
    out: dict[str, set[str]] = {}
    for doc in docs:
        for m in doc.mentions:
            if m.get("entity") and m.get("type") == "ORG":
                out.setdefault(" ".join(str(m.get("text") or "").lower().split()), set()).add(f"e:{m['entity']}")
    return out


def _affiliations(doc: Any, bodies: dict[str, set[str]]) -> dict[str, set[str]]:
    """Person entity -> the bodies the article names them an officer of: a body named in the title right before
    their name ("Kepala BPBL Kolonel Wiratmaja") or inside the tagger's span ("BPBL Wiratmaja")."""
    out: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.get("type") != "PER" or not m.get("entity"):
            continue
        _, role = person_name(*split_role(str(m.get("text") or "")))
        head = doc.text[max(0, m["start"] - 80):m["start"]]
        head = re.split(r"[,;:.!?\"“”\n]", head)[-1]  # the title ends at the clause's edge
        words = _TITLE_RE.findall(head)[-TITLE_WORDS:] + (role or "").split()
        found = {key for word in words for key in bodies.get(word.strip("()").lower(), ()) if key != f"e:{m['entity']}"}
        if found:
            out.setdefault(f"e:{m['entity']}", set()).update(found)
    return out


def _quote_speakers(doc: Any, named: dict[str, set[str]]) -> dict[int, set[str]]:
    """Each sentence's quoted speakers: the speaker's entity, or for a pronoun ("ujar dia") the entity of the
    name the quotes layer resolved it to (``named``: ``_entities_by_text``)."""
    out: dict[int, set[str]] = {}
    for q in getattr(doc, "quotes", None) or []:
        if q.get("sentence") is None:
            continue
        if q.get("speaker") is not None:
            keys = {_key(doc, q["speaker"]) if isinstance(q["speaker"], int) else f"e:{q['speaker']}"}
        else:
            keys = set(named.get(" ".join(str(q.get("speaker_name") or "").lower().split()), ()))
        out.setdefault(q["sentence"], set()).update(k for k in keys if k)
    return out


def _claimants(sentence_figures: list[dict[str, Any]], named: dict[str, set[str]]) -> set[str]:
    """Entities named as the source of the sentence's figures: the claimant's resolved entity, or the entities
    its name was resolved to elsewhere in the article (``named``: ``_entities_by_text``)."""
    out = {f"e:{f['claimant_entity']}" for f in sentence_figures if f.get("claimant_entity")}
    names = {" ".join(str(f.get("claimant") or "").lower().split()) for f in sentence_figures
             if f.get("claimant") and not f.get("claimant_entity")}
    return out | {key for name in names for key in named.get(name) or named.get(_named_end(name, named), ())}


def _named_end(phrase: str, named: dict[str, set[str]]) -> str | None:
    """The longest end of a claimant phrase that the article names a person or body elsewhere: a description
    then the name ("kantor berita pemerintah sana", "the state news agency sana": "sana"; not the place of
    "badan penanggulangan bencana turki")."""
    words = phrase.split()
    return next((" ".join(words[k:]) for k in range(1, len(words)) if " ".join(words[k:]) in named
                 and all(key in named.speakers for key in named[" ".join(words[k:])])), None)


# --- copies -------------------------------------------------------------------------------

def _copies(docs: list[Any], reports: list[_Report], common: frozenset[tuple[str, ...]] = frozenset()) -> list[_Cluster]:
    """One cluster per report, with the reports of copies (duplicates, shared passages) already joined."""
    parent = list(range(len(reports)))
    at = {(r.doc, e["trigger_start"]): n for n, r in enumerate(reports) for e in r.events}
    by_sentence = {(r.doc, _norm(docs[r.order].text[r.ev["start"]:r.ev["end"]])): n for n, r in enumerate(reports)}
    for n, report in enumerate(reports):
        doc = docs[report.order]
        if doc.duplicate_of:
            other = by_sentence.get((doc.duplicate_of, _norm(doc.text[report.ev["start"]:report.ev["end"]])))
            if other is not None:
                _union(parent, n, other)
        for passage in getattr(doc, "shared_passages", None) or []:
            for ev in report.events:
                if passage.start <= ev["trigger_start"] < passage.end:
                    other = at.get((passage.doc, passage.other_start + ev["trigger_start"] - passage.start))
                    if other is not None:
                        _union(parent, n, other)
    for n, m in _same_quotes(docs, reports, common):
        _union(parent, n, m)
    groups: dict[int, _Cluster] = {}
    for n, report in enumerate(reports):
        root = _find(parent, n)
        if root in groups:
            groups[root].add(report)
        else:
            groups[root] = _Cluster(report)
    for cluster in groups.values():
        if len(cluster.docs) > 1:
            cluster.evidence.append({"doc": cluster.best.doc, "sentence": cluster.best.sentence, "why": ["copy"]})
    return list(groups.values())


QUOTE_SHINGLE = 3  # words per shingle when comparing quotations
QUOTE_MIN_WORDS = 5  # a shorter quotation ("We are ready") is too common to tell one statement
QUOTE_SHARED = 0.6  # share of the shorter quotation's shingles the longer must hold
QUOTE_RELAY_DAYS = 3  # days a quotation may be relayed after it was said ("said X, as AFP reported on Thursday")
QUOTE_COMMON = 50  # a shingle more of a corpus's sentences quote than this tells none apart (and is not indexed)


def common_quote_shingles(docs: Iterable[Any]) -> frozenset[tuple[str, ...]]:
    """The quotation shingles more than ``QUOTE_COMMON`` sentences of ``docs`` quote (a sentence's quotations:
    their words in order, at least ``QUOTE_MIN_WORDS``): too common to tell one statement. Read once from the
    whole corpus, every part of it skips the same ones, so parts run apart find the pairs one run finds."""
    held: Counter[tuple[str, ...]] = Counter()
    for doc in docs:
        for words in _quoted_words(doc).values():
            if len(words) >= QUOTE_MIN_WORDS:
                held.update(_shingles(words))
    return frozenset(sh for sh, n in held.items() if n > QUOTE_COMMON)


def _quoted_words(doc: Any) -> dict[int, list[str]]:
    """Each sentence's quotations as one list of lower-case words, in order."""
    out: dict[int, list[str]] = {}
    for q in getattr(doc, "quotes", None) or ():
        if q.get("sentence") is not None:
            out.setdefault(q["sentence"], []).extend(_WORD_RE.findall(str(q.get("text") or "").lower()))
    return out


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[k:k + QUOTE_SHINGLE]) for k in range(len(words) - QUOTE_SHINGLE + 1)}


def _same_quotes(docs: list[Any], reports: list[_Report],
                 common: frozenset[tuple[str, ...]] = frozenset()) -> list[tuple[int, int]]:
    """Pairs of saying reports of different articles that quote the same words of the same speaker: one
    statement relayed, whatever day each outlet gives it — the later is the day the outlet relayed it
    ("kata X seperti dilansir AFP, Kamis"). Within ``QUOTE_RELAY_DAYS``, and the speakers must agree; a
    ``common`` shingle counts for none."""
    said: dict[tuple[str, int], int] = {}
    for n, r in enumerate(reports):
        if r.kind == "saying" and r.speakers:
            said.setdefault((r.doc, r.sentence), n)
    shingles: dict[int, set[tuple[str, ...]]] = {}
    index: dict[tuple[str, ...], list[int]] = {}
    quoted: dict[int, dict[int, list[str]]] = {}  # by document position, read once
    for n in sorted(said.values()):
        r = reports[n]
        if r.order not in quoted:
            quoted[r.order] = _quoted_words(docs[r.order])
        words = quoted[r.order].get(r.sentence, [])
        if len(words) < QUOTE_MIN_WORDS:
            continue
        shingles[n] = _shingles(words)
        for sh in shingles[n] - common:
            index.setdefault(sh, []).append(n)
    pairs: list[tuple[int, int]] = []
    for n, mine in shingles.items():
        shared: dict[int, int] = {}
        for sh in mine - common:
            for m in index[sh]:
                if m > n and reports[m].doc != reports[n].doc:
                    shared[m] = shared.get(m, 0) + 1
        for m, count in sorted(shared.items()):
            a, b = reports[n], reports[m]
            if count >= QUOTE_SHARED * min(len(mine), len(shingles[m])) and a.story == b.story \
                    and not _speakers_differ(a, b) and _relayed(a.ev, b.ev):
                pairs.append((n, m))
    return pairs


def _relayed(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Two days one quotation may carry: the day it was said and a day an outlet relayed it."""
    if x.get("date") is None or y.get("date") is None or _dates(x, y) != "apart":
        return True
    if x.get("precision") != "day" or y.get("precision") != "day":
        return False
    try:
        gap = abs((date.fromisoformat(x["date"][:10]) - date.fromisoformat(y["date"][:10])).days)
    except ValueError:
        return False
    return gap <= QUOTE_RELAY_DAYS


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))


def _find(parent: list[int], n: int) -> int:
    while parent[n] != n:
        parent[n] = parent[parent[n]]
        n = parent[n]
    return n


def _union(parent: list[int], a: int, b: int) -> None:
    parent[_find(parent, a)] = _find(parent, b)


# --- episodes -----------------------------------------------------------------------------

def _episodes(clusters: list[_Cluster]) -> list[_Cluster]:
    """One article's consecutive reports of one happening, joined before they meet other articles.

    An article narrates a happening over several sentences ("The toll rose to 80 on Sunday. Thirty
    are still missing. 'We keep searching,' the agency's head said."). A report joins the article's
    latest episode that ends at most ``EPISODE_GAP`` sentences before it when nothing tells them
    apart: the same day (or no date of its own), no count that differs, no other speaker."""
    out: list[_Cluster] = []
    open_: dict[str, list[_Cluster]] = {}
    for cluster in sorted(clusters, key=lambda c: (c.best.order, c.best.sentence)):
        if cluster.best.story is None or len(cluster.docs) > 1:
            out.append(cluster)
            continue
        doc = cluster.best.doc
        episodes = open_.setdefault(doc, [])
        target = next((e for e in reversed(episodes) if _continues(e, cluster)), None)
        if target is None:
            episodes.append(cluster)
            out.append(cluster)
        else:
            target.absorb(cluster, ["one article narrating on"])
    return out


def _continues(episode: _Cluster, cluster: _Cluster) -> bool:
    x, y = episode.best, cluster.best
    last = max(r.sentence for r in episode.reports if r.doc == y.doc)
    if y.sentence - last > EPISODE_GAP or len(episode.docs) > 1 or y.shifts:
        return False
    if _MODALITY_FAMILY.get(x.ev["modality"]) != _MODALITY_FAMILY.get(y.ev["modality"]):
        return False
    if bool(x.ev.get("background")) != bool(y.ev.get("background")):
        return False
    if _dates(x.ev, y.ev) == "apart" and not _soft(x.ev, y.ev) or _counts_differ(episode, cluster, scoped=True):
        return False
    if _step_and_tally(episode, cluster):
        return False
    met = _met_with(episode, cluster)
    if episode.kind != cluster.kind and not (_untyped(episode) or _untyped(cluster) or _reports_the_deed(episode, cluster)
                                             or met):
        return False  # the quake and the toll announced after it are two happenings
    heard = episode.speakers | episode.voices
    if heard and (cluster.speakers | cluster.voices) - heard - episode.actors - episode.bodies \
            and not cluster.bodies & heard:
        return False  # someone new speaks: another statement
    if cluster.figures and not episode.figures and not episode.families & cluster.families - {"any"} and not met:
        return False  # a toll after the story of the quake: the count is announced, not the quake retold
    if _tell_apart(episode, cluster) and not met:
        return False
    return _evidence(episode, cluster)[0] + _tells_again(episode, cluster, met) >= NEED_EPISODE


def _tells_again(episode: _Cluster, cluster: _Cluster, met: bool = False) -> float:
    """The next sentence also tells the kind of happening the episode is about ("22 were killed" then "a
    civilian was shot dead": an attack and a killing), or the force a protest it told was met with: as much as
    the same type."""
    kind = episode.best.ev["type"]
    if met:
        return 0.5
    if kind in ("other", "statement") or cluster.best.ev["type"] == kind:
        return 0.0
    return 0.5 if any(e["type"] == kind for e in cluster.best.events) else 0.0


# What a protest is met with: ACLED codes a protest and the force or arrests it meets as one event
# ("protest with intervention", "excessive force against protesters")
_MET_WITH = frozenset({"attack", "killing", "riot", "arrest"})


def _met_with(episode: _Cluster, cluster: _Cluster) -> bool:
    """The episode tells a protest and the next sentence the force or arrests it was met with ("Protesters were
    met with tear gas. About 100 were arrested."): one happening. Not the other way round: a tally of the dead
    since a coup, then a protest, are two."""
    y = cluster.best
    return "protest" in episode.types and any(e["type"] in _MET_WITH for e in y.events) \
        and any(r.doc == y.doc and r.sentence == y.sentence - 1 for r in episode.reports)


# --- coreference --------------------------------------------------------------------------

def _merge(clusters: list[_Cluster], grown: set[int] | None = None) -> tuple[list[_Cluster], set[int]]:
    """Greedy: best-dated clusters first, each joins the most surely same cluster before it.

    Candidates come from an index: a dated cluster meets those of its story with the same date,
    and those sharing a participant, place, speaker or figure (whatever their date); events of
    no story stay apart. ``grown`` (a later pass): the clusters (``id``) that took others in the
    pass before — two clusters neither of which changed since they last met are not scored again.
    Returns the clusters and those that took others in this pass."""
    ordered = sorted(clusters, key=lambda c: _rank(c.best))
    out: list[_Cluster] = []
    index: dict[tuple, list[int]] = {}
    took: set[int] = set()
    for cluster in ordered:
        if cluster.best.story is None:
            out.append(cluster)
            continue
        best, why, target = 0.0, None, None
        changed = grown is None or id(cluster) in grown
        for k in _candidates(cluster, index):
            if not changed and id(out[k]) not in grown and id(out[k]) not in took:
                continue
            score, reasons = _score(out[k], cluster)
            if score > best:
                best, why, target = score, reasons, k
        if target is None:
            out.append(cluster)
            target = len(out) - 1
        for key in _index_keys(cluster):
            bucket = index.setdefault(key, [])
            if not bucket or bucket[-1] != target:
                bucket.append(target)
        if out[target] is not cluster:
            out[target].absorb(cluster, why)
            took.add(id(out[target]))
    return out, took


def _lookup_keys(cluster: _Cluster) -> set[tuple]:
    story = cluster.best.story
    keys = {(story, "key", k) for k in cluster.actors | cluster.places | cluster.speakers}
    keys |= {(story, "fig", cat, v) for cat, values in cluster.figures.items() for v in values}
    return keys


def _index_keys(cluster: _Cluster) -> set[tuple]:
    return _lookup_keys(cluster) | {(cluster.best.story, "date", cluster.best.date)}


def _candidates(cluster: _Cluster, index: dict[tuple, list[int]]) -> list[int]:
    """The clusters sharing most keys with ``cluster`` (a participant, place, speaker, figure, the date), the
    latest first among equals: at most ``MAX_CANDIDATES``, a bound on the work in a crowded day."""
    lookups = _lookup_keys(cluster) | {(cluster.best.story, "date", cluster.best.date)}
    shared: dict[int, int] = {}
    for key in lookups:
        for k in index.get(key, ()):
            shared[k] = shared.get(k, 0) + 1
    if len(shared) <= MAX_CANDIDATES:
        return sorted(shared)
    return sorted(sorted(shared, key=lambda k: (-shared[k], -k))[:MAX_CANDIDATES])


def _score(a: _Cluster, b: _Cluster) -> tuple[float, list[str]]:
    """How surely two clusters are one happening (0: not the same), and why."""
    x, y = a.best, b.best
    if x.story != y.story or a.kind != b.kind and not _reports_the_deed(a, b) and not _told_beside(a, b):
        return 0.0, []
    kind = a.kind if a.kind == b.kind else "occurrence"
    if _MODALITY_FAMILY.get(x.ev["modality"]) != _MODALITY_FAMILY.get(y.ev["modality"]):
        return 0.0, []
    when = _dates(x.ev, y.ev)
    if when == "apart" and (a.docs & b.docs and _soft(x.ev, y.ev) or _guessed(x.ev, y.ev) and _same_count(a, b)):
        when = "within"  # one article's guessed day gives way to the day its other sentence states; a count
        # told alike, to the unit, by articles that only guess its day is one announcement
    if when == "apart" or _counts_differ(a, b, scoped=bool(a.docs & b.docs)) and not _both_disasters(a, b):
        return 0.0, []  # one article's counts in different places are parts, not competing totals
    if kind == "saying" and (_speakers_differ(a, b) or _tell_apart(a, b)):
        return 0.0, []
    if a.docs & b.docs and _step_and_tally(a, b):
        return 0.0, []
    if kind == "occurrence" and (not _families_fit(a.families, b.families)
                                   or a.places and b.places and not _places_fit(a, b) and not _same_numbers(a, b)):
        return 0.0, []  # elsewhere, unless told with the same magnitude or clock time (a quake felt far away)
    score, why = _evidence(a, b)
    if kind == "occurrence" and a.actors and b.actors and a.actors.isdisjoint(b.actors) \
            and _similarity(a, b) < SIMILAR_STRONG:
        return 0.0, []  # different participants, not told in the same words: two happenings
    need = NEED_SAME_DAY if when == "same" and x.ev.get("precision") == "day" else NEED_LOOSE  # a month shared is no day
    if when != "same" and {x.ev.get("precision"), y.ev.get("precision")} == {"day", "month"} and not a.docs & b.docs:
        need += MONTH_TO_DAY  # a day somewhere in a month: many of a story's happenings fit
    if _told_beside(a, b) and _near(a, b):
        need = NEED_EPISODE_BESIDE
        why.append("an untyped clause beside it")
    elif kind == "occurrence" and not (a.families & b.families - {"any"}) \
            and not (when == "same" and _similarity(a, b) >= SIMILAR_STRONG):
        need += 1.0  # an untyped happening needs more, unless told in the same words on the same day
    if score < need:
        return 0.0, []
    return score, [f"same date {x.date}" if when == "same" else f"dates fit ({x.date} / {y.date})"] + why


def _evidence(a: _Cluster, b: _Cluster) -> tuple[float, list[str]]:
    score, why = 0.0, []
    shared = sorted((cat, v) for cat, values in a.figures.items() for v in values & b.figures.get(cat, set()))
    if shared:
        score += sum(2.0 if v >= DISTINCTIVE else 0.5 for _, v in shared)
        why.append("figures " + ", ".join(f"{cat} {v:g}" if isinstance(v, (int, float)) else f"{cat} {v}"
                                          for cat, v in shared))
    same = {v for _, v in shared}
    mine, theirs = ({v for vs in c.figures.values() for v in vs} for c in (a, b))
    crossed = sorted(v for v in (mine & theirs) - same if isinstance(v, (int, float)) and v >= DISTINCTIVE)
    if crossed:  # "148 dead" and "all 148 bodies identified": one count, read under two categories
        score += min(2.0, 1.0 * len(crossed))
        why.append("the same count " + ", ".join(f"{v:g}" for v in crossed))
    rounded = sorted(cat for cat in a.figures.keys() & b.figures.keys() - {c for c, _ in shared}
                     if _holds(a.bounds.get(cat, ()), _exact(b, cat)) or _holds(b.bounds.get(cat, ()), _exact(a, cat))
                     ) if a.bounds or b.bounds else []
    if rounded:  # "more than 9,500" and "9,638": one count, rounded in one of them
        score += 1.0
        why.append("the same count, rounded: " + ", ".join(rounded))
    bare = sorted({v for one, other in ((a, b), (b, a)) if one.figures and other.numbers
                   for cat, values in one.figures.items() if not other.figures.get(cat) for v in values
                   if isinstance(v, (int, float)) and v >= DISTINCTIVE and _as_written(v) in other.numbers})
    if bare:  # "802 were killed" and "the group reported 802 by Monday night": one count, read in one of them
        score += 1.0
        why.append("the same count, told bare " + ", ".join(f"{v:g}" for v in bare))
    counted = {str(v) for values in a.figures.values() for v in values}
    numbers = sorted((a.numbers & b.numbers) - counted) if not a.docs & b.docs else []
    if numbers:  # across articles only: one article repeats its quake's magnitude in every other sentence
        score += min(2.0, 1.0 * len(numbers))
        why.append("numbers " + ", ".join(numbers))
    added = _adds_up(a, b) or _adds_up(b, a)
    if added:
        score += 2.0
        why.append(f"parts add up to {added}")
    elif a.parts_of & b.counts or b.parts_of & a.counts:  # the ledger read one's counts as parts of the other's
        score += 2.0
        why.append("a breakdown of its count")
    speakers = a.speakers & b.speakers
    if not speakers and a.docs & b.docs:  # within one article, who told a reported happening speaks as well
        speakers = {k for k in (a.voices & (b.speakers | b.voices)) | (b.voices & a.speakers) if k.startswith("e:")}
    if not speakers and (a.speakers & b.bodies or b.speakers & a.bodies):
        score += 1.0
        why.append("a speaker for " + ", ".join(sorted(a.speakers & b.bodies | b.speakers & a.bodies)))
    if speakers:
        score += 1.5
        why.append("speaker " + ", ".join(sorted(speakers)))
        if _adds_to(a, b):
            score += 0.5
            why.append("adds to what they said")
        elif _leads(a, b):
            score += 0.5
            why.append("the article's lead tells what they said")
    actors = a.actors & b.actors - speakers  # who speaks is counted once, as the speaker
    if actors:
        score += min(1.5, 0.75 * len(actors))
        why.append("participants " + ", ".join(sorted(actors)))
    if a.places & b.places:
        score += 0.5
        why.append("place " + ", ".join(sorted(a.places & b.places)))
    similarity = _similarity(a, b)
    if similarity >= SIMILAR:
        score += 2.0 * similarity
        why.append(f"wording {similarity:.2f}")
    if a.best.ev["type"] == b.best.ev["type"] not in ("other", "statement"):  # saying something tells no happening apart
        score += 0.5
        why.append("same type")
        if (_both_disasters(a, b) or a.kind == b.kind == "occurrence" and a.best.ev["type"] in _ONCE_A_DAY) \
                and _dates(a.best.ev, b.best.ev) == "same" and a.best.ev.get("precision") == "day":
            score += ONCE_A_DAY  # with the same type: enough, unless a place or the participants tell them apart
            why.append(f"one {a.best.ev['type']} of its kind that day")
    if a.docs & b.docs and a.figures and b.figures and not a.figures.keys() & b.figures.keys() \
            and a.speakers & b.speakers and _dates(a.best.ev, b.best.ev) == "same" and not (a.steps or b.steps):
        score += 0.5  # one briefing's other counts: the dead here, the missing there
        why.append("other counts of that day")
    if _narrates(a, b) and not _near(a, b):
        score += 1.0
        why.append("goes on telling the day its article set")
    if _near(a, b):
        score += 1.0
        why.append("next sentences of one article")
        if _points_back(a, b):
            score += 0.5
            why.append("points back to the sentence before")
    return score, why


def _speakers_differ(a: _Cluster | _Report, b: _Cluster | _Report) -> bool:
    """Both name who speaks (or told what they report) and no one is in common — where a body and a person
    speaking for it are one."""
    mine, theirs = a.speakers | a.voices, b.speakers | b.voices
    return bool(mine and theirs and mine.isdisjoint(theirs) and mine.isdisjoint(b.bodies) and theirs.isdisjoint(a.bodies))


def _tell_apart(a: _Cluster, b: _Cluster) -> bool:
    """Two sayings that report happenings of different families, one of them with no count: a source going on
    to another happening ("30 were killed, the group said. Protesters were met with tear gas, it said")."""
    told, telling = (c.families - {"statement", "any"} for c in (a, b))
    return a.kind == b.kind == "saying" and bool(told and telling) and told.isdisjoint(telling) \
        and not (a.figures and b.figures)


def _narrates(a: _Cluster, b: _Cluster) -> bool:
    """One report takes its day from the other's sentence (the article's narrative anchor), and both tell a
    happening of one family: the article goes on telling that happening."""
    if not a.docs & b.docs or not (a.families & b.families - {"any"}):
        return False
    return any(r.doc == s.doc and abs(r.sentence - s.sentence) <= NARRATED_WITHIN
               and (r.ev.get("narrated_from") == s.sentence and not r.shifts
                    or s.ev.get("narrated_from") == r.sentence and not s.shifts)
               for r in a.reports for s in b.reports)


def _leads(a: _Cluster, b: _Cluster) -> bool:
    """One of the two is the article's lead (its first sentence), the other one of the next ``LEAD_REACH``
    sentences of the same article, on the same day: the lead tells in brief what the article then quotes."""
    return _dates(a.best.ev, b.best.ev) == "same" and any(
        r.doc == s.doc and min(r.sentence, s.sentence) == 0 and 0 < max(r.sentence, s.sentence) <= LEAD_REACH
        for r in a.reports for s in b.reports)


def _adds_to(a: _Cluster, b: _Cluster) -> bool:
    """The later of two sentences of one article is attributed as more of what was said ('"...," she added')."""
    return any(r.doc == s.doc and (s.sentence > r.sentence and s.adds or r.sentence > s.sentence and r.adds)
               for r in a.reports for s in b.reports)


def _place_names(doc: Any) -> dict[str, tuple[str, frozenset[str]]]:
    """Each place of the article -> the last name it is written with and the words of every name it is written
    with, as ``n:`` keys ("n:kalibata makam pahlawan taman"): read once per article."""
    last: dict[str, str] = {}
    keys: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.get("entity") and m.get("type") == "LOC" and m.get("text"):
            last[m["entity"]] = m["text"]
            keys.setdefault(m["entity"], set()).add(_name_key(m["text"]))
    return {ref: (last[ref], frozenset(keys[ref])) for ref in last}


def _name_key(name: str) -> str:
    return "n:" + " ".join(sorted(set(_WORD_RE.findall(name.lower()))))


def _regions(doc: Any, ref: Any, place_names: dict[str, tuple[str, frozenset[str]]]) -> list[str]:
    """The country an event's place is ("c:Turkey") or lies in ("in:Turkey"), when the gazetteer knows it, and
    the words of each name the article gives the place ("n:..."): a name within another's words is a place
    within it or the same ("Kalibata", "Taman Makam Pahlawan Kalibata")."""
    if ref is None:
        return []
    if isinstance(ref, int):
        name = doc.mentions[ref].get("text") if 0 <= ref < len(doc.mentions) else None
        keys = frozenset([_name_key(name)]) if name else frozenset()
    else:
        name, keys = place_names.get(ref) or (None, frozenset())
    country, itself = country_of(name) if name else (None, False)
    return ([("c:" if itself else "in:") + country] if country else []) + sorted(keys)


def _places_fit(a: _Cluster, b: _Cluster) -> bool:
    """The same place, or one is the country the other lies in (Japan and Hokkaido; not Hokkaido
    and Okinawa), or one's name is within the other's (Kalibata and Taman Makam Pahlawan Kalibata)."""
    if a.places & b.places:
        return True
    if any(r.startswith("c:") and "in:" + r[2:] in other.regions for one, other in ((a, b), (b, a))
           for r in one.regions):
        return True
    names = [[set(r[2:].split()) for r in c.regions if r.startswith("n:")] for c in (a, b)]
    return any(x <= y or y <= x for x in names[0] for y in names[1])  # one place named within the other's name


def _both_disasters(a: _Cluster, b: _Cluster) -> bool:
    """Two tellings of a disaster (or an accident), one of them telling it happen: the damage each counts (as of different days)
    tells no quake apart."""
    return (a._typed or b._typed) and a.best.ev["type"] == b.best.ev["type"] in _STRIKES


# Happenings that strike once and are counted for days after: a quake, a shipwreck
_STRIKES = frozenset({"disaster", "accident"})


def _same_numbers(a: _Cluster, b: _Cluster) -> bool:
    """Both tell a distinctive number that is no count (a magnitude, a clock time): one happening told alike."""
    counted = {str(v) for c in (a, b) for values in c.figures.values() for v in values}
    return bool(a.numbers & b.numbers - counted)


def _near(a: _Cluster, b: _Cluster) -> bool:
    """Two sentences of one article close together, the later one not turning to another happening."""
    return any(r.doc == s.doc and abs(r.sentence - s.sentence) <= NEAR_SENTENCES
               and not (s if s.sentence > r.sentence else r).shifts for r in a.reports for s in b.reports)


def _points_back(a: _Cluster, b: _Cluster) -> bool:
    """One of the two opens by pointing at the sentence right before it, which the other holds."""
    return any(r.doc == s.doc and (s.sentence - r.sentence == 1 and s.refers or r.sentence - s.sentence == 1 and r.refers)
               for r in a.reports for s in b.reports)


def _families_fit(a: set[str], b: set[str]) -> bool:
    return bool(a & b) or "any" in a or "any" in b


def _soft(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """One of two dates is only the article's guess (its narrative anchor or its day), the other the clause's own."""
    bases = {x.get("date_basis"), y.get("date_basis")}
    return "clause" in bases and bool(bases & {"narrative", "publication"})


def _guessed(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """At least one of two days is only an article's guess (its narrative anchor or its own day)."""
    return bool({x.get("date_basis"), y.get("date_basis")} & {"narrative", "publication"})


SAME_COUNT = 1000  # a count this large told alike to the unit ("38,044") is one announcement's


def _same_count(a: _Cluster, b: _Cluster) -> bool:
    return any(isinstance(v, (int, float)) and v >= SAME_COUNT and v in b.figures.get(cat, ())
               for cat, values in a.figures.items() for v in values)


def _step_and_tally(a: _Cluster, b: _Cluster) -> bool:
    """One article's count of how many more ("38 more were killed on Sunday") and its count of a whole ("the
    group's tally of arrests reached 2,156"): that day's happening, and a tally of something else — two, whoever
    told them. A count of the same kind ("22 of them in one township") is the day's detail."""
    if not (a.figures and b.figures) or a.steps == b.steps or a.figures.keys() & b.figures.keys():
        return False
    mine, theirs = ({v for values in c.figures.values() for v in values} for c in (a, b))
    return not mine & theirs  # one count read under two categories is one count


def _untyped(cluster: _Cluster) -> bool:
    return cluster.families <= {"any"}


def _told_beside(a: _Cluster, b: _Cluster) -> bool:
    """An untyped, dated clause of an article ("The data were collected on Tuesday at 09:55") beside what the
    article reports on that same day: it tells when or where, and belongs to that report."""
    return (_untyped(a) or _untyped(b)) and bool(a.docs & b.docs) and a.best.date is not None \
        and _dates(a.best.ev, b.best.ev) == "same"


def _reports_the_deed(a: _Cluster, b: _Cluster) -> bool:
    """A saying that reports an occurrence of the same family ("the spokesman said the leaders had been
    detained") may be a source of that occurrence; a saying that only speaks never is."""
    saying, deed = (a, b) if a.kind == "saying" else (b, a)
    types = saying.types - _MET_WITH if "protest" in saying.types else saying.types  # the force a protest met
    # is part of it (``_met_with``)
    told = {_FAMILY.get(t, t) for t in types} - {"statement", "any"}
    return bool(told) and told <= deed.families - {"any"}


def _adds_up(whole: _Cluster, parts: _Cluster) -> str | None:
    """``parts`` counts one kind in several places and they sum to a total ``whole`` gives ("4,372 dead:
    2,921 in one country, 1,451 in the other"): one announcement told in two sentences."""
    for quantity, values in parts.scoped.items():
        category, _, place = quantity.partition("@")
        if not place:
            continue
        shares = [max(v) for q, v in parts.scoped.items() if q.startswith(category + "@")]
        total = sum(shares)
        if len(shares) >= 2 and total in whole.scoped.get(category, ()):
            return f"{category} {total:g}"
    return None


def _counts_differ(a: _Cluster, b: _Cluster, scoped: bool = False) -> bool:
    """Both give a count of one kind, no value in common, and neither's inexact count holds one of the other's
    ("more than 9,500" holds 9,638): two different announcements. ``scoped``: one article's counts of one kind
    in different places ("76 in Turkey", "42 in Syria") do not differ."""
    mine, theirs = (a.scoped, b.scoped) if scoped else (a.figures, b.figures)
    return any(values and theirs.get(cat) and values.isdisjoint(theirs[cat])
               and not _holds(a.bounds.get(cat, ()), theirs[cat]) and not _holds(b.bounds.get(cat, ()), values)
               for cat, values in mine.items())


def _exact(cluster: _Cluster, category: str) -> list[float]:
    """The cluster's distinctive counts of a category told exactly (not the value of a bound)."""
    inexact = {value for _, _, value in cluster.bounds.get(category, ())}
    return [v for v in cluster.figures.get(category, ())
            if isinstance(v, (int, float)) and v >= DISTINCTIVE and v not in inexact]


def _holds(bounds: Iterable[tuple[float, float]], values: Iterable[float]) -> bool:
    return any(low <= v <= high for low, high, _ in bounds for v in values if isinstance(v, (int, float)))


def _similarity(a: _Cluster, b: _Cluster) -> float:
    return max((_overlap(i, j) for i in a.wordings for j in b.wordings), default=0.0)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the shorter wording the longer one has; one word shared is no likeness of wording."""
    shared = len(a & b)
    return shared / min(len(a), len(b)) if a and b and shared >= MIN_SHARED_WORDS else 0.0


def _dates(x: dict[str, Any], y: dict[str, Any]) -> str:
    """``same`` date and precision; ``within`` (one inside the other, or one unknown); ``apart``."""
    if x.get("date") is None or y.get("date") is None:
        return "within"
    if x["date"] == y["date"] and x.get("precision") == y.get("precision"):
        return "same"
    try:
        a, b = bounds(x["date"], x["precision"]), bounds(y["date"], y["precision"])
    except (ValueError, TypeError, KeyError):
        return "apart"
    inside = a[0] >= b[0] and a[1] <= b[1] or b[0] >= a[0] and b[1] <= a[1]
    return "within" if inside else "apart"


# --- records ------------------------------------------------------------------------------

def _records(clusters: list[_Cluster]) -> list[dict[str, Any]]:
    records = [_record(c) for c in clusters]
    records.sort(key=_order)
    for n, rec in enumerate(records, 1):
        rec["id"] = f"V{n}"
    return [{"id": r.pop("id"), **{k: v for k, v in r.items() if not k.startswith("_")}} for r in records]


def _record(cluster: _Cluster) -> dict[str, Any]:
    best = cluster.best
    ev = best.ev
    reports = sorted(cluster.reports, key=lambda r: (r.order, r.sentence))
    sources, seen = [], set()
    for r in reports:
        if (r.doc, r.sentence) not in seen:
            seen.add((r.doc, r.sentence))
            sources.append({"doc": r.doc, "sentence": r.sentence, "start": r.ev["start"], "end": r.ev["end"]})
    actors = sorted({a for r in reports for e in r.events for a in e.get("actors") or () if isinstance(a, str)})
    places = [e.get("location") for r in sorted(reports, key=lambda r: r is not best) for e in r.events
              if isinstance(e.get("location"), str)]
    return {"id": None, "story": best.story, "type": ev["type"], "summary": ev.get("summary"),
            "date": ev.get("date"), "date_text": ev.get("date_text"), "precision": ev.get("precision"),
            "date_basis": ev.get("date_basis"), "modality": ev.get("modality"), "actors": actors,
            "location": places[0] if places else None, "sources": sources,
            "background": bool(ev.get("background")), "evidence": cluster.evidence,
            "_first": (min(r.order for r in reports), best.sentence)}


def _order(rec: dict[str, Any]) -> tuple:
    start = bounds(rec["date"], rec["precision"])[0].isoformat() if rec["date"] else "9999"
    return (rec["story"] is None, str(rec["story"] or ""), rec["date"] is None, start,
            _PRECISION_RANK[rec["precision"]], rec["_first"])
