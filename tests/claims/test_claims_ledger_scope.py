"""The ledger, round 2: where a count counts (place scope), a day's order, breakdowns and states."""

from __future__ import annotations

from kronologi.claims.dating import as_of
from kronologi.claims.ledger import build_ledger

from kronologi.temporal import tag

from ledger_fixtures import claims_doc


_doc = claims_doc


def _ledger(docs):
    figures, _, ledger = build_ledger(docs, {d.id: "s" for d in docs})
    by_id = {f["id"]: f for f in figures}
    return figures, [(row, [by_id[i] for i in row["figures"]]) for row in ledger]


def _values(rows, **match):
    found = [[f["value"] for f in figs] for row, figs in rows if all(row.get(k) == v for k, v in match.items())]
    assert len(found) == 1, [(r["category"], r.get("scope"), r.get("class"), [f["value"] for f in fs])
                             for r, fs in rows]
    return found[0]


def test_claims_ledger_scope_per_country_counts_are_lines_beside_the_combined_count() -> None:
    docs = [
        _doc("a", "Sedikitnya 50 orang tewas di Peru dan 20 orang tewas di Chile, kata badan bencana pada Senin "
                  "(3/4/2023).", "2023-04-03"),
        _doc("b", "Korban tewas gabungan bertambah menjadi 300 orang, kata badan bencana pada Selasa (4/4/2023).",
             "2023-04-04"),
        _doc("c", "At least 210 people were killed in Peru and 95 in Chile, officials said on Tuesday.", "2023-04-04",
             lang="en"),
        _doc("d", "The combined death toll in Peru and Chile rose to 640, officials said on Wednesday.", "2023-04-05",
             lang="en"),
    ]
    figures, rows = _ledger(docs)
    assert _values(rows, category="killed", scope="Peru") == [50, 210]
    assert _values(rows, category="killed", scope="Chile") == [20, 95]
    assert _values(rows, category="killed", scope=None) == [300, 640]
    assert "contradiction" not in {f["relation"] for f in figures}


def test_claims_ledger_scope_the_story_home_place_is_all_areas() -> None:
    docs = [_doc("a", "Sebanyak 40 orang meninggal dunia di Peru, kata polisi pada Senin (3/4/2023).", "2023-04-03"),
            _doc("b", "Korban meninggal bertambah menjadi 75 orang, kata polisi pada Selasa (4/4/2023).", "2023-04-04"),
            _doc("c", "Sebanyak 90 orang meninggal di Peru dan 2 orang di Chile, kata polisi pada Rabu (5/4/2023).",
                 "2023-04-05"),
            _doc("d", "Korban meninggal di Peru kini 120 orang, kata polisi pada Kamis (6/4/2023).", "2023-04-06")]
    _, rows = _ledger(docs)
    assert _values(rows, category="killed", scope=None) == [40, 75, 90, 120]
    assert _values(rows, category="killed", scope="Chile") == [2]


def test_claims_ledger_scope_bodies_found_somewhere_count_the_toll_in_no_place() -> None:
    """Where more bodies were found ("dua jenazah ditemukan di sekitar Tanjung Rawa") is no partition of the toll: a
    toll told with the wreck's place ("di perairan Pulau Tandir") stays on the story's one line of the dead."""
    from kronologi.claims.step import ClaimsStep
    from kronologi.text.sentences import split_sentences
    from kronologi.document import Document, Sentence

    def doc(doc_id, text, published, places):
        d = Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", raw_text=text, text=text, language="id",
                     published=published, outlet=doc_id)
        d.sentences = [Sentence(s, e) for s, e in split_sentences(text, "id")]
        starts = [x.start for x in d.sentences]
        d.times = [{**tm.to_dict(), "sentence": max(i for i, x in enumerate(starts) if x <= tm.start)}
                   for tm in tag(text, "id", published)]
        d.mentions = [{"start": text.index(p), "end": text.index(p) + len(p), "text": p, "type": "LOC"} for p in places]
        return ClaimsStep({})(d)

    docs = [doc("a", "Korban meninggal dunia bertambah menjadi 8 orang, kata Basarnas pada Selasa (4/4/2023).",
                "2023-04-04", []),
            doc("b", "Korban meninggal dalam musibah tenggelamnya kapal di perairan Pulau Tandir bertambah menjadi "
                     "10 orang. Menurut dia, dua jenazah ditemukan nelayan di sekitar Tanjung Rawa pukul 16.00.",
                "2023-04-05", ["Pulau Tandir", "Tanjung Rawa"])]
    figures, rows = _ledger(docs)
    toll = [[f["value"] for f in figs] for row, figs in rows if row["category"] == "killed" and 8 in
            [f["value"] for f in figs]]
    assert toll == [[8, 10]]


