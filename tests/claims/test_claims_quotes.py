"""Direct quotes: every mark, nesting, quotes over paragraphs, full or partial, and who spoke them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronologi.claims.quotes import find_quotes
from kronologi.claims.step import read_text

ARTICLES = Path(__file__).parent / "articles"


def _quotes(text: str, lang: str = "id", **kwargs) -> list[tuple]:
    return [(q["text"], q["speaker_name"], q["kind"]) for q in read_text(text, lang, "2022-01-12", **kwargs)["quotes"]]


@pytest.mark.parametrize("text, inner", [
    ("Ia berkata: “Kami siap.”", "Kami siap."),
    ("Ia berkata: \"Kami siap.\"", "Kami siap."),
    ("Ia berkata: «Kami siap.»", "Kami siap."),
    ("Ia berkata: ‘Kami siap.’", "Kami siap."),
    ("Ia berkata: 'Kami siap.'", "Kami siap."),
    ("Ia berkata: „Kami siap.“", "Kami siap."),
])
def test_claims_quotes_every_mark(text: str, inner: str) -> None:
    assert [q.text for q in find_quotes(text, "id")] == [inner]


@pytest.mark.parametrize("text, inner", [
    ("Data itu belum final.”Kami masih menghitung,” kata Rudi.", "Kami masih menghitung,"),  # ” opening, glued
    ("”Kami masih menghitung,” kata Rudi.", "Kami masih menghitung,"),
    ("\"Kami masih menghitung,'' kata Rudi.", "Kami masih menghitung,"),  # two apostrophes close a double mark
])
def test_claims_quotes_odd_marks(text: str, inner: str) -> None:
    assert [q.text for q in find_quotes(text, "id")] == [inner]


def test_claims_quotes_apostrophes_are_not_marks() -> None:
    text = "The country’s rulers don't say 'never', the players’ union said."
    assert [q.text for q in find_quotes(text, "en")] == ["never"]


def test_claims_quotes_nested_and_over_paragraphs() -> None:
    text = ("Menteri itu menegaskan, “Kami tidak akan mundur. Presiden berpesan: ‘Jangan tinggalkan warga.’\n\n"
            "“Itu perintah yang jelas,” lanjutnya.")
    quotes = find_quotes(text, "id")
    assert [q.text for q in quotes] == [
        "Kami tidak akan mundur. Presiden berpesan: ‘Jangan tinggalkan warga.’\n\nItu perintah yang jelas,",
        "Jangan tinggalkan warga."]
    assert quotes[0].kind == "full" and len(quotes[0].spans) == 2
    assert (quotes[1].parent, quotes[1].kind) == (0, "partial")


def test_claims_quotes_unclosed_at_paragraph_end_runs_to_it() -> None:
    text = "“Kami tidak tahu apa-apa\n\nWarga lain diam saja."
    assert [q.text for q in find_quotes(text, "id")] == ["Kami tidak tahu apa-apa"]


@pytest.mark.parametrize("text, speaker", [
    ("“Kami siap,” kata Kapolri Jenderal Pol. Listyo Sigit Prabowo.", "Listyo Sigit Prabowo"),
    ("“Kami siap,” ujar Menteri Kesehatan Budi Santoso.", "Budi Santoso"),
    ("“Kami siap,” ungkap juru bicara Kementerian Luar Negeri.", "juru bicara Kementerian Luar Negeri"),
    ("“Kami siap,” tutur Siti Nurhaliza kepada wartawan.", "Siti Nurhaliza"),
    ("“Kami siap,” lanjut Tokayev.", "Tokayev"),
    ("“Kami siap,” tegas Ketua DPR Puan Maharani di Jakarta.", "Puan Maharani"),
    ("Wakil Presiden Ma'ruf Amin mengatakan, “Kami siap.”", "Ma'ruf Amin"),
    ("Menurut Kepala BNPB Suharyanto, “Kami siap.”", "Suharyanto"),
    ("Pemerintah menyebut aksi itu “terorganisir”.", "Pemerintah"),
    ("“Kami siap,” kata Ketua TGIPF yang juga Menko Polhukam Mahfud MD.", "Mahfud MD"),
    ("“Kami siap,” kata Sekretaris pers Istana.", "Sekretaris pers Istana"),
])
def test_claims_quotes_speakers_in_indonesian(text: str, speaker: str) -> None:
    assert _quotes(text)[0][1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("“We are ready,” said Interior Minister Marat Akhmetov.", "Marat Akhmetov"),
    ("“We are ready,” Akhmetov said.", "Akhmetov"),
    ("“We are ready,” the ministry said in a statement.", "the ministry"),
    ("“We are ready,” resident Aigerim Bekova told AFP.", "Aigerim Bekova"),
    ("Prime Minister Alikhan Smailov said: “We are ready.”", "Alikhan Smailov"),
    ("According to the defence ministry, “the troops are ready.”", "the defence ministry"),
    ("The president described the attack as “an act of aggression”.", "The president"),
])
def test_claims_quotes_speakers_in_english(text: str, speaker: str) -> None:
    assert _quotes(text, "en")[0][1] == speaker


def test_claims_quotes_pronouns_go_to_the_last_person() -> None:
    text = ("Presiden Kassym-Jomart Tokayev berbicara di depan parlemen.\n\n"
            "“Itu adalah percobaan kudeta,” katanya.\n\n“Kami tidak akan mundur,” kata dia.")
    assert [q[1] for q in _quotes(text)] == ["Kassym-Jomart Tokayev"] * 2
    text = "Prime Minister Alikhan Smailov spoke in Astana.\n\n“We will rebuild,” he said."
    assert _quotes(text, "en")[0][1] == "Alikhan Smailov"


def test_claims_quotes_a_role_goes_to_its_holder_named_with_title_of_place() -> None:
    text = ("President of Kazakhstan Marko Velin spoke to parliament on Monday.\n\n"
            "“The order is restored,” the president said.")
    assert _quotes(text, "en")[0][1] == "Marko Velin"


def test_claims_quotes_a_resolved_pronoun_speaker_has_the_entity_of_the_name(tmp_path) -> None:
    import kronologi

    (tmp_path / "a.txt").write_text("Rebuilding begins in Almaty\n\nPrime Minister Alikhan Smailov spoke in "
                                   "Astana on Monday.\n\n“We will rebuild every school,” he said.\n", encoding="utf-8")
    chronicle = kronologi.build([str(tmp_path / "a.txt")])
    (quote,) = chronicle.quotes
    person = {e["name"]: e["id"] for e in chronicle.entities}["Alikhan Smailov"]
    assert (quote["speaker_name"], quote["speaker"]) == ("Alikhan Smailov", person)


def test_claims_quotes_a_shared_surname_resolved_by_context_has_that_persons_entity(tmp_path) -> None:
    import kronologi

    (tmp_path / "a.txt").write_text(
        "A party gathers in Astana\n\nFormer President Aldo Brandt Kessler attended the congress on Monday.\n\n"
        "His daughter, party chair Lina Marie Kessler, addressed the delegates.\n\n"
        "“We must stand together,” Kessler said.\n", encoding="utf-8")
    chronicle = kronologi.build([str(tmp_path / "a.txt")])
    (quote,) = chronicle.quotes
    ids = {e["name"]: e["id"] for e in chronicle.entities}
    assert (quote["speaker_name"], quote["speaker"]) == ("Lina Marie Kessler", ids["Lina Marie Kessler"])


def test_claims_quotes_short_names_take_their_fullest_form() -> None:
    text = "Kapolda Jawa Timur Irjen Nico Afinta hadir.\n\n“Situasi terkendali,” ujar Nico."
    assert _quotes(text)[0][1] == "Nico Afinta"


def test_claims_quotes_introduced_in_the_paragraph_before() -> None:
    text = "Bakyt Nurlanova, pengusaha berusia 40 tahun, lebih optimis.\n\n“Kami menaruh harapan besar.”"
    assert _quotes(text)[0][1] == "Bakyt Nurlanova"


def test_claims_quotes_continued_from_the_paragraph_before() -> None:
    text = ("“Pemilu ini lelucon,” kata arsitek Daniyar Omarov kepada AFP.\n\n"
            "“Jika presiden mengatakan: ‘Saya mundur’, saya akan menghormatinya.”")
    got = _quotes(text)
    # the nested quote is imagined ("Jika presiden mengatakan"): it stays in the frame of the one who imagines it
    assert [q[1] for q in got] == ["Daniyar Omarov", "Daniyar Omarov", "Daniyar Omarov"]
    assert got[2][2] == "partial"


@pytest.mark.parametrize("text, lang, speakers", [
    ("Tokayev menegaskan hal itu di depan parlemen. “Kami tidak akan mundur.”", "id", ["Tokayev"]),
    ("“We are ready,” Smith, a spokesman for the ministry, said.", "en", ["Smith"]),
    ("“Kami siap,” ucap Budi.\n\n“Semua sudah disiapkan,” imbuhnya.", "id", ["Budi", "Budi"]),
    ("“Kami siap,” kata mereka.", "id", [None]),
    ("Smailov spoke.\n\n“Order,” he said, “has been restored.”", "en", ["Smailov", "Smailov"]),
    ("Asked about the toll, Smailov said: “It is too early to say.”", "en", ["Smailov"]),
])
def test_claims_quotes_more_forms(text: str, lang: str, speakers: list) -> None:
    assert [q[1] for q in _quotes(text, lang)] == speakers


def test_claims_quotes_second_quote_in_a_paragraph_keeps_its_speaker() -> None:
    text = "“We are not going to stop,” said activist Mary Wanjiru. “This is our country.”"
    assert [q[1] for q in _quotes(text, "en")] == ["Mary Wanjiru"] * 2


def test_claims_quotes_heading_quote_takes_the_speaker_of_the_words_it_repeats() -> None:
    text = "‘Tidak ada pilihan nyata’\n\n“Tidak ada pilihan nyata,” kata Asel Serikbay."
    got = _quotes(text, headings=[(0, 25)])
    assert got[0] == ("Tidak ada pilihan nyata", "Asel Serikbay", "partial")


def test_claims_quotes_relay_of_a_quote() -> None:
    text = "“Kami siap,” kata Tokayev, seperti dikutip Reuters."
    assert read_text(text, "id", None)["quotes"][0]["via"] == "Reuters"


def test_claims_quotes_in_the_plot_articles() -> None:
    for name, lang, speakers in (("en_plot.txt", "en", ["The National Security Committee", "Gulnara Ospanova"]),
                                 ("id_plot.txt", "id", ["Komite Keamanan Nasional Kazakhstan (KNB)", "Gulnara Ospanova"])):
        text = (ARTICLES / name).read_text(encoding="utf-8")
        assert [q[1] for q in _quotes(text, lang)] == speakers


def test_claims_quotes_in_the_test_articles() -> None:
    text = (ARTICLES / "id_quotes.txt").read_text(encoding="utf-8")
    assert _quotes(text) == [
        ("Anggaran bencana tahun ini cukup. Kami tidak akan memotong dana daerah.\n\n"
         "Kalau diperlukan, kami siapkan tambahan Rp 2 triliun,", "Sri Wahyuni", "full"),
        ("terlambat", "Faisal Rahman", "partial"),
        ("Seharusnya dana itu cair sejak bulan lalu,", "Faisal Rahman", "full"),
        ("Rumah saya terendam sejak Senin,", "Siti Aminah", "full")]
    text = (ARTICLES / "en_protest.txt").read_text(encoding="utf-8")
    assert [q[1:] for q in _quotes(text, "en")] == [
        ("Kithure Kindiki", "full"), ("The government", "partial"), ("Mary Wanjiru", "full"), ("Mary Wanjiru", "full")]
