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