def test_claims_ledger_scope_a_rising_count_within_one_day_is_updates() -> None:
    docs = [_doc("a", "Sedikitnya 30 orang tewas, kata polisi. Kemudian korban tewas bertambah menjadi 140 orang, "
                      "kata gubernur.", "2023-04-03"),
            _doc("b", "Sebanyak 90 orang tewas, kata dinas kesehatan.", "2023-04-03")]
    _, rows = _ledger(docs)
    (row, figs), = [(r, f) for r, f in rows if r["category"] == "killed"]
    assert [f["value"] for f in figs] == [30, 90, 140]
    assert [f["relation"] for f in figs] == ["single", "update", "update"]


def test_claims_ledger_scope_a_breakdown_shares_its_total_revision() -> None:
    docs = [_doc("a", "Sebanyak 9.000 rumah rusak berat, kata bupati pada Senin (3/4/2023).", "2023-04-03"),
            _doc("b", "Jumlah rumah rusak yang telah diverifikasi sebanyak 12.000 unit. Rinciannya, rumah rusak berat "
                      "6.500 unit dan rumah rusak ringan 5.500 unit, kata bupati pada Jumat (7/4/2023).", "2023-04-07")]
    _, rows = _ledger(docs)
    heavy = [figs for row, figs in rows if row["category"] == "damaged" and row["class"] == "heavy"][0]
    assert [(f["value"], f["relation"]) for f in heavy] == [(9000, "single"), (6500, "update")]


def test_claims_ledger_scope_patients_still_treated_are_a_line_that_may_fall() -> None:
    docs = [_doc("a", "Sebanyak 400 orang luka-luka dan 120 orang masih dirawat di rumah sakit, kata dinas kesehatan "
                      "pada Senin (3/4/2023).", "2023-04-03"),
            _doc("b", "Korban luka yang masih dirawat tinggal 45 orang, kata dinas kesehatan pada Jumat (7/4/2023).",
                 "2023-04-07")]
    _, rows = _ledger(docs)
    care = [figs for row, figs in rows if row["category"] == "hospitalised" and row["class"] == "in care"][0]
    assert [(f["value"], f["relation"]) for f in care] == [(120, "single"), (45, "update")]
    assert _values(rows, category="injured", **{"class": None}) == [400]


def test_claims_ledger_scope_district_counts_after_a_total_are_its_parts() -> None:
    docs = [_doc("a", "Korban meninggal mencapai 500 orang, kata bupati. Perinciannya, di Kecamatan Lembah 40 orang, "
                      "di Kecamatan Bukit 12 orang, dan di Kecamatan Pantai 3 orang.", "2023-04-03")]
    figures, rows = _ledger(docs)
    total = next(r for r, figs in rows if r["category"] == "killed" and not r["part"])
    parts = next((r, figs) for r, figs in rows if r["category"] == "killed" and r["part"])
    assert [f["value"] for f in parts[1]] == [40, 12, 3] and parts[0]["part_of"] == [total["id"]]
    assert "contradiction" not in {f["relation"] for f in figures}


