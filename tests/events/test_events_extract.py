"""Sentence-level extraction: dates, background, actors and location from mentions, summaries."""

from __future__ import annotations

from kronologi.events import EventsStep
from kronologi.events.timing import bounds, event_date, is_background, published_day

from test_events_pack_examples import events_of


def _mention(text: str, doc_text: str, type_: str, entity: str | None = None) -> dict:
    start = doc_text.index(text)
    mention = {"start": start, "end": start + len(text), "text": text, "type": type_}
    if entity:
        mention["entity"] = entity
    return mention


def test_events_extract_event_dates_from_timex_values():
    assert event_date("2022-01-10TNI") == ("2022-01-10", "day")
    assert event_date("2022-11-20T01:00+00:00") == ("2022-11-20", "day")
    assert event_date("2022-W46-WE") == ("2022-11-19", "week")  # a weekend: its Saturday
    assert event_date("2022-W01") == ("2022-01-03", "week")  # a week: its Monday
    assert event_date("2022-01") == ("2022-01", "month")
    assert event_date("2022-Q1") == ("2022", "year")
    assert event_date("1991") == ("1991", "year")
    for value in ("PXD", "PRESENT_REF", "XXXX-WXX-1", "P7Y", None, ""):
        assert event_date(value) is None


def test_events_extract_bounds_and_background():
    assert [d.isoformat() for d in bounds("2022-01-05", "week")] == ["2022-01-03", "2022-01-09"]
    assert [d.isoformat() for d in bounds("2022-02", "month")] == ["2022-02-01", "2022-02-28"]
    day = published_day("2022-01-10")
    assert is_background("2019", "year", day)
    assert not is_background("2021", "year", day)  # last year ends days before: not years before
    assert published_day("2022-10-01T23:58-04:00", "+07:00").isoformat() == "2022-10-02"


def test_events_extract_no_publication_date_without_a_date_in_the_sentence():
    doc = events_of("Polisi menangkap lima orang.", "id")
    assert [(ev["type"], ev["date"], ev["precision"]) for ev in doc.events] == [("arrest", None, None)]


def test_events_extract_today_is_the_publication_day():
    doc = events_of("Polisi menangkap lima orang hari ini.", "id")
    assert [(ev["date"], ev["date_text"]) for ev in doc.events] == [("2022-01-11", "hari ini")]


def test_events_extract_offsets_and_fields():
    text = "Warga berunjuk rasa pada Senin. Polisi menangkap dua orang pada Selasa."
    doc = events_of(text, "id")
    first, second = doc.events
    assert first["sentence"] == 0 and second["sentence"] == 1
    assert text[second["start"]:second["end"]] == "Polisi menangkap dua orang pada Selasa."
    assert text[second["trigger_start"]:second["trigger_end"]] == "menangkap" == second["trigger"]
    assert (second["date"], second["date_text"], second["precision"], second["timex"]) == \
        ("2022-01-11", "Selasa", "day", "2022-01-11")
    assert set(first) == {"type", "trigger", "trigger_start", "trigger_end", "sentence", "start", "end", "summary",
                          "date", "date_text", "precision", "timex", "modality", "actors", "location", "background",
                          "span_start"}


def test_events_extract_actors_and_location_from_mentions():
    text = "Polisi Kazakhstan menangkap Karim Masimov di Almaty pada Sabtu."
    mentions = [_mention("Polisi Kazakhstan", text, "ORG", "E1"), _mention("Karim Masimov", text, "PER", "E2"),
                _mention("Almaty", text, "LOC", "E3")]
    (ev,) = events_of(text, "id", mentions=mentions).events
    assert (ev["actors"], ev["location"]) == (["E1", "E2"], "E3")


def test_events_extract_mention_indices_before_resolution():
    text = "Kazakhstan mengatakan pada hari Kamis bahwa tujuh orang ditangkap di Almaty."
    mentions = [_mention("Kazakhstan", text, "LOC"), _mention("Almaty", text, "LOC")]
    doc = events_of(text, "id", "2022-11-17", mentions=mentions)
    statement = next(ev for ev in doc.events if ev["type"] == "statement")
    arrest = next(ev for ev in doc.events if ev["type"] == "arrest")
    assert statement["actors"] == [0]  # a place heading its clause is its subject
    assert arrest["location"] == 1  # "di Almaty"
    assert (statement["date"], arrest["date"], arrest["modality"]) == ("2022-11-17", None, "reported")


