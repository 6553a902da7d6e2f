"""Events: what happened, when, who did it, where, and which sources say so.

* ``EventsStep`` (``step``), the pipeline step ``events``: sentence-level events
  of one document in ``doc.events`` (``extract``: triggers from the language
  packs' ``events.yaml`` (``lexicon``, ``morphology``), dates from the temporal
  layer (``timing``), ``modality``, actors and location (``roles``), a short
  summary (``wording``));
* ``merge_events`` (``merge``), a corpus pass: the same event reported by several
  documents becomes one contract event with all its sources;
* ``summarize`` (``summary``): a short extractive summary of a story or an article;
  ``evaluate_summary`` scores it against LEAD-3 on IndoSum.

Types and their mapping to ACLED and PLOVER: ``ontology`` and docs/events.md.
"""

from __future__ import annotations

from kronologi.events.extract import extract
from kronologi.events.merge import merge_events
from kronologi.events.step import EventsStep
from kronologi.events.summary import summarize

__all__ = ["EventsStep", "extract", "merge_events", "summarize"]
