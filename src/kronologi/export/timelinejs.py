"""A story as TimelineJS data: the JSON format of Knight Lab's TimelineJS3, the timeline newsrooms embed.

The document is ``{"title": slide, "events": [slide, ...]}``; a slide has a ``start_date`` (``year``, and
``month`` and ``day`` only when they are known), a ``text`` (``headline``, ``text``), a ``group`` (the event's
type: TimelineJS draws each group on its own row) and a ``unique_id``. Date precision is respected: an event
known to its month has no day, one known to its year no month; an event known to its week is placed on the
week's first day and says "week of …" (``display_date``); undated events are left out.

TimelineJS puts ``headline`` and ``text`` into the page as HTML, so every article-derived string is escaped
here (``safe.html_text``) and a source is linked only when its URL is http(s)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import Any
from urllib.parse import urlsplit

from kronologi.export.rows import Names
from kronologi.export.safe import html_text

HEADLINE_CHARS = 90
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def timeline(story: dict[str, Any], events: Iterable[dict[str, Any]], names: Names) -> dict[str, Any]:
    """The TimelineJS document of one story: a title slide and a slide per dated event."""
    slides = [s for s in (event_slide(ev, names) for ev in events) if s is not None]
    span = " – ".join(dict.fromkeys(d for d in (story.get("start"), story.get("end")) if d))
    about = f"{len(slides)} dated events" + (f", {span}" if span else "")
    return {"title": {"text": {"headline": html_text(story.get("title") or story["id"]), "text": html_text(about)}},
            "events": slides}


def event_slide(ev: dict[str, Any], names: Names) -> dict[str, Any] | None:
    start = start_date(ev.get("date"), ev.get("precision"))
    if start is None:
        return None
    return {"start_date": start, "text": {"headline": html_text(headline(ev.get("summary") or ev.get("type") or "")),
                                          "text": _body(ev, names)},
            "group": html_text(ev.get("type") or "other"), "unique_id": _UNSAFE_ID.sub("_", str(ev["id"]))}


def start_date(value: str | None, precision: str | None) -> dict[str, Any] | None:
    """``{"year": 2024, "month": 3, "day": 13}`` with only the parts the precision knows; None when undated."""
    m = _DATE.match(value or "")
    if not m or precision not in ("day", "week", "month", "year"):
        return None
    year, month, day = m.groups()
    out: dict[str, Any] = {"year": int(year)}
    if precision in ("day", "week", "month") and month:
        out["month"] = int(month)
        if precision in ("day", "week") and day:
            out["day"] = int(day)
    if precision == "week" and "day" in out:
        out["display_date"] = f"week of {year}-{month}-{day}"
    return out


def headline(text: str) -> str:
    """The summary's first ``HEADLINE_CHARS`` characters, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut + "…"


def _body(ev: dict[str, Any], names: Names) -> str:
    parts = [f"<p>{html_text(ev.get('summary') or '')}</p>"]
    facts = [ev.get("type"), ev.get("modality") if ev.get("modality") not in (None, "asserted") else None,
             "background" if ev.get("background") else None]
    parts.append(f"<p>{html_text(' · '.join(f for f in facts if f))}</p>")
    sources = [_source(s["doc"], names) for s in ev.get("sources") or ()]
    if sources:
        parts.append("<p>Sources: " + ", ".join(dict.fromkeys(sources)) + "</p>")
    return "".join(parts)


def _source(doc_id: str, names: Names) -> str:
    doc = names.doc(doc_id)
    label = html_text(doc.get("outlet") or doc.get("title") or doc_id)
    url = doc.get("url")
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(url, quote=True)}">{label}</a>'
    return label
