"""The ledger's lines by counted thing: heads of counted nouns, members of a group, breakdowns of parts."""

from __future__ import annotations

from ledger_fixtures import claims_doc

from kronologi.claims.ledger import build_ledger


def _lines(docs) -> list[list[tuple]]:
    """Each line's ``(value, relation)`` pairs, the lines in the ledger's order."""
    figures, _, ledger = build_ledger(docs, {d.id: "S1" for d in docs})
    by_id = {f["id"]: f for f in figures}
    return [[(by_id[i]["value"], by_id[i]["relation"]) for i in row["figures"]] for row in ledger]


def _line_of(lines: list[list[tuple]], value) -> list:
    """The values of the line that holds ``value``."""
    return sorted(v for line in lines if any(v == value for v, _ in line) for v, _ in line)


def test_claims_ledger_heads_counts_of_different_nouns_are_different_lines() -> None:
    docs = [
        claims_doc("a", "Dinas kebersihan menerjunkan 350 pasukan oranye untuk menyapu taman kota.", "2024-03-05"),
        claims_doc("b", "Polda menyiagakan 8.700 personel untuk mengawal aksi di depan gedung dewan.", "2024-03-06"),
        claims_doc("c", "Sebanyak 8.900 personel disiagakan di sekitar gedung dewan.", "2024-03-07"),
    ]
    lines = _lines(docs)
    assert _line_of(lines, 350) == [350]
    assert _line_of(lines, 8700) == [8700, 8900]


def test_claims_ledger_heads_a_count_without_a_noun_of_its_own_stays_in_the_main_series() -> None:
    docs = [
        claims_doc("a", "Dinas kebersihan menerjunkan 350 pasukan oranye untuk menyapu taman kota.", "2024-03-05"),
        claims_doc("b", "Polda menyiagakan 8.700 personel untuk mengawal aksi di depan gedung dewan.", "2024-03-06"),
        claims_doc("c", "Sebanyak 8.900 personel disiagakan di sekitar gedung dewan.", "2024-03-07"),
        claims_doc("d", "Aparat yang berjaga di sekitar gedung dewan berjumlah 9.000 orang.", "2024-03-08"),
    ]
    lines = _lines(docs)
    assert 9000 not in _line_of(lines, 350)
    assert _line_of(lines, 350) == [350]


def test_claims_ledger_heads_of_two_languages_never_split_a_line() -> None:
    docs = [
        claims_doc("a", "Bentrokan di depan kampus itu menewaskan dua mahasiswa.", "2024-03-05"),
        claims_doc("b", "Two students were killed in the clash outside the campus.", "2024-03-05", lang="en"),
    ]
    lines = _lines(docs)
    assert len(lines) == 1 and [r for _, r in lines[0]] == ["single", "agreement"]


def test_claims_ledger_heads_one_member_of_a_group_is_no_rival_count() -> None:
    docs = [
        claims_doc("a", "Bentrokan di depan kampus itu menewaskan dua mahasiswa.", "2024-03-05"),
        claims_doc("b", "Salah satu mahasiswa bernama Budi meninggal dunia di rumah sakit.", "2024-03-07"),
        claims_doc("c", "Police arrested 12 people on Monday. One of the people arrested was carrying a knife.",
                   "2024-03-05", lang="en"),
    ]
    lines = _lines(docs)
    relations = {v: r for line in lines for v, r in line}
    assert "contradiction" not in relations.values()
    assert _line_of(lines, 2) == [2]
    assert _line_of(lines, 12) == [12]


def test_claims_ledger_heads_a_breakdown_in_one_article_is_no_series() -> None:
    docs = [claims_doc("a", "Sebanyak 900 pengungsi diterbangkan ke kota. Dari jumlah itu, 60 orang berangkat pada "
                            "penerbangan pertama, lalu 90 orang, 75 orang, dan 65 orang pada penerbangan terakhir.",
                       "2024-03-05")]
    parts = [line for line in _lines(docs) if any(v == 90 for v, _ in line)]
    assert parts and all(r in ("single", "agreement") for v, r in parts[0])


def test_claims_ledger_heads_a_partitive_after_a_noun_makes_a_part() -> None:
    doc = claims_doc("a", "Tim penyidik sudah memeriksa 8 orang saksi di kantor itu. Empat saksi diantaranya adalah "
                          "saksi ahli dari kampus.", "2024-03-05")
    part = next(f for f in doc.figures if f["value"] == 4)
    assert part["part_of"] == next(f for f in doc.figures if f["value"] == 8)["start"]


def test_claims_ledger_an_acronym_heading_a_name_is_no_people_of_its_own() -> None:
    """"enam jenazah korban KM Sinar Jaya" and "six of the bodies" count one quantity: "KM" heads the ship's name
    (whose victims they are), it is no people like "WNI" that would make a line of its own."""
    from kronologi.claims.quantity import subject_key
    ship = {"category": "identified", "subject": "jenazah korban KM Sinar", "noun": "jenazah korban KM Sinar"}
    people = {"category": "killed", "subject": "37 WNI", "noun": "WNI"}
    assert subject_key(ship, "id") is None
    assert subject_key(people, "id") == "WNI"
