"""The cleaner: language-pack examples, whole articles, and the seed articles."""

from __future__ import annotations

import pytest

from kronologi import langs
from kronologi.clean import clean_document
from kronologi.clean.credits import find_credits
from kronologi.clean.dateline import find_dateline
from kronologi.document import Document
from kronologi.ingest import read_all

from conftest import need_shared

PROSE = {
    "id": ["Hujan deras mengguyur kota itu sejak Senin sore dan membuat sungai meluap ke permukiman warga.",
           "Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak ke gedung sekolah terdekat.",
           "Pemerintah daerah menetapkan status tanggap darurat selama tujuh hari ke depan."],
    "en": ["Heavy rain fell on the city from Monday afternoon and the river overflowed into homes.",
           "Rescue teams moved elderly residents and children to a nearby school building.",
           "The local government declared a seven-day state of emergency on Tuesday."],
}


def _doc(text: str) -> Document:
    return Document(id="t", source_path="t.txt", format="text", raw_text=text)


def _article(lang: str, line: str, zone: str) -> str:
    head, mid, tail = PROSE[lang]
    lines = {"header": ["Judul berita yang cukup panjang untuk tes", line, head, mid, tail],
             "body": ["Judul berita yang cukup panjang untuk tes", head, line, mid, tail],
             "footer": ["Judul berita yang cukup panjang untuk tes", head, mid, tail, line]}[zone]
    return "\n".join(lines)


CASES = [(lang, case) for lang in langs.SUPPORTED for case in langs.examples(lang, "clean")]


@pytest.mark.parametrize("lang,case", CASES, ids=[f"{lang}:{c['line'][:30]}" for lang, c in CASES])
def test_clean_language_pack_examples(lang, case):
    doc = clean_document(_doc(_article(lang, case["line"], case["zone"])))
    reasons = {r.text: r.reason for r in doc.removed}
    headings = {doc.text[h.start:h.end] for h in doc.headings}
    line = " ".join(case["line"].split())
    if case["expect"] == "keep":
        assert line not in reasons and line in doc.text and line not in headings
    elif case["expect"] == "heading":
        assert line in headings
    else:
        assert reasons.get(line) == case["expect"], reasons


def test_clean_every_language_pack_vocabulary_has_examples():
    for lang in langs.SUPPORTED:
        assert len(langs.examples(lang, "clean")) >= 10


def test_clean_whole_indonesian_article(article_id):
    doc = clean_document(_doc(article_id))
    assert doc.title == "Banjir Rendam Ratusan Rumah di Pesisir Demak"
    assert doc.published == "2024-01-04T10:15+07:00" and doc.published_basis == "text"
    assert doc.outlet == "WARTAPESISIR.ID" and doc.dateline == "Demak"
    assert doc.credits == ["Antara"]
    assert doc.text.startswith("Banjir rob merendam sedikitnya 350 rumah")
    assert "Baca juga" not in doc.text and "judi" not in doc.text and "spinner77" not in doc.text
    assert [doc.text[h.start:h.end] for h in doc.headings] == ["Pengungsian"]
    assert "\n\nPengungsian\n\n" in doc.text
    reasons = [r.reason for r in doc.removed]
    assert reasons.count("clean.navigation") == 3 and "clean.repeated_title" in reasons
    assert {"clean.date_line", "clean.counter", "clean.related_link", "clean.share_prompt", "clean.spam"} <= set(reasons)


def test_clean_whole_english_article(article_en):
    doc = clean_document(_doc(article_en))
    assert doc.title == "Flood waters reach homes in coastal Demak"
    assert doc.dateline == "Semarang, Indonesia" and doc.outlet is None
    assert doc.credits == ["Reuters"]
    assert doc.text.endswith("the agency said.")
    assert "Read also" not in doc.text and "Copyright" not in doc.text and "Share this" not in doc.text


def test_clean_metadata_title_is_not_overridden_but_text_title_is_observed(article_id):
    doc = _doc(article_id)
    doc.title = "Judul dari metadata"
    clean_document(doc)
    assert doc.title == "Judul dari metadata"
    assert doc.observed["title"]["text"] == "Banjir Rendam Ratusan Rumah di Pesisir Demak"


