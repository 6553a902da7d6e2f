"""Sentence-level events of one document: triggers, dates, modality, actors, location, summary.

For each sentence:

1. **Triggers.** The pack's trigger phrases (``lexicon``) are matched on the
   sentence's words, longest first; a match inside a ``not_triggers`` phrase or a
   temporal expression, or lacking its group's ``context`` word, is dropped. A
   noun right after a saying verb becomes one event with it ("mengumumkan
   penangkapan" is an arrest, announced).
2. **Modality** of each trigger (``modality``).
3. **Dates** from the sentence's temporal mentions (``timing.attach``); never the
   publication date, unless the sentence says "hari ini" / "today" (which the
   temporal layer resolves to it).
4. **Which triggers are events.** A verb always; a noun ("kerusuhan", "the
   election") only when it takes a date of its own, stands next to an occurrence
   word ("kericuhan pecah") or was absorbed by a saying verb. A saying is kept when
   it is dated or is the sentence's only event; one event per type and date
   in a sentence.
5. **Dates no trigger took** become events of type ``other``, anchored on the
   nearest verb-like word, so that no dated fact of the text is lost.

Each event is a plain dict (see ``EventsStep``): offsets into ``doc.text``, the
sentence index, and ``background`` when its date lies years before publication.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from kronologi.document import Document
from kronologi.entities.acronyms import find_definitions
from kronologi.events import timing
from kronologi.events.lexicon import Entry, Lexicon, lexicon
from kronologi.events.modality import SentenceCues, inside_quote, modality, with_date
from kronologi.events.ontology import SAYING
from kronologi.events.roles import ref, refs, roles
from kronologi.events.wording import summary
from kronologi.temporal.step import HOME_ZONE
from kronologi.temporal.tense import Clauses

ABSORB_GAP = 2  # words allowed between a saying verb and the noun it announces
OPENING_WORDS = 2  # a time starting within the first words opens its sentence ("Pada hari Minggu, ...")
_PUNCT_RE = re.compile(r"[,;:()\[\]\"“”«»\u2013\u2014]|\s-\s")


@dataclass
class Trigger:
    type: str
    pos: str  # verb | noun
    i: int  # first word (index into the sentence's words)
    j: int  # one past the last word
    start: int  # character offsets into doc.text
    end: int
    absorbed: bool = False
    quoted: bool = False
    modality: str = "asserted"
    time: dict[str, Any] | None = None
    claimed: bool = False
    recalled: bool = False  # named as the cause or start of another happening of the sentence (``_recalled``)
    relative: bool = False  # its verb opens a relative clause ("yang tenggelam", "that sank")

    @property
    def saying(self) -> bool:
        return self.type in SAYING


@dataclass
class _Sentence:
    """One sentence's words, clauses and cues: what every decision about its triggers reads."""

    doc: Document
    lex: Lexicon
    index: int
    start: int
    end: int
    words: list[tuple[int, int, str]]
    clauses: Clauses
    breaks: set[int] = field(default_factory=set)  # word indices right after punctuation
    cues: SentenceCues | None = None
    in_time: list[bool] = field(default_factory=list)
    norm: list[str] = field(default_factory=list)  # the normalised words

    def __post_init__(self) -> None:
        self.norm = [w for _, _, w in self.words]
        self.starts = [s for s, _, _ in self.words]

    def clause_of(self, wi: int) -> tuple[int, int]:
        pos = self.words[min(wi, len(self.words) - 1)][0]
        return self.clauses.clause(pos, pos + 1)

    def clause_words(self, wi: int) -> tuple[int, int]:
        left, right = self.clause_of(wi)
        return bisect.bisect_left(self.starts, left), bisect.bisect_left(self.starts, right)

    def plain_gap(self, a: int, b: int) -> bool:
        """No punctuation and no reporting verb between words ``a`` and ``b``."""
        if self.breaks_between(a, b):
            return False
        return not any(a < i < b for i, _ in self.cues.spans["reporting"])

    def cause_between(self, a: int, b: int) -> bool:
        """A cause opens between words ``a`` and ``b`` ("meninggal akibat gempa ..."): what follows is its."""
        return bool(self.lex.cause_markers.find(self.norm, a + 1, min(b, len(self.norm))))

    def after_between(self, a: int, b: int) -> bool:
        """A clause of what came before opens between words ``a`` and ``b`` ("... setelah panggilan pertama")."""
        return bool(self.lex.after_markers.find(self.norm, a + 1, min(b, len(self.norm))))

    def breaks_between(self, a: int, b: int) -> int:
        return sum(1 for k in self.breaks if a < k <= b)

    def verb_like(self, k: int) -> bool:
        """A lower-case word shaped like a verb (``verb_pattern``), outside temporal expressions."""
        start, end, word = self.words[k]
        return not self.in_time[k] and self.doc.text[start:end].islower() and bool(self.lex.verb_re.match(word))

    def predicate_clause(self, wi: int) -> bool:
        """The clause of word ``wi`` has a verb-like word of its own (not in a relative clause: "yang berakhir")."""
        lo, hi = self.clause_words(wi)
        return any(self.verb_like(k) and (k == 0 or self.norm[k - 1] not in self.lex.relative_markers)
                   for k in range(lo, hi))

    def prepare(self, times: list[dict[str, Any]]) -> None:
        """Index what the decisions read: punctuation, cues, words inside temporal expressions."""
        text = self.doc.text
        self.breaks = {k for k in range(1, len(self.words))
                       if _PUNCT_RE.search(text, self.words[k - 1][1], self.words[k][0])}
        self.cues = SentenceCues(self.lex, self.norm, self.breaks)
        self.in_time = [any(tm["start"] <= s < tm["end"] for tm in times) for s, _, _ in self.words]


