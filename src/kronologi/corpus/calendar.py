"""Undated articles read on their story's calendar (a corpus pass, right after stories).

An article without a publication date cannot resolve "1 February" or "as of 2 May": the year
is missing, so its happenings stay undated and it cannot be told apart from, or joined with,
what the dated articles of its story report. Once stories are known, the dated articles of
an undated one's story fix a window (``reference.sibling_window``: the month or the year their
publication dates share). That window becomes the article's inferred reference — ``published``
with basis ``inferred``, recorded in ``observed["published"]["inferred"]`` with ``basis:
"story"`` — and the steps that read the reference (dates, then figures and quotes, then
events) run again on the article. A window is a month or a year, never a day: weekdays
("Monday") stay unresolved, as they should.
"""

from __future__ import annotations

from typing import Any, Iterable

from kronologi.document import Document
from kronologi.pipeline import Pipeline, PipelineConfig
from kronologi.temporal import sibling_window
from kronologi.temporal.step import apply_inferred

REDATE_STEPS = ("dates", "claims", "events")  # the steps that read the reference date


def date_from_stories(stories: Iterable[Any], options: dict[str, Any] | None = None) -> dict[str, dict]:
    """Give each undated article of a story its story's window and re-run the dated steps on it.

    Returns the decisions made, by document key (``{"value", "start", "end", "confidence",
    "basis": "story"}``)."""
    chosen: list[tuple[Document, dict[str, Any]]] = []
    for story in stories:
        docs = list(story.docs)
        undated = [d for d in docs if d.published is None]
        if not undated:
            continue
        window = sibling_window(d.published for d in docs if d.published and d.published_basis != "inferred")
        if not window or not window.get("value"):
            continue
        chosen += [(d, {**window, "basis": "story"}) for d in undated]
    if not chosen:
        return {}
    for doc, window in chosen:
        apply_inferred(doc, window)
    pipeline = Pipeline.from_config(PipelineConfig(REDATE_STEPS, dict(options or {})))
    for (doc, _), result in zip(chosen, pipeline.run_many([d for d, _ in chosen])):
        if not isinstance(result, Document):  # a step failed on it: keep what it had, undated
            doc.published, doc.published_basis = None, None
    return {doc.key: window for doc, window in chosen}
