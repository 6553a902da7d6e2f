"""Who a quote's speaker phrase stands for: other names, acronyms, roles and bodies named again, pronouns."""

from __future__ import annotations

import pytest

from kronologi.claims.context import Context
from kronologi.claims.names import speaker
from kronologi.claims.quotes import find_quotes
from kronologi.claims.referents import body_anaphor, read_referents, role_titles
from kronologi.claims.speakers import attribute
from kronologi.claims.step import read_text


def _speakers(text: str, lang: str = "id") -> list[str | None]:
    return [q["speaker_name"] for q in read_text(text, lang, "2024-03-05")["quotes"]]


# --- other names of a person ----------------------------------------------------------

@pytest.mark.parametrize("text, lang, expected", [
    ("Presiden Arif Wibowo (Bowo) meninjau tanggul.\n\n“Kami bangun lagi,” kata Bowo.", "id", "Arif Wibowo"),
    ("Wali Kota Padang Rina Lestari atau akrab disapa Teteh meninjau pasar.\n\n“Pasar dibuka lagi,” ujar Teteh.",
     "id", "Rina Lestari"),
    ("Gubernur Rina Lestari meninjau pasar.\n\nSosok yang akrab disapa Teteh itu membagikan beras.\n\n"
     "“Pasar dibuka lagi,” ujar Teteh.", "id", "Rina Lestari"),
    ("Mayor Daniel Okafor, known as Dano, toured the dam.\n\n“We will rebuild,” Dano said.", "en", "Daniel Okafor"),
])
def test_claims_speakers_aliases_go_to_the_full_name(text: str, lang: str, expected: str) -> None:
    assert _speakers(text, lang) == [expected]


def test_claims_speakers_alias_needs_a_person() -> None:
    ref = read_referents("Komisi Pemilihan Daerah (Kopda) bersidang.", "id", [])
    assert ref.aliases == {}


# --- a role named instead of its holder ---------------------------------------------------

@pytest.mark.parametrize("text, lang, expected", [
    ("Presiden Arif Wibowo meresmikan bendungan.\n\n“Air untuk sawah,” ujar kepala negara.", "id", "Arif Wibowo"),
    ("Gubernur Rina Lestari meninjau pasar.\n\n“Pasar dibuka lagi,” kata sang gubernur.", "id", "Rina Lestari"),
    ("President Maria Lopez opened the bridge.\n\n“It is a new start,” the head of state said.", "en", "Maria Lopez"),
])
def test_claims_speakers_role_goes_to_its_holder(text: str, lang: str, expected: str) -> None:
    assert _speakers(text, lang) == [expected]


def test_claims_speakers_role_without_holder_stays_as_written() -> None:
    assert _speakers("“Air untuk sawah,” ujar kepala negara.") == ["kepala negara"]
    assert role_titles("kepala negara", "id") == ("presiden",) and role_titles("juru masak", "id") == ()


# --- bodies: acronyms, bodies named again, it and they ---------------------------------------

BODY = "Lembaga Pemantau Hak Sipil (LPHS)"


@pytest.mark.parametrize("text, lang", [
    ("Lembaga Pemantau Hak Sipil (LPHS) merilis data baru.\n\n“Angka ini sudah diverifikasi,” ucap lembaga tersebut.",
     "id"),
    ("Lembaga Pemantau Hak Sipil (LPHS) merilis data baru.\n\n“Angka ini sudah diverifikasi,” kata LPHS.", "id"),
    ("Data itu dirilis Lembaga Pemantau Hak Sipil (LPHS).\n\n“Angka ini sudah diverifikasi,” kata Lembaga Pemantau "
     "Hak Sipil.", "id"),
])
def test_claims_speakers_acronym_and_long_form_are_one_body(text: str, lang: str) -> None:
    assert _speakers(text, lang) == [BODY]


def test_claims_speakers_body_named_again_in_english() -> None:
    text = ("The Coastal Relief Network (CRN) reported new figures on Monday.\n\n"
            "“The count is still rising,” said the NGO in a statement.\n\n"
            "“We ask for safe access,” it added.\n\n“Our teams are ready,” they said.")
    assert _speakers(text, "en") == ["Coastal Relief Network (CRN)"] * 3


