"""Which quantity a figure counts: the key of its ledger line.

A line is one quantity of one story: category + subject + class (``killed``, ``police``;
``damaged``, ``houses``, ``heavy``). The subject the figure step read is a phrase as written
(``unit rumah``, ``rumah warga``, ``telah teridentifikasi``); the ledger keys it so that the
reports of one quantity meet, whatever their words or language:

* a subject the claims pack names (``security forces``, ``protesters``) is kept;
* a count of things takes its kind from the ledger pack (``rumah warga`` -> ``houses``);
* a count of people keeps only a name-like subject (an acronym such as ``WNI``): descriptive
  residue (``harus``, ``penentang kudeta``) is no subject, the count is the whole's;
* a class next to the number (``rusak berat``, ``luka ringan``) makes its own line.

A part of another figure (``85 orang di antaranya``) is never a competing total: it keys a
line of its own, linked to its whole's line.
"""

from __future__ import annotations

import functools
import re

from kronologi import langs
from kronologi.claims import ledgervocab, vocab

_CLAUSE_END = re.compile(r"(?<!\d)[,.]|[,.](?!\d)|[;:!?\n()]")  # not the marks inside "58.049"
_REACH = 45
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def subject_key(fig: dict, lang: str | None) -> str | None:
    """The subject of a figure's ledger line (see the module docstring)."""
    subject = (fig.get("subject") or "").strip()
    human = fig["category"] in vocab.wordset(lang or "id", "human_categories")
    kinds = set() if human else ledgervocab.labels_in(lang, "kinds", fig.get("noun") or "")
    if len(kinds) != 1 and subject not in _known_subjects():
        kinds = ledgervocab.labels_in(lang, "kinds", subject)
    if len(kinds) == 1:
        return kinds.pop()  # the counted noun as written ("unit toko"), else the subject read
    if not subject:
        return None
    if subject in _known_subjects():
        return subject
    if human:
        return _name_like(subject)
    return " ".join(subject.lower().split())


def human(fig: dict, lang: str | None) -> bool:
    """Whether a figure counts people."""
    return fig["category"] in vocab.wordset(lang or "id", "human_categories")


def _name_like(subject: str) -> str | None:
    """An acronym among the subject's words (``WNI``), else None; not one that heads a name (``korban KM Nusa
    Bahari``, ``karyawan PT Sinar``): that names whose victims or staff they are, no people of their own."""
    words = subject.split()
    return next((w for k, w in enumerate(words) if len(w) >= 2 and w.isalpha() and w.isupper()
                 and not (k + 1 < len(words) and words[k + 1][:1].isupper())), None)


@functools.lru_cache(maxsize=None)
def _known_subjects() -> frozenset[str]:
    return frozenset(label for lang in ("id", "en") for label in (vocab.pack(lang).get("subjects") or {}))


def damage_class(text: str, lang: str | None, start: int, end: int) -> str | None:
    """A state of the counted in the figure's clause (``masih dirawat``: a count that falls as people
    leave hospital), else a class named in its own clause (``rusak berat``), or None when none,
    several, or the last of a list of classes (``rusak berat, rusak sedang, dan rusak ringan dari
    sebelumnya 37.830``: all of them)."""
    states = ledgervocab.labels_in(lang, "states", _wide_clause(text, start, end, lang))
    if len(states) == 1:
        return states.pop()
    if ledgervocab.regex(lang, "all_classes").search(clause_around(text, start, end)):
        return None
    left, right = clause_around(text, start, end, lang).split(" # ", 1)
    left = _own_words(left, lang)
    found = ledgervocab.labels_in(lang, "classes", left + " # " + right)
    if len(found) != 1:
        return None
    if not ledgervocab.labels_in(lang, "classes", right) and _listed(text, lang, start):
        return None
    return found.pop()


def _own_words(left: str, lang: str | None) -> str:
    """The words before a number that are its own: after another number, those up to a list word are that
    number's (``25 rusak sedang dan 38 rusak ringan``: ``rusak sedang`` is the 25's class, not the 38's)."""
    numbers = list(_NUMBER.finditer(left))
    if not numbers:
        return left
    joiners = list(ledgervocab.regex(lang, "list_joiners").finditer(left, numbers[-1].end()))
    return left[joiners[-1].end():] if joiners else left


def is_state(lang: str | None, label: str | None) -> bool:
    """Whether a line's class is a state (``in care``) rather than a class of a growing count."""
    return bool(label) and label in (langs.load(langs.normalise_lang(lang), ledgervocab.TOPIC).get("states") or {})


def _wide_clause(text: str, start: int, end: int, lang: str | None) -> str:
    """The words of a number's clause, reaching further back than ``clause_around`` (a state is often
    named at the head of the clause: ``yang masih menjalani perawatan di puskesmas mencapai 27``)."""
    left = text[max(0, start - 2 * _REACH):start]
    cut = [m.end() for m in _CLAUSE_END.finditer(left)]
    return (left[cut[-1]:] if cut else left) + " # " + clause_around(text, start, end, lang).split(" # ", 1)[1]