def test_claims_ledger_scope_a_large_district_count_in_a_breakdown_is_a_part_too() -> None:
    """One district holds most of the dead: its count is still an item of the breakdown, no competing total."""
    docs = [_doc("a", "Korban meninggal mencapai 500 orang, kata bupati. Perinciannya, di Kecamatan Lembah 40 orang, "
                      "di Kecamatan Bukit 310 orang, dan di Kecamatan Pantai 3 orang.", "2023-04-03")]
    figures, rows = _ledger(docs)
    total = next(r for r, figs in rows if r["category"] == "killed" and not r["part"])
    assert _values(rows, category="killed", part=False) == [500]
    assert sorted(f["value"] for f in figures if f.get("part_of") == next(iter(total["figures"]))) == [3, 40, 310]
    assert "contradiction" not in {f["relation"] for f in figures}


def test_claims_ledger_scope_a_part_of_another_kind_joins_its_own_line() -> None:
    docs = [_doc("a", "Korban meninggal mencapai 200 orang, 80 orang di antaranya telah teridentifikasi.",
                 "2023-04-03"),
            _doc("b", "Sebanyak 150 jenazah telah teridentifikasi, kata polisi.", "2023-04-05")]
    figures, rows = _ledger(docs)
    identified = [figs for row, figs in rows if row["category"] == "identified"]
    assert len(identified) == 1 and [f["value"] for f in identified[0]] == [80, 150]


def test_claims_ledger_scope_the_new_value_of_a_change_keeps_its_class() -> None:
    docs = [_doc("a", "Bantuan untuk rumah rusak berat semula Rp 40 juta. Pemerintah menaikkan bantuan: yang semula "
                      "Rp 40 juta menjadi Rp 55 juta.", "2023-04-03")]
    _, rows = _ledger(docs)
    assert _values(rows, category="money", **{"class": "heavy"}) == [40000000, 55000000]


def test_claims_ledger_scope_a_date_after_since_or_from_is_not_the_count_day() -> None:
    for text, lang in (("At least 900 people have been detained since the 1 March crackdown, the group said.", "en"),
                       ("Sebanyak 900 orang ditahan sejak 1 Maret 2023, kata kelompok itu.", "id")):
        times = [tm.to_dict() for tm in tag(text, lang, "2023-06-10")]
        found = as_of(text, times, (0, len(text)), text.index("900"), None, "2023-06-10")
        assert found["as_of"] == "2023-06-10" and found["basis"] == "published"
    text = "Some 900 people were detained, the group said of the period from 1 March to 9 June."
    times = [tm.to_dict() for tm in tag(text, "en", "2023-06-10")]
    assert as_of(text, times, (0, len(text)), 5, (31, 40), "2023-06-10")["as_of"] == "2023-06-09"


def test_claims_ledger_scope_counts_keep_their_own_category() -> None:
    from kronologi.claims.categories import classify
    from kronologi.claims.numbers import find_numbers

    def categories(text):
        return [classify(text, "id", n, (0, len(text))).category for n in find_numbers(text, "id")]

    # the change of a count named at the head of the sentence, across a place in apposition
    assert categories("Meninggal dunia akibat banjir di Kabupaten Lembah, Jawa Tengah, bertambah menjadi 90 orang.") \
        == ["killed"]
    # two counts joined by "dan": the second one's predicate is not the first one's
    assert categories("Data korban meninggal dunia mencapai sebanyak 70 jiwa dan sembilan orang hilang.") \
        == ["killed", "missing"]


def test_claims_ledger_scope_a_briefing_times_its_counts_of_the_day() -> None:
    # the agency's 700 injured come from its 18.30 briefing; the governor's 326 is of the night: lower, a clash
    docs = [_doc("a", "Kepala BNPB Sari Wulan mengatakan 40 orang meninggal dunia per pukul 18.30 WIB. Selain itu, "
                      "700 orang luka-luka, kata Sari Wulan.", "2023-04-03"),
            _doc("b", "Gubernur Budi Santosa mengatakan 326 orang luka-luka pada Senin malam.", "2023-04-03")]
    _, rows = _ledger(docs)
    injured = [figs for row, figs in rows if row["category"] == "injured"][0]
    assert [(f["value"], f["relation"]) for f in injured] == [(700, "single"), (326, "contradiction")]