def extract(doc: Document, zone: str | None = HOME_ZONE) -> list[dict[str, Any]]:
    """Every event of ``doc`` (needs ``doc.sentences``; reads ``doc.times`` and ``doc.mentions``).

    ``zone`` is the clock the story happens on (as for the ``dates`` step): the publication
    day is read on it when deciding what lies after publication.
    """
    if not doc.sentences or not doc.text:
        return []
    lex = lexicon(doc.language)
    clauses = Clauses(doc.text, lex.lang, [(s.start, s.end) for s in doc.sentences])
    times = _by_sentence(doc, doc.times)
    mentions = _by_sentence(doc, list(enumerate(doc.mentions)), key=lambda item: item[1])
    published = timing.published_day(doc.published, zone)
    events = []
    for index, sent in enumerate(doc.sentences):
        if _question(doc.text[sent.start:sent.end]):
            continue  # "What led to the coup?": a question reports no happening
        ctx = _Sentence(doc, lex, index, sent.start, sent.end, lex.words(doc.text, sent.start, sent.end), clauses)
        if ctx.words:
            events += _sentence_events(ctx, times.get(index, []), mentions.get(index, []), published)
    return events


def _question(text: str) -> bool:
    """The sentence asks (it ends with a question mark), unless it quotes the question ('"Why?" she asked.')."""
    text = text.strip()
    return text.endswith("?") and text[:1] not in "\"“‘'«"


def _by_sentence(doc: Document, items: list[Any], key=lambda item: item) -> dict[int, list[Any]]:
    starts = [s.start for s in doc.sentences]
    out: dict[int, list[Any]] = {}
    for item in items:
        record = key(item)
        index = record.get("sentence")
        if index is None:
            index = bisect.bisect_right(starts, record.get("start", -1)) - 1
        if index is not None and 0 <= index < len(doc.sentences):
            out.setdefault(index, []).append(item)
    return out


