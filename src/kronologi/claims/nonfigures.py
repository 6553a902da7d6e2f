"""Numbers that count nothing: why a number is not a figure.

``reason(text, n, lang, times)`` returns a dotted code (``nonfigure.year``,
``nonfigure.age``, ``nonfigure.duration``, ``nonfigure.time``, ``nonfigure.clock``,
``nonfigure.percent``, ``nonfigure.counter``, ``nonfigure.phone``, ``nonfigure.measure``
(``40 kg``, ``10 kilometer``, ``magnitudo (M) 5,6``; an area stays: see ``figures``),
``nonfigure.fraction`` (a bare ``5,6``: no count has a fraction), ``nonfigure.list``,
``nonfigure.identifier``, ``nonfigure.score``, ``nonfigure.negated`` (``no one was killed``,
``tidak seorang pun``), ``nonfigure.distributive`` (``every one of the dead``: each member, no count)) or None when
the number may be a figure. ``times`` are the spans the temporal layer tagged:
a number inside a date, a clock time or a duration is never a figure.

Percentages are left out on purpose: a share ("98%") is not a count of what
happened, and the ledger compares counts.
"""

from __future__ import annotations

import bisect
import functools
import re

from kronologi import langs
from kronologi.claims import vocab
from kronologi.claims.numbers import Number

_PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[\s-]?)?\(?0\d{1,4}\)?(?:[\s-]?\d{2,5}){1,4}(?![\w])")
_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*$")
# a numbered item run into the text after a sentence ("... were killed. 2. Officials blamed ...")
_RUN_IN_ITEM = re.compile(r"[.!?][\"'”’)]?[ \t]+$")
_SCORE_SEP = re.compile(r"\s*[-–—:]\s*")  # the whole gap between two numbers (fullmatch)
_SCORE_MAX = 30
_NAME_PAREN = re.compile(r"[A-Z][\w'’-]+\s*\(\s*$")
_LISTED = re.compile(r"\s*(?:,|,?\s*(?:dan|and|&|atau|or))\s*")
_CODE_JOIN = re.compile(r"[-/]")  # "212-200": no spaces, one code
_RANGE_END = re.compile(r"^\s*[-–]\s*\d[\d.,]*")  # "81-100 persen": the range's unit is its first number's too
_LIST_REACH = 100  # numbers back a list is followed to the identifier that opens it ("Pasal 12, 13 dan 14")
_ABBREVIATION = re.compile(r"\(\s*[A-Za-z]{1,5}\s*\)\s*$")  # "magnitudo (M) 5,6": the unit's abbreviation between
_NAME_COMMA = re.compile(r"(?<![.!?]\s)[A-Z][\w'’-]+,\s$")


def reason(text: str, n: Number, lang: str, times: list[tuple[int, int]], numbers: list[Number]) -> str | None:
    """Why ``n`` is not a figure, or None."""
    before, after = text[max(0, n.start - 60):n.start], text[n.end:n.end + 60]
    checks = (
        ("negated", lambda: _last_word(before) in vocab.wordset(lang, "negations")),
        ("distributive", lambda: n.value == 1 and _last_word(before) in vocab.wordset(lang, "distributives")),
        ("counter", lambda: _starts(lang, "counters", after) or _counter_before(lang, before)),
        ("age", lambda: bool(vocab.ending_regex(lang, "age_cues").search(before)) or _age_after_name(before, after)),
        ("duration", lambda: n.unit == "year" or _starts(lang, "time_units", after)),
        ("time", lambda: _in_times(n, times) and not _before_smaller(text, lang, n, numbers)),
        ("measure", lambda: _starts(lang, "measure_units", after) or bool(
            vocab.ending_regex(lang, "measures_before").search(_ABBREVIATION.sub("", before)))),
        ("fraction", lambda: _fraction(n)),
        ("percent", lambda: _starts(lang, "percent", after) or _starts(lang, "percent", _RANGE_END.sub("", after))),
        ("clock", lambda: _clock(lang, before, after)),
        ("phone", lambda: _phone(text, n)),
        ("year", lambda: _year(lang, n, after)),
        ("date", lambda: _month_next(lang, before, after) or _day_of_dates(lang, text, n, numbers)),
        ("list", lambda: _list_item(before, after)),
        ("score", lambda: _score(lang, text, n, numbers)),
        ("identifier", lambda: _identifier(lang, text, n, numbers, times)),
    )
    for code, check in checks:
        if check():
            return f"nonfigure.{code}"
    return None


def _fraction(n: Number) -> bool:
    """A bare number with a fraction ("5,6") counts nothing: a count of people, houses or ships is
    whole; "2,5 juta" has its scale word and "$1.5" its currency."""
    return n.kind == "digits" and n.value is not None and n.value != int(n.value) and n.scale == 1 \
        and n.unit is None


