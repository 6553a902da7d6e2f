"""Modality: whether an event happened, will happen, might, did not, or is someone's claim.

Cues come from the pack's ``modality`` lists (``langs/<lang>/events.yaml``) and
are looked up on the words of the trigger's sentence (a cue inside one of the
``not_cues`` phrases, such as "cikal bakal", is none):

* ``negated`` or ``hypothetical`` for a rumour: a rumour or hoax cue (``rumour``: "beredar kabar", "hoaks",
  "rumours spread") within ``rumour_window`` words before the trigger, with no ``rumour_stops`` word between
  (a hoax *about* a riot, "hoaks terkait kerusuhan", does not make the riot unreal), governs it: what was
  rumoured is no happening (``hypothetical``), and a denial anywhere in the sentence (``rumour_denial``:
  "dibantah", "denied") makes it ``negated``; so does news named before the trigger (``rumour_news``: "kabar",
  "reports") with its spreading or falsity after it (``rumour_after``: "beredar", "hoaks", "circulated"); a saying is no rumour's content (the denial itself was said);
* ``negated``: a negation within ``negation_window`` words before the trigger, in
  its clause, with only ``negation_skip`` words between ("tidak akan pernah
  menembaki", "did not fire"; but not "tidak tahu kami kembali online");
* ``hypothetical``: a conditional before the trigger in its clause, or opening the
  sentence ("Jika ..., ..."), or a possibility word right before it ("mungkin");
* ``future``: a future or plan word within ``future_window`` words before the trigger
  in its clause ("akan dikerahkan", "dijadwalkan mengadakan"); a date after
  publication also makes a factual event future (``with_date``);
* ``reported``: someone else's claim: the trigger stands inside a quotation, after a
  hearsay word in its clause ("dikabarkan padam"), after a reporting verb with
  more than function words between ("X mengatakan kelompok itu menyerang", not
  "X mengatakan pada pertemuan"), in a sentence with an attribution ("menurut X"), or before a trailing
  attribution (``..., kata X``; ``..., the agency said``) — a saying itself is
  reported only when quoted or hearsay;
* otherwise ``asserted``.

The first that applies wins, in that order.
"""

from __future__ import annotations

from typing import Any

from kronologi.events.lexicon import Lexicon
from kronologi.events.ontology import SAYING
from kronologi.events.timing import is_after

ORDER = ("negated", "hypothetical", "future", "reported", "asserted")
TRAILING_GAP = 3  # words between the comma and a trailing attribution's verb ("..., a provincial official said")
TRAILING_TAIL = 10  # the trailing attribution's verb stands among the sentence's last words


class SentenceCues:
    """Where each cue list matches in one sentence's words (word spans), found once."""

    def __init__(self, lex: Lexicon, words: list[str], commas: set[int]):
        self.lex, self.words, self.commas = lex, words, commas  # commas: word indices right after , or a quote
        blocked = [(i, j) for i, j, _ in lex.not_cues.find(words)]
        self.spans = {name: [(i, j) for i, j, _ in index.find(words)
                             if not any(a <= i and j <= b for a, b in blocked)]
                      for name, index in {**lex.cues, **lex.rumour_cues}.items()}

    def rumoured(self, i: int) -> bool:
        """A rumour cue governs word ``i``: it ends within the rumour window before it, no stop word between."""
        window = self.lex.windows["rumour"]
        stops = self.spans["rumour_stops"]
        if any(i - window <= b - 1 < i and not any(b <= c and d <= i for c, d in stops)
               for _, b in self.spans["rumour"]):
            return True
        # "Kabar X meninggal dunia beredar luas": news named before it, its spreading or falsity after it
        return any(i - window <= b - 1 < i and not any(b <= c and d <= i for c, d in stops)
                   for _, b in self.spans["rumour_news"]) and any(a > i for a, _ in self.spans["rumour_after"])

    def negation(self, i: int, lo: int) -> bool:
        window, skip = self.lex.windows["negation"], self.lex.negation_skip
        return any(lo <= a and i - window <= b - 1 < i and all(w in skip for w in self.words[b:i])
                   for a, b in self.spans["negation"])

    def before(self, name: str, i: int, window: int, lo: int) -> bool:
        """A cue ending within ``window`` words before word ``i``, not before word ``lo``."""
        return any(lo <= a and i - window <= b - 1 < i for a, b in self.spans[name])

    def trailing(self, j: int) -> bool:
        """An attribution verb after word ``j``, trailing: ``..., kata X`` / ``..., X said``."""
        n = len(self.words)
        for a, _ in self.spans["attribution"]:
            if a < j or a < n - TRAILING_TAIL:
                continue
            cut = max((c for c in self.commas if j <= c <= a), default=None)
            between = self.words[cut:a] if cut is not None else None
            if between is not None and len(between) <= TRAILING_GAP and not self._openers(between):
                return True
        return False

    def content_between(self, a: int, b: int) -> bool:
        """Words ``a:b`` hold more than function words: the trigger is what was said, not where
        ("X mengatakan kelompok itu menyerang" vs "X mengatakan pada pertemuan", "told a news conference")."""
        skip = self.lex.function_words | self.lex.location_prepositions
        return any(w not in skip for w in self.words[a:b])

    def _openers(self, words: list[str]) -> bool:
        return bool(self.lex.summary_openers.find(words))


def modality(cues: SentenceCues, trig: Any, clause: tuple[int, int], quoted: bool) -> str:
    """The modality of a trigger from its sentence's cues; ``clause`` is its clause's word span."""
    lex, lo = cues.lex, clause[0]
    if cues.negation(trig.i, lo):
        return "negated"
    if trig.type not in SAYING and cues.rumoured(trig.i):  # a denial of the rumour is said all the same
        return "negated" if cues.spans["rumour_denial"] else "hypothetical"
    if _hypothetical(cues, trig, lo):
        return "hypothetical"
    if cues.before("future", trig.i, lex.windows["future"], lo):
        return "future"
    if _reported(cues, trig, lo, quoted):
        return "reported"
    return "asserted"


def _hypothetical(cues: SentenceCues, trig: Any, lo: int) -> bool:
    if cues.before("possible", trig.i, cues.lex.windows["modal"], lo):
        return True
    return any((a >= lo or a <= 1) and b <= trig.i for a, b in cues.spans["hypothetical"])


def _reported(cues: SentenceCues, trig: Any, lo: int, quoted: bool) -> bool:
    if quoted or any(lo <= a and b <= trig.i for a, b in cues.spans["hearsay"]):
        return True
    if trig.type in SAYING:
        return False
    if cues.spans["according"] or any(b <= trig.i and cues.content_between(b, trig.i)
                                      for _, b in cues.spans["reporting"]):
        return True
    return cues.trailing(trig.j)


def with_date(value: str, time: dict[str, Any] | None, published) -> str:
    """A factual event dated after publication is a future one."""
    if time and value in ("asserted", "reported") and is_after(time, published):
        return "future"
    return value


def inside_quote(text: str) -> bool:
    """Whether the end of ``text`` (a sentence up to a trigger) lies inside a quotation."""
    opens = text.count("“") + text.count("«")
    closes = text.count("”") + text.count("»")
    return opens > closes or text.count('"') % 2 == 1
