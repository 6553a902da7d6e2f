"""Training data harmonisation (training/ner-id/scripts/harmonise.py), on sentences written here."""

from __future__ import annotations

import importlib
import sys

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def harmonise():
    sys.path.insert(0, str(ROOT / "training" / "ner-id" / "scripts"))
    try:
        yield importlib.import_module("harmonise")
    finally:
        sys.path.remove(str(ROOT / "training" / "ner-id" / "scripts"))


# A set that annotates organisations (cased, like NERGrit or NER-UI).
WITH_ORG = [
    ("Ketua Partai Merah Jambu bertemu wartawan".split(), ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]),
    ("Partai Merah Jambu menolak usul itu".split(), ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]),
    ("Polisi Kota memeriksa Budi di Kota Lama".split(), ["B-ORG", "I-ORG", "O", "B-PER", "O", "B-LOC", "I-LOC"]),
    ("Tim Lebah kalah".split(), ["B-ORG", "I-ORG", "O"]),
    ("Tim Lebah menang".split(), ["B-ORG", "I-ORG", "O"]),
    ("Lebah terbang di kebun".split(), ["O", "O", "O", "O"]),
    ("Lebah hinggap".split(), ["O", "O"]),
    ("Lebah pulang".split(), ["O", "O"]),
    ("Lebah FC juara".split(), ["B-ORG", "I-ORG", "O"]),
    ("Budi menonton Lebah".split(), ["B-PER", "O", "B-ORG"]),
]


def test_harmonise_names_of_type_keeps_sequences_mostly_tagged(harmonise):
    names = harmonise.names_of_type(WITH_ORG, "ORG")
    assert "partai merah jambu" in names
    assert "tim lebah" in names
    assert "lebah fc" in names
    # Tagged once, untagged three times: a common word, not a name.
    assert "lebah" not in names
    # One-word names need more than one tagged occurrence; other types are not collected.
    assert "budi" not in names and "kota lama" not in names


def test_harmonise_mask_names_unannotates_only_untagged_occurrences(harmonise):
    names = harmonise.names_of_type(WITH_ORG, "ORG")
    # A lower-cased set without ORG: the organisation is O there, the person is tagged.
    without_org = [
        ("kata ketua partai merah jambu kepada budi".split(), ["O", "O", "O", "O", "O", "O", "B-PER"]),
        ("tim lebah dan lebah fc".split(), ["O", "O", "O", "O", "O"]),
        ("budi di kota lama".split(), ["B-PER", "O", "B-LOC", "I-LOC"]),
    ]
    out, masked = harmonise.mask_names(without_org, names)
    assert masked == 3
    assert out[0][1] == ["O", "O", "B-?", "I-?", "I-?", "O", "B-PER"]
    assert out[1][1] == ["B-?", "I-?", "O", "B-?", "I-?"]
    assert out[2] == without_org[2]  # nothing to mask; existing spans untouched
    assert without_org[0][1][2] == "O"  # the input is not changed in place


def test_harmonise_mask_names_prefers_the_longest_name(harmonise):
    names = {"merah jambu", "partai merah jambu"}
    out, masked = harmonise.mask_names([("partai merah jambu".split(), ["O", "O", "O"])], names)
    assert (out[0][1], masked) == (["B-?", "I-?", "I-?"], 1)
