"""Incremental corpus passes: a build reuses what its new documents do not touch.

Why this is sound: events are merged only within a story (copies aside: a duplicate or a
shared passage joins reports across stories), the ledger groups figures by story, and a
story's summary reads its own articles. So a story whose documents did not change — the
same documents, in the same relative order, with the same decisions of the global passes
(duplicates, shared passages, dates, the story, each mention's entity) — gets from a
fresh run exactly what the previous build gave it, up to the numbering of entities,
events and ledger lines. Its records are taken from the store's cache; only the touched
stories (and the stories linked to them by copies) go through the ledger and the events
pass; then every id is numbered as a fresh build numbers it:

* events ``V1..`` in story order (stories by their id as text, events of no story last), then
  the events pass's own order within a story;
* ledger lines ``ledger-1..`` in story order (no story first), then the ledger's own order;
* figures and quotes in input order of their documents (their ids are per document);
* entity ids mapped from the previous build's numbering to this one's through their mentions.

Duplicates, stories and entities remain global passes (they compare every document with the
others); this module saves the ledger, the events pass and the summaries, and, when nothing is
new (the same inputs, pipeline and code), every corpus pass: the chronicle is rebuilt from the
cache. The cache (table ``corpus_cache``) is written in the transaction that writes the
chronicle tables and is used only while it belongs to the chronicle now in them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronologi.chronicle import Chronicle
from kronologi.claims.ledger import _alias_key, claimant_names
from kronologi.document import Document, Rejection, SharedPassage

log = logging.getLogger(__name__)

CACHE_VERSION = "1"
# What the corpus passes change on a document that the chronicle's documents show (``document_record``).
OVERLAY = ("published", "published_basis", "observed", "story", "duplicate_of", "duplicate_kind",
           "shared_passages", "times", "steps", "failures")


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the installed package (code, language packs, the summary model; the NER model's large
    files by size): results cached by another Kronologi are not reused."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        size = path.stat().st_size
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if size < 2_000_000 else str(size).encode())
    return digest.hexdigest()[:20]


def input_fingerprint(docs: Iterable[Document], signature: str) -> str:
    """The build's inputs as the corpus passes see them: each document's id, content key and path, in order."""
    digest = hashlib.sha256(f"{CACHE_VERSION}\0{code_digest()}\0{signature}\n".encode())
    for doc in docs:
        digest.update(f"{doc.id}\0{doc.key}\0{doc.source_path}\n".encode())
    return digest.hexdigest()[:32]


def doc_fingerprint(doc: Document, signature: str) -> str:
    """What the per-story passes read of a document, but for its mentions' entity ids (compared apart)."""
    mentions = [{k: v for k, v in m.items() if k != "entity"} for m in doc.mentions]
    parts = [doc.id, doc.key, doc.source_path, signature, doc.published, doc.published_basis, doc.story,
             doc.duplicate_of, doc.duplicate_kind, [vars(p) for p in doc.shared_passages], mentions]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:24]


def _links(doc: Document) -> set[str]:
    """The documents this one copies from (a duplicate's original, shared passages)."""
    return {p.doc for p in doc.shared_passages} | ({doc.duplicate_of} if doc.duplicate_of else set())


# --- the cache in the store ----------------------------------------------------------------------

def _read(db: sqlite3.Connection, kind: str) -> dict[str, Any]:
    return {key: json.loads(data) for key, data in
            db.execute("SELECT key, data FROM corpus_cache WHERE kind = ?", (kind,))}


def _write(db: sqlite3.Connection, kind: str, rows: dict[str, Any]) -> None:
    db.executemany("INSERT INTO corpus_cache VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data",
                   [(kind, key, json.dumps(rows[key], ensure_ascii=False)) for key in sorted(rows)])


def _delete(db: sqlite3.Connection, kind: str, keys: Iterable[str]) -> None:
    db.executemany("DELETE FROM corpus_cache WHERE kind = ? AND key = ?", [(kind, k) for k in sorted(keys)])


@dataclass
class Previous:
    """The cache of the build whose chronicle the store holds."""

    build: dict[str, Any]
    docs: dict[str, dict[str, Any]]
    stories: dict[str, dict[str, Any]]
    entities: list[dict[str, Any]]


