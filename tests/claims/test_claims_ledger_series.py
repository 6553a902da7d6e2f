"""The ledger follows a quantity across documents and days: small fixture corpora, one per mechanism."""

from __future__ import annotations

from kronologi.claims.ledger import build_ledger
from kronologi.claims.series import fits, relate

from ledger_fixtures import claims_doc


_doc = claims_doc


def _line(ledger, figures, category="killed", **match):
    by_id = {f["id"]: f for f in figures}
    rows = [r for r in ledger if r["category"] == category and all(r.get(k) == v for k, v in match.items())]
    assert len(rows) == 1, [(r["category"], r["subject"], r.get("class")) for r in ledger]
    return rows[0], [by_id[i] for i in rows[0]["figures"]]


def test_claims_ledger_series_rising_toll_from_two_claimants_is_updates() -> None:
    docs = [
        _doc("d1", "Badan bencana menyebut 12 orang meninggal dunia pada Senin (3/4/2023).", "2023-04-03"),
        _doc("d2", "Gubernur Budi Santosa mengatakan 40 orang meninggal dunia pada Selasa (4/4/2023).", "2023-04-04"),
        _doc("d3", "Badan bencana mencatat korban meninggal bertambah menjadi 95 orang pada Rabu (5/4/2023).",
             "2023-04-05"),
        _doc("d4", "Sebanyak 95 orang meninggal dunia, kata Gubernur Budi Santosa, Kamis (6/4/2023).", "2023-04-06"),
        _doc("d5", "Korban meninggal dunia kini 130 orang, kata badan bencana pada Kamis (6/4/2023).", "2023-04-06"),
    ]
    row, figs = _line(*reversed(build_ledger(docs, {d.id: "s" for d in docs})[::2]))
    assert [f["value"] for f in figs] == [12, 40, 95, 95, 130]
    assert [f["relation"] for f in figs] == ["single", "update", "update", "agreement", "update"]
    assert row["relation"] == "update"


def test_claims_ledger_series_later_lower_count_is_a_contradiction_unless_revised() -> None:
    base = [_doc("a", "Sebanyak 200 orang meninggal dunia, kata polisi pada Senin (3/4/2023).", "2023-04-03")]
    lower = _doc("b", "Sebanyak 150 orang meninggal dunia, kata dinas kesehatan pada Selasa (4/4/2023).", "2023-04-04")
    _, figs = _line(*reversed(build_ledger(base + [lower], {"a": "s", "b": "s"})[::2]))
    assert [f["relation"] for f in figs] == ["single", "contradiction"]
    revised = _doc("c", "Jumlah korban meninggal dikoreksi menjadi 150 orang setelah pendataan ulang, kata polisi "
                        "pada Selasa (4/4/2023).", "2023-04-04")
    _, figs = _line(*reversed(build_ledger(base + [revised], {"a": "s", "c": "s"})[::2]))
    assert [f["relation"] for f in figs] == ["single", "update"]


def test_claims_ledger_series_retraction_repeated_by_a_later_article() -> None:
    docs = [
        _doc("a", "Kementerian mencabut pernyataan yang mengatakan 90 orang tewas.", "2023-04-03"),
        _doc("b", "Sebelumnya disebutkan 90 orang tewas dalam kejadian itu.", "2023-04-07"),
    ]
    figures, _, ledger = build_ledger(docs, {"a": "s", "b": "s"})
    ninety = [f for f in figures if f["value"] == 90]
    assert len(ninety) == 2 and {f["relation"] for f in ninety} == {"retraction"}


def test_claims_ledger_series_subcounts_are_parts_not_competing_totals() -> None:
    docs = [_doc("a", "Gempa menewaskan 120 orang, 80 orang di antaranya di Kabupaten Lembah. Sebanyak 5.000 rumah "
                      "rusak dengan rincian 1.000 rumah rusak berat, 1.500 rusak sedang, dan 2.500 rusak ringan.",
                 "2023-04-03"),
            _doc("b", "Sebanyak 1.200 rumah rusak berat, kata bupati pada Selasa (4/4/2023).", "2023-04-04")]
    figures, _, ledger = build_ledger(docs, {"a": "s", "b": "s"})
    total, _ = _line(ledger, figures, "killed", part=False)
    part, part_figs = _line(ledger, figures, "killed", part=True)
    assert [f["value"] for f in part_figs] == [80] and part["part_of"] == [total["id"]]
    assert total["relation"] == "single"
    heavy, heavy_figs = _line(ledger, figures, "damaged", **{"class": "heavy"})
    assert [f["value"] for f in heavy_figs] == [1000, 1200] and heavy["subject"] == "houses"
    assert heavy_figs[1]["relation"] == "update"
    _, moderate = _line(ledger, figures, "damaged", **{"class": "moderate"})
    assert [f["value"] for f in moderate] == [1500]
    _, whole = _line(ledger, figures, "damaged", **{"class": None})
    assert [f["value"] for f in whole] == [5000]