def test_claims_ledger_scope_an_article_known_to_its_month_does_not_date_a_count_by_a_recalled_day() -> None:
    text = "Police have held 640 people in connection with the 2 April unrest, the group said on Friday."
    times = [tm.to_dict() for tm in tag(text, "en", "2024-05-20")]
    recalled = as_of(text, times, (0, len(text)), text.index("640"), None, "2024-05")
    assert recalled["as_of"] != "2024-04-02"
    text = "Police have held 640 people as of 9 May, the group said."
    times = [tm.to_dict() for tm in tag(text, "en", "2024-05-20")]
    assert as_of(text, times, (0, len(text)), text.index("640"), None, "2024-05")["as_of"] == "2024-05-09"


def test_claims_ledger_scope_an_opening_earlier_word_marks_every_count_of_its_sentence() -> None:
    doc = _doc("a", "Korban tewas kini 90 orang. Sebelumnya, menurut data posko desa, korban tewas 70 orang.", "2023-04-03")
    earlier = {f["value"]: f["earlier"] for f in doc.figures}
    assert earlier == {90: False, 70: True}


def test_claims_ledger_scope_counts_of_an_article_known_to_its_month_are_of_that_month() -> None:
    docs = [_doc("a", "Sebanyak 900 orang ditahan, kata kelompok itu pada Senin.", "2023-03"),
            _doc("b", "Sebanyak 1.400 orang ditahan, kata kelompok itu.", "2023-05-09")]
    figures, rows = _ledger(docs)
    by_value = {f["value"]: f for f in figures}
    assert by_value[900]["as_of"] == "2023-03"
    assert by_value[1400]["relation"] == "update"


def test_claims_ledger_scope_an_opening_place_scopes_every_count_of_its_sentence() -> None:
    docs = [_doc("a", "In Peru, 50 people died and at least 70 were injured. In Chile, 20 were killed and "
                      "30 were injured. Across both countries, the toll stood at 70.", "2023-04-03", lang="en")]
    figures, _ = _ledger(docs)
    scope_of = {f["value"]: f.get("scope") for f in figures}
    assert (scope_of[50], scope_of[20]) == ("Peru", "Chile")
    injured = {f["value"]: f.get("scope") for f in figures if f["category"] == "injured"}
    assert injured == {70: "Peru", 30: "Chile"}


def _places(text: str, lang: str = "id") -> dict:
    figures, _ = _ledger([_doc("p", text, "2024-03-05", lang)])
    return {f["value"]: f["place"] for f in figures}


def test_claims_ledger_scope_the_words_after_a_count_are_not_the_next_counts_place() -> None:
    places = _places("Polisi menetapkan 30 tersangka. Sebanyak 13 tersangka terlibat kerusuhan di Peru, dan tiga "
                     "tersangka terlibat kerusuhan di Kampung Ardana.")
    assert places[13] == "Peru" and places[3] is None  # its own place, one the gazetteer does not know
    assert _places("Sebanyak 120 orang tewas di Peru dan di Chile 40 orang tewas.")[40] == "Chile"
    assert _places("Sedikitnya 50 orang tewas di Peru dan lebih dari 200 lainnya luka-luka.")[200] == "Peru"


def _place(text: str, number: str, mentions: list[tuple[str, str]], lang: str = "id") -> str | None:
    from kronologi.claims import scope

    start = text.index(number)
    found = [{"start": text.index(name), "end": text.index(name) + len(name), "text": name, "type": kind}
             for name, kind in mentions]
    return scope.place_of(text, lang, {"start": start, "end": start + len(number)}, found)


def test_claims_ledger_scope_a_place_named_by_its_event_or_its_body_restricts_the_count() -> None:
    assert _place("Hingga kini kerusuhan Ardana telah menewaskan 28 orang.", "28", [("Ardana", "LOC")]) == "ardana"
    assert _place("Kerusuhan Ardana pada Senin menewaskan 28 orang.", "28", [("Kerusuhan Ardana", "LOC")]) == "ardana"
    assert _place("Sebanyak 47 tersangka ditetapkan oleh Polda Belvora.", "47", [("Polda Belvora", "ORG")]) == "belvora"
    assert _place("The Ardana riot has killed 28 people.", "28", [("Ardana", "LOC")], "en") == "ardana"
    assert _place("Kerusuhan itu menewaskan 28 orang.", "28", []) is None