def current_build(db: sqlite3.Connection) -> dict[str, Any] | None:
    """The cache's row for the build whose chronicle the tables hold, if this Kronologi wrote it; else None."""
    build = _read(db, "build").get("last")
    row = db.execute("SELECT run FROM chronicle").fetchone()
    if build is None or row is None or build.get("run") != row[0]:
        return None
    if build.get("version") != CACHE_VERSION or build.get("code") != code_digest():
        return None
    return build


def nothing_new(db: sqlite3.Connection, read: str) -> tuple[int, list[Rejection]] | None:
    """When the chronicle in the tables was built from exactly the documents whose ``input_fingerprint`` is
    ``read`` (as read, before the per-document steps: the same ids, contents and paths, in the same order),
    by this pipeline and this Kronologi: its run, and the documents its per-document steps dropped (rejected
    with their reasons); else None. A build then keeps that chronicle as it is (``kept``) without loading a
    document or the cache: the steps and the corpus passes are deterministic, so they would give it again."""
    build = current_build(db)
    if build is None or build.get("read") != read:
        return None
    return build["run"], [Rejection(path, reason) for path, reason in build.get("dropped", ())]


def inputs(read: str, dropped: list[Rejection]) -> dict[str, Any]:
    """What the build row keeps of a build's inputs for ``nothing_new``: the documents as read
    (``input_fingerprint``) and the ones the per-document steps dropped, with their reasons. Given to
    ``saver``'s function or to ``kept`` as ``inputs``."""
    return {"read": read, "dropped": [[r.source_path, r.reason] for r in dropped]}


def read_previous(db: sqlite3.Connection) -> Previous | None:
    """The cache, if it belongs to the chronicle in the tables and to this Kronologi; else None."""
    build = current_build(db)
    if build is None:
        return None
    entities = _read(db, "entities").get("all")
    if entities is None:
        return None
    return Previous(build, _read(db, "doc"), _read(db, "story"), entities)


# --- which stories a build touches -----------------------------------------------------------------

@dataclass
class Plan:
    """The stories this build recomputes, and the entity ids of the previous build mapped to this one's."""

    touched: set[str | None]
    reused: set[str]
    entity_map: dict[str, str]
    fingerprints: dict[str, str]
    docs: list[Document] = field(default_factory=list)  # the documents of the touched stories, input order


def plan(previous: Previous | None, docs: list[Document], entities: list[dict], signature: str) -> Plan:
    """Touched stories: new ones, ones whose documents or their decisions changed, ones whose entities
    changed, and every story linked to one of these by a copy (before or now)."""
    fps = {d.id: doc_fingerprint(d, signature) for d in docs}
    by_story: dict[str | None, list[Document]] = defaultdict(list)
    for doc in docs:
        by_story[doc.story].append(doc)
    if previous is None:
        return Plan(set(by_story), set(), {}, fps, list(docs))
    mapping, changed = _entity_map(previous.entities, entities)
    alias_keys, alias_entities = _alias_changes(previous.entities, entities, mapping)
    new_mentions = _mentions_by_doc(docs)
    old_mentions = _old_mentions_by_doc(previous.entities)
    touched: set[str | None] = {None} if None in by_story else set()
    for sid, members in by_story.items():
        cached = previous.stories.get(sid) if sid is not None else None
        why = "new" if cached is None else "documents" if cached["docs"] != [[d.id, fps[d.id]] for d in members] \
            else "mentions" if not _same_entities(members, old_mentions, new_mentions, mapping, changed) \
            else "entities" if not _same_references(cached, mapping, changed, alias_keys, alias_entities) else None
        if why:
            log.debug("story %s touched: %s", sid, why)
            touched.add(sid)
    direct = len(touched)
    touched = _close(touched, docs, previous, set(by_story))
    log.debug("%d stories touched, %d more through copies", direct, len(touched) - direct)
    reused = {sid for sid in by_story if sid not in touched}
    work = [d for d in docs if d.story in touched]
    log.info("corpus passes: %d of %d stories touched (%d documents), %d reused",
             len(touched), len(by_story), len(work), len(reused))
    return Plan(touched, reused, mapping, fps, work)


