"""Main text of real news pages (detik.com fixtures in ../shared/data/detik-html)."""

from __future__ import annotations

import json
import re

import pytest

from kronologi.clean import clean_document
from kronologi.ingest import read_path
from kronologi.ingest.html import rejoin_broken_lines

from conftest import need_shared


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _pages():
    folder = need_shared("data", "detik-html")
    return [json.loads(line) for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines()], folder


def test_clean_html_keeps_every_body_paragraph_of_real_pages():
    rows, folder = _pages()
    assert len(rows) == 5
    for row in rows:
        (doc,) = read_path(str(folder / row["file"]))
        clean_document(doc)
        text = _norm(doc.text)
        # the silver body still holds page furniture (ad slots, video boxes): leave those out
        paragraphs = [p for p in row["body_silver"].split("\n\n")
                      if len(p.split()) >= 5 and not p.isupper() and not p.startswith(("Lihat juga", "[Gambas"))]
        missing = [p for p in paragraphs if _norm(p) not in text]
        assert not missing, (row["file"], missing[:2])
        assert doc.title and doc.published.startswith(row["publishdate_meta"][:10].replace("/", "-"))
        assert "Lihat juga Video" not in doc.text and "[Gambas" not in doc.text


@pytest.mark.parametrize("broken,fixed", [
    ("dua-duanya di ajang\nPiala\nDunia. Maroko menang 3-1 dan Portugal\nmenang 1-0\ndi tahun 2018.",
     "dua-duanya di ajang Piala Dunia. Maroko menang 3-1 dan Portugal menang 1-0 di tahun 2018."),
    ("Pengungsian\nSebanyak 1.100 warga mengungsi ke balai desa.", "Pengungsian\nSebanyak 1.100 warga mengungsi ke balai desa."),
    ("Kalimat pertama selesai.\nKalimat kedua juga selesai.", "Kalimat pertama selesai.\nKalimat kedua juga selesai."),
    ("Posted Mar 4, 2026 7:15 AM | Updated 9:40 AM\nKey facts:\n- Ferries halted",
     "Posted Mar 4, 2026 7:15 AM | Updated 9:40 AM\nKey facts:\n- Ferries halted"),
])
def test_clean_html_rejoins_lines_broken_at_links(broken, fixed):
    assert rejoin_broken_lines(broken) == fixed


def test_html_author_drops_the_byline_label_and_its_update_stamp():
    from kronologi.ingest.html import author_name

    assert author_name("Oleh Sari Wulandari; Diperbarui Jumat") == "Sari Wulandari"
    assert author_name("By Tomas Reyes; Updated Monday") == "Tomas Reyes"
    assert author_name("Rina Kusuma; Dedi Arman") == "Rina Kusuma; Dedi Arman"
    assert author_name(None) is None
