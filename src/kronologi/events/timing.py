"""When an event happened: temporal mentions -> event dates, and the attachment of dates to triggers.

A usable time is a DATE or TIME mention of the temporal layer whose TIMEX3 value
names a calendar date (``2022-01-10``, ``2022-01-10TNI``, ``2022-W01``,
``2022-01``, ``2022``, ``2022-Q1``); durations, sets, ``PRESENT_REF`` and
underspecified values (``XXXX-WXX-1``) are no dates. An event date is ISO 8601
at its precision: ``2022-01-10`` (day; clock times and parts of day fold into
the day), ``2022-01-03`` (week ``2022-W01``, written as its Monday; a weekend as its
Saturday), ``2022-01`` (month), ``2022`` (year; quarters, halves and seasons fold
into the year). The TIMEX3 value stays in the event's ``timex``.

Attachment (``attach``) pairs triggers and times of one sentence:

1. each time goes to the nearest trigger of its clause, one each, nearest pairs
   first (a time after the trigger and a verb are preferred on ties);
2. times left in a clause without a predicate of their own go to the triggers
   left before them, nearest first ("... dalam kericuhan seusai laga ..., Sabtu malam");
3. a trigger still without a date shares the date of the nearest dated trigger
   of its clause, at most ``SHARE_WORDS`` words away with no punctuation or reporting
   verb between ("127 orang meninggal dalam kericuhan ... Sabtu malam": the deaths
   take the riot's night), except a saying (its date is the saying's own),
   except a date that is part of a noun's own phrase ("charged in connection
   with the 1 March coup": the coup's date, not the charges'), and except where
   that date lies after publication while the trigger is no future or
   hypothetical event.

A noun takes a time only with no punctuation between them, and step 2 takes
only times whose clause has no predicate of its own, after the trigger.

A time after "since" (``opens_span``: "dirawat sejak 1 September") dates the start of the
state it opens, and nothing else: only the trigger right before it takes it (with no other
predicate between them, "wafat ... setelah menjalani perawatan sejak Senin" gives the death
nothing), or the trigger after a "since" phrase that opens the sentence ("Sejak Senin, warga
mengungsi"); a saying never takes it, and no trigger shares it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Protocol

from kronologi.temporal.names import NAME_NOTES
from kronologi.temporal.reference import Reference, ReferenceDateError

_VALUE_RE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|(?:Q[1-4]|H[12]|SP|SU|FA|WI)))?(?=$|[-T])")
USABLE_TYPES = ("DATE", "TIME")
BACKGROUND_DAYS = 365
SHARE_WORDS = 6  # a trigger shares the date of a dated trigger at most this many words away
PUNCT_COST = 12  # a punctuation mark between a trigger and a time counts as this many words


def event_date(value: str | None) -> tuple[str, str] | None:
    """``(date, precision)`` of a TIMEX3 value, or None when it names no calendar date.
    A week is written as its first day (a weekend as its Saturday), with precision ``week``:
    the contract's dates are calendar dates."""
    m = _VALUE_RE.match(value or "")
    if not m:
        return None
    year, month, day, week = m.groups()
    if day:
        return f"{year}-{month}-{day}", "day"
    if month:
        return f"{year}-{month}", "month"
    if week:
        first = date.fromisocalendar(int(year), int(week), 6 if str(value).endswith("-WE") else 1)
        return first.isoformat(), "week"
    return year, "year"


