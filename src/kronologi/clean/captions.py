"""Photo captions, photo credits and lines printed more than once.

A caption describes a photo and usually says so in its own shape: it ends with
a credit (``Foto: Dok. Humas``, ``(Photo: Getty Images)``, ``©REUTERS/Name``,
``ANTARA/Name``, ``(AP Photo/Name)``), or with an agency after the text
(``... jiwa. (Anadolu Agency)``, ``... 2021. -Reuters``), or with the date the
photo was taken after a comma (``..., Senin (21/11/2022).``). Sites also print
a caption twice or three times (the image's alt text, its title, its figure
caption); a line that occurs more than once in one document is either such a
caption, a standfirst repeated as the lead, or a repeated headline.

These are signals only; ``kronologi.clean`` decides where each one counts (a
trailing agency ends a body's last paragraph as a desk credit, but marks a
caption anywhere else).
"""

from __future__ import annotations

import functools
import re

from kronologi import langs
from kronologi.clean.dateline import agencies
from kronologi.clean.lines import Line, is_prose
from kronologi.temporal.stated import find_stated_date

_SLASH_CREDIT = re.compile(r"(?:^|[\s(©])(?P<src>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?)\s?/\s?"
                           r"(?P<who>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})\s*\)?\s*$")
_TRAILING_AGENCY = re.compile(r"(?:\(\s*(?P<paren>[^()]{2,30}?)\s*\)|(?:^|\s)[-–—]\s*(?P<dash>[A-Z][\w .]{1,30}?))\s*$")
_CREDIT_SEPARATORS = re.compile(r"[|/•·,;()\[\]]+|\s[-–—]\s|\band\b|\bdan\b")
_MAX_WORDS_AFTER_LABEL = 8
_TAIL_CHARS = 160
_MAX_CAPTION_WORDS = 60


@functools.lru_cache(maxsize=None)
def _label_pattern() -> re.Pattern[str]:
    labels = langs.all_words("clean", "photo_labels")
    # "Foto: X", "AP Photo/X", "Photo by X", "Foto oleh X"
    return re.compile(rf"(?<![\w-])(?:{langs.alternation(labels)})(?:\s*[:/]\s*|\s+(?:by|oleh)\s+)(?=[A-Z(\"“])",
                      re.IGNORECASE)


def photo_credit(text: str) -> bool:
    """The line carries a photo credit near its end (or a copyright sign anywhere)."""
    if len(text.split()) > _MAX_CAPTION_WORDS:  # a paragraph, perhaps with a credit glued on: never all debris
        return False
    tail = text[-_TAIL_CHARS:]  # a credit stands at the end
    if "©" in tail and len(tail[tail.rindex("©"):].split()) <= _MAX_WORDS_AFTER_LABEL:
        return True
    for m in _label_pattern().finditer(tail):
        if len(tail[m.end():].split()) <= _MAX_WORDS_AFTER_LABEL:
            return True
    m = _SLASH_CREDIT.search(tail)
    return bool(m and _is_source(m.group("src")))


def _is_source(name: str) -> bool:
    name = name.strip(" .")
    return name.lower() in agencies() or (name.replace(" ", "").isupper() and len(name) >= 2)


def trailing_agency(text: str) -> bool:
    """The line ends with an agency after the text: "(AFP)", "(Anadolu Agency)", "-Reuters"."""
    m = _TRAILING_AGENCY.search(text)
    if not m or m.start() == 0:
        return False
    name = (m.group("paren") or m.group("dash") or "").strip()
    if not name[:1].isupper():  # "(ant)", "(red)": a desk code that closes an article
        return False
    if name.lower() in agencies():
        return True
    return bool(m.group("paren")) and name.isupper() and name.isalpha() and len(name) <= 6


def credit_only(line: Line) -> bool:
    """A line that is nothing but a credit: "STR / AFP", "Associated Press|", "(Photo: Name)"."""
    if not line.words or line.n > _MAX_WORDS_AFTER_LABEL or line.terminal and not line.text.endswith(")"):
        return False
    m = _label_pattern().match(line.text.lstrip("([ "))
    if m:
        return True
    parts = [p.strip(" .-–—") for p in _CREDIT_SEPARATORS.split(line.text)]
    parts = [p for p in parts if p]
    return bool(parts) and all(_is_source(p) for p in parts) and any(p.lower() in agencies() for p in parts)


def bare_source(line: Line) -> bool:
    """A credit line that is only one agency's name ("AFP", "Reuters", "Associated Press"): no photo label,
    no photographer; above a wire's text it is its byline."""
    if _label_pattern().search(line.text):
        return False
    parts = [p.strip(" .-–—") for p in _CREDIT_SEPARATORS.split(line.text)]
    parts = [p for p in parts if p]
    return len(parts) == 1 and parts[0].lower() in agencies()


def ends_with_date(text: str, lang: str) -> bool:
    """The line ends with a date after a comma: "..., Senin (21/11/2022).", "..., 22 November 2022."."""
    body = text.rstrip(" .")
    weekdays = langs.all_words("dates", "weekdays")
    for cut in _comma_positions(body):
        tail = body[cut + 1:]
        stated = find_stated_date(tail, lang)
        if not stated:
            continue
        rest = (tail[: stated.start] + " " + tail[stated.end:]).strip(" ()")
        if not rest or all(w.lower() in weekdays for w in re.findall(r"\w+", rest)):
            return True
    return False


def _comma_positions(text: str, most: int = 3) -> list[int]:
    out = [i for i, ch in enumerate(text) if ch == ","]
    return out[::-1][:most]


def headline_like(line: Line) -> bool:
    """A headline: no final punctuation and most words capitalised."""
    if line.terminal or not line.words:
        return False
    caps = sum(1 for w in line.words if w[0].isupper() or w[0].isdigit())
    return caps / line.n >= 0.6


def repeated_copies(lines: list[Line], lang: str, min_words: int = 8) -> dict[int, str]:
    """Verdicts for lines printed more than once in one document.

    A repeated caption (a credit, or copies side by side that are not sentences)
    goes entirely: ``clean.caption``. Other repeated text — a standfirst printed
    again as the lead — keeps its last copy: ``clean.repeated_line``. Repeated
    headlines are left to the title logic, and short lines (a chorus, a list
    item) are not judged at all.
    """
    groups: dict[str, list[Line]] = {}
    for ln in lines:
        if ln.n >= min_words:
            groups.setdefault(ln.key, []).append(ln)
    verdict: dict[int, str] = {}
    for copies in groups.values():
        if len(copies) < 2 or headline_like(copies[0]) and not photo_credit(copies[0].text):
            continue
        if photo_credit(copies[0].text) or trailing_agency(copies[0].text) or (
                not copies[0].terminal and _side_by_side(copies, lines, lang)):
            verdict.update({ln.index: "clean.caption" for ln in copies})
        else:
            verdict.update({ln.index: "clean.repeated_line" for ln in copies[:-1]})
    return verdict


def _side_by_side(copies: list[Line], lines: list[Line], lang: str) -> bool:
    """No prose line stands between consecutive copies."""
    by_index = {ln.index: ln for ln in lines}
    for a, b in zip(copies, copies[1:]):
        between = [by_index[i] for i in range(a.index + 1, b.index) if i in by_index]
        if any(is_prose(ln, lang) for ln in between):
            return False
    return True
