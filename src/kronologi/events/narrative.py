"""Dating events as well as the text allows, and saying how: ``date_basis``.

The per-sentence layer (``extract``) dates an event from its own clause only. Most
sentences of a news story carry no date of their own: they go on narrating the day
the article last named ("Gempa terjadi Senin (21/11) ... Korban tewas tertimpa
bangunan"), or report what someone said on the day of publication. ``date_events``
fills those gaps, in this order:

1. ``clause`` — the event's own date (an explicit date, a weekday or a relative
   expression resolved against the article's date); a date after "since" is only the
   state's it starts ("dirawat sejak 1 September"), not a happening's beside it ("wafat
   setelah dirawat sejak 1 September": the death goes on to step 2);
2. ``narrative`` — the narrative anchor: the last day the article set, in an earlier
   sentence (or earlier in the same one), for a past happening it narrates. Background
   dates (years before publication), plans and dates after publication never become
   anchors, nor does the start of a span ("violence has spread since 1 February"). Before the
   article names any day, the first day it names for a past
   happening stands as the anchor when it lies within ``LEAD_DAYS`` of publication
   (a lead often states the happening before its date) — but what is said or reported before the
   narration sets a day of its own is said on the day of publication;
3. ``publication`` — the article's own day, for what is said or reported "now":
   statements and reported counts, when the article names no day at all; in an article
   known only to its month (an undated one placed on its story's calendar), that month, at
   month precision, for every happening it tells that is not background;
4. otherwise the event stays undated (``date_basis`` None).

A clock time or a part of day folds into the narrated day: it is a ``clause`` date
at day precision already (``timing.event_date``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from kronologi.claims.dating import cued_as_of
from kronologi.events import timing
from kronologi.events.lexicon import lexicon
from kronologi.events.ontology import SAYING

LEAD_DAYS = 7  # the first narrated day anchors the lead only if it lies this close before publication
_NOT_ANCHORS = ("future", "hypothetical", "negated")
_SAYING_LIKE = SAYING | {"announcement"}
_MONTH_RE = re.compile(r"\d{4}-\d{2}")  # a reference known to its month (an undated article on its story's calendar)
_COUNT_BASIS = {"text": "clause", "published": "publication"}  # a figure's as-of basis -> the event's date basis


def date_events(doc: Any, zone: str | None = None) -> None:
    """Set ``date``, ``precision`` and ``date_basis`` on every event of ``doc`` (in place)."""
    published = timing.published_day(doc.published, zone) if doc.published else None
    month = doc.published if published is None and _MONTH_RE.fullmatch(str(doc.published or "")) else None
    events = sorted(doc.events, key=lambda e: (e["sentence"], e["trigger_start"]))
    lex = lexicon(doc.language)
    _unbind_spans(doc.text, events, lex)
    _date_counts(events, getattr(doc, "figures", None) or [])
    _date_tolls(doc, events, published)
    _reported_on(doc, events)
    anchor = _lead_anchor(events, published)
    lead = anchor is not None  # the anchor is the lead's day, not yet set by the narration
    past = _background_sentences(events)
    spans = {ev["sentence"]: (ev["start"], ev["end"]) for ev in events}
    earlier = {k for k, (start, end) in spans.items() if lex.opening(doc.text[start:end]).looks_back}
    flashback = False  # the anchor's day was named in a clause that turns back ("had been sent late Saturday")
    for ev in events:
        if ev["sentence"] in earlier and ev.get("date_basis") == "publication":
            ev.update(date=None, precision=None, date_text=None, date_basis=None)  # a count's guessed day
        if ev.get("date"):
            ev["date_basis"] = ev.get("date_basis") or "clause"
            if _anchors(ev, published, month):
                anchor, lead, flashback = ev, False, _turns_back(doc.text, ev, lex)
            continue
        if ev["sentence"] in past:  # "In 1999, 17,000 died after a quake struck": the quake is of 1999 too
            _take(ev, past[ev["sentence"]], "narrative")
            ev["background"] = True
        elif ev["sentence"] in earlier:  # "Sebelumnya, ...": some earlier day, not the narrated one
            ev["date_basis"] = None
        elif lead and published is not None and _said_now(ev):
            ev.update(date=published.isoformat(), precision="day", date_text=None, date_basis="publication")
        elif anchor is not None and not (published is not None and _said_now(ev) and (
                flashback or _recalled(anchor, published))):
            _take(ev, anchor, "narrative")
            ev["narrated_from"] = anchor["sentence"]  # the sentence whose happening set the day it goes on telling
        elif published is not None and _said_now(ev):
            ev.update(date=published.isoformat(), precision="day", date_text=None, date_basis="publication")
        elif month is not None and not ev.get("background"):
            ev.update(date=month, precision="month", date_text=None, date_basis="publication")
        else:
            ev["date_basis"] = None
    _attributed_after(doc, events, lex, spans)


FRONTED_WORDS = 2  # words before a "since" time that opens its sentence ("Sejak Senin, warga mengungsi")


def _unbind_spans(text: str, events: list[dict[str, Any]], lex: Any) -> None:
    """A "since" time dates only the state it starts ("dirawat sejak 1 September"): a happening it does not
    tell ("wafat setelah menjalani perawatan sejak Senin", "Sebelum wafat, ia dirawat sejak Senin") loses it,
    and takes the narrated day like any undated event. ``timing.attach`` binds it so; this catches a date the
    sentence's extraction gave its only undated happening."""
    for ev in events:
        if ev.get("span_start") and ev.get("date") and not _starts_its_state(text, ev, lex):
            ev.update(date=None, precision=None, date_text=None, timex=None, date_basis=None, span_start=False,
                      background=False)


