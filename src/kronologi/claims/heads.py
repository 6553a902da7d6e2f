"""What a count counts, by its noun: one ledger line per counted thing.

A figure's category and subject (``troops``, no subject) do not tell ``300 petugas kebersihan``
from ``9.000 personel`` or ``40 penyidik``: counts of different things. The head of the counted
noun does. ``head(fig, lang)`` is that head (the pack's name of the phrase when it knows one:
``pengunjuk rasa`` and ``demonstran`` are both ``protesters``), or None when the noun says nothing
of its own (``orang``, ``korban jiwa``, ``people``): such a count may be of anything its line counts.

``split(group, head_of, lang_of)`` parts a ledger line whose figures name two heads or more into
one line per head. A figure with no head is compatible with every head: it goes to the line of the head
counted most often (the story's main series), so that a bare ``33 orang`` stays with its series.

``member(text, lang, fig)``: ``salah satu mahasiswa``, ``one of the people arrested`` names one
member of a counted group, not a count of one that competes with the group's count.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Callable

from kronologi import langs
from kronologi.claims import categories, ledgervocab, vocab

_WORD = re.compile(r"[^\W\d_][\w-]*")


def head(fig: dict, lang: str | None) -> str | None:
    """The head of a figure's counted noun (see the module docstring), or None."""
    lang = langs.normalise_lang(lang)
    words = _WORD.findall((fig.get("noun") or "").lower())
    while words and words[0] in _words(lang, "classifiers"):
        words = words[1:]  # "orang mahasiswa": the classifier counts, the noun after it is what is counted
    if not words:
        return None
    known = categories.canonical(lang, " ".join(words))
    if known:
        return known
    last = langs.load(lang, ledgervocab.TOPIC).get("noun_head") == "last"
    word = words[-1] if last else words[0]
    if word in vocab.wordset(lang, "generic_nouns") or word in _words(lang, "generic_heads"):
        return None
    return _singular(word, lang)


def _singular(word: str, lang: str) -> str:
    """``officers`` and ``officer`` are one head (English plurals in ``-s``); other languages as written."""
    if lang == "en" and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def split(group: list[dict], head_of: Callable[[dict], str | None],
          lang_of: Callable[[dict], str | None]) -> list[tuple[str | None, list[dict]]]:
    """``[(head, figures)]``: one line per head when the group names two heads or more, the headless
    figures with the head counted most often; else the group whole, with its one head (or None).
    Heads are words of one language: a group whose heads come from two languages is left whole
    (``mahasiswa`` and ``students`` may be one count)."""
    counts = Counter(h for h in map(head_of, group) if h)
    if len(counts) < 2 or len({lang_of(f) for f in group if head_of(f)}) > 1:
        return [(next(iter(counts), None) if len(counts) == 1 else None, group)]
    main = min(counts, key=lambda h: (-counts[h], h))
    lines: dict[str, list[dict]] = {h: [] for h in sorted(counts)}
    for fig in group:
        lines[head_of(fig) or main].append(fig)
    return list(lines.items())


def member(text: str, lang: str | None, fig: dict) -> bool:
    """A one that names a member of a group (``salah satu mahasiswa``, ``seorang di antaranya``, ``one of
    the people``): the number is one and a member cue is the word right before it or opens what follows."""
    if fig.get("value") != 1:
        return False
    last = re.search(r"([^\W\d_]+)\s*$", text[max(0, fig["start"] - 20):fig["start"]])
    if last and last.group(1).lower() in _words(lang, "member_before"):
        return True
    return bool(_words(lang, "member_after")) and bool(
        ledgervocab.starting_regex(lang, "member_after").match(text, fig["end"]))


@functools.lru_cache(maxsize=None)
def _words(lang: str | None, key: str) -> frozenset[str]:
    """A word list of the ledger pack, lower-cased (read once per process: it is asked for every figure)."""
    return frozenset(str(w).lower() for w in langs.load(langs.normalise_lang(lang), ledgervocab.TOPIC).get(key) or [])
