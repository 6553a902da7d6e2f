"""The ledger and the events pass on parts of a corpus: how to cut it, and how to gather.

Once stories and entities are known, every figure, quote, ledger line and event belongs to
one story, so these two passes (``kronologi.build.story_passes``) can run on groups of stories
apart (Ray tasks on the ray engine, ``kronologi.ray_engine.run_story_parts``) and be gathered
into what one run over the whole corpus gives. What makes that exact:

* a part holds whole *units*: a story, together with every story a copy links it to (a
  duplicate, a shared passage: the ledger's origins and the events pass's copies read both
  documents); documents of no story are one unit;
* what the passes read from the whole corpus is computed once, in the driver, over every
  document: the claimants' canonical names (``names``), who speaks for which body
  (``speakers_bodies``) and the quotation shingles too common to tell one statement
  (``kronologi.events.merge.common_quote_shingles``: a shingle more sentences of the corpus quote
  than ``QUOTE_COMMON``; every part skips the same ones, so no part finds a relayed quotation the
  whole run does not);
* ``gather`` orders and numbers the parts' records as one run does: figures and quotes in
  their documents' input order, ledger lines by story (as text) then each part's own order,
  renumbered ``ledger-N`` (their ``part_of`` with them), events by story (no story last)
  then each part's own order, renumbered ``V1``.... Within a story, a part's run gives the
  same records in the same order as the whole run: every sort key the passes use compares
  records of one story, and documents keep their relative input order in a part.

Before the common shingles were read from the whole corpus, the stories sharing one had to be one
unit: on 21,980 click-id articles that made one part of 15,536 documents, and the pool's second
process had little to do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Hashable

from kronologi.document import Document

_NO_STORY = "\0no story"  # the unit of documents without a story (no story id is text starting with NUL)


@dataclass
class StoryPasses:
    """What the ledger and the events pass give for some documents (``kronologi.build.story_passes``)."""

    figures: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    ledger: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    redated: dict[str, dict[str, Any]] = field(default_factory=dict)  # by document key (``date_from_series``)
    redone: list[Document] = field(default_factory=list)  # the redated documents, as the dated steps left them
    read: list[str] = field(default_factory=list)  # the ids of the documents the passes were given


def speakers_bodies(docs: Iterable[Document]) -> dict[str, set[str]]:
    """Who speaks for which body, read from every document as the events pass reads it from those it
    is given (``events.merge``: an organisation's names, then each article's titles before a person)."""
    from kronologi.events.merge import _affiliations, _bodies_by_name

    docs = list(docs)
    known = _bodies_by_name(docs)
    bodies: dict[str, set[str]] = {}
    for doc in docs:
        for person, found in _affiliations(doc, known).items():
            bodies.setdefault(person, set()).update(found)
    return bodies


# --- parts --------------------------------------------------------------------------------

def story_parts(docs: Sequence[Document], max_docs: int) -> list[list[Document]]:
    """``docs`` in parts of whole units (see the module), each of at most ``max_docs`` documents unless one
    unit alone is larger; documents in input order within a part, the largest parts first."""
    units = _units(docs)
    sizes: dict[Hashable, int] = defaultdict(int)
    for doc in docs:
        sizes[units[_story_key(doc)]] += 1
    parts = partition(sizes, max_docs)
    part_of = {unit: n for n, part in enumerate(parts) for unit in part}
    out: list[list[Document]] = [[] for _ in parts]
    for doc in docs:
        out[part_of[units[_story_key(doc)]]].append(doc)
    return out


def partition(sizes: dict[Hashable, int], max_docs: int) -> list[list[Hashable]]:
    """Units (``{unit: documents}``, in a stable order) packed into parts of at most ``max_docs``
    documents, first fit, the largest units first (ties: in order); a unit larger than the bound is a
    part of its own. Every unit is in exactly one part; the same sizes give the same parts, largest first."""
    order = sorted(sizes, key=lambda u: -sizes[u])  # stable: equal sizes keep their order
    parts: list[list[Hashable]] = []
    room: list[int] = []
    for unit in order:
        size = sizes[unit]
        fit = next((n for n, left in enumerate(room) if size <= left), None)
        if fit is None:
            parts.append([unit])
            room.append(max_docs - size)
        else:
            parts[fit].append(unit)
            room[fit] -= size
    filled = [max_docs - left for left in room]
    return [parts[n] for n in sorted(range(len(parts)), key=lambda n: -filled[n])]


def _story_key(doc: Document) -> str:
    return doc.story if doc.story else _NO_STORY


def _units(docs: Sequence[Document]) -> dict[str, str]:
    """Each story (``_NO_STORY`` for documents of none) -> its unit: the first story, in input order, of the
    stories joined to it by copies."""
    parent: dict[str, str] = {}
    for doc in docs:
        parent.setdefault(_story_key(doc), _story_key(doc))

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=rank.__getitem__)
            parent[second] = first

    rank = {story: n for n, story in enumerate(parent)}
    story_of = {d.id: _story_key(d) for d in docs}
    for doc in docs:
        for other in {p.doc for p in doc.shared_passages} | ({doc.duplicate_of} if doc.duplicate_of else set()):
            if other in story_of:
                join(story_of[doc.id], story_of[other])
    return {story: root(story) for story in parent}


# --- gathering ---------------------------------------------------------------------------

def gather(results: Iterable[StoryPasses], docs: Sequence[Document]) -> StoryPasses:
    """The parts' records as one run over ``docs`` gives them: ordered and numbered (see the module)."""
    results = list(results)
    position = {d.id: n for n, d in enumerate(docs)}
    out = StoryPasses()
    out.figures = sorted((f for r in results for f in r.figures), key=lambda f: position[f["doc"]])
    out.quotes = sorted((q for r in results for q in r.quotes), key=lambda q: position[q["doc"]])
    rows = sorted(((n, row) for n, r in enumerate(results) for row in r.ledger),
                  key=lambda item: str(item[1]["story"] or ""))  # stable: a story's rows are one part's, in order
    renamed = {(n, row["id"]): f"ledger-{k}" for k, (n, row) in enumerate(rows, 1)}
    for n, row in rows:
        row["id"] = renamed[(n, row["id"])]
        if row.get("part_of"):
            row["part_of"] = sorted(renamed[(n, p)] for p in row["part_of"])
    out.ledger = [row for _, row in rows]
    out.events = sorted((ev for r in results for ev in r.events),
                        key=lambda ev: (ev["story"] is None, str(ev["story"] or "")))
    for k, ev in enumerate(out.events, 1):
        ev["id"] = f"V{k}"
    key_position = {d.key: n for n, d in enumerate(docs)}
    out.redated = dict(sorted(((key, decision) for r in results for key, decision in r.redated.items()),
                              key=lambda item: key_position[item[0]]))
    out.redone = sorted((d for r in results for d in r.redone), key=lambda d: position[d.id])
    out.read = [d.id for d in docs]
    return out