def test_clean_keeps_every_sentence_of_the_body(article_id):
    doc = clean_document(_doc(article_id))
    for sentence in ("Sebanyak 1.100 warga mengungsi ke balai desa dan masjid terdekat.",
                     "“Kami sudah menyiapkan dapur umum. Bantuan terus datang,” ujar Kepala BPBD Demak kepada wartawan.",
                     "Petugas memperkirakan air baru surut dalam dua hari ke depan jika cuaca membaik. (ant)"):
        assert sentence in doc.text


def test_clean_comma_joined_paragraphs_are_split():
    raw = ("Kalimat pertama dari paragraf pembuka berita ini cukup panjang untuk dibaca.,Paragraf kedua dimulai "
           "di sini dan juga menjelaskan banyak hal kepada pembaca.,Paragraf ketiga menutup berita ini dengan "
           "keterangan dari petugas yang berwenang di lapangan. " * 2)
    doc = clean_document(_doc(raw))
    assert doc.text.count("\n\n") >= 2 and ".,P" not in doc.text


def test_clean_repeated_corpus_lines_are_removed_only_when_not_sentences():
    raw = "Judul berita yang cukup panjang\nMenu Utama Situs\n" + "\n".join(PROSE["id"])
    doc = clean_document(_doc(raw), repeated=frozenset({"menu utama situs"}))
    assert [r.reason for r in doc.removed if r.text == "Menu Utama Situs"] == ["clean.boilerplate_repeated"]


@pytest.mark.parametrize("para,place,outlet,section,credits", [
    ("KONTAN.CO.ID - NUR-SULTAN. Presiden itu berbicara.", "Nur-Sultan", "KONTAN.CO.ID", None, []),
    ("ALMATY, KAZAKHSTAN (kabar-asia.com) - Presiden itu berbicara.", "Almaty, Kazakhstan", "kabar-asia.com", None, []),
    ("Liputan6.com, Jakarta - Presiden itu berbicara.", "Jakarta", "Liputan6.com", None, []),
    ("JAKARTA (Reuters) - The president spoke.", "Jakarta", None, None, ["Reuters"]),
    ("Warta Kita, Internasional – Presiden itu berbicara.", None, "Warta Kita", "Internasional", []),
    ("Jakarta, CNN Indonesia -- Presiden itu berbicara.", "Jakarta", "CNN Indonesia", None, []),
])
def test_clean_dateline_forms(para, place, outlet, section, credits):
    line = find_dateline(para)
    assert (line.place, line.outlet, line.section, line.credits) == (place, outlet, section, credits)
    assert para[line.end:].startswith(("Presiden", "The"))


@pytest.mark.parametrize("para", [
    "Presiden Joko Widodo mengatakan - dalam pidatonya - bahwa bantuan akan datang.",
    "Harga naik 3 - 4 persen pekan ini.",
])
def test_clean_dateline_not_found_in_ordinary_sentences(para):
    assert find_dateline(para) is None


@pytest.mark.parametrize("para,expected", [
    ("Hal itu disampaikan Tokoh A, seperti dikutip Reuters, pada Senin.", ["Reuters"]),
    ("Seperti dilansir dari BBC, pasukan akan dikirim.", ["BBC"]),
    ("“Ini lelucon,” kata seorang arsitek kepada AFP.", ["AFP"]),
    ("Korban bertambah, menurut kantor berita Antara.", ["Antara"]),
    ("He told Reuters the talks had failed.", ["Reuters"]),
    ("Air mulai surut pada Rabu. (ant/ap)", ["Antara", "AP"]),
    ("Pasukan akan pulang segera. (TRT)", ["TRT"]),
    ("Ia mengatakan kepada wartawan bahwa air surut. (red)", []),
    ("Warga antre di depan kantor RT setempat.", []),
])
def test_clean_credits(para, expected):
    assert find_credits([para]) == expected


def _seeds():
    folder = need_shared("seeds")
    docs = (d for d in read_all([str(folder)]) if isinstance(d, Document))  # the README is skipped
    return {d.id[:3]: clean_document(d) for d in docs if d.id[:1].isdigit()}


