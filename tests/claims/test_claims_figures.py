"""Figures in whole articles written for these tests (tests/claims/articles/), both languages.

Each article mixes figures in many forms with numbers that are not figures (ages, years, clock
times, dates, percentages, phone numbers, list numbers, identifiers, durations); the expected
lists are exhaustive: anything else reported is a false figure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kronologi.claims.step import read_text

ARTICLES = Path(__file__).parent / "articles"

EXPECTED = {
    "id_gempa.txt": [
        (56, "at_least", "killed", None, "reported", "Suharyanto"),
        (700, "about", "injured", None, "reported", "Suharyanto"),
        (2000, "more_than", "damaged", "rumah", "reported", "Suharyanto"),
        (None, "vague", "missing", None, "reported", "Suharyanto"),
        (5000, "exact", "displaced", None, "reported", None),
        (62, "exact", "killed", None, "reported", "Ridwan Kamil"),
        (10_000_000_000, "exact", "money", None, "reported", None),
        (25, "exact", "aftershocks", None, "reported", "BMKG"),
        (81, "exact", "killed", None, "reported", None),
    ],
    "en_protest.txt": [
        (None, "vague", "protesters", None, "reported", "witnesses"),
        (23, "at_least", "killed", None, "reported", "the Kenya National Commission on Human Rights"),
        (300, "more_than", "injured", None, "reported", "the Kenya National Commission on Human Rights"),
        (105, "exact", "injured", "police", "reported", "Police"),
        (1376, "exact", "arrested", None, "reported", "Kithure Kindiki"),
        # a count no category names is `other`, its noun the unit; "it had" (a pronoun and its verb) names no
        # one, so the sentence's subject claims it
        (61, "exact", "other", "cases", "reported", "The commission"),
        (200, "about", "injured", None, "reported", "A hospital in the capital"),
        (30, "exact", "injured", "with gunshot wounds", "reported", "A hospital in the capital"),
        (50, "exact", "killed", None, "denied", "The government"),
        (1_000_000, "exact", "protesters", None, "projected", None),
        (2_700_000_000, "exact", "money", None, "projected", None),
        (54_000_000, "about", "population", None, "reported", None),
        (None, "vague", "killed", None, "reported", None),
    ],
    "id_pemilu.txt": [
        (204_800_000, "exact", "voters", None, "reported", "Komisi Pemilihan Umum (KPU)"),
        (96_214_691, "exact", "votes", "Pasangan nomor urut 2", "reported", None),  # each pair holds its own votes
        (40_971_906, "exact", "votes", "pasangan nomor urut 1", "reported", None),
        (71, "exact", "killed", "petugas KPPS", "reported", "Hasyim Asy'ari"),
        (4567, "exact", "ill", None, "reported", "Hasyim Asy'ari"),
        (1271, "exact", "other", "laporan dugaan pelanggaran", "reported", None),
        (400, "exact", "other", "laporan", "reported", "Bawaslu Lolly Suhenty"),
    ],
    "en_flood.txt": [
        (16, "at_least", "killed", None, "reported", "officials"),
        (31000, "more_than", "displaced", None, "reported", "officials"),
        (4, "exact", "missing", None, "reported", "The National Disaster Mitigation Agency"),
        (66, "exact", "killed", None, "reported", None),
        (700_000, "exact", "buildings", None, "reported", "state utility PLN"),  # homes cut off: a count of homes
        (1_000_000_000_000, "exact", "money", None, "reported", "The government"),
        (68_000_000, "exact", "money", None, "reported", "The government"),
    ],
    "id_quotes.txt": [
        (2_000_000_000_000, "exact", "money", None, "reported", "Sri Wahyuni"),
    ],
    "id_kerusuhan.txt": [
        (225, "exact", "killed", None, "reported", "jaksa agung setempat"),
        (19, "exact", "killed", "security forces", "reported", "jaksa agung setempat"),
        (4500, "more_than", "injured", None, "reported", None),
        (164, "exact", "killed", None, "denied", "Pemerintah"),
        (9900, "exact", "arrested", None, "reported", "Kementerian Dalam Negeri"),
        (2030, "exact", "troops", None, "reported", None),
        (87_000_000_000, "exact", "money", None, "reported", None),
        (2_800_000_000_000, "about", "money", None, "reported", None),
    ],
    "en_unrest.txt": [
        (164, "exact", "killed", None, "retracted", "Kazakhstan's health ministry"),
        (103, "exact", "killed", "Almaty", "retracted", "Kazakhstan's health ministry"),
        (44, "exact", "killed", None, "reported", "Officials"),
        (18, "exact", "killed", "security forces", "reported", "Officials"),
        (2200, "exact", "injured", None, "reported", "the interior ministry"),
        (1300, "about", "injured", "security forces", "reported", "the interior ministry"),
        (5800, "about", "detained", None, "reported", "the presidency"),
        (2500, "about", "troops", None, "reported", None),
        (70, "more_than", "equipment", None, "reported", "Russia's defence ministry"),
        (300, "about", "attackers", "protesters", "reported", None),
    ],
    "id_penarikan.txt": [
        (20000, "about", "attackers", "bandit", "reported", "Kassym-Jomart Tokayev"),
        (20000, "exact", "other", "bandit", "reported", "Kassym-Jomart Tokayev"),  # "ada 20 ribu bandit"
        (164, "at_least", "killed", None, "denied", None),
        (16, "exact", "killed", "security forces", "denied", None),
        (82, "exact", "votes", "Smailov", "reported", None),
        (10000, "exact", "arrested", None, "reported", "Kassym-Jomart Tokayev"),
        (12000, "exact", "arrested", None, "reported", "Kementerian Dalam Negeri"),
        (20, "exact", "killed", None, "reported", None),
    ],
    "id_tahanan.txt": [
        (225, "exact", "killed", None, "reported", "Jaksa Agung Kazakhstan"),
        (19, "exact", "killed", "police", "reported", "Jaksa Agung Kazakhstan"),
        (7939, "exact", "detained", None, "reported", "Kementerian Dalam Negeri"),
        (2000, "more_than", "injured", None, "reported", None),
        (2030, "exact", "troops", None, "reported", None),
        (45, "exact", "other", "Indonesians", "reported", "Kedutaan Besar RI"),
        (100, "exact", "attacked", "businesses", "reported", "Wali Kota Almaty"),
        (400, "about", "damaged", "kendaraan", "reported", "Wali Kota Almaty"),
        (None, "range", "money", None, "reported", None),
    ],
    "en_toll.txt": [
        (225, "exact", "killed", None, "reported", "the prosecutor general's office"),
        (19, "exact", "killed", "police", "reported", "the prosecutor general's office"),
        (7939, "at_least", "detained", None, "reported", "the interior ministry"),
        (2000, "more_than", "injured", None, "reported", None),
        (100, "exact", "attacked", "businesses", "reported", "Almaty's mayor"),
        (400, "about", "damaged", "vehicles", "reported", "Almaty's mayor"),
        (None, "range", "money", None, "reported", None),
        (12, "exact", "other", "cases", "reported", "Rights groups"),
    ],
    "en_plot.txt": [
        (7, "exact", "detained", "supporters", "reported", "Kazakhstan's security service"),
        (5, "exact", "candidates", None, "reported", None),
        (12_000_000, "about", "voters", None, "reported", "the Central Election Commission"),
        (238, "at_least", "killed", None, "reported", None),
        (2500, "exact", "troops", None, "reported", "Kassym-Jomart Tokayev"),
    ],
    "id_plot.txt": [
        (7, "exact", "detained", "pendukung tokoh oposisi", "reported", "Komite Keamanan Nasional Kazakhstan (KNB)"),
        (5, "exact", "candidates", None, "reported", None),
        (12_000_000, "about", "voters", None, "reported", "Komisi Pemilihan Umum Pusat"),
        (238, "at_least", "killed", None, "reported", None),
    ],
}


def _read(name: str) -> dict:
    lang = name[:2]
    return read_text((ARTICLES / name).read_text(encoding="utf-8"), lang, "2022-01-12")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_claims_figures_in_articles(name: str) -> None:
    found = _read(name)["figures"]
    got = [(f["value"], f["qualifier"], f["category"], f["subject"], f["status"], f["claimant"]) for f in found]
    assert got == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_claims_figures_offsets_and_contract_fields(name: str) -> None:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    for fig in _read(name)["figures"]:
        assert text[fig["start"]:fig["end"]] == fig["text"]
        assert fig["qualifier"] in ("exact", "about", "more_than", "at_least", "nearly", "up_to", "less_than",
                                    "range", "vague")
        assert fig["status"] in ("reported", "retracted", "denied", "projected")
        assert fig["as_of"] is None or fig["as_of"][:4].isdigit()
        if fig["value"] is not None and fig["qualifier"] == "exact":
            assert fig["low"] == fig["high"] == fig["value"]


def test_claims_figures_ranges_take_the_scale_and_currency_of_their_end() -> None:
    for text, lang in (("Kerugian ditaksir mencapai 2-3 miliar dolar AS.", "id"),
                       ("The cost was estimated at $2-3 billion.", "en")):
        (fig,) = read_text(text, lang, None)["figures"]
        assert (fig["low"], fig["high"], fig["unit"], fig["category"]) == (2e9, 3e9, "USD", "money")


def test_claims_figures_as_of_from_the_statement_not_the_event() -> None:
    text = ("Tragedi pada Sabtu (1/10/2022) itu menewaskan 131 orang berdasarkan data terbaru. "
            "Sebanyak 26 orang tewas, kata polisi pada Senin (3/10/2022).")
    figs = read_text(text, "id", "2022-10-06T21:47+07:00")["figures"]
    assert [(f["value"], f["as_of"]) for f in figs] == [(131, "2022-10-06"), (26, "2022-10-03")]


def test_claims_figures_as_of_the_present_is_the_articles_day_not_a_day_the_text_states() -> None:
    text = ("Jumlah korban meninggal hingga kini mencapai 412 orang. "
            "Sebanyak 36 orang hilang, kata polisi pada Senin (3/10/2022).")
    figs = read_text(text, "id", "2022-10-06T21:47+07:00")["figures"]
    assert [(f["value"], f["as_of"], f["as_of_basis"]) for f in figs] == [
        (412, "2022-10-06", "published"), (36, "2022-10-03", "text")]


def test_claims_figures_as_of_a_date_framing_the_sentence() -> None:
    """A date that opens the sentence, a comma after it, dates its count ("Sebelumnya, Kamis (9/2/2023),
    korban ... 14 orang" is Thursday's toll in Friday's article); one inside a clause about the event does not."""
    text = ("Hingga Jumat (10/2/2023) siang korban meninggal mencapai 19 orang. "
            "Sebelumnya, Kamis (9/2/2023), korban meninggal tercatat 14 orang. "
            "Banjir yang melanda Senin (6/2/2023) itu menewaskan 21 orang.")
    figs = read_text(text, "id", "2023-02-10T19:45+08:00")["figures"]
    assert [(f["value"], f["as_of"]) for f in figs] == [(19, "2023-02-10"), (14, "2023-02-09"), (21, "2023-02-10")]
    text = "The toll rose to 19 on Friday. Earlier, on Wednesday, the toll stood at 11."
    figs = read_text(text, "en", "2023-02-10T19:45+08:00")["figures"]
    assert [(f["value"], f["as_of"]) for f in figs] == [(19, "2023-02-10"), (11, "2023-02-08")]


def test_claims_figures_as_of_on_the_story_clock_and_in_the_past() -> None:
    text = "In 1964, more than 300 people died in a stampede. At least 174 people were killed, an official said."
    figs = read_text(text, "en", "2022-10-01T23:58-04:00")["figures"]
    assert [f["as_of"] for f in figs] == ["1964", "2022-10-02"]


def test_claims_figures_relay_from_the_sentence_or_the_credits() -> None:
    text = ("Sebanyak 40 orang tewas, seperti dikutip Reuters. Sebanyak 12 orang terluka. "
            "Dilansir dari BBC, sedikitnya 30 rumah rusak.")
    figs = read_text(text, "id", "2022-01-12", credits=["AFP"])["figures"]
    assert [f["via"] for f in figs] == ["Reuters", "AFP", "BBC"]
    text = "At least 40 people were killed, according to state news channel Khabar-24."
    (fig,) = read_text(text, "en", None)["figures"]
    assert (fig["claimant"], fig["via"]) == (None, "state news channel Khabar-24")


def test_claims_figures_repeated_claim_counted_once_with_every_claimant() -> None:
    text = ("Korban Tewas Capai 56 Orang\n\nGempa itu menewaskan sedikitnya 56 orang.\n\n"
            "“Korban meninggal 56 orang,” kata Suharyanto.")
    figs = read_text(text, "id", "2022-11-22", headings=[(0, 27)])["figures"]
    assert len(figs) == 1
    assert (figs[0]["qualifier"], figs[0]["claimant"], len(figs[0]["mentions"])) == ("at_least", "Suharyanto", 3)
