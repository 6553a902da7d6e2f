"""The resolver: tense, the article's own weekdays, clock times, coarse or missing references."""

from __future__ import annotations

from datetime import date

from kronologi.temporal import tag, values


def _values(text: str, reference, lang: str = "id") -> list[tuple[str, str]]:
    return [(tm.text, tm.value) for tm in tag(text, lang, reference)]


def test_resolve_reference_day_itself_counts_for_past_and_future():
    assert _values("Ia tiba Kamis.", "2022-01-13") == [("Kamis", "2022-01-13")]
    assert _values("Ia akan tiba Kamis.", "2022-01-13") == [("Kamis", "2022-01-13")]


def test_resolve_future_weekday_is_remembered_for_later_bare_mentions():
    text = "Pemilu akan digelar hari Minggu. Hasil hitung cepat keluar Minggu malam."
    assert _values(text, "2022-11-17") == [("hari Minggu", "2022-11-20"), ("Minggu malam", "2022-11-20TNI")]


def test_resolve_remembered_weekday_does_not_override_an_own_cue():
    text = "Pemilu akan digelar hari Minggu. Kampanye terakhir sudah berlangsung Minggu lalu."
    assert _values(text, "2022-11-17")[1] == ("Minggu lalu", "2022-11-13")


def test_resolve_clock_time_takes_the_day_of_its_sentence_or_paragraph():
    text = "Gempa terjadi Senin (10/1) pukul 21.05 WIB. Susulan terasa pukul 23.10 WIB.\nSirene berbunyi pukul 06.00 WIB."
    assert _values(text, "2022-01-12") == [("Senin (10/1)", "2022-01-10"),
                                           ("pukul 21.05 WIB", "2022-01-10T21:05+07:00"),
                                           ("pukul 23.10 WIB", "2022-01-10T23:10+07:00"),
                                           ("pukul 06.00 WIB", "2022-01-12T06:00+07:00")]


def test_resolve_reference_known_to_the_month_only():
    assert _values("Harga naik tahun lalu dan turun bulan lalu, dua hari lalu.", "2022-01") == \
        [("tahun lalu", "2021"), ("bulan lalu", "2021-12"), ("dua hari lalu", "XXXX-XX-XX")]


def test_resolve_a_day_and_month_on_a_reference_known_to_the_year_or_month():
    text = "Per 2 Mei, 30 orang ditahan. Kerusuhan pecah 28 Desember, dua hari lalu."
    assert _values(text, "2021") == [("2 Mei", "2021-05-02"), ("28 Desember", "2021-12-28"),
                                     ("dua hari lalu", "XXXX-XX-XX")]
    # read in January, a December is last year's and a May the last one before it
    assert _values(text, "2022-01")[:2] == [("2 Mei", "2021-05-02"), ("28 Desember", "2021-12-28")]
    assert _values("Gempa terjadi 6 Februari.", "2023-02") == [("6 Februari", "2023-02-06")]


def test_resolve_reference_with_time_and_zone():
    assert _values("Kebakaran terjadi dua jam lalu.", "2022-01-10T22:25+07:00") == \
        [("dua jam lalu", "2022-01-10T20:25+07:00")]


def test_resolve_without_reference_everything_relative_is_underspecified():
    found = _values("Senin lalu, kemarin, pekan lalu, bulan Maret, tahun lalu, 2 Januari, pukul 10.00.", None)
    assert found == [("Senin lalu", "XXXX-WXX-1"), ("kemarin", "XXXX-XX-XX"), ("pekan lalu", "XXXX-WXX"),
                     ("bulan Maret", "XXXX-03"), ("tahun lalu", "XXXX"), ("2 Januari", "XXXX-01-02"),
                     ("pukul 10.00", "XXXX-XX-XXT10:00")]


def test_resolve_precision_of_each_value():
    found = {tm.text: tm.precision for tm in tag("Senin malam, pekan lalu, Maret 2021, tahun 2019, pukul 10.00, "
                                                  "tiga tahun, setiap hari, saat ini.", "id", "2022-01-11")}
    assert found == {"Senin malam": "part_of_day", "pekan lalu": "week", "Maret 2021": "month", "tahun 2019": "year",
                     "pukul 10.00": "minute", "tiga tahun": None, "setiap hari": None, "saat ini": None}


