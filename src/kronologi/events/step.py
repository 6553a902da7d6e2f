"""The pipeline step ``events``: sentence-level events of every document.

``doc.events`` gets one dict per event, in text order:

* ``type`` (``ontology.NAMES``), ``trigger`` with ``trigger_start`` / ``trigger_end``;
* ``sentence`` (index into ``doc.sentences``) with ``start`` / ``end`` (the sentence's span);
* ``summary``: a short clause-level summary taken from the sentence;
* ``date``, ``date_text``, ``precision`` (``day`` | ``week`` | ``month`` | ``year`` | None) and
  ``timex`` (the TIMEX3 value it came from), from the temporal mention nearest the
  trigger in its clause (``timing``); None when the sentence has none;
* ``modality``: ``asserted`` | ``future`` | ``hypothetical`` | ``negated`` | ``reported``;
* ``actors`` and ``location``: entity ids, or indices into ``doc.mentions`` before
  entity resolution (``roles``);
* ``background``: the date lies years before the document's publication.

Needs the ``sentences`` and ``dates`` steps before it; reads ``doc.mentions`` when
an entities step ran. Running it twice gives the same result.
"""

from __future__ import annotations

from typing import Any

from kronologi.document import Document
from kronologi.events.extract import extract
from kronologi.temporal.step import HOME_ZONE


class EventsStep:
    name = "events"
    version = "26"  # 3: a date after a cause marker belongs to the cause; 4: no trigger inside a name;
    # 5: none in the second half of a hyphenated word ("worst-hit"); a date's event typed by a noun of its clause;
    # 6: no events from questions, asserted and unreal events apart, the happening after "since"/a cause recalled;
    # 7: who told a reported happening (said_by); a saying's actors are not names inside its quotation;
    # 8: a relative clause describing a named happening is no report when the sentence gives a day of its own;
    # 9: an "according to" phrase names who told the sentence's happenings (said_by), a relaying outlet does not;
    # 10: what a rumour or hoax cue governs is hypothetical, negated when the sentence denies it
    # 11: a "since" date dates only the state it starts, never a happening beside it, nor a background sentence
    # 12: an assembly's session ("sidang paripurna", "sidang umum") is a meeting, not a court's hearing
    # 13: funerals (burials, cremations) are a type; holding back tears or grief is no detention
    # 14: damage whose doer is a quake or a fire ("gempa merusak rumah warga", "the blaze burned homes") is no riot
    # 15: what a reaction is to ("duka atas wafatnya X", "condolences over the death of X") is named, not reported
    # 16: the years of a term of office ("periode 2019-2024") date nothing
    # 17: a date behind "setelah"/"after", after a date of the sentence's own, makes no untyped event
    # 18: a constitution's year ("UUD 1945", "the 2008 constitution") dates nothing
    # 19: what someone threatens, vows, pledges or promises to do is future ("threatened to shoot", "mengancam menyerang")
    # 20: English: people blocking a road protest (mud or rocks blocking it do not); what a landslide or rubble buries
    # is no funeral; storms are weather, storming an attack only beside who storms or what is stormed; "riot police"
    # is no riot; a summary keeps a number with a thousands comma whole ("6,500"); a day named in the perfect of the
    # past ("had been sent late Saturday") is recalled: what is said after it is said on the article's day
    # 21: "no" negates again (YAML had read it as a boolean)
    # 22: questioning by the police ("Polres X memeriksa ...", "Police questioned ...") is a legal action
    # 23: a date after "until" / "sampai dengan" ends a state and dates no event ("suspended until Friday")
    # 24: a time before a postposed saying (", said X") dates what was told, not the saying
    # 25: a date still to come after "until" ("diperpanjang hingga Senin (20/3)", "extended until Monday") ends a span:
    # it dates neither the act that set it nor an untyped event of it, and makes it no future one
    # 26: transport accidents are typed ("kapal tenggelam", "the ferry capsized", "kecelakaan bus"); an undated verb of a
    # relative clause on a noun that names no happening ("korban kapal yang tenggelam ... dilanjutkan hari ini") only
    # says which thing is meant: no event, and the main verb's day is not its day; "lokasi kapal tenggelam" is a place

    def __init__(self, options: dict[str, Any] | None = None):
        options = options or {}
        # the clock the stories happen on, as for the dates step (default WIB)
        self.zone = options.get("dates_zone", HOME_ZONE)

    def __call__(self, doc: Document) -> Document:
        doc.events = extract(doc, self.zone)
        return doc
