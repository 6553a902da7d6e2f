"""A figure's status: ``reported``, ``retracted``, ``denied`` or ``projected``.

* retracted: the old value of a correction (``dikoreksi menjadi 125 orang, turun dari
  angka 174``; ``lowered the toll to 125 from 174``), the object of a withdrawal
  (``mencabut pernyataan yang mengatakan lebih dari 90 orang tewas``), a figure
  whose own clause says it was corrected (``174 yang kemudian diralat``), or the
  figure a next sentence withdraws (``Angka itu kemudian diralat``: see ``figures``);
  a count its own sentence then puts right (``disebutkan 12 orang, yang benar 10 orang``);
* denied: the same with denial cues (``membantah``, ``denied``);
* projected: a future or planned number (``akan dikerahkan 1.000 personel``), or one a count
  may change to (``bisa naik hingga 20.000``, ``could double to 50,000``: a modal before a change verb).

A cue before the figure does not reach it across a new-value word (``menjadi``,
``to``) or another reporting verb.
"""

from __future__ import annotations

import functools
import re

from kronologi.claims import vocab


def status(text: str, lang: str, start: int, end: int, sent: tuple[int, int], clause: tuple[int, int]) -> str:
    """The status of the figure ``text[start:end]`` in sentence ``sent``; ``clause`` is its window."""
    if old_value(text, lang, start, sent) or corrected_after(text, lang, end, sent[1]):
        return "retracted"
    for key, label in (("retraction_cues", "retracted"), ("denial_cues", "denied")):
        if _reaches(text, lang, key, sent[0], start) or _in_clause(text, lang, key, end, clause[1]) \
                or _but_withdrawn(text, lang, key, end, sent[1]):
            return label
    judged = _judged_after(text, lang, end, sent[1])
    if judged:
        return judged
    return "projected" if _projected(text, lang, start, end, clause) else "reported"


def _judged_after(text: str, lang: str, end: int, stop: int) -> str | None:
    """``120 might have died, a figure the agency later said was wrong``: an apposition naming the count
    (``a figure``, ``angka yang``) whose clause withdraws it (retracted) or calls it wrong (denied); no other
    number between."""
    m = _judged_regex(lang).search(text, end, stop)
    if not m or re.search(r"\d", text[end:m.start()]):
        return None
    return "retracted" if vocab.regex(lang, "retraction_cues").fullmatch(m.group("cue")) else "denied"


@functools.lru_cache(maxsize=None)
def _judged_regex(lang: str) -> re.Pattern[str]:
    heads = vocab.alternation(vocab.phrases(lang, "count_appositions"))
    cues = vocab.alternation(vocab.phrases(lang, "retraction_cues") + vocab.phrases(lang, "denial_cues")
                             + vocab.phrases(lang, "judged_wrong"))
    if not heads or not cues:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?i)[,(]\s*(?:{heads})(?!\w)[^,.;:()]{{0,80}}?(?<!\w)(?P<cue>{cues})(?!\w)")


CONTRAST_REACH = 3  # filler words between a contrast word and the status cue ("but it was later withdrawn")


def _but_withdrawn(text: str, lang: str, key: str, end: int, stop: int) -> bool:
    """``dilaporkan 640 jiwa, tetapi dianulir``, ``was put at 640 but later withdrawn``: a clause opened by a
    contrast word whose first words are a status cue speaks of the count before it (no count in between)."""
    m = _contrast_then(lang, key).search(text, end, stop)
    return bool(m) and not re.search(r"\d", text[end:m.start()])


@functools.lru_cache(maxsize=None)
def _contrast_then(lang: str, key: str) -> re.Pattern[str]:
    contrast = vocab.alternation(vocab.phrases(lang, "contrast_words"))
    fillers = vocab.alternation(vocab.phrases(lang, "contrast_fillers"))
    cues = vocab.alternation(vocab.phrases(lang, key))
    if not contrast or not cues:
        return re.compile(r"(?!x)x")
    between = rf"(?:(?:{fillers})\s+){{0,{CONTRAST_REACH}}}" if fillers else ""
    return re.compile(rf"(?i)(?<!\w)(?:{contrast}),?\s+{between}(?:{cues})(?!\w)")


_RELATIVE = re.compile(r"(?i)(?<![\w])(?:yang|which|that|who)(?![\w])")
_NEAR = 4  # words a future cue may stand before the figure ("akan segera mengerahkan 3.000 tentara")


def _projected(text: str, lang: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    """A future cue close before the figure, or right after it before any relative clause of its noun.

    Inside a relative clause (``misi yang melibatkan hingga 1.500 tentara akan berakhir``) what follows
    is the main clause's; far before it (``expected to win ... against five challengers``) the cue is
    another verb's.
    """
    floor, stop = clause[0], clause[1]
    for m in _RELATIVE.finditer(text, clause[0], start):
        floor, stop = m.end(), end
    relative = _RELATIVE.search(text, end, stop)
    stop = relative.start() if relative else stop
    for pattern in (vocab.regex(lang, "projection_cues"), _may_change(lang)):
        for cue in pattern.finditer(text, floor, stop):
            if cue.start() >= end or len(text[cue.end():start].split()) <= _NEAR:
                return True
    return False


@functools.lru_cache(maxsize=None)
def _may_change(lang: str) -> re.Pattern[str]:
    """A modal before a change verb, one word between at most (``could rise``, ``bisa terus bertambah``)."""
    modals, changes = (vocab.alternation(vocab.phrases(lang, key)) for key in ("projection_modals", "change_verbs"))
    if not modals or not changes:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w])(?:{modals})\s+(?:[^\W\d_]+\s+)?(?:{changes})(?![\w])", re.IGNORECASE)


