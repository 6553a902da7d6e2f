"""The ``dates`` language packs as compiled rules and lookup tables.

Knowledge lives in ``langs/<lang>/dates.yaml``: vocabularies (month names,
number words, units, parts of the day, tense cues...) and ``rules``, regular
expressions written with placeholders that the vocabularies fill. This module
turns one pack into a :class:`Pack`: the rules compiled once per process (on
first use, never at import) and the vocabularies as lower-cased dicts.

Rule syntax (the ``pattern`` of a rule):

* a literal space means "one or more whitespace characters";
* ``{fragment}`` is replaced by the pack's ``fragments`` entry of that name;
* ``{name}`` is a capture group named ``name`` matching the vocabulary or the
  built-in pattern of that name (table ``_PLACEHOLDERS``); ``{name:2}`` is the
  same group named ``name_2`` (for ranges), ``{vocab>group}`` reads vocabulary
  ``vocab`` into group ``group``;
* the whole pattern is case-insensitive and word-bounded; vocabularies listed
  in the pack's ``case_sensitive`` only match capitalised or upper-case words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from kronologi import langs

TOPIC = "dates"

# placeholder -> vocabulary key of the pack (dict or list); its group has the placeholder's name
_VOCAB_PLACEHOLDERS = {
    "weekday": "weekdays", "weekday_full": "weekdays_full", "month": "months", "month_alone": "month_alone",
    "unit": "units", "unit1": "single_units", "units": "vague_units", "part": "parts_of_day",
    "rel": "directions", "ago": "ago_words", "later": "later_words", "anchor": "anchor_words",
    "anchorday": "anchored_days", "relday": "relative_days", "relpart": "relative_parts",
    "ref": "reference_words", "every": "every_words", "weekend": "weekend_words", "holiday": "holidays",
    "mod": "modifiers", "vague": "vague_numbers", "ordinal": "ordinals", "zone": "zones",
    "setadverb": "set_adverbs", "one": "one_words", "position": "modifiers", "narrated": "narrated_parts",
}
# {position}: only the modifiers that place a time inside a period (awal, akhir, early, late)
_POSITIONS = ("START", "MID", "END")
# built-in placeholders: digits and shapes that need no vocabulary
_BUILTIN = {
    "day": r"(?:0?[1-9]|[12]\d|3[01])(?!\d)",
    "mnum": r"(?:0?[1-9]|1[0-2])(?!\d)",
    "year": r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d]|[.,]\d)",
    "decade": r"(?:1[89]|20)\d0",
    "hour": r"(?:[01]?\d|2[0-4])(?!\d)",
    "minute": r"[0-5]\d(?!\d)",
    "second": r"[0-5]\d(?!\d)",
    "hhmm": r"(?:[01]\d|2[0-3])[0-5]\d(?!\d)",
    "ampm": r"[ap]\.?\s?m\b\.?",
}
_PLACEHOLDER_RE = re.compile(r"\{(\w+)(?:>(\w+))?(?::(\d))?\}")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # date | relative | offset | duration | set | clock | reference | narrated
    regex: re.Pattern[str]
    priority: int
    split: bool = False  # a range: one mention per side
    check: str | None = None  # extra context check: "year" | "age"


# Vocabularies whose words (any of them, or the first word of a phrase) can anchor an expression:
# the rules only run near one of these words or a digit (see ``Pack.triggers``).
_TRIGGER_VOCABS = ("months", "month_alone", "weekdays", "weekdays_full", "units", "single_units", "vague_units",
                   "relative_days", "relative_parts", "reference_words", "holidays", "set_adverbs", "every_words",
                   "anchored_days", "weekend_words", "one_words", "narrated_parts", "extra_triggers")


@dataclass
class Pack:
    """One language's temporal knowledge, ready to use."""

    lang: str
    rules: tuple[Rule, ...]
    vocab: dict[str, Any] = field(default_factory=dict)  # key -> {lower-cased word: value}
    number_re: re.Pattern[str] | None = None
    triggers: frozenset[str] = frozenset()  # lower-cased words near which an expression may start

    def lookup(self, key: str, word: str) -> Any:
        return self.vocab.get(key, {}).get(_norm(word))

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.vocab.get(key, {}))

    @property
    def raw(self) -> dict[str, Any]:
        return langs.load(self.lang, TOPIC)


def group_name(name: str) -> str:
    """The field a capture group fills: ``ago__1`` -> ``ago``."""
    return name.split("__", 1)[0]


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").split()).rstrip(".")