def _entity_map(old: list[dict], new: list[dict]) -> tuple[dict[str, str], set[str]]:
    """Previous entity id -> this build's, through the mentions both builds hold; and the previous
    ids that cannot be mapped one to one, or whose name or type changed."""
    new_of = {(m["doc"], m["start"], m["end"]): e["id"] for e in new for m in e["mentions"]}
    new_by_id = {e["id"]: e for e in new}
    targets: dict[str, set[str]] = defaultdict(set)
    for e in old:
        for m in e["mentions"]:
            target = new_of.get((m["doc"], m["start"], m["end"]))
            if target is not None:
                targets[e["id"]].add(target)
    mapping = {e: next(iter(t)) for e, t in targets.items() if len(t) == 1}
    sources: dict[str, list[str]] = defaultdict(list)
    for e, t in mapping.items():
        sources[t].append(e)
    changed = {e["id"] for e in old} - set(mapping)
    changed |= {e for t, es in sources.items() if len(es) > 1 for e in es}
    changed |= {e["id"] for e in old if e["id"] in mapping and
                (new_by_id[mapping[e["id"]]]["name"], new_by_id[mapping[e["id"]]].get("type")) !=
                (e["name"], e.get("type"))}
    return mapping, changed


def _alias_changes(old: list[dict], new: list[dict], mapping: dict[str, str]) -> tuple[set[str], set[str]]:
    """Alias keys the ledger reads for claimants (``claimant_names``) that now name another entity, or
    none, or one where none was; and the previous entities those keys named."""
    before = {k: v for k, v in claimant_names(old).items() if k.startswith("alias:")}
    after = {k: v for k, v in claimant_names(new).items() if k.startswith("alias:")}
    keys = {k for k in before.keys() | after.keys() if after.get(k) != mapping.get(before.get(k, ""), None)
            or (k in before) != (k in after)}
    return keys, {before[k] for k in keys if k in before}


def _mentions_by_doc(docs: list[Document]) -> dict[str, list[tuple]]:
    return {d.id: sorted((m["start"], m["end"], m["entity"]) for m in d.mentions if m.get("entity")) for d in docs}


def _old_mentions_by_doc(entities: list[dict]) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    for e in entities:
        for m in e["mentions"]:
            out[m["doc"]].append((m["start"], m["end"], e["id"]))
    return {doc: sorted(ms) for doc, ms in out.items()}


def _same_entities(members: list[Document], old: dict, new: dict, mapping: dict[str, str], changed: set[str]) -> bool:
    """Every mention of the story's documents names the same entity as before (renumbered at most)."""
    for doc in members:
        before, now = old.get(doc.id, []), new[doc.id]
        if len(before) != len(now):
            return False
        for (s, e, ent), (s2, e2, ent2) in zip(before, now):
            if (s, e) != (s2, e2) or ent in changed or mapping.get(ent) != ent2:
                return False
    return True


def _same_references(cached: dict, mapping: dict[str, str], changed: set[str], alias_keys: set[str],
                     alias_entities: set[str]) -> bool:
    """The entities the story's records name are unchanged, and no claimant of its figures would now
    be read as another entity through an alias."""
    for ref in _references(cached):
        if ref in changed or ref not in mapping:
            return False
    for fig in cached["figures"]:
        ent = fig.get("claimant_entity")
        if ent in alias_entities or (not ent and fig.get("claimant") and _alias_key(fig["claimant"]) in alias_keys):
            return False
    return True


def _references(records: dict) -> Iterable[str]:
    for ev in records["events"]:
        yield from ev.get("actors") or ()
        if ev.get("location"):
            yield ev["location"]
    for fig in records["figures"]:
        if fig.get("claimant_entity"):
            yield fig["claimant_entity"]
    for q in records["quotes"]:
        if isinstance(q.get("speaker"), str):
            yield q["speaker"]


def _close(touched: set[str | None], docs: list[Document], previous: Previous, present: set) -> set[str | None]:
    """Add every story linked to a touched one by a copy, now or in the previous build (its events and
    figures' origins read the other story's documents)."""
    story_of = {d.id: d.story for d in docs}
    edges: dict[Any, set] = defaultdict(set)
    for doc in docs:
        for other in _links(doc):
            if other in story_of and story_of[other] != doc.story:
                edges[doc.story].add(story_of[other])
                edges[story_of[other]].add(doc.story)
    for sid, cached in previous.stories.items():
        for other in cached.get("linked", ()):
            edges[sid].add(other)
            edges[other].add(sid)
    todo, seen = list(touched), set(touched)
    while todo:
        for other in edges.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return {s for s in seen if s in present}


