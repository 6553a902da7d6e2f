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

Photo captions (``captions``) go wherever they stand: a credit at the end, an
agency after the text (except on the body's last paragraph, where it is the
desk's credit), a photo date after a comma, a neighbouring credit line, or
copies printed side by side. A line printed twice that is not a caption (a
standfirst repeated as the lead) keeps its last copy. Mojibake is repaired
first (``repair``), each repaired line recorded as ``clean.mojibake_repaired``.

The step also extracts the title, the dateline (place, outlet, section), the
credits, and a publication date stated in the header (``header_dates``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kronologi.clean.captions import credit_only, ends_with_date, photo_credit, repeated_copies, trailing_agency
from kronologi.clean.credits import find_credits, source_line_credit
from kronologi.clean.dateline import find_dateline
from kronologi.clean.header_dates import HeaderDates, date_label, date_only, metadata_prefix
from kronologi.clean.lines import (Line, foreign_script, function_ratio, guess_language, is_comments_marker,
                                   is_masthead, is_navigation, is_prose, make_line, strong_reason, weak_reason)
from kronologi.clean.repair import repair_lines
from kronologi.document import Document, Heading, Removed
from kronologi.pipeline import Drop
from kronologi.temporal.reference import plausible_header_date

# paragraphs a scraper joined with commas: "...selesai.,Paragraf" / "Baca juga: ,Judul" / "Papua,Setelah"
_JOINED_PARAGRAPHS = re.compile(r"(?<=[.!?:”\"])\s*,(?=\s*[A-Z“\"#@©])|(?<=[a-z]),(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^\w]+")
_QUOTE = re.compile(r"[\"“”]")
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"])")
_CREDIT_VERDICTS = ("clean.credit_line", "clean.byline")
_DATELINE_REACH = 6  # the lead paragraph with a dateline may follow a standfirst or captions


@dataclass
class _Work:
    """Working state of one document while it is being cleaned."""

    lines: list[Line]
    lang: str
    repeated: frozenset[str]
    verdict: dict[int, str] = field(default_factory=dict)  # line index -> removal reason
    headings: set[int] = field(default_factory=set)
    title: str | None = None
    dates: HeaderDates = field(default_factory=HeaderDates)
    find_title: bool = True
    body_start: int = 0  # index of the body's first line


class CleanStep:
    name = "clean"
    version = "3"  # 2: captions, widgets, mojibake repair; 3: datelines only at the lead, by their shape

    def __init__(self, options: dict[str, Any] | None = None):
        options = options or {}
        self.repeated = frozenset(options.get("repeated_lines", ()))

    def __call__(self, doc: Document) -> Document | Drop:
        clean_document(doc, self.repeated)
        if not doc.text.strip():
            return Drop("dropped.clean.empty_body: nothing but debris was found in the text")
        return doc


def clean_document(doc: Document, repeated: frozenset[str] = frozenset()) -> Document:
    raw_lines, repairs = repair_lines(_unjoin(doc.raw_text).splitlines())
    doc.removed.extend(Removed(r.before, "clean.mojibake_repaired", r.line) for r in repairs)
    lines = [make_line(i, t) for i, t in enumerate(raw_lines)]
    work = _Work(lines, doc.language or guess_language(lines), repeated)
    _metadata_dates(work, doc)
    # A scraped copy starts with its title; text from a page, feed or record does not
    # (the container carried it), so there only repeats of the known title are looked for.
    work.find_title = doc.format == "text"
    _judge(work, doc.title)
    paragraphs = [ln for ln in work.lines if ln.text and ln.index not in work.verdict]
    _apply_dateline(doc, _lead(paragraphs, work.body_start))
    _assemble(doc, work, paragraphs)
    _set_credits(doc, paragraphs)
    _set_from_text(doc, "title", work.title)
    _set_published(doc, work)
    return doc


def _metadata_dates(work: _Work, doc: Document, first_lines: int = 3) -> None:
    """Strip a metadata field a scraper glued before the text (" date 2021-02-02 ..."); read its date."""
    for ln in [ln for ln in work.lines if ln.text][:first_lines]:
        found = metadata_prefix(ln.text)
        if found:
            prefix, value = found
            doc.removed.append(Removed(prefix, "clean.metadata_date", ln.index))
            work.lines[ln.index] = make_line(ln.index, ln.text[len(prefix):].strip())
            if len(value) == 10:
                work.dates.add(value, "published")
            return


def _set_published(doc: Document, work: _Work) -> None:
    """The header's publication date, unless it is a crawl date far after what the body narrates."""
    best = work.dates.best()
    if not best:
        return
    value, label = best
    if label != "published" and not plausible_header_date(value, doc.text, work.lang):
        doc.observe("published", "text_rejected", value)
        return
    _set_from_text(doc, "published", value)


def _unjoin(raw: str) -> str:
    """Undo a common scraper artefact: paragraphs joined by commas on one line."""
    if "\n" in raw.strip() or len(raw) < 400:
        return raw
    return _JOINED_PARAGRAPHS.sub("\n", raw)


def _judge(work: _Work, known_title: str | None) -> None:
    """Give every debris line a removal reason; find title, date and headings."""
    for ln in work.lines:
        reason = _strong(ln, work)
        if ln.text and reason:
            work.verdict[ln.index] = reason
    candidates = [ln for ln in work.lines if ln.text and ln.index not in work.verdict]
    work.verdict.update(repeated_copies(candidates, work.lang))
    _link_blocks(work)
    kept = [ln for ln in work.lines if ln.text and ln.index not in work.verdict]
    prose = [is_prose(ln, work.lang) for ln in kept]
    first, last = _body_bounds(kept, prose)
    first = _dateline_start(kept, prose, first, last)
    work.body_start = kept[first].index if kept else 0
    if kept:
        _comments(work, [ln for ln in work.lines[kept[first].index :] if ln.text])
        _header_bylines(work, kept[first].index)
    _credit_neighbours(work, kept, first, prose)
    _header(work, [ln for ln in kept[:first] if ln.index not in work.verdict], known_title)
    _footer(work, kept[last + 1 :])
    _inner(work, kept[first : last + 1])


def _strong(ln: Line, work: _Work) -> str | None:
    """Debris recognisable wherever the line stands."""
    if reason := strong_reason(ln):
        return reason
    if credit_only(ln):
        return "clean.credit_line"
    if photo_credit(ln.text):
        return "clean.caption"
    if foreign_script(ln, work.lang):
        return "clean.foreign_script"
    return _repeated(ln, work)


def _dateline_start(kept: list[Line], prose: list[bool], first: int, last: int) -> int:
    """The body starts at the lead paragraph when it opens with a dateline a few lines below
    the first prose line: what stands above it (a standfirst, a caption) is header. Below the first
    prose line only a dateline with its marks counts (``SUKAMAJU, outlet.com -``): plain names before
    a dash there (``Sukamaju - ...``) may be a sentence of the body."""
    for k in range(first, min(first + _DATELINE_REACH, last + 1)):
        line = find_dateline(kept[k].text) if prose[k] else None
        if line and (line.marked or k == first):
            return k
    return first


def _header_bylines(work: _Work, body_start: int) -> None:
    """A byline above the body may carry the date: "By Desk 18 Aug 2021", "oleh X diperbarui ..."."""
    for ln in work.lines[:body_start]:
        if work.verdict.get(ln.index) == "clean.byline" and (stated := date_only(ln.text, work.lang)):
            work.dates.add(stated.value, date_label(ln.text))


def _credit_neighbours(work: _Work, kept: list[Line], first: int, prose: list[bool]) -> None:
    """A line beside a photo credit line is its caption when it stands in the header or is no sentence."""
    order = [ln for ln in work.lines if ln.text]
    position = {ln.index: k for k, ln in enumerate(kept)}
    for a, b in zip(order, order[1:]):
        for ln, other in ((a, b), (b, a)):
            k = position.get(ln.index)
            if k is None or not (k < first or not prose[k]) or find_dateline(ln.text):
                continue
            if work.verdict.get(other.index) in _CREDIT_VERDICTS and credit_only(other):
                work.verdict[ln.index] = "clean.caption"


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
        elif trailing_agency(ln.text) or ends_with_date(ln.text, work.lang) and not _QUOTE.search(ln.text):
            work.verdict[ln.index] = "clean.caption"  # a photo's caption: no one is quoted in one
        elif work.find_title and not work.title and ln.n >= 3:
            work.title = ln.text
            work.verdict[ln.index] = "clean.title"
        elif work.title and not ln.terminal:
            work.verdict[ln.index] = "clean.header"  # a kicker, gallery title or widget under the title


def _is_date_line(ln: Line, work: _Work) -> bool:
    """A header line that is only a date (with weekday, Hijri date, time, zone); a short
    caption closed by a full stop after its date ("Banjir di Demak, Selasa (4/3/2025).") is not."""
    stated = date_only(ln.text, work.lang)
    if not stated or ln.text.endswith(".") and ends_with_date(ln.text, work.lang):
        return False
    work.dates.add(stated.value, date_label(ln.text))
    return True


def _footer(work: _Work, lines: list[Line]) -> None:
    """After the body: debris unless it is a sentence (a closing remark), long text,
    or part of a run of text-like lines (song lyrics, a list) that menus never form."""
    verdicts = {ln.index: weak_reason(ln, work.lang) or _footer_reason(ln)
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
    from kronologi.clean.credits import trailing_codes

    if trailing_codes(ln.text) and ln.n <= 4:
        return "clean.credit_line"
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


def _inner(work: _Work, lines: list[Line]) -> None:
    """Inside the body: repeated titles go, short lines before text are headings."""
    title_key = _norm(work.title) if work.title else None
    kept = [ln for ln in lines if ln.index not in work.verdict]
    for ln, nxt in zip(kept, kept[1:] + [None]):
        if title_key and _norm(ln.text) == title_key:
            work.verdict[ln.index] = "clean.repeated_title"
        elif reason := _inner_debris(ln, nxt, work):
            work.verdict[ln.index] = reason
        elif not is_prose(ln, work.lang) and not ln.terminal and ln.n <= 12 and nxt is not None:
            work.headings.add(ln.index)
        elif ln.n <= 2 and is_navigation(ln) and nxt is None:
            work.verdict[ln.index] = "clean.navigation"


def _inner_debris(ln: Line, nxt: Line | None, work: _Work) -> str | None:
    """Inside the body: a caption (an agency after the text on a paragraph that is not
    the last) or a timestamp line. A photo date after a comma is no signal here: body
    sentences end so too ("..., kata dia, Kamis, 12 September 2019.")."""
    if nxt is not None and trailing_agency(ln.text) and not find_dateline(ln.text) and ln.n <= 60:
        return "clean.caption"
    stated = date_only(ln.text, work.lang)
    if stated and "T" in stated.value and not ln.terminal:  # "Outlet 2031-05-04 08:12:09" between two items
        return "clean.date_line"
    return None


def _lead(paragraphs: list[Line], body_start: int, reach: int = 3) -> list[Line]:
    """The paragraphs a dateline may open: what the header kept, up to the body's first paragraph (a dash
    further down the body is a sentence's, not a dateline)."""
    out = []
    for ln in paragraphs[:reach]:
        out.append(ln)
        if ln.index >= body_start:
            break
    return out


def _apply_dateline(doc: Document, paragraphs: list[Line]) -> None:
    """Take the dateline off the first paragraph that has one; keep place, outlet, section."""
    for ln in paragraphs:
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
