"""Undated articles read on their story's calendar (a corpus pass, right after stories).

An article without a publication date cannot resolve "1 February" or "as of 2 May": the year
is missing, so its happenings stay undated and it cannot be told apart from, or joined with,
what the dated articles of its story report. Once stories are known, the dated articles of
an undated one's story fix a window (``reference.sibling_window``: the month or the year their
publication dates share). That window becomes the article's inferred reference — ``published``
with basis ``inferred``, recorded in ``observed["published"]["inferred"]`` with ``basis:
"story"`` — and the steps that read the reference (dates, then figures and quotes, then
events) run again on the article. A window is a month or a year, never a day: weekdays
("Monday") stay unresolved, as they should.

``date_from_series`` then narrows such an article to a day where its story's rising toll allows:
a death toll rises, so an undated article reporting 9,638 dead comes after the last day whose
articles all counted fewer and no later than the first day an article counted as many (a count
above every dated one places nothing: it may be later, or a toll recalled months on). When
that span holds one day, or one day of the weekday the article names first ("on Wednesday"),
that day is its inferred reference (basis ``"series"``) and the dated steps run again.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Iterable

from kronologi.document import Document
from kronologi.pipeline import Pipeline, PipelineConfig
from kronologi.temporal import sibling_window
from kronologi.temporal.step import apply_inferred

REDATE_STEPS = ("dates", "claims", "events")  # the steps that read the reference date
SERIES_CATEGORY = "killed"  # the count a developing story keeps raising
SERIES_SPAN = 14  # days: a wider span between two counts tells no day
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")


def date_from_stories(stories: Iterable[Any], options: dict[str, Any] | None = None) -> dict[str, dict]:
    """Give each undated article of a story its story's window and re-run the dated steps on it.

    Returns the decisions made, by document key (``{"value", "start", "end", "confidence",
    "basis": "story"}``)."""
    chosen: list[tuple[Document, dict[str, Any]]] = []
    for story in stories:
        docs = list(story.docs)
        undated = [d for d in docs if d.published is None]
        if not undated:
            continue
        window = sibling_window(d.published for d in docs if d.published and d.published_basis != "inferred")
        if not window or not window.get("value"):
            continue
        chosen += [(d, {**window, "basis": "story"}) for d in undated]
    return _redate(chosen, options)


def _redate(chosen: list[tuple[Document, dict[str, Any]]], options: dict[str, Any] | None) -> dict[str, dict]:
    """Set each chosen reference and run the steps that read it again; the decisions made, by key."""
    if not chosen:
        return {}
    before = {id(doc): (doc.published, doc.published_basis) for doc, _ in chosen}
    for doc, window in chosen:
        apply_inferred(doc, window)
    pipeline = Pipeline.from_config(PipelineConfig(REDATE_STEPS, dict(options or {})))
    for (doc, _), result in zip(chosen, pipeline.run_many([d for d, _ in chosen])):
        if not isinstance(result, Document):  # a step failed on it: keep what it had
            doc.published, doc.published_basis = before[id(doc)]
    return {doc.key: window for doc, window in chosen}


def date_from_series(docs: Iterable[Document], story_of: dict[str, str], figures: Iterable[dict[str, Any]],
                     options: dict[str, Any] | None = None) -> dict[str, dict]:
    """Give an article its story knows only to the month or year the day its death toll places it on.

    ``figures``: the ledger's figure records. Returns the decisions made, by document key
    (``{"value", "start", "end", "confidence", "basis": "series"}``); the dated steps ran again on
    those articles, so the caller builds the ledger again."""
    docs = list(docs)
    day_of = {d.id: _full_day(d.published) for d in docs}
    series: dict[str, dict[date, float]] = {}
    counts: dict[str, float] = {}
    for f in figures:
        if not _headline(f):
            continue
        story, day = story_of.get(f["doc"]), day_of.get(f["doc"])
        if story and day is not None and _full_day(f.get("as_of")) is not None:
            by_day = series.setdefault(story, {})
            as_of = _full_day(f["as_of"])
            by_day[as_of] = max(by_day.get(as_of, 0), f["value"])
        elif day is None:
            counts[f["doc"]] = max(counts.get(f["doc"], 0), f["value"])
    chosen = []
    for doc in docs:
        story = story_of.get(doc.id)
        if day_of[doc.id] is not None or doc.id not in counts or story not in series:
            continue
        span = _span_in_series(series[story], counts[doc.id], doc.published)
        value = _narrowest(span, _first_weekday(doc), doc.published)
        if value is not None:
            chosen.append((doc, {"value": value, "start": span[0].isoformat(), "end": span[-1].isoformat(),
                                 "confidence": 0.3, "basis": "series"}))
    return _redate(chosen, options)


def _headline(f: dict[str, Any]) -> bool:
    """A whole death toll as reported: not a part of a total, not one place's share, not withdrawn."""
    return (f.get("category") == SERIES_CATEGORY and not f.get("scope") and not f.get("part_whole")
            and f.get("status", "reported") == "reported" and isinstance(f.get("value"), (int, float))
            and f["value"] > 0)


def _span_in_series(by_day: dict[date, float], value: float, known: str | None) -> list[date]:
    """The days ``value`` fits between the story's daily highest counts, inside what is known."""
    days = sorted(by_day)
    before = [d for d in days if by_day[d] < value]
    after = [d for d in days if by_day[d] >= value]
    if not after:  # above every count the story dated: a later day, or a toll recalled months on
        return []
    low = before[-1] if before else days[0] - timedelta(days=1)
    high = after[0]
    if high <= low or (high - low).days > SERIES_SPAN:
        return []
    span = [low + timedelta(days=k) for k in range(1, (high - low).days + 1)]
    return [d for d in span if not known or d.isoformat().startswith(str(known))]  # inside its month or year


def _narrowest(span: list[date], weekday: int | None, known: str | None) -> str | None:
    """The one day of ``span`` (of the weekday named, when one is), else the month the whole span
    lies in when that says more than ``known``; None when neither does."""
    days = [d for d in span if weekday is None or d.isoweekday() == weekday]
    if len(days) == 1:
        return days[0].isoformat()
    if span and span[0].month == span[-1].month and span[0].year == span[-1].year \
            and len(str(known or "")) < 7:
        return span[0].isoformat()[:7]
    return None


def _first_weekday(doc: Document) -> int | None:
    """The weekday the article names first ("on Wednesday"), as ISO number, if any."""
    for t in sorted(doc.times or [], key=lambda t: t.get("start") or 0):
        m = _WEEKDAY.match(str(t.get("value") or ""))
        if m:
            return int(m.group(1))
    return None


def _full_day(value: Any) -> date | None:
    text = str(value or "")[:10]
    if len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