def test_claims_speakers_statement_of_a_body() -> None:
    text = "The Coastal Relief Network (CRN) counts the dead.\n\nA total of 40 “are now confirmed dead,” a CRN statement said."
    assert _speakers(text, "en") == ["Coastal Relief Network (CRN)"]


def test_claims_speakers_news_outlet_and_agency_are_told_apart() -> None:
    text = ("Port officials spoke to Reuters on Monday.\n\n"
            "The news agency noted that a “spokesman for the port did not respond.”")
    assert _speakers(text, "en") == ["Reuters"]
    assert body_anaphor("the agency", "en") == "body" and body_anaphor("the news agency", "en") == "media"
    assert body_anaphor("the ministry", "en") is None


def test_claims_speakers_they_without_a_body_is_no_one() -> None:
    assert _speakers("Lina Hart spoke first.\n\n“We are tired,” they said.", "en") == [None]


# --- names in a speaker phrase ---------------------------------------------------------------

@pytest.mark.parametrize("phrase, lang, name", [
    ("Sekretaris Daerah (Sekda) Kabupaten Garut Dedi Kurnia", "id", "Dedi Kurnia"),
    ("Bupati Garut Rudi Hartono", "id", "Rudi Hartono"),
    ("Pengamat CSIS Rina Hapsari", "id", "Rina Hapsari"),
    ("Kepala Basarda Marsekal Madya Teguh Santosa", "id", "Teguh Santosa"),  # a rank of two words
    ("Laksamana Muda Arif Budiman", "id", "Arif Budiman"),
    ("Kapolda Lembah Inspektur Jenderal Yudi Prasetyo", "id", "Yudi Prasetyo"),
    ("Rear Admiral Ken Ito", "en", "Ken Ito"),
    ("Ketua DPR Rina Kartika Sari", "id", "Rina Kartika Sari"),  # a national body: three words of name
    ("Kepala BPBD Garut Dedi Kurnia", "id", "Dedi Kurnia"),  # a regional body: its region, then the name
    ("Police Commissioner Dan Reyes", "en", "Dan Reyes"),
    ("Aung Lin Thet Naing's", "en", "Aung Lin Thet Naing"),
])
def test_claims_speakers_person_names(phrase: str, lang: str, name: str) -> None:
    found = speaker(phrase, lang)
    assert (found.kind, found.name) == ("person", name)


@pytest.mark.parametrize("phrase, lang", [("Sekretaris Daerah", "id"), ("In a letter", "en"), ("one", "en"),
                                          ("One Harbour resident", "en"), ("Kantor Berita Light Of Asia", "id")])
def test_claims_speakers_no_person_in_these(phrase: str, lang: str) -> None:
    found = speaker(phrase, lang)
    assert found is None or found.kind != "person"


@pytest.mark.parametrize("text, lang, expected", [
    ("“Jumlahnya bertambah,” kata Asisten Daerah Kabupaten Garut, Budi Santoso dalam konferensi pers.", "id",
     ["Budi Santoso"]),
    ("“Jumlahnya bertambah,” kata Sekretaris Daerah (Sekda) Kabupaten Garut Dedi Kurnia, Sabtu.", "id", ["Dedi Kurnia"]),
    ("“We will go on,” said the Harbour Workers Union for Fair Pay (HWU), a group founded in 1990.", "en",
     ["Harbour Workers Union for Fair Pay (HWU)"]),
    ("Juru bicara partai yang memimpin Aliansi Rakyat (AR) Tono Sudarmo mengatakan: “Kami menolak.”", "id",
     ["Tono Sudarmo"]),
])
def test_claims_speakers_phrases_after_and_before(text: str, lang: str, expected: list) -> None:
    assert _speakers(text, lang) == expected


# --- pronouns ------------------------------------------------------------------------------

def test_claims_speakers_object_pronoun_and_quote_over_paragraphs() -> None:
    text = ("“We need help,” said aid chief Lina Hart.\n\nShe said the roads were cut.\n\n"
            "According to him, “the bridge is gone.\n\n“We need boats.”")
    assert _speakers(text, "en") == ["Lina Hart", "Lina Hart"]


