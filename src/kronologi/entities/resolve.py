"""Entity resolution: mentions across documents -> one entity per referent.

Mentions are first grouped by a key (type + normalised name), where the key of
a place is its gazetteer name (``Moskow`` and ``Moscow`` share one) and the key
of an acronym is its expansion when the texts define it (``CSTO`` ↔
``Organisasi Perjanjian Keamanan Kolektif``). Groups are then merged, never
across types and never on a shared token alone:

* a person's short form joins the one full name it starts or ends (``Tokayev``
  -> ``Kassym-Jomart Tokayev``; ``Listyo`` -> ``Listyo Sigit Prabowo``, as
  Indonesian news writes first names), preferring a full name seen in the same
  document, and stays apart when several full names fit;
* a surname written after initials joins the one full name they spell
  (``BJ Habibie`` -> ``Bacharuddin Jusuf Habibie``, though other Habibies are
  named), and a name missing middle words joins the one full name that has them
  (``Ilham Habibie`` -> ``Ilham Akbar Habibie``);
* a place's or body's name headed by an acronym joins the one name of its type
  whose leading words the acronym's letters begin, the rest alike (``RSUD
  Cianjur`` -> ``Rumah Sakit Umum Daerah Cianjur``, ``TMP Kalibata`` -> ``Taman
  Makam Pahlawan Kalibata``);
* a regional body named without its region (``Polda``, ``BPBD``: the claims
  pack's ``regional_bodies``) is one body per article, not one across the corpus
  (the Polda of one article is Polda Papua, of another Polda Jawa Timur); it
  joins the one body of its kind the same article names with its region, and
  the region is read through the gazetteer (``Polda Jatim`` = ``Polda Jawa Timur``);
* a known nickname joins its full name (``Jokowi`` -> ``Joko Widodo``: the
  packs' ``nicknames``);
* a rare spelling variant one edit away joins the frequent form (a typo such
  as ``Widodp`` -> ``Widodo``), except forms that differ by a feminine ending or
  in a word of three letters or fewer (``TNI AL``, ``TNI AU``); a form written
  often is a name of its own, and a typo is no form for others to join.

The canonical name is the fullest form seen, among the forms written at least a
fiftieth as often as the most frequent one (a tagger's overlong span seen once is
no name for a body named thousands of times); aliases are every surface form.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from kronologi import langs
from kronologi.corpus import collector
from kronologi.entities.acronyms import find_definitions
from kronologi.entities.gazetteer import lookup
from kronologi.entities.names import norm
from kronologi.entities.types import tidy


@dataclass
class _Group:
    key: tuple[str, ...]  # (type, normalised name), and the document for a body named without its region
    type: str
    names: Counter = field(default_factory=Counter)  # name without title -> count
    mentions: list[dict[str, Any]] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)

    @functools.cached_property
    def tokens(self) -> list[str]:
        """The words of the group's name (its key: the normalised name every member shares)."""
        return self.key[1].split()

    @property
    def size(self) -> int:
        return len(self.mentions)


def resolve(docs: Iterable[Any]) -> list[dict[str, Any]]:
    """Entities (contract fields) for the mentions of ``docs``; sets ``mention["entity"]``."""
    with collector.paused():  # millions of small containers: see kronologi.corpus.collector
        return _resolve(list(docs))


def _resolve(docs: list[Any]) -> list[dict[str, Any]]:
    definitions = [find_definitions(doc.text) for doc in docs]
    expansions = _expansions(definitions)
    groups: dict[tuple[str, ...], _Group] = {}
    for doc, mention, name, role in tidy(docs, definitions):
        _add(groups, doc.id, mention, name, role, expansions)
    parent = {key: key for key in groups}
    _merge_short_forms(groups, parent)
    _merge_middle_names(groups, parent)
    _merge_place_prefixes(groups, parent)
    _merge_acronym_heads(groups, parent)
    _merge_bare_bodies(groups, parent)
    _merge_variants(groups, parent)
    _merge_initials(groups, parent)
    return _entities(groups, parent)


