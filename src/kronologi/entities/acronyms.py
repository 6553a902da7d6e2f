"""Acronyms defined in the text itself: "Organisasi Perjanjian Keamanan Kolektif (CSTO)".

Both orders are read — ``Long Name (ACR)`` and ``ACR (Long Name)`` — when the
long form is a run of capitalised words (function words allowed inside) and the
acronym is 2–8 capitals. The initials need not match: Indonesian texts give
Indonesian expansions of English acronyms.
"""

from __future__ import annotations

import re

_CAP = r"[A-Z][\w'’.-]*"
_LINK = r"(?:dan|untuk|dari|di|atas|bagi|pada|of|for|and|the|de|la|del|van|von)"
_LONG = rf"{_CAP}(?:\s+(?:{_LINK}\s+)?{_CAP}){{1,9}}"
_ACR = r"[A-Z][A-Z0-9&]{1,7}"
_LONG_FIRST = re.compile(rf"(?P<long>{_LONG})\s*\((?P<acr>{_ACR})\)")
_ACR_FIRST = re.compile(rf"\b(?P<acr>{_ACR})\s*\((?P<long>{_LONG})\)")


def find_definitions(text: str) -> list[tuple[str, str, int, int]]:
    """``(acronym, long form, start, end)`` for every definition in ``text``."""
    out = []
    for pattern in (_LONG_FIRST, _ACR_FIRST):
        for m in pattern.finditer(text):
            long = spelled_tail(m.group("long"), m.group("acr")) or _trim_leading_title(m.group("long"))
            if len(long.split()) >= 2 and m.group("acr") != long:
                out.append((m.group("acr"), long, m.start(), m.end()))
    return out


def spelled_tail(run: str, acr: str) -> str | None:
    """The longest tail of a capitalised run whose capitalised words' initials spell the acronym: the name
    without the words the run took in before it ("Menurut Badan Pengelola Sungai Lorem" for BPSL)."""
    words = run.split()
    letters = [c for c in acr if c.isupper()]
    for i in range(len(words) - 1):
        if words[i][:1].isupper() and [w[0] for w in words[i:] if w[:1].isupper()] == letters:
            return " ".join(words[i:])
    return None


def _trim_leading_title(long: str) -> str:
    """Drop leading words that are not part of the name ("Pada Rabu Organisasi ..."), and what a sentence
    before it left ("... pukul 08.40 WITA. Lembaga Pemantau ..." is no name starting with "WITA.")."""
    from kronologi.entities.names import split_role

    words = long.split()
    ends = [k for k, w in enumerate(words[:-1]) if w.endswith(".") and "." not in w[:-1] and len(w) > 2]
    if ends and len(words) - ends[-1] - 1 >= 2:  # "U.S. Geological Survey" keeps its initials
        long = " ".join(words[ends[-1] + 1:])

    head, sep, tail = long.rpartition(" dari ")  # "Pengamat dari Organisasi ...": someone *from* the name
    if sep and len(tail.split()) >= 2 and head[:1].isupper():
        long = tail
    return split_role(long)[0]
