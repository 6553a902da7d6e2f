"""Figures that do not hang on a vocabulary: the mechanisms of issue 12, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronologi.claims import nonfigures, vocab
from kronologi.claims.numbers import find_numbers
from kronologi.claims.step import read_text


def _figures(text: str, lang: str) -> list[tuple]:
    return [(f["value"], f["qualifier"], f["category"], f["subject"]) for f in read_text(text, lang, None)["figures"]]


def test_claims_figures_split_prefix_matches_in_lower_case_only() -> None:
    pattern = vocab.category_regex("id", "predicates")
    assert pattern.search("lima orang di tahan polisi").group(0) == "di tahan"
    assert _figures("Sebanyak 30 orang di Serang mengikuti lomba.", "id") == []  # a town, not "diserang"


def test_claims_figures_predicate_not_read_in_a_hyphenated_word() -> None:
    assert vocab.category_regex("en", "predicates").search("rebel-held town") is None


@pytest.mark.parametrize("text, lang, value, unit", [
    ("2K", "en", 2000, None),
    ("Rs 3.88 lakh crore", "en", 3_880_000_000_000, "INR"),
    ("Rp 2 triliaun", "id", 2_000_000_000_000, "IDR"),
    ("13.400-an", "id", 13400, None),
])
def test_claims_figures_number_spellings(text: str, lang: str, value: float, unit: str | None) -> None:
    (n,) = find_numbers(text, lang)
    assert (n.value, n.unit, n.text) == (value, unit, text)


def test_claims_figures_decade_is_no_number() -> None:
    assert find_numbers("pada 1990-an", "id") == []


@pytest.mark.parametrize("text, lang", [("No one was hurt.", "en"), ("Tidak satu pun rumah rusak.", "id")])
def test_claims_figures_negated_number_is_no_figure(text: str, lang: str) -> None:
    (n,) = find_numbers(text, lang)
    assert nonfigures.reason(text, n, lang, [], [n]) == "nonfigure.negated"


def test_claims_figures_full_month_with_full_stop_ends_a_sentence() -> None:
    text = "Three died on 4 June. 2 from the village were hurt."
    numbers = find_numbers(text, "en")
    assert [nonfigures.reason(text, n, "en", [], numbers) for n in numbers] == [None, "nonfigure.date", None]


def test_claims_figures_list_items_take_the_category_and_their_place() -> None:
    got = _figures("Polisi menangkap 40 orang di Kota A, 7 di Kota B, dan satu di Kota C.", "id")
    assert got == [(40, "exact", "arrested", None), (7, "exact", "arrested", "Kota B"), (1, "exact", "arrested", "Kota C")]


def test_claims_figures_list_item_needs_a_figure_before_it() -> None:
    assert _figures("Di Kota B ada 7 di antara mereka.", "id") == []


def test_claims_figures_other_carries_its_noun_as_unit() -> None:
    (fig,) = read_text("The ministry said it had shipped 480 tents and water tanks.", "en", None)["figures"]
    assert (fig["category"], fig["unit"]) == ("other", "tents")


def test_claims_figures_other_is_not_the_doer_of_an_act() -> None:
    assert _figures("Three storms hit the coast.", "en") == []


def test_claims_figures_nearer_qualifier_wins_when_stacked() -> None:
    assert _figures("Korban tewas diperkirakan bertambah hingga di atas 9.000 jiwa.", "id")[0][:2] == (9000, "more_than")


def test_claims_figures_rose_to_is_not_up_to() -> None:
    assert _figures("The death toll rose to 410.", "en") == [(410, "exact", "killed", None)]


def test_claims_figures_a_building_noun_counts_no_one() -> None:
    assert _figures("Para korban dirawat di tiga rumah sakit.", "id") == []
    assert _figures("Gempa merusak 3 rumah sakit.", "id") == [(3, "exact", "damaged", "rumah sakit")]


def test_claims_figures_a_bare_fraction_and_a_bracketed_unit_count_nothing() -> None:
    text = "Lindu berkekuatan (M) 4,9 di Lembang menewaskan 40 warga."
    assert [(v, c) for v, _, c, _ in _figures(text, "id")] == [(40, "killed")]
    # a fraction with its scale word or its currency still counts
    got = _figures("Sebanyak 2,5 juta warga mengungsi dan bantuan $1.5 juta dikirim.", "id")
    assert [v for v, *_ in got] == [2_500_000, 1_500_000]


@pytest.mark.parametrize("text, lang, category", [
    ("Ledakan di gudang itu melukai 28 orang.", "id", "injured"),
    ("Tim forensik telah mengidentifikasi 19 korban.", "id", "identified"),
    ("Sebanyak 4 perahu nelayan tenggelam dihantam ombak.", "id", "damaged"),
    ("Two fishing boats capsized near the harbour.", "en", "damaged"),
])
def test_claims_figures_derived_predicates(text: str, lang: str, category: str) -> None:
    assert [f[2] for f in _figures(text, lang)] == [category]


def test_claims_figures_head_first_noun_is_what_is_counted() -> None:
    (fig,) = read_text("Dinas sosial menyediakan 150 kantong jenazah di posko.", "id", None)["figures"]
    assert (fig["category"], fig["unit"]) == ("other", "kantong jenazah")
    assert _figures("Relawan mengevakuasi 3 jenazah dari sungai.", "id")[0][2] == "killed"


@pytest.mark.parametrize("text, lang, units", [
    ("Feri itu mengangkut 86 penumpang dan 9 awak.", "id", ["penumpang", "awak"]),
    ("The ferry carried 86 passengers and 9 crew members.", "en", ["passengers", "crew members"]),
])
def test_claims_figures_joined_count_is_acted_on_as_the_one_before(text: str, lang: str, units: list[str]) -> None:
    assert [(f["category"], f["unit"]) for f in read_text(text, lang, None)["figures"]] == [("other", u) for u in units]


@pytest.mark.parametrize("text, lang", [
    ("Empat warga tewas tertimpa pohon. 2. Pemerintah kota menutup taman itu.", "id"),
    ("Four people were killed by falling trees. 2) The city closed the park.", "en"),
])
def test_claims_figures_run_in_list_number_is_no_count(text: str, lang: str) -> None:
    assert [f[0] for f in _figures(text, lang)] == [4]


def test_claims_figures_votes_of_different_candidates_are_different_rows() -> None:
    from kronologi.claims.ledger import build_ledger
    from ledger_fixtures import claims_doc

    docs = [claims_doc("v", "Wulan Sari memperoleh 12.400 suara, sedangkan Hendra Gunawan meraih 11.950 suara.",
                       "2024-02-15", "id")]
    figures, _, ledger = build_ledger(docs, {"v": "pilkada"})
    assert sorted(r["relation"] for r in ledger) == ["single", "single"]
    assert [f["subject"] for f in figures] == ["Wulan Sari", "Hendra Gunawan"]


def test_a_bound_written_after_the_number_is_no_increment() -> None:
    """"6,000 or more" is at least 6,000 in all, not 6,000 more (issue 12); "38 more" stays an increment."""
    bound = read_text("Officials fear the toll could rise to 6,000 or more.", "en")["figures"]
    more = read_text("Rescuers found 38 more survivors in Eastmere.", "en")["figures"]
    assert [(f["value"], f["qualifier"], f["increment"]) for f in bound] == [(6000, "at_least", False)]
    assert [f["increment"] for f in more] == [True]


@pytest.mark.parametrize("text, lang", [
    ("Awalnya dilaporkan sebanyak 640 korban meninggal, namun angka itu dianulir karena datanya ganda.", "id"),
    ("An early count of 640 dead was annulled after officials found duplicate names.", "en"),
])
def test_claims_figures_an_annulled_count_is_retracted(text, lang) -> None:
    (fig,) = [f for f in read_text(text, lang, None)["figures"] if f["value"] == 640]
    assert fig["status"] == "retracted"


@pytest.mark.parametrize("text, lang, status", [
    ("Hitungan awal menyebut 640 korban jiwa, tetapi kemudian dianulir sebab banyak nama tercatat ganda.", "id",
     "retracted"),
    ("An early count put the dead at 640, but it was later withdrawn.", "en", "retracted"),
    ("The toll stands at 640, but officials withdrew from the talks.", "en", "reported"),  # another subject's act
])
def test_claims_figures_a_contrast_clause_withdrawing_the_count_before_it(text, lang, status) -> None:
    (fig,) = [f for f in read_text(text, lang, None)["figures"] if f["value"] == 640]
    assert fig["status"] == status


@pytest.mark.parametrize("text, lang", [
    ("Posko buka pada 3, 4 dan 5 Mei.", "id"),
    ("The shelters were open on October 12 to 16.", "en"),
])
def test_claims_figures_days_joined_to_a_date_are_no_counts(text: str, lang: str) -> None:
    numbers = find_numbers(text, lang)
    assert [nonfigures.reason(text, n, lang, [], numbers) for n in numbers] == ["nonfigure.date"] * len(numbers)


def test_claims_figures_count_beside_a_day_range_stays() -> None:
    text = "Sebanyak 12 orang dan 16 warga mengungsi pada 5 Mei."
    numbers = find_numbers(text, "id")
    assert [nonfigures.reason(text, n, "id", [], numbers) for n in numbers] == [None, None, "nonfigure.date"]


@pytest.mark.parametrize("text, lang, expected", [
    # a pack noun shaped like a verb ("ter-") still ends no noun phrase: the count is of suspects
    ("Sampai pekan ini tercatat 30 orang tersangka di kabupaten itu.", "id", [(30, "suspects")]),
    ("Pengadilan menghukum 12 orang terdakwa pada Kamis.", "id", [(12, "sentenced")]),
    # a predicate after a coordinated count is the first count's too, whatever the last one counts
    ("Jaksa menetapkan 17 orang dan dua perusahaan sebagai tersangka perusakan hutan.", "id", [(17, "suspects")]),
    ("Prosecutors named 17 people and two firms as suspects in the logging case.", "en", [(17, "suspects")]),
    # "masing-masing 8 orang dan 5 orang tersangka": the last item's noun finishes the first item's
    ("Di dua kabupaten itu masing-masing ada 8 orang dan 5 orang tersangka.", "id", [(8, "suspects"), (5, "suspects")]),
])
def test_claims_figures_suspects_named_by_a_shared_noun_or_predicate(text: str, lang: str, expected: list) -> None:
    got = [(f["value"], f["category"]) for f in read_text(text, lang, None)["figures"]]
    assert [g for g in got if g[1] != "other"] == expected


@pytest.mark.parametrize("text, lang, values", [
    # a number hyphened to a model's number is the same code, no count ("Cassa 212-200", "Airbus 320-200")
    ("Helikopter Bell 412-300 itu mengangkut 12 penumpang.", "id", [12]),
    ("The Airbus 320-200 carried 150 passengers.", "en", [150]),
    # the unit after a range is its first number's too: a share, not a count
    ("Hutan seluas 90 hektare terbakar dengan tingkat kerusakan 60-75 persen.", "id", [90]),
])
def test_claims_figures_codes_and_percent_ranges_are_no_counts(text: str, lang: str, values: list) -> None:
    assert [f["value"] for f in read_text(text, lang, None)["figures"]] == values


def test_claims_figures_every_one_of_is_no_count_of_one() -> None:
    found = _figures("Rescuers said they had named every one of the dead, and 14 people were still missing.", "en")
    assert [f[0] for f in found] == [14]


@pytest.mark.parametrize("text, lang, want", [
    # an outbreak's counts: the ill in all, those who got well, those still in hospital, the new cases of the day
    ("Dari 140 pasien itu, sebanyak 62 pasien sudah sembuh, sementara 78 pasien masih dirawat di rumah sakit.", "id",
     [(62, "recovered"), (78, "hospitalised")]),
    ("Total kasus mencapai 240 orang, dengan 19 kasus baru tercatat hari ini.", "id", [(240, "ill"), (19, "ill")]),
    ("Of the 240 people sickened, 130 have recovered and 42 remain in hospital.", "en",
     [(240, "ill"), (130, "recovered"), (42, "hospitalised")]),
    ("Doctors discharged 55 patients on Friday, while 12 patients are still being treated.", "en",
     [(55, "recovered"), (12, "hospitalised")]),
    ("Rescuers recovered 14 bodies from the river.", "en", [(14, "killed")]),  # bodies recovered are the dead
    # a still word before the number: those still in hospital, not all who were treated
    ("Menurut kepala dinas, sejauh ini masih ada 80 warga yang dirawat akibat luka-luka.", "id", [(80, "hospitalised")]),
    ("Sebanyak 80 warga dirawat akibat luka-luka.", "id", [(80, "injured")]),
    ("There are still 80 people being treated for their injuries.", "en", [(80, "hospitalised")]),
])
def test_claims_figures_outbreak_counts_take_their_own_categories(text: str, lang: str, want: list) -> None:
    got = [(v, c) for v, _, c, _ in _figures(text, lang)]
    assert [g for g in got if g[0] in {w[0] for w in want}] == want, got


def test_claims_figures_new_cases_are_a_step_not_a_total() -> None:
    (total, new) = read_text("Total kasus mencapai 240 orang, dengan 19 kasus baru tercatat hari ini.", "id", None)["figures"]
    assert not total["increment"] and new["increment"]
    (new,) = read_text("The health office recorded 19 new cases on Friday.", "en", None)["figures"]
    assert new["category"] == "ill" and new["increment"]


@pytest.mark.parametrize("text", [
    "The agency said 30 people were killed. It later withdrew that figure.",
    "A wire story on Monday said 30 people were killed. Officials later said the last death was not linked to the floods. "
    "The agency withdraws that figure.",
])
def test_claims_figures_withdrawal_naming_the_figure_after_its_cue(text: str) -> None:
    (fig,) = [f for f in read_text(text, "en", None)["figures"] if f["value"] == 30]
    assert fig["status"] == "retracted"


def test_claims_figures_withdrawal_does_not_reach_into_another_paragraph() -> None:
    text = "The agency said 30 people were killed.\n\nThe mayor toured the site. It later withdrew that figure."
    (fig,) = read_text(text, "en", None)["figures"]
    assert fig["status"] == "reported"


@pytest.mark.parametrize("text, lang", [
    # an aside between the count and what befell it is read past; "taken to hospital" hurt or sickened them
    ("At least 87 people, most of them primary school pupils, were taken to hospital on Monday.", "en"),
    ("Sedikitnya 87 orang, sebagian besar siswa sekolah dasar, dilarikan ke rumah sakit pada Senin.", "id"),
])
def test_claims_figures_count_aside_before_the_predicate(text: str, lang: str) -> None:
    assert _figures(text, lang) == [(87, "at_least", "injured", None)]


@pytest.mark.parametrize("text, as_of, part", [
    # an as-of word in the count's own words dates the count, though the saying is dated after it
    ("“Data kami sampai Minggu malam pukul 21.00 ada 140 orang yang dirawat,” ujar Rudi di Tirta, Senin (9/11/2026).",
     "2026-11-08", "NI"),
    ("Per Minggu pagi, korban tewas 40 orang, kata BPBD pada Senin (9/11/2026).", "2026-11-08", "MO"),
    ("Korban tewas 40 orang, kata BPBD pada Senin (9/11/2026).", "2026-11-09", None),  # no as-of word: the saying's
])
def test_claims_figures_as_of_word_before_a_count_dates_it(text: str, as_of: str, part) -> None:
    (fig,) = read_text(text, "id", "2026-11-10T09:15+07:00")["figures"]
    assert (fig["as_of"], fig["as_of_part"]) == (as_of, part)


def test_claims_figures_a_total_of_cases_is_the_whole_not_a_list_item() -> None:
    """"Of the total 164 cases, 71 have recovered": the total is the whole the next count is a part of (not one
    more count of the recovered), and a running count of the ill it repeats."""
    text = "The number of people sickened rose to 164 on Wednesday.\n\nOf the total 164 cases, 71 have recovered."
    got = [(f["value"], f["category"]) for f in read_text(text, "en", None)["figures"]]
    assert got == [(164, "ill"), (71, "recovered")]
@pytest.mark.parametrize("text, lang, statuses", [
    ("Sebelumnya disebutkan jumlah korban luka 27 orang, yang benar 21 orang.", "id", [(27, "retracted"), (21, "reported")]),
    ("Di berita sebelumnya tertulis 9 orang hilang; yang betul 7 orang.", "id", [(9, "retracted")]),
    ("A previous report said 27 people were injured; the correct number is 21.", "en",
     [(27, "retracted"), (21, "reported")]),
    # "yang benar" saying the count is right, with no other value after it, withdraws nothing
    ("Sebanyak 27 orang terluka, dan itulah yang benar.", "id", [(27, "reported")]),
])
def test_claims_figures_a_count_its_sentence_puts_right_is_retracted(text, lang, statuses) -> None:
    """A correction note ("disebutkan 12, yang benar 10") withdraws the value before the right one."""
    got = [(f["value"], f["status"]) for f in read_text(text, lang, None)["figures"]]
    assert got[:len(statuses)] == statuses and all(s == "reported" for _, s in got[len(statuses):])


@pytest.mark.parametrize("text", [
    "Perahu motor itu membawa 31 orang, termasuk empat anak buah kapal.",
    "Sebanyak 4 ABK perahu motor itu belum ditemukan.",
])
def test_claims_figures_a_ships_crew_is_no_children(text: str) -> None:
    """"anak buah kapal" (ABK) is a ship's crew: the word "anak" in it counts no children."""
    subjects = [f["subject"] for f in read_text(text, "id", None)["figures"] if f["value"] == 4]
    assert subjects == ["crew members"]