def _sentence_events(ctx: _Sentence, times: list[dict[str, Any]], mentions, published) -> list[dict[str, Any]]:
    found = _triggers(ctx, times, _names(mentions, ctx))
    nouns = [t.i for t in found if t.pos == "noun"]
    ends = [tm for tm in timing.usable_times(times) if _until(ctx, tm) and timing.is_after(tm, published)]
    usable = [tm for tm in timing.usable_times(times) if not _since(ctx, tm, nouns) and tm not in ends]
    for tm in usable:
        tm["opens_span"] = _since(ctx, tm, None)
    if not found and not usable and not ends:
        return []
    ctx.prepare(times)
    triggers = _absorb(ctx, found)
    for trig in triggers:
        _set_modality(ctx, trig)
        trig.relative = _relative(ctx, trig, triggers)
    for tm in usable:
        tm["wi"], tm["wj"] = _word_at(ctx, tm["start"]), _word_at(ctx, tm["end"] - 1) + 1
        tm["opens"] = tm["wi"] <= OPENING_WORDS
        tm["quoted"] = inside_quote(ctx.doc.text[ctx.start:tm["start"]])
    timing.attach(triggers, usable, ctx, published)
    kept = _select(ctx, triggers, published)
    named = [t for t in triggers if t not in kept and not t.saying]
    kept += _other_events(ctx, usable, kept, named)
    if not kept and ends:  # "Masa tanggap darurat diperpanjang hingga Senin (20/2)": the act that set the span,
        kept += _span_set(ctx, ends[0])  # undated here (the article's narration dates it), not a future one
    if not kept and any(t.recalled for t in triggers):
        kept += _count_report(ctx)
    # the saying a reported happening was told with, when it gives way to that happening ("X said 30 were killed")
    voice = next((t for t in triggers if t.saying and not t.quoted and t not in kept), None)
    ordered = sorted(kept, key=lambda t: t.start)
    records = [_record(ctx, trig, mentions, published) for trig in ordered]
    # who told what the sentence reports: the saying's one sayer, for a happening it reported; else the source
    # an "according to" phrase names ("Menurut BPBL, 48 orang tewas": BPBL)
    sayer = _sayer(ctx, mentions, voice) if voice and any(t.modality == "reported" and not t.saying for t in kept) \
        else None
    according = _according_to(ctx, mentions) if any(not t.saying for t in kept) else None
    for rec, trig in zip(records, ordered):
        told = sayer if sayer is not None and trig.modality == "reported" else according
        if told is not None and not trig.saying:
            rec["said_by"] = told
    return records


def _sayer(ctx: _Sentence, mentions, voice: Trigger) -> str | int | None:
    """The one name that says ``voice`` — its one person when it names several ("Kepala BNPB X menyebutkan
    bahwa ...": X) — or None."""
    sayers, _ = roles(ctx.doc.text, ctx.lex, mentions, voice, ctx.clause_of(voice.i), ctx.start)
    people = [n for n in sayers if ctx.doc.mentions[n].get("type") == "PER"]
    sayers = people if len(people) == 1 else sayers
    return ref(ctx.doc.mentions, sayers[0]) if len(sayers) == 1 else None


ACCORDING_REACH = 2  # words between "according to"/"menurut" and the name it attributes to ("menurut data BPBL")


def _according_to(ctx: _Sentence, mentions) -> str | int | None:
    """The one named source an "according to" phrase of the sentence gives, outside quotation marks (an agency
    only relays and names none)."""
    spans = ctx.cues.spans["according"] if ctx.cues else []
    for a, b in spans:
        if b >= len(ctx.words) or inside_quote(ctx.doc.text[ctx.start:ctx.words[a][0]]) \
                or any(w in ctx.lex.relay_words for w in ctx.norm[a:b]):
            continue  # "seperti dilansir X": X passed the words on
        limit = ctx.words[min(b + ACCORDING_REACH, len(ctx.words) - 1)][1]
        named = [n for n, m in mentions if m.get("type") in ("PER", "ORG", "NORP") and ctx.words[b][0] <= m["start"]
                 <= limit and " ".join(str(m.get("text", "")).lower().split()) not in ctx.lex.not_actors]
        if named:
            return ref(ctx.doc.mentions, min(named, key=lambda n: ctx.doc.mentions[n]["start"]))
    return None


SINCE_GAP = 5  # words between a "since" word and the date it opens ("since the 3 March vote")


def _since(ctx: _Sentence, tm: dict[str, Any], nouns: list[int]) -> bool:
    """The date of an earlier happening named by its noun, opening a span up to the sentence's time
    ("killed since the 3 March vote", "sejak pemungutan suara 3 Maret"): it dates none of the sentence's
    events. A bare "sejak Rabu" dates the start of the state the sentence tells (``nouns`` None: any
    date after a "since" word, which opens a span)."""
    wi, wj = _word_at(ctx, tm["start"]), _word_at(ctx, max(tm["start"], tm["end"] - 1))
    if not any(ctx.norm[k] in ctx.lex.since_markers for k in range(max(0, wi - SINCE_GAP), wi)):
        return False
    return nouns is None or any(wi - SINCE_GAP <= n <= wj + SINCE_GAP for n in nouns)


def _until(ctx: _Sentence, tm: dict[str, Any]) -> bool:
    """A date right after an "until" word ends the state or the span the sentence tells ("classes would stay
    suspended until Friday", "diliburkan sampai dengan Jumat", "pencarian diperpanjang hingga Senin (20/3)"): a
    day still to come dates none of its events, not the act that set the span (a past end, "ruled until 2011",
    is a happening of its own; "hingga Senin malam" before a count is the day it was taken)."""
    before = " ".join(ctx.norm[max(0, _word_at(ctx, tm["start"]) - 2):_word_at(ctx, tm["start"])])
    return any(before == m or before.endswith(" " + m) for m in ctx.lex.until_markers)


