"""The step boundary: a broken enrichment step costs its layer, never the document."""

from __future__ import annotations

from kronologi.document import Document, Rejection
from kronologi.pipeline import Pipeline


class _Boom:
    version = "1"

    def __init__(self, name):
        self.name = name

    def __call__(self, doc):
        raise ValueError("broken on purpose")


class _Mark:
    name, version = "mark", "1"

    def __call__(self, doc):
        doc.title = "reached"
        return doc


def _doc():
    return Document(id="d", source_path="d.txt", format="text", raw_text="x", text="Sebuah kalimat.")


def test_pipeline_failed_enrichment_step_is_recorded_and_the_document_kept():
    doc = Pipeline([_Boom("claims"), _Mark()]).run(_doc())
    assert isinstance(doc, Document) and doc.title == "reached"
    assert doc.failures == [{"step": "claims@1", "error": "ValueError: broken on purpose"}]
    assert doc.steps == ["mark@1"]


def test_pipeline_failed_required_step_rejects_with_a_reason():
    result = Pipeline([_Boom("clean"), _Mark()]).run(_doc())
    assert isinstance(result, Rejection)
    assert result.reason == "failed.step.clean: ValueError: broken on purpose"


class _BrokenPrepare(_Mark):
    def prepare(self, docs):
        raise RuntimeError("bulk work failed")


def test_pipeline_batch_survives_a_failing_prepare_and_keeps_order():
    docs = [_doc() for _ in range(3)]
    docs[1].id = "second"
    results = Pipeline([_BrokenPrepare()]).run_many(docs)
    assert [r.id for r in results] == ["d", "second", "d"]
    assert all(r.title == "reached" and r.steps == ["mark@1"] for r in results)


def test_pipeline_batch_rejects_one_document_and_runs_the_rest():
    class _RejectSecond(_Mark):
        name = "clean"

        def __call__(self, doc):
            if doc.id == "second":
                raise ValueError("unreadable")
            return super().__call__(doc)

    docs = [_doc() for _ in range(3)]
    docs[1].id = "second"
    results = Pipeline([_RejectSecond(), _Mark()]).run_many(docs)
    assert isinstance(results[1], Rejection) and "failed.step.clean" in results[1].reason
    assert [r.steps for r in (results[0], results[2])] == [["clean@1", "mark@1"]] * 2