def test_claims_ledger_scope_where_the_counted_come_from_is_no_place_of_the_count() -> None:
    text = "Korban tewas terdiri dari 20 pendatang serta 3 orang warga asli Belvora."
    assert _place(text, "3", [("Belvora", "LOC")]) is None
    assert _place("Dari 30 korban, 9 orang berasal dari Belvora.", "9", [("Belvora", "LOC")]) is None
    assert _place("Of the dead, 9 were natives of Belvora.", "9", [("Belvora", "LOC")], "en") is None
    assert _place("Sebanyak 9 orang tewas di Belvora.", "9", [("Belvora", "LOC")]) == "belvora"


def test_claims_ledger_scope_a_quake_named_by_its_country_is_that_country_s_line() -> None:
    docs = [_doc("a", "Sedikitnya 50 orang tewas di Peru dan 20 orang tewas di Chile, kata badan bencana pada Senin "
                      "(3/4/2023).", "2023-04-03"),
            _doc("b", "Gempa Chile kini menewaskan 31 orang, kata badan bencana pada Selasa (4/4/2023).",
                 "2023-04-04")]
    _, rows = _ledger(docs)
    assert _values(rows, category="killed", scope="Chile") == [20, 31]


def test_claims_ledger_scope_a_class_after_a_list_word_is_the_last_item_s_only() -> None:
    from kronologi.claims import quantity

    text = "Rumah rusak tercatat 90 unit, dengan rincian 20 rusak berat, 30 rusak sedang dan 40 rusak ringan."
    assert [quantity.damage_class(text, "id", text.index(v), text.index(v) + 2) for v in ("20", "30", "40")] == \
        ["heavy", "moderate", "light"]


def test_claims_ledger_scope_a_breakdown_word_or_a_whole_opener_makes_large_items_parts() -> None:
    docs = [_doc("a", "Sebanyak 300 orang ditahan polisi, yakni 120 orang di pos utara dan 95 orang di pos selatan, "
                      "kata polisi pada Senin (3/4/2023).", "2023-04-03"),
            _doc("b", "Dari 40 orang yang tewas itu, 25 orang adalah warga desa, kata polisi pada Senin (3/4/2023).",
                 "2023-04-03"),
            _doc("c", "Police detained 310 people, comprising 150 in the north and 90 in the south, officials said "
                      "on Tuesday.", "2023-04-04", lang="en")]
    _, rows = _ledger(docs)
    assert _values(rows, category="detained", part=False) == [300, 310]
    assert sorted(_values(rows, category="detained", part=True)) == [90, 95, 120, 150]
    assert _values(rows, category="killed", part=False) == [40]
    assert _values(rows, category="killed", part=True) == [25]


def test_claims_ledger_scope_unnamed_counts_of_people_meet_only_where_they_agree() -> None:
    docs = [_doc("a", "Aksi itu diikuti sekitar 120 orang, kata polisi pada Senin (3/4/2023).", "2023-04-03"),
            _doc("b", "Tim SAR telah mengevakuasi 3.000 orang ke posko, kata polisi pada Selasa (4/4/2023).",
                 "2023-04-04"),
            _doc("c", "Aksi damai itu diikuti 120 orang, kata panitia pada Selasa (4/4/2023).", "2023-04-04")]
    _, rows = _ledger(docs)
    lines = sorted([f["value"] for f in figs] for row, figs in rows if row["category"] == "other")
    assert lines == [[120, 120], [3000]]


def test_claims_ledger_scope_counts_listed_respectively_take_the_places_in_order() -> None:
    both = [("Polda Ardana", "ORG"), ("Belvora", "LOC")]
    text = "Kemudian di Polda Ardana dan Belvora masing-masing ditetapkan 18 orang dan 23 orang sebagai tersangka."
    assert [_place(text, v, both) for v in ("18", "23")] == ["ardana", "belvora"]
    text = "Ardana and Belvora reported 47 and 14 deaths respectively."
    assert [_place(text, v, [("Ardana", "LOC"), ("Belvora", "LOC")], "en") for v in ("47", "14")] == \
        ["ardana", "belvora"]
    text = "Di Ardana dan Belvora, masing-masing regu beranggotakan 5 orang."  # one count for two places: no pairing
    assert _place(text, "5", [("Ardana", "LOC"), ("Belvora", "LOC")]) != "ardana"