def _expansions(definitions: list[list[tuple[str, str, int, int]]]) -> dict[str, str]:
    """Acronym -> its most frequent expansion in the corpus; every other expansion written for
    it -> that one too ("Organisasi untuk Keamanan dan Kerjasama di Eropa" and "Organisasi
    Keamanan dan Kerja Sama di Eropa" are both OSCE)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for found in definitions:  # each document's ``find_definitions``
        for acr, long, _, _ in found:
            seen[acr][long] += 1
    out = {}
    for acr, forms in seen.items():
        best = forms.most_common(1)[0][0]
        out.update({form: best for form in forms})
        out[acr] = best
    return out


def _add(groups, doc_id: str, mention: dict[str, Any], name: str, role: str | None,
         expansions: dict[str, str]) -> None:
    kind, canonical = _key(name, mention["type"], expansions)
    key: tuple[str, ...] = (kind, _body_of_region(norm(canonical)) if kind == "ORG" else norm(canonical))
    if kind == "ORG" and key[1] in bare_bodies():
        key = (kind, key[1], doc_id)  # "Polda" alone: this article's, whichever region it is
    group = groups.get(key)
    if group is None:
        group = groups[key] = _Group(key, kind)
    group.names[name] += 1
    if kind == "PER" and norm(canonical) != norm(name):
        group.names[canonical] += 0  # the full name of a nickname
    if kind == "ORG" and canonical != name:
        group.names[canonical] += 0  # the expansion, written where the text defines the acronym
    mention["role"] = role
    mention["doc"] = doc_id
    group.mentions.append(mention)
    group.docs.add(doc_id)


def _key(name: str, kind: str, expansions: dict[str, str]) -> tuple[str, str]:
    full = nicknames().get(norm(name))
    if full and kind == "PER":
        return kind, full
    place = lookup(name)
    if place and kind != "PER":
        return "LOC", place
    if kind == "ORG" and name in expansions:
        return "ORG", expansions[name]
    return kind, name


@functools.lru_cache(maxsize=1)
def bare_bodies() -> frozenset[str]:
    """Names of regional bodies that need their region to name one body ("polda", "bpbd")."""
    return frozenset(norm(w) for w in langs.all_words("claims", "regional_bodies"))


@functools.lru_cache(maxsize=1)
def nicknames() -> dict[str, str]:
    """``{normalised nickname: full name}`` from the packs (``entities.yaml``: ``nicknames``)."""
    out: dict[str, str] = {}
    for lang in langs.SUPPORTED:
        for full, aliases in (langs.load(lang, "entities").get("nicknames") or {}).items():
            for alias in aliases or []:
                out[norm(alias)] = full
    return out


def _find(parent, key):
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _union(parent, small, big) -> None:
    parent[_find(parent, small)] = _find(parent, big)


OUTNUMBERS = 5  # a name written this many times more often than a longer one ending with it is someone else's
CANONICAL_SHARE = 50  # the canonical name is written at least 1/50 as often as the most frequent form
RARE = 10  # a spelling written at most a tenth as often as another one edit away (or once or twice) is its typo


def _merge_short_forms(groups: dict, parent: dict) -> None:
    """A name of two or more words that ends one longer name joins it ("Demir Kaya" -> "Aylin Demir Kaya")
    unless it is written far more often (then the longer name is another person's, a place named after
    the person, or a tagger's overlong span);
    then a one-word name joins the one person whose first or last word it is, the forms of one person
    counting once ("Kaya": one person, written two ways)."""
    people = [g for g in groups.values() if g.type == "PER"]
    by_last: dict[str, list[_Group]] = defaultdict(list)  # last word -> names of three or more words
    for g in people:
        if len(g.tokens) > 2:
            by_last[g.tokens[-1]].append(g)
    for g in people:
        if len(g.tokens) > 1:  # not into a name it far outnumbers: "Iriana Joko Widodo" is not Joko Widodo
            fits = [f for f in by_last.get(g.tokens[-1], ()) if len(f.tokens) > len(g.tokens)
                    and f.tokens[-len(g.tokens):] == g.tokens and g.size <= OUTNUMBERS * f.size]
            target = _one(fits, g)
            if target:
                _union(parent, g.key, target.key)
    by_part: dict[str, list[_Group]] = defaultdict(list)  # first or last word -> full names
    for g in people:
        if len(g.tokens) > 1:
            for part in {g.tokens[0], g.tokens[-1]}:
                by_part[part].append(g)
    for short in people:
        if len(short.tokens) != 1:
            continue
        # the surname ("Tokayev") or, as Indonesian news does, the first name ("Listyo")
        roots: dict[Any, _Group] = {}
        for g in by_part.get(short.tokens[0], []):
            roots.setdefault(_find(parent, g.key), g)
        fits = list(roots.values())
        target = _one(fits, short)
        if target:
            _union(parent, short.key, target.key)


def _merge_middle_names(groups: dict, parent: dict) -> None:
    """A person's name of two or more words joins the one longer name with the same first and last words
    and its middle words in order (``Ilham Habibie`` -> ``Ilham Akbar Habibie``)."""
    people = [g for g in groups.values() if g.type == "PER" and len(g.tokens) > 1]
    by_ends: dict[tuple[str, str], list[_Group]] = defaultdict(list)
    for g in people:
        if len(g.tokens) > 2:
            by_ends[(g.tokens[0], g.tokens[-1])].append(g)
    for g in people:
        fits = [f for f in by_ends.get((g.tokens[0], g.tokens[-1]), [])
                if len(f.tokens) > len(g.tokens) and _in_order(g.tokens[1:-1], f.tokens[1:-1])]
        target = _one(fits, g)
        if target:
            _union(parent, g.key, target.key)


_INITIALS = re.compile(r"(?:[A-Z]\.?){2,3}")


def _merge_initials(groups: dict, parent: dict) -> None:
    """A surname after initials joins the one full name they spell, though others share the surname: "B.J.
    Habibie", and "BJ Habibie" (the tagger leaves undotted initials in the mention's role, so the group is the
    bare surname), are Bacharuddin Jusuf Habibie, not Ilham Akbar Habibie. Run after the spelling variants, so
    that two spellings of one full name are one candidate."""
    people = [g for g in groups.values() if g.type == "PER"]
    full: dict[str, list[_Group]] = defaultdict(list)  # surname -> names written out in full
    for g in people:
        if len(g.tokens) > 1 and all(len(w) > 1 for w in g.tokens):
            full[g.tokens[-1]].append(g)
    for g in people:
        if _find(parent, g.key) != g.key:
            continue  # already somebody's
        letters = _initials(g)
        if not letters:
            continue
        roots = {_find(parent, f.key) for f in full.get(g.tokens[-1], ())
                 if "".join(w[0] for w in f.tokens[:-1]) == letters}
        if len(roots) == 1:
            _union(parent, g.key, roots.pop())


def _initials(g: _Group) -> str:
    """The initials a person's name is written with: its own single letters ("b j habibie"), or for a bare
    surname those most often written before it, in the mentions' roles."""
    if len(g.tokens) > 2 and all(len(w) == 1 for w in g.tokens[:-1]):
        return "".join(g.tokens[:-1])
    if len(g.tokens) != 1:
        return ""
    written = Counter(re.sub(r"\W", "", m["role"].split()[-1]).lower() for m in g.mentions
                      if m.get("role") and _INITIALS.fullmatch(m["role"].split()[-1]))
    return written.most_common(1)[0][0] if written else ""


