"""Entity resolution across documents: short forms, acronyms, places, variants, no wrong merges."""

from __future__ import annotations

import re

from kronologi.document import Document
from kronologi.entities.acronyms import find_definitions
from kronologi.entities.gazetteer import lookup
from kronologi.entities.names import split_role
from kronologi.entities.resolve import resolve


def _doc(doc_id: str, text: str, marked: dict[str, str]) -> Document:
    """A document whose mentions are the given surface forms (type by name), found in order."""
    doc = Document(id=doc_id, source_path=doc_id, format="text", raw_text=text, text=text)
    for surface, kind in marked.items():
        for m in re.finditer(re.escape(surface), text):
            doc.mentions.append({"start": m.start(), "end": m.end(), "text": surface, "type": kind})
    return doc


def _by_name(entities):
    return {e["name"]: e for e in entities}


def test_entities_short_forms_roles_and_variants_join_the_full_name():
    a = _doc("a", "Presiden Kassym-Jomart Tokayev berbicara. Tokayev mengatakan itu. Yokayev juga berkata.",
             {"Presiden Kassym-Jomart Tokayev": "PER", "Tokayev": "PER", "Yokayev": "PER"})
    b = _doc("b", "Tokayev menolak. Kassym-Jomart Tokayev hadir.", {"Tokayev": "PER", "Kassym-Jomart Tokayev": "PER"})
    entities = resolve([a, b])
    (person,) = entities
    assert person["name"] == "Kassym-Jomart Tokayev" and person["type"] == "PER"
    assert {"Tokayev", "Yokayev", "Presiden Kassym-Jomart Tokayev"} <= set(person["aliases"])
    assert len(person["mentions"]) == 7
    assert any(m.get("role") == "Presiden" for m in person["mentions"])
    assert all(m.get("entity") == person["id"] for m in a.mentions + b.mentions)


def test_entities_person_and_city_with_similar_names_stay_apart():
    doc = _doc("a", "Nursultan Nazarbayev lahir jauh dari Nur-Sultan. Nazarbayev kini pensiun.",
               {"Nursultan Nazarbayev": "PER", "Nur-Sultan": "LOC", "Nazarbayev": "PER"})
    names = _by_name(resolve([doc]))
    assert set(names) == {"Nursultan Nazarbayev", "Nur-Sultan"}
    assert names["Nur-Sultan"]["type"] == "LOC"


def test_entities_ambiguous_surname_is_not_merged():
    doc = _doc("a", "Andi Wijaya dan Budi Wijaya hadir.", {"Andi Wijaya": "PER", "Budi Wijaya": "PER"})
    other = _doc("b", "Wijaya menolak berkomentar.", {"Wijaya": "PER"})
    assert len(resolve([doc, other])) == 3


def test_entities_a_name_ending_a_longer_one_is_that_person_and_the_surname_too():
    a = _doc("a", "Presiden Turki Aylin Demir Kaya tiba di Ankara. Kaya berpidato.",
             {"Aylin Demir Kaya": "PER", "Kaya": "PER"})
    b = _doc("b", "Demir Kaya menolak. Kaya pergi. Daw Khin Sein Lay dibebaskan; Sein Lay tersenyum.",
             {"Demir Kaya": "PER", "Kaya": "PER", "Daw Khin Sein Lay": "PER", "Sein Lay": "PER"})
    names = _by_name(resolve([a, b]))
    assert set(names) == {"Aylin Demir Kaya", "Daw Khin Sein Lay"}
    person = names["Aylin Demir Kaya"]["id"]
    assert {m["entity"] for m in a.mentions + b.mentions if "Kaya" in m["text"]} == {person}
    other = _doc("c", "Andi Budi Wijaya dan Citra Budi Wijaya hadir. Budi Wijaya diam.",
                 {"Andi Budi Wijaya": "PER", "Citra Budi Wijaya": "PER", "Budi Wijaya": "PER"})
    assert len(resolve([other])) == 3  # the end of two longer names: no one in particular


