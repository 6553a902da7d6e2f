"""``as_of``: the date a figure refers to, from the temporal layer.

Among the dates and times of the figure's sentence, the one that dates the
statement or the count wins: right after the claimant's reporting verb
(``kata X pada Senin``, ``said on Sunday``), or after an as-of word (``hingga
Selasa``, ``per pukul 10.30``, ``as of Monday``); else the one nearest the figure.
A date that opens the sentence before the figure, a comma after it (``Sebelumnya, Kamis (16/3), korban ...
14 orang``), frames the count and dates it too.
A date after ``since``/``sejak``/``from`` is when counting began, not the count's day.
Times after the article's publication are skipped (``Pada hari Minggu, ... akan``
speaks of an election to come, not of the figure). Without one, the article's
published date. Values are ISO dates (``2022-10-02``) or datetimes with a clock
(``2022-10-02T10:30``); a part of day (``TNI``, night) is kept apart, in ``part``.
"""

from __future__ import annotations

import bisect
import re
from datetime import datetime, timedelta, timezone
from typing import Any

_ISO = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T(\d{2}:\d{2})|T(MO|AF|EV|NI))?(?![\w-])")
_AS_OF = re.compile(r"(?i)(?:hingga|sampai|per|as\s+of|by|until|to)\s*$")
# when counting began ("since the 1 February coup", "from 1 February to ..."), not the count's day
_SINCE = re.compile(r"(?i)(?<![\w-])(?:sejak|semenjak|mulai|dari|since|from)\s+(?:the\s+|tanggal\s+)?$")
# words that may stand before a date that frames its sentence ("Sebelumnya, Kamis (16/3), korban ... 14 orang",
# "On Thursday, the toll stood at 14"): the date is the count's, as a stated one is
_FRAMING = re.compile(r"(?i)^[^\w]*(?:(?:sebelumnya|semula|awalnya|pada|hari|earlier|previously|initially|on)"
                      r"(?![\w])[\s,]*){0,2}$")
HOME_ZONE = "+07:00"  # the clock the dates step reads stories on (WIB)
_PARTS = {"MO": 1, "AF": 2, "EV": 3, "NI": 4}
_OWN_REACH = 40  # characters from an as-of time to the count it dates


def iso(value: str | None) -> tuple[str | None, str | None]:
    """``2022-10-02TNI`` -> (``2022-10-02``, ``NI``); ``2022-10-02T10:30`` kept; others -> (None, None)."""
    m = _ISO.match(value or "")
    if not m:
        return None, None
    if m.group(2):
        return f"{m.group(1)}T{m.group(2)}", None
    return m.group(1), m.group(3)


def _in_sentence(times: list[dict[str, Any]], sent: tuple[int, int]) -> list[dict[str, Any]]:
    """The times starting in ``sent``, by bisection: ``times`` are sorted by start (``Context.times`` is),
    so a long document's figures are dated in linear time."""
    lo = bisect.bisect_left(times, sent[0], key=_start)
    return times[lo:bisect.bisect_left(times, sent[1], lo=lo, key=_start)]


def _start(tm: dict[str, Any]) -> int:
    return tm["start"]


def as_of(text: str, times: list[dict[str, Any]], sent: tuple[int, int], pos: int,
          claim: tuple[int, int] | None, published: str | None, zone: str = HOME_ZONE) -> dict[str, str | None]:
    """``{"as_of", "part", "raw"}`` for a figure at ``pos``; ``claim``: its claimant phrase's span;
    ``times``: the document's, sorted by start.

    ``raw`` keeps an underspecified value (``XXXX-WXX-7``: a Sunday) the ledger may anchor later.

    A stated or cued time wins; a time a year or more before publication dates a past
    event (``In 1964, ...``); else the publication date (the count as the article gives it).
    Undated articles take the nearest time of the sentence; one known only to its month, the nearest
    that is not before that month (unless stated or cued).
    """
    day = local_date(published, zone)
    times = _in_sentence(times, sent)
    future_ok = not re.search(r"(?i)(?<![\w])(?:akan|will|bakal)(?![\w])", text[sent[0]:sent[1]])
    raw = next((tm.get("value") for tm in sorted(times, key=lambda t: abs(t["start"] - pos))
                if sent[0] <= tm["start"] < sent[1] and tm.get("type") in ("DATE", "TIME")
                and iso(tm.get("value"))[0] is None), None) if future_ok else None
    candidates = []
    for tm in times:
        if not (sent[0] <= tm["start"] < sent[1]) or tm.get("type") not in ("DATE", "TIME"):
            continue
        if _SINCE.search(text[max(0, tm["start"] - 20):tm["start"]]):
            continue  # "arrested since the 1 February coup": the count runs from that day, it is not of it
        value, part = iso(tm.get("value"))
        if value is None and tm.get("value") == "PRESENT_REF" and day:
            value = day
        if value is None or (day and value[:10] > day and not future_ok):
            continue
        candidates.append((tm, value, part))
    month = published if published and re.fullmatch(r"\d{4}-\d{2}", published) else None
    picked = _pick(text, candidates, pos, claim, sent, day, month)
    value, part = picked[1:] if picked else (day, None)
    # "hingga kini", "so far": the text names the article's own day, no day of its own
    stated = picked is not None and picked[0].get("value") != "PRESENT_REF"
    return {"as_of": value, "part": part, "raw": raw if value is None else None,
            "basis": "text" if stated else ("published" if day else None)}