def old_value(text: str, lang: str, start: int, sent: tuple[int, int]) -> bool:
    """The value a correction moved away from: after ``dari``/``from``, in a sentence with a retraction cue."""
    if not _from_regex(lang).search(text[max(sent[0], start - 25):start]):
        return False
    return bool(vocab.regex(lang, "retraction_cues").search(text, sent[0], sent[1]))


@functools.lru_cache(maxsize=None)
def _from_regex(lang: str) -> re.Pattern[str]:
    words = vocab.alternation(vocab.phrases(lang, "change_from"))
    return re.compile(rf"(?i)(?<![\w])(?:{words})(?:\s+(?:angka|the\s+figure\s+of|the\s+previous|an\s+earlier))?\s+$")


def corrected_after(text: str, lang: str, end: int, stop: int) -> bool:
    """``disebutkan 12 orang, yang benar 10 orang``, ``said 12 died; the correct figure is 10``: a clause
    that opens with the words giving the right value, and a number after them, corrects the count before it
    (no other number between)."""
    m = _corrected_regex(lang).search(text, end, stop)
    if not m or re.search(r"\d", text[end:m.start()]):
        return False
    from kronologi.claims.numbers import find_numbers
    return bool(find_numbers(text[m.end():min(stop, m.end() + 40)], lang))


@functools.lru_cache(maxsize=None)
def _corrected_regex(lang: str) -> re.Pattern[str]:
    cues = vocab.alternation(vocab.phrases(lang, "correct_value"))
    contrast = vocab.alternation(vocab.phrases(lang, "contrast_words"))
    if not cues:
        return re.compile(r"(?!x)x")
    opener = rf"(?:(?:{contrast}),?\s+)?" if contrast else ""
    return re.compile(rf"(?i)[,;:]\s*{opener}(?:{cues})(?!\w)")


def _reaches(text: str, lang: str, key: str, floor: int, start: int) -> bool:
    cues = list(vocab.regex(lang, key).finditer(text, floor, start))
    if not cues:
        return False
    between = text[cues[-1].end():start]
    if vocab.regex(lang, "new_value").search(between):
        return False
    return not any(not re.search(r"(?i)(?:yang|that|which|who)\s+$", between[:m.start()])
                   for m in vocab.regex(lang, "reporting_verbs").finditer(between))


def _in_clause(text: str, lang: str, key: str, end: int, stop: int) -> bool:
    return bool(vocab.regex(lang, key).search(text, end, stop))


def withdrawn_after(text: str, lang: str, start: int, end: int) -> str | None:
    """``angka itu kemudian diralat``: the status words after a mention of a figure give it, or None."""
    for key, label in (("retraction_cues", "retracted"), ("denial_cues", "denied")):
        if vocab.regex(lang, key).search(text, start, end):
            return label
    return None