def test_entities_feminine_variant_is_another_person():
    doc = _doc("a", "Dariga Nazarbayeva adalah putri Nursultan Nazarbayev.",
               {"Dariga Nazarbayeva": "PER", "Nursultan Nazarbayev": "PER"})
    assert len(resolve([doc])) == 2


def test_entities_acronym_joins_its_expansion_even_across_languages():
    doc = _doc("a", "Organisasi Perjanjian Keamanan Kolektif (CSTO) mengirim pasukan. CSTO dipimpin Rusia.",
               {"Organisasi Perjanjian Keamanan Kolektif": "ORG", "CSTO": "ORG", "Rusia": "LOC"})
    names = _by_name(resolve([doc]))
    org = names["Organisasi Perjanjian Keamanan Kolektif"]
    assert set(org["aliases"]) == {"CSTO", "Organisasi Perjanjian Keamanan Kolektif"} and len(org["mentions"]) == 3


def test_entities_places_resolve_across_languages():
    a = _doc("a", "Pembicaraan di Jenewa antara Rusia dan AS.", {"Jenewa": "LOC", "Rusia": "LOC", "AS": "LOC"})
    b = _doc("b", "Talks in Geneva between Russia and the United States.",
             {"Geneva": "LOC", "Russia": "LOC", "United States": "LOC"})
    entities = resolve([a, b])
    assert len(entities) == 3
    assert all(len({m["doc"] for m in e["mentions"]}) == 2 for e in entities)


def test_entities_building_blocks():
    assert split_role("Menteri Luar Negeri Rusia Sergey Lavrov") == ("Sergey Lavrov", "Menteri Luar Negeri Rusia")
    assert split_role("Kapolda Jatim Irjen Nico Afinta") == ("Nico Afinta", "Kapolda Jatim Irjen")
    assert split_role("Presiden") == ("Presiden", None)
    assert lookup("Moskow") == lookup("Moscow") == "Moscow"
    assert lookup("Amerika Serikat") == "United States" and lookup("Federasi Rusia") == "Russia"
    assert lookup("Tokayev") is None
    defs = find_definitions("Dana Moneter Internasional (IMF) dan CSTO (Collective Security Treaty Organization).")
    assert [(a, l) for a, l, _, _ in defs] == [("IMF", "Dana Moneter Internasional"),
                                              ("CSTO", "Collective Security Treaty Organization")]


def test_entities_first_name_and_nickname_join_the_full_name():
    doc = _doc("a", "Kapolri Listyo Sigit Prabowo tiba. Listyo mengatakan ... Presiden Joko Widodo dan Jokowi.",
               {"Listyo Sigit Prabowo": "PER", "Listyo": "PER", "Joko Widodo": "PER", "Jokowi": "PER"})
    names = _by_name(resolve([doc]))
    assert set(names) == {"Listyo Sigit Prabowo", "Joko Widodo"}
    assert "Jokowi" in names["Joko Widodo"]["aliases"]


def test_entities_types_are_settled_by_vote_and_surnames_propagate():
    a = _doc("a", "Presiden Kassym-Jomart Tokayev tiba di Almaty. Tokayev berbicara. Kemudian Tokayev pergi.",
             {"Presiden Kassym-Jomart Tokayev": "LOC", "Almaty": "LOC"})
    a.mentions += [{"start": m.start(), "end": m.end(), "text": "Tokayev", "type": "PER"}
                   for m in list(re.finditer("Tokayev", a.text))[1:2]]
    names = _by_name(resolve([a]))
    person = names["Kassym-Jomart Tokayev"]
    assert person["type"] == "PER" and len(person["mentions"]) == 3  # the missed third "Tokayev" is found
    assert names["Almaty"]["type"] == "LOC"