def test_events_extract_summary_is_the_clause_cleaned():
    text = "Namun, menurut polisi, “tiga orang tewas” dalam bentrokan itu, sementara puluhan lainnya luka-luka."
    (ev,) = events_of(text, "id").events
    assert ev["summary"] == "Tiga orang tewas dalam bentrokan itu"


def test_events_extract_summary_keeps_a_number_with_a_thousands_comma_whole():
    (ev,) = events_of("Police in the northern port city arrested 1,240 students at the campus gates.", "en").events
    assert ev["summary"] == "Police in the northern port city arrested 1,240 students at the campus gates"


def test_events_extract_long_summaries_are_cut():
    text = "Polisi menangkap " + " ".join(f"orang{k}" for k in range(60)) + "."
    (ev,) = events_of(text, "id").events
    assert ev["summary"].endswith("…") and len(ev["summary"].split()) <= 29


def test_events_step_is_a_step_and_idempotent():
    step = EventsStep({})
    assert (step.name, step.version) == ("events", "26")
    assert (step.name, step.version) == ("events", "26")
    assert (step.name, step.version) == ("events", "26")
    doc = events_of("Polisi menangkap lima orang pada Senin.", "id")
    first = [dict(ev) for ev in doc.events]
    assert step(doc).events == first


def test_events_extract_empty_documents():
    doc = events_of("", "id")
    assert doc.events == []


def test_events_extract_a_date_after_since_opens_a_span():
    doc = events_of("Kekerasan meluas di seluruh negeri sejak Senin.", "id")
    assert [ev["span_start"] for ev in doc.events if ev["date"]] == [True]


def test_events_extract_a_date_in_the_cause_belongs_to_the_cause():
    # the toll is counted on the day of the article; the quake it counts the dead of struck on Monday, and the
    # sentence only recalls it: no event of its own, and its day is not the deaths'
    doc = events_of("BPBD melaporkan 40 orang meninggal akibat gempa di Lembang pada Senin (10/1).", "id")
    assert [(ev["type"], ev["date"]) for ev in doc.events] == [("killing", None)]
    doc = events_of("Forty people died due to the flood in Lembang on Monday.", "en")
    assert [(ev["type"], ev["date"]) for ev in doc.events] == [("killing", None)]
    # without a cause between them, the deaths take the day
    doc = events_of("Sebanyak 40 orang meninggal di Lembang pada Senin (10/1).", "id")
    assert [(ev["type"], ev["date"]) for ev in doc.events] == [("killing", "2022-01-10")]
    # a cause the sentence tells alone is its happening
    doc = events_of("Gempa mengguncang Lembang pada Senin (10/1).", "id")
    assert [(ev["type"], ev["date"]) for ev in doc.events] == [("disaster", "2022-01-10")]


def test_events_extract_the_second_half_of_a_hyphenated_word_is_no_trigger():
    doc = events_of("Aid reached the flood-hit villages of Ardania.", "en", "2022-01-11")
    assert "disaster" not in [ev["type"] for ev in doc.events]
    doc = events_of("The flood hit the villages of Ardania on Monday.", "en", "2022-01-11")
    assert [ev["type"] for ev in doc.events] == ["disaster"]  # the verb itself still is
    doc = events_of("Hundreds joined an anti-coup march in Ardania on Monday.", "en", "2022-01-11")
    assert "dismissal" not in [ev["type"] for ev in doc.events]


def test_events_extract_a_dates_event_takes_its_type_from_a_noun_of_its_own_clause():
    text = "Relief was sent to the epicentre of the earthquake; the minister toured the port of Ardania on Monday."
    doc = events_of(text, "en", "2022-01-11")
    assert [(ev["type"], ev["date"]) for ev in doc.events] == [("other", "2022-01-10")]  # not the quake's day
    same_clause = events_of("The earthquake of magnitude 6 near Ardania on Wednesday.", "en", "2022-01-11")
    assert [ev["type"] for ev in same_clause.events] == ["disaster"]


def test_events_extract_a_happening_named_by_its_own_date_beside_a_saying_is_recalled():
    doc = events_of("The governor said on Monday that last week's floods have killed 41 people in Ardania.", "en",
                    "2022-01-11")
    assert [(ev["type"], ev["date"]) for ev in doc.events] == [("statement", "2022-01-10"), ("killing", None)]
    doc = events_of("Last week's floods hit Ardania hard.", "en", "2022-01-11")
    assert [ev["type"] for ev in doc.events] == ["disaster"]  # told alone, it is the sentence's happening


