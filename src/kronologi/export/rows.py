"""Rows for the tables people load elsewhere: events with names beside ids, stories, entities, quotes and the
ledger, built from contract-shaped records.

Both the build's exports (records from the Chronicle) and ``kronologi serve`` (the same records read from the
store, ``export.fromstore``) go through these functions, so a file written by ``kronologi build`` and the CSV the
server answers for the same story carry the same columns with the same meaning. ``Names`` is the lookup a row needs
to put a name beside an id (an entity's canonical name, a story's title, a document's outlet)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kronologi.export.safe import figure_text

STORY_COLUMNS = ("id", "title", "start", "end", "documents", "events")
# events.csv: the contract's columns first, as before; the names beside the ids are added after them
EVENT_COLUMNS = ("id", "story", "type", "date", "precision", "modality", "summary", "actors", "location", "sources",
                 "story_title", "actor_names", "location_name", "outlets")
ENTITY_COLUMNS = ("id", "name", "type", "aliases", "mentions", "documents")
QUOTE_COLUMNS = ("id", "story", "doc", "outlet", "published", "sentence", "start", "end", "text", "speaker",
                 "speaker_canonical", "speaker_name", "kind", "via")
LEDGER_COLUMNS = ("id", "story", "story_title", "category", "subject", "relation", "figures", "values", "as_of",
                  "claimants", "outlets", "note")


@dataclass
class Names:
    """Names beside ids: ``entities`` id -> (name, type), ``stories`` id -> title, ``docs`` id -> a document's
    ``outlet``, ``title``, ``published``, ``url`` and ``story``."""

    entities: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    stories: dict[str, str | None] = field(default_factory=dict)
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def entity(self, entity_id: str | None) -> str | None:
        """An entity's canonical name; an id the lookup lacks (a claimant given as text) is its own name."""
        if not entity_id:
            return None
        known = self.entities.get(entity_id)
        return known[0] if known else entity_id

    def doc(self, doc_id: str | None) -> dict[str, Any]:
        return self.docs.get(doc_id or "", {})

    def outlets(self, doc_ids: Iterable[str]) -> list[str]:
        """The outlets of these documents, each once, in order (a document without an outlet by its id)."""
        seen: dict[str, None] = {}
        for doc_id in doc_ids:
            seen.setdefault(self.doc(doc_id).get("outlet") or doc_id, None)
        return list(seen)


def story_rows(stories: Iterable[dict[str, Any]],
               events: Iterable[dict[str, Any]] | dict[str, int]) -> Iterator[dict[str, Any]]:
    """A row per story with its counts of documents and events; ``events``: the events, or their number by story
    id (``""`` for none) already counted."""
    if isinstance(events, dict):
        counts = events
    else:
        counts = {}
        for ev in events:
            counts[ev.get("story") or ""] = counts.get(ev.get("story") or "", 0) + 1
    for story in stories:
        docs = story.get("documents")
        yield {**story, "documents": len(docs) if isinstance(docs, list) else docs,
               "events": story.get("events", counts.get(story["id"], 0))}


def event_row(ev: dict[str, Any], names: Names) -> dict[str, Any]:
    """The event's contract fields, and beside them its story's title, its actors' and place's names and the
    outlets that report it."""
    return {**ev, "story_title": names.stories.get(ev.get("story") or ""),
            "actor_names": [names.entity(a) for a in ev.get("actors") or ()],
            "location_name": names.entity(ev.get("location")),
            "outlets": names.outlets(s["doc"] for s in ev.get("sources") or ())}


def entity_row(ent: dict[str, Any]) -> dict[str, Any]:
    """An entity with its aliases and how often (and in how many documents) it is mentioned. ``mentions`` may be
    the contract's list or, read from the store, a count with ``documents`` beside it."""
    mentions = ent.get("mentions") or []
    if isinstance(mentions, list):
        return {**ent, "mentions": len(mentions), "documents": len({m["doc"] for m in mentions})}
    return ent


def quote_row(quote: dict[str, Any], names: Names) -> dict[str, Any]:
    doc = names.doc(quote.get("doc"))
    return {**quote, "story": quote.get("story") or doc.get("story"), "outlet": doc.get("outlet"),
            "published": doc.get("published"), "speaker_canonical": names.entity(quote.get("speaker"))}


def ledger_row(line: dict[str, Any], figures: dict[str, dict[str, Any]], names: Names) -> dict[str, Any]:
    """A ledger line with its figures' ids, values (``about 120``, ``5 IDR``), as-of dates, claimants and outlets,
    in the line's order."""
    figs = [figures[f] for f in line.get("figures") or () if f in figures]
    return {**line, "story_title": names.stories.get(line.get("story") or ""),
            "figures": list(line.get("figures") or ()), "values": [figure_text(f) for f in figs],
            "as_of": [f.get("as_of") or "" for f in figs],
            "claimants": [names.entity(f.get("claimant")) or "" for f in figs],
            "outlets": names.outlets(f["doc"] for f in figs if f.get("doc"))}


def chronicle_names(chronicle: Any) -> Names:
    """The lookups of a whole Chronicle."""
    return Names(entities={e["id"]: (e["name"], e.get("type")) for e in chronicle.entities},
                 stories={s["id"]: s.get("title") for s in chronicle.stories},
                 docs={d.id: {"outlet": d.outlet, "title": d.title, "published": d.published, "url": d.url,
                              "story": d.story} for d in chronicle.documents})
