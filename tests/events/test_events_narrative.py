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


def test_events_narrative_an_article_known_to_its_month_dates_what_it_tells_to_that_month():
    got = _dated("Polisi menangkap dua orang. Presiden mengatakan situasi sudah aman.", published="2022-01")
    assert got == [("arrest", "2022-01", "publication"), ("statement", "2022-01", "publication")]
    doc = events_of("Polisi menangkap dua orang.", "id", "2022-01")
    date_events(doc)
    assert doc.events[0]["precision"] == "month"


def test_events_narrative_a_count_is_dated_as_of_the_day_its_figures_give():
    doc = events_of("Gempa mengguncang Lembang pada Senin (10/1). Sebanyak 80 orang tewas.", "id", "2022-01-12")
    doc.figures = [{"sentence": 1, "value": 80, "category": "killed", "status": "reported",
                    "as_of": "2022-01-12T17:00", "as_of_basis": "text"}]
    date_events(doc)
    assert [(ev["type"], ev["date"], ev["date_basis"]) for ev in doc.events] == \
        [("disaster", "2022-01-10", "clause"), ("killing", "2022-01-12", "clause")]


def test_events_narrative_what_a_background_sentence_tells_is_background_too():
    text = ("Banjir bandang melanda Lembang pada Senin (10/1). "
            "Pada tahun 2009, 40 orang tewas setelah banjir besar melanda desa itu.")
    doc = events_of(text, "id", "2022-01-11")
    date_events(doc)
    later = [ev for ev in doc.events if ev["sentence"] == 1]
    assert len(later) >= 2 and all(ev["date"] == "2009" and ev["background"] for ev in later)


def test_events_narrative_a_sentence_telling_the_toll_rose_reports_it_on_the_articles_day():
    got = _dated("Jumlah korban gempa Lembang, Senin (10/1), bertambah lagi.", published="2022-01-14")
    assert got == [("killing", "2022-01-14", "publication")]
    got = _dated("Gempa mengguncang Lembang pada Senin (10/1).", published="2022-01-14")
    assert got == [("disaster", "2022-01-10", "clause")]  # the quake itself keeps its day
    got = _dated("The death toll from Monday's flood in Lembang climbed again.", "en", published="2022-01-14")
    assert ("killing", "2022-01-14", "publication") in got


def test_events_narrative_a_sentence_turning_back_to_an_earlier_time_takes_no_narrated_day():
    got = _dated("Warga berunjuk rasa di alun-alun pada Sabtu. Sebelumnya, polisi menangkap dua orang.")
    assert got == [("protest", "2022-01-08", "clause"), ("arrest", None, None)]
    got = _dated("Residents protested in the square on Saturday. Earlier, police arrested two men.", "en")
    assert got == [("protest", "2022-01-08", "clause"), ("arrest", None, None)]
    got = _dated("Warga berunjuk rasa di alun-alun pada Sabtu. Kemudian polisi menangkap dua orang.")
    assert got[1] == ("arrest", "2022-01-08", "narrative")  # "then" goes on with the narrated day


def test_events_narrative_a_sentence_turning_back_keeps_a_day_it_names():
    got = _dated("Warga berunjuk rasa pada Sabtu. Sebelumnya, polisi menangkap dua orang pada Kamis.")
    assert got[1] == ("arrest", "2022-01-06", "clause")


def test_events_narrative_a_saying_after_a_happening_recalled_days_before_is_said_on_the_articles_day():
    text = "Banjir bandang melanda Lembang pada Senin (10/1). Bupati mengatakan bantuan sudah tiba."
    got = _dated(text, published="2022-01-14")
    assert got == [("disaster", "2022-01-10", "clause"), ("statement", "2022-01-14", "publication")]
    got = _dated(text, published="2022-01-11")  # the next day: still the narrated day
    assert got[1] == ("statement", "2022-01-10", "narrative")
    got = _dated("Banjir bandang melanda Lembang pada Senin (10/1). Polisi menangkap dua penjarah.",
                 published="2022-01-14")
    assert got[1] == ("arrest", "2022-01-10", "narrative")  # a deed goes on with the narrated day


def test_events_narrative_in_an_article_known_to_its_month_a_day_before_it_is_recalled_not_narrated():
    got = _dated("Demonstrasi besar pecah pada 3 Maret 2022. Polisi menangkap dua orang.", published="2022-05")
    assert got == [("protest", "2022-03-03", "clause"), ("arrest", "2022-05", "publication")]
    got = _dated("Demonstrasi besar pecah pada 3 Mei 2022. Polisi menangkap dua orang.", published="2022-05")
    assert got == [("protest", "2022-05-03", "clause"), ("arrest", "2022-05-03", "narrative")]


def test_events_narrative_a_toll_with_its_count_reports_the_count_not_the_quake_it_names():
    text = "The death toll from the earthquake that hit Ardania climbed to 480 on Wednesday."
    doc = events_of(text, "en", "2022-01-13")
    doc.figures = [{"sentence": 0, "category": "killed", "value": 480, "status": "reported",
                    "as_of": "2022-01-12", "as_of_basis": "text"}]
    date_events(doc)
    assert [(ev["type"], ev["date"], bool(ev.get("tells_toll"))) for ev in doc.events] == [("killing", "2022-01-12", True)]


def test_events_narrative_a_since_date_dates_the_state_it_starts_not_a_happening_beside_it():
    lead = "Warga berunjuk rasa di alun-alun pada Senin (10/1). "
    got = _dated(lead + "Sebelum wafat, tokoh itu sempat menjalani perawatan di rumah sakit sejak Sabtu (1/1).")
    assert got[1] == ("killing", "2022-01-10", "narrative")  # the death takes the narrated day, not 1 January
    got = _dated(lead + "Tokoh itu wafat setelah menjalani perawatan di ruang ICU sejak Sabtu (1/1).")
    assert got[1] == ("killing", "2022-01-10", "narrative")
    got = _dated(lead + "Ia dirawat sejak Sabtu (1/1) dan akhirnya meninggal dunia.")
    assert got[1] == ("killing", "2022-01-10", "narrative")
    got = _dated("Ia dirawat di rumah sakit sejak Sabtu (1/1).")
    assert got == [("other", "2022-01-01", "clause")]  # the state itself keeps its start
    got = _dated("Sejak Sabtu (1/1), warga mengungsi ke bukit.")
    assert got == [("other", "2022-01-01", "clause")]  # a since phrase that opens the sentence
    got = _dated("He died after undergoing treatment in intensive care since Saturday.", "en")
    assert got == [("killing", None, None)]


def test_events_narrative_a_since_year_makes_no_background_of_what_the_sentence_tells():
    got = _dated("Warga berunjuk rasa di alun-alun pada Senin (10/1). "
                 "Konflik lahan itu berlangsung sejak 2014 dan dua orang tewas.")
    assert ("killing", "2022-01-10", "narrative") in got


def test_events_narrative_a_day_named_in_the_perfect_of_the_past_is_recalled_what_is_said_after_is_said_now():
    got = _dated("The mayor said crews had been sent to the dam on Monday, hours before it failed. "
                 "\"We were too late,\" the mayor said.", "en")
    assert got == [("statement", "2022-01-10", "clause"), ("statement", "2022-01-11", "publication")]
    got = _dated("Crews reached the dam on Monday. \"We were too late,\" the mayor said.", "en")
    assert got == [("other", "2022-01-10", "clause"), ("statement", "2022-01-10", "narrative")]
