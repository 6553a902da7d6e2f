"""One quote carried by several outlets: copies and translations recognised as one.

Two quotes of different documents of one story are the same quote (``same_as``
points to the first seen) when

* in one language, their words mostly agree (a wire copy, a trimmed copy); or
* in two languages, they are both full quotes of the same speaker (same last
  name, or same entity), their lengths are in proportion, the numbers they say
  agree (``six`` / ``enam``) and so do the names inside them.

Only quotes that share a story and a blocking key (the speaker's last name, or the
quote's first words) are compared, so a large corpus is not compared pair by pair.
"""

from __future__ import annotations

import re
from collections import defaultdict

from kronologi.claims.numbers import find_numbers

_WORD = re.compile(r"\w+")
_SAME_WORDS = 0.6
_LENGTH_RATIO = (0.7, 1.6)  # Indonesian runs a little longer than English
MAX_COMPARED = 300  # the latest quotes of a crowded bucket (a much-quoted speaker): a bound on the work


def link_quotes(quotes: list[dict], language: dict[str, str | None], story: dict[str, str | None]) -> None:
    """Set ``same_as`` on every quote that repeats an earlier one (None otherwise)."""
    buckets: dict[tuple, list[dict]] = defaultdict(list)
    words = {id(q): frozenset(_WORD.findall(q["text"].lower())) for q in quotes}
    for q in quotes:
        q["same_as"] = None
        seen: set[int] = set()
        for key in _keys(q):
            bucket = buckets[(story.get(q["doc"]), key)]
            for earlier in bucket[-MAX_COMPARED:]:
                if q["same_as"] is not None:
                    break
                if id(earlier) in seen or earlier["doc"] == q["doc"]:
                    continue
                seen.add(id(earlier))
                if _same(earlier, q, language, words):
                    q["same_as"] = earlier["same_as"] or earlier["id"]
            bucket.append(q)


def _keys(q: dict) -> list[tuple]:
    keys = [("text",) + tuple(_WORD.findall(q["text"].lower())[:4])]
    if q.get("speaker"):
        keys.append(("entity", q["speaker"]))
    name = (q.get("speaker_name") or "").split()
    if name:
        keys.append(("speaker", name[-1].lower()))
    return keys


def _same(a: dict, b: dict, language: dict, words: dict[int, frozenset[str]]) -> bool:
    la, lb = language.get(a["doc"]), language.get(b["doc"])
    if la == lb:
        return _overlap(words[id(a)], words[id(b)]) >= _SAME_WORDS
    return a.get("kind") == b.get("kind") == "full" and _same_speaker(a, b) and _in_proportion(a, b) \
        and _numbers(a["text"], la) == _numbers(b["text"], lb) and _names_agree(a["text"], b["text"])


def _overlap(wx: frozenset[str], wy: frozenset[str]) -> float:
    return len(wx & wy) / max(1, min(len(wx), len(wy)))


def _same_speaker(a: dict, b: dict) -> bool:
    if a.get("speaker") and a.get("speaker") == b.get("speaker"):
        return True
    na, nb = (a.get("speaker_name") or "").split(), (b.get("speaker_name") or "").split()
    return bool(na and nb) and (na[-1].lower() == nb[-1].lower() or bool({w.lower() for w in na} & {
        w.lower() for w in nb if len(w) > 3}))


def _in_proportion(a: dict, b: dict) -> bool:
    ratio = max(len(a["text"]), 1) / max(len(b["text"]), 1)
    low, high = _LENGTH_RATIO
    return low <= ratio <= high or low <= 1 / ratio <= high


def _numbers(text: str, lang: str | None) -> set:
    return {n.value for n in find_numbers(text, lang) if n.value is not None}


def _names_agree(x: str, y: str) -> bool:
    """Names inside the quotes (not at a sentence start) survive translation: if both have some, they share one."""
    nx, ny = _names(x), _names(y)
    return not nx or not ny or bool(nx & ny)


def _names(text: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"(?<=[\w,] )([A-Z][\w-]+)", text)}