@functools.lru_cache(maxsize=None)
def pack(lang: str | None) -> Pack:
    """The compiled pack of ``lang`` (unknown languages use the fallback pack)."""
    lang = langs.normalise_lang(lang)
    data = langs.load(lang, TOPIC)
    vocab = {key: _as_map(value) for key, value in data.items() if isinstance(value, (dict, list))}
    vocab["tense"] = {k: frozenset(_norm(w) for w in v) for k, v in (data.get("tense") or {}).items()}
    vocab["ages"] = {k: frozenset(_norm(w) for w in v) for k, v in (data.get("ages") or {}).items()}
    case_sensitive = frozenset(data.get("case_sensitive") or ())
    compiler = _Compiler(data, case_sensitive)
    rules = tuple(
        Rule(r["name"], r["kind"], compiler.compile(r["pattern"]), i, bool(r.get("split")), r.get("check"))
        for i, r in enumerate(data.get("rules") or [])
    )
    return Pack(lang, rules, vocab, re.compile(compiler.number(), re.IGNORECASE), _triggers(vocab))


def _triggers(vocab: dict[str, Any]) -> frozenset[str]:
    words: set[str] = set()
    for key in _TRIGGER_VOCABS:
        for phrase in vocab.get(key, {}):
            words.update(w for w in re.split(r"[\s'’-]+", phrase) if w)
    return frozenset(words)


def _as_map(value: dict | list) -> dict[str, Any]:
    if isinstance(value, dict):
        return {_norm(str(k)): v for k, v in value.items()}
    return {_norm(str(w)): True for w in value}


class _Compiler:
    """Expand a rule pattern's placeholders and compile it."""

    def __init__(self, data: dict[str, Any], case_sensitive: frozenset[str]):
        self.data = data
        self.case_sensitive = case_sensitive

    def compile(self, pattern: str) -> re.Pattern[str]:
        self._used: set[str] = set()
        body = self._expand(pattern.replace(" ", r"\s+"))
        return re.compile(rf"(?<!\w)(?<!\w-)(?:{body})(?!\w)(?!-\w)", re.IGNORECASE)

    def _expand(self, pattern: str, depth: int = 0, inherited: str | None = None) -> str:
        fragments = self.data.get("fragments") or {}

        def replace(m: re.Match[str]) -> str:
            name, group, suffix = m.group(1), m.group(2) or m.group(1), m.group(3) or inherited
            if name in fragments and depth < 3:
                return self._expand(fragments[name].replace(" ", r"\s+"), depth + 1, suffix)
            if suffix:
                group = f"{group}_{suffix}"
            return f"(?P<{self._unique(group)}>{self._alternatives(name)})"

        return _PLACEHOLDER_RE.sub(replace, pattern)

    def _unique(self, group: str) -> str:
        """A group name used again in another alternative gets ``__n`` (see ``group_name``)."""
        name, n = group, 1
        while name in self._used:
            name, n = f"{group}__{n}", n + 1
        self._used.add(name)
        return name

    def _alternatives(self, name: str) -> str:
        if name == "num":
            return self.number()
        if name in _BUILTIN:
            return _BUILTIN[name]
        key = _VOCAB_PLACEHOLDERS.get(name)
        if key is None:
            raise langs.LanguagePackError(f"dates rule uses unknown placeholder {{{name}}}")
        words = self.data.get(key) or []
        if name == "position":
            words = [w for w, mod in words.items() if mod in _POSITIONS]
        body = _words_alternation(words, key in self.case_sensitive) or r"(?!x)x"
        if key == "months":
            body = rf"(?:{_words_alternation(_abbreviations(words), True)})\.|{body}"
        return body

    def number(self) -> str:
        """Digits (with a decimal part) or a phrase of number words and joiners."""
        atoms = list((self.data.get("numbers") or {}).keys())
        joiners = list((self.data.get("number_joiners") or {}).keys())
        words = _words_alternation(atoms, False)
        joined = _words_alternation(atoms + joiners, False)
        digits = r"\d+(?:[.,]\d+)?"
        if not words:
            return digits
        return rf"{digits}|(?:{words})(?:[\s-]+(?:{joined})(?!\w))*"


def _abbreviations(names: dict[str, int]) -> list[str]:
    """Names shorter than the longest name of the same month ("Jan", "Agt"): they may take a period."""
    longest: dict[int, int] = {}
    for name, number in names.items():
        longest[number] = max(longest.get(number, 0), len(name))
    return [name for name, number in names.items() if len(name) < longest[number]]


def _words_alternation(words, case_sensitive: bool) -> str:
    forms: set[str] = set()
    for word in words:
        word = str(word)
        if case_sensitive:
            forms.update({_capitalised(word), word.upper(), _lower_first(word)})
        else:
            forms.add(word)
    escaped = (_escape(w) for w in sorted(forms, key=len, reverse=True))
    body = "|".join(escaped)
    return f"(?-i:{body})" if case_sensitive and body else body


def _capitalised(word: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in word.split())


def _lower_first(word: str) -> str:
    """"malam Natal": a multi-word name whose first word is a common noun."""
    parts = word.split()
    return " ".join([parts[0]] + [_capitalised(p) for p in parts[1:]]) if len(parts) > 1 else _capitalised(word)


def _escape(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")
