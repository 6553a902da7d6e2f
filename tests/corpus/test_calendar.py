"""Undated articles read on their story's calendar: the year their story's dated articles share."""

from __future__ import annotations

from types import SimpleNamespace

from kronologi.corpus.calendar import date_from_stories
from kronologi.document import Document
from kronologi.pipeline import Pipeline, PipelineConfig

_UNDATED = ("Per 2 Mei, sebanyak 412 warga Lembang tewas sejak banjir bandang melanda. "
            "Banjir bandang itu melanda Lembang pada 14 Maret.")
_DATED = "Banjir bandang melanda Lembang pada Senin (14/3/2022) dan menewaskan 40 warga."


def _processed(doc_id: str, text: str, published: str | None) -> Document:
    doc = Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", raw_text=text, language="id",
                   published=published, published_basis="metadata" if published else None)
    doc.key = f"key-{doc_id}"
    (out,) = Pipeline.from_config(PipelineConfig()).run_many([doc])
    return out


def test_calendar_an_undated_article_takes_its_storys_year():
    undated, dated = _processed("u", _UNDATED, None), _processed("d", _DATED, "2022-03-15")
    assert all(t["value"].startswith("XXXX") for t in undated.times if t["text"] in ("2 Mei", "14 Maret"))
    decisions = date_from_stories([SimpleNamespace(docs=[dated, undated])])
    assert (undated.published, undated.published_basis) == ("2022-03", "inferred")
    assert decisions[undated.key]["basis"] == "story" and undated.key in decisions and dated.key not in decisions
    values = {t["text"]: t["value"] for t in undated.times}
    assert values["2 Mei"] == "2022-05-02" and values["14 Maret"] == "2022-03-14"
    assert "2022-03-14" in {ev["date"] for ev in undated.events}  # the events step ran again on the new reference


def test_calendar_a_story_with_no_dated_article_changes_nothing():
    undated = _processed("u", _UNDATED, None)
    assert date_from_stories([SimpleNamespace(docs=[undated])]) == {}
    assert undated.published is None
