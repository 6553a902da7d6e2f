"""Per-story views for people: the timeline, the figure ledger, quotes, entities, coverage.

Computed once per story from its parts (``source.StoryParts``: its records, read from the Chronicle in
memory or from the store, one story at a time) and rendered by both the Markdown and the HTML exporters,
so the two always agree.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from kronologi.document import Document
from kronologi.export.keynumbers import KeyNumber, key_numbers
from kronologi.export.safe import BIDI_CONTROLS
from kronologi.export.source import StoryParts, ViewSource, date_order

_WEB_URL = re.compile(r"https?://[^/\s]", re.IGNORECASE)


@dataclass
class TimelineLine:
    event: dict[str, Any]
    sources: list[dict[str, Any]]  # {doc, sentence, start, end, outlet, title, text}
    figures: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        return self.event.get("date")

    @property
    def background(self) -> bool:
        return bool(self.event.get("background"))


@dataclass
class LedgerView:
    row: dict[str, Any]
    figures: list[dict[str, Any]]  # figure records, each with "outlet" added


@dataclass
class StoryView:
    story: dict[str, Any]
    documents: list[Document]
    dated: list[TimelineLine]
    undated: list[TimelineLine]
    ledger: list[LedgerView]
    quotes: dict[str, list[dict[str, Any]]]  # speaker -> quotes
    entities: list[dict[str, Any]]
    coverage: dict[str, Counter]  # outlet -> day -> articles
    summary: list[tuple[Document, str]] = field(default_factory=list)  # (document, sentence text)
    key_numbers: list[KeyNumber] = field(default_factory=list)  # the ledger rows read as histories


def story_views(source: ViewSource) -> Iterator[StoryView]:
    """One view per story, made from that story's parts alone (``source.StoryParts``), one at a time."""
    for parts in source.story_parts():
        yield _view(parts)


class _Quotes:
    """A story's quotes by document, sorted by where they open (bisected: a long article has thousands), each
    document sorted once, when asked."""

    def __init__(self, quotes: Mapping[str, list[dict[str, Any]]]):
        self.quotes, self.sorted = quotes, {}

    def within(self, doc: str, start: int, end: int) -> list[dict[str, Any]]:
        """The quotes of ``doc`` that open in ``[start, end)``, in order."""
        if doc not in self.sorted:
            by_start = sorted(self.quotes.get(doc, ()), key=lambda q: q["start"])
            self.sorted[doc] = (by_start, [q["start"] for q in by_start])
        by_start, starts = self.sorted[doc]
        return by_start[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] if starts else []


def _view(parts: StoryParts) -> StoryView:
    story, docs = parts.story, parts.documents
    members = [docs[i] for i in story["documents"] if i in docs]
    ids = {d.id for d in members}
    quotes = _Quotes(parts.quotes)
    lines = [_line(ev, parts, quotes) for ev in parts.events if _in_story(ev, story, ids)]
    dated = sorted((ln for ln in lines if ln.date), key=lambda ln: (ln.date, ln.event.get("id", "")))
    ledger = [_ledger(row, parts) for row in parts.ledger if _in_story(row, story, ids)]
    return StoryView(
        story=story, documents=sorted(members, key=date_order),
        dated=dated, undated=[ln for ln in lines if not ln.date], ledger=ledger,
        quotes=_quotes_by_speaker([q for doc_id in sorted(ids) for q in parts.quotes.get(doc_id, ())]),
        entities=_entities(parts), coverage=_coverage(members),
        summary=_summary(story, docs), key_numbers=key_numbers(ledger))


def _in_story(record: dict[str, Any], story: dict[str, Any], ids: set[str]) -> bool:
    if story.get("id") is not None and record.get("story") is not None:
        return record["story"] == story["id"]
    docs = [s.get("doc") for s in record.get("sources", [])] or [record.get("doc")]
    return bool(set(docs) & ids) or not ids


def _line(ev: dict[str, Any], parts: StoryParts, quotes: _Quotes) -> TimelineLine:
    srcs = ev.get("sources", [])
    sources = _labelled(_without_copies([_source(s, parts.documents) for s in srcs]))
    keys = dict.fromkeys((s["doc"], s.get("sentence")) for s in srcs)
    figures = [f for key in keys for f in parts.figures_at.get(key, ())]
    return TimelineLine(ev, sources, figures, [q for s in srcs for q in quotes.within(s["doc"], s["start"], s["end"])])


