"""Header dates: labels, crawl-date widgets, metadata prefixes, caption dates."""

from __future__ import annotations

from kronologi.clean import clean_document
from kronologi.clean.header_dates import date_label, metadata_prefix
from kronologi.document import Document
from kronologi.temporal.reference import plausible_header_date

BODY = ["Banjir merendam ratusan rumah di tiga desa sejak Senin (3/3/2025) malam, kata petugas setempat.",
        "Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak ke gedung sekolah terdekat.",
        "Pemerintah daerah menetapkan status tanggap darurat selama tujuh hari ke depan."]


def _clean(*header: str) -> Document:
    raw = "\n".join(["Banjir Rendam Tiga Desa di Pesisir", *header, *BODY])
    return clean_document(Document(id="t", source_path="t.txt", format="text", raw_text=raw))


def test_header_dates_published_label_wins_over_update():
    doc = _clean("oleh Rina diperbarui 5 Mar 2025, 11:58 WIB", "Diterbitkan 4 Mar 2025, 09:00 WIB")
    assert doc.published == "2025-03-04T09:00+07:00" and doc.published_basis == "text"


def test_header_dates_unlabelled_line_wins_over_update():
    doc = _clean("Diperbarui 6 Mar 2025 08:00 WIB", "Selasa, 4 Maret 2025 10:15 WIB")
    assert doc.published.startswith("2025-03-04")


def test_header_dates_day_of_reading_above_the_headline_is_not_the_publication_date():
    raw = "\n".join(["Minggu, 9 Maret 2025", "Masuk | Daftar", "Banjir Rendam Tiga Desa di Pesisir",
                     "Selasa, 4 Maret 2025 10:15 WIB", *BODY])
    doc = clean_document(Document(id="t", source_path="t.txt", format="text", raw_text=raw))
    assert doc.published == "2025-03-04T10:15+07:00"  # the earliest of two unlabelled date lines


def test_header_dates_update_used_when_alone():
    assert _clean("Diperbarui 5 Mar 2025 08:00 WIB").published.startswith("2025-03-05")


def test_header_dates_today_widget_is_never_the_publication_date():
    doc = _clean("Hari ini: Jumat, 14 Maret 2025")
    assert doc.published is None or not doc.published.startswith("2025-03-14")


def test_header_dates_crawl_date_far_after_the_body_is_rejected():
    doc = _clean("Kamis, 16 Oktober 2025")
    assert doc.published is None
    assert doc.observed["published"]["text_rejected"] == "2025-10-16"


def test_header_dates_english_day_month_comma_year():
    raw = "\n".join(["Floods reach homes on the coast", "Published 4 Mar, 2025 10:00am",
                     "Heavy rain fell on the city from Monday afternoon and the river overflowed into homes.",
                     "Rescue teams moved elderly residents and children to a nearby school building."])
    doc = clean_document(Document(id="t", source_path="t.txt", format="text", raw_text=raw))
    assert doc.published == "2025-03-04T10:00"


def test_header_dates_caption_date_is_not_read():
    doc = _clean("Banjir di Demak, Selasa (4/3/2025).")
    assert doc.published is None or not doc.published.startswith("2025-03-04")
    assert "Banjir di Demak, Selasa (4/3/2025)." not in doc.text


def test_header_dates_metadata_prefix_is_stripped_and_read():
    assert metadata_prefix(" date 2025-03-04 Rescue teams worked overnight.") == ("date 2025-03-04", "2025-03-04")
    assert metadata_prefix("The date 2025-03-04 was set.") is None
    raw = " date 2025-03-04 Heavy rain fell on the city from Monday afternoon and the river overflowed into homes.\n" \
          "Rescue teams moved elderly residents and children to a nearby school building."
    doc = clean_document(Document(id="t", source_path="t.txt", format="text", raw_text=raw))
    assert doc.text.startswith("Heavy rain fell") and doc.published == "2025-03-04"


def test_header_dates_labels():
    assert date_label("Diterbitkan 4 Mar 2025") == "published"
    assert date_label("Last updated March 5, 2025") == "updated"
    assert date_label("Today: Friday, March 14, 2025") == "today"
    assert date_label("Selasa, 4 Maret 2025 10:15 WIB") is None


def test_reference_plausible_header_date():
    body = "Gempa terjadi pada Senin (21/11/2022) dan warga mengungsi pada 22 November 2022."
    assert plausible_header_date("2022-11-23", body, "id")
    assert not plausible_header_date("2025-05-16", body, "id")
    assert plausible_header_date("2025-05-16", "Tanpa tanggal apa pun di sini.", "id")
    assert plausible_header_date("2025", body, "id")