def test_claims_speakers_pronoun_prefers_recent_speaker_then_last_named() -> None:
    text = ("Juru bicara Tono Sudarmo mengatakan Rina Lestari dan Dedi Kurnia telah ditahan.\n\n"
            "Dia berkata: “Kami menunggu kabar.”")
    assert _speakers(text) == ["Tono Sudarmo"]
    text = ("Lina Hart spoke on Monday. Banks said they would close. Shops said the same. Roads were closed.\n\n"
            "The vote went to Mira Chen's party. She urged calm and “patience”.")
    assert _speakers(text, "en") == ["Mira Chen"]


def test_claims_speakers_pronoun_reaches_back_to_the_last_speaker() -> None:
    text = ("“Kami bekerja,” kata Rudi Hartono.\n\nHujan turun.\n\nJalan ditutup.\n\nSekolah libur.\n\n"
            "Pasar sepi.\n\n“Kami terus bekerja,” ucapnya.")
    assert _speakers(text) == ["Rudi Hartono", "Rudi Hartono"]


def test_claims_speakers_according_to_introduces_the_speaker() -> None:
    text = "Menurut Rudi Hartono, ada 30 titik pengungsian. Jumlahnya masih bertambah. “Kami terus mendata.”"
    assert _speakers(text) == ["Rudi Hartono"]


def test_claims_speakers_subject_after_a_place_phrase() -> None:
    text = "At one building in Harbour Town, rescuers worked for hours, chanting “We will find you”."
    assert _speakers(text, "en") == ["rescuers"]


def test_claims_speakers_missed_sentence_boundary_is_no_attribution() -> None:
    text = "Mira Chen urged calm and “patience”.In a letter, Tom Reyes said the army had won."
    assert _speakers(text, "en") == ["Mira Chen"]


# --- issue 12: the speaker is a person or a body, never a phrase ------------------------------

@pytest.mark.parametrize("text, expected", [
    ("“Harga naik tajam,” as per the data of the Harbour Statistics Office.", "the Harbour Statistics Office"),
    ("As per the Harbour Health Office, “the outbreak is under control.”", "the Harbour Health Office"),
    ("“Harga naik tajam,” according to figures from the Harbour Statistics Office.", "the Harbour Statistics Office"),
])
def test_claims_speakers_as_per_is_according_to(text: str, expected: str) -> None:
    assert _speakers(text, "en") == [expected]


def test_claims_speakers_as_per_names_the_claimant_of_a_figure() -> None:
    figures = read_text("As per the data of the Harbour Health Office, 45 people died in the outbreak.", "en",
                        "2024-03-05")["figures"]
    assert [(f["value"], f["claimant"]) for f in figures] == [(45, "the Harbour Health Office")]


def test_claims_speakers_data_of_no_one_names_no_claimant() -> None:
    assert _speakers("“Prices rose,” as per the data of a few shops.", "en") == [None]
    assert _speakers("“Prices rose,” according to the data.", "en") == [None]


@pytest.mark.parametrize("text, lang, name, role", [
    ("“Pencarian dilanjutkan besok pagi,” kata Kepala Basarnas Andi Wijaya.", "id", "Andi Wijaya", "Kepala Basarnas"),
    ("Kepala BPBD Demak Andi Wijaya mengatakan, “Air mulai surut.”", "id", "Andi Wijaya", "Kepala BPBD Demak"),
    ("“Kami menolak,” kata Ketua Umum Partai Hijau Rudi Hartono.", "id", "Rudi Hartono", "Ketua Umum Partai Hijau"),
    ("“We will keep searching,” said Chief Medivac Ana Reyes.", "en", "Ana Reyes", "Chief Medivac"),
])
def test_claims_speakers_body_between_title_and_name_goes_to_the_role(text, lang, name, role) -> None:
    quotes = read_text(text, lang, "2024-03-05")["quotes"]
    assert [(q["speaker_name"], q.get("speaker_role")) for q in quotes] == [(name, role)]
    assert speaker("Kepala Basarnas Andi Wijaya", "id").name == "Andi Wijaya"


