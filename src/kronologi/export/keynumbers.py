"""A story's key numbers: every tracked quantity (a ledger row) read as its history.

For each ledger row of a story: its points (value against as-of, per claimant, a
retracted value marked), the values in as-of order with their main claimant, the
days on which claimants contradict each other and the retractions — as plain
records and one sentence (``killed: 127 → 125 → 131 → 135 (police); 174 retracted
on 3 Oct (Pemprov Jatim)``), rendered by both report.html and timeline.md.

A withdrawn value — one a figure of the row retracts or denies, or one the ledger marked
``retraction`` because it was withdrawn elsewhere in the story — is never a step of the series,
so never the current value: it is said withdrawn after the series, on every day it was printed.
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
WITHDRAWN = ("retracted", "denied")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass
class Point:
    fig: dict[str, Any]
    day: date | None  # as-of, else the article's publication day
    retracted: bool  # the value was withdrawn: retracted or denied (by this figure, another of the row, or the story)

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
    withdrawals: list[tuple[str, str]] = field(default_factory=list)  # (value, what befell it) per withdrawal

    @property
    def retractions(self) -> list[str]:
        return [f"{value} {rest}" for value, rest in self.withdrawals]

    @property
    def head(self) -> str:
        """The label, the series and its claimant, with the contradictions: all but the withdrawals."""
        values = " → ".join(value_text(p.fig) for p in self.series)
        text = f"{self.label}: {values}" + (f" ({self.claimant})" if self.claimant and values else "")
        return "; ".join([text, *self.contradictions])

    @property
    def sentence(self) -> str:
        return "; ".join([self.head, *self.retractions])


def key_numbers(ledger_views: list) -> list[KeyNumber]:
    """One KeyNumber per ledger row with figures; the story's own totals first, parts and
    quantities of past events after, longer histories before shorter ones."""
    rows = sorted(ledger_views, key=lambda lv: (bool(lv.row.get("past_event")), bool(lv.row.get("part")),
                                                -len(lv.figures)))
    return [key_number(lv.row, lv.figures) for lv in rows if lv.figures]


def key_number(row: dict[str, Any], figures: list[dict[str, Any]]) -> KeyNumber:
    withdrawn = {_value_key(f) for f in figures if withdrawn_figure(f)}
    points = sorted((Point(f, fig_day(f), _value_key(f) in withdrawn) for f in figures),
                    key=lambda p: (p.day is None, p.day or date.min))
    series = _series(points)
    label = quantity_label(row)
    year = next((str(p.fig.get("as_of") or "")[:4] for p in points if str(p.fig.get("as_of") or "")[:4].isdigit()), None)
    if row.get("past_event") and year:
        label += f", {year}"
    return KeyNumber(label, row, points, series, _main_claimant(series, points),
                     _contradictions(points), _retractions(points))


def withdrawn_figure(fig: dict[str, Any]) -> bool:
    """A figure whose value was withdrawn: it retracts or denies it, or the ledger related it as a
    retraction (its value was withdrawn by a figure of another row of the story)."""
    return fig.get("status") in WITHDRAWN or fig.get("relation") == "retraction"


def _value_key(fig: dict[str, Any]) -> tuple:
    value = fig.get("value")
    return (value,) if value is not None else (fig.get("low"), fig.get("high"))


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
        firm = [p for p in points if p.day == day and p.fig.get("status") not in WITHDRAWN
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


def _retractions(points: list[Point]) -> list[tuple[str, str]]:
    """``174 retracted on 3 Oct (East Java government, Authorities)``, once per value and day: the day
    a figure retracts (or denies: ``120 denied on 4 Oct (BPBD)``) the value; a value withdrawn only
    elsewhere in the story is said withdrawn with the days it was printed (``120 withdrawn (given 3 Oct
    by Basarnas)``)."""
    by_retraction: dict[tuple, list[str]] = {}
    said = {_value_key(p.fig) for p in points if p.fig.get("status") in WITHDRAWN}
    for p in points:
        status = p.fig.get("status")
        if status in WITHDRAWN or (p.retracted and _value_key(p.fig) not in said):
            word = status if status in WITHDRAWN else "withdrawn"
            who = by_retraction.setdefault((value_text(p.fig), word, day_text(p.day)), [])
            if p.fig.get("claimant") and p.fig["claimant"] not in who:
                who.append(p.fig["claimant"])
    return [(value, f"{word} on {day}" + (f" ({', '.join(who)})" if who else "") if word != "withdrawn" else
             f"withdrawn (given {day}" + (f" by {', '.join(who)})" if who else ")"))
            for (value, word, day), who in by_retraction.items()]
