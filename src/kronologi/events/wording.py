"""The short summary of an event: the trigger's clause, taken from its sentence and cleaned.

The sentence is cut into segments at punctuation (``, ; : ( ) – —``) and at the
pack's ``summary_breaks`` (clause openers such as ``namun``, ``while``). The
summary is the trigger's segment, widened to the left until it has a subject
(two words before the trigger) and to the right until it has some body (eight
words), at most ``summary_max_words`` words. Quotation marks, opening connectives
(``summary_openers``: "Namun,", "Sementara itu,") and edge punctuation are
dropped, and the first letter is capitalised.
"""

from __future__ import annotations

import re

from kronologi.events.lexicon import Lexicon

_PUNCT_RE = re.compile(r"[;()\u2013\u2014]|(?<!\d)[,:]|[,:](?!\d)|\s-\s")  # "6,500", "10:30" stay whole
_QUOTES_RE = re.compile(r"[\"“”«»]|(?<!\w)[‘’']|[‘’'](?!\w)")
_EDGE = " \t\n,;:.-–—()[]"
MIN_LEFT, MIN_WORDS = 2, 8


def summary(text: str, lex: Lexicon, sent: tuple[int, int], trig_start: int, trig_end: int) -> str:
    """A short clause-level summary of the event at ``trig_start:trig_end`` in sentence ``sent``."""
    cuts, hard = _cuts(text, lex, sent)
    k = max(n for n in range(len(cuts) - 1) if cuts[n] <= trig_start)
    left, right = k, k + 1
    while left > 0 and _count(text, cuts[left], trig_start) < MIN_LEFT:
        left -= 1
    while right < len(cuts) - 1 and cuts[right] not in hard and _count(text, cuts[left], cuts[right]) < MIN_WORDS:
        right += 1
    if _count(text, cuts[left], trig_start) > lex.summary_max_words - MIN_WORDS:
        return _clean(_around(text, cuts[left], cuts[right], trig_start, lex.summary_max_words), lex)
    return _clean(text[cuts[left]:cuts[right]], lex)


def _around(text: str, start: int, end: int, trig_start: int, max_words: int) -> str:
    """A window of the span that keeps the trigger: a few words before it, the rest after."""
    before = text[start:trig_start].split()[-(max_words // 3):]
    return " ".join(before) + " " + text[trig_start:end]


def _cuts(text: str, lex: Lexicon, sent: tuple[int, int]) -> tuple[list[int], set[int]]:
    """Cut positions, and the hard ones: clause openers and the punctuation right before them."""
    start, end = sent
    punct = {m.start() + start for m in _PUNCT_RE.finditer(text[start:end])}
    words = lex.words(text, start, end)
    hard = set()
    for i, _, _ in lex.summary_breaks.find([w for _, _, w in words]):
        if i > 0:
            hard.add(words[i][0])
            hard |= {p for p in punct if words[i - 1][1] <= p < words[i][0]}
    return sorted(punct | hard | {start, end}), hard


def _count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _clean(piece: str, lex: Lexicon) -> str:
    piece = _QUOTES_RE.sub("", piece)
    piece = " ".join(piece.split()).strip(_EDGE)
    piece = _drop_openers(piece, lex).strip(_EDGE)
    words = piece.split()
    if len(words) > lex.summary_max_words:
        piece = " ".join(words[: lex.summary_max_words]).rstrip(_EDGE) + " …"
    return piece[:1].upper() + piece[1:]


def _drop_openers(piece: str, lex: Lexicon) -> str:
    for _ in range(3):
        words = lex.words(piece)
        found = lex.summary_openers.find([w for _, _, w in words], 0, min(len(words), 4))
        if not found or found[0][0] != 0:
            return piece
        piece = piece[words[found[0][1] - 1][1]:].strip(_EDGE)
    return piece
