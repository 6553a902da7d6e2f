"""TIMEX3 values: calendar arithmetic and formatting, with no language in it.

Units are TIMEX3's: ``S``, ``MIN``, ``H``, ``D``, ``W``, ``M``, ``Q`` (a quarter),
``Y``, ``DE`` (decade), ``CE`` (century). A date at the precision of a unit is
written ``2022-01-10`` (D), ``2022-W02`` (W), ``2022-01`` (M), ``2022-Q1`` (Q),
``2022`` (Y), ``202`` (DE), ``20`` (CE); unknown digits are ``X``.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

PRECISION = {"S": "second", "MIN": "minute", "H": "hour", "D": "day", "W": "week", "M": "month",
             "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}
UNDERSPECIFIED = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX",
                  "DE": "XXX", "CE": "XX", "H": "XXXX-XX-XX", "MIN": "XXXX-XX-XX", "S": "XXXX-XX-XX"}


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist (31 February)."""
    if not (1 <= year <= 9999 and 1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def at_unit(d: date, unit: str) -> str:
    """``d`` written at the precision of ``unit``."""
    if unit == "W":
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def shift(d: date, unit: str, n: int) -> date | None:
    """``d`` moved by ``n`` units (months clamp to the month's last day); None beyond the calendar
    (``5000 tahun lalu``)."""
    try:
        return _shift(d, unit, n)
    except (ValueError, OverflowError):
        return None


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    return add_months(d, n * months)


def add_months(d: date, n: int) -> date:
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def shift_time(moment: datetime, unit: str, n: float) -> datetime | None:
    seconds = {"H": 3600, "MIN": 60, "S": 1}[unit]
    try:
        return moment + timedelta(seconds=n * seconds)
    except (ValueError, OverflowError):
        return None


def weekday_near(ref: date, weekday: int, direction: int, strict: bool = False) -> date:
    """The ``weekday`` (ISO 1-7) on or before ``ref`` (direction -1) or on or after it (+1).

    ``strict`` excludes ``ref`` itself ("Senin lalu" said on a Monday is a week ago).
    """
    delta = (ref.isoweekday() - weekday) % 7 if direction < 0 else (weekday - ref.isoweekday()) % 7
    if strict and delta == 0:
        delta = 7
    return ref + timedelta(days=delta * (1 if direction > 0 else -1))


def weekday_nearest(d: date, weekday: int) -> date:
    """The ``weekday`` (ISO 1-7) nearest ``d``: at most three days before or after it."""
    delta = (weekday - d.isoweekday()) % 7
    return d + timedelta(days=delta if delta <= 3 else delta - 7)


def weekend_of(d: date) -> str:
    return at_unit(d, "W") + "-WE"


def duration(num: float | int | str, unit: str) -> str:
    """``P7Y``, ``PT24H``, ``P1.5Y``, ``PT30M`` for half an hour, ``PXD`` for a vague amount."""
    if num == "X":
        return f"PTX{'M' if unit == 'MIN' else unit}" if unit in ("H", "MIN", "S") else f"PX{unit}"
    num, unit = _whole(float(num), unit)
    if unit == "Q":
        num, unit = num * 3, "M"
    text = f"{int(num)}" if num == int(num) else f"{num:g}"
    if unit in ("H", "MIN", "S"):
        return f"PT{text}{'M' if unit == 'MIN' else unit}"
    return f"P{text}{unit}"


_SMALLER = {"CE": ("Y", 100), "DE": ("Y", 10), "H": ("MIN", 60), "MIN": ("S", 60)}


def _whole(num: float, unit: str) -> tuple[float, str]:
    """Fractions of a clock unit, decade or century move to a smaller unit when that makes them
    whole (0.5 H -> PT30M, 0.25 CE -> P25Y); others stay decimal (P1.5Y)."""
    if num != int(num) and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        if (num * factor) == int(num * factor):
            return num * factor, smaller
    return num, unit


def clock(hour: int, minute: int | None, second: int | None, zone: str | None) -> str:
    """``T22:25``, ``T22:25:10+07:00``."""
    out = f"T{hour:02d}:{minute or 0:02d}"
    if second:
        out += f":{second:02d}"
    return out + (zone or "")


def hour_in_part(hour: int, hours: list[int] | None) -> int:
    """``9`` with "malam" (18-24) is 21; ``2`` with "dini hari" (0-4) stays 2."""
    if not hours or hour > 12:
        return hour
    low, high = hours
    if low <= hour <= high:
        return hour
    return hour + 12 if low <= hour + 12 <= high else hour


# How coarse a precision is: an expression counted from "the time mentioned before" counts from
# the last one at least as fine as its own unit ("setahun sebelumnya" after "Pada 2012": 2011).
RANK = {"second": 0, "minute": 0, "hour": 0, "part_of_day": 0, "day": 0, "week": 1, "month": 2, "quarter": 3,
        "half_year": 3, "year": 4, "decade": 5, "century": 6}
UNIT_RANK = {"S": 0, "MIN": 0, "H": 0, "D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4, "DE": 5, "CE": 6}


def start_of(value: str, precision: str | None) -> date | None:
    """The first day of a resolved value (``2022-W02`` -> 10 January 2022); None if not absolute."""
    try:
        if precision in ("second", "minute", "hour", "part_of_day", "day"):
            return date.fromisoformat(value[:10])
        if precision == "week":
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        if precision == "month":
            return date(int(value[:4]), int(value[5:7]), 1)
        if precision == "quarter":
            return date(int(value[:4]), 3 * int(value[6]) - 2, 1)
        if precision == "year":
            return date(int(value[:4]), 1, 1)
    except (ValueError, IndexError):
        return None
    return None