def _starts_its_state(text: str, ev: dict[str, Any], lex: Any) -> bool:
    """The event is the state its "since" time starts: right before the time (with no other predicate
    between), or right after a "since" phrase that opens the sentence; a saying never is."""
    at = text.find(ev.get("date_text") or "\0", ev["start"], ev["end"])
    if at < 0 or ev.get("type") in _SAYING_LIKE:
        return at < 0 and ev.get("type") not in _SAYING_LIKE  # a date the text does not show is left alone
    if at < ev["trigger_start"]:
        return len(lex.words(text, ev["start"], at)) <= FRONTED_WORDS
    between = lex.words(text, ev["trigger_end"], at)
    return timing.tells_the_state([text[s:e].islower() and bool(lex.verb_re.match(w)) for s, e, w in between])


def _attributed_after(doc: Any, events: list[dict[str, Any]], lex: Any, spans: dict[int, tuple[int, int]]) -> None:
    """A sentence that points back and dates it ("Hal ini disampaikan wali kota ... Kamis (3/3)", "This was said on
    Tuesday") dates what the sentence before said: a statement there dated only by guess takes that day."""
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for ev in events:
        by_sentence.setdefault(ev["sentence"], []).append(ev)
    for k, evs in by_sentence.items():
        told = [e for e in evs if e.get("date_basis") == "clause" and e.get("precision") == "day"
                and not e.get("background") and e.get("modality") not in _NOT_ANCHORS]
        before = by_sentence.get(k - 1)
        if not told or not before or not lex.opening(doc.text[spans[k][0]:spans[k][1]]).refers_back:
            continue
        for ev in before:
            if ev.get("date_basis") in ("narrative", "publication") and _said_now(ev) and not ev.get("background"):
                _take(ev, told[0], "narrative")


def _date_tolls(doc: Any, events: list[dict[str, Any]], published: date | None) -> None:
    """A sentence that tells how the toll changed, with no count of its own ("Jumlah korban gempa ...,
    Senin (21/11), bertambah lagi"), reports the toll on the article's day: its disaster is the cause
    it names, dated by that cause, not what it reports."""
    if published is None:
        return
    counted = {f.get("sentence") for f in getattr(doc, "figures", None) or [] if f.get("value") is not None}
    lex = lexicon(doc.language)
    for ev in events:
        if ev.get("type") == "disaster" and not ev.get("background") \
                and lex.tells_a_toll(doc.text[ev["start"]:ev["end"]]):
            if ev["sentence"] in counted:  # "the toll from the flood that struck ... rose past 900 on Sunday"
                ev.update(type="killing", tells_toll=True)  # dated as its count is, not as the quake
            else:
                ev.update(type="killing", date=published.isoformat(), precision="day", date_text=None,
                          date_basis="publication", tells_toll=True)  # a report of a count, as a saying is


def _reported_on(doc: Any, events: list[dict[str, Any]]) -> None:
    """"Lembaga pemantau pada Kamis (4/3) melaporkan ... 51 tewas hingga Rabu (3/3)": what a count stands at
    "until Wednesday" is told in Thursday's report — one happening, the report, of its day. A sentence's events dated by
    an as-of phrase take the later day its saying names."""
    said: dict[int, str] = {}
    for ev in events:
        if ev.get("type") in _SAYING_LIKE and ev.get("date") and ev.get("precision") == "day" \
                and not ev.get("span_start") and not ev.get("background") and ev.get("modality") not in _NOT_ANCHORS:
            said[ev["sentence"]] = max(said.get(ev["sentence"], ""), ev["date"])
    for ev in events:
        day = said.get(ev["sentence"])
        if day and ev.get("date") and ev["date"] < day and ev.get("type") not in _SAYING_LIKE \
                and _as_of_phrase(doc.text, ev):
            ev.update(date=day, precision="day", date_basis="clause")


