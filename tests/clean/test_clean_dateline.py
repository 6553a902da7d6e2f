"""Datelines are taken only where the body starts, and only when the words before the dash read as one."""

from __future__ import annotations

import pytest

from kronologi.clean import clean_document
from kronologi.clean.dateline import find_dateline
from kronologi.document import Document

_MOJIBAKE_DASH = "–".encode("utf-8").decode("cp1252")  # an en dash read as Windows-1252: three characters


def _doc(text: str) -> Document:
    return Document(id="t", source_path="t.txt", format="text", raw_text=text)


@pytest.mark.parametrize("para", [
    "Marlow – the council said the bridge would open on Monday.",
    "Menurut Budi – yang juga kepala desa – air naik cepat sekali malam itu.",
    "Presiden Arif Wibowo – yang baru tiba dari Sukamaju – meninjau tanggul yang jebol.",
    "President Ana Lima – Chair of the Harbour Board – toured the dam.",
    "In Marlow – a town of 3,000 people – the river rose overnight.",
    "Selasa – Banjir kembali merendam desa itu.",
    "Kamis (12/3) – Banjir kembali merendam desa itu.",
])
def test_clean_dateline_not_an_aside_or_a_sentence_dash(para: str) -> None:
    assert find_dateline(para) is None


@pytest.mark.parametrize("para, place, outlet", [
    ("Lembah Hijau – Banjir merendam desa itu.", "Lembah Hijau", None),
    ("Sukamaju, Warta Kita – Banjir merendam desa itu.", "Sukamaju", "Warta Kita"),
    ("MARLOW INSIDER - korban banjir terus bertambah.", "Marlow insider", None),
])
def test_clean_dateline_plain_and_marked_forms(para: str, place: str, outlet: str | None) -> None:
    line = find_dateline(para)
    assert (line.place, line.outlet) == (place, outlet)


def _article(second: str, lead: str = "SUKAMAJU, wartakita.id – ") -> str:
    return "\n".join([
        "Banjir besar melanda Lembah Hijau untuk kedua kalinya",
        lead + "Hujan deras sejak Senin sore membuat sungai meluap ke permukiman warga desa.",
        second,
        "Pemerintah daerah menetapkan status tanggap darurat selama tujuh hari ke depan, kata bupati.",
    ])


def test_clean_dateline_marked_one_at_the_body_start() -> None:
    doc = clean_document(_doc(_article("Petugas mengevakuasi warga lanjut usia ke gedung sekolah terdekat.")))
    assert doc.dateline == "Sukamaju" and doc.outlet == "wartakita.id"
    assert [r.text for r in doc.removed if r.reason == "clean.dateline"] == ["SUKAMAJU, wartakita.id –"]


@pytest.mark.parametrize("dash", ["–", _MOJIBAKE_DASH])
def test_clean_dateline_not_taken_from_the_second_paragraph(dash: str) -> None:
    second = f"Lembah Hijau {dash} Petugas mengevakuasi warga lanjut usia ke gedung sekolah terdekat."
    doc = clean_document(_doc(_article(second, lead="")))
    assert "Lembah Hijau – Petugas mengevakuasi" in doc.text
    assert doc.dateline is None and not any(r.reason == "clean.dateline" for r in doc.removed)


def test_clean_dateline_with_capitals_below_a_standfirst_starts_the_body() -> None:
    second = "WKChannel - Petugas mengevakuasi warga lanjut usia ke gedung sekolah terdekat pada Senin malam."
    doc = clean_document(_doc(_article(second, lead="")))
    assert [r.text for r in doc.removed if r.reason == "clean.dateline"] == ["WKChannel -"]
    assert "\n\nPetugas mengevakuasi" in doc.text and "WKChannel" not in doc.text


def test_clean_dateline_on_a_line_of_its_own_above_the_lead() -> None:
    from kronologi.clean import clean_document
    from kronologi.document import Document
    raw = ("Banjir Rendam Tiga Kecamatan di Lembah Kerta\nSerang, Warta Kita --\n"
           "Banjir merendam tiga kecamatan di Kabupaten Lembah Kerta sejak Minggu malam setelah sungai meluap.\n\n"
           "Warga mulai mengungsi ke balai desa dan masjid terdekat sambil membawa barang berharga.\n")
    doc = clean_document(Document(id="t", source_path="t.txt", format="text", raw_text=raw))
    assert doc.dateline == "Serang" and doc.outlet == "Warta Kita"
    assert ("Serang, Warta Kita --", "clean.dateline") in [(r.text, r.reason) for r in doc.removed]
