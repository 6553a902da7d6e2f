"""What changed since the last build: the previous chronicle against the new one.

Chronicle ids (``V1``, ``S1``, ``ledger-1``, ``doc#f1``) are renumbered by every build,
and a document's id can change with the inputs beside it, so the comparison keys
things by what stays put: a document by its content hash (``Document.key``), an
event by the sentences that report it (document key, sentence), a figure by its
document key and offsets, a story by its documents.

``compare`` returns the plain dict written as ``changes.json`` (and, row by row,
into the store's ``changes`` table):

* ``new_events``: events none of whose sentences reported an event before
  (``change: "new"``), and events that gained reports (``"sources_added"``);
* ``updated_figures``: per ledger line, the figures that are new on it
  (``change: "new_value"`` when the line held figures before, ``"new_quantity"`` when
  the line is new);
* ``new_contradictions`` and ``new_retractions``: per ledger line, figures whose
  relation became a contradiction, or that became withdrawn (status retracted or
  denied, relation retraction), new figures included;
* ``new_stories`` (none of their documents was in a story before) and
  ``merged_stories`` (they hold documents of two or more earlier stories).

A first build (nothing to compare with) finds everything new: ``counts`` says how
much, and each list keeps only its first ``FIRST_BUILD_ITEMS`` items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kronologi.chronicle import Chronicle

FIRST_BUILD_ITEMS = 10  # items kept per list when everything is new
LISTS = ("new_events", "updated_figures", "new_contradictions", "new_retractions", "new_stories", "merged_stories")
LISTS = ("new_events", "updated_figures", "new_contradictions", "new_retractions", "new_stories", "merged_stories")
WITHDRAWN = ("retracted", "denied")

SourceKey = tuple[str, Any]  # (document key, sentence)
FigureKey = tuple[str, Any, Any]  # (document key, start, end)


@dataclass
class FigureState:
    value: str  # as a reader writes it
    status: str | None
    relation: str | None

    @property
    def contradiction(self) -> bool:
        return self.relation == "contradiction"

    @property
    def withdrawn(self) -> bool:
        return self.status in WITHDRAWN or self.relation == "retraction"


@dataclass
class Snapshot:
    """A chronicle reduced to its stable keys: what ``compare`` needs of the previous build."""

    run: int | None = None
    events: dict[SourceKey, str] = field(default_factory=dict)  # reporting sentence -> event id
    figures: dict[FigureKey, FigureState] = field(default_factory=dict)
    stories: dict[str, tuple[str | None, frozenset[str]]] = field(default_factory=dict)  # id -> (title, doc keys)

    def story_of(self) -> dict[str, str]:
        """Document key -> the story that held it."""
        return {key: sid for sid, (_, keys) in self.stories.items() for key in keys}


def snapshot(chronicle: Chronicle, run: int | None = None) -> Snapshot:
    """The stable keys of ``chronicle`` (what a later build compares against)."""
    key_of = {d.id: d.key for d in chronicle.documents}
    snap = Snapshot(run=run)
    for ev in chronicle.events:
        for src in ev.get("sources") or ():
            snap.events.setdefault((key_of.get(src["doc"], src["doc"]), src.get("sentence")), ev["id"])
    for fig in chronicle.figures:
        snap.figures[_figure_key(fig, key_of)] = figure_state(fig)
    for story in chronicle.stories:
        snap.stories[story["id"]] = (story.get("title"), frozenset(key_of.get(d, d) for d in story.get("documents") or ()))
    return snap


def figure_state(fig: dict[str, Any]) -> FigureState:
    return FigureState(value_text(fig), fig.get("status"), fig.get("relation"))


def compare(old: Snapshot | None, chronicle: Chronicle, run: int | None = None) -> dict[str, Any]:
    """What ``chronicle`` holds that ``old`` did not; ``old=None`` for a first build."""
    key_of = {d.id: d.key for d in chronicle.documents}
    before = old or Snapshot()
    ledger = _Ledger(chronicle, key_of)
    lists = {
        "new_events": _new_events(before, chronicle, key_of),
        "updated_figures": _updated_figures(before, ledger),
        "new_contradictions": _newly(before, ledger, "contradiction"),
        "new_retractions": _newly(before, ledger, "withdrawn"),
        "new_stories": _new_stories(before, chronicle, key_of),
        "merged_stories": _merged_stories(before, chronicle, key_of),
    }
    return _changes(before.run, run, old is None, chronicle.generated_at, lists)


def nothing_new(since: int | None, run: int | None, generated_at: str | None) -> dict[str, Any]:
    """What ``compare`` gives for a chronicle equal to the one it replaces, without reading either."""
    return _changes(since, run, False, generated_at, {name: [] for name in LISTS})


def _changes(since: int | None, run: int | None, first: bool, generated_at: str | None,
             lists: dict[str, list]) -> dict[str, Any]:
    out: dict[str, Any] = {"since": since, "run": run, "first_build": first, "generated_at": generated_at,
                           "counts": {name: len(lists[name]) for name in LISTS}}
    for name in LISTS:
        out[name] = lists[name][:FIRST_BUILD_ITEMS] if first else lists[name]
    return out


def is_empty(changes: dict[str, Any]) -> bool:
    return not any(changes["counts"].values())


# events -------------------------------------------------------------------------
def _new_events(old: Snapshot, chronicle: Chronicle, key_of: dict[str, str]) -> list[dict[str, Any]]:
    outlet = {d.id: d.outlet or d.id for d in chronicle.documents}
    items = []
    for ev in chronicle.events:
        sources = ev.get("sources") or []
        fresh = [s for s in sources if (key_of.get(s["doc"], s["doc"]), s.get("sentence")) not in old.events]
        if not fresh:
            continue
        change = "new" if len(fresh) == len(sources) else "sources_added"
        items.append({"event": ev["id"], "story": ev.get("story"), "change": change, "date": ev.get("date"),
                      "type": ev.get("type"), "sources": [{"doc": s["doc"], "sentence": s.get("sentence")}
                                                          for s in fresh],
                      "text": _event_text(ev, change, fresh, outlet)})
    return items


def _event_text(ev: dict[str, Any], change: str, fresh: list[dict], outlet: dict[str, str]) -> str:
    summary = _short(ev.get("summary") or "")
    head = f"{ev.get('date') or 'undated'} {ev.get('type') or 'event'}: {summary}"
    if change == "new":
        return head
    names = ", ".join(dict.fromkeys(outlet.get(s["doc"], s["doc"]) for s in fresh))
    return f"{head} (now also reported by {names})"


# figures and the ledger ---------------------------------------------------------
class _Ledger:
    """The new chronicle's figures grouped by ledger line (a figure on no line is a line of its own)."""

    def __init__(self, chronicle: Chronicle, key_of: dict[str, str]):
        figures = {f["id"]: f for f in chronicle.figures}
        self.key_of = key_of
        self.outlet = {d.id: d.outlet or d.id for d in chronicle.documents}
        self.lines: list[tuple[dict[str, Any] | None, list[dict[str, Any]]]] = []
        placed: set[str] = set()
        for line in chronicle.ledger:
            members = [figures[f] for f in line.get("figures") or () if f in figures]
            placed.update(f["id"] for f in members)
            self.lines.append((line, members))
        self.lines += [(None, [f]) for f in chronicle.figures if f["id"] not in placed]

    def key(self, fig: dict[str, Any]) -> FigureKey:
        return _figure_key(fig, self.key_of)

    def item(self, line: dict[str, Any] | None, figs: list[dict[str, Any]], text: str, **extra) -> dict[str, Any]:
        first = figs[0]
        return {"ledger": line["id"] if line else None, "story": (line or first).get("story"),
                "category": (line or first).get("category"), "subject": (line or first).get("subject"),
                **extra, "figures": [f["id"] for f in figs], "doc": first["doc"], "sentence": first.get("sentence"),
                "text": f"{quantity_text(line or first)}: {text}"}

    def said(self, fig: dict[str, Any]) -> str:
        """``140 (Dinas X, Outlet)``: a figure's value and who gave it."""
        who = ", ".join(dict.fromkeys(w for w in (fig.get("claimant"), self.outlet.get(fig["doc"])) if w))
        return value_text(fig) + (f" ({who})" if who else "")


