"""Clean: from a scraped copy to the article body, with every removal explained.

The raw text is read as lines. The *body* runs from the first to the last line
that reads like prose (``lines.is_prose``) and is not debris; lines before it
form the header (title, date line, menus, prompts), lines after it the footer
(share prompts, spam, signatures). Debris recognisable anywhere (related links,
counters, app prompts, spam, credit lines) is removed wherever it stands; weaker
signals (menus, short prompts, handles) only outside the body; inside the body a
short line that introduces more text is a section heading and is kept.

Lines repeated across many documents of the corpus (``repeated`` — computed by
the corpus pass in ``kronologi.corpus.boilerplate``) count as debris when they
are short and not sentences.

The step also extracts the title, the dateline (place, outlet, section), the
credits, and a publication date stated in the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kronologi.clean.credits import find_credits, source_line_credit
from kronologi.clean.dateline import find_dateline
from kronologi.clean.lines import (Line, guess_language, is_comments_marker, is_masthead, is_navigation, is_prose,
                                   make_line, strong_reason, weak_reason)
from kronologi.document import Document, Heading, Removed
from kronologi.pipeline import Drop
from kronologi.temporal.stated import find_stated_date

# paragraphs a scraper joined with commas: "...selesai.,Paragraf" / "Baca juga: ,Judul" / "Papua,Setelah"
_JOINED_PARAGRAPHS = re.compile(r"(?<=[.!?:”\"])\s*,(?=\s*[A-Z“\"#@])|(?<=[a-z]),(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^\w]+")


@dataclass
class _Work:
    """Working state of one document while it is being cleaned."""

    lines: list[Line]
    lang: str
    repeated: frozenset[str]
    verdict: dict[int, str] = field(default_factory=dict)  # line index -> removal reason
    headings: set[int] = field(default_factory=set)
    title: str | None = None
    stated_date: str | None = None
    find_title: bool = True


class CleanStep:
    name = "clean"
    version = "1"

    def __init__(self, options: dict[str, Any] | None = None):
        options = options or {}
        self.repeated = frozenset(options.get("repeated_lines", ()))

    def __call__(self, doc: Document) -> Document | Drop:
        clean_document(doc, self.repeated)
        if not doc.text.strip():
            return Drop("dropped.clean.empty_body: nothing but debris was found in the text")
        return doc


def clean_document(doc: Document, repeated: frozenset[str] = frozenset()) -> Document:
    raw = _unjoin(doc.raw_text)
    lines = [make_line(i, t) for i, t in enumerate(raw.splitlines())]
    work = _Work(lines, doc.language or guess_language(lines), repeated)
    # A scraped copy starts with its title; text from a page, feed or record does not
    # (the container carried it), so there only repeats of the known title are looked for.
    work.find_title = doc.format == "text"
    _judge(work, doc.title)
    paragraphs = [ln for ln in work.lines if ln.text and ln.index not in work.verdict]
    _apply_dateline(doc, paragraphs)
    _assemble(doc, work, paragraphs)
    _set_credits(doc, paragraphs)
    _set_from_text(doc, "title", work.title)
    _set_from_text(doc, "published", work.stated_date)
    return doc


def _unjoin(raw: str) -> str:
    """Undo a common scraper artefact: paragraphs joined by commas on one line."""
    if "\n" in raw.strip() or len(raw) < 400:
        return raw
    return _JOINED_PARAGRAPHS.sub("\n", raw)


def _judge(work: _Work, known_title: str | None) -> None:
    """Give every debris line a removal reason; find title, date and headings."""
    for ln in work.lines:
        reason = strong_reason(ln) or _repeated(ln, work)
        if ln.text and reason:
            work.verdict[ln.index] = reason
    _link_blocks(work)
    kept = [ln for ln in work.lines if ln.text and ln.index not in work.verdict]
    prose = [is_prose(ln, work.lang) for ln in kept]
    first, last = _body_bounds(kept, prose)
    if kept:
        _comments(work, [ln for ln in work.lines[kept[first].index :] if ln.text])
    _header(work, kept[:first], known_title)
    _footer(work, kept[last + 1 :])
    _inner(work, kept[first : last + 1])


def _link_blocks(work: _Work) -> None:
    """Headlines listed under a "Berita Terkait" / "Related stories" block header."""
    inside = False
    for ln in work.lines:
        if not ln.text:
            continue
        if work.verdict.get(ln.index) == "clean.related_link" and ln.n <= 3:
            inside = True
        elif inside and ln.index not in work.verdict and not ln.terminal and ln.n <= 20:
            work.verdict[ln.index] = "clean.related_link"
        else:
            inside = False


def _body_bounds(kept: list[Line], prose: list[bool], reach: int = 3) -> tuple[int, int]:
    """Positions (in ``kept``) of the first and last body lines.

    The body starts at the first prose line that has another prose line within
    ``reach`` lines after it — a lone sentence among menus (a subscription
    pitch, a cookie notice) does not open the article — and ends at the last
    prose line. With a single prose line, that line is the body.
    """
    where = [i for i, p in enumerate(prose) if p]
    if not where:
        return 0, len(kept) - 1
    first = next((i for i in where if any(prose[i + 1 : i + 1 + reach])), where[0])
    return first, where[-1]


def _comments(work: _Work, lines: list[Line]) -> None:
    """Everything from a reader-comments heading on is comments, not article."""
    start = next((k for k, ln in enumerate(lines) if is_comments_marker(ln)), None)
    if start is None:
        return
    for ln in lines[start:]:
        if work.verdict.get(ln.index) in (None, "clean.counter"):
            work.verdict[ln.index] = "clean.comments"


def _repeated(ln: Line, work: _Work) -> str | None:
    if ln.key in work.repeated and not is_prose(ln, work.lang):
        return "clean.boilerplate_repeated"
    return None


def _header(work: _Work, lines: list[Line], known_title: str | None) -> None:
    """Date line, menus and prompts go; the first title-like line is the title."""
    for ln in lines:
        if ln.index in work.verdict:
            continue
        if work.title and _norm(ln.text) == _norm(work.title):
            work.verdict[ln.index] = "clean.repeated_title"
        elif _is_date_line(ln, work):
            work.verdict[ln.index] = "clean.date_line"
        elif reason := weak_reason(ln, work.lang):
            work.verdict[ln.index] = reason
        elif known_title and _norm(ln.text) == _norm(known_title):
            work.verdict[ln.index] = "clean.repeated_title"
        elif is_masthead(ln):
            work.verdict[ln.index] = "clean.masthead"
        elif work.find_title and not work.title and ln.n >= 3:
            work.title = ln.text
            work.verdict[ln.index] = "clean.title"


def _is_date_line(ln: Line, work: _Work) -> bool:
    """A header line that is only a date (with weekday, Hijri date, time, zone)."""
    stated = find_stated_date(ln.text, work.lang)
    if not stated:
        return False
    rest = ln.text[: stated.start] + " " + ln.text[stated.end :]
    words = [w for w in _NON_WORD.split(rest) if w and not w.isdigit()]
    if len(words) > 5:
        return False
    work.stated_date = work.stated_date or stated.value
    return True


def _footer(work: _Work, lines: list[Line]) -> None:
    """After the body: debris unless it is a sentence (a closing remark), long text,
    or part of a run of text-like lines (song lyrics, a list) that menus never form."""
    verdicts = {ln.index: weak_reason(ln, work.lang) or _footer_reason(ln)
                for ln in lines if ln.index not in work.verdict}
    for run in _text_runs(lines, verdicts, min_run=4):
        for ln in run:
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
    from kronologi.clean.credits import trailing_codes

    if trailing_codes(ln.text) and ln.n <= 4:
        return "clean.credit_line"
    if ln.terminal or ln.n > 15:
        return None
    return "clean.footer"


def _inner(work: _Work, lines: list[Line]) -> None:
    """Inside the body: repeated titles go, short lines before text are headings."""
    title_key = _norm(work.title) if work.title else None
    kept = [ln for ln in lines if ln.index not in work.verdict]
    for ln, nxt in zip(kept, kept[1:] + [None]):
        if title_key and _norm(ln.text) == title_key:
            work.verdict[ln.index] = "clean.repeated_title"
        elif not is_prose(ln, work.lang) and not ln.terminal and ln.n <= 12 and nxt is not None:
            work.headings.add(ln.index)
        elif ln.n <= 2 and is_navigation(ln) and nxt is None:
            work.verdict[ln.index] = "clean.navigation"


def _apply_dateline(doc: Document, paragraphs: list[Line]) -> None:
    """Take the dateline off the first paragraph; keep place, outlet, section."""
    for ln in paragraphs[:3]:
        line = find_dateline(ln.text)
        if line is None:
            continue
        doc.removed.append(Removed(line.text, "clean.dateline", ln.index))
        ln.text = ln.text[line.end :].lstrip()
        doc.dateline = line.place
        doc.observe("dateline", "text", line.place)
        doc.observe("section", "text", line.section)
        _set_from_text(doc, "outlet", line.outlet)
        doc.credits.extend(line.credits)
        return


_CREDIT_LINES = ("clean.byline", "clean.footer", "clean.credit_line")


def _set_credits(doc: Document, paragraphs: list[Line]) -> None:
    """Credits named in the body, in credit lines ("With reporting by AFP") and source lines."""
    credit_lines = [r.text for r in doc.removed if r.reason in _CREDIT_LINES]
    sources = [source_line_credit(text) for text in credit_lines]
    found = find_credits([ln.text for ln in paragraphs] + credit_lines)
    doc.credits = list(dict.fromkeys(doc.credits + found + [s for s in sources if s]))


def _assemble(doc: Document, work: _Work, paragraphs: list[Line]) -> None:
    for ln in work.lines:
        if ln.index in work.verdict:
            doc.removed.append(Removed(ln.text, work.verdict[ln.index], ln.index))
    doc.removed.sort(key=lambda r: r.line if r.line is not None else -1)
    parts, offset = [], 0
    for ln in paragraphs:
        if ln.index in work.headings:
            doc.headings.append(Heading(offset, offset + len(ln.text)))
        parts.append(ln.text)
        offset += len(ln.text) + 2
    doc.text = "\n\n".join(parts)


def _set_from_text(doc: Document, name: str, value: str | None) -> None:
    """Record what the text says; use it only where metadata gave nothing."""
    if not value:
        return
    doc.observe(name, "text", value)
    if not getattr(doc, name):
        setattr(doc, name, value)
        if name == "published":
            doc.published_basis = "text"


def _norm(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())
