"""Language packs: per-language knowledge kept as data, not code.

Each language has a folder (``id/``, ``en/``) of YAML files, one per topic
(``clean.yaml``, ``sentences.yaml``, ...). A topic file may have a sibling
``<topic>.examples.yaml`` whose cases the test-suite runs, so every vocabulary
entry is documented by an example that must keep working.

Packs are loaded lazily and cached once per process; nothing is read at
import time.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser when PyYAML has it: the same data, faster

from kronologi.errors import KronologiError

SUPPORTED = ("id", "en")
FALLBACK = "id"  # Indonesian first: unknown or unsupported languages use it


class LanguagePackError(KronologiError):
    code = "failed.langs.bad_pack"


def normalise_lang(lang: str | None) -> str:
    """Map any language code to a supported pack (``None`` -> fallback)."""
    if lang and lang.lower()[:2] in SUPPORTED:
        return lang.lower()[:2]
    return FALLBACK


@functools.lru_cache(maxsize=None)
def load(lang: str, topic: str) -> dict[str, Any]:
    """Return the parsed ``<lang>/<topic>.yaml`` (an empty dict if absent)."""
    lang = normalise_lang(lang)
    path = resources.files(__package__).joinpath(lang, f"{topic}.yaml")
    if not path.is_file():
        return {}
    try:
        data = _load(path) or {}
    except yaml.YAMLError as exc:
        raise LanguagePackError(f"{lang}/{topic}.yaml is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise LanguagePackError(f"{lang}/{topic}.yaml must hold a mapping at top level")
    return data


def examples(lang: str, topic: str) -> list[dict[str, Any]]:
    """Return the example cases of ``<lang>/<topic>.examples.yaml``."""
    path = resources.files(__package__).joinpath(lang, f"{topic}.examples.yaml")
    if not path.is_file():
        return []
    return _load(path) or []


def words(lang: str, topic: str, key: str) -> frozenset[str]:
    """A vocabulary list of a pack as a lower-cased frozenset."""
    return _words(normalise_lang(lang), topic, key)


@functools.lru_cache(maxsize=None)
def _words(lang: str, topic: str, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in load(lang, topic).get(key, []) or [])


def all_words(topic: str, key: str) -> frozenset[str]:
    """The union of one vocabulary over every pack (for language-neutral signals)."""
    out: set[str] = set()
    for lang in SUPPORTED:
        out |= words(lang, topic, key)
    return frozenset(out)


def alternation(phrases) -> str:
    """A regex alternation of phrases, longest first (so "baca juga" wins over "baca"),
    each space matching any run of whitespace."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def phrase_regex(lang: str, topic: str, key: str) -> re.Pattern[str] | None:
    """Compile a vocabulary of phrases into one case-insensitive word-bounded regex."""
    phrases = words(lang, topic, key)
    if not phrases:
        return None
    body = alternation(phrases)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _load(path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