def _source(src: dict[str, Any], docs: Mapping[str, Document]) -> dict[str, Any]:
    doc = docs.get(src["doc"])
    text = doc.text[src["start"]:src["end"]] if doc else ""
    return {**src, "outlet": doc.outlet if doc else None, "title": doc.title if doc else None, "text": text,
            "published": doc.published if doc else None, "duplicate_of": doc.duplicate_of if doc else None,
            "url": article_url(doc)}


def _without_copies(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A duplicate of another source on the line (the same article saved twice, a trimmed copy)
    is not a second source: it is counted on its original (``copies``)."""
    on_line = {s["doc"]: s for s in sources}
    kept = []
    for s in sources:
        original = on_line.get(s.get("duplicate_of"))
        if original is not None:
            original["copies"] = original.get("copies", 0) + 1
        else:
            kept.append(s)
    return kept


def _labelled(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each source's ``label``: its outlet; where one outlet has several articles on the line,
    the outlet and the day, then a number, so two links never read the same."""
    def day(s: dict[str, Any]) -> str:
        return (s.get("published") or "")[:10] or "undated"

    outlets = Counter(s.get("outlet") or s["doc"] for s in sources)
    days = Counter((s.get("outlet") or s["doc"], day(s)) for s in sources)
    seen: Counter = Counter()
    for s in sources:
        outlet = s.get("outlet") or s["doc"]
        label = outlet
        if outlets[outlet] > 1:
            label = f"{outlet} ({day(s)})"
            if days[outlet, day(s)] > 1:
                seen[outlet, day(s)] += 1
                label = f"{outlet} ({day(s)}, {seen[outlet, day(s)]})"
        if s.get("copies"):
            label += f" +{s['copies']} {'copy' if s['copies'] == 1 else 'copies'}"
        s["label"] = label
    return sources


def _ledger(row: dict[str, Any], parts: StoryParts) -> LedgerView:
    by_id, docs = parts.figures, parts.documents
    figures = []
    for fid in row.get("figures", []):
        if fid in by_id:
            fig = by_id[fid]
            doc = docs.get(fig.get("doc"))
            figures.append({**fig, "outlet": doc.outlet if doc else None,
                            "published": doc.published if doc else None, "url": article_url(doc)})
    return LedgerView(row, figures)


def article_url(doc: Document | None) -> str | None:
    """The original article's address when known and plainly a web address (http or https),
    with spaces, quotes, brackets and parentheses percent-encoded so it stays one link in
    Markdown and in HTML; anything else (``javascript:``, a local path) is not linked."""
    url = (doc.url if doc else None) or ""
    if not _WEB_URL.match(url) or any(ord(c) < 32 or c in BIDI_CONTROLS for c in url):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def _quotes_by_speaker(quotes: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        out[q.get("speaker_name") or "unattributed"].append(q)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == "unattributed", -len(kv[1]), kv[0])))


def _entities(parts: StoryParts) -> list[dict[str, Any]]:
    """The entities mentioned in the story, most mentioned first, then by name, then in the chronicle's order
    (``parts.mentions`` follows it: the same order whichever document was counted first)."""
    out = [{**parts.entities[eid], "count": n} for eid, n in parts.mentions.items()]
    return sorted(out, key=lambda e: (-e["count"], e["name"]))


def _coverage(docs: list[Document]) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        out[doc.outlet or "unknown outlet"][(doc.published or "undated")[:10]] += 1
    return dict(sorted(out.items()))


def _summary(story: dict[str, Any], docs: Mapping[str, Document]) -> list[tuple[Document, str]]:
    out = []
    for item in story.get("summary", []) or []:
        doc = docs.get(item.get("doc"))
        if doc and item.get("sentence") is not None and item["sentence"] < len(doc.sentences):
            out.append((doc, doc.sentence_text(doc.sentences[item["sentence"]])))
    return out


def precision_label(event: dict[str, Any]) -> str:
    """``2022-01-10`` (day), ``2022-W02`` (week), ``2022-01`` (month) — as precise as known."""
    date, precision = event.get("date"), event.get("precision")
    if not date:
        return "undated"
    return date if precision in (None, "day") else f"{date} ({precision})"


def evidence_text(event: dict[str, Any]) -> str:
    """Why an event's sources were merged, one line: ``doc (s5): same date 2022-10-01, wording 0.67; …``."""
    parts = []
    for item in event.get("evidence") or []:
        where = f"{item.get('doc')} (s{item['sentence']})" if item.get("sentence") is not None else str(item.get("doc"))
        parts.append(f"{where}: {', '.join(str(w) for w in item.get('why') or [])}")
    return "; ".join(parts)