@pytest.mark.parametrize("text, lang, expected", [
    ("Presiden Ardania, Marko Velin, tiba di Jakarta pada Senin.\n\n“Kami datang untuk berdamai,” kata Presiden Ardania.",
     "id", ["Marko Velin"]),
    ("Presiden Marko Velin tiba dari Ardania pada Senin.\n\n“Kami datang untuk berdamai,” kata Presiden Ardania.",
     "id", ["Marko Velin"]),
    ("Ardanian President Marko Velin arrived on Monday.\n\n“We came for peace,” the Ardanian president said.",
     "en", ["Marko Velin"]),
    ("The president of Ardania, Marko Velin, arrived on Monday.\n\n“We came for peace,” the Ardanian president said.",
     "en", ["Marko Velin"]),
    ("Presiden Borvia, Ivan Petrov, dan Presiden Ardania, Marko Velin, bertemu di Jakarta.\n\n"
     "“Kami sepakat,” kata Presiden Borvia.\n\n“Kami juga,” kata Presiden Ardania.", "id", ["Ivan Petrov", "Marko Velin"]),
])
def test_claims_speakers_role_with_its_place_goes_to_the_holder(text: str, lang: str, expected: list) -> None:
    assert _speakers(text, lang) == expected


def test_claims_speakers_role_of_another_place_is_not_the_holder() -> None:
    text = "Presiden Peru Marko Velin tiba di Jakarta.\n\n“Kami sepakat,” kata Presiden Chile."
    assert _speakers(text) == ["Presiden Chile"]
    text = "Presiden Marko Velin bertemu Presiden Tarlan di Jakarta.\n\n“Kami sepakat,” kata Presiden Tarlan."
    assert _speakers(text) == ["Tarlan"]  # a one-word name the text never places is a name


@pytest.mark.parametrize("text, lang, expected", [
    ("The Harbour Watch Network said on Monday the port was unsafe.\n\n“Ships must wait,” the group's assessment said.",
     "en", ["The Harbour Watch Network"]),
    ("“Ships must wait,” the group's assessment said.", "en", ["the group"]),
    ("The statement said: “We will not back down.”", "en", [None]),
    ("Partai Rakyat Bersatu mengatakan keputusan itu keliru.\n\nDalam pernyataan di Facebook, partai itu menulis: "
     "“Keputusan ini melukai rakyat.”", "id", ["Partai Rakyat Bersatu"]),
    ("Dalam pernyataan di Facebook: “Keputusan ini melukai rakyat.”", "id", [None]),
    ("Warga mengungsi ke masjid.\n\nSebab, “air sudah masuk rumah,” katanya.", "id", [None]),
    ("Jaringan Pemantau Pelabuhan menyebut dermaga itu tidak aman, Senin.\n\n“Kapal harus menunggu,” menurut kajian "
     "kelompok itu.", "id", ["Jaringan Pemantau Pelabuhan"]),
    ("The Harbour Watch Network said on Monday the port was unsafe.\n\n“Ships must wait,” the group's latest "
     "assessment said.", "en", ["The Harbour Watch Network"]),
    ("“Ships must wait,” the assessment of the ministry said.", "en", ["the ministry"]),
])
def test_claims_speakers_a_phrase_is_never_the_speaker(text: str, lang: str, expected: list) -> None:
    assert _speakers(text, lang) == expected


@pytest.mark.parametrize("word, lang", [("Sebab", "id"), ("Akibatnya", "id"), ("Because", "en"), ("Therefore", "en"),
                                        ("Instead", "en")])
def test_claims_speakers_a_connective_opening_a_phrase_is_no_one(word: str, lang: str) -> None:
    assert speaker(word, lang) is None


@pytest.mark.parametrize("text, lang", [
    ("Banjir Bandang\n\n“Kami masih mencari dua korban di hilir sungai,” ujarnya.", "id"),
    ("Flash Floods\n\n“We are still searching for two people downstream,” he said.", "en"),
])
def test_claims_speakers_headline_words_are_never_a_speaker(text: str, lang: str) -> None:
    heading = (0, text.index("\n"))
    assert [q["speaker_name"] for q in read_text(text, lang, "2024-03-05", headings=[heading])["quotes"]] == [None]