def test_entities_role_in_apposition_makes_a_person_whatever_the_tagger_said():
    # the tagger called the full name an organisation and the surname a place
    doc = _doc("a", "Polisi mencari pengusaha buron, Rahmat Sulistyo. Sulistyo, mantan direktur bank daerah, "
                    "membantah tuduhan itu. Sulistyo kini tinggal di Singapura.",
               {"Rahmat Sulistyo": "ORG", "Singapura": "LOC"})
    for m in re.finditer(r"(?<=\. )Sulistyo", doc.text):  # the bare surname, twice
        doc.mentions.append({"start": m.start(), "end": m.end(), "text": "Sulistyo", "type": "LOC"})
    names = _by_name(resolve([doc]))
    assert names["Rahmat Sulistyo"]["type"] == "PER"
    assert {"Sulistyo", "Rahmat Sulistyo"} <= set(names["Rahmat Sulistyo"]["aliases"])
    assert names["Singapura"]["type"] == "LOC" and "Sulistyo" not in names


def test_entities_seats_of_power_are_organisations_and_peoples_are_not_persons():
    doc = _doc("a", "Gedung Putih membantah laporan itu. Ia meminta masyarakat Uighur tenang. "
                    "Warga Malaysia ikut menonton.",
               {"Gedung Putih": "PER", "Uighur": "PER", "Malaysia": "LOC"})
    names = _by_name(resolve([doc]))
    assert names["Gedung Putih"]["type"] == "ORG"
    assert "Uighur" not in names  # a people, not a person
    assert names["Malaysia"]["type"] == "LOC"  # a place after "warga" stays


def test_entities_bare_place_joins_its_only_administrative_form():
    a = _doc("a", "Banjir melanda Kota Ternate. Warga Ternate mengungsi.", {"Kota Ternate": "LOC", "Ternate": "LOC"})
    b = _doc("b", "Kota Batu dan Kabupaten Batu berbeda. Batu diguyur hujan.",
             {"Kota Batu": "LOC", "Kabupaten Batu": "LOC", "Batu": "LOC"})
    names = _by_name(resolve([a, b]))
    assert {"Ternate", "Kota Ternate"} <= set(names["Kota Ternate"]["aliases"])
    assert {"Kota Batu", "Kabupaten Batu", "Batu"} <= set(names)  # two administrative forms: no guess


def test_entities_defined_acronym_widens_the_name_and_finds_its_uses():
    # the tagger caught only part of the long form, and nothing of the acronym
    a = _doc("a", "Menurut pejabat dari Lembaga Riset Pangan Nusantara (LRPN) stok beras aman. LRPN akan "
                  "memantau harga.", {"Riset Pangan": "ORG"})
    b = _doc("b", "Lembaga untuk Riset Pangan Nusantara (LRPN) membantah. Data dari Nusantara dipakai.",
             {"Nusantara": "LOC"})
    names = _by_name(resolve([a, b]))
    org = next(e for e in names.values() if "LRPN" in e["aliases"])
    assert org["type"] == "ORG"
    assert {"Lembaga Riset Pangan Nusantara", "Lembaga untuk Riset Pangan Nusantara"} <= set(org["aliases"])
    assert sum(m["text"] == "LRPN" for m in org["mentions"]) == 3
    assert a.mentions[0]["text"] == "Lembaga Riset Pangan Nusantara"  # widened in place: positions unchanged


def test_entities_an_organisation_before_a_role_stays_an_organisation():
    doc = _doc("a", "Menurut Kementerian Kesehatan, kepala dinas setempat sudah dikirim. Kementerian Kesehatan "
                    "menyiapkan obat.", {"Kementerian Kesehatan": "ORG"})
    assert _by_name(resolve([doc]))["Kementerian Kesehatan"]["type"] == "ORG"