def _placed(doc_id: str, text: str, published: str, places: list[str]):
    """A document whose entity mentions are the places given (as the entities step would tag them)."""
    import re

    from kronologi.document import Document, Sentence
    from kronologi.claims.step import ClaimsStep
    from kronologi.text.sentences import split_sentences

    doc = Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", raw_text=text, text=text,
                   language="id", published=published, outlet=doc_id)
    doc.sentences = [Sentence(s, e) for s, e in split_sentences(text, "id")]
    starts = [s.start for s in doc.sentences]
    doc.times = [{**tm.to_dict(), "sentence": max(i for i, s in enumerate(starts) if s <= tm.start)}
                 for tm in tag(text, "id", published)]
    doc.mentions = sorted(({"start": m.start(), "end": m.end(), "text": m.group(0), "type": "LOC"}
                           for place in places for m in re.finditer(re.escape(place), text)),
                          key=lambda m: m["start"])
    return ClaimsStep({})(doc)


def test_claims_ledger_scope_places_written_as_one_address_are_one_home() -> None:
    # a district and the regency around it ("Kecamatan Talun, Kabupaten Karangsari") name one scene: no two lines
    places = ["Kecamatan Talun", "Kabupaten Karangsari"]
    docs = [_placed("a", "Korban meninggal akibat longsor di Kecamatan Talun, Kabupaten Karangsari, mencapai 12 orang "
                         "pada Senin (6/3/2023).", "2023-03-06", places),
            _placed("b", "Korban meninggal akibat longsor di Kabupaten Karangsari bertambah menjadi 20 orang pada "
                         "Selasa (7/3/2023).", "2023-03-07", places),
            _placed("c", "Korban meninggal akibat longsor di Kecamatan Talun mencapai 26 orang pada Rabu (8/3/2023).",
                    "2023-03-08", places)]
    figures, rows = _ledger(docs)
    assert _values(rows, category="killed") == [12, 20, 26]
    assert {f["relation"] for f in figures} <= {"single", "update"}
    assert all("address" not in f for f in figures)


def test_claims_ledger_scope_counts_of_one_sentence_adding_up_to_the_article_total_are_its_parts() -> None:
    docs = [_doc("a", "Korban tewas banjir bandang di Kabupaten Lereng mencapai 31 orang pada Selasa (14/3/2023). "
                      "Mereka berasal dari tiga dusun. Dusun Kali Putih 16 orang, Dusun Watu Gede 9 orang, dan "
                      "Dusun Ngasem 6 orang.", "2023-03-14"),
            _doc("b", "Korban tewas banjir bandang di Kabupaten Lereng bertambah menjadi 35 orang pada Rabu "
                      "(15/3/2023).", "2023-03-15")]
    figures, rows = _ledger(docs)
    assert _values(rows, category="killed", part=False) == [31, 35]
    assert {f["relation"] for f in figures if not f.get("part_whole")} <= {"single", "update"}


def test_claims_ledger_scope_bodies_found_named_before_their_verb_are_a_step_not_a_toll() -> None:
    docs = [_doc("a", "Korban tewas tanah longsor di Kabupaten Lereng menjadi 28 orang pada Kamis (16/3/2023). "
                      "Dua jenazah ditemukan di tepi sungai pada Kamis pagi.", "2023-03-16"),
            _doc("b", "Korban tewas tanah longsor di Kabupaten Lereng mencapai 30 orang pada Jumat (17/3/2023).",
                 "2023-03-17")]
    figures, rows = _ledger(docs)
    assert _values(rows, category="killed", part=False) == [28, 30]


