"""The stories list's filters (``q``, ``from``, ``to``, ``outlet``, ``lang``, ``entity``), read strictly and turned
into one SQL condition on ``stories s``, shared by the page, its JSON twin and ``/stories.csv``.

Why these shapes: every condition either reads the ``stories`` row itself (a single pass over a small table) or
looks its story's documents up through an index (``docs_story``, ``mentions_entity``, the ``sentences`` key), so
no filter scans ``docs`` — a table that holds every article's text — once per story. Dates compare as ISO strings
at the precision both sides share, so a story known only to ``2024-03`` overlaps ``from=2024-03-10``."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Mapping

from kronologi.serve.params import BadParameter, text_of

PARAMS = ("q", "from", "to", "outlet", "lang", "entity")
# Also in /openapi.json, the same rule both places; empty means "any" (a blank field of the page's form).
DATE_PATTERN = "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$"
LANG_PATTERN = "^([A-Za-z]{2,3})?$"
_DATE = re.compile(DATE_PATTERN)
_LANG = re.compile(LANG_PATTERN)
_WORD = re.compile(r"\w+")
_LATEST = "~"  # sorts after every character an ISO date or datetime holds: "2024-03~" is the end of March


@dataclass(frozen=True)
class StoryFilter:
    """What the reader asked for; an empty string means "any". ``entity_name`` is looked up, for the page."""

    q: str = ""
    start: str = ""  # the ``from`` parameter (a Python keyword)
    end: str = ""  # the ``to`` parameter
    outlet: str = ""
    lang: str = ""
    entity: str = ""
    entity_name: str | None = None

    def echo(self) -> dict[str, Any]:
        """The filters as the answer repeats them (``null`` when not given)."""
        given = {"q": self.q, "from": self.start, "to": self.end, "outlet": self.outlet, "lang": self.lang,
                 "entity": self.entity}
        return {**{k: v or None for k, v in given.items()}, "entity_name": self.entity_name}

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "entity_name")


def story_filter_of(params: Mapping[str, str]) -> StoryFilter:
    """Read the filters; a bad value raises ``BadParameter`` naming it and what it takes."""
    start, end = _iso_date(params, "from"), _iso_date(params, "to")
    if start and end and start[: min(len(start), len(end))] > end[: min(len(start), len(end))]:
        raise BadParameter(f"'from' ({start}) is after 'to' ({end}): give from <= to")
    lang = params.get("lang") or ""
    if not _LANG.fullmatch(lang):
        raise BadParameter(f"'lang' must be a language code of 2 or 3 letters (id, en, ...), not {lang[:40]!r}")
    return StoryFilter(q=text_of(params, "q"), start=start, end=end, outlet=text_of(params, "outlet"),
                       lang=lang.lower(), entity=text_of(params, "entity"))


def _iso_date(params: Mapping[str, str], name: str) -> str:
    value = params.get(name) or ""  # not stripped: the pattern is the whole rule, as /openapi.json states it
    if not _DATE.fullmatch(value):
        raise BadParameter(f"'{name}' must be an ISO date: YYYY-MM-DD, YYYY-MM or YYYY, not {value[:40]!r}")
    if not value:
        return ""
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError as exc:
        raise BadParameter(f"'{name}' is not a date of the calendar ({value}): {exc}") from exc
    return value


def with_entity_name(db: sqlite3.Connection, flt: StoryFilter) -> StoryFilter:
    """The filter with its entity's name; an id this store does not hold is a bad value (a 400, not an empty list
    that looks like "no story mentions it")."""
    if not flt.entity:
        return flt
    row = db.execute("SELECT name FROM entities WHERE id = ?", (flt.entity,)).fetchone()
    if row is None:
        raise BadParameter(f"'entity': no entity {flt.entity[:60]!r} in this store; give an id as entity pages "
                           "show it (/entities/<id>)")
    return StoryFilter(**{**{f.name: getattr(flt, f.name) for f in fields(flt)}, "entity_name": row["name"]})


def where_clause(flt: StoryFilter) -> tuple[str, list[Any]]:
    """``WHERE ...`` on ``stories s`` (``""`` when nothing is asked) and its arguments."""
    parts: list[tuple[str, list[Any]]] = []
    if flt.q:
        parts.append(_text_condition(flt.q))
    if flt.start:  # the story ends on or after ``from``, at the precision both share
        parts.append(("coalesce(s.\"end\", s.start) >= substr(?, 1, length(coalesce(s.\"end\", s.start)))",
                      [flt.start]))
    if flt.end:  # the story starts on or before ``to`` (index stories_start)
        parts.append(("s.start <= ?", [flt.end + _LATEST]))
    if flt.outlet:
        parts.append(("EXISTS (SELECT 1 FROM docs d WHERE d.story = s.id AND d.outlet = ? COLLATE NOCASE)",
                      [flt.outlet]))
    if flt.lang:
        parts.append(("EXISTS (SELECT 1 FROM docs d WHERE d.story = s.id AND d.language = ?)", [flt.lang]))
    if flt.entity:
        parts.append(("s.id IN (SELECT d.story FROM mentions m JOIN docs d ON d.id = m.doc WHERE m.entity = ?)",
                      [flt.entity]))
    if not parts:
        return "", []
    return "WHERE " + " AND ".join(sql for sql, _ in parts), [arg for _, args in parts for arg in args]


def _text_condition(q: str) -> tuple[str, list[Any]]:
    """``q`` in the title, or in one of the story's summary sentences (kept by reference in ``extra``). The
    summary is read only for stories with a document that has every word of ``q`` (``docs_fts``, once), so a
    rare word does not look up every story's summary sentences; it matches whole words there."""
    pattern = like_pattern(q)
    words = _WORD.findall(q)
    if not words:
        return "s.title LIKE ? ESCAPE '\\'", [pattern]
    summary = ("s.id IN (SELECT d.story FROM docs_fts f JOIN docs d ON d.rowid = f.rowid WHERE docs_fts MATCH ?) "
               "AND EXISTS (SELECT 1 FROM json_each(s.extra, '$.summary') j JOIN sentences st "
               "ON st.doc = json_extract(j.value, '$.doc') AND st.idx = json_extract(j.value, '$.sentence') "
               "WHERE st.text LIKE ? ESCAPE '\\')")
    match = " ".join(f'"{w}"' for w in words)  # quoted terms: FTS5 syntax typed into q is text, as in search
    return f"(s.title LIKE ? ESCAPE '\\' OR ({summary}))", [pattern, match, pattern]


def like_pattern(text: str) -> str:
    """``text`` anywhere, with LIKE's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
