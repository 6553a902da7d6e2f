"""The pipeline step ``dates``: every temporal expression of the body, and a reference date.

The reference is ``doc.published`` (from metadata or the header, set by earlier
steps), read on the corpus's clock (option ``dates_zone``, default WIB) when it
carries another UTC offset. When there is none, the step infers one from the body
(``reference.infer_reference``), stores it as ``published`` with basis
``inferred`` and its confidence and evidence in ``observed["published"]["inferred"]``,
and resolves against it; when nothing can be inferred, relative expressions
stay underspecified.

``doc.times`` gets one dict per expression: ``start``, ``end`` (offsets into
``doc.text``), ``text``, ``type``, ``value``, ``precision``, ``mod`` and
``sentence`` (index into ``doc.sentences``, or None).
"""

from __future__ import annotations

import bisect
from datetime import date
from typing import Any

from kronologi.document import Document
from kronologi.temporal.reference import Inferred, Reference, ReferenceDateError, infer_reference
from kronologi.temporal.resolve import resolve_mentions
from kronologi.temporal.tagger import find_mentions
from kronologi.temporal.tense import Clauses


HOME_ZONE = "+07:00"  # WIB: Kronologi reads Indonesian news first


class DatesStep:
    name = "dates"
    version = "12"  # 2: weekday typos, parts of day on the narrated day; 3: a relative day restated by a date;
    # 4: English parts of the narrated day ("by the afternoon", "by nightfall"); 5: no time inside a name that
    # carries a year ("UU Nomor 1 Tahun 1946", "angkatan 2016"); 6: a clock time is not on a day after "since"
    # outside its phrase ("wafat pukul 18.05 setelah dirawat sejak 1 September"); 7: the years of a term of
    # office name it ("periode 2019-2024", "the 2019-2024 term"); 8: no "tahun ini" after a number ("berusia 83
    # tahun ini": the number counts the years); 9: a constitution's year is noted names.document ("UUD 1945",
    # "the 2008 constitution"); 10: a day counted from the one before ("the next day", "keesokan harinya") counts
    # from a bare weekday before it too, and from the last time before it in the text
    # 11: "on" before a weekday and "no" before a number are pack words again (YAML had read them as booleans)
    # 12: "detik ini" ("hingga detik ini": until now) is the present, not a second of the article's day

    def __init__(self, options: dict[str, Any] | None = None):
        options = options or {}
        # the latest date an inferred reference may take (ISO); default: today
        not_after = options.get("dates_not_after")
        self.not_after = date.fromisoformat(not_after) if not_after else None
        # the clock the stories happen on: a published time with another UTC offset is read on it
        # (2022-10-01T23:58-04:00 is Sunday 2 October, 10:58, in Jakarta)
        self.zone = options.get("dates_zone", HOME_ZONE)

    def __call__(self, doc: Document) -> Document:
        lang = doc.language or "id"
        mentions = find_mentions(doc.text, lang)
        clauses = Clauses(doc.text, lang, [(s.start, s.end) for s in doc.sentences] if doc.sentences else None)
        ref = _reference(doc.published)
        if doc.published is None:
            inferred = infer_reference(doc.text, lang, self.not_after, mentions, clauses)
            if inferred is not None:
                apply_inferred(doc, inferred)
                ref = _reference(inferred.value)
        times = resolve_mentions(doc.text, lang, mentions, ref.in_zone(self.zone) if ref else None, clauses)
        starts = [s.start for s in doc.sentences]
        doc.times = [{**tm.to_dict(), "sentence": _sentence_index(doc, starts, tm.start)} for tm in times]
        return doc


def apply_inferred(doc: Document, inferred: Inferred | dict[str, Any]) -> None:
    """Set an inferred reference date on an undated document, with its basis and confidence.

    Accepts an :class:`Inferred` or a dict with ``value``, ``confidence`` and
    ``basis`` (as ``reference.sibling_window`` returns; a window without a value
    leaves ``published`` unknown but is still recorded).
    """
    record = inferred.to_dict() if isinstance(inferred, Inferred) else dict(inferred)
    doc.observed.setdefault("published", {})["inferred"] = record
    if record.get("value"):
        doc.published, doc.published_basis = record["value"], "inferred"


def _reference(value: str | None) -> Reference | None:
    try:
        return Reference.parse(value)
    except ReferenceDateError:
        return None


def _sentence_index(doc: Document, starts: list[int], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and pos < doc.sentences[i].end:
        return i
    return None