def test_entities_an_acronym_at_the_head_of_a_persons_span_is_their_body_not_their_name():
    """The tagger's "BNPB Wiratmaja" (from "Kepala BNPB Wiratmaja") is Wiratmaja; the agency's acronym, used
    alone elsewhere, stays the agency — not a short form of the person."""
    text = ("Badan Penanggulangan Bencana Lembang (BPBL) mencatat 48 korban. Kepala BPBL Wiratmaja hadir. "
            "BPBL juga mencatat 20 rumah rusak. Wiratmaja meninjau lokasi.")
    doc = _doc("a", text, {"Badan Penanggulangan Bencana Lembang": "ORG", "BPBL Wiratmaja": "PER",
                           "Wiratmaja": "PER"})
    names = _by_name(resolve([doc]))
    assert names["Wiratmaja"]["type"] == "PER" and "BPBL" not in names["Wiratmaja"]["aliases"]
    agency = names["Badan Penanggulangan Bencana Lembang"]
    standalone = text.index("BPBL juga")
    assert any(m["start"] == standalone and m.get("entity") == agency["id"] for m in doc.mentions)


def test_entities_gazetteer_knows_which_country_a_province_lies_in():
    from kronologi.entities.gazetteer import country_of
    assert country_of("Turki") == ("Turkey", True) and country_of("Turkey") == ("Turkey", True)
    assert country_of("Hokkaido") == ("Japan", False) and country_of("Provinsi Hokkaido") == ("Japan", False)
    assert country_of("Jawa Barat") == ("Indonesia", False)
    assert country_of("Lembah Sarindu") == (None, False)


def test_a_defined_name_does_not_reach_back_into_the_sentence_before():
    text = "Banjir surut pada Senin pukul 16.10 WITA. Lembaga Pemantau Sungai Lorem (LPSL) mencatat 12 desa terendam."
    assert [long for _, long, _, _ in find_definitions(text)] == ["Lembaga Pemantau Sungai Lorem"]
    text = "Air mulai surut, kata U.S. Flood Watch Office (USFWO)."
    assert [long for _, long, _, _ in find_definitions(text)] == ["U.S. Flood Watch Office"]  # initials stay


def test_entities_an_acronyms_long_form_starts_where_its_initials_do():
    text = ("Menurut Badan Pengelola Sungai Lorem (BPSL), debit air naik. Citing the River Basin Authority (RBA), "
            "the mayor closed the bridge. Perhimpunan Petani Lembah Hijau (GFA) bersidang.")
    assert [long for _, long, _, _ in find_definitions(text)] == [
        "Badan Pengelola Sungai Lorem", "River Basin Authority", "Perhimpunan Petani Lembah Hijau"]


def test_entities_initials_before_a_surname_pick_the_full_name_they_spell():
    """Several people share the surname; "RM Sastrowardoyo" (and "R.M. Sastrowardoyo", no rival full name for
    it) can only be the one whose first words start R, M."""
    a = _doc("a", "Raden Mas Sastrowardoyo wafat. Putranya, Adi Prakoso Sastrowardoyo, hadir.",
             {"Raden Mas Sastrowardoyo": "PER", "Adi Prakoso Sastrowardoyo": "PER"})
    b = _doc("b", "Jenazah RM Sastrowardoyo disemayamkan. Sastrowardoyo dikenal luas. R.M. Sastrowardoyo dikenang.",
             {"RM Sastrowardoyo": "PER", "Sastrowardoyo": "PER", "R.M. Sastrowardoyo": "PER"})
    names = _by_name(resolve([a, b]))
    assert {"RM Sastrowardoyo", "Sastrowardoyo", "R.M. Sastrowardoyo"} <= set(
        names["Raden Mas Sastrowardoyo"]["aliases"])
    assert "Sastrowardoyo" not in names["Adi Prakoso Sastrowardoyo"]["aliases"]