def _set_modality(ctx: _Sentence, trig: Trigger) -> None:
    trig.quoted = inside_quote(ctx.doc.text[ctx.start:trig.start])
    trig.modality = modality(ctx.cues, trig, ctx.clause_words(trig.i), trig.quoted)


def _word_at(ctx: _Sentence, pos: int) -> int:
    return max(0, bisect.bisect_right(ctx.starts, pos) - 1)


_NAME_TYPES = ("ORG", "PER")  # names that may hold an event word ("Badan Penanggulangan Bencana", "Komisi Pemilihan Umum")


def _names(mentions, ctx: _Sentence | None = None) -> list[tuple[int, int]]:
    """Spans of the sentence's organisation and person names: the entity layer's, and a body's name spelled
    out before its acronym, which the entity layer may have cut short."""
    spans = [(m["start"], m["end"]) for _, m in mentions if m.get("type") in _NAME_TYPES]
    return spans + (_spelled_out(ctx) if ctx is not None else [])


def _spelled_out(ctx: _Sentence) -> list[tuple[int, int]]:
    """"Lembaga Bantuan untuk Tahanan Nurani (LBTN)": a body's name defined with its acronym is one
    name — its words ("Tahanan", "Bencana") tell of no happening."""
    text = ctx.doc.text[ctx.start:ctx.end]
    return [(ctx.start + start, ctx.start + end) for _, _, start, end in find_definitions(text)]


def _triggers(ctx: _Sentence, times: list[dict[str, Any]], names: list[tuple[int, int]] = ()) -> list[Trigger]:
    """The pack's trigger phrases in the sentence, longest first; none inside a not-trigger phrase, a
    temporal expression or a name (the disaster agency's name tells of no disaster)."""
    norm, lex = ctx.norm, ctx.lex
    blocked = [(i, j) for i, j, _ in lex.not_triggers.find(norm)]
    out: list[Trigger] = []
    last_end = 0
    for i, j, entries in lex.triggers.find(norm):
        start, end = ctx.words[i][0], ctx.words[j - 1][1]
        if i < last_end or any(a <= i and j <= b for a, b in blocked) or _in_time(times, start, end) \
                or any(a <= start and end <= b for a, b in names) or _compound(ctx.doc.text, start) \
                or _describes(ctx, i, j):
            continue
        entry = _choose(ctx, entries, i, j)
        if entry is not None:
            out.append(Trigger(entry.type, entry.pos, i, j, start, end))
            last_end = j
    return out


