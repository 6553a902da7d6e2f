"""The pipeline step ``dates``: times on the document, inferred reference dates."""

from __future__ import annotations

from kronologi.document import Document, Sentence
from kronologi.pipeline import DEFAULT_STEPS, Pipeline, PipelineConfig
from kronologi.temporal.reference import sibling_window
from kronologi.temporal.step import DatesStep, apply_inferred
from kronologi.text.sentences import split_sentences

BODY = ("Wali kota meresmikan pasar itu di Semarang, Senin (10/1/2022). Pasar lama terbakar pekan lalu.\n"
        "Pedagang akan kembali berjualan pada hari Jumat.")


def _doc(text: str = BODY, published: str | None = None) -> Document:
    doc = Document(id="d", source_path="d.txt", format="text", raw_text=text, text=text, language="id",
                   published=published, published_basis="metadata" if published else None)
    doc.sentences = [Sentence(s, e) for s, e in split_sentences(text, "id")]
    return doc


def test_step_is_in_the_default_pipeline():
    assert "dates" in DEFAULT_STEPS
    assert "dates@12" in Pipeline.from_config(PipelineConfig()).signature


def test_step_resolves_against_the_published_date():
    doc = DatesStep()(_doc(published="2022-01-11T08:00+07:00"))
    assert [(t["text"], t["value"], t["sentence"]) for t in doc.times] == [
        ("Senin (10/1/2022)", "2022-01-10", 0), ("pekan lalu", "2022-W01", 1), ("hari Jumat", "2022-01-14", 2)]
    assert set(doc.times[0]) == {"start", "end", "text", "type", "value", "precision", "mod", "sentence"}
    assert (doc.published, doc.published_basis) == ("2022-01-11T08:00+07:00", "metadata")


def test_step_infers_a_reference_for_an_undated_document():
    doc = DatesStep({"dates_not_after": "2025-01-01"})(_doc())
    assert (doc.published, doc.published_basis) == ("2022-01-10", "inferred")
    inferred = doc.observed["published"]["inferred"]
    assert (inferred["value"], inferred["basis"]) == ("2022-01-10", "latest_full_date") and 0 < inferred["confidence"] < 1
    assert [t["value"] for t in doc.times] == ["2022-01-10", "2022-W01", "2022-01-14"]


def test_step_leaves_relative_expressions_unresolved_when_nothing_dates_the_body():
    doc = DatesStep()(_doc("Pasar itu terbakar kemarin. Pedagang akan kembali pada hari Jumat."))
    assert doc.published is None and "published" not in doc.observed
    assert [t["value"] for t in doc.times] == ["XXXX-XX-XX", "XXXX-WXX-5"]


def test_step_sibling_window_can_be_recorded_without_inventing_a_day():
    doc = _doc("Pasar itu terbakar kemarin.")
    apply_inferred(doc, sibling_window(["2022-01-06", "2022-01-11"]))
    assert (doc.published, doc.published_basis) == ("2022-01", "inferred")
    apply_inferred(other := _doc("Pasar itu terbakar kemarin."), sibling_window(["2021-12-30", "2022-01-02"]))
    assert other.published is None and other.observed["published"]["inferred"]["value"] is None


def test_step_tolerates_an_unreadable_published_value():
    doc = DatesStep()(_doc("Pasar itu terbakar kemarin.", published="sometime in 2022"))
    assert [t["value"] for t in doc.times] == ["XXXX-XX-XX"]


def test_step_reads_a_published_time_on_the_home_clock():
    doc = DatesStep()(_doc("Para pejabat mengatakan pada hari Minggu bahwa korban bertambah.",
                           published="2022-10-01T23:58-04:00"))
    assert [t["value"] for t in doc.times] == ["2022-10-02"]
    assert doc.published == "2022-10-01T23:58-04:00"
    other = DatesStep({"dates_zone": "-04:00"})(_doc("Para pejabat mengatakan pada hari Minggu bahwa korban bertambah.",
                                                     published="2022-10-01T23:58-04:00"))
    assert [t["value"] for t in other.times] == ["2022-09-25"]
