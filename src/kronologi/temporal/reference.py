"""Reference dates: reading them, inferring them from a body, and sibling windows.

A :class:`Reference` is the moment relative expressions are resolved against
(an article's publication date), known to the year, month, day or second.

When an article has no date from metadata or its header, ``infer_reference``
looks in the body, in this order of trust:

1. the latest explicit full date (day, month and year written) that its clause
   does not put in the future of the text: ``Senin (10/10/2022)``;
2. a weekday with a day and month (``Senin (3/10)``) fixes the year: the
   earliest matching year not before the latest year the text mentions, or
   else the latest one not after ``not_after`` (today by default).

The latest candidate wins. Its confidence says how much to trust it; relative
expressions are then resolved against it. ``sibling_window`` gives, for an
article of a story whose siblings are dated, the window their dates span and
the most precise value that window supports (a month or a year, never a day).

A date stated in a header is trusted over the body, except where it lies far
after every date the body narrates (``plausible_header_date``): a widget that
prints the day the page was read above an old article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable

from kronologi.errors import KronologiError
from kronologi.temporal import values
from kronologi.temporal.stated import find_stated_date
from kronologi.temporal.tagger import Mention, find_mentions
from kronologi.temporal.tense import FUTURE, Clauses

_REFERENCE_RE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
)
# How far back a weekday + day/month pair may put an undated article.
PAIR_WINDOW_YEARS = 15
# A header date this long after the latest date the body narrates is a crawl date, not a publication date.
CRAWL_GAP_DAYS = 183


class ReferenceDateError(KronologiError):
    code = "failed.temporal.bad_reference"


@dataclass(frozen=True)
class Reference:
    """A reference moment, known to some precision (year at least)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    zone: str | None = None  # "+07:00"

    @classmethod
    def parse(cls, value: str | date | None) -> Reference | None:
        """Read ``2022-01-10``, ``2022-01-10T22:25+07:00``, ``2022-01`` or ``2022``; None for None.

        Raises ReferenceDateError on anything else.
        """
        if value is None or value == "":
            return None
        if isinstance(value, date):
            value = value.isoformat()
        found = _REFERENCE_RE.match(str(value).strip())
        if not found:
            raise ReferenceDateError(f"not a reference date: {value!r}; write YYYY-MM-DD[THH:MM[:SS][+HH:MM]]")
        g = {k: (int(v) if v and k != "zone" else v) for k, v in found.groupdict().items()}
        ref = cls(g["year"], g["month"], g["day"], g["hour"], g["minute"], g["second"], _zone(g["zone"]))
        if not 1000 <= ref.year <= 9000 or ref.month and not 1 <= ref.month <= 12 or ref.day and ref.date is None:
            raise ReferenceDateError(f"not a calendar date: {value!r}")
        return ref

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return values.make_date(self.year, self.month, self.day)

    def in_zone(self, zone: str | None) -> Reference:
        """The same moment on the clock of ``zone`` ("+07:00"), when both zones are known."""
        moment = self.moment
        if not zone or not self.zone or zone == self.zone or moment is None:
            return self
        local = moment.replace(tzinfo=_tzinfo(self.zone)).astimezone(_tzinfo(zone))
        return Reference(local.year, local.month, local.day, local.hour, local.minute, local.second or None, zone)

    @property
    def moment(self) -> datetime | None:
        d = self.date
        if d is None or self.hour is None:
            return None
        return datetime(d.year, d.month, d.day, min(self.hour, 23), self.minute or 0, self.second or 0)


def _tzinfo(zone: str) -> timezone:
    sign = -1 if zone[0] == "-" else 1
    return timezone(sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))


def _zone(text: str | None) -> str | None:
    if not text:
        return None
    if text == "Z":
        return "+00:00"
    digits = text[1:].replace(":", "").ljust(4, "0")
    return f"{text[0]}{digits[:2]}:{digits[2:]}"


def parse_reference(value: str | date | None) -> Reference | None:
    """Public form of ``Reference.parse``."""
    return Reference.parse(value)


@dataclass
class Inferred:
    """A reference date read from an article's body."""

    value: str  # ISO date
    confidence: float
    basis: str  # latest_full_date | weekday_day_month
    start: int  # the evidence, as offsets into the text
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "confidence": self.confidence, "basis": self.basis,
                "start": self.start, "end": self.end}


