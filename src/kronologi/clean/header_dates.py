"""Dates stated in the header of a scraped copy, and which one is the publication date.

A header may print several dates: the publication date (``Diterbitkan 12 Feb
2023, 11:00 WIB``, ``Published 4 May, 2031``), an update time (``diperbarui
...``), a bare date line, or a widget that shows the day of reading (``Hari ini:
...``). The labels come from the ``clean`` packs. The publication date is, in
order: a date labelled as published, else the earliest unlabelled date line
(a later one is a site's day of reading or an unlabelled update), else an update date; a date labelled as
today is never one. A date line that
lies far after every date the body narrates is a crawl widget too
(``reference.plausible_header_date``).

A date line may also stand inside the body or after it (a time stamp left
between paragraphs, a date printed under the text): it is debris there, and
its date is read only when it is the article's one date line (a header with
no date, one stray stamp) — several stamps in the body are a live report's
updates, none of them the publication.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kronologi import langs
from kronologi.temporal.stated import StatedDate, find_stated_date, mask_hijri

_NON_WORD = re.compile(r"[^\w]+")
_MAX_OTHER_WORDS = 5
_MAX_WORDS = 16  # a date with weekday, time, zone and a few other words
_ORDER = {"published": 0, None: 1, "updated": 2}


@dataclass
class HeaderDates:
    """The dates read from header lines, each with its label (published, updated or None)."""

    found: list[tuple[str, str | None]] = field(default_factory=list)
    stray: list[tuple[str, str | None]] = field(default_factory=list)  # date lines in or after the body

    def add(self, value: str, label: str | None) -> None:
        if label != "today":
            self.found.append((value, label))

    def add_stray(self, value: str, label: str | None) -> None:
        if label != "today":
            self.stray.append((value, label))

    def best(self) -> tuple[str, str | None] | None:
        """The publication date and its label: published first, then unlabelled, then updated; with no
        date in the header, the one date line that stood in or after the body. Of several unlabelled date
        lines, the earliest day: the others are the day of reading a site prints at its top ("Senin, 7
        Desember 2026" above an article of 2022) or an update time printed without its label."""
        if not self.found:
            return self.stray[0] if len(self.stray) == 1 else None
        return min(self.found, key=lambda f: (_ORDER[f[1]], f[0][:10] if f[1] is None else ""))


def date_only(text: str, lang: str) -> StatedDate | None:
    """The date of a line that is a date with at most a few other words (weekday, name, label)."""
    if len(text.split()) > _MAX_WORDS or not any(ch.isdigit() for ch in text):
        return None
    stated = find_stated_date(text, lang)
    if not stated:
        return None
    rest = text[: stated.start] + " " + text[stated.end:]
    words = [w for w in _NON_WORD.split(rest) if w and not w.isdigit()]
    return stated if len(words) <= _MAX_OTHER_WORDS else None


def bare_date(text: str, lang: str) -> StatedDate | None:
    """The date of a line that is nothing but a date: beside it only a weekday, a time zone or a date label
    ("Senin, 21 November 2022 14:05 WIB", "Updated Nov 21, 2022, 2:05 PM"), no name, no other word."""
    stated = date_only(text, lang)
    if not stated:
        return None
    rest = mask_hijri(text[: stated.start] + " " + text[stated.end:])
    words = [w.lower() for w in _NON_WORD.split(rest) if w and not w.isdigit()]
    return stated if all(w in _date_line_words() for w in words) else None


@functools.lru_cache(maxsize=None)
def _date_line_words() -> frozenset[str]:
    """Words a bare date line may hold beside its date: weekdays, time zones, the words of date labels."""
    words: set[str] = set()
    for key in ("weekdays", "zones"):
        words |= {w for phrase in langs.all_words("dates", key) for w in _NON_WORD.split(str(phrase).lower()) if w}
    for key in ("published_labels", "updated_labels"):
        words |= {w for phrase in langs.all_words("clean", key) for w in _NON_WORD.split(phrase.lower()) if w}
    return frozenset(words)


def date_label(text: str) -> str | None:
    """"published", "updated" or "today" when the line says which date it shows; else None."""
    for label in ("today", "updated", "published"):
        if _label_pattern(label).search(text):
            return label
    return None


@functools.lru_cache(maxsize=None)
def _label_pattern(label: str) -> re.Pattern[str]:
    words = langs.all_words("clean", f"{label}_labels" if label != "today" else "today_words")
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w-])(?:{langs.alternation(words)})(?![\w-])", re.IGNORECASE)


_METADATA_DATE = re.compile(r"^\s*(?:date|published|tanggal)\s*:?\s+(?P<value>(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?)\b\s*")


def metadata_prefix(text: str) -> tuple[str, str] | None:
    """A metadata field glued before the text by a scraper: " date 2021-02-02 The lead...".

    Returns (the prefix as written, its ISO value), or None.
    """
    m = _METADATA_DATE.match(text)
    return (text[: m.end()].strip(), m.group("value")) if m else None