def test_resolve_values_helpers():
    assert values.at_unit(date(2022, 1, 2), "W") == "2021-W52"
    assert values.at_unit(date(2022, 5, 2), "Q") == "2022-Q2"
    assert values.duration(0.5, "H") == "PT30M"
    assert values.duration(1.5, "Y") == "P1.5Y"
    assert values.duration("X", "MIN") == "PTXM"
    assert values.duration(0.25, "CE") == "P25Y"
    assert values.weekday_near(date(2022, 1, 10), 1, -1) == date(2022, 1, 10)
    assert values.weekday_near(date(2022, 1, 10), 1, -1, strict=True) == date(2022, 1, 3)
    assert values.add_months(date(2022, 3, 31), -1) == date(2022, 2, 28)
    assert values.hour_in_part(9, [18, 24]) == 21
    assert values.hour_in_part(2, [0, 4]) == 2


def test_resolve_beyond_the_calendar_is_past_or_future_not_a_crash():
    assert _values("Candi itu dibangun 5000 tahun lalu, 900000 hari lalu.", "2022-01-11") == \
        [("5000 tahun lalu", "PAST_REF"), ("900000 hari lalu", "PAST_REF")]
    assert _values("Bintang itu padam 8000 tahun lagi.", "2022-01-11") == [("8000 tahun lagi", "FUTURE_REF")]


def test_resolve_clock_time_later_than_the_reference_is_an_earlier_day():
    text = "Laga digelar Sabtu (1/10/2022).\nPertandingan dimulai pukul 20.00 WIB.\nSidang akan dibuka pukul 13.00 WIB."
    assert _values(text, "2022-10-02T09:10+07:00")[1:] == [("pukul 20.00 WIB", "2022-10-01T20:00+07:00"),
                                                           ("pukul 13.00 WIB", "2022-10-02T13:00+07:00")]
    assert _values("Kebakaran terjadi pukul 23.00 WIB.", "2022-10-02T09:10") == \
        [("pukul 23.00 WIB", "2022-10-01T23:00+07:00")]


def test_resolve_weekday_typo_is_noted_and_written_dates_are_not():
    (fixed,) = tag("Gudang itu terbakar pada Senin (7/2).", "id", "2023-02-06")
    assert (fixed.value, fixed.note, fixed.to_dict()["note"]) == ("2023-02-06", "corrected.weekday", "corrected.weekday")
    (kept,) = tag("Gudang itu terbakar pada Senin (6/2).", "id", "2023-02-08")
    assert (kept.value, kept.note) == ("2023-02-06", None) and "note" not in kept.to_dict()


def test_resolve_weekday_nearest_stays_within_three_days():
    assert values.weekday_nearest(date(2023, 2, 7), 1) == date(2023, 2, 6)  # Tuesday -> the Monday before
    assert values.weekday_nearest(date(2023, 2, 10), 1) == date(2023, 2, 13)  # Friday -> the Monday after
    assert values.weekday_nearest(date(2023, 2, 6), 1) == date(2023, 2, 6)


def test_resolve_a_relative_day_restated_by_the_date_after_it_is_that_date():
    text = "Presiden meninjau lokasi banjir sehari kemudian, 12 Maret."
    assert _values(text, "2022-04-02") == [("sehari kemudian", "2022-03-12"), ("12 Maret", "2022-03-12")]
    assert _values("The minister toured the flooded valley the next day (12 March).", "2022-04-02", "en") \
        == [("the next day", "2022-03-12"), ("12 March", "2022-03-12")]
    # without the restating date, "a day later" counts from the last day named, else the reference
    assert _values("Banjir melanda pada 10 Maret. Presiden meninjau lokasi sehari kemudian.", "2022-04-02")[1] \
        == ("sehari kemudian", "2022-03-11")


def test_resolve_the_years_of_a_term_of_office_are_noted_as_its_name():
    found = tag("Anggota DPRD periode 2019-2024 dilantik Selasa (17/9), menggantikan masa jabatan 2014-2019.",
                "id", "2019-09-18")
    assert [(t.text, t.note) for t in found] == [("2019", "names.term"), ("2024", "names.term"),
                                                  ("Selasa (17/9)", None), ("2014", "names.term"),
                                                  ("2019", "names.term")]
    (war,) = [t for t in tag("Perang itu berlangsung 2014-2019.", "id", "2019-09-18") if t.text == "2014"]
    assert war.note is None  # a span of years with no term word is a time like any other


def test_resolve_a_constitutions_year_is_noted_as_its_name():
    found = tag("The army took power under the 2008 constitution in 2021.", "en", "2022-01-11")
    assert [(t.text, t.value, t.note) for t in found] == [("2008", "2008", "names.document"), ("2021", "2021", None)]