def test_entities_bare_surname_without_initials_stays_ambiguous():
    a = _doc("a", "Raden Mas Sastrowardoyo dan Adi Prakoso Sastrowardoyo hadir.",
             {"Raden Mas Sastrowardoyo": "PER", "Adi Prakoso Sastrowardoyo": "PER"})
    b = _doc("b", "Sastrowardoyo menolak berkomentar.", {"Sastrowardoyo": "PER"})
    assert len(resolve([a, b])) == 3


def test_entities_a_name_missing_its_middle_word_joins_the_one_that_has_it():
    a = _doc("a", "Dewi Kartika Lestari memimpin rapat.", {"Dewi Kartika Lestari": "PER"})
    b = _doc("b", "Dewi Lestari membuka rapat.", {"Dewi Lestari": "PER"})
    c = _doc("c", "Bima Arya Santoso dan Bima Santoso hadir. Dewi Ayu Lestari juga.",
             {"Bima Arya Santoso": "PER", "Bima Santoso": "PER", "Dewi Ayu Lestari": "PER"})
    names = _by_name(resolve([a, b, c]))
    assert "Dewi Lestari" in set(names)  # two fuller names fit: no guess
    assert "Bima Santoso" in names["Bima Arya Santoso"]["aliases"]


def test_entities_a_name_headed_by_an_acronym_joins_the_name_it_abbreviates():
    a = _doc("a", "Korban dirawat di Rumah Sakit Umum Daerah Pelabuhan Ratu dan dimakamkan di Taman Makam "
                  "Pahlawan Sukaraja.",
             {"Rumah Sakit Umum Daerah Pelabuhan Ratu": "LOC", "Taman Makam Pahlawan Sukaraja": "LOC"})
    b = _doc("b", "Dari RSUD Pelabuhan Ratu jenazah dibawa ke TMP Sukaraja, bukan ke TMP Cibeureum.",
             {"RSUD Pelabuhan Ratu": "LOC", "TMP Sukaraja": "LOC", "TMP Cibeureum": "LOC"})
    names = _by_name(resolve([a, b]))
    assert "RSUD Pelabuhan Ratu" in names["Rumah Sakit Umum Daerah Pelabuhan Ratu"]["aliases"]
    assert "TMP Sukaraja" in names["Taman Makam Pahlawan Sukaraja"]["aliases"]
    assert "TMP Cibeureum" in names  # another cemetery: its rest differs


def test_entities_a_regional_body_without_its_region_is_the_one_its_article_names():
    a = _doc("a", "Polda Sulawesi Barat menahan dua orang. Polda juga menyita senjata.",
             {"Polda Sulawesi Barat": "ORG", "Polda": "ORG"})
    b = _doc("b", "Polda Maluku Utara memeriksa saksi. Menurut Polda, kasus itu terus diusut.",
             {"Polda Maluku Utara": "ORG", "Polda": "ORG"})
    c = _doc("c", "Polda menetapkan tiga tersangka.", {"Polda": "ORG"})
    names = _by_name(resolve([a, b, c]))
    west, north = names["Polda Sulawesi Barat"], names["Polda Maluku Utara"]
    assert {m["doc"] for m in west["mentions"]} == {"a"} and "Polda" in west["aliases"]
    assert {m["doc"] for m in north["mentions"]} == {"b"} and "Polda" in north["aliases"]
    assert [m["doc"] for m in names["Polda"]["mentions"]] == ["c"]  # a third article's own, unknown Polda


def test_entities_a_regional_bodys_region_is_read_through_the_gazetteer():
    a = _doc("a", "Polda Jatim memanggil saksi.", {"Polda Jatim": "ORG"})
    b = _doc("b", "Polda Jawa Timur memanggil saksi. Polda Jabar tidak.", {"Polda Jawa Timur": "ORG", "Polda Jabar": "ORG"})
    names = _by_name(resolve([a, b]))
    assert "Polda Jatim" in names["Polda Jawa Timur"]["aliases"] and "Polda Jabar" in names