def test_claims_ledger_scope_a_body_s_region_yields_to_the_place_the_sentence_names() -> None:
    """The police of the province hold the count; the riot, and the people held, are in the city."""
    text = ("Polda Sagara Timur mengamankan 61 orang setelah bentrokan yang pecah dalam unjuk rasa buruh pabrik "
            "semen di Kota Wanabaya, Kamis malam.")
    assert _place(text, "61", [("Polda Sagara Timur", "ORG"), ("Kota Wanabaya", "LOC")]) == "wanabaya"
    alone = "Polda Sagara Timur mengamankan 61 orang setelah bentrokan itu."
    assert _place(alone, "61", [("Polda Sagara Timur", "ORG")]) == "sagara timur"  # no other place: the region


def test_claims_ledger_scope_a_province_named_by_its_country_is_the_province() -> None:
    """``in Ardania's Belvora province`` counts Belvora, the province the other articles name in their own
    language, not the whole country: one line, not the country's beside the province's."""
    docs = [
        _doc("a", "Jumlah korban keracunan di Kabupaten Tirta Wening, Provinsi Belvora, bertambah menjadi 90 orang "
                  "pada Senin (3/4/2023).", "2023-04-03"),
        _doc("b", "Food poisoning has sickened 130 people in Turkey's Belvora province, officials said on Tuesday.",
             "2023-04-04", lang="en"),
        _doc("c", "Jumlah korban keracunan di Kabupaten Tirta Wening mencapai 150 orang pada Rabu (5/4/2023).",
             "2023-04-05"),
        _doc("d", "The number of people sickened in Turkey's Belvora province rose to 170 on Thursday, officials said.",
             "2023-04-06", lang="en"),
    ]
    import re
    for doc in docs:  # the places the entity step would have found
        doc.mentions = [{"start": m.start(), "end": m.end(), "text": m.group(0), "type": "LOC"}
                        for m in re.finditer(r"Kabupaten Tirta Wening|Provinsi Belvora|Turkey's Belvora", doc.text)]
    _, rows = _ledger(docs)
    assert _values(rows, category="ill") == [90, 130, 150, 170]


def test_claims_ledger_scope_a_poisoning_counts_its_treated_as_its_ill() -> None:
    """A story that counts the ill and names no one hurt: "240 orang mendapat perawatan" counts the ill, one line
    with "korban keracunan"; where the story names the hurt (a quake), the treated stay the injured."""
    docs = [_doc("a", "Jumlah korban keracunan bertambah menjadi 240 orang pada Senin (3/4/2023).", "2023-04-03"),
            _doc("b", "Sebanyak 260 orang mendapat perawatan di puskesmas, kata dinas kesehatan pada Selasa (4/4/2023).",
                 "2023-04-04"),
            _doc("c", "The number of people sickened rose to 300 on Wednesday.", "2023-04-05", lang="en")]
    _, rows = _ledger(docs)
    assert _values(rows, category="ill") == [240, 260, 300]
    hurt = docs[:2] + [_doc("d", "Gempa itu melukai 35 orang pada Senin (3/4/2023), kata BPBD.", "2023-04-03")]
    _, rows = _ledger(hurt)
    assert _values(rows, category="ill") == [240] and 260 in _values(rows, category="injured")


def test_claims_ledger_scope_cases_and_recoveries_only_grow() -> None:
    """The ill of an outbreak and the recovered are counts that only grow: a rise is an update, a lower count a
    day later, with no reason given, a contradiction (not an update, as for counts that may fall)."""
    docs = [_doc("a", "Jumlah korban keracunan mencapai 240 orang pada Senin (3/4/2023), kata dinas kesehatan.",
                 "2023-04-03"),
            _doc("b", "Rumah sakit mencatat korban keracunan 190 orang pada Selasa (4/4/2023).", "2023-04-04"),
            _doc("c", "Jumlah korban keracunan bertambah menjadi 300 orang pada Rabu (5/4/2023).", "2023-04-05")]
    _, rows = _ledger(docs)
    (ill,) = [figs for row, figs in rows if row["category"] == "ill"]
    assert [(f["value"], f["relation"]) for f in ill] == [(240, "single"), (190, "contradiction"), (300, "update")]
