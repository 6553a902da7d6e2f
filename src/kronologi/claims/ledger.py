"""The figure ledger: per story, the figures about one quantity, grouped and related.

``build_ledger(docs, story_of)`` returns the contract's ``figures``, ``quotes`` and
``ledger`` lists. A group is a story's figures of one category and subject
(``killed`` / ``security forces``); figures about a past event (an as_of a year
or more before the article: "In 1964, ...") form groups of their own. Within a
group each figure gets a ``relation`` and the row takes the strongest:

* ``retraction``: a value the sources withdrew or denied (every figure with it);
* ``contradiction``: values on the same day that no qualifier reconciles
  (``127`` and ``174`` both on 2 October, unless one is the morning's and the other the night's);
* ``update``: a new value at a later ``as_of`` (a series, not a conflict);
* ``agreement``: the same value from two independent sources or more;
* ``single``: one source only.

Copies count once: a figure of a document marked ``duplicate_of`` another, or inside
a passage it shares with another (``shared_passages``: wire copy), has that copy's
origin, and two figures of one origin are one source. Exact duplicates add no figures.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable

from kronologi.claims import categories, claimants, heads, ledgervocab, quantity, scope, series
from kronologi.claims.dating import local_date, part_rank, past_event
from kronologi.claims.quotelinks import link_quotes
from kronologi.claims.spans import ByStart

FIGURE_FIELDS = ("id", "story", "doc", "sentence", "start", "end", "value", "low", "high", "qualifier", "category",
                 "unit", "subject", "claimant", "via", "as_of", "status")
QUOTE_FIELDS = ("id", "doc", "start", "end", "text", "speaker", "speaker_name", "kind", "via")
_STRENGTH = ("single", "agreement", "update", "contradiction", "retraction")
_WITHDRAWN = ("retracted", "denied")


def build_ledger(docs: Iterable[Any], story_of: dict[str, str] | None = None,
                 skip_exact_duplicates: bool = True,
                 names: dict[str, str] | None = None) -> tuple[list[dict], list[dict], list[dict]]:
    """``(figures, quotes, ledger)`` for ``docs`` (Documents with ``figures``/``quotes`` filled).

    ``names``: entity id -> canonical name (the entities pass's). A claimant named by a resolved
    person or organisation takes that entity's name, so one body is one claimant across articles
    and languages ("Lembaga Pemantau Banjir (LPB)", "Flood Monitoring Agency" and "LPB" alike)."""
    docs = [d for d in docs if not (skip_exact_duplicates and getattr(d, "duplicate_kind", None) == "exact")]
    story = {d.id: (story_of or {}).get(d.id, getattr(d, "story", None)) for d in docs}
    origin = _origins(docs)
    figures, quotes = [], []
    for doc in docs:
        figures += _doc_figures(doc, story[doc.id], origin, names or {})
        quotes += _doc_quotes(doc)
    link_quotes(quotes, {d.id: d.language for d in docs}, story)
    clock = Clock(docs, story)
    scope.scopes(figures)
    for fig in figures:
        fig.pop("address", None)
    quantity.category_keys(figures)
    for fig in figures:
        fig.pop("hurt", None)
    _parts_of_same_count(figures)
    for fig in figures:
        if not fig.get("as_of"):
            _anchor(fig, clock)
    withdrawn = _withdrawn(figures)
    ledger = [_row(i, key, group, clock, withdrawn[key[0] or None])
              for i, (key, group) in enumerate(_lines(figures, clock, {d.id: d.language for d in docs}))]
    _link_parts(ledger, figures)
    return figures, quotes, ledger


_MONTH_RE = re.compile(r"\d{4}-\d{2}")


class Clock:
    """When each document was published, and the latest day of each story (to anchor bare weekdays)."""

    def __init__(self, docs, story: dict[str, str | None]):
        self.day = {d.id: local_date(d.published) for d in docs}
        # an article known only to its month (placed on its story's calendar): its counts are of that month
        self.month = {d.id: d.published for d in docs
                      if not self.day[d.id] and _MONTH_RE.fullmatch(str(d.published or ""))}
        self.moment = {d.id: _moment(d.published) for d in docs}
        self.story = story
        self.latest: dict[str | None, str] = {}
        for d in docs:
            day = self.day[d.id]
            if day and day > self.latest.get(story[d.id], ""):
                self.latest[story[d.id]] = day

    def anchored(self, fig: dict) -> str | None:
        """A figure's bare weekday (``hari Minggu`` in an undated article) on the story's calendar; in an
        article known only to its month, that month (which of its Mondays is unknown)."""
        if fig["doc"] in self.month:
            return self.month[fig["doc"]]
        return anchor(fig.get("as_of_raw"), self.day.get(fig["doc"]) or self.latest.get(self.story.get(fig["doc"])))

    def when(self, fig: dict) -> tuple[str, int] | None:
        """``(day, part of day)`` a figure speaks of; None when nothing dates it (a weekday of an
        undated article, put on the story's calendar, orders nothing)."""
        day = fig.get("as_of") or self.day.get(fig["doc"]) or self.month.get(fig["doc"])
        if not day or fig.get("as_of_basis") == "story":
            return None
        rank = part_rank(fig.get("as_of_part")) or _hour_rank(fig.get("as_of"))
        return day[:10], rank or fig.get("briefing_rank", 0)


def _anchor(fig: dict, clock: Clock) -> None:
    """A bare weekday on its article's calendar, else on its story's (``as_of_basis: "story"``)."""
    fig["as_of"] = clock.anchored(fig)
    if fig["as_of"] and fig["doc"] in clock.month:
        fig["as_of_basis"] = "published"
    elif fig["as_of"] and not clock.day.get(fig["doc"]):
        fig["as_of_basis"] = "story"


def _moment(published: str | None) -> datetime | None:
    if not published or len(published) < 16:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone(timedelta(hours=7)))


# --- figures and their origins -----------------------------------------------------

def _origins(docs) -> dict[tuple[str, int], str]:
    """``{(doc, offset): origin}`` for every figure inside copied text; other figures' origin is their doc."""
    parent = {d.id: d.id for d in docs}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for d in docs:
        for p in getattr(d, "shared_passages", []) or []:
            if p.doc in parent:
                parent[root(max(d.id, p.doc))] = root(min(d.id, p.doc))
    out = {}
    for d in docs:
        for fig in d.figures:
            if getattr(d, "duplicate_of", None):
                out[(d.id, fig["start"])] = root(d.duplicate_of) if d.duplicate_of in parent else d.duplicate_of
            elif any(p.start <= fig["start"] < p.end for p in getattr(d, "shared_passages", []) or []):
                out[(d.id, fig["start"])] = "wire:" + root(d.id)
    return out


def _doc_figures(doc, story, origin, names: dict[str, str]) -> list[dict]:
    out, ids = [], {}
    for k, fig in enumerate(doc.figures):
        ids[fig["start"]] = f"{doc.id}#f{k + 1}"
    mentions = ByStart(getattr(doc, "mentions", None) or [])
    address = scope.addresses(doc.text, getattr(doc, "mentions", None) or []) if doc.figures else []
    for fig in doc.figures:
        record = {name: fig.get(name) for name in FIGURE_FIELDS}
        record.update({"id": ids[fig["start"]], "story": story, "doc": doc.id})
        extras = {k: v for k, v in fig.items() if k not in FIGURE_FIELDS and k not in ("part_of",)}
        record.update(extras)
        record["part_of"] = ids.get(fig.get("part_of")) if fig.get("part_of") is not None else None
        record["origin"] = origin.get((doc.id, fig["start"]), doc.id)
        record["outlet"] = getattr(doc, "outlet", None)
        record["revised"] = _revised(doc, fig)
        record["claimant"] = claimants.name_of(fig.get("claimant"), doc.language, _names_in(mentions, fig))
        entity = (_claimant_entity(mentions, fig) or names.get(_alias_key(record["claimant"]))) \
            if record["claimant"] else None
        if entity in names:
            record["claimant"], record["claimant_entity"] = names[entity], entity
        record["subject_key"] = quantity.subject_key(fig, doc.language)
        if record["subject_key"] is None and not quantity.human(fig, doc.language):
            record["subject_key"] = quantity.kind_in_clause(doc.text, doc.language, fig["start"], fig["end"])
        record["class"] = quantity.damage_class(doc.text, doc.language, fig["start"], fig["end"])
        record["state"] = quantity.is_state(doc.language, record["class"])
        record["hurt"] = quantity.names_hurt(doc.text, doc.language, fig)
        record["head"] = heads.head(fig, doc.language)
        record["member"] = heads.member(doc.text, doc.language, fig)
        record["place"] = scope.place_of(doc.text, doc.language, fig, mentions)
        record["claimant_place"] = scope.claimant_place(doc.text, fig)
        record["address"] = address  # read by scope.scopes, then dropped
        out.append(record)
    quantity.carry_kinds(out, doc.language)
    quantity.carry_revisions(out)
    quantity.carry_changes(out, doc.text, doc.language)
    _briefing_time(out)
    return out


def _briefing_time(records: list[dict]) -> None:
    """``briefing_rank``: a claimant whose count of a day an article times once (``per pukul 20.05``)
    gave its other counts of that day in the same briefing: they take that part of the day."""
    ranks: dict[tuple, set[int]] = defaultdict(set)
    for rec in records:
        rank = part_rank(rec.get("as_of_part")) or _hour_rank(rec.get("as_of"))
        if rank and rec.get("claimant") and rec.get("as_of") and not rec.get("earlier"):
            ranks[(rec["as_of"][:10], rec["claimant"])].add(rank)
    for rec in records:
        found = ranks.get(((rec.get("as_of") or "")[:10], rec.get("claimant")), ())
        if len(found) == 1 and not rec.get("earlier"):
            rec["briefing_rank"] = next(iter(found))


_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")


def claimant_names(entities: Iterable[dict]) -> dict[str, str]:
    """What ``build_ledger`` reads as ``names``: entity id -> canonical name, and each person's or
    organisation's alias (as ``_alias_key`` writes it) -> its entity id when only one entity has it."""
    out: dict[str, str] = {}
    owners: dict[str, set[str]] = defaultdict(set)
    for ent in entities:
        if ent.get("type") in ("PER", "ORG"):
            out[ent["id"]] = ent["name"]
            for alias in [ent["name"], *(ent.get("aliases") or [])]:
                owners[_alias_key(alias)].add(ent["id"])
    out.update({key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1 and key})
    return out


def _alias_key(text: str | None) -> str:
    """``alias:`` + the name folded, without a trailing bracketed acronym ("Badan X (BX)" -> "badan x")."""
    name = _PAREN.sub("", " ".join(str(text or "").split())).casefold()
    return f"alias:{name}" if name else ""


def _claimant_entity(mentions: ByStart, fig: dict) -> str | None:
    """The entity a claimant phrase names: its person if it names one ("Kepala BNPB Suharyanto"), else its
    longest organisation."""
    start, end = fig.get("claimant_start"), fig.get("claimant_end")
    if start is None or end is None:
        return None
    named = [m for m in mentions.inside(start, end) if m.get("entity") and m.get("type") in ("PER", "ORG")]
    if not named:
        return None
    opening = [m for m in named if m["type"] == "ORG" and m["start"] == start]
    if opening:  # "Dinas Kesehatan Lembah Wirau mencatat ...": a phrase opened by a body's name is the body's,
        # whatever the tagger made of the place after it; a person is named after a title ("Kepala BNPB X")
        named = [m for m in named if m["type"] == "ORG" or m["start"] < opening[0]["end"]]
    return max(named, key=lambda m: (m["type"] == "PER", m["end"] - m["start"], -m["start"]))["entity"]


def _names_in(mentions: ByStart, fig: dict) -> list[str]:
    """The person and organisation mentions inside a figure's claimant phrase."""
    start, end = fig.get("claimant_start"), fig.get("claimant_end")
    if start is None or end is None:
        return []
    return [m["text"] for m in mentions.inside(start, end) if m.get("type") in ("PER", "ORG")]


def _revised(doc, fig: dict) -> bool:
    """The figure's sentence gives a reason for a changed count (``dikoreksi``, ``validated``)."""
    sents = getattr(doc, "sentences", None) or []
    index = fig.get("sentence")
    if index is None or not 0 <= index < len(sents):
        return False
    return ledgervocab.revised(doc.text, doc.language, sents[index].start, sents[index].end)


def _doc_quotes(doc) -> list[dict]:
    out = []
    entities = ByStart(m for m in getattr(doc, "mentions", []) or [] if m.get("entity"))
    for k, q in enumerate(doc.quotes):
        record = {name: q.get(name) for name in QUOTE_FIELDS}
        speaker = _entity(q, entities)
        if speaker is None and q.get("how") == "continues" and out and out[-1].get("speaker_name") == q.get(
                "speaker_name"):
            speaker = out[-1]["speaker"]  # a quote that goes on the one before it: that quote's speaker
        record.update({"id": f"{doc.id}#q{k + 1}", "doc": doc.id, "speaker": speaker})
        record.update({k2: v for k2, v in q.items() if k2 not in QUOTE_FIELDS and k2 != "parent"})
        record["parent"] = f"{doc.id}#q{q['parent'] + 1}" if q.get("parent") is not None else None
        out.append(record)
    return out


def _entity(q: dict, entities: ByStart) -> str | None:
    """The entity of the mention that names the speaker, when the entity layer resolved one: a mention that
    ends with the speaker's name (``BNPB Suharyanto`` for Suharyanto), opens it (``the Harbour Union`` for
    ``Harbour Union (HU)``) or is its acronym in brackets (``HU``), else one that covers the whole speaker
    phrase. A body or place inside a role (``Kepala BNPB``, ``kantor HAM PBB``) is not the speaker. A speaker
    written as a pronoun or a role and resolved to a name the article gave before (``ujarnya``, "the
    minister said") is the entity of the nearest earlier mention of that name."""
    start, end = q.get("speaker_start"), q.get("speaker_end")
    if start is None:
        return None
    found = [m for m in entities.overlapping(start, end) if m.get("type") in ("PER", "ORG", "LOC", None)]
    name = _name_words(q.get("speaker_name"))
    for m in found:
        if _names_speaker(m, name, q.get("speaker_name")):
            return m["entity"]
    covering = [m for m in found if m["start"] <= start and m["end"] >= end]
    short = covering and len(_name_words(covering[0].get("text"))) < len(name) \
        and name[-len(_name_words(covering[0].get("text"))):] == _name_words(covering[0].get("text"))
    if covering and not short:
        return covering[0]["entity"]
    if not short and (found or not name or name == _name_words(q.get("speaker_text"))):
        return None  # the speaker is written here: only a name resolved from elsewhere is looked up before
    # a pronoun, a role, or a surname two people share ("kata Yudhoyono"), resolved to one full name by context
    earlier = (m for m in entities.before(start) if m.get("type") in ("PER", "ORG"))
    full = next((m["entity"] for m in earlier if _name_words(m.get("text")) == name), None)
    return full or (covering[0]["entity"] if covering else None)


def _names_speaker(mention: dict, name: list[str], speaker_name: str | None) -> bool:
    words = _name_words(mention.get("text"))
    return bool(name and words and (words[-len(name):] == name or name[:len(words)] == words or
                                    f"({mention.get('text', '').lower()})" in (speaker_name or "").lower()))


def _name_words(text: str | None) -> list[str]:
    words = re.findall(r"[^\W_][\w'’.-]*", (text or "").lower())
    return words[1:] if words[:1] == ["the"] else words


# --- groups ---------------------------------------------------------------------------

def _groups(figures: list[dict], clock: Clock):
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for fig in figures:
        groups[_key(fig, clock)].append(fig)
    return sorted(groups.items(), key=lambda kv: tuple(str(x) for x in kv[0]))


def _lines(figures: list[dict], clock: Clock, lang: dict[str, str | None]) -> list[tuple[tuple, list[dict]]]:
    """The groups, each parted by the heads of its counted nouns (``heads.split``: 300 street cleaners and
    9,000 police are two quantities of one category), unless its subject already names what it counts
    (``houses``: ``rumah`` and ``hunian`` alike)."""
    out = []
    for key, group in _groups(figures, clock):
        lines = [(None, group)] if key[2] else heads.split(group, lambda f: f.get("head"), lambda f: lang[f["doc"]])
        out += [(key, line) for _, line in lines]
    return out


def _key(fig: dict, clock: Clock) -> tuple:
    """``(story, category, subject, class, part, scope)`` plus ``past:<year>`` for a past event's figures."""
    background = past_event(fig.get("as_of"), clock.day.get(fig["doc"]) or clock.latest.get(fig["story"]))
    key = (fig["story"] or "", fig["category_key"], fig.get("subject_key"), fig.get("class"),
           bool(fig.get("part_whole")), fig.get("scope"))
    if _unnamed(fig):  # "100 orang", "50 orang lainnya": only reports that agree are one quantity
        key += (f"value:{fig['value']}",)
    return key + ((f"past:{fig['as_of'][:4]}",) if background else ())


def _unnamed(fig: dict) -> bool:
    """A count no category names whose counted noun is generic (``orang``, ``people``): it says nothing of
    what was counted but its number, so counts of different things would meet in one line by their noun."""
    if fig["category_key"] != "other" or fig["value"] is None:
        return False
    subject = fig.get("subject_key") or fig.get("subject") or ""
    return any(not categories.strip_generic(code, subject) for code in ("id", "en"))


def _row(index: int, key: tuple, group: list[dict], clock: Clock, withdrawn: set[tuple]) -> dict:
    relations = _relate_line(key, group, clock, withdrawn)
    for fig in group:
        fig["relation"] = relations[fig["id"]]
    relation = max(relations.values(), key=_STRENGTH.index)
    ordered = _ordered(group, clock)
    return {"id": f"ledger-{index + 1}", "story": key[0] or None, "category": key[1], "subject": key[2],
            "class": key[3], "part": key[4], "scope": key[5], "figures": [f["id"] for f in ordered],
            "relation": relation, "note": _note(ordered, relation), "past_event": len(key) > 6}


def _relate_line(key: tuple, group: list[dict], clock: Clock, withdrawn: set[tuple]) -> dict[str, str]:
    """A line's relations. A line of parts in which one document gives two values or more is a set of
    different parts (a breakdown: 170 on the first flight, 209 on the next), no series: each part agrees
    with another source's equal value, else stands single."""
    relations = relate(group, clock, withdrawn)
    values: dict[str, set] = defaultdict(set)
    for fig in group:
        values[fig["doc"]].add(series.value_key(fig))
    if not key[4] or all(len(v) < 2 for v in values.values()):
        return relations
    for fig in group:
        if relations[fig["id"]] in ("update", "contradiction"):
            same = any(g["origin"] != fig["origin"] and series.value_key(g) == series.value_key(fig) for g in group)
            relations[fig["id"]] = "agreement" if same else "single"
    return relations


def _parts_of_same_count(figures: list[dict]) -> None:
    """``part_whole``: a part counts what its whole counts (``80 of the 120 dead``), so it must not
    compete with that total; a part of another kind (``of the 268 dead, 122 identified``) is a
    count of its own quantity and joins that quantity's line."""
    by_id = {f["id"]: f for f in figures}
    for fig in figures:
        whole = by_id.get(fig.get("part_of"))
        fig["part_whole"] = (bool(whole) and whole["category"] == fig["category"]) or bool(fig.get("member"))
    _breakdowns(figures)


_PART = 0.2  # a count under a fifth of a total its article gave before it is a part of that total


def _breakdowns(figures: list[dict]) -> None:
    """An article's far smaller counts of a quantity after its total (``602 dead: 78 in one district, 2 in
    another``) are parts of that total, never competing totals; a count before a larger one stays a
    step of the series (``at least 76 ... now 284``), and so does one its text dates (a report of its own)."""
    largest: dict[tuple, dict] = {}
    for fig in sorted(figures, key=lambda f: (f["doc"], f["start"])):
        if fig.get("part_whole") or fig.get("earlier") or fig["status"] != "reported" or fig["value"] is None:
            continue
        line = (fig["doc"], fig["category_key"], fig.get("subject_key"), fig.get("class"), fig.get("scope"))
        whole = largest.get(line)
        if whole is not None and fig["value"] < _PART * whole["value"] and fig.get("as_of_basis") != "text":
            fig["part_whole"], fig["part_of"] = True, fig.get("part_of") or whole["id"]
        elif whole is None or fig["value"] > whole["value"]:
            largest[line] = fig
    _listed_parts(figures)
    _summed_parts(figures)
    _increments(figures)


def _summed_parts(figures: list[dict]) -> None:
    """Two counts or more of one sentence that add up to a total its article gives ("korban meninggal 23 orang
    ... Desa A 12 orang, Desa B 7 orang, dan Desa C 4 orang") are that total's breakdown: its parts, whatever
    their size, never totals that compete with it."""
    wholes: dict[tuple, list[dict]] = defaultdict(list)
    items: dict[tuple, list[dict]] = defaultdict(list)
    for fig in figures:
        if fig["status"] != "reported" or fig["value"] is None or fig.get("earlier") or fig.get("increment"):
            continue
        wholes[(fig["doc"], fig["category_key"], fig.get("class"))].append(fig)
        if fig.get("qualifier") == "exact":
            items[(fig["doc"], fig.get("sentence"), fig["category_key"], fig.get("class"))].append(fig)
    for (doc, sentence, category, klass), listed in items.items():
        if len(listed) < 2 or any(f.get("place") or f.get("scope") for f in listed):
            continue  # counts by place ("640 di Ardana dan 85 di Belvora") are the places' lines (``scope``)
        total = sum(f["value"] for f in listed)
        whole = next((w for w in wholes[(doc, category, klass)]
                      if w.get("sentence") != sentence and w["value"] == total and not w.get("part_whole")), None)
        if whole is None:
            continue
        for fig in listed:
            fig["part_whole"], fig["part_of"] = True, fig.get("part_of") or whole["id"]


def _listed_parts(figures: list[dict]) -> None:
    """A list of counts by place in one sentence is one breakdown: when two or more of its items are parts of a
    total, so is an item too large to pass for one by its size ("602 dead ... district A 78, B 397, C 13")."""
    by_id = {f["id"]: f for f in figures}
    lists: dict[tuple, list[dict]] = {}
    for fig in figures:
        if fig["status"] == "reported" and fig["value"] is not None and (fig.get("subject") or fig.get("place")):
            lists.setdefault((fig["doc"], fig.get("sentence"), fig["category_key"], fig.get("class")), []).append(fig)
    for items in lists.values():
        wholes = [f.get("part_of") for f in items if f.get("part_whole")]
        if len(wholes) < 2 or len(set(wholes)) != 1 or wholes[0] not in by_id:
            continue
        whole = by_id[wholes[0]]
        for fig in items:
            if not fig.get("part_whole") and fig is not whole and fig["value"] < whole["value"]:
                fig["part_whole"], fig["part_of"] = True, whole["id"]


def _increments(figures: list[dict]) -> None:
    """How many more ("bertambah 8 orang hingga mencapai 857", "three more bodies, bringing the toll to 321")
    is a step towards the total its sentence gives — else the largest its article gives ("Tim menemukan 13
    jenazah hari ini" after "korban meninggal menjadi 21") —, a part of it, never a total that competes with it."""
    totals: dict[tuple, dict] = {}
    in_doc: dict[tuple, dict] = {}
    for fig in figures:
        if fig["value"] is not None and not fig.get("increment"):
            line = (fig["doc"], fig.get("sentence"), fig["category_key"], fig.get("subject_key"), fig.get("class"))
            if line not in totals or fig["value"] > totals[line]["value"]:
                totals[line] = fig
            if fig["status"] == "reported" and not fig.get("part_whole") and not fig.get("earlier"):
                doc_line = (fig["doc"], fig["category_key"], fig.get("subject_key"), fig.get("class"))
                if doc_line not in in_doc or fig["value"] > in_doc[doc_line]["value"]:
                    in_doc[doc_line] = fig
    for fig in figures:
        if fig.get("increment") and fig["value"] is not None and not fig.get("part_whole"):
            line = (fig["doc"], fig.get("sentence"), fig["category_key"], fig.get("subject_key"), fig.get("class"))
            whole = totals.get(line)
            if whole is not None and fig["value"] < whole["value"]:
                fig["part_whole"], fig["part_of"] = True, fig.get("part_of") or whole["id"]
                continue
            # "Hari ini tim menemukan 13 jenazah" with the toll elsewhere in the article: a step towards it
            whole = in_doc.get((fig["doc"], fig["category_key"], fig.get("subject_key"), fig.get("class")))
            if whole is not None and fig["value"] < whole["value"]:
                fig["part_whole"], fig["part_of"] = True, fig.get("part_of") or whole["id"]


def _link_parts(ledger: list[dict], figures: list[dict]) -> None:
    """A line of parts points to the line(s) of the wholes its figures are parts of (``part_of``)."""
    row_of = {f: row["id"] for row in ledger for f in row["figures"]}
    whole = {f["id"]: f.get("part_of") for f in figures}
    for row in ledger:
        wholes = {row_of.get(whole[f]) for f in row["figures"] if whole.get(f)} - {None}
        row["part_of"] = sorted(wholes) or None


def _ordered(group: list[dict], clock: Clock) -> list[dict]:
    return series.ordered(group, clock.when, clock.moment, clock.day)


def _hour_rank(value: str | None) -> int:
    if not value or "T" not in value:
        return 0
    hour = int(value[11:13])
    return 1 if hour < 11 else 2 if hour < 15 else 3 if hour < 19 else 4


def anchor(raw: str | None, reference: str | None) -> str | None:
    """An underspecified weekday (``XXXX-WXX-7``) as the last such day on or before ``reference``."""
    if not raw or not reference or not raw.startswith("XXXX-WXX-") or not raw[-1].isdigit():
        return None
    ref = date.fromisoformat(reference[:10])
    back = (ref.isoweekday() - int(raw[-1])) % 7
    return (ref - timedelta(days=back)).isoformat()


# --- relations ------------------------------------------------------------------------

def relate(group: list[dict], clock: Clock, withdrawn: set[tuple] = frozenset()) -> dict[str, str]:
    """Each figure's relation within its group, in as-of order (see ``series``)."""
    return series.relate(group, clock.when, clock.moment, withdrawn, lambda fig: bool(fig.get("revised")), clock.day)


def _withdrawn(figures: list[dict]) -> dict[str | None, set[tuple]]:
    """Per story, the values withdrawn anywhere in it: shown retracted wherever they are repeated."""
    out: dict[str | None, set[tuple]] = defaultdict(set)
    for fig in figures:
        if fig["status"] in _WITHDRAWN:
            out[fig["story"]].add(series.value_key(fig))
    return out


def _note(ordered: list[dict], relation: str) -> str:
    group = ordered
    values = " → ".join(dict.fromkeys(shown(f) for f in ordered))
    origins = {f["origin"] for f in group}
    parts = [f"{len(group)} figure(s) from {len({f['doc'] for f in group})} document(s), "
             f"{len(origins)} independent source(s)"]
    if relation == "retraction":
        gone = sorted({shown(f) for f in group if f["status"] in _WITHDRAWN})
        parts.append(f"withdrawn: {', '.join(gone)}")
    if len(set(shown(f) for f in group)) > 1:
        parts.append(f"values in order: {values}")
    return "; ".join(parts)


def shown(fig: dict) -> str:
    """A figure's value as a reader writes it: ``≥ 174``, ``~ 42,000``, ``20–99``."""
    mark = {"exact": "", "about": "~ ", "more_than": "> ", "at_least": "≥ ", "nearly": "<~ ", "up_to": "≤ ",
            "less_than": "< "}
    if fig["value"] is None:
        low, high = fig["low"], fig["high"]
        return f"{_num(low)}–{_num(high)}" if high is not None else f"≥ {_num(low)}"
    return mark.get(fig["qualifier"], "") + _num(fig["value"])


def _num(x) -> str:
    if x is None:
        return "?"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"
