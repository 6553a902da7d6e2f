"""The events packs' examples files (langs/<lang>/events.examples.yaml), run as tests."""

from __future__ import annotations

from datetime import date

import pytest

from kronologi import langs
from kronologi.document import Document
from kronologi.events import EventsStep
from kronologi.temporal.step import DatesStep
from kronologi.text.step import SentenceStep

CASES = [(lang, case) for lang in ("id", "en") for case in langs.examples(lang, "events")]
PUBLISHED = "2022-01-11"


def events_of(text: str, lang: str, published: str = PUBLISHED, mentions=()) -> Document:
    """A document run through sentences, dates and events (mentions written by the test)."""
    doc = Document(id="t", source_path="t", format="text", raw_text=text, text=text, language=lang,
                   published=published)
    doc = DatesStep({})(SentenceStep({})(doc))
    doc.mentions = [dict(m) for m in mentions]
    return EventsStep({})(doc)


def _text(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else (None if value is None else str(value))


@pytest.mark.parametrize("case", CASES, ids=[f"{lang}:{c['text'][:50]}" for lang, c in CASES])
def test_events_pack_examples(case) -> None:
    lang, data = case
    doc = events_of(data["text"], lang, _text(data.get("published")) or PUBLISHED)
    got = [[ev["type"], ev["trigger"], ev["modality"], ev["date"]] for ev in doc.events]
    want = [[t, trigger, modality, _text(d)] for t, trigger, modality, d in data["events"]]
    assert got == want, data.get("note")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_events_pack_examples_cover_every_type(lang) -> None:
    from kronologi.events.ontology import NAMES

    seen = {ev[0] for case in langs.examples(lang, "events") for ev in case["events"]}
    assert seen == set(NAMES)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_events_pack_examples_cover_every_modality(lang) -> None:
    seen = {ev[2] for case in langs.examples(lang, "events") for ev in case["events"]}
    assert seen == {"asserted", "future", "hypothetical", "negated", "reported"}
