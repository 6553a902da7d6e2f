"""Cross-document event merging: the same event reported by several articles becomes one event.

``merge_events(docs, story_of)`` reads every document's ``doc.events`` and returns
the contract's ``events[]``: ``id`` (``V1``, ``V2``, ... in story and date order),
``story``, ``type``, ``summary``, ``date``, ``date_text``, ``precision``,
``modality``, ``actors`` (entity ids), ``location`` (an entity id or None),
``sources`` (``{doc, sentence, start, end}``, one per document that reports it), and
``background``.

Two events of one story are the same when

* they are **copies**: one document is a duplicate of the other (``duplicate_of``)
  or the event's sentence lies in a passage they share (``shared_passages``) —
  these always merge;
* or they have the same type and compatible modality (a denial is not the act it
  denies, a plan is not the deed), **compatible dates** (the same date; or one
  unknown, when they share actors or the location), and **evidence** that they are
  one: shared actors, the same location, the same figures in their sentences, or
  similar summary wording — for statements, similar wording or the same figures
  (the same people say many things). Different places, or different actors with
  dissimilar wording, keep events of the same type and day apart.

A merged event keeps at most one source per document (two events of one article are
two events), and takes its date, summary and modality from its best-dated member.
Events of documents with no story are merged with their copies only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from kronologi import langs
from kronologi.events.lexicon import lexicon
from kronologi.events.timing import bounds

SIMILAR = 0.5  # overlap of summary content words that counts as the same wording
MAX_CANDIDATES = 60  # clusters compared with a new one at most (the latest of a crowded bucket)
SIMILAR_STRONG = 0.7  # ... that outweighs different actors or an "other" type
_WORD_RE = re.compile(r"\w+")
_MODALITY_FAMILY = {"asserted": "fact", "reported": "fact", "future": "future", "hypothetical": "hypothetical",
                    "negated": "negated"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}


@dataclass
class _Item:
    """One document's event, with what comparisons read."""

    doc: str
    order: int  # the document's position in the input
    index: int  # the event's position in doc.events
    ev: dict[str, Any]
    story: str | None
    words: frozenset[str]
    actors: frozenset[str]
    place: str | None
    figures: frozenset[tuple]


class _Cluster:
    """Events taken for one: their items and what comparisons read, kept up to date as
    clusters absorb each other (they only grow)."""

    __slots__ = ("items", "docs", "actors", "places", "figures", "wordings", "best", "_seen")

    def __init__(self, item: _Item):
        self.items: list[_Item] = []
        self.docs: set[str] = set()
        self.actors: set[str] = set()
        self.places: set[str] = set()
        self.figures: set[tuple] = set()
        self.wordings: list[frozenset[str]] = []  # distinct summary wordings (copies repeat theirs)
        self._seen: set[frozenset[str]] = set()
        self.best = item
        self.add(item)

    def add(self, item: _Item) -> None:
        self.items.append(item)
        self.docs.add(item.doc)
        self.actors |= item.actors
        if item.place:
            self.places.add(item.place)
        self.figures |= item.figures
        if item.words and item.words not in self._seen:
            self._seen.add(item.words)
            self.wordings.append(item.words)
        if _rank(item) < _rank(self.best):
            self.best = item

    def absorb(self, other: _Cluster) -> None:
        for item in other.items:
            self.add(item)


def _rank(item: _Item) -> tuple:
    """The best-dated member speaks for the cluster (then the earliest document and event)."""
    return _PRECISION_RANK[item.ev.get("precision")], item.order, item.index