def _compound(text: str, start: int) -> bool:
    """The second half of a hyphenated word ("worst-hit province", "quake-hit area", "anti-coup"):
    a modifier that names no happening of its own."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()


def _describes(ctx: _Sentence, i: int, j: int) -> bool:
    """The words ``i:j`` only describe or are the object of the word beside them ("the disaster zone", "lokasi
    gempa", "protests against the coup", "menentang kudeta"): they name no happening the sentence reports."""
    lex = ctx.lex
    if j < len(ctx.norm) and ctx.norm[j] in lex.heads_after and _joined(ctx, j - 1):
        return True
    k = i - 1  # a determiner may stand between ("against the coup"), and "of" ("the epicentre of the quake")
    if k > 0 and ctx.norm[k] in lex.determiners:
        k -= 1
    if k > 0 and ctx.norm[k] in lex.head_links:
        k -= 1
    if i >= 2 and ctx.norm[i - 2] in lex.scene_heads and _joined(ctx, i - 2) and _joined(ctx, i - 1):
        return True  # "lokasi kapal tenggelam": where the ship sank, no sinking the sentence reports
    return k >= 0 and ctx.norm[k] in lex.heads_before and _joined(ctx, k)


def _joined(ctx: _Sentence, k: int) -> bool:
    """Words ``k`` and ``k + 1`` have nothing but space between them (no comma, no bracket)."""
    return not ctx.doc.text[ctx.words[k][1]:ctx.words[k + 1][0]].strip()


def _in_time(times: list[dict[str, Any]], start: int, end: int) -> bool:
    return any(tm["start"] < end and start < tm["end"] for tm in times)


def _choose(ctx: _Sentence, entries: list[Entry], i: int, j: int) -> Entry | None:
    """The first entry whose context is satisfied; verbs before nouns (nouns after a determiner or an
    absorbing verb: "the attack", "imposed sanctions")."""
    noun_first = i > 0 and (ctx.norm[i - 1] in ctx.lex.determiners or ctx.norm[i - 1] in ctx.lex.absorbing)
    ordered = sorted(entries, key=lambda e: (not e.context, (e.pos == "verb") == noun_first))
    for entry in ordered:
        if not (entry.context or entry.unless) or _has_context(ctx, entry, i, j):
            return entry
    return None


def _has_context(ctx: _Sentence, entry: Entry, i: int, j: int) -> bool:
    """A context word of the group stands within the window, and no ``unless`` word (a doer that is no crowd:
    "gempa merusak rumah warga") stands nearer on the doer's side: before an active verb, after a passive
    one ("dirusak gempa"); the other side decides only when the doer's side names neither."""
    window = ctx.lex.windows["context"]
    before, after = ctx.norm[max(0, i - window):i], ctx.norm[j:min(len(ctx.words), j + window)]
    if not entry.unless:
        return any(_contains(before + ["|"] + after, phrase) for phrase in entry.context)
    before = before[::-1]  # nearest first
    sides = (after, before) if _passive(ctx, i) else (before, after)
    for side in sides:
        found = _nearest(side, entry.context, entry.unless, reverse=side is before)
        if found is not None:
            return found
    return not entry.context


def _nearest(words: list[str], context, unless, reverse: bool) -> bool | None:
    """Whether the nearest of the phrases found in ``words`` (nearest first) is a context one (True), an
    ``unless`` one (False), or None when neither stands there."""
    for k in range(len(words)):
        for phrases, verdict in ((unless, False), (context, True)):
            for phrase in phrases:
                n = len(phrase)
                got = tuple(reversed(words[k:k + n])) if reverse else tuple(words[k:k + n])
                if got == phrase:
                    return verdict
    return None


def _passive(ctx: _Sentence, i: int) -> bool:
    """The verb at word ``i`` is passive: its doer, if named, comes after it."""
    return ctx.norm[i].startswith(ctx.lex.passive_prefixes) or i > 0 and ctx.norm[i - 1] in ctx.lex.passive_auxiliaries


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[k:k + n]) == phrase for k in range(len(words) - n + 1))


def _absorb(ctx: _Sentence, triggers: list[Trigger]) -> list[Trigger]:
    """An event noun next to an absorbing verb is one event of the noun's type: "mengumumkan
    penangkapan", "imposed sanctions" (the noun after the verb), "penangkapannya diumumkan" (before)."""
    out: list[Trigger] = []
    for trig in triggers:
        prev = out[-1] if out else None
        if prev and _absorbs(ctx, prev, trig) or prev and _absorbs(ctx, trig, prev, passive=True):
            out[-1] = Trigger(trig.type if prev.pos == "verb" else prev.type, "verb", prev.i, trig.j,
                              prev.start, trig.end, absorbed=True)
            continue
        out.append(trig)
    return out


def _absorbs(ctx: _Sentence, verb: Trigger, noun: Trigger, passive: bool = False) -> bool:
    first, second = (noun, verb) if passive else (verb, noun)
    return verb.pos == "verb" and ctx.norm[verb.j - 1] in ctx.lex.absorbing and noun.pos == "noun" \
        and not noun.saying and second.i - first.j <= ABSORB_GAP and ctx.plain_gap(first.i, second.i)


_UNREAL = ("negated", "hypothetical", "future")


