"""Where the body runs, and the debris recognisable wherever a line stands (the cleaner's second stage).

Every line that is debris anywhere (``lines.strong_reason``, credit lines, captions, foreign
script, corpus boilerplate) gets its reason first; then the body's bounds are found among
the rest (the first prose line followed by more prose, or a lead opening with a dateline a
few lines below, to the last prose line), and each zone is judged by its own rules
(``zones``): header, footer, the body's inside.
"""

from __future__ import annotations

from kronologi.clean.captions import bare_source, credit_only, photo_credit, repeated_copies
from kronologi.clean.dateline import find_dateline
from kronologi.clean.header_dates import date_label, date_only
from kronologi.clean.lines import Line, foreign_script, is_comments_marker, is_prose, strong_reason
from kronologi.clean.work import Work
from kronologi.clean.zones import footer, header, inner

_CREDIT_VERDICTS = ("clean.credit_line", "clean.byline")
_DATELINE_REACH = 6  # the lead paragraph with a dateline may follow a standfirst or captions


def judge(work: Work, known_title: str | None) -> None:
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
    header(work, [ln for ln in kept[:first] if ln.index not in work.verdict], known_title)
    footer(work, kept[last + 1 :])
    inner(work, kept[first : last + 1])


def _strong(ln: Line, work: Work) -> str | None:
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


def _header_bylines(work: Work, body_start: int) -> None:
    """A byline above the body may carry the date: "By Desk 18 Aug 2021", "oleh X diperbarui ..."."""
    for ln in work.lines[:body_start]:
        if work.verdict.get(ln.index) == "clean.byline" and (stated := date_only(ln.text, work.lang)):
            work.dates.add(stated.value, date_label(ln.text))


def _credit_neighbours(work: Work, kept: list[Line], first: int, prose: list[bool]) -> None:
    """A line beside a photo credit line is its caption when it stands in the header or is no sentence.
    A date line is never a caption (an outlet's masthead that names an agency, "CNN Indonesia", stands above
    the date line of the article, not beside a photo), and beside a bare source name ("AFP", "Reuters": a
    wire's byline as often as a photo's credit) only a sentence is: a headline or a kicker above it is no caption."""
    order = [ln for ln in work.lines if ln.text]
    position = {ln.index: k for k, ln in enumerate(kept)}
    for a, b in zip(order, order[1:]):
        for ln, other in ((a, b), (b, a)):
            k = position.get(ln.index)
            if k is None or not (k < first or not prose[k]) or find_dateline(ln.text):
                continue
            if work.verdict.get(other.index) not in _CREDIT_VERDICTS or not credit_only(other):
                continue
            if date_only(ln.text, work.lang) or bare_source(other) and not ln.terminal:
                continue  # a date line, or a title beside a source line ("AFP" under a headline)
            work.verdict[ln.index] = "clean.caption"


def _link_blocks(work: Work) -> None:
    """Headlines listed under a "Berita Terkait" / "Related stories" block header (a question among them)."""
    inside = False
    for ln in work.lines:
        if not ln.text:
            continue
        if work.verdict.get(ln.index) == "clean.related_link" and ln.n <= 3:
            inside = True
        elif inside and ln.index not in work.verdict and ln.n <= 20 and (not ln.terminal or _question(ln)):
            work.verdict[ln.index] = "clean.related_link"
        else:
            inside = False


def _question(ln: Line) -> bool:
    """A headline may ask ("Explainer: Who is X?"); a sentence of prose that asks is kept elsewhere."""
    return ln.text.rstrip("\"'”’").endswith("?")


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


def _comments(work: Work, lines: list[Line]) -> None:
    """Everything from a reader-comments heading on is comments, not article."""
    start = next((k for k, ln in enumerate(lines) if is_comments_marker(ln)), None)
    if start is None:
        return
    for ln in lines[start:]:
        if work.verdict.get(ln.index) in (None, "clean.counter"):
            work.verdict[ln.index] = "clean.comments"


def _repeated(ln: Line, work: Work) -> str | None:
    if ln.key in work.repeated and not is_prose(ln, work.lang):
        return "clean.boilerplate_repeated"
    return None
