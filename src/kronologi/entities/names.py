"""Name normalisation and the title/role split of a mention."""

from __future__ import annotations

import functools
import re
import unicodedata

from kronologi import langs

_SPACE = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s-]")


@functools.lru_cache(maxsize=1 << 16)  # names repeat across a corpus
def norm(name: str) -> str:
    """Comparison key: case-folded, accents removed, punctuation except hyphens dropped.

    An ASCII name has no accents to remove (decomposing it changes nothing): it skips the walk over its
    characters. That is most names, and past the cache's size (a corpus of some 20,000 articles names
    more) every pass over the mentions computes them again."""
    text = name if name.isascii() else _without_accents(name)
    text = _PUNCTUATION.sub(" ", text.casefold())
    return _SPACE.sub(" ", text).strip()


def _without_accents(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=None)
def _title_pattern() -> re.Pattern[str]:
    titles = langs.all_words("entities", "titles")
    links = langs.all_words("entities", "title_links")
    prefixes = langs.all_words("entities", "title_prefixes")
    alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    link = "|".join(re.escape(t) for t in sorted(links, key=len, reverse=True))
    pre = "|".join(re.escape(t) for t in sorted(prefixes, key=len, reverse=True))
    # a listed prefix, or any one capitalised word before a title: a people or place ("Philippine President X")
    return re.compile(rf"^(?:(?:{pre})\s+|(?P<people>(?-i:[A-Z][\w'’-]+))\s+(?=(?:{alt})\s))?"
                      rf"(?:(?:{alt})(?:\s+(?:{link}))?\s+)+", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """Head words of bodies and places ("hospital", "council"): a name holding one is no person's."""
    return frozenset(langs.all_words("entities", "org_words")) | frozenset(langs.all_words("entities", "loc_words"))


@functools.lru_cache(maxsize=1 << 16)
def split_role(mention: str) -> tuple[str, str | None]:
    """``"Presiden Kassym-Jomart Tokayev"`` -> ``("Kassym-Jomart Tokayev", "Presiden")``.

    The name is never emptied: a mention that is only a title keeps its text.
    """
    text = _SPACE.sub(" ", mention.strip())
    m = _title_pattern().match(text)
    if not m or m.end() >= len(text):
        return text, None
    name = text[m.end():].strip()
    if not name[:1].isupper():
        return text, None
    if m.group("people") and _institution_words() & set(name.casefold().split()):
        return text, None  # "Lentera General Hospital": a body whose name holds a title word
    return name, text[: m.end()].strip()


_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&]+")


def person_name(name: str, role: str | None) -> tuple[str, str | None]:
    """A person's name loses the acronyms at its head to the role: the tagger's "BPBL Wiratmaja" (from
    "Kepala BPBL Wiratmaja") is Wiratmaja, of BPBL; a person's own name is not written in capitals."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and _ACRONYM_WORD.fullmatch(words[k]):
        k += 1
    if not k:
        return name, role
    return " ".join(words[k:]), " ".join(filter(None, [role, *words[:k]]))
