"""Direct quotations: spans between quotation marks, whatever the marks.

Marks: ``“ ”``, ``„``, ``« »``, ``‘ ’``, straight ``"`` and ``'``. A closing ``’``
or ``'`` between two letters is an apostrophe (``country’s``, ``don't``). Quotes
nest (a ``‘...’`` inside a ``“...”`` is its own quote, with ``parent`` set), and
a quote that runs over paragraphs is one quote: by the press convention its
paragraph ends without a closing mark and the next paragraph opens with one.

``kind`` is ``full`` for speech standing on its own (a quote that opens its
paragraph or sentence, or follows a colon or ``X mengatakan,``) and ``partial``
for a phrase quoted inside a sentence (``menyebut “kelompok teroris”``), a nested
quote, or one in a heading.

``start``/``end`` lie right inside the marks; ``trimmed`` are the offsets of
``text`` itself, without the spaces some writers leave inside the marks
(``“ Kami siap ”``): for a quote within one paragraph ``text`` is exactly
``doc_text[trimmed[0]:trimmed[1]]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kronologi.claims import vocab

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„«", "”»"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘‚", "’"
_MARKS = re.compile(r"''|[“”„«»‘’‚\"']")  # two apostrophes stand for one double mark
_PARAGRAPH = re.compile(r"\n\s*\n")
_HEAD_REACH = 200  # characters before a quote searched for ``X mengatakan,`` (no reporting phrase is longer)


@dataclass
class Quote:
    start: int  # offsets of the text inside the marks
    end: int
    text: str
    kind: str = "full"
    parent: int | None = None  # index of the quote this one is nested in
    spans: list[tuple[int, int]] = field(default_factory=list)  # one per paragraph it runs over
    trimmed: tuple[int, int] | None = None  # offsets of ``text`` (spans stripped of spaces)


def find_quotes(text: str, lang: str, headings: list[tuple[int, int]] = ()) -> list[Quote]:
    """Every quotation of ``text``, in order of their opening marks."""
    paragraphs = paragraphs_of(text)
    quotes: list[Quote] = []
    carry: tuple[int, str] | None = None  # an open double quote continuing into the next paragraph
    for i, (p0, p1) in enumerate(paragraphs):
        found, carry = _scan(text, p0, p1, carry, _next_opens(text, paragraphs, i))
        quotes.extend(found)
    quotes.sort(key=lambda q: q.start)
    _nest(quotes)
    for q in quotes:
        q.kind = _kind(text, lang, q, headings)
    return quotes


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _next_opens(text: str, paragraphs, i: int) -> bool:
    if i + 1 >= len(paragraphs):
        return False
    head = text[paragraphs[i + 1][0]:paragraphs[i + 1][1]].lstrip()
    return head[:1] in _DOUBLE_OPEN + '"'


def _scan(text: str, p0: int, p1: int, carry, continues: bool):
    """Quotes closed in the paragraph ``[p0, p1)``; an open one that goes on is carried."""
    stack: list[tuple[int, str, list]] = []  # (inner start, mark family, spans so far)
    if carry:
        stack.append((carry[0], carry[1], carry[2]))
    out: list[Quote] = []
    for m in _MARKS.finditer(text, p0, p1):
        ch, i = _mark(m.group(0)), m.start()
        if carry and i == _first_mark(text, p0) and ch in _DOUBLE_OPEN + '"':
            carry = None  # the continuation's opening mark
            stack[-1][2].append(i + 1)
            continue
        role = _role(text, i, ch, stack, m.end() - i)
        if role == "open":
            family = "low" if ch == "„" else "d" if ch in _DOUBLE_OPEN + _DOUBLE_CLOSE + '"' else "s"
            stack.append((m.end(), family, []))
        elif role == "close":
            start, family, marks = stack.pop()
            out.append(_quote(text, start, i, marks))
    open_double = [s for s in stack if s[1] in ("d", "low")]
    if open_double and continues:
        start, family, marks = open_double[0]
        marks.append(-p1)  # a paragraph end inside the quote
        return out, (start, family, marks)
    if open_double and text[open_double[0][0] - 1:open_double[0][0]] and \
            not text[p0:open_double[0][0] - 1].strip():
        out.append(_quote(text, open_double[0][0], _rstripped(text, p1), open_double[0][2]))
    return out, None


def _first_mark(text: str, p0: int) -> int:
    while p0 < len(text) and text[p0].isspace():
        p0 += 1
    return p0


def _rstripped(text: str, end: int, floor: int = 0) -> int:
    """``len(text[:end].rstrip())`` without copying the text: the end of ``text[floor:end]`` before spaces."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


def _mark(found: str) -> str:
    return '"' if found == "''" else found


def _role(text: str, i: int, ch: str, stack, width: int = 1) -> str | None:
    prev, nxt = text[i - 1:i], text[i + width:i + width + 1]
    top = stack[-1][1] if stack else None
    if ch == "“" and top == "low":  # „...“
        return "close"
    if ch in _DOUBLE_OPEN:
        return "open"
    if ch in _DOUBLE_CLOSE:
        if top in ("d", "low"):
            return "close"
        return "open" if ch == "”" and nxt.isalnum() and not prev.isalnum() else None  # ”Kami siap,” kata X
    if ch in _SINGLE_OPEN:
        return "open" if not prev.isalnum() and nxt and not nxt.isspace() else None
    if ch == '"':
        if top == "d" and prev and not prev.isspace():
            return "close"
        return "open" if nxt and not nxt.isspace() else None
    # ’ and ': an apostrophe between letters, else a single closing (or opening) mark
    if prev.isalpha() and nxt.isalpha():
        return None
    if top == "s" and prev and not prev.isspace():
        return "close"
    if ch == "'" and (not prev or not prev.isalnum()) and nxt and nxt.isalpha():
        return "open"
    return None


def _quote(text: str, start: int, end: int, marks: list) -> Quote:
    spans, at = [], start
    for mark in marks:  # paragraph breaks (negative: the paragraph's end) then reopenings
        if mark < 0:
            spans.append((at, _rstripped(text, -mark)))
        else:
            at = mark
    spans.append((at, end))
    kept = [(s, e) for s, e in (_stripped(text, s, e) for s, e in spans) if s < e]
    inner = "\n\n".join(text[s:e] for s, e in kept)
    trimmed = (kept[0][0], kept[-1][1]) if kept else (start, start)
    return Quote(start, end, inner, spans=spans, trimmed=trimmed)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the spaces at either end (``text[start:end].strip()`` as offsets)."""
    end = _rstripped(text, end, start)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _nest(quotes: list[Quote]) -> None:
    """``parent``: the innermost quote that holds each one (quotes sorted by start; marks pair as a stack,
    so the quotes that hold a position form a chain: one pass with a stack of open ones)."""
    open_quotes: list[int] = []
    for i, q in enumerate(quotes):
        while open_quotes and quotes[open_quotes[-1]].end < q.end:
            open_quotes.pop()
        q.parent = open_quotes[-1] if open_quotes else None
        open_quotes.append(i)


def _kind(text: str, lang: str, q: Quote, headings) -> str:
    if q.parent is not None or any(s <= q.start < e for s, e in headings):
        return "partial"
    head = _rstripped(text, q.start - 1)  # the end of what stands before the opening mark
    if not head or text[head - 1] in ".!?:\n" or text[q.start - 2:q.start - 1] == "\n":
        return "full"
    if text[head - 1] == "," and vocab.ending_regex(lang, "reporting_verbs").search(
            text, max(0, head - 1 - _HEAD_REACH), head - 1):
        return "full"
    return "partial"
