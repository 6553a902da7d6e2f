"""Each zone by its own rules (the cleaner's third stage): the header, the footer, the body's inside.

Before the body: date lines, menus, prompts, mastheads and captions go, and the first
title-like line is the title. After it: date lines, and what is not a sentence, long text or
part of a run of text-like lines. Inside it: repeated titles, captions, time stamps and bare
date lines go (unless several bare dates head the paragraphs of a timeline); a short line
that introduces more text is a section heading. A date line in or after the body is kept
aside for the publication date (``HeaderDates.add_stray``).
"""

from __future__ import annotations

import re

from kronologi.clean.captions import ends_with_date, trailing_agency
from kronologi.clean.credits import trailing_codes
from kronologi.clean.dateline import find_dateline
from kronologi.clean.header_dates import bare_date, date_label, date_only
from kronologi.clean.lines import Line, function_ratio, is_masthead, is_navigation, is_prose, weak_reason
from kronologi.clean.work import Work, norm
from kronologi.temporal.stated import StatedDate

_QUOTE = re.compile(r"[\"“”]")
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"])")


def header(work: Work, lines: list[Line], known_title: str | None) -> None:
    """Date line, menus and prompts go; the first title-like line is the title."""
    for ln in lines:
        if ln.index in work.verdict:
            continue
        if work.title and norm(ln.text) == norm(work.title):
            work.verdict[ln.index] = "clean.repeated_title"
        elif _is_date_line(ln, work):
            work.verdict[ln.index] = "clean.date_line"
        elif reason := weak_reason(ln, work.lang):
            work.verdict[ln.index] = reason
        elif known_title and norm(ln.text) == norm(known_title):
            work.verdict[ln.index] = "clean.repeated_title"
        elif is_masthead(ln):
            work.verdict[ln.index] = "clean.masthead"
        elif trailing_agency(ln.text) or ends_with_date(ln.text, work.lang) and not _QUOTE.search(ln.text):
            work.verdict[ln.index] = "clean.caption"  # a photo's caption: no one is quoted in one
        elif work.find_title and not work.title and ln.n >= 3:
            work.title = ln.text
            work.verdict[ln.index] = "clean.title"
        elif work.title and not ln.terminal:
            work.verdict[ln.index] = "clean.header"  # a kicker, gallery title or widget under the title


def _is_date_line(ln: Line, work: Work) -> bool:
    """A header line that is only a date (with weekday, Hijri date, time, zone); a short
    caption closed by a full stop after its date ("Banjir di Demak, Selasa (4/3/2025).") is not."""
    stated = date_only(ln.text, work.lang)
    if not stated or ln.text.endswith(".") and ends_with_date(ln.text, work.lang):
        return False
    work.dates.add(stated.value, date_label(ln.text))
    return True


def footer(work: Work, lines: list[Line]) -> None:
    """After the body: debris unless it is a sentence (a closing remark), long text,
    or part of a run of text-like lines (song lyrics, a list) that menus never form."""
    verdicts = {ln.index: _stray_date(ln, work) or weak_reason(ln, work.lang) or _footer_reason(ln)
                for ln in lines if ln.index not in work.verdict}
    for run in _text_runs(lines, verdicts, min_run=4):
        for ln in run:
            verdicts[ln.index] = None
    for ln in lines:  # the body's own last lines, cut off or without a full stop, right after it
        if verdicts.get(ln.index) != "clean.footer" or not (_holds_sentence(ln) or _sentence_case(ln, work.lang)):
            break
        verdicts[ln.index] = None
    work.verdict.update({i: r for i, r in verdicts.items() if r})


def _text_runs(lines: list[Line], verdicts: dict[int, str | None], min_run: int) -> list[list[Line]]:
    """Runs of consecutive lines that only the weak footer rule would remove and that read as text."""
    runs, current = [], []
    for ln in lines:
        if verdicts.get(ln.index) == "clean.footer" and ln.n >= 3 and sum(w[0].islower() for w in ln.words) >= 2:
            current.append(ln)
            continue
        if len(current) >= min_run:
            runs.append(current)
        current = []
    if len(current) >= min_run:
        runs.append(current)
    return runs


