"""The tense of the clause around a temporal expression, from cue words.

A bare weekday or month names the last one before the reference date unless
its clause speaks of the future (``akan``, ``dijadwalkan``, ``will``,
``next``...), in which case it names the next one. The clause runs between
sentence ends, semicolons and clause-opening words (``bahwa``, ``setelah``,
``that``, ``after``...), all listed in the pack's ``tense`` section.

How cues are weighed:

* a past word right before the expression (``sejak Rabu``) makes it past;
* a future cue before the expression in its clause makes it future;
* a future cue after it counts too (``Pada hari Minggu, X akan ...``), unless
  a reporting verb stands before the expression or between it and the cue
  (``X mengatakan pada Senin ... akan``: the date is the saying's), or a
  coordinating word comes first (``began on Monday and will resume``);
* otherwise a past cue makes it past, and with no cue at all it is ``None``.

Cue positions are found once per text (one pass over its words) and looked
up with ``bisect``, so a long article costs one scan, not one per mention.
"""

from __future__ import annotations

import bisect
import functools
import re

from kronologi import langs
from kronologi.temporal.patterns import pack
from kronologi.text.sentences import split_sentences

FUTURE, PAST = "future", "past"
SINCE_REACH = 30  # characters between a "since" word and the day it opens ("sejak hari Senin", "since late on")


class Clauses:
    """Sentences, clause boundaries and cue positions of one text.

    ``sentences`` are ``(start, end)`` spans (``doc.sentences``); without them
    the text is split with ``kronologi.text.sentences``.
    """

    def __init__(self, text: str, lang: str | None, sentences: list[tuple[int, int]] | None = None):
        self.text = text
        self.lang = pack(lang).lang
        self.sentences = sentences if sentences is not None else split_sentences(text, self.lang)
        self._starts = [s for s, _ in self.sentences]
        regexes = _regexes(self.lang)
        found = _find_cues(text, self.lang)
        edges = {i for span in self.sentences for i in span}
        marks = (m.start() for m in regexes["bounds"].finditer(text))
        self.bounds = sorted(edges.union(marks, (s for s, _ in found.get("clause_breaks", ()))))
        self.cues = {name: [s for s, _ in found.get(name, ())] for name in ("future", "past", "reporting", "weak_breaks")}
        self._past_before = regexes["past_before"]
        self._future_before = regexes["future_before"]
        self._future_after_word = regexes["future_after"]
        self._since = regexes["since"]
        self.ignore(found.get("not_cues", []))

    def _future_after(self, start: int, end: int, left: int, right: int) -> bool:
        """A future cue after the expression, with no reporting verb before the expression or
        between it and the cue ("X, Senin, mengatakan ... akan": the date is the saying's)."""
        right = _first(self.cues["weak_breaks"], end, right) or right
        cue = _first(self.cues["future"], end, right)
        if cue is None:
            return False
        return not _any(self.cues["reporting"], left, start) and not _any(self.cues["reporting"], end, cue)

    def ignore(self, spans: list[tuple[int, int]]) -> None:
        """Cue words inside these spans (temporal expressions: "pekan depan") are not cues."""
        starts = sorted(spans)
        for name, positions in self.cues.items():
            self.cues[name] = [p for p in positions if not _inside(starts, p)]

    def in_another_span(self, day: tuple[int, int], at: tuple[int, int]) -> bool:
        """Whether the day at ``day`` starts a state after "since" that the time at ``at`` is not part of: a
        clock time or part of day does not fall on it ("wafat pukul 18.05 setelah dirawat sejak 1 September",
        "dirawat sejak Senin dan wafat pukul 04.00"), unless it goes on the since phrase ("sejak Senin
        (23/9) pukul 07.00")."""
        since = self._since
        if day[0] >= at[1]:  # a "since" between them opens the day's phrase
            return bool(since.search(self.text, at[1], day[0]))
        opens = since.search(self.text, max(0, day[0] - SINCE_REACH), day[0])
        return bool(opens) and bool(_WORD_RE.search(self.text, day[1], at[0]))

    def clause(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.bounds, start)
        left = self.bounds[i - 1] if i > 0 else 0
        j = bisect.bisect_left(self.bounds, end)
        right = self.bounds[j] if j < len(self.bounds) else len(self.text)
        return left, right

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around a span (the whole text when it falls outside every sentence)."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and start < self.sentences[i][1]:
            return self.sentences[i]
        return 0, len(self.text)

    def tense(self, start: int, end: int) -> str | None:
        """``"future"``, ``"past"`` or ``None`` for the expression at ``start:end``."""
        if self._past_before.search(self.text, max(0, start - 20), start):
            return PAST
        if self._future_before.search(self.text, max(0, start - 20), start) or \
                self._future_after_word.match(self.text, end, min(len(self.text), end + 20)):
            return FUTURE
        left, right = self.clause(start, end)
        if _any(self.cues["future"], left, start) or self._future_after(start, end, left, right):
            return FUTURE
        if _any(self.cues["past"], left, right):
            return PAST
        return None


def _first(positions: list[int], lo: int, hi: int) -> int | None:
    i = bisect.bisect_left(positions, lo)
    return positions[i] if i < len(positions) and positions[i] < hi else None


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _any(positions: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


_CUE_LISTS = ("future", "past", "reporting", "weak_breaks", "not_cues", "clause_breaks")
_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


def _find_cues(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of every cue word or phrase, by list: one pass over the words of the text."""
    lexicon = _lexicon(lang)
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD_RE.finditer(text)]
    found: dict[str, list[tuple[int, int]]] = {}
    for i, (start, _, word) in enumerate(words):
        for phrase, name in lexicon.get(word, ()):
            n = len(phrase)
            if n == 1 or tuple(w for _, _, w in words[i:i + n]) == phrase:
                found.setdefault(name, []).append((start, words[i + n - 1][1]))
    return found


@functools.lru_cache(maxsize=None)
def _lexicon(lang: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> [(the phrase's words, cue list)] for every cue of the pack."""
    tense = pack(lang).vocab.get("tense", {})
    lexicon: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name in _CUE_LISTS:
        for phrase in tense.get(name, ()):
            words = tuple(_WORD_RE.findall(phrase.lower()))
            if words:
                lexicon.setdefault(words[0], []).append((words, name))
    return lexicon


@functools.lru_cache(maxsize=None)
def _regexes(lang: str) -> dict[str, re.Pattern[str]]:
    tense = pack(lang).vocab.get("tense", {})
    out = {"bounds": re.compile(r"[;:]\s|\n|[\"“”]")}
    out["since"] = re.compile(rf"(?<!\w)(?:{_alternation(tense.get('since', ()))})(?!\w)", re.IGNORECASE)
    out["future_after"] = re.compile(rf"\s+(?:{_alternation(tense.get('future_after', ()))})(?!\w)", re.IGNORECASE)
    for name in ("past_before", "future_before"):
        out[name] = re.compile(rf"(?<!\w)(?:{_alternation(tense.get(name, ()))})\s+(?:hari\s+|bulan\s+)?$",
                               re.IGNORECASE)
    return out


def _alternation(words) -> str:
    return langs.alternation(words) or r"(?!x)x"