# --- the chronicle: fresh records of touched stories, cached ones of the others --------------------

def assemble(chronicle: Chronicle, the_plan: Plan, previous: Previous | None) -> dict[Any, dict]:
    """Put the reused stories' records (and summaries) into ``chronicle``, which holds the touched
    stories' fresh ones, and number everything as a fresh build does. Return the records by story."""
    stories = _split(chronicle)
    for sid in the_plan.reused:
        stories[sid] = _remap(previous.stories[sid], the_plan.entity_map)
    for record in chronicle.stories:
        if record["id"] in the_plan.reused:
            record["summary"] = previous.stories[record["id"]].get("summary")
    _number(chronicle, stories)
    return stories


def _split(chronicle: Chronicle) -> dict[str, dict]:
    """The chronicle's records, by story (quotes by their document's story)."""
    story_of = {d.id: d.story for d in chronicle.documents}
    out: dict[str, dict] = defaultdict(lambda: {"events": [], "figures": [], "quotes": [], "ledger": []})
    for ev in chronicle.events:
        out[ev["story"]]["events"].append(ev)
    for fig in chronicle.figures:
        out[fig["story"]]["figures"].append(fig)
    for q in chronicle.quotes:
        out[story_of.get(q["doc"])]["quotes"].append(q)
    for row in chronicle.ledger:
        out[row["story"]]["ledger"].append(row)
    return dict(out)


def _remap(cached: dict, mapping: dict[str, str]) -> dict:
    """A cached story's records with the previous build's entity ids replaced by this build's."""
    def ent(x):
        return mapping.get(x, x) if isinstance(x, str) else x

    events = [{**ev, "actors": sorted(ent(a) for a in ev.get("actors") or ()), "location": ent(ev.get("location"))}
              for ev in cached["events"]]
    figures = [{**f, "claimant_entity": ent(f["claimant_entity"])} if f.get("claimant_entity") else f
               for f in cached["figures"]]
    quotes = [{**q, "speaker": ent(q["speaker"])} if isinstance(q.get("speaker"), str) else q
              for q in cached["quotes"]]
    return {"events": events, "figures": figures, "quotes": quotes, "ledger": [dict(r) for r in cached["ledger"]],
            "summary": cached.get("summary")}


def _number(chronicle: Chronicle, stories: dict[Any, dict]) -> None:
    """Events, figures, quotes and ledger lines in a fresh build's order, with its ids."""
    events = [ev for sid in sorted(stories, key=lambda s: (s is None, str(s or ""))) for ev in stories[sid]["events"]]
    for n, ev in enumerate(events, 1):
        ev["id"] = f"V{n}"
    chronicle.events = [{"id": ev["id"], **{k: v for k, v in ev.items() if k != "id"}} for ev in events]
    ledger = []
    for sid in sorted(stories, key=lambda s: str(s or "")):
        rows = stories[sid]["ledger"]
        renamed = {row["id"]: f"ledger-{len(ledger) + i + 1}" for i, row in enumerate(rows)}
        for row in rows:
            row["id"] = renamed[row["id"]]
            if row.get("part_of"):
                row["part_of"] = sorted(renamed.get(p, p) for p in row["part_of"])
        ledger += rows
    chronicle.ledger = ledger
    order = {d.id: i for i, d in enumerate(chronicle.documents)}
    for name in ("figures", "quotes"):
        records = [r for s in stories.values() for r in s[name]]
        records.sort(key=lambda r: order.get(r["doc"], len(order)))  # stable: each document's own order kept
        setattr(chronicle, name, records)


# --- writing the cache -------------------------------------------------------------------------------

