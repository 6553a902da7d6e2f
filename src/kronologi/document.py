"""The Document: one typed record that flows through every per-document step.

A reader creates it from one input record (a text file, an HTML page, a feed
entry, a WARC response, a JSON line) with ``raw_text`` and whatever metadata the
container carried. Steps then fill in the cleaned ``text``, language, sentences
and, in later layers, mentions. Every mention carries character offsets into
``text`` so any fact can be traced back to the words it came from.

Documents are plain dataclasses: they pickle (process pools, Ray) and round-trip
through JSON (the store) without loss.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Removed:
    """A line (or line prefix) the cleaner took out of the raw text, and why."""

    text: str
    reason: str  # dotted code, e.g. ``clean.related_link``
    line: int | None = None  # 0-based line number in ``raw_text``


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Heading:
    """A section heading kept in ``text`` on its own line."""

    start: int
    end: int


@dataclass
class SharedPassage:
    """A passage of this document that also appears in another one (wire copy)."""

    doc: str  # id of the other document
    start: int
    end: int
    other_start: int
    other_end: int
    sentences: int


@dataclass
class Rejection:
    """An input, or a record inside one, that could not become a document."""

    source_path: str
    reason: str  # ``<dotted code>: <explanation>``


@dataclass
class Document:
    """One article. See the module docstring for the life cycle."""

    id: str
    source_path: str
    format: str  # text | html | json | feed | warc
    raw_text: str
    key: str = ""  # content hash of (source name, record locator, raw content)
    record: str | None = None  # locator inside a multi-record input (line, entry, URI)
    encoding: str | None = None
    # metadata: the chosen value, and every value observed per origin
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    published_basis: str | None = None  # metadata | text | inferred | None
    observed: dict[str, dict[str, Any]] = field(default_factory=dict)
    # cleaning
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    dateline: str | None = None  # place named in the dateline, e.g. "Nur-Sultan"
    # language and segmentation
    language: str | None = None
    language_confidence: float | None = None
    sentences: list[Sentence] = field(default_factory=list)
    fingerprint: dict[str, Any] | None = None  # what the duplicates pass compares (kronologi.corpus.dedup)
    # corpus passes
    story: str | None = None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # exact | near
    shared_passages: list[SharedPassage] = field(default_factory=list)
    # later layers (filled by their own steps)
    times: list[dict[str, Any]] = field(default_factory=list)  # temporal expressions (kronologi.temporal)
    mentions: list[dict[str, Any]] = field(default_factory=list)  # entity mentions (kronologi.ner, .entities)
    figures: list[dict[str, Any]] = field(default_factory=list)  # reported counts and amounts (kronologi.claims)
    quotes: list[dict[str, Any]] = field(default_factory=list)  # direct quotations (kronologi.claims)
    events: list[dict[str, Any]] = field(default_factory=list)  # sentence-level events (kronologi.events)
    # provenance: the steps that ran, ``name@version``, and those that failed on this document
    steps: list[str] = field(default_factory=list)
    failures: list[dict[str, str]] = field(default_factory=list)  # {step, error}

    def observe(self, name: str, origin: str, value: Any) -> None:
        """Record a metadata value seen at one origin (metadata, html, text...)."""
        if value not in (None, ""):
            self.observed.setdefault(name, {})[origin] = value

    def sentence_text(self, sent: Sentence) -> str:
        return self.text[sent.start : sent.end]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (faster than ``dataclasses.asdict``: one level of records)."""
        out = dict(self.__dict__)
        for name in ("removed", "headings", "sentences", "shared_passages"):
            out[name] = [dict(vars(item)) for item in out[name]]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = dict(data)
        data["removed"] = [Removed(**r) for r in data.get("removed", [])]
        data["headings"] = [Heading(**h) for h in data.get("headings", [])]
        data["sentences"] = [Sentence(**s) for s in data.get("sentences", [])]
        data["shared_passages"] = [SharedPassage(**p) for p in data.get("shared_passages", [])]
        return cls(**data)


def content_key(*parts: str | bytes) -> str:
    """A stable content hash of the given parts (hex, 20 chars)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x00")
    return h.hexdigest()[:20]
