"""The claims section of the language packs (``langs/<lang>/claims.yaml``), compiled lazily.

Every vocabulary becomes, on first use and once per process, either a frozenset
of lower-cased phrases or one case-insensitive regex that matches any of them on
word boundaries (longest first, any run of spaces inside a phrase). Nothing is
compiled at import time.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kronologi import langs

TOPIC = "claims"


def pack(lang: str | None) -> dict[str, Any]:
    """The parsed claims pack of ``lang`` (``id`` for anything unsupported)."""
    return langs.load(langs.normalise_lang(lang), TOPIC)


def section(lang: str | None, key: str) -> Any:
    return pack(lang).get(key)


@functools.lru_cache(maxsize=None)
def phrases(lang: str, key: str, sub: str | None = None) -> tuple[str, ...]:
    """A vocabulary as lower-cased phrases, longest first (``sub``: a key inside a mapping)."""
    data = pack(lang).get(key) or []
    if sub is not None:
        data = (data or {}).get(sub) or []
    return tuple(sorted({str(p).lower() for p in data}, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def wordset(lang: str, key: str) -> frozenset[str]:
    return frozenset(phrases(lang, key))


def alternation(items) -> str:
    """A regex alternation of phrases: spaces match any whitespace, longest first."""
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def bounded(body: str) -> str:
    return rf"(?<![\w$€£]){body}(?![\w])" if body else r"(?!x)x"


@functools.lru_cache(maxsize=None)
def regex(lang: str, key: str, sub: str | None = None) -> re.Pattern[str]:
    """One word-bounded, case-insensitive pattern matching any phrase of a vocabulary."""
    return re.compile(bounded(f"(?:{alternation(phrases(lang, key, sub))})"), re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def ending_regex(lang: str, key: str, sub: str | None = None) -> re.Pattern[str]:
    """A phrase of the vocabulary that ends a text (only spaces after it)."""
    body = alternation(phrases(lang, key, sub))
    return re.compile(rf"(?<![\w$€£])(?:{body})\s*$" if body else r"(?!x)x", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def starting_regex(lang: str, key: str, sub: str | None = None) -> re.Pattern[str]:
    """A phrase of the vocabulary that starts a text (after spaces)."""
    body = alternation(phrases(lang, key, sub))
    return re.compile(rf"\s*(?:{body})(?!\w)" if body else r"(?!x)x", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def mapping(lang: str, key: str) -> tuple[tuple[str, str], ...]:
    """A ``{label: [phrases]}`` section as ``(phrase, label)`` pairs, longest phrase first."""
    pairs = {}
    for label, items in (pack(lang).get(key) or {}).items():
        for item in items or []:
            pairs.setdefault(str(item).lower(), str(label))
    return tuple(sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True))


@functools.lru_cache(maxsize=None)
def labelled_regex(lang: str, key: str) -> re.Pattern[str]:
    """One pattern over a ``{label: [phrases]}`` section; ``label_of`` names the match."""
    return re.compile(bounded(f"(?:{alternation(p for p, _ in mapping(lang, key))})"), re.IGNORECASE)


def label_of(lang: str, key: str, found: str) -> str | None:
    """The label of a phrase found by ``labelled_regex`` (spaces normalised)."""
    return dict(mapping(lang, key)).get(" ".join(found.lower().split()))


@functools.lru_cache(maxsize=None)
def categories(lang: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """``{kind: {phrase: category}}`` for kinds ``predicates``, ``nouns`` and ``tolls``.

    A predicate that starts with a prefix the pack says writers split off (``ditahan`` as ``di tahan``)
    is listed in both spellings.
    """
    out: dict[str, dict[str, str]] = {"predicates": {}, "nouns": {}, "tolls": {}}
    for category, kinds in (pack(lang).get("categories") or {}).items():
        for kind, items in (kinds or {}).items():
            for item in items or []:
                for form in _spellings(lang, str(item).lower()) if kind == "predicates" else [str(item).lower()]:
                    out[kind].setdefault(form, category)
    return out


def _spellings(lang: str, phrase: str) -> list[str]:
    """``ditahan`` -> ``[ditahan, di tahan]`` for a split prefix ``di``; a stem of three letters or more."""
    forms = [phrase]
    for prefix in phrases(lang, "split_prefixes"):
        if phrase.startswith(prefix) and len(phrase) - len(prefix) >= 3 and phrase[len(prefix)].isalpha():
            forms.append(f"{prefix} {phrase[len(prefix):]}")
    return forms + _agent_passives(lang, phrase)


def _agent_passives(lang: str, phrase: str) -> list[str]:
    """``masih dicari`` -> ``masih kami cari``: a passive whose doer is a pronoun puts the pronoun before the
    bare stem instead of the prefix (the pack's ``agent_passive``: the prefix and the pronouns)."""
    spec = pack(lang).get("agent_passive") or {}
    prefix, pronouns = spec.get("prefix"), spec.get("pronouns") or []
    if not prefix or not pronouns:
        return []
    words = phrase.split()
    out = []
    for i, word in enumerate(words):
        stem = word[len(prefix):]
        if word.startswith(prefix) and len(stem) >= 3 and stem.isalpha():
            out.extend(" ".join(words[:i] + [f"{pronoun} {stem}"] + words[i + 1:]) for pronoun in pronouns)
            break
    return out


@functools.lru_cache(maxsize=None)
def category_regex(lang: str, kind: str) -> re.Pattern[str]:
    """Any phrase of a kind, not the tail of a hyphenated word (``government-held`` holds no one).

    A split spelling matches in lower case only: ``di serang`` is a verb, ``di Serang`` a place.
    """
    split = {p for p in categories(lang)[kind] if _is_split(lang, p)}
    whole = alternation(p for p in categories(lang)[kind] if p not in split)
    body = f"{whole}|(?-i:{alternation(split)})" if split else whole
    return re.compile(rf"(?<![-‐]){bounded(f'(?:{body})')}", re.IGNORECASE)


def _is_split(lang: str, phrase: str) -> bool:
    return any(phrase.startswith(f"{prefix} ") and phrase.replace(" ", "", 1) in categories(lang)["predicates"]
               for prefix in phrases(lang, "split_prefixes"))


def category_of(lang: str, kind: str, found: str) -> str | None:
    return categories(lang)[kind].get(" ".join(found.lower().split()))
