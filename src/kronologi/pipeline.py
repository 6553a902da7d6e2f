"""Steps and the pipeline that runs them over documents.

A *step* turns a Document into a Document, or drops it with a reason. It has a
name and a version; the pipeline's signature (all ``name@version``) is stored
with every processed document, so a changed step re-processes what it touched
and nothing else.

The pipeline is plain data (a list of step names plus options). Workers — this
process, a process pool, Ray tasks — receive that config and build their own
steps (``Pipeline.from_config``), so the same code runs everywhere.

The step boundary is the one place where a failure on one document is caught.
A failure in a step the document cannot do without (``clean``, ``language``,
``sentences``) turns it into a Rejection with a ``failed.step.<name>`` reason;
a failure in an enrichment step (dates, claims, events...) is recorded on the
document (``failures``) and the document goes on without that layer. Either
way the corpus goes on.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from kronologi.document import Document, Rejection


@dataclass
class Drop:
    """A step's verdict that a document must not go on (``dropped.<step>.<why>``)."""

    reason: str


class Step(Protocol):
    name: str
    version: str

    def __call__(self, doc: Document) -> Document | Drop: ...

    # Optional: ``prepare(docs)`` is called with a whole batch before the step runs on each
    # of its documents, for work that is cheaper in bulk (see Pipeline.run_many).


# name -> "module:factory"; factories take the pipeline options dict.
# Later layers (dates, entities, claims, events) add their steps here.
STEPS: dict[str, str] = {
    "clean": "kronologi.clean:CleanStep",
    "language": "kronologi.text.step:LanguageStep",
    "sentences": "kronologi.text.step:SentenceStep",
    "fingerprint": "kronologi.corpus.dedup:FingerprintStep",
    "dates": "kronologi.temporal.step:DatesStep",
    "entities": "kronologi.ner.step:EntitiesStep",
    "claims": "kronologi.claims.step:ClaimsStep",
    "events": "kronologi.events.step:EventsStep",
}
REQUIRED_STEPS = frozenset({"clean", "language", "sentences"})  # without these there is no usable document
DEFAULT_STEPS = ("clean", "language", "sentences", "fingerprint", "dates", "entities", "claims", "events")


def _factory(name: str) -> Callable[..., Step]:
    try:
        module, attr = STEPS[name].split(":")
    except KeyError:
        raise ValueError(f"unknown step {name!r}; known steps: {', '.join(STEPS)}") from None
    return getattr(importlib.import_module(module), attr)


@dataclass
class PipelineConfig:
    """Everything a worker needs to rebuild the pipeline: picklable, JSON-able."""

    steps: tuple[str, ...] = DEFAULT_STEPS
    options: dict[str, Any] = field(default_factory=dict)


class Pipeline:
    def __init__(self, steps: list[Step]):
        self.steps = steps

    @classmethod
    def from_config(cls, config: PipelineConfig) -> Pipeline:
        return cls([_factory(name)(config.options) for name in config.steps])

    @property
    def signature(self) -> str:
        return ",".join(f"{s.name}@{s.version}" for s in self.steps)

    def run(self, doc: Document) -> Document | Rejection:
        """Run every step on ``doc``; a drop or failure becomes a Rejection."""
        return self.run_many([doc])[0]

    def run_many(self, docs: list[Document]) -> list[Document | Rejection]:
        """Run the steps over a batch, one step at a time. A step with a ``prepare(docs)``
        method first sees every document still in the batch (the NER step tags all their
        sentences in one call of the network); documents still fail one by one."""
        results: list[Document | Rejection] = list(docs)
        for step in self.steps:
            live = [i for i, r in enumerate(results) if isinstance(r, Document)]
            prepare = getattr(step, "prepare", None)
            if prepare is not None and live:
                try:
                    prepare([results[i] for i in live])
                except Exception:  # noqa: BLE001 - each document then runs, and fails, on its own
                    pass
            for i in live:
                results[i] = _apply(step, results[i])
        return results


def _apply(step: Step, doc: Document) -> Document | Rejection:
    """One step on one document: the step boundary, where a failure is caught and recorded."""
    try:
        result = step(doc)
    except Exception as exc:  # record, never stop the corpus
        error = f"{type(exc).__name__}: {exc}"
        if step.name in REQUIRED_STEPS:
            return Rejection(_where(doc), f"failed.step.{step.name}: {error}")
        doc.failures.append({"step": f"{step.name}@{step.version}", "error": error})
        return doc
    if isinstance(result, Drop):
        return Rejection(_where(doc), result.reason)
    result.steps.append(f"{step.name}@{step.version}")
    return result


def _where(doc: Document) -> str:
    return f"{doc.source_path}#{doc.record}" if doc.record else doc.source_path


@functools.lru_cache(maxsize=4)
def _cached_pipeline(steps: tuple[str, ...], options_key: str) -> Pipeline:
    import json

    return Pipeline.from_config(PipelineConfig(steps, json.loads(options_key)))


def run_batch(config: PipelineConfig, docs: list[Document]) -> list[Document | Rejection]:
    """Worker entry point: build (once per process) and run the pipeline on a batch."""
    import json

    pipeline = _cached_pipeline(tuple(config.steps), json.dumps(config.options, sort_keys=True))
    return pipeline.run_many(docs)