def test_claims_speakers_a_person_mention_in_a_heading_is_no_antecedent() -> None:
    text = "Evakuasi\n\n“Kami masih mencari dua korban,” katanya."
    mention = {"type": "PER", "text": "Evakuasi", "start": 0, "end": 8}
    ctx = Context(text, "id", [(0, 8), (10, len(text))], [], [mention], headings=[(0, 8)])
    assert [q["speaker_name"] for q in attribute(ctx, find_quotes(text, "id", [(0, 8)]), [(0, 8)])] == [None]


def test_claims_speakers_a_person_named_in_the_body_still_speaks_after_a_heading() -> None:
    text = ("Kisah Warga\n\nDewi Lestari, pedagang sayur di pasar Sukamaju, kehilangan kiosnya.\n\n"
            "“Semua habis terbakar,” katanya.")
    assert [q["speaker_name"] for q in read_text(text, "id", "2024-03-05", headings=[(0, 11)])["quotes"]] == \
        ["Dewi Lestari"]


@pytest.mark.parametrize("text, lang, expected", [
    ("Banjir melanda kota.\n\n“We will rebuild every house.” That was the message from Mayor Daniel Okafor on Tuesday.",
     "en", "Daniel Okafor"),
    ("Banjir melanda kota.\n\n“Kami akan bangun kembali.” Itulah pesan dari Wali Kota Rina Lestari kepada warga.",
     "id", "Rina Lestari"),
    ("Banjir melanda kota.\n\n“Kami akan bangun kembali.” Demikian disampaikan Wali Kota Rina Lestari, Selasa.",
     "id", "Rina Lestari"),
])
def test_claims_speakers_the_message_from_x_tells_the_quote_before(text: str, lang: str, expected: str) -> None:
    quotes = read_text(text, lang, "2024-03-05")["quotes"]
    assert [(q["speaker_name"], q["how"]) for q in quotes] == [(expected, "next")]


@pytest.mark.parametrize("text, lang, outer", [
    ("“Kalau warga bilang 'kami lapar', kami kirim beras,” kata Camat Budi Santoso.", "id", "Budi Santoso"),
    ("“If they tell us 'wait', we wait,” said Mayor Daniel Okafor.", "en", "Daniel Okafor"),
])
def test_claims_speakers_imagined_quote_stays_in_the_outer_frame(text: str, lang: str, outer: str) -> None:
    quotes = read_text(text, lang, "2024-03-05")["quotes"]
    assert quotes[0]["speaker_name"].endswith(outer)
    assert all(q["speaker_name"] in (None, quotes[0]["speaker_name"]) for q in quotes[1:])
    assert all(q["how"] in (None, "frame") for q in quotes[1:])


def test_claims_speakers_reported_nested_quote_keeps_its_speaker() -> None:
    text = "“Warga bilang 'kami lapar', lalu kami kirim beras,” kata Camat Budi Santoso."
    assert _speakers(text)[1] == "Warga"


@pytest.mark.parametrize("text, expected", [
    ("As per figures available on the Harbour Health Office, 45 people died in the outbreak.",
     "the Harbour Health Office"),
    ("Menurut data yang dihimpun oleh Dinas Kesehatan Pelabuhan, 45 orang meninggal dalam wabah itu.",
     "Dinas Kesehatan Pelabuhan"),
])
def test_claims_speakers_data_available_on_or_gathered_by_names_its_source(text: str, expected: str) -> None:
    lang = "id" if text.startswith("Menurut") else "en"
    figures = read_text(text, lang, "2024-03-05")["figures"]
    assert [(f["value"], f["claimant"]) for f in figures] == [(45, expected)]


# --- issue 12: a title with "dan"/"and" in it, a body after "Menurut" ------------------------------------

