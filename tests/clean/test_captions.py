"""Captions, credit lines and repeated lines: the signals and whole articles."""

from __future__ import annotations

import pytest

from kronologi.clean import clean_document
from kronologi.clean.captions import credit_only, ends_with_date, photo_credit, repeated_copies, trailing_agency
from kronologi.clean.lines import make_line
from kronologi.document import Document


def _clean(raw: str) -> Document:
    return clean_document(Document(id="t", source_path="t.txt", format="text", raw_text=raw))


@pytest.mark.parametrize("text,expected", [
    ("Warga mengungsi ke masjid, Senin (3/3/2025). Foto: Dok. Humas Pemkab", True),
    ("Warga mengungsi ke masjid. (FOTO: Dok Warta Kita)", True),
    ("Residents queue for water. (Photo by Jane DOE / AFP)", True),
    ("Residents queue for water. (AP Photo/John Roe)", True),
    ("Banjir merendam jalan utama. (ANTARA/Budi Santoso)", True),
    ("Gempa di pesisir. ©REUTERS/Jane Roe", True),
    ("Merek itu berdiri sejak lama. © Merek Kita, dan kini produknya dijual di banyak negara di Asia Tenggara.", False),
    ("Foto/video yang beredar menunjukkan air setinggi dada di jalan utama.", False),
    ("Rute Jakarta/Bandung ditutup sementara karena longsor.", False),
    ("Warga antre bantuan di balai desa pada Senin pagi.", False),
])
def test_captions_photo_credit(text, expected):
    assert photo_credit(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("Presiden menyampaikan hal itu di istana. (Anadolu Agency)", True),
    ("Supporters rally outside the embassy, Feb 1, 2021. -Reuters", True),
    ("Rescuers carry a woman from the debris. (XYZ)", True),
    ("Petugas memperkirakan air surut dalam dua hari. (ant)", False),
    ("Ia datang ke lokasi (bersama istrinya)", False),
])
def test_captions_trailing_agency(text, expected):
    assert trailing_agency(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("STR / AFP", True), ("Associated Press|", True), ("(Photo: Jane Roe)", True),
    ("Foto: BUDI SANTOSO/WARTA KITA", True), ("Jakarta / Bandung", False), ("Editor: Rina", False),
])
def test_captions_credit_only(text, expected):
    assert credit_only(make_line(0, text)) is expected


def test_captions_ends_with_date():
    assert ends_with_date("Posko pengungsian di halaman masjid, 4 Maret 2025.", "id")
    assert ends_with_date("Rumah rusak di desa itu, Selasa (4/3/2025).", "id")
    assert not ends_with_date("Kata dia, Kamis, 12 September 2019, di kantornya.", "id")
    assert not ends_with_date("Banjir terjadi pada 4 Maret 2025 di tiga desa.", "id")


def test_captions_repeated_copies_caption_goes_deck_keeps_last_chorus_untouched():
    texts = ["Petugas mencari korban di reruntuhan rumah warga di desa itu pada Selasa (Foto: Dok Warta)",  # 0 caption
             "zoom-in",  # 1
             "Petugas mencari korban di reruntuhan rumah warga di desa itu pada Selasa (Foto: Dok Warta)",  # 2
             "Banjir merendam tiga desa dan memaksa ratusan warga mengungsi ke sekolah.",  # 3 deck
             "WARTA KITA, DEMAK - Hujan deras sejak Senin membuat sungai meluap ke permukiman warga.",  # 4
             "Banjir merendam tiga desa dan memaksa ratusan warga mengungsi ke sekolah.",  # 5 lead copy
             "Oh the rain keeps falling", "Oh the rain keeps falling"]  # 6, 7 a short chorus
    lines = [make_line(i, t) for i, t in enumerate(texts)]
    assert repeated_copies(lines, "id") == {0: "clean.caption", 2: "clean.caption", 3: "clean.repeated_line"}


def test_captions_whole_indonesian_page():
    raw = "\n".join([
        "Banjir Rendam Tiga Desa di Pesisir Demak",
        "Selasa, 4 Mar 2025 10:15 WIB",
        "waktu baca 2 menit",
        "Warga menyelamatkan barang dari rumah yang terendam di Desa Sukamaju, Selasa (4/3/2025). Foto: Dok. BPBD",
        "copy-link-circle",
        "Warga menyelamatkan barang dari rumah yang terendam di Desa Sukamaju, Selasa (4/3/2025). Foto: Dok. BPBD",
        "Rep: Sinta Dewi / Red: Agus Salim",
        "WARTA KITA, DEMAK - Banjir merendam tiga desa di pesisir Demak sejak Senin malam.",
        "Sebanyak 1.100 warga mengungsi ke balai desa dan masjid terdekat, kata petugas.",
        "Posko pengungsian di halaman masjid desa. (Foto: Dok. Warta Kita)",
        "Bantuan tambahan tiba di posko itu, kata camat setempat, Selasa, 4 Maret 2025.",
        "Petugas memperkirakan air baru surut dalam dua hari jika cuaca membaik.",
        "|",
        "Ikuti Warta Kita di Google News",
        "Jumlah pengungsi di kecamatan itu kini mencapai 1.100 orang",
    ])
    doc = _clean(raw)
    assert doc.published == "2025-03-04T10:15+07:00"
    assert doc.text.startswith("Banjir merendam tiga desa")
    assert "Warga menyelamatkan" not in doc.text and "Posko pengungsian" not in doc.text
    assert "waktu baca" not in doc.text and "copy-link" not in doc.text and "|" not in doc.text
    assert "Google News" not in doc.text and "Rep:" not in doc.text
    assert doc.text.endswith("kini mencapai 1.100 orang") and "kata camat setempat, Selasa, 4 Maret 2025." in doc.text
    reasons = [r.reason for r in doc.removed]
    assert reasons.count("clean.caption") == 3