def _as_of_phrase(text: str, ev: dict[str, Any]) -> bool:
    """The event's date is read from an as-of phrase ("hingga Senin", "as of August 18")."""
    at = text.find(ev.get("date_text") or "\0", ev["start"], ev["end"])
    return at >= 0 and cued_as_of(text, at)


def _background_sentences(events: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Sentences whose dated events are all background: what else they tell is background too."""
    dated: dict[int, list[dict[str, Any]]] = {}
    for ev in events:
        if ev.get("date"):
            dated.setdefault(ev["sentence"], []).append(ev)
    return {k: evs[0] for k, evs in dated.items()
            if all(e.get("background") and not e.get("span_start") for e in evs)}  # "sejak 2014": a state's start


def _date_counts(events: list[dict[str, Any]], figures: list[dict[str, Any]]) -> None:
    """A sentence that reports counts reports them as of a day: that day, which the figures layer
    read ("hingga Selasa pukul 17.00", else the article's day), is its events' date — not a date
    the sentence gives the disaster or attack it counts the victims of."""
    days: dict[int, tuple[str, str]] = {}
    for fig in figures:
        day = str(fig.get("as_of") or "")[:10]
        if fig.get("status", "reported") == "reported" and len(day) == 10 and fig.get("as_of_basis") in _COUNT_BASIS:
            days.setdefault(fig["sentence"], (day, _COUNT_BASIS[fig["as_of_basis"]]))
    for ev in events:
        found = days.get(ev["sentence"])
        if found and not ev.get("background") and ev.get("modality") not in _NOT_ANCHORS \
                and (found[1] == "clause" or ev.get("type") == "disaster") and not _own_day(ev, found[0]):
            ev.update(date=found[0], precision="day", date_basis=found[1])
            if found[1] != "clause":
                ev["date_text"] = None


# Happenings that cause counts: one told with its own day keeps it, beside the day its victims are counted
_CAUSES = frozenset({"accident"})


def _own_day(ev: dict[str, Any], day: str) -> bool:
    """"A ferry sank on Monday night, leaving 23 missing, the office said on Tuesday": the sinking's own clause
    dates it; the count's day is the saying's."""
    return ev.get("type") in _CAUSES and bool(ev.get("date_text")) and str(ev.get("date") or "")[:10] != day


def _take(ev: dict[str, Any], anchor: dict[str, Any], basis: str) -> None:
    ev.update(date=anchor["date"], precision=anchor["precision"], date_text=anchor.get("date_text"),
              date_basis=basis)


def _anchors(ev: dict[str, Any], published: date | None, month: str | None = None) -> bool:
    """A day the article narrates: day precision, not background, no plan, not after publication. In an
    article known only to its month, a day before that month (and not just before it) is recalled, not
    narrated: "the coup of 1 February" in a March article dates none of what the article goes on to tell."""
    if ev.get("precision") != "day" or ev.get("background") or ev.get("span_start") \
            or ev.get("modality") in _NOT_ANCHORS:
        return False
    day = date.fromisoformat(ev["date"])
    if published is None:
        return month is None or date.fromisoformat(month + "-01") - timedelta(days=LEAD_DAYS) <= day
    return day <= published


def _lead_anchor(events: list[dict[str, Any]], published: date | None) -> dict[str, Any] | None:
    """The first narrated day, when it lies shortly before publication: the lead's day."""
    if published is None:
        return None
    for ev in events:
        if ev.get("date") and _anchors(ev, published):
            day = date.fromisoformat(ev["date"])
            return ev if published - timedelta(days=LEAD_DAYS) <= day else None
    return None


def _recalled(anchor: dict[str, Any], published: date) -> bool:
    """The narrated day is a happening's, days before the article ("the quake of Monday (21/11)" in an
    article of Friday): what someone says after it is said on the article's day, not on that day."""
    return anchor.get("type") not in _SAYING_LIKE and date.fromisoformat(anchor["date"]) < published - timedelta(days=1)


def _turns_back(text: str, ev: dict[str, Any], lex: Any) -> bool:
    """The event's day is named in a clause of the perfect of the past ("He said his house had been swept away
    overnight on Saturday"): a day recalled before the one narrated, so what is said after it is said now."""
    if not ev.get("date_text"):
        return False
    at = text.find(ev["date_text"], ev["start"], ev["end"])
    head = text[ev["start"]:at if at >= 0 else ev["end"]]
    words = lex.words(head)
    return bool(lex.pluperfect.find([w for _, _, w in words]))


def _said_now(ev: dict[str, Any]) -> bool:
    return ev.get("type") in _SAYING_LIKE or ev.get("modality") == "reported"