def _select(ctx: _Sentence, triggers: list[Trigger], published=None) -> list[Trigger]:
    """The triggers that are events: nouns need a date, an occurrence word or a saying verb."""
    kept = [t for t in triggers if t.pos == "verb" or t.claimed or _occurs(ctx, t)]
    for trig in kept:
        # recalled happenings of years before stay, as background: the chronicle keeps what a story recalls
        trig.recalled = (_recalled(ctx, trig, kept) or _named_by_date(trig, kept)
                         or _describes_noun(ctx, trig, triggers, kept) or _describes_undated(ctx, trig)) and not (
            trig.time and timing.is_background(trig.time["date"], trig.time["precision"], published))
    kept = [t for t in kept if not t.recalled]
    others = [t for t in kept if not t.saying]
    # the sentence's own saying is the one outside quotation marks ('"... disampaikan gubernur ...," ujar dia')
    sayings = sorted((t for t in kept if t.saying and (t.claimed or not others)), key=lambda t: t.quoted)
    chosen, seen = [], set()
    # one per type and day, the sentence's own saying (outside quotation marks) before one it quotes
    own = bool(sayings) and not sayings[0].quoted  # a quotation's sayings are the speaker's account, not reports
    extra = [t for t in sayings[1:] if t.claimed and not (own and t.quoted)]
    for trig in sorted(others + sayings[:1] + extra, key=lambda t: (t.saying and t.quoted, t.i)):
        # one event per type and day — but a quake that struck and the tsunami it could not cause are two
        key = (trig.type, trig.time["date"] if trig.time else None, trig.modality in _UNREAL)
        if key not in seen:
            seen.add(key)
            chosen.append(trig)
    return sorted(chosen, key=lambda t: t.i)


def _recalled(ctx: _Sentence, trig: Trigger, triggers: list[Trigger]) -> bool:
    """The trigger names what another happening of the sentence, or a count it tells before the marker,
    follows from: it opens a "since" span ("Sejak tentara merebut kekuasaan, 40 orang tewas", "killed since
    the coup") or a cause ("10 warga luka berat akibat gempa"). The sentence recalls it and reports the
    other: it is no event of the sentence.
    The marker opens at most ``SINCE_GAP`` words before it, not counting a date ("since the 1 February coup")."""
    opens = _recall_markers(ctx, _reach_back(ctx, trig.i, SINCE_GAP), trig.i)
    if trig.saying or not opens:
        return False
    marker = max(opens)
    if any(t is not trig and (t.j <= marker or t.i > trig.j) for t in triggers):
        return True
    # or a count before the marker is what the sentence reports ("10 warga luka berat akibat gempa")
    return bool(_counts(ctx, ctx.start, ctx.words[marker][0]))


def _reach_back(ctx: _Sentence, i: int, words: int) -> int:
    """The word ``words`` words before word ``i``, not counting the words of a date ("since the 1 February coup")."""
    lo, seen = i, 0
    while lo > 0 and seen < words:
        lo -= 1
        seen += not ctx.in_time[lo]
    return lo


def _recall_markers(ctx: _Sentence, lo: int, hi: int) -> list[int]:
    """Where a "since" or cause marker opens among words ``lo:hi`` (what follows it is recalled)."""
    found = [k for k in range(lo, hi) if ctx.norm[k] in ctx.lex.since_markers]
    return found + [k for k, _, _ in ctx.lex.cause_markers.find(ctx.norm, lo, hi)]


def _counts(ctx: _Sentence, start: int, end: int) -> list[int]:
    """Where the document's counts with a value start between character offsets ``start`` and ``end``."""
    return [f["start"] for f in getattr(ctx.doc, "figures", None) or ()
            if start <= f.get("start", -1) < end and f.get("value") is not None]


RELATIVE_REACH = 4  # words between an event noun and the relative clause that describes it, and in the clause


def _describes_noun(ctx: _Sentence, trig: Trigger, triggers: list[Trigger], kept: list[Trigger]) -> bool:
    """The trigger stands in a relative clause that describes a happening the sentence names by its noun ("banjir
    yang telah menewaskan puluhan warga", "the quake that killed 300"), while it reports another (a saying
    or a deed): the clause tells what that happening was, not a happening of the sentence."""
    lo = _reach_back(ctx, trig.i, RELATIVE_REACH)  # a date inside the clause does not count ("yang hingga kini telah")
    markers = [k for k in range(lo, trig.i) if ctx.norm[k] in ctx.lex.relative_markers]
    if not markers:
        return False
    k = markers[-1]
    noun = any(t is not trig and t.pos == "noun" and k - RELATIVE_REACH <= t.j <= k for t in triggers)
    # what else the sentence reports: another happening, or a day it gives outside the clause (an untyped one)
    told = any(t is not trig and t.i < k - RELATIVE_REACH for t in kept) or any(ctx.in_time[:max(0, k - RELATIVE_REACH)])
    return noun and told


DESCRIBING_REACH = 2  # words between a relative marker and the undated verb it opens ("yang telah tenggelam")


