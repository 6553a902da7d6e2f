"""Mojibake repair: ftfy for Windows-1252 / MacRoman, short Thai code-page runs by rule."""

from __future__ import annotations

from kronologi.clean import clean_document
from kronologi.clean.repair import repair_lines
from kronologi.document import Document


def test_repair_macroman_quotes_and_no_break_space():
    lines, repairs = repair_lines(["‚ÄúKami siap,‚Äù kata dia.", "Hujan¬†turun sejak pagi."])
    assert lines == ["“Kami siap,” kata dia.", "Hujan\u00a0turun sejak pagi."]
    assert [r.line for r in repairs] == [0, 1] and repairs[0].before.startswith("‚Äú")


def test_repair_windows_1252_accents():
    lines, _ = repair_lines(["Le cafÃ© est fermÃ©."])
    assert lines == ["Le café est fermé."]


def test_repair_thai_code_page_runs_in_latin_text():
    lines, repairs = repair_lines(["Judul berita", "ยท", "2024 ยฉ PT Media Kita"])
    assert lines == ["Judul berita", "·", "2024 © PT Media Kita"]
    assert [r.line for r in repairs] == [1, 2]


def test_repair_leaves_real_thai_and_clean_text_alone():
    thai = ["สวัสดีครับ ผมชื่อสมชาย วันนี้อากาศดีมาก"]
    assert repair_lines(thai) == (thai, [])
    clean = ["Nilüfer berkata “cukup” — café di Kahramanmaraş tutup."]
    assert repair_lines(clean) == (clean, [])


def test_repair_is_recorded_in_the_document():
    raw = "Judul berita yang cukup panjang\n‚ÄúKami siap membantu warga yang terdampak banjir,‚Äù kata kepala desa itu.\n" \
          "Petugas gabungan mengevakuasi warga lanjut usia ke gedung sekolah terdekat pada Senin."
    doc = clean_document(Document(id="t", source_path="t.txt", format="text", raw_text=raw))
    assert "“Kami siap membantu" in doc.text and "‚Äú" not in doc.text
    assert [r.reason for r in doc.removed if r.text.startswith("‚Äú")] == ["clean.mojibake_repaired"]