def _footer_reason(ln: Line) -> str | None:
    if trailing_codes(ln.text) and ln.n <= 4:
        return "clean.credit_line"
    if ln.text.rstrip().endswith(":") and ln.n <= 12:
        return "clean.footer"  # after the body a short line that introduces something ("Simak video berikut:")
    if ln.terminal or ln.n > 15:
        return None
    return "clean.footer"


def _holds_sentence(ln: Line, min_words: int = 6) -> bool:
    """A last line cut off after a full sentence: "Banjir surut pukul 09.40 WIB. Warga mulai kembali ke"."""
    m = _INNER_SENTENCE_END.search(ln.text)
    return bool(m and len(ln.text[: m.start()].split()) >= min_words)


def _sentence_case(ln: Line, lang: str, min_words: int = 8) -> bool:
    """A sentence that lost its full stop: long, mostly lower-case words, function words among them."""
    if ln.n < min_words or not ln.words[0][0].isupper():
        return False
    lower = sum(1 for w in ln.words[1:] if w[0].islower())
    return lower / (ln.n - 1) >= 0.6 and function_ratio(ln, lang) >= 0.1


def inner(work: Work, lines: list[Line]) -> None:
    """Inside the body: repeated titles go, short lines before text are headings."""
    title_key = norm(work.title) if work.title else None
    kept = [ln for ln in lines if ln.index not in work.verdict]
    timeline = _timeline_headings(kept, work.lang)
    for ln, nxt in zip(kept, kept[1:] + [None]):
        if title_key and norm(ln.text) == title_key:
            work.verdict[ln.index] = "clean.repeated_title"
        elif ln.index not in timeline and (reason := _stray_date(ln, work)):
            work.verdict[ln.index] = reason
        elif reason := _inner_debris(ln, nxt, work):
            work.verdict[ln.index] = reason
        elif not is_prose(ln, work.lang) and not ln.terminal and ln.n <= 12 and nxt is not None:
            work.headings.add(ln.index)
        elif ln.n <= 2 and is_navigation(ln) and nxt is None:
            work.verdict[ln.index] = "clean.navigation"


def _inner_debris(ln: Line, nxt: Line | None, work: Work) -> str | None:
    """Inside the body: a caption (an agency after the text on a paragraph that is not
    the last). A photo date after a comma is no signal here: body sentences end so too
    ("..., kata dia, Kamis, 12 September 2019.")."""
    if nxt is not None and trailing_agency(ln.text) and not find_dateline(ln.text) and ln.n <= 60:
        return "clean.caption"
    return None


def _date_line(ln: Line, lang: str) -> StatedDate | None:
    """A line of the body or footer that is a date: nothing but a date ("Senin, 21 November 2022",
    "Nov 21, 2022, 2:05 PM"), or a time stamp with a few words ("Outlet 2031-05-04 08:12:09")."""
    if stated := bare_date(ln.text, lang):
        return stated
    stated = date_only(ln.text, lang)
    return stated if stated and "T" in stated.value and not ln.terminal else None


def _stray_date(ln: Line, work: Work) -> str | None:
    """A date line in or after the body is debris; its date is kept aside for the publication date."""
    stated = _date_line(ln, work.lang)
    if not stated:
        return None
    work.dates.add_stray(stated.value, date_label(ln.text))
    return "clean.date_line"


def _timeline_headings(kept: list[Line], lang: str) -> set[int]:
    """Bare dates with no clock time that head two or more paragraphs of the body are a timeline's headings
    ("12 Maret 2024", then what happened that day), not stamps: they date the text below them."""
    days = {ln.index for ln in kept if (stated := _date_line(ln, lang)) and "T" not in stated.value}
    return days if len(days) >= 2 else set()
