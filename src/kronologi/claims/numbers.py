"""Numbers as news writes them: digits, number words, scales, measures and vague quantities.

``find_numbers(text, lang)`` returns every number of a text with its offsets and
value, whatever it counts (the figures layer decides what is a figure):

* digits with the language's marks (``5.800`` and ``1,8 juta`` in Indonesian,
  ``5,800`` and ``1.8 million`` in English); a decimal mark followed by exactly
  three digits and no scale is read as a thousands mark (``2,500 tentara`` in a
  translated Indonesian text is 2500 soldiers, not two and a half);
* number words (``tujuh``, ``dua puluh enam``, ``seratus``, ``twenty-six``,
  ``one hundred and five``), with scales (``12 juta``, ``setengah juta``);
* measures after a number (``seperempat abad`` = 25, unit ``year``; ``dua lusin`` = 24);
* vague quantities (``puluhan``, ``ratusan ribu``, ``dozens``, ``tens of thousands``):
  no value, a ``low``–``high`` range;
* a currency before or after (``Rp 5 miliar``, ``$1.2 million``, ``100 juta tenge``) as ``unit``.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

from kronologi.claims import vocab

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_DIGITS = r"\d+(?:[.,]\d+)*"
MAX_VALUE = 1e15  # a larger amount (a 400-digit count) is no figure: it overflows floats and JSON


@dataclass
class Number:
    start: int
    end: int
    text: str
    value: float | None  # None for vague quantities
    low: float | None
    high: float | None
    kind: str  # digits | words | vague
    unit: str | None = None  # a currency code (IDR, USD...) or a measure's unit ("year")
    scale: float = 1  # the scale word's factor ("juta": 1e6), 1 without one


def find_numbers(text: str, lang: str | None) -> list[Number]:
    """Every number of ``text``, in text order, none overlapping."""
    lang = _lang(lang)
    found = _digit_numbers(text, lang)
    taken = sorted((n.start, n.end) for n in found)
    found += [n for n in _vague_numbers(text, lang) if not _overlaps(n, taken)]
    taken = sorted((n.start, n.end) for n in found)
    found += [n for n in _word_numbers(text, lang) if not _overlaps(n, taken)]
    return sorted(found, key=lambda n: n.start)


def _lang(lang: str | None) -> str:
    from kronologi import langs

    return langs.normalise_lang(lang)


def _overlaps(n: Number, spans: list[tuple[int, int]]) -> bool:
    """Whether ``n`` overlaps one of ``spans`` (sorted, none overlapping: their ends are sorted too)."""
    i = bisect.bisect_left(spans, (n.end,))  # spans[:i] start before n ends
    return i > 0 and spans[i - 1][1] > n.start


# --- digits ----------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _digit_regex(lang: str) -> re.Pattern[str]:
    numbers = vocab.section(lang, "numbers") or {}
    cur = vocab.alternation(_currencies(lang))
    scales = vocab.alternation(str(s) for s in numbers.get("scales", {}))
    measures = vocab.alternation(str(s) for s in numbers.get("measures", {}))
    suffixes = vocab.alternation(str(s) for s in numbers.get("suffix_scales") or {}) or r"(?!x)x"
    marks = vocab.alternation(vocab.phrases(lang, "qualifier_suffixes", "about")) or r"(?!x)x"
    return re.compile(
        rf"(?:(?<![\w])(?P<cur>{cur})\s?|(?<![\w/:.,])(?<![^\W\d_]-))(?P<num>{_DIGITS})"
        rf"(?:(?P<suffix>{suffixes})(?![\w]))?(?:{marks}(?!\w))?(?![\w/:]|[.,]\d|-[^\W\d_])"
        rf"(?:\s+(?P<scale>{scales})(?![\w]))?(?:\s+(?P<measure>{measures})(?![\w]))?"
        rf"(?:\s+(?P<cur2>{cur})(?![\w]))?",
        re.IGNORECASE)


def _currencies(lang: str) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (vocab.section(lang, "currencies") or {}).items()}


def _digit_numbers(text: str, lang: str) -> list[Number]:
    numbers = vocab.section(lang, "numbers") or {}
    scales = {str(k).lower(): float(v) for k, v in numbers.get("scales", {}).items()}
    out = []
    for m in _digit_regex(lang).finditer(text):
        value = parse_digits(m.group("num"), numbers.get("decimal", "."),
                             scaled=bool(m.group("scale") or m.group("suffix")))
        if value is None or _decade(m):
            continue
        scale = scales[m.group("scale").lower()] if m.group("scale") else 1
        if m.group("suffix"):  # "2K", "3bn": a scale written on the digits
            scale *= float(_suffix_scales(lang)[m.group("suffix").lower()])
        value *= scale
        unit = None
        if m.group("measure"):
            factor, unit = _measure(lang, m.group("measure"))
            value *= factor
        currency = m.group("cur") or m.group("cur2")
        if currency:
            unit = _currencies(lang).get(" ".join(currency.lower().split()), currency)
        start = m.start("cur") if m.group("cur") else m.start("num")
        end = m.end()
        if not in_range(value):
            continue
        value = _tidy(value)
        out.append(Number(start, end, text[start:end], value, value, value, "digits", unit, scale))
    return out


def _decade(m: re.Match[str]) -> bool:
    """``1990-an`` is a decade, not about 1990 of something."""
    return bool(re.fullmatch(r"1[89]\d0|20\d0", m.group("num"))) and bool(re.search(r"-[^\W\d_]+$", m.group(0)))


def _suffix_scales(lang: str) -> dict[str, float]:
    return {str(k).lower(): float(v) for k, v in ((vocab.section(lang, "numbers") or {}).get("suffix_scales") or {}).items()}


def parse_digits(raw: str, decimal: str, scaled: bool = False) -> float | None:
    """``"5.800"`` -> 5800 with decimal mark ``,``; ``"1,8"`` -> 1.8; ``None`` if malformed."""
    marks = re.findall(r"[.,]", raw)
    parts = re.split(r"[.,]", raw)
    if not marks:
        return float(raw)
    if len(marks) > 1:
        if len(set(marks)) == 1:
            return float("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None
        head, tail = raw[: raw.rfind(marks[-1])], parts[-1]
        return float(re.sub(r"[.,]", "", head) + "." + tail)
    head, tail = parts
    if marks[0] == decimal and not (len(tail) == 3 and not scaled):
        return float(f"{head}.{tail}")
    if len(tail) == 3:
        return float(head + tail)
    return float(f"{head}.{tail}")


def in_range(value: float) -> bool:
    """Whether ``value`` can be a figure: finite and at most ``MAX_VALUE``."""
    return math.isfinite(value) and abs(value) <= MAX_VALUE


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


def _measure(lang: str, word: str) -> tuple[float, str | None]:
    measures = (vocab.section(lang, "numbers") or {}).get("measures", {})
    factor, unit = measures[word.lower()]
    return float(factor), unit


# --- vague quantities ------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _vague_regex(lang: str) -> re.Pattern[str]:
    vague = (vocab.section(lang, "numbers") or {}).get("vague", {})
    return re.compile(vocab.bounded(f"(?:{vocab.alternation(vague)})"), re.IGNORECASE)


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _vague_numbers(text: str, lang: str) -> list[Number]:
    """Vague quantities as ranges; one followed by a scale word takes it ("belasan ribu": 11,000-19,000)."""
    numbers = vocab.section(lang, "numbers") or {}
    vague = {k.lower(): v for k, v in numbers.get("vague", {}).items()}
    scales = {str(k).lower(): v for k, v in (numbers.get("scales") or {}).items()}
    out = []
    for m in _vague_regex(lang).finditer(text):
        low, high = vague[" ".join(m.group(0).lower().split())]
        end = m.end()
        scale = _NEXT_WORD.match(text, end)
        if scale and scale.group(1).lower() in scales:
            factor = scales[scale.group(1).lower()]
            low, high, end = low * factor, high * factor, scale.end()
        out.append(Number(m.start(), end, text[m.start():end], None, low, high, "vague"))
    return out


# --- number words ----------------------------------------------------------------

def word_kind(lang: str, word: str) -> tuple[str, float] | None:
    """What one word adds to a number: ``("unit", 7)``, ``("hundred", 100)``, ``("scale", 1e6)``..."""
    numbers = vocab.section(lang, "numbers") or {}
    w = word.lower()
    if w in numbers.get("units", {}):
        return "unit", float(numbers["units"][w])
    if w in numbers.get("tens", []):
        return "tens", 10.0
    if w in numbers.get("teens", []):
        return "teen", 10.0
    if w in numbers.get("hundreds", []):
        return "hundred", 100.0
    if w in numbers.get("scales", {}):
        return "scale", float(numbers["scales"][w])
    if w in numbers.get("fractions", {}):
        return "fraction", float(numbers["fractions"][w])
    prefix = numbers.get("one_prefix")
    if prefix and w.startswith(prefix) and len(w) > len(prefix):
        rest = word_kind(lang, w[len(prefix):])
        if rest and rest[0] in ("tens", "teen", "hundred", "scale"):
            return "one+" + rest[0], rest[1]
    return None


def _word_numbers(text: str, lang: str) -> list[Number]:
    tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    out, i = [], 0
    while i < len(tokens):
        number, i = _read_words(text, tokens, i, lang)
        if number:
            out.append(number)
    return out


def _read_words(text: str, tokens, i: int, lang: str) -> tuple[Number | None, int]:
    """Read a number made of words from ``tokens[i]``; return it and the next index."""
    numbers = vocab.section(lang, "numbers") or {}
    joiners = set(numbers.get("joiners") or [])
    state = _WordState()
    j, last = i, None
    while j < len(tokens):
        start, end, word = tokens[j]
        if j > i and not text[tokens[j - 1][1]:start].strip(" ") == "":
            break
        kinds = [word_kind(lang, part) for part in word.split("-")]
        if word.lower() in ("a", "an") and j + 1 < len(tokens) and _starts_big(lang, tokens[j + 1][2]):
            kinds = [("unit", 1.0)]
        if word.lower() in joiners and last is not None and state.can_join and j + 1 < len(tokens):
            j += 1
            continue
        if not all(kinds) or not state.try_add(kinds):
            break
        last, j = j, j + 1
    if last is None:
        return None, i + 1
    start, end = tokens[i][0], tokens[last][1]
    value, unit, end = _with_measure(text, lang, tokens, last, state.value(), end)
    if value < 1 or not in_range(value):  # "setengah" alone is half of something unnamed
        return None, last + 1
    value = _tidy(value)
    return Number(start, end, text[start:end], value, value, value, "words", unit), last + 1


def _starts_big(lang: str, word: str) -> bool:
    kind = word_kind(lang, word)
    return bool(kind and kind[0] in ("hundred", "scale")) or word.lower() in (
        (vocab.section(lang, "numbers") or {}).get("measures", {}))


def _with_measure(text, lang, tokens, last, value, end):
    """A measure word right after the number multiplies it ("seperempat abad" = 25 years)."""
    measures = (vocab.section(lang, "numbers") or {}).get("measures", {})
    if last + 1 < len(tokens):
        start, stop, word = tokens[last + 1]
        if word.lower() in measures and not text[end:start].strip():
            factor, unit = _measure(lang, word)
            return value * factor, unit, stop
    return value, None, end


class _WordState:
    """The running value of a number read word by word (total, group below a thousand, last unit)."""

    def __init__(self):
        self.total = self.group = self.small = 0.0
        self.seen = False
        self.last_kind: str | None = None

    @property
    def can_join(self) -> bool:
        return self.last_kind in ("hundred", "scale", "one+hundred", "one+scale")

    def accepts(self, kind: tuple[str, float]) -> bool:
        name, value = kind
        if name == "unit" and self.small:
            # "twenty six" joins; "dua tiga" (two or three) does not
            return self.small >= 20 and self.small % 10 == 0 and value < 10
        if name in ("tens", "teen"):
            return bool(self.small) and self.small < 10
        if name.startswith("one+") and self.small:
            return False
        return not (name == "fraction" and self.small and self.small >= 10)

    def try_add(self, kinds: list[tuple[str, float]]) -> bool:
        """Add the parts of one word, or nothing if any part does not fit."""
        saved = dict(vars(self))
        for kind in kinds:
            if not self.accepts(kind):
                vars(self).update(saved)
                return False
            self.add(kind)
        return True

    def add(self, kind: tuple[str, float]) -> None:
        name, value = kind
        if name.startswith("one+"):
            self.small, name = 1.0, name[4:]
        if name == "unit":
            self.small += value
        elif name == "fraction":
            self.small += value
        elif name == "tens":
            self.group, self.small = self.group + self.small * 10, 0.0
        elif name == "teen":
            self.group, self.small = self.group + self.small + 10, 0.0
        elif name == "hundred":
            self.group, self.small = self.group + (self.small or 1) * 100, 0.0
        elif name == "scale":
            self.total += (self.group + self.small or 1) * value
            self.group = self.small = 0.0
        self.seen, self.last_kind = True, name

    def value(self) -> float:
        return self.total + self.group + self.small
