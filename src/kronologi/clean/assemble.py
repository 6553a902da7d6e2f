"""From judged lines to the document (the cleaner's first and last stages).

Before judging: paragraphs a scraper joined with commas are split, and a metadata field
glued before the text is read for its date. After: the dateline comes off the lead
paragraph, the kept lines become ``doc.text`` (with headings as offsets) and every removed
line a ``Removed`` with its reason; credits, title and the header's publication date are
recorded as what the text says (metadata, where it gave a value, wins).
"""

from __future__ import annotations

import re

from kronologi.clean.credits import find_credits, source_line_credit
from kronologi.clean.dateline import Dateline, find_dateline
from kronologi.clean.header_dates import metadata_prefix
from kronologi.clean.lines import Line, make_line
from kronologi.clean.work import Work
from kronologi.document import Document, Heading, Removed
from kronologi.temporal.reference import plausible_header_date

# paragraphs a scraper joined with commas: "...selesai.,Paragraf" / "Baca juga: ,Judul" / "Papua,Setelah"
_JOINED_PARAGRAPHS = re.compile(r"(?<=[.!?:”\"])\s*,(?=\s*[A-Z“\"#@©])|(?<=[a-z]),(?=[A-Z][a-z])")


def unjoin(raw: str) -> str:
    """Undo a common scraper artefact: paragraphs joined by commas on one line."""
    if "\n" in raw.strip() or len(raw) < 400:
        return raw
    return _JOINED_PARAGRAPHS.sub("\n", raw)


def metadata_dates(work: Work, doc: Document, first_lines: int = 3) -> None:
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


def lead(paragraphs: list[Line], body_start: int, reach: int = 3) -> list[Line]:
    """The paragraphs a dateline may open: what the header kept, up to the body's first paragraph (a dash
    further down the body is a sentence's, not a dateline)."""
    out = []
    for ln in paragraphs[:reach]:
        out.append(ln)
        if ln.index >= body_start:
            break
    return out


def apply_dateline(doc: Document, paragraphs: list[Line]) -> bool:
    """Take the dateline off the first paragraph that has one; keep place, outlet, section."""
    for ln in paragraphs:
        line = find_dateline(ln.text)
        if line is None:
            continue
        doc.removed.append(Removed(line.text, "clean.dateline", ln.index))
        ln.text = ln.text[line.end :].lstrip()
        _keep_dateline(doc, line)
        return True
    return False


def _keep_dateline(doc: Document, line: Dateline) -> None:
    doc.dateline = line.place
    doc.observe("dateline", "text", line.place)
    doc.observe("section", "text", line.section)
    set_from_text(doc, "outlet", line.outlet)
    doc.credits.extend(line.credits)


_NOT_DATELINES = ("clean.title", "clean.caption", "clean.date_line", "clean.repeated_title")


def dateline_above(doc: Document, work: Work) -> None:
    """A dateline printed on a line of its own right above the lead ("Jakarta, Warta Kita --", the first
    paragraph on the next line): a header line that, set before the lead, is a dateline whole."""
    lines = [ln for ln in work.lines if ln.text]
    first = next((k for k, ln in enumerate(lines) if ln.index >= work.body_start), None)
    if not first:
        return
    above, lead_line = lines[first - 1], lines[first]
    if above.index not in work.verdict or work.verdict[above.index] in _NOT_DATELINES:
        return
    line = find_dateline(above.text + " " + lead_line.text)
    if line is None or line.end < len(above.text):
        return
    work.verdict[above.index] = "clean.dateline"
    _keep_dateline(doc, line)


_CREDIT_LINES = ("clean.byline", "clean.footer", "clean.credit_line")


def set_credits(doc: Document, paragraphs: list[Line]) -> None:
    """Credits named in the body, in credit lines ("With reporting by AFP") and source lines."""
    credit_lines = [r.text for r in doc.removed if r.reason in _CREDIT_LINES]
    sources = [source_line_credit(text) for text in credit_lines]
    found = find_credits([ln.text for ln in paragraphs] + credit_lines)
    doc.credits = list(dict.fromkeys(doc.credits + found + [s for s in sources if s]))


def assemble(doc: Document, work: Work, paragraphs: list[Line]) -> None:
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


def set_from_text(doc: Document, name: str, value: str | None) -> None:
    """Record what the text says; use it only where metadata gave nothing."""
    if not value:
        return
    doc.observe(name, "text", value)
    if not getattr(doc, name):
        setattr(doc, name, value)
        if name == "published":
            doc.published_basis = "text"


def set_published(doc: Document, work: Work) -> None:
    """The header's publication date, unless it is a crawl date far after what the body narrates."""
    best = work.dates.best()
    if not best:
        return
    value, label = best
    if label != "published" and not plausible_header_date(value, doc.text, work.lang):
        doc.observe("published", "text_rejected", value)
        return
    set_from_text(doc, "published", value)


_MASTHEAD_NAME = re.compile(r"^[A-Z][A-Za-z]*(?:[ .][A-Za-z]+){0,4}$")


def masthead_outlet(doc: Document, work: Work) -> None:
    """With no outlet from metadata or a dateline: the site's name at the top of the page ("EASTERN ISLES
    TIMES", a line the header took out), when the page names it again (a photo credit, "told the Eastern Isles
    Times"): a name written twice is the outlet's, a menu's first word is not."""
    if doc.outlet:
        return
    first = next((ln for ln in work.lines if ln.text.strip()), None)
    if first is None or first.index not in work.verdict or len(first.text) > 40:
        return
    name = first.text.strip()
    if not _MASTHEAD_NAME.match(name) or not (name.isupper() or "." in name):
        return
    key = _squeezed(name.split(".")[0] if "." in name else name)
    if len(key) < 4:
        return
    elsewhere = [doc.text] + [r.text for r in doc.removed if r.line != first.index]
    if any(key in _squeezed(text) for text in elsewhere):
        set_from_text(doc, "outlet", name.title() if name.isupper() and "." not in name else name)


def _squeezed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())