def test_clean_seed_articles_debris_removed_and_nothing_lost():
    docs = _seeds()
    folder = need_shared("seeds")
    for key, doc in docs.items():
        raw_lines = [" ".join(l.split()) for l in doc.raw_text.splitlines() if l.strip()]
        removed = {r.text for r in doc.removed}
        for line in raw_lines:
            if line in removed:
                continue
            # every kept line is in the text, or is the paragraph a dateline was cut from
            assert line in doc.text or any(line.endswith(doc.text.split("\n\n")[i][-40:])
                                           for i in range(len(doc.text.split("\n\n")))), (key, line)
    reasons = {key: [r.reason for r in doc.removed] for key, doc in docs.items()}
    assert reasons["000"].count("clean.spam") == 2
    assert reasons["002"].count("clean.spam") == 1
    assert {"clean.app_prompt", "clean.repeated_title"} <= set(reasons["001"]) and reasons["001"].count("clean.navigation") == 3
    assert {"clean.date_line", "clean.counter", "clean.share_prompt"} <= set(reasons["003"])
    assert "clean.related_link" in reasons["004"]


def test_clean_seed_articles_metadata():
    docs = _seeds()
    assert all(doc.title and len(doc.title.split()) >= 5 for doc in docs.values())
    assert (docs["003"].outlet, docs["003"].dateline) == ("voa-islam.com", "Almaty, Kazakhstan")
    assert (docs["004"].outlet, docs["004"].dateline) == ("KONTAN.CO.ID", "Nur-Sultan")
    assert docs["004"].credits == ["Reuters"] and docs["003"].credits == ["TRT"]
    assert docs["001"].credits == ["BBC"] and "AFP" in docs["000"].credits and "AFP" in docs["002"].credits
    dated = {k: d.published for k, d in docs.items() if d.published}
    assert dated == {"003": "2022-01-11T22:25+07:00"}
    headings = {k: [d.text[h.start:h.end] for h in d.headings] for k, d in docs.items()}
    assert len(headings["000"]) == 2 and len(headings["003"]) == 2 and len(headings["002"]) == 1


def test_clean_related_headlines_block_inside_the_body_is_removed():
    head, mid, tail = PROSE["id"]
    raw = "\n".join(["Judul berita yang cukup panjang untuk tes", head, "Berita Terkait",
                     "Tanggul Jebol di Demak, Ribuan Warga Mengungsi", "Harga Beras Naik Jelang Akhir Tahun",
                     mid, "Pengungsian", tail, "Halaman &gt; Berikutnya"])
    doc = clean_document(_doc(raw))
    assert [r.reason for r in doc.removed if "Tanggul" in r.text or "Harga" in r.text] == ["clean.related_link"] * 2
    assert [doc.text[h.start:h.end] for h in doc.headings] == ["Pengungsian"]
    assert "&gt;" not in " ".join(r.text for r in doc.removed)


def test_clean_footer_keeps_runs_of_text_lines_but_drops_menus():
    head, mid, tail = PROSE["id"]
    lyrics = ["Di ujung jalan aku menunggumu", "hujan turun pelan di atas kota", "kita berjalan tanpa kata",
              "sampai pagi datang lagi", "dan lampu jalan pun padam"]
    menu = ["Tentang Kami", "Pedoman Media Siber", "Kontak"]
    doc = clean_document(_doc("\n".join(["Judul berita yang cukup panjang untuk tes", head, mid, tail] + lyrics + menu)))
    assert all(line in doc.text for line in lyrics)
    assert not any(line in doc.text for line in menu)


def test_clean_a_masthead_the_page_names_again_is_the_outlet():
    """No dateline and no metadata: the site's name at the top of the page ("CORAL COAST HERALD"), named again in a
    photo credit, is the outlet; a first line the page never names again (a menu word) is not."""
    page = ("CORAL COAST HERALD\nNews  Region  Travel  Opinion\n\nFerry survivors reach port\n\nBy Ana Sulu\n"
            "Thursday, March 16, 2023\n\nPhoto: Survivors arrive at the port. (Coral Coast Herald/Ana Sulu)\n\n"
            + " ".join(PROSE["en"]) + "\n")
    doc = clean_document(Document(id="h", source_path="h.txt", format="text", raw_text=page, language="en"))
    assert doc.outlet == "Coral Coast Herald"
    other = page.replace("(Coral Coast Herald/Ana Sulu)", "(Ana Sulu)")
    doc = clean_document(Document(id="o", source_path="o.txt", format="text", raw_text=other, language="en"))
    assert doc.outlet is None