@pytest.mark.parametrize("text, lang", [
    ("Empat pendaki ditemukan meninggal dunia di dasar jurang.", "id"),
    ("Empat pendaki ditemukan dalam keadaan tak bernyawa.", "id"),
    ("Four fishermen were found dead at the mouth of the river.", "en"),
])
def test_claims_figures_people_found_dead_are_dead_not_found(text: str, lang: str) -> None:
    """"ditemukan meninggal", "found dead": the state after the finding gives the category (killed), not "found"."""
    assert [(f["value"], f["category"]) for f in read_text(text, lang, None)["figures"]] == [(4, "killed")]


@pytest.mark.parametrize("text, value, unit", [
    ("Dalam manifes tercatat 38 penumpang.", 38, "penumpang"),
    ("Di dermaga itu terdata 120 nelayan.", 120, "nelayan"),
])
def test_claims_figures_people_a_record_lists_are_counted(text: str, value: int, unit: str) -> None:
    """"tercatat 38 penumpang": a record word before a specific noun of people names the count (a ship's manifest
    against the people on board); a generic noun after it ("Data BPBD tercatat 129 orang") still names none."""
    figs = read_text(text, "id", None)["figures"]
    assert [(f["value"], f["subject"]) for f in figs] == [(value, unit)]
    assert read_text("Data BPBD tercatat 129 orang.", "id", None)["figures"] == []