@pytest.mark.parametrize("text, lang, expected", [
    ("Angka itu lain dari catatan yang dilaporkan oleh Menteri Koordinator Bidang Pangan dan Pertanian "
     "(Menko PP) Rina Lestari, yakni korban meninggal sebanyak 64 orang per Rabu pagi.", "id", "Rina Lestari"),
    ("Menurut Menteri Koordinator Bidang Pangan dan Pertanian (Menko PP) Rina Lestari, korban meninggal "
     "mencapai 64 orang.", "id", "Rina Lestari"),
    ("Angka itu sesuai catatan yang dilaporkan oleh Menko Pangan dan Pertanian (Menko PP) Rina Lestari, yakni "
     "64 orang meninggal.", "id", "Rina Lestari"),
])
def test_claims_speakers_a_title_with_dan_before_a_name_claims_for_the_name(text, lang, expected) -> None:
    figures = read_text(text, lang, "2024-03-05")["figures"]
    assert [(f["value"], f["claimant"]) for f in figures] == [(64, expected)]
    active = ("Menteri Koordinator Bidang Pangan dan Pertanian (Menko PP) Rina Lestari menyampaikan korban "
              "meninggal mencapai 64 orang.")
    assert [f["claimant"] for f in read_text(active, "id", "2024-03-05")["figures"]] == ["Rina Lestari"]
    two = "Data yang dilaporkan oleh Bupati Rina Lestari dan Dandim Budi Santoso (Dandim), yakni 40 orang hilang."
    assert [f["claimant"] for f in read_text(two, "id", "2024-03-05")["figures"]] == ["Rina Lestari"]  # two people


@pytest.mark.parametrize("text, lang, expected", [
    ("“Kami mencatat 64 korban,” kata Menteri Koordinator Bidang Pangan dan Pertanian (Menko PP) Rina Lestari.",
     "id", ("Rina Lestari", "Menteri Koordinator Bidang Pangan dan Pertanian (Menko PP)")),
    ("“We counted 64 bodies,” said the Minister of Health and Welfare, Jane Doe.", "en", ("Jane Doe", None)),
])
def test_claims_speakers_a_title_with_and_before_a_name_speaks_as_the_name(text, lang, expected) -> None:
    quotes = read_text(text, lang, "2024-03-05")["quotes"]
    assert [(q["speaker_name"], q.get("speaker_role")) for q in quotes] == [expected]


@pytest.mark.parametrize("text, lang, expected", [
    ("Menurut Lembaga Penanggulangan Banjir Daerah (LPBD) Lorem, korban meninggal dunia sampai sore ini "
     "mencapai 40 korban jiwa.", "id", "Lembaga Penanggulangan Banjir Daerah (LPBD)"),
    ("Citing the Harbour Rescue Agency (HRA), 40 people were missing on Tuesday.", "en",
     "Harbour Rescue Agency (HRA)"),
])
def test_claims_speakers_according_to_is_no_part_of_the_body_name(text: str, lang: str, expected: str) -> None:
    figures = read_text(text, lang, "2024-03-05")["figures"]
    assert [(f["value"], f["claimant"]) for f in figures] == [(40, expected)]


@pytest.mark.parametrize("text, lang, acronym, long", [
    ("Menurut Lembaga Penanggulangan Banjir Daerah (LPBD) Lorem, air surut.", "id", "LPBD",
     "Lembaga Penanggulangan Banjir Daerah (LPBD)"),
    ("Namun Kepala Badan Pemantau Gempa Nasional (BPGN) Rina Lestari mengatakan air surut.", "id", "BPGN",
     "Badan Pemantau Gempa Nasional (BPGN)"),
    ("Citing the Harbour Rescue Agency (HRA), the mayor spoke.", "en", "HRA", "Harbour Rescue Agency (HRA)"),
])
def test_claims_speakers_long_form_of_an_acronym_starts_at_the_name(text, lang, acronym, long) -> None:
    assert read_referents(text, lang, []).acronyms == {acronym: long}
    other = read_referents("Lembaga Pemantau Banjir (FMA) merilis data.", "id", []).acronyms  # initials of English
    assert other == {"FMA": "Lembaga Pemantau Banjir (FMA)"}