def _updated_figures(old: Snapshot, ledger: _Ledger) -> list[dict[str, Any]]:
    items = []
    for line, figs in ledger.lines:
        fresh = [f for f in figs if ledger.key(f) not in old.figures]
        if not fresh:
            continue
        earlier = list(dict.fromkeys(old.figures[ledger.key(f)].value for f in figs if ledger.key(f) in old.figures))
        change = "new_value" if earlier else "new_quantity"
        text = ", ".join(ledger.said(f) for f in fresh) + (f"; before: {', '.join(earlier)}" if earlier else "")
        items.append(ledger.item(line, fresh, text, change=change, values=[value_text(f) for f in fresh],
                                 previous=earlier))
    return items


def _newly(old: Snapshot, ledger: _Ledger, flag: str) -> list[dict[str, Any]]:
    """Per line, the figures that now carry ``flag`` (contradiction, withdrawn) and did not before."""
    items = []
    for line, figs in ledger.lines:
        now = [f for f in figs if getattr(figure_state(f), flag)]
        fresh = [f for f in now if not getattr(old.figures.get(ledger.key(f)) or _NONE, flag)]
        if not fresh:
            continue
        said = ", ".join(ledger.said(f) for f in fresh)
        fresh_ids = {f["id"] for f in fresh}
        others = list(dict.fromkeys(value_text(f) for f in figs if f["id"] not in fresh_ids))
        if flag == "contradiction":
            text = said + (f" against {', '.join(others)}" if others else "")
        else:
            text = f"{said} withdrawn"
        items.append(ledger.item(line, fresh, text))
    return items


