"""A claimant is a name of a person or body, never the sentence words around it."""

from __future__ import annotations

import pytest

from kronologi.claims.claimants import name_of


@pytest.mark.parametrize("phrase, lang, names, want", [
    ("Lembaga Pemantau Hak sekaligus", "id", ["Lembaga Pemantau Hak"], "Lembaga Pemantau Hak"),
    ("Polda Lembang korban", "id", ["Polda Lembang"], "Polda Lembang"),
    ("Kelompok masyarakat sipil", "id", [], "Kelompok masyarakat sipil"),  # no name to cut to: as written
    ("the press release", "en", [], None),
    ("the press release by the Flood Watch Group", "en", ["Flood Watch Group"], "Flood Watch Group"),
    ("siaran pers Polda Lembang", "id", ["Polda Lembang"], "Polda Lembang"),
    ("the ruling council", "en", [], "the ruling council"),
    ("more than 2", "en", [], None),
])
def test_claims_claimant_names(phrase, lang, names, want):
    assert name_of(phrase, lang, names) == want


def test_claims_claimant_one_body_is_one_claimant_across_languages():
    from kronologi.claims.ledger import build_ledger, claimant_names

    from ledger_fixtures import claims_doc

    a = claims_doc("a", "Lembaga Pemantau Banjir (LPB) mengatakan korban tewas mencapai 40 orang pada Senin (10/1).",
                   "2022-01-11")
    b = claims_doc("b", "According to the Flood Monitoring Agency (LPB), the death toll rose to 55 on Tuesday.",
                   "2022-01-12", "en")
    entity = {"id": "E7", "type": "ORG", "name": "Lembaga Pemantau Banjir",
              "aliases": ["Lembaga Pemantau Banjir", "Flood Monitoring Agency", "LPB"]}
    figures, _, _ = build_ledger([a, b], {"a": "s", "b": "s"}, names=claimant_names([entity]))
    assert {(f["value"], f["claimant"], f.get("claimant_entity")) for f in figures} == \
        {(40, "Lembaga Pemantau Banjir", "E7"), (55, "Lembaga Pemantau Banjir", "E7")}
    plain, _, _ = build_ledger([a, b], {"a": "s", "b": "s"})
    assert {f["claimant"] for f in plain} != {"Lembaga Pemantau Banjir"}  # without the entities: as written


def test_claims_claimant_counted_subject_is_no_claimant():
    """A sentence's subject that is a count ("Three people have died ...") is what it counts: no claimant of
    another figure of the sentence; a counted subject that reports ("Two officials said") still is."""
    from kronologi.claims.step import read_text

    text = ("Four people have died after eating tainted lunches in the province, a clinic worker said on Monday, "
            "as the number of people sickened rose to 210.")
    claimants = {f["value"]: f["claimant"] for f in read_text(text, "en", None)["figures"]}
    assert claimants[4] == "a clinic worker" and claimants[210] in (None, "a clinic worker")
    (fig,) = [f for f in read_text("Two officials said 40 people were injured.", "en", None)["figures"] if f["value"] == 40]
    assert fig["claimant"] == "Two officials"
