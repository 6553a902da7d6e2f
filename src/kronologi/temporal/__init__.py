"""Time: temporal expressions tagged and resolved, and each article's reference date.

``tag(text, lang, reference)`` finds every temporal expression of a text and
resolves it to a TimeML type (DATE, TIME, DURATION, SET) and a TIMEX3 value
against the reference date (``None``: relative expressions stay
underspecified). The pieces, each in its module:

* ``patterns``: the language packs' vocabularies and rules (``langs/<lang>/dates.yaml``), compiled lazily;
* ``tagger``: spans (``checks``: when a match is no expression; ``fields``: what its words mean);
* ``tense``: whether a clause speaks of the past or the future;
* ``resolve``: TIMEX3 values (``values`` holds the calendar arithmetic);
* ``reference``: reference dates: reading, inferring from a body, sibling windows;
* ``step``: the pipeline step ``dates``; ``evaluate``: TimeML gold and the scorer;
* ``stated`` and ``iso``: dates stated in headers and metadata.
"""

from __future__ import annotations

from datetime import date

from kronologi.temporal.reference import (Inferred, Reference, ReferenceDateError, infer_reference,
                                          parse_reference, sibling_window)
from kronologi.temporal.resolve import TimeMention, resolve_mentions
from kronologi.temporal.tagger import find_mentions


def tag(text: str, lang: str | None = None, reference: Reference | str | date | None = None) -> list[TimeMention]:
    """Every temporal expression of ``text``, resolved against ``reference``.

    ``lang`` picks the language pack (``id`` or ``en``; others use ``id``);
    ``reference`` is a :class:`Reference` or an ISO string (``2022-01-10``,
    ``2022-01-10T22:25+07:00``) or None. Offsets index into ``text``.
    """
    ref = reference if isinstance(reference, Reference) or reference is None else Reference.parse(reference)
    return resolve_mentions(text, lang, find_mentions(text, lang), ref)


__all__ = ["tag", "TimeMention", "Reference", "ReferenceDateError", "Inferred", "infer_reference",
           "parse_reference", "sibling_window", "find_mentions"]