STORY = {
    "id": ["Banjir Rendam Tiga Desa di Pesisir",
           "Banjir merendam ratusan rumah di tiga desa pesisir Lembah Hijau sejak Senin malam, kata petugas.",
           "Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak ke gedung sekolah terdekat.",
           "Pemerintah daerah menetapkan status tanggap darurat selama tujuh hari ke depan."],
    "en": ["Floods Swamp Three Coastal Villages",
           "Floods swamped hundreds of homes in three villages of the Greenvale coast on Monday night, officials said.",
           "Rescue teams moved elderly residents and children to a nearby school building.",
           "The district declared a seven-day state of emergency on Tuesday."],
}


def _story(lang: str, *inserted: tuple[int, str]) -> Document:
    lines = list(STORY[lang])
    for position, line in sorted(inserted, reverse=True):
        lines.insert(position, line)
    return clean_document(Document(id="t", source_path="t.txt", format="text", raw_text="\n".join(lines)))


def _reasons(doc: Document) -> dict[str, str]:
    return {r.text: r.reason for r in doc.removed}


def test_header_dates_bare_date_line_inside_the_body_is_debris_and_read_when_the_only_one():
    for lang, stamp, value in (("id", "Senin, 21 November 2022 14:05 WIB", "2022-11-21T14:05+07:00"),
                               ("id", "Senin, 21 November 2022", "2022-11-21"),
                               ("en", "Nov 21, 2022, 2:05 PM", "2022-11-21T14:05"),
                               ("en", "Monday, November 21, 2022", "2022-11-21")):
        doc = _story(lang, (2, stamp))
        assert _reasons(doc).get(stamp) == "clean.date_line" and stamp not in doc.text, (lang, stamp)
        assert doc.published == value, (lang, stamp)


def test_header_dates_bare_date_line_after_the_body_is_debris_and_read_when_the_only_one():
    doc = _story("en", (4, "Nov 21, 2022, 2:05 PM"))
    assert _reasons(doc).get("Nov 21, 2022, 2:05 PM") == "clean.date_line"
    assert doc.published == "2022-11-21T14:05"


def test_header_dates_stray_date_line_yields_to_the_header_date():
    doc = _story("id", (1, "Minggu, 20 November 2022 09:00 WIB"), (2, "Senin, 21 November 2022 14:05 WIB"))
    assert _reasons(doc).get("Senin, 21 November 2022 14:05 WIB") == "clean.date_line"
    assert doc.published == "2022-11-20T09:00+07:00"


def test_header_dates_several_stamps_in_the_body_are_updates_not_the_publication():
    doc = _story("en", (2, "Nov 21, 2022, 2:05 PM"), (3, "Nov 21, 2022, 4:40 PM"))
    assert {_reasons(doc).get(s) for s in ("Nov 21, 2022, 2:05 PM", "Nov 21, 2022, 4:40 PM")} == {"clean.date_line"}
    assert doc.published is None


def test_header_dates_dates_heading_a_timeline_are_kept():
    doc = _story("id", (2, "Senin, 21 November 2022"), (3, "Selasa, 22 November 2022"))
    assert "Senin, 21 November 2022" in doc.text and "Selasa, 22 November 2022" in doc.text
    assert doc.published is None


def test_header_dates_a_zone_written_as_an_offset_from_utc_or_by_a_regional_name():
    for stamp, value in (("March 9, 2023 7:05 PM GMT+8", "2023-03-09T19:05+08:00"),
                         ("9 March 2023 07:05 UTC-05:00", "2023-03-09T07:05-05:00"),
                         ("Posted: 9 March 2023, 19:05 PHT", "2023-03-09T19:05+08:00"),
                         ("March 9, 2023 11:30 AM GMT", "2023-03-09T11:30+00:00")):
        doc = _story("en", (1, stamp))
        assert doc.published == value, stamp


def test_header_dates_day_first_numeric_date_in_a_month_first_language():
    """'18/04/2026' cannot be month first: an English header reads it day first; '04/05/2026' stays month first."""
    from kronologi.temporal.stated import find_stated_date
    assert find_stated_date("Posted on 18/04/2026 - 07:41", "en").value == "2026-04-18T07:41"
    assert find_stated_date("Posted on 04/05/2026", "en").value == "2026-04-05"


def test_header_dates_wire_source_line_makes_no_caption_of_headline_and_date():
    raw = "\n".join(["Dock workers walk out in three ports as wage talks collapse", "", "AFP", "",
                     "Published on 18/04/2026 - 07:41", "",
                     "Valdura (AFP) – Dock workers in three ports walked off the job on Saturday after talks on pay broke down.",
                     "The union said about 4,000 members had joined the strike by midday.",
                     "Shipping agents said at least twelve vessels were waiting to unload."])
    doc = clean_document(Document(id="t", source_path="t.txt", format="text", raw_text=raw))
    assert doc.title == "Dock workers walk out in three ports as wage talks collapse"
    assert doc.published == "2026-04-18T07:41"