def test_events_extract_a_time_inside_a_quotation_does_not_date_the_saying_outside_it():
    doc = events_of('"Rumah kami roboh tadi malam," ujar seorang warga.', "id", "2022-01-11")
    said = [ev for ev in doc.events if ev["trigger"] == "ujar"]
    assert said and said[0]["date"] is None
    doc = events_of('"Rumah kami roboh," ujar seorang warga pada Senin.', "id", "2022-01-11")
    assert [ev["date"] for ev in doc.events if ev["trigger"] == "ujar"] == ["2022-01-10"]


def test_events_extract_a_happening_named_by_its_month_beside_another_stays_as_the_storys_past():
    doc = events_of("The council annulled the November 2020 vote on Monday.", "en", "2021-03-10")
    assert ("election", "2020-11") in [(ev["type"], ev["date"]) for ev in doc.events]


def test_events_extract_a_cause_of_the_count_a_sentence_tells_is_recalled_and_the_count_reported():
    from kronologi.claims.step import ClaimsStep
    from kronologi.events import EventsStep

    for text, lang, counted in (("Sebanyak 10 warga luka berat akibat banjir yang melanda pada Senin.", "id", "warga"),
                                ("Ten villagers were badly hurt because of the flood that struck on Monday.", "en",
                                 "villagers")):
        doc = EventsStep({})(ClaimsStep({})(events_of(text, lang)))
        assert [(ev["type"], ev["trigger"], ev["date"]) for ev in doc.events] == [("other", counted, None)]
    doc = EventsStep({})(ClaimsStep({})(events_of("Banjir melanda Desa Lorem pada Senin.", "id")))
    assert [ev["type"] for ev in doc.events] == ["disaster"]


def test_events_extract_an_according_to_phrase_names_who_told_a_happening():
    """"Berdasarkan laporan Lorem Watch, ... tewas": Lorem Watch told it (``said_by``); an outlet that only relays
    ("seperti dilansir ...") and a name inside a quotation tell nothing."""
    def told(text: str, lang: str = "id") -> list:
        doc = events_of(text, lang, "2021-06-08", mentions=[_mention("Lorem Watch", text, "ORG", "E9")])
        return [ev.get("said_by") for ev in doc.events if ev["type"] == "killing"]

    assert told("Berdasarkan laporan Lorem Watch pada Selasa, delapan warga tewas pada Minggu.") == ["E9"]
    assert told("According to Lorem Watch, eight people were killed on Sunday.", "en") == ["E9"]
    assert told("Seperti dilansir Lorem Watch, delapan warga tewas pada Minggu.") == [None]


def test_events_extract_a_coming_date_after_until_ends_a_span_and_dates_no_act():
    """"diperpanjang tujuh hari hingga Senin (20/2)" in an article of 17 February: the extension happened by the
    article's day; 20 February is when the span ends, so the act is neither dated then nor made a future one."""
    for text, lang in (("Masa tanggap darurat banjir diperpanjang tujuh hari hingga Senin (20/2/2023).", "id"),
                       ("The emergency period was extended by seven days until Monday, February 20, 2023.", "en")):
        doc = events_of(text, lang, published="2023-02-17")
        assert doc.events and all(ev["date"] != "2023-02-20" and ev["modality"] != "future" for ev in doc.events)


def test_events_extract_an_undated_happening_in_a_relative_clause_only_describes():
    """"korban kapal motor yang tenggelam di perairan X" in a follow-up names which ship, and reports no sinking on the
    article's day; a relative clause with its own day ("yang tenggelam Senin malam") still dates the sinking."""
    doc = events_of("Pencarian korban kapal motor yang tenggelam di perairan Tandir dilanjutkan hari ini.", "id",
                    published="2022-01-12")
    assert "accident" not in [ev["type"] for ev in doc.events]
    doc = events_of("The search for victims of the ferry that sank off Tandir resumed today.", "en",
                    published="2022-01-12")
    assert [(ev["type"], ev["date"]) for ev in doc.events] == [("other", "2022-01-12")]  # the search, not a sinking
    doc = events_of("Kapal yang tenggelam Senin (10/1/2022) malam itu membawa 40 orang.", "id", published="2022-01-12")
    assert [(ev["type"], ev["date"]) for ev in doc.events] == [("accident", "2022-01-10")]