@pytest.mark.parametrize("text, claimant", [
    ("Some 64 deaths were reported by the harbour health office on Monday.", "the harbour health office"),
    ("Sixty-four deaths were confirmed by the provincial police.", "the provincial police"),
    ("Some 64 people were reported missing on Monday.", None),  # what the passive says of them: no agent
])
def test_claims_an_english_passive_agent_after_by_claims_the_count(text, claimant) -> None:
    (fig,) = read_text(text, "en", "2024-03-05")["figures"]
    assert fig["value"] == 64 and fig["claimant"] == claimant


def test_speakers_the_opening_words_of_a_clause_are_no_group_that_speaks():
    for phrase, lang in [("Meski belum", "id"), ("Mereka akan", "id"), ("Silakan", "id"), ("Jadi yang", "id"),
                         ("Although not", "en"), ("They will", "en")]:
        assert speaker(phrase, lang) is None, phrase
    assert speaker("Walaupun Rahmat Hidayat", "id").name == "Rahmat Hidayat"
    assert speaker("warga setempat", "id").kind == "group" and speaker("the agency", "en") is not None


def test_claims_speakers_a_name_set_beside_a_description_before_the_verb_speaks() -> None:
    text = ("Mill workers marched to the provincial office.\n\n"
            "“They closed the mill without a word to us,” his cousin, Arvid Senna, said outside the gates.")
    assert _speakers(text, "en") == ["Arvid Senna"]
    text = "“Nobody has been paid since March,” the union's treasurer, Kofi Mensah, told reporters."
    assert _speakers(text, "en") == ["Kofi Mensah"]


@pytest.mark.parametrize("phrase, name, kind", [
    ("LBH Sungai Rawa", "LBH Sungai Rawa", "org"),  # a body's acronym and its place: no person "Sungai Rawa"
    ("Bupati Sungai Rawa, Dewi Lestari Nasution", "Dewi Lestari Nasution", "person"),  # a two-word place
    ("Kapolres Sungai Rawa, AKBP Yoga Pratama", "Yoga Pratama", "person"),  # the name after the comma has a rank
])
def test_claims_speakers_place_of_a_title_or_body_is_no_name(phrase, name, kind):
    from kronologi.claims.names import speaker
    found = speaker(phrase, "id")
    assert (found.name, found.kind) == (name, kind)


@pytest.mark.parametrize("text, expected", [
    # the capitals after a body's word are the body's place; the person is the name set off after them
    ("“Kami menambah tempat tidur,” kata Kepala Dinas Kesehatan Tirta Wening, Rudi Hartono.", "Rudi Hartono"),
    ("“Kami menambah tempat tidur,” ujar Direktur Rumah Sakit Umum Tirta Wening, Fenny Lumbantobing.",
     "Fenny Lumbantobing"),
    ("“Kami siap,” kata Kepala Dinas Kesehatan Rudi Hartono, Senin.", "Rudi Hartono"),  # a day is no name
])
def test_claims_speakers_name_after_a_body_and_its_place(text: str, expected: str) -> None:
    assert _speakers(text) == [expected]
@pytest.mark.parametrize("text", [
    "\"Kami perluas area pencarian,\" kata Sri Handayani. Kepala Kantor SAR Tandir itu menyebut 16 orang meninggal.",
    "Sri Handayani meninjau posko pengungsi. Menurut bupati tersebut, 16 orang meninggal.",
])
def test_claims_speakers_a_title_pointed_back_to_is_the_person_just_named(text: str) -> None:
    """"Kepala Kantor SAR X itu" after a quote of Sri Handayani is her, though the text never gave her that title
    in so many words: the claimant is her name, not the title phrase."""
    (fig,) = read_text(text, "id", None)["figures"]
    assert (fig["value"], fig["claimant"]) == (16, "Sri Handayani")


def test_claims_speakers_a_body_pointed_back_to_is_no_person() -> None:
    (fig,) = read_text("Sri Handayani meninjau posko. Menurut kantor tersebut, 16 orang meninggal.", "id", None)["figures"]
    assert fig["claimant"] != "Sri Handayani"