def infer_reference(text: str, lang: str | None, not_after: date | None = None,
                    mentions: list[Mention] | None = None, clauses: Clauses | None = None) -> Inferred | None:
    """The best reference date the body supports, or None (see the module docstring).

    ``mentions`` and ``clauses`` may be passed when the caller already has them.
    """
    not_after = not_after or date.today()
    mentions = find_mentions(text, lang) if mentions is None else mentions
    clauses = clauses or Clauses(text, lang)
    dated = [tm for tm in mentions if tm.kind == "date" and not _future(tm, clauses)]
    candidates = _full_dates(dated, not_after) + _weekday_pairs(dated, not_after)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c[0], c[1].confidence))[1]


def _future(tm: Mention, clauses: Clauses) -> bool:
    return (tm.fields.get("rel") or 0) > 0 or clauses.tense(tm.start, tm.end) == FUTURE


def _full_dates(mentions: list[Mention], not_after: date) -> list[tuple[date, Inferred]]:
    out = []
    for tm in mentions:
        f = tm.fields
        if not all(k in f for k in ("year", "month", "day")):
            continue
        d = values.make_date(f["year"], f["month"], f["day"])
        if d is None or d > not_after:
            continue
        confidence = 0.8 if f.get("weekday") == d.isoweekday() else 0.6
        out.append((d, Inferred(d.isoformat(), confidence, "latest_full_date", tm.start, tm.end)))
    return out


def _weekday_pairs(mentions: list[Mention], not_after: date) -> list[tuple[date, Inferred]]:
    floor_year = max((tm.fields["year"] for tm in mentions if "year" in tm.fields
                      and tm.fields["year"] <= not_after.year), default=None)
    out = []
    for tm in mentions:
        f = tm.fields
        if "year" in f or not all(k in f for k in ("weekday", "month", "day")):
            continue
        d, unique = _pair_year(f["weekday"], f["month"], f["day"], floor_year, not_after)
        if d is not None:
            confidence = 0.7 if unique else 0.5
            out.append((d, Inferred(d.isoformat(), confidence, "weekday_day_month", tm.start, tm.end)))
    return out


def _pair_year(weekday: int, month: int, day: int, floor_year: int | None,
               not_after: date) -> tuple[date | None, bool]:
    """The year a weekday + day/month pair fixes, and whether the choice was clear."""
    years = range(not_after.year, not_after.year - PAIR_WINDOW_YEARS, -1)
    fits = [d for y in years if (d := values.make_date(y, month, day)) and d <= not_after
            and d.isoweekday() == weekday]
    if not fits:
        return None, False
    if floor_year is not None:
        above = [d for d in fits if d.year >= floor_year]
        if above:
            return min(above), len(above) == 1 or above[-2].year - above[-1].year > 3
    return fits[0], False


def plausible_header_date(value: str, body: str, lang: str | None) -> bool:
    """Whether a header date can be the publication date of ``body``.

    False when the body states full dates and the header date lies more than
    ``CRAWL_GAP_DAYS`` after the latest of them (a crawl-date widget above an
    old article); True otherwise, and always for a value that is not a day.
    """
    try:
        ref = Reference.parse(value)
    except ReferenceDateError:
        return True
    stated = ref.date if ref else None
    narrated = _stated_dates(body, lang)
    if stated is None or not narrated:
        return True
    return stated <= max(narrated) + timedelta(days=CRAWL_GAP_DAYS)


def _stated_dates(body: str, lang: str | None) -> list[date]:
    """Every full calendar date written in ``body`` (ISO, day-month-year, numeric)."""
    out = []
    for para in body.splitlines():
        pos = 0
        while (found := find_stated_date(para[pos:], lang)) is not None:
            d = _day_of(found.value[:10])
            if d is not None:
                out.append(d)
            pos += found.end
    return out


def sibling_window(dates: Iterable[str | None]) -> dict[str, Any] | None:
    """The window spanned by the reference dates of an article's siblings (same story).

    Returns ``{"start", "end", "value", "confidence", "basis": "siblings"}`` where
    ``value`` is the month (``2022-01``) or year (``2022``) that contains the
    whole window, or None when even the year differs; None without dates.
    """
    days = sorted(d for d in (_day_of(v) for v in dates) if d is not None)
    if not days:
        return None
    lo, hi = days[0], days[-1]
    if (lo.year, lo.month) == (hi.year, hi.month):
        value, confidence = f"{lo.year:04d}-{lo.month:02d}", 0.5
    elif lo.year == hi.year:
        value, confidence = f"{lo.year:04d}", 0.4
    else:
        value, confidence = None, 0.0
    return {"start": lo.isoformat(), "end": hi.isoformat(), "value": value, "confidence": confidence,
            "basis": "siblings"}


def _day_of(value: str | None) -> date | None:
    try:
        ref = Reference.parse(value)
    except ReferenceDateError:
        return None
    return ref.date if ref else None
