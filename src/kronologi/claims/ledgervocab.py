"""The ledger's section of the language packs (``langs/<lang>/ledger.yaml``), compiled lazily."""

from __future__ import annotations

import functools
import re

from kronologi import langs
from kronologi.claims.vocab import alternation, bounded

TOPIC = "ledger"


@functools.lru_cache(maxsize=None)
def regex(lang: str | None, key: str) -> re.Pattern[str]:
    """One word-bounded, case-insensitive pattern over a vocabulary of ``ledger.yaml``."""
    items = langs.load(langs.normalise_lang(lang), TOPIC).get(key) or []
    return re.compile(bounded(f"(?:{alternation(str(p).lower() for p in items)})"), re.IGNORECASE)


def revised(text: str, lang: str | None, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a figure's sentence) gives a reason for a changed count."""
    return bool(regex(lang, "revision_cues").search(text, start, end))


@functools.lru_cache(maxsize=None)
def _labelled(lang: str | None, key: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A ``{label: [phrases]}`` section as one pattern and a phrase -> label map."""
    data = langs.load(langs.normalise_lang(lang), TOPIC).get(key) or {}
    labels = {" ".join(str(p).lower().split()): str(label) for label, items in data.items() for p in items or []}
    return re.compile(bounded(f"(?:{alternation(labels)})"), re.IGNORECASE), labels


def labels_in(lang: str | None, key: str, text: str) -> set[str]:
    """The labels of a ``{label: [phrases]}`` section whose phrases occur in ``text``."""
    pattern, labels = _labelled(lang, key)
    return {labels[" ".join(m.group(0).lower().split())] for m in pattern.finditer(text)}


@functools.lru_cache(maxsize=None)
def ending_regex(lang: str | None, key: str) -> re.Pattern[str]:
    """A vocabulary word of ``ledger.yaml`` closing a text, up to two words before its end (``di wilayah ``)."""
    items = langs.load(langs.normalise_lang(lang), TOPIC).get(key) or []
    words = alternation(str(p).lower() for p in items)
    return re.compile(rf"(?<![\w-])(?:{words})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def starting_regex(lang: str | None, key: str) -> re.Pattern[str]:
    """A vocabulary word of ``ledger.yaml`` opening a text (after spaces)."""
    items = langs.load(langs.normalise_lang(lang), TOPIC).get(key) or []
    return re.compile(rf"\s*(?:{alternation(str(p).lower() for p in items)})(?![\w-])", re.IGNORECASE)
