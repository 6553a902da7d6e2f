"""How exact a figure is: its qualifier and the ``low``–``high`` bounds it allows.

Qualifiers come before the number (``lebih dari``, ``setidaknya``, ``hampir``,
``sekitar``, ``hingga``, ``kurang dari``; ``more than``, ``at least``, ``nearly``,
``about``, ``up to``, ``fewer than``), after it (``100 lebih``, ``100 or more``) or on it
(``13.400-an``).
``hingga``/``sampai`` after a change word (``bertambah hingga 174``) means "to",
not "up to". Two numbers make a range (``antara 10 dan 20``, ``10-15 orang``,
``between 10 and 20``) or, opened by ``mulai dari``/``ranging from``, two separate
figures. Vague quantities (``puluhan``, ``dozens``) are ``vague``.

Bounds: exact ``[v, v]``; about ``[0.9v, 1.1v]``; more_than ``[v+1, -]``;
at_least ``[v, -]``; nearly ``[0.9v, v]``; up_to ``[-, v]``; less_than ``[-, v-1]``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from kronologi.claims import vocab
from kronologi.claims.numbers import Number


@dataclass
class Qualified:
    qualifier: str
    value: float | None
    low: float | None
    high: float | None
    start: int  # where the figure's text starts (the qualifier included)
    end: int


@functools.lru_cache(maxsize=None)
def _before_regex(lang: str) -> re.Pattern[str]:
    pairs = [(p, label) for label, items in (vocab.section(lang, "qualifiers") or {}).items() for p in items]
    body = vocab.alternation(str(p) for p, _ in pairs)
    fillers = vocab.alternation(vocab.phrases(lang, "qualifier_fillers"))
    filler = rf"(?:(?:{fillers})\s+)?" if fillers else ""
    return re.compile(rf"(?<![\w])(?P<q>{body})\s+{filler}$", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _labels(lang: str, key: str) -> dict[str, str]:
    return {" ".join(str(p).lower().split()): label
            for label, items in (vocab.section(lang, key) or {}).items() for p in items}


@functools.lru_cache(maxsize=None)
def _after_regex(lang: str) -> re.Pattern[str]:
    body = vocab.alternation(_labels(lang, "qualifiers_after"))
    generic = vocab.alternation(vocab.phrases(lang, "generic_nouns"))
    return re.compile(rf"\s+(?:(?:{generic})\s+)?(?P<q>{body})(?![\w])", re.IGNORECASE)


def qualify(text: str, lang: str, n: Number, floor: int) -> Qualified:
    """The qualifier of a single number, read from the words around it."""
    if n.kind == "vague":
        return Qualified("vague", None, n.low, n.high, n.start, n.end)
    head = text[max(floor, n.start - 40):n.start]
    m = _before_regex(lang).search(head)
    if m:
        label = _labels(lang, "qualifiers")[" ".join(m.group("q").lower().split())]
        if not (label == "up_to" and _after_change(lang, head[:m.start()])):
            return _bounded(label, n.value, n.start - len(head) + m.start(), n.end)
    suffix = _suffix_regex(lang).search(n.text)
    if suffix:  # "2.600-an orang"
        return _bounded(_labels(lang, "qualifier_suffixes")[suffix.group(0).lower()], n.value, n.start, n.end)
    m = _after_regex(lang).match(text, n.end)
    if m and _is_after_qualifier(text, m):
        label = _labels(lang, "qualifiers_after")[" ".join(m.group("q").lower().split())]
        return _bounded(label, n.value, n.start, n.end)
    return _bounded("exact", n.value, n.start, n.end)


@functools.lru_cache(maxsize=None)
def _suffix_regex(lang: str) -> re.Pattern[str]:
    body = vocab.alternation(_labels(lang, "qualifier_suffixes"))
    return re.compile(rf"(?:{body})$" if body else r"(?!x)x", re.IGNORECASE)


def trailing(text: str, lang: str, pos: int) -> bool:
    """Whether a qualifier follows a number that ends at ``pos`` (``100 orang lebih``, ``50,000 or more``)."""
    m = _after_regex(lang).match(text, pos)
    return bool(m) and _is_after_qualifier(text, m)


def strip_qualifier(lang: str, head: str) -> str:
    """``head`` (the text before a number) without the qualifier that ends it."""
    m = _before_regex(lang).search(head)
    return head[:m.start()] if m else head


def _is_after_qualifier(text: str, m: re.Match[str]) -> bool:
    """``100 lebih`` / ``100 orang lebih``, but not ``lebih dari`` starting the next phrase."""
    nxt = text[m.end():m.end() + 6].lower()
    return not nxt.lstrip().startswith(("dari", "than", "banyak"))


def _after_change(lang: str, head: str) -> bool:
    words = head.split()[-2:]
    return any(w.lower().strip(",") in vocab.wordset(lang, "change_words") for w in words)


def _bounded(label: str, v: float | None, start: int, end: int) -> Qualified:
    if v is None:
        return Qualified(label, None, None, None, start, end)
    integral = float(v).is_integer()
    low, high = {
        "exact": (v, v),
        "about": (_round(v * 0.9, integral), _round(v * 1.1, integral)),
        "more_than": (v + 1 if integral else v, None),
        "at_least": (v, None),
        "nearly": (_round(v * 0.9, integral), v),
        "up_to": (None, v),
        "less_than": (None, v - 1 if integral else v),
    }[label]
    return Qualified(label, v, low, high, start, end)


def _round(x: float, integral: bool) -> float:
    return int(round(x)) if integral else round(x, 6)


@functools.lru_cache(maxsize=None)
def _join_regex(lang: str) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{vocab.alternation(vocab.phrases(lang, 'range_join'))})\s*$", re.IGNORECASE)


def pairs(text: str, lang: str, numbers: list[Number]) -> list[tuple[int, int, str, int]]:
    """Numbers joined into a range: ``(i, j, "range" | "list", start)`` with indices into ``numbers``.

    ``list``: the two ends are separate figures (``mulai dari 127 hingga 174``).
    """
    out = []
    join = _join_regex(lang)
    for i in range(len(numbers) - 1):
        a, b = numbers[i], numbers[i + 1]
        if a.kind == "vague" or b.kind == "vague" or not join.match(text[a.end:b.start]):
            continue
        if a.scale == 1 and b.scale > 1 and a.value is not None:  # "$2-3 billion", "2-3 miliar dolar AS"
            a = numbers[i] = replace(a, value=a.value * b.scale, low=a.value * b.scale, high=a.value * b.scale,
                                     unit=a.unit or b.unit, scale=b.scale)
            b = numbers[i + 1] = replace(b, unit=b.unit or a.unit)
        if (a.value or 0) >= (b.value or 0) or a.unit != b.unit:
            continue
        head = text[max(0, a.start - 30):a.start]
        opener = vocab.ending_regex(lang, "range_open").search(head)
        if vocab.ending_regex(lang, "list_open").search(head):
            out.append((i, i + 1, "list", a.start))
        elif opener:
            out.append((i, i + 1, "range", a.start - len(head) + opener.start()))
        elif not re.search(r"[^\W\d_]", text[a.end:b.start]):
            out.append((i, i + 1, "range", a.start))
        elif not re.search(r"(?i)(?<![\w])(?:dan|and)(?![\w])", text[a.end:b.start]) and not _after_change(
                lang, head) and not re.search(r"(?i)(?<![\w])(?:dari|from)\s*$", head):
            out.append((i, i + 1, "range", a.start))
    return out


def ranged(a: Number, b: Number, start: int) -> Qualified:
    return Qualified("range", None, a.value, b.value, start, b.end)
