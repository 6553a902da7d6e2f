"""A story's key numbers: every tracked quantity (a ledger row) read as its history.

For each ledger row of a story: its points (value against as-of, per claimant, a
retracted value marked), the values in as-of order with their main claimant, the
days on which claimants contradict each other and the retractions — as plain
records and one sentence (``killed: 127 → 125 → 131 → 135 (police); 174 retracted
on 3 Oct (Pemprov Jatim)``), rendered by both report.html and timeline.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kronologi.export.safe import figure_text

BOUNDS = frozenset({"more_than", "at_least", "up_to", "less_than"})  # a side of the value, not the value
_QUALIFIER_WORDS = {"about": "~", "nearly": "nearly ", "more_than": "> ", "at_least": "≥ ",
                    "up_to": "≤ ", "less_than": "< "}
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass
class Point:
    fig: dict[str, Any]
    day: date | None  # as-of, else the article's publication day
    retracted: bool  # the value was retracted (by this figure or another of the row)

    @property
    def claimant(self) -> str:
        return self.fig.get("claimant") or "unattributed"


@dataclass
class KeyNumber:
    label: str  # ``killed (inside the stadium)``
    row: dict[str, Any]
    points: list[Point]
    series: list[Point] = field(default_factory=list)  # one per change of value, in as-of order
    claimant: str | None = None
    contradictions: list[str] = field(default_factory=list)
    retractions: list[str] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        values = " → ".join(value_text(p.fig) for p in self.series)
        text = f"{self.label}: {values}" + (f" ({self.claimant})" if self.claimant and values else "")
        return "; ".join([text, *self.contradictions, *self.retractions])


def key_numbers(ledger_views: list) -> list[KeyNumber]:
    """One KeyNumber per ledger row with figures; the story's own totals first, parts and
    quantities of past events after, longer histories before shorter ones."""
    rows = sorted(ledger_views, key=lambda lv: (bool(lv.row.get("past_event")), bool(lv.row.get("part")),
                                                -len(lv.figures)))
    return [key_number(lv.row, lv.figures) for lv in rows if lv.figures]


def key_number(row: dict[str, Any], figures: list[dict[str, Any]]) -> KeyNumber:
    retracted = {f.get("value") for f in figures if f.get("status") == "retracted"}
    points = sorted((Point(f, fig_day(f), f.get("value") in retracted) for f in figures),
                    key=lambda p: (p.day is None, p.day or date.min))
    series = _series(points)
    label = quantity_label(row)
    year = next((str(p.fig.get("as_of") or "")[:4] for p in points if str(p.fig.get("as_of") or "")[:4].isdigit()), None)
    if row.get("past_event") and year:
        label += f", {year}"
    return KeyNumber(label, row, points, series, _main_claimant(series, points),
                     _contradictions(points), _retractions(points))


def quantity_label(row: dict[str, Any]) -> str:
    label = str(row.get("category") or "figure").replace("_", " ")
    return f"{label} ({row['subject']})" if row.get("subject") else label


def value_text(fig: dict[str, Any]) -> str:
    return _QUALIFIER_WORDS.get(fig.get("qualifier") or "", "") + figure_text(fig)


def fig_day(fig: dict[str, Any]) -> date | None:
    """The figure's as-of day (a month as its last day: "as of February", from an article known only to
    its month, is a count made by the month's end, not before its first days; a year alone is no day),
    else its article's day."""
    for value in (fig.get("as_of"), fig.get("published")):
        day = _parse_day(value)
        if day:
            return day
    return None


def _parse_day(value: Any) -> date | None:
    text = str(value or "")[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        first = date.fromisoformat(text[:7] + "-01")
        return date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
    except ValueError:
        pass
    return None  # a year alone ("as of 2021", from an article known only to its year) names no day: undated


def day_text(day: date | None) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}" if day else "undated"


def _series(points: list[Point]) -> list[Point]:
    """Each day's value (the one most figures of the day give, bounds only on days without
    another), consecutive repeats dropped."""
    kept = [p for p in points if not p.retracted]
    firm = [p for p in kept if p.fig.get("qualifier") not in BOUNDS] or kept
    out: list[Point] = []
    for day in dict.fromkeys(p.day for p in firm):
        chosen = _day_value([p for p in firm if p.day == day])
        if not out or value_text(out[-1].fig) != value_text(chosen.fig):
            out.append(chosen)
    return out


def _day_value(points: list[Point]) -> Point:
    counts = Counter(value_text(p.fig) for p in points)  # text: a NaN value equals itself
    latest = {value_text(p.fig): p for p in points}
    return max(latest.values(), key=lambda p: (counts[value_text(p.fig)], _sortable(p.fig.get("value"))))


def _sortable(value: Any) -> float:
    return value if isinstance(value, (int, float)) and value == value and not isinstance(value, bool) else 0.0


def _main_claimant(series: list[Point], points: list[Point]) -> str | None:
    values = {(p.day, p.fig.get("value")) for p in series}
    named = Counter(p.fig["claimant"] for p in points
                    if p.fig.get("claimant") and (p.day, p.fig.get("value")) in values)
    return named.most_common(1)[0][0] if named else None


def _contradictions(points: list[Point]) -> list[str]:
    """``9 vs 40 on 2 Mar, the mayor vs a local radio`` for each day with a contradiction: the
    day's agreed value first, then the values that contradict it (three values at most)."""
    out = []
    for day in dict.fromkeys(p.day for p in points if p.fig.get("relation") == "contradiction"):
        firm = [p for p in points if p.day == day and p.fig.get("status") != "retracted"
                and p.fig.get("qualifier") not in BOUNDS]  # a value retracted later still was the conflict
        clashing = [p for p in firm if p.fig.get("relation") == "contradiction"]
        others = [p for p in firm if p.fig.get("relation") != "contradiction"]
        by_value = {value_text(p.fig): p for p in reversed(([_day_value(others)] if others else []) + clashing)}
        chosen = list(reversed(by_value.values()))[:3]
        if len(chosen) < 2:
            continue
        values = " vs ".join(value_text(p.fig) for p in chosen)
        out.append(f"{values} on {day_text(day)}, {' vs '.join(_who(p) for p in chosen)}")
    return out


def _who(p: Point) -> str:
    """The claimant, else the outlet that printed the figure."""
    return p.fig.get("claimant") or (f"per {p.fig['outlet']}" if p.fig.get("outlet") else "unattributed")


def _retractions(points: list[Point]) -> list[str]:
    """``174 retracted on 3 Oct (East Java government, Authorities)``, once per value and day."""
    by_retraction: dict[tuple, list[str]] = {}
    for p in points:
        if p.fig.get("status") == "retracted":
            who = by_retraction.setdefault((value_text(p.fig), day_text(p.day)), [])
            if p.fig.get("claimant") and p.fig["claimant"] not in who:
                who.append(p.fig["claimant"])
    return [f"{value} retracted on {day}" + (f" ({', '.join(who)})" if who else "")
            for (value, day), who in by_retraction.items()]