def test_entities_a_bare_acronym_joins_only_a_name_written_out_where_it_is_used():
    a = _doc("a", "Dewan Pengawas Daerah menggelar rapat.", {"Dewan Pengawas Daerah": "ORG"})
    b = _doc("b", "DPD menolak usulan itu.", {"DPD": "ORG"})
    c = _doc("c", "Majelis Ulama Kecamatan (MUK) dan MUK menolak.", {"Majelis Ulama Kecamatan": "ORG", "MUK": "ORG"})
    names = _by_name(resolve([a, b, c]))
    assert "DPD" in names and "MUK" in names["Majelis Ulama Kecamatan"]["aliases"]


def test_entities_provinces_short_forms_are_the_province_and_lie_in_their_country():
    from kronologi.entities.gazetteer import country_of
    assert lookup("Sultra") == lookup("Sulawesi Tenggara") == lookup("Southeast Sulawesi")
    assert country_of("Kalteng") == ("Indonesia", False)


def _many(prefix: str, sentence: str, marked: dict[str, str], n: int) -> list[Document]:
    return [_doc(f"{prefix}{i}", sentence, marked) for i in range(n)]


def test_entities_two_established_spellings_are_two_names_and_typos_do_not_chain():
    """One edit apart is a typo only for a rare form: "Larisa" and "Marisa", each written often, are two
    people; a rare "Marissa" joins "Marisa", and nothing joins through it."""
    docs = (_many("l", "Larisa tiba.", {"Larisa": "PER"}, 6) + _many("m", "Marisa tiba.", {"Marisa": "PER"}, 30)
            + [_doc("t", "Marissa pergi.", {"Marissa": "PER"})])
    names = _by_name(resolve(docs))
    assert set(names) == {"Larisa", "Marisa"}
    assert "Marissa" in names["Marisa"]["aliases"]


def test_entities_an_edit_inside_an_acronym_or_initials_is_another_name():
    docs = (_many("a", "Satgas KRB Wetan bersiaga.", {"Satgas KRB Wetan": "ORG"}, 25)
            + [_doc("b", "Satgas KRD Wetan bersiaga.", {"Satgas KRD Wetan": "ORG"})])
    assert len(resolve(docs)) == 2


def test_entities_a_one_word_name_stays_what_its_own_mentions_say():
    """A tagger's one wrong span ("Spanduk DKN" as a person) makes neither the body "DKN", named forty times
    as an organisation, a person, nor its canonical name."""
    docs = _many("a", "DKN memeriksa saksi.", {"DKN": "ORG"}, 40) + [
        _doc("b", "Spanduk DKN dipasang. DKN menolak.", {"Spanduk DKN": "PER", "DKN": "ORG"})]
    entities = resolve(docs)
    body = next(e for e in entities if any(m["text"] == "DKN" for m in e["mentions"]))
    assert body["type"] == "ORG" and body["name"] == "DKN"
    assert all(m["entity"] == body["id"] for d in docs for m in d.mentions if m["text"] == "DKN")


def test_entities_a_name_written_far_more_often_than_a_longer_one_ending_it_is_not_that_person():
    """"Sinta Rudi Hartono" (his wife, once) does not swallow "Rudi Hartono" (named a dozen times)."""
    docs = _many("a", "Rudi Hartono meresmikan pasar.", {"Rudi Hartono": "PER"}, 12) + [
        _doc("b", "Sinta Rudi Hartono hadir.", {"Sinta Rudi Hartono": "PER"})]
    names = _by_name(resolve(docs))
    assert set(names) == {"Rudi Hartono", "Sinta Rudi Hartono"}


def test_entities_a_word_before_a_title_joins_the_role_but_not_in_a_body_s_name():
    assert split_role("Estonian President Mara Tamm") == ("Mara Tamm", "Estonian President")
    assert split_role("Korvan General Hospital") == ("Korvan General Hospital", None)
