"""Events as an ACLED-style table: the columns conflict analysts already load (event date, year, time
precision, type, actors, location, fatalities, sources, notes).

ACLED (the Armed Conflict Location & Event Data project) codes every event with a full date and a
``time_precision``: 1 when the day is known, 2 when only the week is, 3 when only the month is (the date is
then the middle of the period). Kronologi also keeps events known only to their year; they get 3, the least
precise code, with the middle of the year, and the ``date`` and ``precision`` columns beside them say exactly
what is known. Undated events are left out: a row of this table must have a date.

``fatalities`` follows ACLED's rule for conflicting reports, the most conservative figure: the lowest
``killed`` count stated in the sentences that report the event (a range counts as its low end; retracted,
denied and projected figures and vague quantities are not counts). An event with no such figure has it empty,
never 0: that the articles give no toll is not a toll of none.

Kronologi's own types are written as they are (``killing``, ``protest``, ``disaster``…; their mapping to
ACLED's types is ``events.ontology`` and docs/events.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from kronologi.events.timing import bounds
from kronologi.export.rows import Names

ACLED_COLUMNS = ("event_date", "year", "time_precision", "event_type", "actor1", "actor2", "assoc_actors",
                 "location", "fatalities", "sources", "notes", "event_id", "story_id", "date", "precision")
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
NOT_COUNTS = frozenset({"retracted", "denied", "projected"})
_COUNT_FIELDS = ("qualifier", "low", "value")  # what ``_count`` reads

Figures = dict[tuple[str, int], list[dict[str, Any]]]  # (doc, sentence) -> the killed figures stated there


def killed_by_sentence(figures: Iterable[dict[str, Any]]) -> Figures:
    """The ``killed`` figures that are counts, by the sentence that states them; of each, only what its count
    is read from (the whole chronicle's are kept while acled.csv is written)."""
    out: Figures = {}
    for fig in figures:
        if fig.get("category") == "killed" and fig.get("status") not in NOT_COUNTS and _count(fig) is not None:
            out.setdefault((fig["doc"], fig.get("sentence")), []).append({k: fig.get(k) for k in _COUNT_FIELDS})
    return out


def acled_rows(events: Iterable[dict[str, Any]], killed: Figures, names: Names) -> Iterator[dict[str, Any]]:
    """One row per dated event, in the order given."""
    for ev in events:
        when = middle_day(ev.get("date"), ev.get("precision"))
        if when is None:
            continue
        actors = [names.entity(a) for a in ev.get("actors") or ()]
        yield {"event_date": when.isoformat(), "year": when.year,
               "time_precision": TIME_PRECISION[ev["precision"]], "event_type": ev.get("type"),
               "actor1": actors[0] if actors else None, "actor2": actors[1] if len(actors) > 1 else None,
               "assoc_actors": actors[2:], "location": names.entity(ev.get("location")),
               "fatalities": fatalities(ev, killed),
               "sources": names.outlets(s["doc"] for s in ev.get("sources") or ()),
               "notes": ev.get("summary"), "event_id": ev["id"], "story_id": ev.get("story"),
               "date": ev["date"], "precision": ev["precision"]}


def middle_day(value: str | None, precision: str | None) -> date | None:
    """The day an ACLED row is dated: the day itself, else the middle of the week, month or year it names;
    None for an undated event or a date that does not parse."""
    if not value or precision not in TIME_PRECISION:
        return None
    try:
        first, last = bounds(value[:10] if precision in ("day", "week") else value, precision)
    except (ValueError, IndexError):
        return None
    return first + timedelta(days=(last - first).days // 2)


def fatalities(ev: dict[str, Any], killed: Figures) -> int | float | None:
    """The lowest killed count stated where the event is reported, or None when none is."""
    counts = [_count(f) for s in ev.get("sources") or () for f in killed.get((s["doc"], s.get("sentence")), ())]
    counts = [c for c in counts if c is not None]
    return min(counts) if counts else None


def _count(fig: dict[str, Any]) -> int | float | None:
    if fig.get("qualifier") == "vague":
        return None
    value = fig.get("low") if fig.get("qualifier") == "range" and fig.get("low") is not None else fig.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value < 0:
        return None
    return int(value) if float(value).is_integer() else value