def _listed(text: str, lang: str | None, start: int) -> bool:
    """The class next to the number closes a list of classes (``A, B, dan C ... N``)."""
    left = text[max(0, start - _REACH):start]
    cut = [m for m in _CLAUSE_END.finditer(left)]
    if not cut or not ledgervocab.starting_regex(lang, "list_joiners").match(left[cut[-1].end():]):
        return False
    before = text[max(0, start - 3 * _REACH):max(0, start - _REACH) + cut[-1].start()]
    item = before[[m.end() for m in _CLAUSE_END.finditer(before)][-1]:] if _CLAUSE_END.search(before) else before
    return bool(ledgervocab.labels_in(lang, "classes", item)) and not re.search(r"\d", item)


def clause_around(text: str, start: int, end: int, lang: str | None = None) -> str:
    """The words next to a number: back to the nearest clause punctuation, on to the nearest clause
    punctuation, next number or (given ``lang``) list word (``1.200 unit dan rumah rusak ringan 3.400``)."""
    left = text[max(0, start - _REACH):start]
    cut = [m.end() for m in _CLAUSE_END.finditer(left)]
    left = left[cut[-1]:] if cut else left
    right = text[end:end + _REACH]
    found = (_CLAUSE_END.search(right), _NUMBER.search(right),
             ledgervocab.regex(lang, "list_joiners").search(right) if lang else None)
    stops = [m.start() for m in found if m]
    return left + " # " + (right[:min(stops)] if stops else right)


def kind_in_clause(text: str, lang: str | None, start: int, end: int) -> str | None:
    """The one kind of thing the words before a number name (``Jumlah rumah rusak ... sebanyak 12.000 unit``)."""
    kinds = ledgervocab.labels_in(lang, "kinds", clause_around(text, start, end).split(" # ", 1)[0])
    return kinds.pop() if len(kinds) == 1 else None


_NEAR = 300  # characters: a list of counts ("10.250 rumah rusak ringan, 4.130 rusak sedang") stays within it


def carry_kinds(records: list[dict], lang: str | None) -> None:
    """A count of things with no subject counts what the count just before it did (same category)."""
    human = vocab.wordset(lang or "id", "human_categories")
    last: dict[str, dict] = {}
    for rec in sorted(records, key=lambda r: r["start"]):
        cat = rec["category"]
        before = last.get(cat)
        if (rec.get("subject_key") is None and cat not in human and before is not None
                and rec["start"] - before["end"] <= _NEAR):
            rec["subject_key"] = before["subject_key"]
        if rec.get("subject_key") is not None:
            last[cat] = rec


# A count of buildings with no predicate (``58 sekolah`` in a list after ``rusak``) counts what the
# story's damage counts count, when the story has any.
_READ_AS = {"buildings": "damaged"}


def category_keys(records: list[dict]) -> None:
    """Set ``category_key``: the category of a figure's ledger line (see ``_READ_AS``). In a story that counts
    the ill and whose counts name no one hurt (a poisoning, an outbreak), the treated are its ill."""
    present = {(r["story"], r["category"]) for r in records}
    hurt = {r["story"] for r in records if r.get("hurt")}
    for rec in records:
        other = _READ_AS.get(rec["category"])
        if other is None and rec["category"] == "injured" and rec["story"] not in hurt:
            other = "ill"
        rec["category_key"] = other if other and (rec["story"], other) in present else rec["category"]


def names_hurt(text: str, lang: str | None, fig: dict) -> bool:
    """Whether the sentence of a figure says someone was hurt (``luka``, ``injured``)."""
    start = max(text.rfind(". ", 0, fig["start"]), text.rfind("\n", 0, fig["start"])) + 1
    stop = [p for p in (text.find(". ", fig["end"]), text.find("\n", fig["end"])) if p >= 0]
    return bool(ledgervocab.regex(lang, "hurt_words").search(text, start, min(stop) if stop else len(text)))


def carry_revisions(records: list[dict]) -> None:
    """A breakdown by class that follows a revised total (``35.601 rumah tervalidasi``, then ``rusak berat
    7.817 unit, ...``) was revised with it: the reason is stated once, in the total's sentence."""
    last = None
    for rec in sorted(records, key=lambda r: r["start"]):
        if rec.get("revised") and not rec.get("class"):
            last = rec
        elif (last is not None and rec.get("class") and rec["category"] == last["category"]
              and rec.get("subject_key") == last.get("subject_key") and rec["start"] - last["end"] <= _NEAR):
            rec["revised"] = True


def carry_changes(records: list[dict], text: str, lang: str | None) -> None:
    """``semula Rp 10 juta menjadi Rp 15 juta``: the new value of a change counts what the old one
    counted (its class and subject), when the old one is a figure read before."""
    spans = sorted(((s, e, rec) for rec in records for s, e in rec.get("mentions") or [(rec["start"], rec["end"])]),
                   key=lambda t: t[1])
    link = ledgervocab.ending_regex(lang, "change_links")
    for rec in records:
        if rec.get("class"):
            continue
        head = text[max(0, rec["start"] - 40):rec["start"]]
        m = link.search(head)
        if not m:
            continue
        at = rec["start"] - len(head) + m.start()
        old = next((r for s, e, r in reversed(spans) if e <= at and at - e <= 3 and r is not rec
                    and r["category"] == rec["category"] and r.get("class")), None)
        if old is not None:
            rec["class"], rec["subject_key"] = old["class"], rec.get("subject_key") or old.get("subject_key")