def merge_events(docs: Iterable[Any], story_of: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The contract's ``events[]`` for the events of ``docs`` (``story_of``: document id -> story id;
    without it, each document's ``story``)."""
    docs = list(docs)
    items = _items(docs, story_of)
    clusters = _copies(docs, items)
    clusters = _merge(clusters)
    return _records(clusters)


def _items(docs: list[Any], story_of: dict[str, str] | None) -> list[_Item]:
    out = []
    for order, doc in enumerate(docs):
        story = story_of.get(doc.id) if story_of is not None else getattr(doc, "story", None)
        stop = langs.words(doc.language, "clean", "function_words") | _saying_words(doc.language)
        for index, ev in enumerate(doc.events):
            out.append(_Item(doc.id, order, index, ev, story, _content(ev.get("summary") or "", stop),
                             _keys(doc, ev.get("actors") or ()), _key(doc, ev.get("location")),
                             _figures(doc, ev.get("sentence"))))
    return out


def _saying_words(lang: str | None) -> frozenset[str]:
    """Reporting verbs say nothing about which event it is ("mengatakan", "said")."""
    return frozenset(lexicon(lang).cues["reporting"].words())


def _content(text: str, stop: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in _WORD_RE.findall(text.lower()) if w not in stop and len(w) > 2)


def _key(doc: Any, ref: Any) -> str | None:
    """An entity id as is; a mention index as the mention's lower-cased text (before resolution)."""
    if ref is None:
        return None
    if isinstance(ref, int):
        if 0 <= ref < len(doc.mentions):
            return "m:" + " ".join(doc.mentions[ref].get("text", "").lower().split())
        return None
    return f"e:{ref}"


def _keys(doc: Any, refs: Iterable[Any]) -> frozenset[str]:
    keys = set()
    for ref in refs:
        key = _key(doc, ref)
        if key:
            keys.add(key)
            if key.startswith("m:") and " " in key:
                keys.add("m:" + key.rsplit(" ", 1)[1])  # "Kassym-Jomart Tokayev" also as "Tokayev"
    return frozenset(keys)


def _figures(doc: Any, sentence: int | None) -> frozenset[tuple]:
    figures = getattr(doc, "figures", None) or []
    return frozenset((f.get("category"), f.get("value")) for f in figures
                     if f.get("sentence") == sentence and f.get("value") is not None)


def _copies(docs: list[Any], items: list[_Item]) -> list[_Cluster]:
    """One cluster per event, with the events of copies (duplicates, shared passages) already joined."""
    parent = list(range(len(items)))
    at = {(i.doc, i.ev["type"], i.ev["trigger_start"]): n for n, i in enumerate(items)}
    by_sentence = {(i.doc, i.ev["type"], _norm(docs[i.order].text[i.ev["start"]:i.ev["end"]])): n
                   for n, i in enumerate(items)}
    for n, item in enumerate(items):
        doc = docs[item.order]
        if doc.duplicate_of:
            sentence = _norm(doc.text[item.ev["start"]:item.ev["end"]])
            other = by_sentence.get((doc.duplicate_of, item.ev["type"], sentence))
            if other is not None:
                _union(parent, n, other)
        for passage in getattr(doc, "shared_passages", None) or []:
            if passage.start <= item.ev["trigger_start"] < passage.end:
                pos = passage.other_start + item.ev["trigger_start"] - passage.start
                other = at.get((passage.doc, item.ev["type"], pos))
                if other is not None:
                    _union(parent, n, other)
    groups: dict[int, _Cluster] = {}
    for n, item in enumerate(items):
        root = _find(parent, n)
        if root in groups:
            groups[root].add(item)
        else:
            groups[root] = _Cluster(item)
    return list(groups.values())


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))


def _find(parent: list[int], n: int) -> int:
    while parent[n] != n:
        parent[n] = parent[parent[n]]
        n = parent[n]
    return n


def _union(parent: list[int], a: int, b: int) -> None:
    parent[_find(parent, a)] = _find(parent, b)


def _merge(clusters: list[_Cluster]) -> list[_Cluster]:
    """Greedy: best-dated clusters first, each joins the most similar compatible cluster before it.

    Candidates come from an index: a dated event meets the events of its story and type on
    the same date, and the undated ones sharing an actor or its place; an undated event meets
    those sharing an actor or place, whatever their date. A large story costs comparisons
    within those buckets only; events of no story stay apart."""
    ordered = sorted(clusters, key=lambda c: _rank(c.best))
    out: list[_Cluster] = []
    index: dict[tuple, list[int]] = {}
    for cluster in ordered:
        if cluster.best.story is None:
            out.append(cluster)
            continue
        scored = [(_score(cluster, out[k]), k) for k in _candidates(cluster, index)]
        scored = [(s, k) for s, k in scored if s > 0]
        if scored:
            target = max(scored)[1]
        else:
            out.append(cluster)
            target = len(out) - 1
        # a cluster never changes its best (it is the first and best-ranked), so neither its date
        for key in _index_keys(out[target].best, cluster.actors | cluster.places):
            index.setdefault(key, []).append(target)
        if out[target] is not cluster:
            out[target].absorb(cluster)
    return out


def _index_keys(best: _Item, keys: set[str]) -> set[tuple]:
    head = (best.story, best.ev["type"])
    out = {head + ("key", k) for k in keys}
    date = best.ev.get("date")
    if date is not None:
        out.add(head + ("date", date))
    else:
        out |= {head + ("undated", k) for k in keys}
    return out


