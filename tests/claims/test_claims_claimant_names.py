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