def test_claims_ledger_series_undated_copy_is_never_a_contradiction() -> None:
    docs = [_doc("a", "Sebanyak 60 orang meninggal dunia, kata polisi.", "2023-04-03"),
            _doc("b", "Korban meninggal bertambah menjadi 75 orang, kata polisi.", "2023-04-04"),
            _doc("c", "Sebanyak 60 orang meninggal dunia, kata polisi.", None),
            _doc("d", "Sebanyak 68 orang meninggal dunia, kata dinas kesehatan.", None)]
    figures, _, ledger = build_ledger(docs, {d.id: "s" for d in docs})
    rel = {f["doc"]: f["relation"] for f in figures}
    assert rel == {"a": "single", "b": "update", "c": "agreement", "d": "update"}
    assert {f["doc"] for f in figures if f.get("as_of_placed") == "series"} == {"c", "d"}


def test_claims_ledger_series_one_line_across_languages() -> None:
    docs = [_doc("id1", "Sebanyak 300 rumah rusak akibat banjir, kata badan bencana pada Senin (3/4/2023).", "2023-04-03"),
            _doc("en1", "About 300 homes were damaged by the flood, the disaster agency said on Monday.",
                 "2023-04-03", lang="en"),
            _doc("en2", "At least 12 people were killed in the flood, the disaster agency said on Monday.",
                 "2023-04-03", lang="en"),
            _doc("id2", "Banjir menewaskan 12 orang, kata badan bencana pada Senin (3/4/2023).", "2023-04-03")]
    figures, _, ledger = build_ledger(docs, {d.id: "s" for d in docs})
    row, figs = _line(ledger, figures, "damaged")
    assert row["subject"] == "houses" and {f["doc"] for f in figs} == {"id1", "en1"}
    assert row["relation"] == "agreement"
    row, figs = _line(ledger, figures, "killed")
    assert {f["doc"] for f in figs} == {"id2", "en2"} and row["relation"] == "agreement"


def test_claims_ledger_series_same_window_clash_between_claimants_for_counts_that_fall() -> None:
    def fig(i, value, claimant, doc, low=None, high=None):
        return {"id": i, "doc": doc, "start": 0, "value": value, "low": low if low is not None else value,
                "high": high if high is not None else value, "category": "missing", "status": "reported",
                "origin": doc, "claimant": claimant, "as_of": "2023-04-03", "as_of_basis": "text"}
    group = [fig("a", 40, "polisi", "a"), fig("b", 25, "badan bencana", "b"), fig("c", 40, "polisi", "c")]
    when = lambda f: (f["as_of"], 0)  # noqa: E731
    assert relate(group, when, {}) == {"a": "single", "b": "contradiction", "c": "agreement"}


def test_claims_ledger_series_open_bounds_reach_a_tenth() -> None:
    more = {"value": 40000, "low": 40001, "high": None}
    assert fits(more, {"value": 41732, "low": 41732, "high": 41732})
    assert not fits(more, {"value": 52000, "low": 52000, "high": 52000})


def test_claims_ledger_how_many_more_is_a_step_not_a_competing_total() -> None:
    from kronologi.claims.step import read_text

    text = ("Korban tewas banjir Lembang bertambah 9 orang hingga mencapai 130 orang pada Senin (10/1). "
            "Tim SAR hari ini menemukan 4 jenazah sehingga korban tewas menjadi 134 orang.")
    figures = {f["value"]: f for f in read_text(text, "id", "2022-01-11")["figures"]}
    assert figures[9]["increment"] and figures[4]["increment"]
    assert not figures[130]["increment"] and not figures[134]["increment"]
    text = "At least 17 more villagers died on Sunday, bringing the toll to 95."
    figures = {f["value"]: f for f in read_text(text, "en", "2022-01-11")["figures"]}
    assert figures[17]["increment"] and not figures[95]["increment"]


def test_claims_ledger_an_increment_is_a_part_of_its_sentences_total() -> None:
    doc = claims_doc("a", "Korban tewas banjir Lembang bertambah 9 orang hingga mencapai 130 orang pada Senin (10/1).",
                     "2022-01-11")
    figures, _, _ = build_ledger([doc], {"a": "s"})
    by_value = {f["value"]: f for f in figures}
    assert by_value[9]["part_of"] == by_value[130]["id"]
    assert by_value[9].get("relation") != "contradiction" and by_value[130].get("relation") != "contradiction"


def test_claims_ledger_bodies_found_today_are_a_step_towards_the_toll_the_article_gives_elsewhere() -> None:
    # the day's finds ("menemukan 12 jenazah") are how many more, not a toll: never a value of the toll's series
    a = claims_doc("a", "Korban tewas banjir di Kecamatan Lumbung bertambah menjadi 30 orang pada Selasa (10/1/2023). "
                        "Hari ini tim SAR menemukan 12 jenazah di tepi sungai.", "2023-01-10")
    b = claims_doc("b", "Korban tewas banjir di Kecamatan Lumbung mencapai 35 orang pada Rabu (11/1/2023).", "2023-01-11")
    figures, _, ledger = build_ledger([a, b], {"a": "s", "b": "s"})
    by_value = {f["value"]: f for f in figures}
    assert by_value[12]["part_of"] == by_value[30]["id"]
    total = next(row for row in ledger if by_value[35]["id"] in row["figures"])
    assert by_value[12]["id"] not in total["figures"]