def _in_order(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(word in rest for word in part)


def _merge_acronym_heads(groups: dict, parent: dict) -> None:
    """A place's or body's name headed by an acronym ("RSUD Cianjur", "TMP Kalibata", "TMP") joins the one
    name of its type whose leading words the acronym's letters begin, the rest of the name alike ("Rumah
    Sakit Umum Daerah Cianjur"). A bare acronym needs three letters, and the name written out in an article
    that uses it; two-letter ones ("RS") a rest."""
    spelt: dict[tuple[str, str, str], list[_Group]] = defaultdict(list)  # (type, initials, rest) -> names
    for g in groups.values():
        if g.type != "PER":
            for k in range(2, len(g.tokens) + 1):
                spelt[(g.type, "".join(w[0] for w in g.tokens[:k]), " ".join(g.tokens[k:]))].append(g)
    for g in groups.values():
        head = g.tokens[0] if g.type != "PER" else ""
        if not head.isalpha() or len(head) < (2 if len(g.tokens) > 1 else 3) \
                or not any(name.split()[0].isupper() for name in g.names if name.split()):
            continue
        fits = [f for f in spelt.get((g.type, head, " ".join(g.tokens[1:])), []) if f is not g]
        if len(g.tokens) == 1:  # a bare acronym spells many names ("DPD"): only one its own articles write out
            fits = [f for f in fits if f.docs & g.docs]
        target = _one(fits, g)
        if target:
            _union(parent, g.key, target.key)


def _merge_place_prefixes(groups: dict, parent: dict) -> None:
    """``Almaty`` joins ``Kota Almaty`` when that is the only administrative form of the name
    in the corpus (``Kota Malang`` and ``Kabupaten Malang`` are two places: ``Malang`` stays)."""
    prefixes = langs.all_words("entities", "place_prefixes")
    places = [g for g in groups.values() if g.type == "LOC"]
    prefixed: dict[str, list[_Group]] = defaultdict(list)
    for g in places:
        if len(g.tokens) > 1 and g.tokens[0] in prefixes:
            prefixed[" ".join(g.tokens[1:])].append(g)
    for g in places:
        fits = prefixed.get(" ".join(g.tokens), [])
        if len(fits) == 1:
            _union(parent, g.key, fits[0].key)


def _body_of_region(name: str) -> str:
    """A regional body's key with its region as the gazetteer names it: "polda jatim" and "polda jawa timur"
    are one body ("polda east java")."""
    body, _, region = name.partition(" ")
    if not region or body not in bare_bodies():
        return name
    place = lookup(region)
    return f"{body} {norm(place)}" if place else name


def _merge_bare_bodies(groups: dict, parent: dict) -> None:
    """An article's bare "Polda" is the one "Polda <region>" the same article names, if it names one."""
    named: dict[tuple[str, str], list[_Group]] = defaultdict(list)  # (type, body word) -> bodies with a region
    for g in groups.values():
        if len(g.key) == 2 and len(g.tokens) > 1 and g.tokens[0] in bare_bodies():
            named[(g.type, g.tokens[0])].append(g)
    for g in groups.values():
        if len(g.key) == 3:
            fits = [f for f in named.get((g.type, g.tokens[0]), ()) if g.key[2] in f.docs]
            if len(fits) == 1:
                _union(parent, g.key, fits[0].key)


def _one(fits: list[_Group], short: _Group) -> _Group | None:
    """The single full name a short form can mean (one sharing a document wins a tie)."""
    if len(fits) == 1:
        return fits[0]
    together = [g for g in fits if g.docs & short.docs]
    return together[0] if len(together) == 1 else None


def _merge_variants(groups: dict, parent: dict) -> None:
    """Join each rare spelling to a more frequent one of the same type one edit away.

    Candidates come from a deletion index (every name with one character deleted,
    and the name itself): two strings one substitution, insertion or deletion
    apart always share a key, so no pair of the corpus is compared blindly.
    """
    index: dict[str, dict[str, list[int]]] = defaultdict(dict)  # type -> deletion key -> ranks of groups
    ranked = sorted(groups.values(), key=lambda g: -g.size)
    for rank, g in enumerate(ranked):
        name = " ".join(g.tokens)
        if len(name) < 6:
            continue
        keys, of_type = _deletions(name), index[g.type]
        # the most frequent fitting form (the first of equals in corpus order), whatever order the
        # set of deletion keys (hash-seeded) was read in: the keys' lists are in rank order, merged
        # lazily, so the scan stops at the first fit instead of gathering and sorting every form under
        # the keys (the spellings of one name pile up under one key as the corpus grows); a rank under
        # several keys comes once per key, in a row, and is tried once
        merged = heapq.merge(*(of_type.get(key, ()) for key in keys))
        candidates = (r for r, _ in itertools.groupby(merged))
        big = next((ranked[r] for r in candidates if _variant(g, ranked[r])), None)
        if big is not None:
            _union(parent, g.key, big.key)
            continue  # a typo is no form for other typos to join: no chains (Ariana, Mariana, Marina ...)
        for key in keys:
            of_type.setdefault(key, []).append(rank)


def _deletions(name: str) -> set[str]:
    return {name} | {name[:i] + name[i + 1:] for i in range(len(name))}


def _variant(small: _Group, big: _Group) -> bool:
    """Whether ``small`` is a typo of ``big``: one edit apart, much rarer, the edit not in a word of three
    letters or fewer (an acronym or initials: "TNI AL" and "TNI AU", "BJ" and "BH" are others)."""
    a, b = " ".join(small.tokens), " ".join(big.tokens)
    if len(small.tokens) != len(big.tokens) or len(a) < 6 or small.size > big.size:
        return False
    if small.size * RARE > big.size and not (small.size <= 2 and small.size < big.size):
        return False  # two established spellings ("Ariana", "Iriana"): two names
    if a + "a" == b or b + "a" == a:  # Nazarbayev / Nazarbayeva: two people
        return False
    if any(x != y and min(len(x), len(y)) <= 3 for x, y in zip(small.tokens, big.tokens)):
        return False
    return a[0].isalpha() and _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are at most one edit apart (Levenshtein distance <= 1): past their
    common prefix, the rests are equal after skipping one character of either or both."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


def _entities(groups: dict, parent: dict) -> list[dict[str, Any]]:
    clusters: dict[tuple, list[_Group]] = defaultdict(list)
    for key, group in groups.items():
        clusters[_find(parent, key)].append(group)
    ordered = sorted(clusters.values(), key=lambda gs: min((m["doc"], m["start"]) for g in gs for m in g.mentions))
    out = []
    for n, members in enumerate(ordered, 1):
        out.append(_entity(f"E{n}", members))
    return out


def _entity(entity_id: str, members: list[_Group]) -> dict[str, Any]:
    names: Counter = Counter()
    mentions = []
    for g in members:
        names.update(g.names)
        mentions.extend(g.mentions)
    # the fullest form among those written at least a fiftieth as often as the most frequent one: not a
    # tagger's overlong span seen once ("Slogan KPK") among thousands of "KPK"
    top = max(names.values(), default=0)
    name = max((n for n in names if names[n] * CANONICAL_SHARE >= top),
               key=lambda n: (len(n.split()), names[n], n))
    for m in mentions:
        m["entity"] = entity_id
    mentions.sort(key=lambda m: (m["doc"], m["start"]))
    return {
        "id": entity_id, "name": name, "type": members[0].type,
        "aliases": sorted({m["text"] for m in mentions} | {n for n in names if n != name and names[n]}),
        "mentions": [{"doc": m["doc"], "start": m["start"], "end": m["end"], "text": m["text"],
                      **({"role": m["role"]} if m.get("role") else {})} for m in mentions],
    }