def cued_as_of(text: str, start: int) -> bool:
    """An as-of word stands right before ``start`` ("hingga Selasa", "per pukul 10.30", "as of Monday")."""
    return bool(_AS_OF.search(text[max(0, start - 12):start]))


def _pick(text: str, candidates, pos: int, claim, sent, day: str | None, month: str | None = None):
    def stated(tm):
        """Right after the claimant (``kata X pada Senin``) or framing its sentence (``Pada hari Ahad, X ...``)."""
        return claim is not None and (0 <= tm["start"] - claim[1] <= 40
                                      or sent[0] <= tm["start"] < claim[0] < pos)

    def cued(tm):
        return cued_as_of(text, tm["start"]) or framing(tm)

    def framing(tm):
        """The date opens the sentence, a comma after it, before the figure (``Pada Kamis (16/3), ...``)."""
        return tm["end"] <= pos and bool(_FRAMING.match(text[sent[0]:tm["start"]])) \
            and bool(re.match(r"[^\w,]{0,3},", text[tm["end"]:tm["end"] + 4]))

    def own(tm):
        """An as-of word in the count's own words, right before it ("Data kami sampai Senin malam ada 112 orang"):
        the day of the count, whatever day it was told on."""
        return cued(tm) and 0 <= pos - tm["end"] <= _OWN_REACH and not re.search(r"[;!?]|\.(?!\d)", text[tm["end"]:pos])

    ranked = sorted(candidates, key=lambda c: (not own(c[0]), not stated(c[0]), not cued(c[0]),
                                               abs(c[0]["start"] - pos)))
    for tm, value, part in ranked:
        if day is None and month and value[:7] < month and not (stated(tm) or cued(tm)):
            continue  # an article known to its month: a day before it is a happening it recalls ("the Feb. 1 coup")
        if stated(tm) or cued(tm) or day is None or _historic(value, day) or value[:10] > day:
            return tm, value, part  # a date after publication: an update note ("Update, Nov. 2: ...")
    return next(((tm, value, part) for tm, value, part in ranked if value[:10] == day and tm.get("value") != "PRESENT_REF"),
                None)  # the sentence names its article's own day ("tiba pada Minggu (9/1)"): the text dates it


def _historic(value: str, day: str) -> bool:
    """About a year or more before publication: a past event, not the story's count."""
    return past_event(value, day)


def past_event(value: str | None, day: str | None) -> bool:
    """Whether ``value`` (``2001``, ``2021-03``, ``2021-12-28``) lies some ten months or more before ``day``."""
    if not value or not day or not value[:4].isdigit():
        return False
    months = (int(day[:4]) - int(value[:4])) * 12 + int(day[5:7] or 1) - int((value[5:7] or "12"))
    return months >= 10


def local_date(published: str | None, zone: str = HOME_ZONE) -> str | None:
    """The publication day on the story's clock (``2022-10-01T23:58-04:00`` is 2 October in WIB)."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published[:10] if re.match(r"\d{4}-\d{2}-\d{2}", published) else None
    if moment.tzinfo is None or len(published) <= 10:
        return published[:10]
    hours, minutes = int(zone[1:3]), int(zone[4:6])
    sign = -1 if zone[0] == "-" else 1
    return moment.astimezone(timezone(sign * timedelta(hours=hours, minutes=minutes))).date().isoformat()


def part_rank(part: str | None) -> int:
    """Order of parts of the day (morning before night), 0 when unknown."""
    return _PARTS.get(part or "", 0)