def _in_times(n: Number, times: list[tuple[int, int]]) -> bool:
    """Whether ``n`` overlaps a temporal expression (``times`` sorted by start, as the temporal layer's are;
    the few before ``n``'s end are checked, so an expression that holds others is seen too)."""
    i = bisect.bisect_left(times, (n.end,))
    return any(e > n.start for _, e in times[max(0, i - 4):i])


def _before_smaller(text: str, lang: str, n: Number, numbers: list[Number]) -> bool:
    """``sentenced 14 to three years``: a number joined by ``to``/``hingga`` to a smaller one is no end of a span of
    time (a span runs from less to more), whatever the temporal layer read: it counts who the span is given to."""
    i = bisect.bisect_left([m.start for m in numbers], n.end)
    if i >= len(numbers) or n.value is None or numbers[i].value is None or numbers[i].value >= n.value:
        return False
    joins = vocab.alternation(vocab.phrases(lang, "range_join"))
    return bool(joins) and re.fullmatch(rf"\s*(?:{joins})\s*", text[n.end:numbers[i].start], re.IGNORECASE) is not None


def _starts(lang: str, key: str, after: str) -> bool:
    return bool(vocab.starting_regex(lang, key).match(after)) or (key == "percent" and after.startswith("%"))


def _age_after_name(before: str, after: str) -> bool:
    """``Agus (35)``, ``Widodo, 61,``: an age written after a name."""
    return bool(_NAME_PAREN.search(before) and after[:1] == ")") or bool(
        _NAME_COMMA.search(before) and re.match(r",\s", after))


def _clock(lang: str, before: str, after: str) -> bool:
    return _last_word(before) in vocab.wordset(lang, "clock_before") or _starts(lang, "clock_after", after)


def _counter_before(lang: str, before: str) -> bool:
    m = re.search(r"([^\W\d_]+)\s*\(\s*$", before)
    return bool(m and m.group(1).lower() in vocab.wordset(lang, "counters") | {"comments", "komentar"})


def _phone(text: str, n: Number) -> bool:
    if not n.text[:1] == "0" and not text[max(0, n.start - 1):n.start] == "+":
        return False
    m = _PHONE.match(text, max(0, n.start - (1 if text[n.start - 1:n.start] == "+" else 0)))
    return bool(m and sum(ch.isdigit() for ch in m.group(0)) >= 7)


def _year(lang: str, n: Number, after: str) -> bool:
    if n.kind != "digits" or not re.fullmatch(r"\d{4}(?:-[^\W\d_]+)?", n.text) or not 1800 <= (n.value or 0) <= 2100:
        return False
    return not _count_noun_next(lang, after)


def _count_noun_next(lang: str, after: str) -> bool:
    nxt = re.match(r"\s*([^\W\d_]+)", after)
    if not nxt:
        return False
    word = nxt.group(1).lower()
    return word in vocab.wordset(lang, "generic_nouns") or any(
        word == phrase.split()[0] for phrase in vocab.categories(lang)["nouns"])


@functools.lru_cache(maxsize=None)
def _months(lang: str) -> frozenset[str]:
    months = langs.load(lang, "dates").get("months") or {}
    return frozenset(str(m).lower().rstrip(".") for m in months)


def _month_next(lang: str, before: str, after: str) -> bool:
    nxt = re.match(r"\s*([^\W\d_]+)", after)
    prev = _last_word(before)
    months = _months(lang)
    return bool(nxt and nxt.group(1).lower() in months) or (prev.rstrip(".") in months and before[-1:].isspace()
                                                           and len(prev) > 2 and not _ends_sentence(lang, prev))


def _day_of_dates(lang: str, text: str, n: Number, numbers: list[Number]) -> bool:
    """``sejak 25 sampai dengan 29 September``, ``between 12 and 16 October``, ``October 12 to 16``: a day
    joined (pack ``day_joins``) to the day of a date is a day too, however long the chain (``3, 4 dan 5 Mei``);
    the month written once, after the last day or before the first."""
    i = bisect.bisect_left(numbers, n.start, key=lambda m: m.start)
    if not _day(n) or i >= len(numbers) or numbers[i] is not n:
        return False
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(numbers) and _day(numbers[j + step]) and _day_join(
                lang, text, *sorted((numbers[j], numbers[j + step]), key=lambda m: m.start)):
            j += step
            m = numbers[j]
            if _month_next(lang, text[max(0, m.start - 60):m.start], text[m.end:m.end + 60]):
                return True
    return False


def _day(n: Number) -> bool:
    """Written in digits as a day of a month may be (1 to 31)."""
    return n.kind == "digits" and n.value is not None and n.value == int(n.value) and 1 <= n.value <= 31 \
        and n.scale == 1 and n.unit is None


