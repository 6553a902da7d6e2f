"""Tokenize text into character-offset spans with one compiled regex.

Runs on every document, so it is a single ``finditer`` over one pattern whose
alternatives are tried in order of specificity:

1. URLs and e-mail addresses;
2. domain names (``warta-kita.com``, ``KONTAN.CO.ID``), by a known suffix;
3. abbreviations from the language packs (``Dr.``, ``U.S.``, ``dkk.``), other
   dotted acronyms (``a.n.``) and initials before a capital (``J. Smith``),
   period included;
4. words and numbers: runs of letters and digits joined by internal hyphens or
   apostrophes (``Kassym-Jomart``, ``don't``, ``1990-an``, ``3-2``) or, between
   digits, by ``.``, ``,``, ``:`` and ``/`` (``1,8``, ``5.800``, ``22.25``,
   ``10/1/2022``, ``01:00``);
5. any other non-space character, alone (quotes, commas, brackets, dashes).

Tokens carry no language: the abbreviation list is the union over all packs.
An entry only matches a word written with its period, case-sensitively (plus
a capitalised variant), so the cost of the union is rare: a sentence-final
word that is also a listed form ("... of Modern Art.") keeps its period.
"""

from __future__ import annotations

import functools
import re

from kronologi import langs
from kronologi.text.sentences import TOPIC as _PACK_TOPIC

Span = tuple[int, int]

# Domain suffixes that news text mentions (outlets, agencies, governments).
# A closed list keeps "tewas.Di" or "3.5" from reading as a domain.
_DOMAIN_SUFFIXES = (
    "com", "co", "id", "net", "org", "gov", "go", "edu", "ac", "or", "web",
    "info", "news", "tv", "io", "biz", "me", "my", "sg", "uk", "us", "au",
    "ru", "kz", "cn", "jp", "de", "fr", "nl", "int", "eu", "asia", "xyz",
)
_ABBREVIATION_KEYS = ("titles", "abbreviations", "final_abbreviations")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Return ``(start, end)`` offsets of the tokens of ``text[start:end]``.

    Offsets index into ``text`` itself, so a sentence span can be tokenized in
    place without slicing. Whitespace is never part of a token.
    """
    stop = len(text) if end is None else end
    return [m.span() for m in _token_re().finditer(text, start, stop)]


def words(text: str) -> list[str]:
    """The token strings of ``text`` (a convenience for tests and tools)."""
    return [text[s:e] for s, e in tokenize(text)]


@functools.lru_cache(maxsize=None)
def _token_re() -> re.Pattern[str]:
    # The lookaheads are guards for speed: most words have no ".", "@" or ":"
    # in them, so the costly alternatives (hundreds of abbreviations, domain
    # backtracking) are skipped after one cheap scan. Without them the
    # pattern is twice as slow. They look at most 64 characters ahead (the
    # longest e-mail local part) so a freak run of dots stays linear.
    special = "|".join(
        f"(?:{alt})"
        for alt in (
            _url(),
            rf"(?=[\w.+-]{{1,64}}@){_email()}",
            rf"(?=[\w-]{{1,63}}\.[^\W_]){_domain()}",
            _abbreviation(),
        )
    )
    return re.compile(rf"(?=[\w.+-]{{0,64}}[.@:])(?:{special})|{_word()}|\S")


def _url() -> str:
    # Stop before trailing punctuation and never run into a quote or bracket.
    stop = r"\s<>\"“”‘’'()\[\]{}"
    return rf"(?i:https?://|www\.)[^{stop}]*[^{stop}.,;:!?]"


def _email() -> str:
    return r"[\w.+-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+"


def _domain() -> str:
    # "warta-kita.com", "KONTAN.CO.ID", "kompas.com/read/..." (path optional).
    label = r"[^\W_](?:[\w-]*[^\W_])?"
    suffix = "|".join(_DOMAIN_SUFFIXES)
    path = r"(?:/[^\s<>\"“”‘’'()\[\]{}]*[^\s<>\"“”‘’'()\[\]{}.,;:!?])?"
    return rf"(?<![\w.@]){label}(?:\.{label})*\.(?i:{suffix})(?![\w-]){path}"


def _abbreviation() -> str:
    forms = sorted(_abbreviation_forms(), key=len, reverse=True)
    listed = "|".join(re.escape(f) for f in forms)
    dotted = r"(?:[^\W\d_]\.){2,}"  # U.S., a.n., S.H. even when not listed
    initial = r"[A-Z]\.(?= ?[A-Z])"  # "J. Smith", "H.M. Prasetyo"
    body = "|".join(alt for alt in (listed, dotted, initial) if alt)
    # Guard: letters then a period, as long as the longest listed stem.
    longest = max((len(f.split(".")[0]) for f in forms), default=1)
    return rf"(?=[^\W\d_]{{1,{max(longest, 1)}}}\.)(?<![\w.])(?:{body})"


def _abbreviation_forms() -> set[str]:
    """Every listed abbreviation, as written and capitalised ("dll." -> "Dll.")."""
    forms: set[str] = set()
    for lang in langs.SUPPORTED:
        pack = langs.load(lang, _PACK_TOPIC)
        for key in _ABBREVIATION_KEYS:
            for form in pack.get(key) or []:
                forms.update({str(form), str(form)[:1].upper() + str(form)[1:]})
    return forms


def _word() -> str:
    alnum = r"[^\W_]+"
    joiner = r"(?:[-‐‑'’]|(?<=\d)[.,:/](?=\d))"
    return rf"{alnum}(?:{joiner}{alnum})*"
