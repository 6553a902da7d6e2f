"""Resolve tagged mentions to TimeML types and TIMEX3 values.

Each mention's kind (``date``, ``relative``, ``offset``, ``duration``, ``set``,
``clock``, ``reference``) has its resolver. Relative values need a reference
(:class:`~kronologi.temporal.reference.Reference`); without one, or with one too
coarse for the expression, the value stays underspecified (``XXXX-01-02``,
``XXXX-WXX-1``, ``XXXX-XX-XX``) rather than guessed.

Context used, beyond the words:

* **tense** of the clause (``tense.py``) for a bare weekday, month or day/month;
* **the article's own weekdays**: a bare weekday with no tense cue takes the
  date an earlier mention of the same weekday was given when that date is
  after the reference (``Pada hari Minggu, X akan ...`` then ``... pada hari
  Minggu``);
* **the time just mentioned** for ``dua hari kemudian`` / ``the next day``;
* **the day of the sentence** for a clock time (``pukul 07.00 WIB pada hari Minggu``), else of
  the paragraph's last dated expression before it, else the reference day, unless the time is
  later than the reference's own and not in a future clause (then the last day mentioned before,
  or the day before the reference); a day after "since" is the start of a state, not the day of a
  clock time outside its phrase (``wafat pukul 18.05 setelah dirawat sejak 1 September``).

Resolution runs in three passes over the mentions in text order: everything but
bare weekdays and clock times, then bare weekdays, then clock times.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from kronologi.temporal import values
from kronologi.temporal.reference import Reference
from kronologi.temporal.tagger import Mention
from kronologi.temporal.tense import FUTURE, PAST, Clauses

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"
FUTURE_WEIGHT = 3  # a future day with no tense cue counts as three days of the past (``_news_distance``)
_APPOSED = re.compile(r"\s*[,(]\s*")  # what stands between a relative day and the date that restates it
TYPO_NEAR_DAYS = 7  # how near the reference a date corrected for its weekday must lie (``_one_field_typo``)


@dataclass
class TimeMention:
    """One temporal expression: offsets into the text, TimeML type, TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    precision: str | None = None  # second | minute | hour | part_of_day | day | week | month | quarter | year ...
    mod: str | None = None  # START | MID | END | APPROX | MORE_THAN | ...
    note: str | None = None  # how the value departs from the words: corrected.weekday

    def to_dict(self) -> dict[str, Any]:
        out = {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
               "value": self.value, "precision": self.precision, "mod": self.mod}
        return out | ({"note": self.note} if self.note else {})

    @property
    def day(self) -> date | None:
        """The calendar day of a day- (or finer-) precision value, else None."""
        if self.precision not in ("day", "part_of_day", "hour", "minute", "second") or "X" in self.value[:10]:
            return None
        try:
            return date.fromisoformat(self.value[:10])
        except ValueError:
            return None


