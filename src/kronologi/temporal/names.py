"""Years that are part of a name, where no temporal expression is read.

A law, regulation or decree is named by its number and year ("UU Nomor 1 Tahun 1946",
"Perkap 1 tahun 2009", "Law No. 1 of 1946", "Regulation 12/2019"), a cohort by its year
("angkatan 2016", "the class of 2016"). That year tells when the name was given, not when
anything the sentence tells happened: were it tagged as a DATE, the event that cites the law
would be dated by it and could anchor the narration. The words that open such names live in the
pack's ``named_years`` (``number_words``, ``instruments``, ``joiners``, ``cohorts``); the tagger
reads no mention that overlaps one of these spans (``name_spans``).

A term of office named by its years ("periode 2019-2024", "masa jabatan 2014-2019", "the
2019-2024 term": ``terms`` before the span of years, ``terms_after`` after it) is a span of time
all the same, and a constitution's year ("UUD 1945", "the 2008 constitution": ``documents``
before the year, ``documents_after`` after it) is the year it was made, so their years stay
temporal expressions; but they date no happening the sentence tells (the members of the
2019-2024 council were sworn in on a day in 2019; a junta that took power "under the 2008
constitution" did so in 2021). The tagger notes them (``noted_spans``: ``names.term``,
``names.document``), and the events layer reads no date from a noted expression.
"""

from __future__ import annotations

import functools
import re

from kronologi import langs
from kronologi.temporal.patterns import _BUILTIN, Pack, pack

TERM_NOTE = "names.term"  # the note on a temporal expression that is a term of office's years
DOCUMENT_NOTE = "names.document"  # ... that is the year in a constitution's name
NAME_NOTES = frozenset({TERM_NOTE, DOCUMENT_NOTE})  # notes of expressions that date no happening
_NUMBER = r"\d+[A-Za-z]?"  # the instrument's number ("Nomor 1", "No. 12A")


@functools.lru_cache(maxsize=None)
def _name_re(lang: str) -> re.Pattern[str] | None:
    """One regex for the pack's named years, compiled once per process: ``<number word|instrument> N
    <joiner|/> YEAR`` or ``<cohort> [joiner] YEAR``."""
    data = pack(lang).raw.get("named_years") or {}
    number_words, instruments, joiners, cohorts = (
        [str(w) for w in data.get(key) or ()] for key in ("number_words", "instruments", "joiners", "cohorts"))
    year = _BUILTIN["year"]
    join = rf"(?:\s*/\s*|\s+(?:{langs.alternation(joiners)})\s+)" if joiners else r"\s*/\s*"
    shapes = []
    if number_words:  # "Nomor 1 Tahun 1946", "No. 1 of 1946"
        shapes.append(rf"(?:{langs.alternation(number_words)})\.?\s*{_NUMBER}{join}{year}")
    if instruments:  # "Perkap 1 tahun 2009", "Regulation 12/2019"
        shapes.append(rf"(?:{langs.alternation(instruments)})\s+{_NUMBER}{join}{year}")
    if cohorts:  # "angkatan 2016", "angkatan tahun 2016", "class of 2016"
        joined = rf"(?:(?:{langs.alternation(joiners)})\s+)?" if joiners else ""
        shapes.append(rf"(?:{langs.alternation(cohorts)})\s+{joined}{year}")
    if not shapes:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(shapes)})(?!\w)", re.IGNORECASE)


_NOTED = (("terms", "terms_after", True, TERM_NOTE), ("documents", "documents_after", False, DOCUMENT_NOTE))


@functools.lru_cache(maxsize=None)
def _noted_re(lang: str, before_key: str, after_key: str, years: bool) -> re.Pattern[str] | None:
    """``<word> [joiner] YEAR`` or ``YEAR <word after>`` (with ``years``, a span of years ``YEAR-YEAR``), the words
    read from the pack's ``named_years`` lists ``before_key`` and ``after_key``; compiled once per process."""
    data = pack(lang).raw.get("named_years") or {}
    joiners, before, after = ([str(w) for w in data.get(key) or ()] for key in ("joiners", before_key, after_key))
    year = _BUILTIN["year"]
    when = rf"{year}\s*[-–—/]\s*{year}" if years else year  # "2019-2024", "2019/2020"; "1945"
    shapes = []
    if before:  # "periode 2019-2024", "masa jabatan tahun 2014-2019", "UUD NRI Tahun 1945"
        joined = rf"(?:(?:{langs.alternation(joiners)})\s+)?" if joiners else ""
        shapes.append(rf"(?:{langs.alternation(before)})\s+{joined}{when}")
    if after:  # "the 2019-2024 term", "the 2008 constitution"
        shapes.append(rf"{when}\s+(?:{langs.alternation(after)})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(shapes)})(?!\w)", re.IGNORECASE) if shapes else None


def noted_spans(text: str, p: Pack) -> list[tuple[int, int, str]]:
    """The ``(start, end, note)`` of every term of office named by its years and every constitution named by
    its year in ``text``."""
    out = []
    for before_key, after_key, years, note in _NOTED:
        regex = _noted_re(p.lang, before_key, after_key, years)
        if regex:
            out += [(*m.span(), note) for m in regex.finditer(text)]
    return out


def name_spans(text: str, p: Pack) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every name in ``text`` that carries a year (see the module's docstring)."""
    regex = _name_re(p.lang)
    return [m.span() for m in regex.finditer(text)] if regex else []


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of ``spans`` (few per text: a scan is enough)."""
    return any(s < end and start < e for s, e in spans)