def _day_join(lang: str, text: str, a: Number, b: Number) -> bool:
    joins = vocab.alternation(vocab.phrases(lang, "day_joins"))
    return bool(joins) and re.fullmatch(rf"\s*(?:{joins})\s*", text[a.end:b.start], re.IGNORECASE) is not None


def _ends_sentence(lang: str, word: str) -> bool:
    """``... drowned on 9 June. 4 from ...``: a full month name with a full stop ends a sentence (``Jan.`` does not)."""
    full = {str(m).lower() for m, n in (langs.load(lang, "dates").get("months") or {}).items()
            if len(str(m)) > 3 or str(m).lower() == "may"}
    return word.endswith(".") and word.rstrip(".") in full


def _list_item(before: str, after: str) -> bool:
    """``1. The army ...`` on its own line, or run into the text after a sentence's end
    (``... tewas. 2. Polisi ...``): a number closed by ``.`` or ``)`` and followed by a capital."""
    if _LIST_ITEM.search(before):
        return bool(re.match(r"[.)]\s", after))
    return bool(_RUN_IN_ITEM.search(before)) and bool(re.match(r"[.)]\s+[\"“]?[A-Z]", after))


def _neighbours(n: Number, numbers: list[Number]) -> tuple[Number | None, Number | None]:
    """The numbers right before and right after ``n`` in ``numbers`` (sorted, none overlapping)."""
    i = bisect.bisect_left(numbers, n.start, key=lambda m: m.start)
    before = numbers[i - 1] if i > 0 else None
    j = i + 1 if i < len(numbers) and numbers[i] is n else i
    return before, (numbers[j] if j < len(numbers) else None)


def _score(lang: str, text: str, n: Number, numbers: list[Number]) -> bool:
    """``2-3``, ``3–2``: two small integers joined by a dash, not followed by a counted noun.

    Only the neighbours can be joined to ``n``: any other number has one between them."""
    for other in _neighbours(n, numbers):
        if other is None:
            continue
        first, second = (other, n) if other.end <= n.start else (n, other)
        if not _SCORE_SEP.fullmatch(text, first.end, second.start):
            continue
        if first.kind == second.kind == "digits" and max(first.value or 0, second.value or 0) <= _SCORE_MAX:
            return not _count_noun_next(lang, text[second.end:second.end + 40])
    return False


def _identifier(lang: str, text: str, n: Number, numbers: list[Number], times) -> bool:
    """``pintu 13``, ``Pasal 359``, ``Liga 1``, and numbers listed after them (``13, 11, 14, dan 3``) or joined
    to them by a hyphen or slash (``Cassa 212-200``, ``Boeing 737-800``: one model's code)."""
    for _ in range(_LIST_REACH):
        if _names_identifier(lang, text, n):
            return True
        previous, _ = _neighbours(n, numbers)  # only the number right before can be listed with it
        if previous is None or previous.end > n.start or not (
                _LISTED.fullmatch(text, previous.end, n.start) or _CODE_JOIN.fullmatch(text, previous.end, n.start)):
            return False
        n = previous
    return False


def _names_identifier(lang: str, text: str, n: Number) -> bool:
    before = text[max(0, n.start - 40):n.start]
    if vocab.ending_regex(lang, "identifiers").search(before) and before[-1:] == " ":
        return True
    prev = re.search(r"(?:^|[\s(])([A-Z][\w.-]*) $", before)
    if prev and n.kind == "digits" and not _sentence_start(text, n.start - len(prev.group(1)) - 1) \
            and not re.fullmatch(r"[A-Z][a-z]{2,}\.", prev.group(1)) \
            and prev.group(1).lower() not in _open_words(lang) and not _count_noun_next(lang, text[n.end:n.end + 40]):
        return True
    return False


@functools.lru_cache(maxsize=None)
def _open_words(lang: str) -> frozenset[str]:
    """Capitalised words that may stand right before a figure: qualifiers and the like."""
    words = set()
    for items in (vocab.section(lang, "qualifiers") or {}).values():
        words.update(str(p).lower() for p in items)
    words.update(vocab.phrases(lang, "range_open"))
    words.update(vocab.phrases(lang, "according_to"))
    return frozenset(w.split()[-1] for w in words) | {"sebanyak", "total", "mencapai", "tercatat"}


def _sentence_start(text: str, pos: int) -> bool:
    pos = max(pos, 0)  # the last character before ``pos`` that is no space, quote or bracket
    while pos > 0 and text[pos - 1] in " \t\"“‘'(":
        pos -= 1
    return pos == 0 or text[pos - 1] in ".!?:\n"


def _last_word(before: str) -> str:
    m = re.search(r"([\w.]+)\s*$", before)
    return m.group(1).lower() if m else ""