def bounds(value: str, precision: str) -> tuple[date, date]:
    """The first and last day an event date covers."""
    year = int(value[:4])
    if precision == "day":
        d = date.fromisoformat(value)
        return d, d
    if precision == "week":
        day = date.fromisoformat(value)
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    if precision == "month":
        month = int(value[5:7])
        first = date(year, month, 1)
        nxt = date(year + month // 12, month % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    return date(year, 1, 1), date(year, 12, 31)


def published_day(published: str | None, zone: str | None = None) -> date | None:
    """The publication day on the clock of ``zone`` ("2022-10-01T23:58-04:00" is 2 October in WIB)."""
    try:
        ref = Reference.parse(published)
    except ReferenceDateError:
        return None
    return ref.in_zone(zone).date if ref else None


def is_after(time: dict[str, Any], day: date | None) -> bool:
    """Whether a usable time lies wholly after ``day`` (the publication day)."""
    return day is not None and time["first"] > day


def is_background(value: str | None, precision: str | None, day: date | None) -> bool:
    """Years before publication: the date ends more than a year before the publication day."""
    if not value or not precision or day is None:
        return False
    return bounds(value, precision)[1] < day - timedelta(days=BACKGROUND_DAYS)


def usable_times(times: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The temporal mentions of one sentence that name a date, each with ``date``, ``precision``,
    and the ``first`` and ``last`` day it covers (a weekend covers its Saturday and Sunday)."""
    out = []
    for tm in times:
        if tm.get("note") in NAME_NOTES:
            continue  # "periode 2019-2024", "UUD 1945": the years of a term or a constitution date nothing told
        found = event_date(tm.get("value")) if tm.get("type") in USABLE_TYPES else None
        if found:
            try:
                first, last = bounds(*found)
            except ValueError:  # a value naming no real day (an impossible date in the text)
                continue
            if found[1] == "week" and str(tm.get("value", "")).endswith("-WE"):
                first = date.fromisoformat(found[0])
            out.append({**tm, "date": found[0], "precision": found[1], "first": first, "last": last})
    return out


class SentenceView(Protocol):
    """What attachment needs to know about a sentence (``extract._Sentence``)."""

    def clause_of(self, wi: int) -> tuple[int, int]: ...

    def plain_gap(self, a: int, b: int) -> bool: ...  # no punctuation and no reporting verb between words

    def breaks_between(self, a: int, b: int) -> int: ...  # punctuation marks between words a and b

    def cause_between(self, a: int, b: int) -> bool: ...  # a cause opens between words a and b

    def predicate_clause(self, wi: int) -> bool: ...  # the clause of word wi has a verb-like word

    def verb_like(self, k: int) -> bool: ...  # word k is shaped like a verb, outside temporal expressions


def attach(triggers: list[Any], times: list[dict[str, Any]], view: SentenceView, published: date | None) -> None:
    """Set ``trig.time`` (a time dict or None) and ``trig.claimed`` on every trigger of one sentence.

    ``triggers`` have ``i`` (first word), ``j`` (end word), ``pos``, ``saying``, ``quoted`` and
    ``modality``; ``times`` have ``wi`` and ``wj`` (their first word and one past their last)
    and ``opens`` (whether they open the sentence).
    """
    for trig in triggers:
        trig.time, trig.claimed = None, False
    free = list(times)
    def same_clause(trig, tm) -> bool:
        return view.clause_of(trig.i) == view.clause_of(tm["wi"]) and _may_claim(view, trig, tm)

    _greedy(triggers, free, same_clause, view)
    _greedy(triggers, free, lambda t, tm: _trailing(view, t, tm) and _may_claim(view, t, tm), view)
    for trig in triggers:
        if trig.time is None and not trig.saying:
            trig.time = _shared(trig, triggers, times, view, published)


def _may_claim(view: SentenceView, trig, tm: dict[str, Any]) -> bool:
    """A noun takes only a time with no punctuation between them ("protes ... pada 2 Januari"),
    but for the comma after a time that opens the sentence ("Pada hari Minggu, ... pemilihan"). A time
    after a cause that opens after the trigger is the cause's ("meninggal akibat gempa ... Senin"). A time
    inside a quotation dates what the quotation tells, not the saying outside it ('"... tadi malam," ujar dia')."""
    if tm["wi"] >= trig.j and view.cause_between(trig.j - 1, tm["wi"]):
        return False
    if tm.get("quoted", False) != trig.quoted:
        return False
    if tm.get("opens_span") and not _opens_its_state(view, trig, tm):
        return False
    if trig.saying and tm["wj"] <= trig.i and not tm["opens"] and view.breaks_between(tm["wj"] - 1, trig.i):
        return False  # "Police questioned X on Wednesday, said the police chief": the day of what was told
    if past_main_verb(view, trig, tm):
        return False
    if trig.pos != "noun":
        return True
    if tm["wi"] < trig.i and tm["opens"]:
        return view.plain_gap(tm["wj"], trig.i)
    return view.plain_gap(*sorted((trig.i, tm["wi"])))


def _opens_its_state(view: SentenceView, trig, tm: dict[str, Any]) -> bool:
    """A "since" time starts the state told right before it ("dirawat di rumah sakit sejak Senin", "berhenti
    beroperasi sejak Senin"), or right after a "since" phrase that opens the sentence ("Sejak Senin, warga
    mengungsi"). Another predicate between ("wafat setelah menjalani perawatan sejak Senin") tells the state:
    the trigger before it is a happening of its own, which the start of that state does not date; nor is a
    saying (its date is the saying's own)."""
    if trig.saying:
        return False
    if trig.i == tm["wj"] or trig.pos == "noun" and (0 <= trig.i - tm["wj"] <= ATTRIBUTIVE_GAP or tm["wi"] == trig.j):
        return True  # the happening named after "since" owns its date ("since the March 3 vote")
    if tm["wi"] < trig.i:
        return bool(tm["opens"])
    return tells_the_state([view.verb_like(k) for k in range(trig.j, tm["wi"])])


def past_main_verb(view: SentenceView, trig, tm: dict[str, Any]) -> bool:
    """The trigger opens a relative clause and a verb stands between it and the time ("korban kapal yang tenggelam
    di X dilanjutkan hari ini", "the ferry that sank ... resumed today"): the time is the main verb's, not the
    clause's."""
    return getattr(trig, "relative", False) and tm["wi"] > trig.j \
        and any(view.verb_like(k) for k in range(trig.j + 1, tm["wi"]))


def tells_the_state(verbs_between: list[bool]) -> bool:
    """Whether a trigger tells the state a "since" time after it starts, given which words between them are
    shaped like verbs: none but the trigger's own verb chain right after it ("berhenti beroperasi sejak")."""
    k = 0
    while k < len(verbs_between) and verbs_between[k]:
        k += 1
    return not any(verbs_between[k:])


def _trailing(view: SentenceView, trig, tm: dict[str, Any]) -> bool:
    """A time in another clause that has no predicate of its own, after an unquoted trigger
    ("127 orang meninggal dalam kericuhan seusai laga ..., Sabtu malam"), and no cause between."""
    return not trig.quoted and tm["wi"] >= trig.j and not view.predicate_clause(tm["wi"]) \
        and not view.cause_between(trig.j - 1, tm["wi"])


def _greedy(triggers, free: list[dict[str, Any]], allowed, view: SentenceView) -> None:
    pairs = sorted((_cost(t, tm, view), n, k) for n, t in enumerate(triggers) if t.time is None
                   for k, tm in enumerate(free) if allowed(t, tm))
    taken_t, taken_tm = set(), set()
    for _, n, k in pairs:
        if n in taken_t or k in taken_tm:
            continue
        triggers[n].time, triggers[n].claimed = free[k], True
        taken_t.add(n)
        taken_tm.add(k)
    for k in sorted(taken_tm, reverse=True):
        free.pop(k)


def _cost(trig, tm: dict[str, Any], view: SentenceView) -> float:
    """Words between, plus a little for a time before the trigger or a noun, and more per punctuation mark."""
    if tm["wi"] >= trig.j:
        distance = tm["wi"] - trig.j + PUNCT_COST * view.breaks_between(trig.j - 1, tm["wi"])
    else:
        distance = max(0, trig.i - tm["wj"]) + 0.5 + PUNCT_COST * view.breaks_between(tm["wj"] - 1, trig.i)
    return distance + (1.0 if trig.pos == "noun" else 0.0)


ATTRIBUTIVE_GAP = 2  # words between a date and the noun it qualifies ("the 3 March harbour riot")


def names_its_noun(noun, tm: dict[str, Any]) -> bool:
    """The time is part of a noun trigger's own phrase, right before it ("the 1 March military coup") or
    right after it ("kudeta 1 Maret"): it dates that happening, which the sentence names, and no other."""
    if noun.time is not tm:
        return False
    before = 0 <= noun.i - tm["wj"] <= ATTRIBUTIVE_GAP  # a word after "the March 3" is a noun whatever its entry
    return before or noun.pos == "noun" and tm["wi"] == noun.j


def _shared(trig, triggers, times, view: SentenceView, published) -> dict[str, Any] | None:
    """The date of the nearest dated trigger (or time) close by in the same clause, with nothing
    between them but words, if the trigger may take it."""
    here = view.clause_of(trig.i)
    # a noun's own date, and the start of a state ("sejak Senin"), are no one else's
    own = [tm for tm in times if tm.get("opens_span") or any(names_its_noun(o, tm) for o in triggers if o is not trig)]
    options = [(abs(o.i - trig.i), o.i, o.time) for o in triggers if o is not trig and o.claimed
               and not any(o.time is tm for tm in own)]
    options += [(abs(tm["wi"] - trig.i) + 0.5, tm["wi"], tm) for tm in times if not any(tm is t for t in own)]
    for distance, at, tm in sorted(options, key=lambda x: x[0]):
        if tm.get("quoted", False) != trig.quoted:
            continue  # the quotation's time and the saying's are each their own
        if distance > SHARE_WORDS or view.clause_of(at) != here or not view.plain_gap(*sorted((trig.i, at))) \
                or at > trig.i and view.cause_between(trig.j - 1, at):
            continue  # far, elsewhere, or the date of its cause ("meninggal akibat gempa Senin": a toll)
        if trig.modality not in ("future", "hypothetical") and is_after(tm, published):
            continue
        if at > trig.i and past_main_verb(view, trig, {"wi": at}):
            continue
        return tm
    return None