_NONE = FigureState("", None, None)


# stories ------------------------------------------------------------------------
def _new_stories(old: Snapshot, chronicle: Chronicle, key_of: dict[str, str]) -> list[dict[str, Any]]:
    held = old.story_of()
    items = []
    for story in chronicle.stories:
        docs = story.get("documents") or []
        if docs and not any(key_of.get(d, d) in held for d in docs):
            items.append({"story": story["id"], "title": story.get("title"), "documents": list(docs),
                          "text": f"{story.get('title') or 'Untitled story'} ({_articles(len(docs))})"})
    return items


def _merged_stories(old: Snapshot, chronicle: Chronicle, key_of: dict[str, str]) -> list[dict[str, Any]]:
    held = old.story_of()
    items = []
    for story in chronicle.stories:
        earlier = sorted({held[k] for k in (key_of.get(d, d) for d in story.get("documents") or ()) if k in held})
        if len(earlier) < 2:
            continue
        previous = [{"title": old.stories[sid][0], "documents": len(old.stories[sid][1])} for sid in earlier]
        titles = "; ".join(p["title"] or "untitled" for p in previous)
        items.append({"story": story["id"], "title": story.get("title"), "documents": list(story["documents"]),
                      "previous": previous,
                      "text": f"{story.get('title') or 'Untitled story'}: {len(earlier)} earlier stories are now "
                              f"one ({titles})"})
    return items


# text ---------------------------------------------------------------------------
def value_text(fig: dict[str, Any]) -> str:
    """A figure's value as a reader writes it (``~ 300``, ``≥ 12``, ``20–99``), with its unit."""
    from kronologi.claims.ledger import shown

    try:
        text = shown(fig)
    except (KeyError, TypeError, ValueError):
        text = str(fig.get("text") or fig.get("value"))
    return f"{text} {fig['unit']}" if fig.get("unit") and fig.get("unit") != fig.get("subject") else text


def quantity_text(record: dict[str, Any]) -> str:
    category = str(record.get("category") or "figure").replace("_", " ")
    return f"{category} ({record['subject']})" if record.get("subject") else category


def _articles(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _figure_key(fig: dict[str, Any], key_of: dict[str, str]) -> FigureKey:
    return key_of.get(fig["doc"], fig["doc"]), fig.get("start"), fig.get("end")

