"""Dating events from the narration: clause first, then the narrative anchor, then the publication day."""

from __future__ import annotations

from kronologi.events.narrative import date_events

from test_events_pack_examples import events_of


def _dated(text: str, lang: str = "id", published: str = "2022-01-11"):
    doc = events_of(text, lang, published)
    date_events(doc)
    return [(ev["type"], ev["date"], ev["date_basis"]) for ev in doc.events]


def test_events_narrative_a_sentence_without_a_date_goes_on_with_the_last_day_narrated():
    got = _dated("Warga berunjuk rasa di alun-alun pada Sabtu. Polisi menangkap dua orang.")
    assert got == [("protest", "2022-01-08", "clause"), ("arrest", "2022-01-08", "narrative")]


def test_events_narrative_what_is_said_before_the_narration_sets_a_day_is_said_on_publication():
    got = _dated("Polisi mengatakan situasi sudah aman. Warga berunjuk rasa pada Sabtu.")
    assert got == [("statement", "2022-01-11", "publication"), ("protest", "2022-01-08", "clause")]


def test_events_narrative_the_start_of_a_span_anchors_nothing():
    got = _dated("Kerusuhan pecah di ibu kota sejak Senin. Polisi menangkap dua orang.", published="2022-01-20")
    assert got == [("riot", "2022-01-17", "clause"), ("arrest", None, None)]


def test_events_narrative_no_date_at_all_stays_undated():
    doc = events_of("Polisi menangkap dua orang.", "id", None)
    date_events(doc)
    assert [(ev["date"], ev["date_basis"]) for ev in doc.events] == [(None, None)]