def _relative(ctx: _Sentence, trig: Trigger, triggers: list[Trigger]) -> bool:
    """The trigger is the verb of a relative clause ("korban kapal yang tenggelam", "the ferry that sank") whose
    head is no event noun (that case, "the quake that hit X", is ``_describes_noun``'s)."""
    markers = [k for k in range(max(0, trig.i - DESCRIBING_REACH), trig.i) if ctx.norm[k] in ctx.lex.relative_markers]
    if trig.pos != "verb" or not markers:
        return False
    k = markers[-1]
    return not any(t is not trig and t.pos == "noun" and k - RELATIVE_REACH <= t.j <= k for t in triggers)


def _describes_undated(ctx: _Sentence, trig: Trigger) -> bool:
    """An undated happening told in a relative clause that closes before the sentence goes on ("korban KM X yang
    tenggelam di perairan Y diperpanjang ...", "the ferry that sank off Y was carrying 57"): the clause says which
    thing the sentence speaks of; no day of the sentence is its day."""
    if trig.time is not None or trig.saying or not trig.relative or trig.modality not in ("asserted", "reported"):
        return False
    # the sentence goes on to its own predicate ("warga yang meninggal di Lembah 40 jiwa" has none: a count)
    return any(ctx.verb_like(k) for k in range(trig.j + 1, len(ctx.norm)))


def _named_by_date(trig: Trigger, triggers: list[Trigger]) -> bool:
    """A happening the sentence names by its own day or week ("last week's floods", "the March 3 riot")
    beside another it reports ("X said on Tuesday that ...", "police charged 40 over ..."): it is recalled.
    One named by its month or year ("the March 2019 vote") is placed in the story's past: it stays."""
    return trig.pos == "noun" and trig.time is not None and trig.time["precision"] in ("day", "week") \
        and timing.names_its_noun(trig, trig.time) and any(t is not trig and t.time is not trig.time for t in triggers)


def _occurs(ctx: _Sentence, trig: Trigger) -> bool:
    window = ctx.lex.windows["occurrence"]
    lo, hi = max(0, trig.i - window), min(len(ctx.words), trig.j + window)
    return bool(ctx.lex.occurrence.find(ctx.norm, lo, hi))


def _other_events(ctx: _Sentence, times: list[dict[str, Any]], kept: list[Trigger],
                  named: list[Trigger] = ()) -> list[Trigger]:
    """An event for every date no trigger took (and that no taken date repeats): of the type of the
    nearest event noun of its clause that is no event by itself ("Banjir bandang setinggi 2 meter terjadi
    ... Senin": a disaster), else of type ``other`` — but only in a sentence that types no happening: beside
    one it does ("lima warga tewas Sabtu dan baru dicatat polisi pada Senin"), the date is a detail. A date in
    the cause of a happening the sentence reports ("103 meninggal akibat gempa ... Senin") dates the cause,
    which the sentence only recalls — as does the date of a happening recalled after "since" ("killed since
    the March 3 vote"), or after "after" behind a date of the sentence's own ("summoned again on Tuesday
    after ignoring the first summons last week")."""
    taken = [t.time for t in kept if t.time] + [t.time for t in named if t.recalled and t.time]
    out: list[Trigger] = []
    for tm in times:
        if any(tm is other or _same_point(tm, other) for other in taken):
            continue
        if any(t.j <= tm["wi"] and ctx.cause_between(t.j - 1, tm["wi"]) for t in kept):
            continue
        if any(other is not tm and other["wj"] <= tm["wi"] and ctx.after_between(other["wj"] - 1, tm["wi"])
               for other in times):
            continue  # "Hari ini polisi memanggilnya lagi setelah panggilan pertama pekan lalu": what it came after
        if tm.get("quoted") and any(t.saying and not t.quoted for t in kept):
            continue  # a day the quotation names ('"tadi malam saya menghitung lagi," kata X'): what X said
        i = _anchor(ctx, tm)
        lo, hi = ctx.clause_words(tm["wi"])  # a noun of another clause names another happening
        noun = min((t for t in named if lo <= t.i < hi and not t.relative),  # "kapal yang tenggelam": which ship
                   key=lambda t: abs(t.i - tm["wi"]), default=None)
        if noun is None and any(not t.saying for t in kept):
            undated = [t for t in kept if not t.saying and t.time is None and t.modality not in _UNREAL
                       and not timing.past_main_verb(ctx, t, tm)]
            if len(undated) == 1:  # "dua orang tewas setelah ditabrak ... pada Minggu malam"
                undated[0].time, undated[0].claimed = tm, True
                taken.append(tm)
            continue  # else a date beside a happening the sentence types tells when it was reported or recorded
        trig = Trigger(noun.type if noun else "other", "verb", i, i + 1, ctx.words[i][0], ctx.words[i][1])
        _set_modality(ctx, trig)
        if not noun and trig.modality in ("negated", "hypothetical"):
            trig.modality = "asserted"  # "belum diketahui ... sampai Minggu": what is negated is no happening we type
        trig.time, trig.claimed = tm, True
        out.append(trig)
        taken.append(tm)
    return out