def _candidates(cluster: _Cluster, index: dict[tuple, list[int]]) -> list[int]:
    best = cluster.best
    head = (best.story, best.ev["type"])
    keys = cluster.actors | cluster.places
    date = best.ev.get("date")
    if date is not None:
        lookups = {head + ("date", date)} | {head + ("undated", k) for k in keys}
    else:
        lookups = {head + ("key", k) for k in keys}
    found = sorted({k for key in lookups for k in index.get(key, ())})
    return found[-MAX_CANDIDATES:]  # the latest clusters of a crowded bucket: a bound on the work


def _score(a: _Cluster, b: _Cluster) -> float:
    """How surely two clusters are one event (0: not the same)."""
    x, y = a.best, b.best
    if x.story != y.story or x.ev["type"] != y.ev["type"] or not a.docs.isdisjoint(b.docs):
        return 0.0
    if _MODALITY_FAMILY.get(x.ev["modality"]) != _MODALITY_FAMILY.get(y.ev["modality"]):
        return 0.0
    actors = a.actors & b.actors
    same_place = not a.places.isdisjoint(b.places)
    if a.places and b.places and not same_place:
        return 0.0
    if not _dates_fit(x.ev, y.ev, bool(actors) or same_place):
        return 0.0
    similarity = max((_overlap(i, j) for i in a.wordings for j in b.wordings), default=0.0)
    figures = not a.figures.isdisjoint(b.figures)
    if not _enough(x.ev["type"], similarity, figures, bool(actors), bool(a.actors and b.actors)):
        return 0.0
    return len(actors) + same_place + figures + (similarity if similarity >= SIMILAR else 0.0)


def _enough(type_: str, similarity: float, figures: bool, shared_actors: bool, both_have_actors: bool) -> bool:
    """Evidence rules by type: people who speak a lot say many things (a saying needs its words or
    its figures); an "other" event needs close wording; different actors need close wording."""
    if type_ == "statement" and similarity < SIMILAR and not figures:
        return False
    if type_ == "other" and similarity < SIMILAR_STRONG:
        return False
    return not (both_have_actors and not shared_actors and similarity < SIMILAR_STRONG)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _dates_fit(x: dict[str, Any], y: dict[str, Any], shared: bool) -> bool:
    """The same date, or one unknown with shared actors or place. (A day and the week around it
    stay apart: each source keeps the date its own sentence gives.)"""
    if x.get("date") is None or y.get("date") is None:
        return shared
    return x["date"] == y["date"]


def _records(clusters: list[_Cluster]) -> list[dict[str, Any]]:
    records = [_record(c) for c in clusters]
    records.sort(key=_order)
    for n, rec in enumerate(records, 1):
        rec["id"] = f"V{n}"
    return [{"id": r.pop("id"), **{k: v for k, v in r.items() if not k.startswith("_")}} for r in records]


def _record(cluster: _Cluster) -> dict[str, Any]:
    best = cluster.best
    ev = best.ev
    sources, seen = [], set()
    for item in sorted(cluster.items, key=lambda i: (i.order, i.index)):
        if item.doc not in seen:
            seen.add(item.doc)
            sources.append({"doc": item.doc, "sentence": item.ev["sentence"], "start": item.ev["start"],
                            "end": item.ev["end"]})
    actors = sorted({a for i in cluster.items for a in i.ev.get("actors") or () if isinstance(a, str)})
    places = [i.ev.get("location") for i in sorted(cluster.items, key=lambda i: i is not best)
              if isinstance(i.ev.get("location"), str)]
    return {"id": None, "story": best.story, "type": ev["type"], "summary": ev.get("summary"),
            "date": ev.get("date"), "date_text": ev.get("date_text"), "precision": ev.get("precision"),
            "modality": ev.get("modality"), "actors": actors, "location": places[0] if places else None,
            "sources": sources, "background": bool(ev.get("background")),
            "_first": (min(i.order for i in cluster.items), ev["sentence"])}


def _order(rec: dict[str, Any]) -> tuple:
    start = bounds(rec["date"], rec["precision"])[0].isoformat() if rec["date"] else "9999"
    return (rec["story"] is None, str(rec["story"] or ""), rec["date"] is None, start,
            _PRECISION_RANK[rec["precision"]], rec["_first"])