class Resolver:
    """Resolves the mentions of one text against one reference."""

    def __init__(self, text: str, lang: str | None, ref: Reference | None, clauses: Clauses | None = None):
        self.text, self.ref = text, ref
        self.today = ref.date if ref else None
        self.clauses = clauses or Clauses(text, lang)
        self.weekdays: dict[int, list[tuple[int, date]]] = {}
        self.anchors: list[tuple[int, date, int]] = []  # (offset, first day, precision rank) of each resolved date
        self.agos: list[tuple[int, date, str]] = []  # (offset, first day, precision) of "a week ago"...
        self._starts: list[int] | None = None  # the starts of the mentions being resolved, when in order

    def resolve_all(self, mentions: list[Mention]) -> list[TimeMention]:
        self.clauses.ignore([(tm.start, tm.end) for tm in mentions])
        out: list[TimeMention | None] = [None] * len(mentions)
        starts = [tm.start for tm in mentions]
        self._starts = starts if all(a <= b for a, b in zip(starts, starts[1:])) else None
        late = ("clock", "narrated")
        # a day named from the one before it ("the next day", "keesokan harinya") waits for the bare weekdays,
        # which wait for the rest: "on Monday ... the next day" is Tuesday, whatever day the article is of
        passes = (lambda tm: tm.kind not in late and not self._bare_weekday(tm) and not _anchored(tm),
                  self._bare_weekday, lambda tm: tm.kind not in late and _anchored(tm), lambda tm: tm.kind in late)
        for wanted in passes:
            for i, tm in enumerate(mentions):
                if wanted(tm):
                    out[i] = self.resolve(tm, out)
        self._appositions(mentions, out)
        return [r for r in out if r is not None]

    def _appositions(self, mentions: list[Mention], out: list[TimeMention | None]) -> None:
        """A relative day restated by the date right after it ("sehari kemudian, 22 November", "the
        next day, 22 November") is that date: the words name it twice."""
        for k in range(len(out) - 1):
            rel, named = out[k], out[k + 1]
            if rel is None or named is None or mentions[k].kind != "offset" or named.day is None \
                    or mentions[k + 1].kind != "date" or not _APPOSED.fullmatch(self.text[rel.end:named.start]):
                continue
            rel.value, rel.precision = named.value, named.precision

    def resolve(self, tm: Mention, done: list[TimeMention | None] | None = None) -> TimeMention | None:
        handler = getattr(self, f"_{tm.kind}")
        found = handler(tm, done or []) if tm.kind in ("clock", "narrated") else handler(tm)
        if found is None:
            return None
        kind, value, precision = found
        result = TimeMention(tm.start, tm.end, self.text[tm.start:tm.end], kind, value, precision, tm.fields.get("mod"),
                            tm.fields.get("note"))
        if tm.kind not in ("clock", "narrated") and not tm.fields.get("anchor") and "X" not in value:
            first = values.start_of(value, precision)
            if first:
                self.anchors.append((tm.start, first, values.RANK[precision]))
                if tm.kind == "offset" and first < (self.today or first):
                    self.agos.append((tm.start, first, precision))
        return result

    # --- dates ---------------------------------------------------------------

    def _date(self, tm: Mention):
        f = tm.fields
        if "decade" in f:
            return DATE, f"{f['decade'] // 10:03d}", "decade"
        if tm.rule == "century" and isinstance(f.get("num"), int):
            return DATE, f"{f['num'] - 1:02d}", "century"
        if tm.rule in ("quarter", "half_year") and "ordinal" in f:
            return self._part_of_year(tm)
        if "holiday" in f:
            f["month"], f["day"] = (int(x) for x in f["holiday"].split("-"))
        if "day" in f and "month" in f:
            day_value = self._day_month(tm)
            return self._with_time(tm, day_value) if day_value else None  # "30 Februari" is no date
        if "month" in f:
            return DATE, self._month(tm), "month"
        if "day" in f:
            return DATE, self._day_only(tm), "day"
        if "year" in f:
            return DATE, f"{f['year']:04d}", "year"
        if "weekday" in f:
            return self._with_time(tm, self._weekday(tm))
        return None

    def _with_time(self, tm: Mention, day_value: str):
        f = tm.fields
        if "hour" in f:
            hour = values.hour_in_part(_hour24(f["hour"], f.get("ampm")), (f.get("part") or {}).get("hours"))
            return TIME, day_value + values.clock(hour, f.get("minute"), f.get("second"), f.get("zone")), \
                "second" if f.get("second") else "minute"
        if f.get("part"):
            return TIME, f"{day_value}T{f['part']['code']}", "part_of_day"
        return DATE, day_value, "day"

    def _day_month(self, tm: Mention) -> str:
        f = tm.fields
        month, day, year = f["month"], f["day"], f.get("year")
        if year is None and "yrel" in f and self.ref:
            year = self.ref.year + f["yrel"]
        written_year = year is not None
        if year is None:
            year = self._year_of_day(tm, month, day)
        if not values.make_date(year if year is not None else 2000, month, day):  # 2000: a leap year
            return None
        if year is None:
            return f"XXXX-{month:02d}-{day:02d}"
        written = date(year, month, day)
        checked = self._weekday_checked(tm, written, written_year)
        if checked != written:
            tm.fields["note"] = "corrected.weekday"
        return checked.isoformat()

    def _year_of_day(self, tm: Mention, month: int, day: int) -> int | None:
        if self.today is None:
            return self._year_of_day_in_window(month)
        cands = [d for y in (self.today.year - 1, self.today.year, self.today.year + 1)
                 if (d := values.make_date(y, month, day))]
        if not cands:  # 29 February far from a leap year
            return None
        cands = self._directed(cands, self._direction(tm), lambda d: d, self.today) or cands
        return min(cands, key=self._news_distance).year

    def _year_of_day_in_window(self, month: int) -> int | None:
        """With a reference known only to its year or month (an undated article placed on its story's
        calendar), a day and month take the reference's year — or, with a month known, the year that
        puts the month nearest before or at it ("28 December" read in January is last year's)."""
        if self.ref is None:
            return None
        if self.ref.month is None:
            return self.ref.year
        months = {y: (self.ref.year - y) * 12 + self.ref.month - month for y in (self.ref.year - 1, self.ref.year,
                                                                                 self.ref.year + 1)}
        return min(months, key=lambda y: -months[y] * FUTURE_WEIGHT if months[y] < 0 else months[y])

    def _news_distance(self, d: date) -> int:
        """Days from the reference, a future day counting thrice: news with no tense cue narrates the past
        ("the coup on February 1", written in August, is the last February 1, not the next)."""
        days = (d - self.today).days
        return days * FUTURE_WEIGHT if days > 0 else -days

    # --- a weekday that contradicts its date -----------------------------------

    def _weekday_checked(self, tm: Mention, written: date, written_year: bool) -> date:
        """The date of ``Senin (7/2)``, ``Senin (6/1/2023)``: when the weekday and the date disagree, or
        the date lies weeks after the reference in a clause not about the future, the weekday decides.

        A date that differs in one field (month or year) from a day within a few days of the reference
        that has the written weekday is that day (a typo of the month); else a date without a written
        year takes the weekday nearest it; a written full date with a wrong weekday stays as written.
        """
        weekday = tm.fields.get("weekday")
        if weekday is None or self.today is None:
            return written
        fits = written.isoweekday() == weekday
        days = (written - self.today).days
        suspicious = not fits or (days > TYPO_NEAR_DAYS and self.clauses.tense(tm.start, tm.end) != FUTURE)
        if not suspicious:
            return written
        if abs(days) > TYPO_NEAR_DAYS:
            near = self._one_field_typo(written, weekday)
            if near:
                return near
        if fits or written_year:
            return written
        return values.weekday_nearest(written, weekday)

    def _one_field_typo(self, written: date, weekday: int) -> date | None:
        """A day near the reference with ``weekday`` whose date differs from ``written`` only in the
        month or only in the year."""
        cands = [values.make_date(written.year, (self.today.month + k - 1) % 12 + 1, written.day) for k in (-1, 0, 1)]
        cands.append(values.make_date(self.today.year, written.month, written.day))
        near = [d for d in cands if d and d != written and d.isoweekday() == weekday
                and abs((d - self.today).days) <= TYPO_NEAR_DAYS]
        return min(near, key=lambda d: abs((d - self.today).days)) if near else None

    def _month(self, tm: Mention) -> str:
        f = tm.fields
        month, year = f["month"], f.get("year")
        if year is None and "yrel" in f and self.ref:
            year = self.ref.year + f["yrel"]
        if year is None and self.ref and self.ref.month:
            year = self._year_of_month(tm, month)
        return f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"

    def _year_of_month(self, tm: Mention, month: int) -> int:
        now = (self.ref.year, self.ref.month)
        rel = tm.fields.get("rel")
        if rel == 0:
            return self.ref.year
        cands = [(y, month) for y in (self.ref.year - 1, self.ref.year, self.ref.year + 1)]
        direction = self._direction(tm) or -1  # news: a bare month is a past one
        strict = rel is not None
        chosen = self._directed(cands, direction, lambda c: c, now, strict)
        return (max(chosen) if direction < 0 else min(chosen))[0]

    def _day_only(self, tm: Mention) -> str:
        day = tm.fields["day"]
        if self.today is None:
            return f"XXXX-XX-{day:02d}"
        this = self.today.replace(day=1)
        cands = [d for k in (-1, 0, 1) if (m := values.add_months(this, k)) and
                 (d := values.make_date(m.year, m.month, day))]
        cands = self._directed(cands, self._direction(tm), lambda d: d, self.today) or cands
        return min(cands, key=lambda d: abs((d - self.today).days)).isoformat()

    def _weekday(self, tm: Mention) -> str:
        f = tm.fields
        weekday = f["weekday"]
        if self.today is None:
            return f"XXXX-WXX-{weekday}"
        rel = f.get("rel")
        if rel == 0:
            monday = values.weekday_near(self.today, 1, -1)
            return values.shift(monday, "D", weekday - 1).isoformat()
        if rel is not None:
            return values.weekday_near(self.today, weekday, rel, strict=True).isoformat()
        tense = self.clauses.tense(tm.start, tm.end)
        ago = self._ago_before(tm) if tense != FUTURE else None
        if ago:
            return ago
        remembered = self._remembered(weekday, tm.start) if tense is None else None
        if remembered:
            return remembered.isoformat()
        found = values.weekday_near(self.today, weekday, 1 if tense == FUTURE else -1)
        if found > self.today:
            self.weekdays.setdefault(weekday, []).append((tm.start, found))
        return found.isoformat()

    def _ago_before(self, tm: Mention) -> str | None:
        """``ten days ago, late on Friday``: a weekday after a past offset in its sentence is
        the one of that week (or the last one on or before that day)."""
        left, _ = self.clauses.sentence(tm.start, tm.end)
        found = [(first, precision) for pos, first, precision in self.agos if left <= pos < tm.start]
        if not found:
            return None
        first, precision = found[-1]
        weekday = tm.fields["weekday"]
        if precision == "week":
            return values.shift(first, "D", weekday - 1).isoformat()
        return values.weekday_near(first, weekday, -1).isoformat() if precision == "day" else None

    def _remembered(self, weekday: int, pos: int) -> date | None:
        earlier = [d for p, d in self.weekdays.get(weekday, []) if p < pos]
        return earlier[-1] if earlier else None

    def _bare_weekday(self, tm: Mention) -> bool:
        f = tm.fields
        return tm.kind == "date" and "weekday" in f and "day" not in f and "rel" not in f

    def _part_of_year(self, tm: Mention):
        f = tm.fields
        year = f.get("year")
        if year is None and self.ref:
            year = self.ref.year + f.get("yrel", 0)
        prefix = f"{year:04d}" if year is not None else "XXXX"
        if tm.rule == "half_year":
            return DATE, f"{prefix}-H{f['ordinal']}", "half_year"
        return DATE, f"{prefix}-Q{f['ordinal']}", "quarter"

    # --- relative to the reference -------------------------------------------

    def _relative(self, tm: Mention):
        f = tm.fields
        if "relday" in f:
            day = self._shift_day(f["relday"])
            if f.get("part") and self.ref and self.ref.hour is not None and f["relday"] == -1 \
                    and self.ref.hour >= 18 and f["part"]["code"] == "NI":
                day = self._shift_day(0)  # "tadi malam" written in the evening is this evening
            return self._with_time(tm, day)
        if f.get("weekend"):
            return DATE, self._weekend(tm), "week"
        unit = f.get("unit")
        if unit is None:
            return None
        return DATE, self._unit_shift(unit, f.get("rel", 0), self.today), values.PRECISION.get(unit)

    def _shift_day(self, days: int) -> str:
        moved = values.shift(self.today, "D", days) if self.today else None
        return moved.isoformat() if moved else "XXXX-XX-XX"

    def _unit_shift(self, unit: str, n: int, base: date | None) -> str:
        if base is None and self.ref is not None and unit in ("Y", "DE", "CE"):
            base = date(self.ref.year, 1, 1)
        if base is None and self.ref is not None and self.ref.month and unit in ("M", "Q"):
            base = date(self.ref.year, self.ref.month, 1)
        if base is None:
            return values.UNDERSPECIFIED.get(unit, "XXXX-XX-XX")
        moved = values.shift(base, unit, n)
        if moved is None:  # beyond the calendar
            return "PAST_REF" if n < 0 else "FUTURE_REF"
        return values.at_unit(moved, unit)

    def _weekend(self, tm: Mention) -> str:
        if self.today is None:
            return "XXXX-WXX-WE"
        rel = tm.fields.get("rel")
        weekday = self.today.isoweekday()
        if rel is None:
            tense = self.clauses.tense(tm.start, tm.end)
            this_week = weekday >= 6 if tense == PAST else weekday <= 6 if tense == FUTURE else weekday >= 4
            rel = 0 if this_week else (-1 if tense != FUTURE else 1)
        return values.weekend_of(values.shift(self.today, "W", rel))

    # --- offsets, durations, sets, clocks, references -----------------------

    def _offset(self, tm: Mention):
        f = tm.fields
        if "anchorday" in f:
            f["num"], f["unit"], f["anchor"] = abs(f["anchorday"]), "D", 1 if f["anchorday"] > 0 else -1
        unit, num = f.get("unit"), f.get("num")
        if unit is None or num is None:
            return None
        direction = f.get("direction") or f.get("anchor") or -1
        if num == "X":
            return DATE, "PAST_REF" if direction < 0 else "FUTURE_REF", None
        base = self._anchor(unit, tm.start) if "anchor" in f else self.today
        return self._shifted(unit, num * direction, base)

    def _anchor(self, unit: str, pos: int) -> date | None:
        """The last time mentioned before ``pos`` at least as precisely as ``unit``, else the reference day."""
        rank = values.UNIT_RANK.get(unit, 0)
        fitting = [(at, d) for at, d, r in self.anchors if r <= rank and at < pos]
        return max(fitting, key=lambda f: f[0])[1] if fitting else self.today

    def _shifted(self, unit: str, amount: float, base: date | None):
        if unit in ("H", "MIN", "S"):
            moment = self.ref.moment if self.ref and base == self.today else None
            if moment is None:
                return DATE, base.isoformat() if base else "XXXX-XX-XX", "day"
            moved = values.shift_time(moment, unit, amount)
            if moved is None:
                return DATE, "PAST_REF" if amount < 0 else "FUTURE_REF", None
            return TIME, moved.strftime("%Y-%m-%dT%H:%M") + (self.ref.zone or ""), "minute"
        if amount != int(amount):
            amount, unit = amount * (12 if unit == "Y" else 30 if unit == "M" else 7 if unit == "W" else 1), \
                {"Y": "M", "M": "D", "W": "D"}.get(unit, unit)
        return DATE, self._unit_shift(unit, int(round(amount)), base), values.PRECISION.get(unit)

    def _duration(self, tm: Mention):
        f = tm.fields
        if f.get("unit") is None:
            return None
        num = "X" if tm.rule == "duration_range" else f.get("num", 1)
        return DURATION, values.duration(num, f["unit"]), None

    def _set(self, tm: Mention):
        f = tm.fields
        if "weekday" in f:
            return SET, f"XXXX-WXX-{f['weekday']}", None
        if f.get("part"):
            return SET, f"XXXX-XX-XXT{f['part']['code']}", None
        if f.get("unit"):
            num = f.get("num", 1)
            return SET, values.duration(1 if num == "X" else num, f["unit"]), None
        return None

    def _reference(self, tm: Mention):
        return (DATE, tm.fields["ref"], None) if "ref" in tm.fields else None

    def _clock(self, tm: Mention, done: list[TimeMention | None]):
        f = tm.fields
        if "hour" not in f:
            return None
        hour = values.hour_in_part(_hour24(f["hour"], f.get("ampm")), (f.get("part") or {}).get("hours"))
        day = self._day_of_sentence(tm, done)
        precision = "second" if f.get("second") else "minute" if "minute" in f else "hour"
        return TIME, day + values.clock(hour, f.get("minute"), f.get("second"), f.get("zone")), precision

    def _day_of_sentence(self, tm: Mention, done: list[TimeMention | None]) -> str:
        """The day of the nearest dated expression in the sentence, else of the last one before it
        in the paragraph, else the reference day."""
        near = self._days_of_sentence(tm, done)
        if near:
            return min(near, key=lambda r: abs(r.start - tm.start)).value[:10]
        paragraph = self.text.rfind("\n", 0, tm.start) + 1
        before = self._last_dated_before(done, tm.start, tm)
        if before and before.start >= paragraph:
            return before.value[:10]
        if self._after_reference(tm):  # "dimulai pukul 20.00" in a story published at 09:10
            if before:
                return before.value[:10]
            return values.shift(self.today, "D", -1).isoformat()
        return self.today.isoformat() if self.today else "XXXX-XX-XX"

    def _narrated(self, tm: Mention, done: list[TimeMention | None]):
        """``sore harinya``, ``hari yang sama``, ``saat itu``: the day (or time) the text is telling of."""
        f = tm.fields
        if f["narrated"] == "then":
            return self._then(tm, done)
        day = self._narrated_day(tm, done)
        if f["narrated"] == "day":
            return DATE, day, "day"
        return TIME, f"{day}T{f['part']['code']}", "part_of_day"

    def _narrated_day(self, tm: Mention, done: list[TimeMention | None]) -> str:
        """The day named in the sentence, else the last day named before, else the reference day in a
        past clause."""
        near = self._days_of_sentence(tm, done)
        if near:
            return min(near, key=lambda r: abs(r.start - tm.start)).value[:10]
        before = self._last_dated_before(done, tm.start, tm)
        if before:
            return before.value[:10]
        if self.today and self.clauses.tense(tm.start, tm.end) == PAST:
            return self.today.isoformat()
        return "XXXX-XX-XX"  # "sarapan di pagi hari": a habit, no day

    def _then(self, tm: Mention, done: list[TimeMention | None]):
        """The last absolute time named in this sentence or the one before, else the past."""
        left, _ = self.clauses.sentence(tm.start, tm.end)
        previous = self.clauses.sentence(left - 1, left - 1)[0] if left > 0 else left
        named = [r for r in self._between(done, previous, tm.start) if r.end <= tm.start
                 and r.type in (DATE, TIME) and r.precision and "X" not in r.value and r.value[:1].isdigit()]
        if named:
            return named[-1].type, named[-1].value, named[-1].precision
        return DATE, "PAST_REF", None

    def _between(self, done: list[TimeMention | None], lo: int, hi: int) -> list[TimeMention]:
        """The resolved mentions of ``done`` that start in ``[lo, hi]``, in order; bisected when ``done``
        follows mentions in text order (a long text has thousands: no scan of them all per clock time)."""
        if self._starts is not None and len(done) == len(self._starts):
            done = done[bisect.bisect_left(self._starts, lo):bisect.bisect_right(self._starts, hi)]
        return [r for r in done if r is not None and lo <= r.start <= hi]

    def _days_of_sentence(self, tm: Mention, done: list[TimeMention | None]) -> list[TimeMention]:
        """The resolved days of the sentence of ``tm`` that it may fall on: not one that starts a state
        after "since" which ``tm`` is no part of (``Clauses.in_another_span``)."""
        left, right = self.clauses.sentence(tm.start, tm.end)
        return [r for r in self._between(done, left, right) if r.day and r.end <= right
                and not self.clauses.in_another_span((r.start, r.end), (tm.start, tm.end))]

    def _last_dated_before(self, done: list[TimeMention | None], pos: int,
                           tm: Mention | None = None) -> TimeMention | None:
        """The last resolved mention of ``done`` with a day that ends by ``pos``, walking back from ``pos``
        (passing over a day that starts a state after "since" which ``tm`` is no part of)."""
        ordered = self._starts is not None and len(done) == len(self._starts)
        k = bisect.bisect_right(self._starts, pos) if ordered else len(done)
        for i in range(k - 1, -1, -1):
            r = done[i]
            if r is not None and r.day and r.end <= pos and not (
                    tm is not None and self.clauses.in_another_span((r.start, r.end), (tm.start, tm.end))):
                return r
        return None

    def _after_reference(self, tm: Mention) -> bool:
        """A clock time later in the day than the reference, in a clause not about the future."""
        f, moment = tm.fields, self.ref.moment if self.ref else None
        if moment is None:
            return False
        hour = values.hour_in_part(_hour24(f["hour"], f.get("ampm")), (f.get("part") or {}).get("hours"))
        later = (hour, f.get("minute") or 0) > (moment.hour, moment.minute)
        return later and self.clauses.tense(tm.start, tm.end) != FUTURE

    # --- tense -----------------------------------------------------------------

    def _direction(self, tm: Mention) -> int | None:
        rel = tm.fields.get("rel")
        if rel:
            return rel
        tense = self.clauses.tense(tm.start, tm.end)
        return 1 if tense == FUTURE else -1 if tense == PAST else None

    @staticmethod
    def _directed(cands: list, direction: int | None, key, now, strict: bool = False) -> list:
        if direction is None:
            return cands
        if direction < 0:
            return [c for c in cands if (key(c) < now if strict else key(c) <= now)]
        return [c for c in cands if (key(c) > now if strict else key(c) >= now)]


def _hour24(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    return hour % 12 + (12 if ampm == "p" else 0)


def _anchored(tm: Mention) -> bool:
    """A time counted from the one mentioned before it ("dua hari kemudian", "the next day")."""
    return tm.kind == "offset" and ("anchor" in tm.fields or "anchorday" in tm.fields)


def resolve_mentions(text: str, lang: str | None, mentions: list[Mention], ref: Reference | None,
                     clauses: Clauses | None = None) -> list[TimeMention]:
    return Resolver(text, lang, ref, clauses).resolve_all(mentions)