def test_captions_whole_english_page():
    raw = "\n".join([
        "Flood waters reach homes in coastal towns",
        "Associated Press|",
        "Heavy rain fell on the coast from Monday afternoon and the river overflowed into homes.",
        "• Follow The Daily Courier on Facebook and Twitter",
        "Rescue teams moved elderly residents and children to a nearby school building.",
        "3 View gallery",
        "שלום עולם לכולם",
        "shelter in the school gym",
        "(Photo: Jane Roe)",
        "Residents wade through flood water in the town centre. (XYZ)",
        "The local government declared a seven-day state of emergency on Tuesday.",
        "Officials said the water would recede within two days. (AFP)",
    ])
    doc = _clean(raw)
    for gone in ("Associated Press", "Follow The Daily", "View gallery", "שלום", "school gym", "Jane Roe", "wade through"):
        assert gone not in doc.text, gone
    assert doc.text.endswith("within two days. (AFP)") and "Rescue teams moved" in doc.text
    assert doc.credits == ["AFP"]


def test_captions_footer_keeps_only_the_bodys_own_unpunctuated_last_line():
    raw = "\n".join([
        "Flood waters reach homes in coastal towns",
        "Heavy rain fell on the coast from Monday afternoon and the river overflowed into homes.",
        "Rescue teams moved elderly residents and children to a nearby school building.",
        "The number of people moved to shelters in the district has now reached 1,100",
        "More on this story",
        "Storm damage in the north is expected to rise as rescue continues",
    ])
    doc = _clean(raw)
    assert doc.text.endswith("has now reached 1,100")
    assert "expected to rise" not in doc.text


def test_captions_wire_closing_credits_and_related_block_with_a_question():
    raw = "\n".join([
        "Harbour pilots strike over pensions",
        "LISBOA, May 3 (Reuters) - Harbour pilots in four ports stopped work on Sunday in a row over pensions, their union said.",
        "The union said about 300 pilots had joined the stoppage and that talks would resume on Tuesday.",
        "Related Coverage",
        "Ports brace for a summer of stoppages",
        "Analysis: Why are the pilots angry?",
        "Shipping lines said at least 20 vessels were waiting offshore, and some had turned back.",
        "Staff writer Pablo Ruiz in Porto contributed to this report.",
        "Copyright 2026 Harbour News Service. All rights reserved. This article may not be reproduced, "
        "broadcast or rewritten without written permission.",
    ])
    doc = _clean(raw)
    for gone in ("Related Coverage", "Ports brace", "Why are the pilots angry", "contributed to this report",
                 "All rights reserved"):
        assert gone not in doc.text, gone
    assert "at least 20 vessels were waiting offshore" in doc.text


def test_captions_date_line_under_an_agency_masthead_is_the_publication_date():
    # an outlet masthead that is also an agency name stands above the date line: no photo there
    doc = _clean("Reuters\nKamis, 14 Mar 2030 08:05 WIB\nPetani Sawahlunto Mundur Panen Karena Hujan\n"
                 "Petani di Kabupaten Lembah Kerta menunda panen padi karena hujan tak kunjung reda sejak pekan lalu.\n\n"
                 "Dinas pertanian setempat mencatat ratusan hektare sawah tergenang air setinggi lutut orang dewasa.\n")
    assert doc.published and doc.published.startswith("2030-03-14")
    assert ("Kamis, 14 Mar 2030 08:05 WIB", "clean.date_line") in [(r.text, r.reason) for r in doc.removed]


def test_captions_footer_line_that_introduces_nothing_goes():
    doc = _clean("Petani Mundur Panen\n"
                 "Petani di Kabupaten Lembah Kerta menunda panen padi karena hujan tak kunjung reda sejak pekan lalu.\n\n"
                 "Dinas pertanian setempat mencatat ratusan hektare sawah tergenang air setinggi lutut orang dewasa.\n\n"
                 "Tonton juga video menarik berikut:\n")
    assert "berikut" not in doc.text
    assert ("Tonton juga video menarik berikut:", "clean.footer") in [(r.text, r.reason) for r in doc.removed]