@pytest.mark.parametrize("text, lang", [
    ("Salah satu penumpang selamat, Wati Lenggo (41), mengaku terapung semalaman.", "id"),
    ("One of the survivors, Wati Lenggo, said she floated all night.", "en"),
])
def test_claims_figures_one_of_a_group_introducing_a_person_is_no_count(text: str, lang: str) -> None:
    """"Salah satu penumpang selamat, X" says who X is: no count of one survivor beside the story's count of them."""
    assert [f["value"] for f in read_text(text, lang, None)["figures"]] == []
    assert [f["value"] for f in read_text("Satu penumpang selamat.", "id", None)["figures"]] == [1]


def test_claims_figures_including_belongs_to_its_own_sentences_number() -> None:
    """"... mencapai 57 orang, termasuk enam ABK": the crew are part of the people on board this sentence counts
    (whether or not that number is read as a figure), never of the manifest's count in the sentence before."""
    text = ("Dalam manifes tercatat 38 penumpang. Namun menurut petugas, jumlah orang di atas kapal mencapai "
            "51 orang, termasuk tujuh anak buah kapal.")
    crew = [f for f in read_text(text, "id", None)["figures"] if f["value"] == 7]
    assert [(f["subject"], f["part_of"]) for f in crew] == [("crew members", None)]


@pytest.mark.parametrize("text", [
    "We hope the remaining nine can be found soon.",
    "Nine fishermen are yet to be found.",
])
def test_claims_figures_people_still_to_be_found_are_missing(text: str) -> None:
    """"the remaining nine can be found", "yet to be found": people a search still looks for are the missing, not a
    count of people found (which would climb the survivors' line)."""
    assert [(f["value"], f["category"]) for f in read_text(text, "en", None)["figures"]] == [(9, "missing")]
    assert [f["category"] for f in read_text("Nine more survivors were found.", "en", None)["figures"]] == ["found"]