def _count_report(ctx: _Sentence) -> list[Trigger]:
    """The sentence's first count, as an untyped event, when all it named was the cause of that count ("10 warga
    luka berat akibat gempa"): what it reports is the count, which no trigger names."""
    starts = _counts(ctx, ctx.start, ctx.end)
    if not starts:
        return []
    at = _word_at(ctx, min(starts))
    end = min(_recall_markers(ctx, at, len(ctx.norm)), default=len(ctx.norm))
    verbs = [k for k in range(at + 1, end) if ctx.verb_like(k)]
    i = verbs[0] if verbs else min(at + 1, len(ctx.words) - 1)  # its verb, else the noun it counts
    trig = Trigger("other", "verb", i, i + 1, ctx.words[i][0], ctx.words[i][1])
    _set_modality(ctx, trig)
    return [trig]


def _same_point(tm: dict[str, Any], other: dict[str, Any]) -> bool:
    """Two times of a sentence that name one moment: the same date, or one inside the other and adjacent."""
    if tm["date"] == other["date"]:
        return True
    a, b = timing.bounds(tm["date"], tm["precision"]), timing.bounds(other["date"], other["precision"])
    nested = a[0] >= b[0] and a[1] <= b[1] or b[0] >= a[0] and b[1] <= a[1]
    return nested and abs(tm["wi"] - other["wi"]) <= 4


def _span_set(ctx: _Sentence, tm: dict[str, Any]) -> list[Trigger]:
    """An untyped event at the verb before a coming "until" date, with no time of its own: the act that set
    the span ("diperpanjang hingga Senin", "extended until Monday") happened by the day it is told."""
    tm["wi"] = _word_at(ctx, tm["start"])
    verbs = [k for k in range(tm["wi"]) if ctx.verb_like(k)]
    if not verbs:
        return []
    i = verbs[-1]
    trig = Trigger("other", "verb", i, i + 1, ctx.words[i][0], ctx.words[i][1])
    _set_modality(ctx, trig)
    return [] if trig.modality in _UNREAL else [trig]


def _anchor(ctx: _Sentence, tm: dict[str, Any]) -> int:
    """The verb-like word nearest a time in its clause (else its nearest content word, else any word)."""
    lo, hi = ctx.clause_words(tm["wi"])
    outside = [k for k in range(lo, hi) if not ctx.in_time[k]] or [k for k in range(len(ctx.words))
                                                                   if not ctx.in_time[k]]
    verbs = [k for k in outside if ctx.verb_like(k)]
    content = [k for k in outside if ctx.norm[k] not in ctx.lex.function_words and not ctx.norm[k].isdigit()]
    pool = verbs or content or outside or [tm["wi"]]
    return min(pool, key=lambda k: (abs(k - tm["wi"]), k))


def _record(ctx: _Sentence, trig: Trigger, mentions, published) -> dict[str, Any]:
    doc, tm = ctx.doc, trig.time
    clause = ctx.clause_of(trig.i)
    actors, place = roles(doc.text, ctx.lex, mentions, trig, clause, ctx.start)
    return {
        "type": trig.type,
        "trigger": doc.text[trig.start:trig.end],
        "trigger_start": trig.start,
        "trigger_end": trig.end,
        "sentence": ctx.index,
        "start": ctx.start,
        "end": ctx.end,
        "summary": summary(doc.text, ctx.lex, (ctx.start, ctx.end), trig.start, trig.end),
        "date": tm["date"] if tm else None,
        "date_text": tm["text"] if tm else None,
        "precision": tm["precision"] if tm else None,
        "timex": tm["value"] if tm else None,
        "modality": with_date(trig.modality, tm, published),
        "actors": refs(doc.mentions, actors),
        "location": ref(doc.mentions, place) if place is not None else None,
        "background": timing.is_background(tm["date"] if tm else None, tm["precision"] if tm else None, published),
        "span_start": bool(tm and tm.get("opens_span")),
    }
