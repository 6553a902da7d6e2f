"""The ``claims`` step on documents from the pipeline: fields, JSON round trip, empty bodies."""

from __future__ import annotations

import json

import kronologi
from kronologi.claims.step import ClaimsStep
from kronologi.document import Document

from conftest import ARTICLE_EN, ARTICLE_ID


def _built(tmp_path, name: str, text: str) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = kronologi.build([str(path)]).documents
    return ClaimsStep({})(doc)


def test_claims_step_on_pipeline_documents(tmp_path) -> None:
    doc = _built(tmp_path, "demak.txt", ARTICLE_ID)
    assert ClaimsStep.name == "claims" and ClaimsStep.version == "46"
    got = [(f["value"], f["qualifier"], f["category"], f["subject"]) for f in doc.figures]
    assert got == [(350, "at_least", "damaged", "rumah"), (1100, "exact", "displaced", None)]
    # as written, or the organisation the entity layer found in it
    assert doc.figures[0]["claimant"] in ("petugas BPBD setempat", "BPBD Demak")
    assert [(q["speaker_name"], q["kind"]) for q in doc.quotes] in ([("Kepala BPBD Demak", "full")], [("BPBD Demak", "full")])
    for fig in doc.figures:
        assert doc.text[fig["start"]:fig["end"]] == fig["text"]
        assert {"sentence", "value", "low", "high", "qualifier", "category", "unit", "subject", "claimant", "via",
                "as_of", "status"} <= set(fig)


def test_claims_step_in_english(tmp_path) -> None:
    doc = _built(tmp_path, "demak-en.txt", ARTICLE_EN)
    got = [(f["value"], f["qualifier"], f["category"], f["claimant"], f["via"]) for f in doc.figures]
    assert got == [(350, "at_least", "damaged", "local disaster officials", "Reuters"),
                   (1100, "about", "displaced", "the agency", "Reuters")]


def test_claims_step_round_trips_through_json(tmp_path) -> None:
    doc = _built(tmp_path, "demak.txt", ARTICLE_ID)
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again.figures == doc.figures and again.quotes == doc.quotes


def test_claims_step_empty_body() -> None:
    doc = Document(id="x", source_path="x", format="text", raw_text="", text="  ")
    doc = ClaimsStep({})(doc)
    assert doc.figures == [] and doc.quotes == []