def saver(previous: Previous | None, the_plan: Plan, stories: dict[Any, dict], chronicle: Chronicle,
          fingerprint: str) -> Callable[[sqlite3.Connection], None]:
    """``then`` for ``Store.put_chronicle``: write what changed in the cache, and the build row naming
    the run of the chronicle written in the same transaction."""
    def save(db: sqlite3.Connection, inputs: dict[str, Any] | None = None) -> None:
        run = db.execute("SELECT run FROM chronicle").fetchone()[0]
        old_docs = previous.docs if previous else {}
        fps = the_plan.fingerprints
        _write(db, "doc", {d.id: {"fp": fps[d.id], "overlay": _overlay(d)} for d in chronicle.documents
                           if old_docs.get(d.id, {}).get("fp") != fps[d.id]})
        _delete(db, "doc", set(old_docs) - {d.id for d in chronicle.documents})
        members: dict[Any, list[Document]] = defaultdict(list)
        for d in chronicle.documents:
            members[d.story].append(d)
        linked = _linked(chronicle.documents)
        rows = {}
        for record in chronicle.stories:
            sid, records = record["id"], stories.get(record["id"], _EMPTY)
            if sid in the_plan.touched or _renumbered(previous.stories[sid], records):
                rows[sid] = {**{k: records[k] for k in _EMPTY}, "summary": record.get("summary"),
                             "docs": [[d.id, fps[d.id]] for d in members[sid]], "linked": sorted(linked.get(sid, ()))}
        _write(db, "story", rows)
        _delete(db, "story", set(previous.stories if previous else ()) - {r["id"] for r in chronicle.stories})
        _write(db, "entities", {"all": chronicle.entities})
        _write(db, "build", {"last": {"run": run, "version": CACHE_VERSION, "code": code_digest(),
                                      "fingerprint": fingerprint, "stories": chronicle.stories, **(inputs or {})}})
    return save


_EMPTY: dict[str, list] = {"events": [], "figures": [], "quotes": [], "ledger": []}


def _renumbered(cached: dict, records: dict) -> bool:
    """Whether a reused story's entity ids changed (its cached rows must then be written again)."""
    return list(_references(cached)) != list(_references(records))


def _linked(docs: list[Document]) -> dict[str, set[str]]:
    story_of = {d.id: d.story for d in docs}
    out: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for other in _links(doc):
            if story_of.get(other, doc.story) != doc.story and doc.story and story_of[other]:
                out[doc.story].add(story_of[other])
                out[story_of[other]].add(doc.story)
    return out


def _overlay(doc: Document) -> dict[str, Any]:
    out = {name: getattr(doc, name) for name in OVERLAY}
    out["shared_passages"] = [vars(p) for p in doc.shared_passages]
    return out


class Stale(Exception):
    """The chronicle a build found its inputs unchanged against was replaced (by another build on the same
    store) before this build could keep it."""


def kept(db: sqlite3.Connection, since: int | None = None, inputs: dict[str, Any] | None = None) -> None:
    """``then`` for ``Store.keep_chronicle``: the cache goes on belonging to the chronicle, which now names
    this run (a build after one that found nothing new reuses it as well), with this build's ``inputs``.
    ``since``: the run of the chronicle the build compared its inputs with; ``Stale`` (the transaction rolls
    back) when the tables held another."""
    build = _read(db, "build")["last"]
    if since is not None and build.get("run") != since:
        raise Stale(f"the store's chronicle changed from run {since} to {build.get('run')} during this build")
    build.update(run=db.execute("SELECT run FROM chronicle").fetchone()[0], **(inputs or {}))
    _write(db, "build", {"last": build})


def unchanged(previous: Previous | None, docs: list[Document], fingerprint: str) -> Chronicle | None:
    """The previous chronicle, when this build's inputs are the previous build's: the corpus passes'
    decisions put back on the documents, the records taken from the cache."""
    if previous is None or previous.build.get("fingerprint") != fingerprint:
        return None
    records = previous.build["stories"]
    if any(d.id not in previous.docs or previous.docs[d.id]["overlay"]["story"] is None for d in docs) \
            or any(r["id"] not in previous.stories for r in records):
        return None
    for doc in docs:
        overlay = previous.docs[doc.id]["overlay"]
        for name in OVERLAY:
            setattr(doc, name, overlay[name])
        doc.shared_passages = [SharedPassage(**p) for p in overlay["shared_passages"]]
    chronicle = Chronicle(documents=docs, stories=records, entities=previous.entities)
    _number(chronicle, {r["id"]: _remap(previous.stories[r["id"]], {}) for r in records})
    return chronicle
