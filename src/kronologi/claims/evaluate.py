"""Scoring figures and quotes against gold (the claims layer's evaluation gate).

Gold is a mapping ``{doc id: {...}}`` (YAML in ``tests/claims/gold/``):

* ``figures``: ``[value, qualifier, category, subject, status]`` each (value null for ranges
  and vague quantities, then matched on category, qualifier and status only);
* ``optional``: figures a system may or may not report (neither found nor missed);
* ``nonfigures``: strings of the text that no figure may cover (``"2-3"``, ``"69 tahun"``);
* ``quotes``: ``[opening words, speaker]`` (speaker null: nobody can tell).

A predicted figure matches a gold one on value, qualifier, category and status (one to one);
subjects are scored apart, among matches. A quote matches when its text starts with the gold
opening words; its speaker is right when the gold and predicted names share a word of three
letters or more (``Widodo`` / ``Joko Widodo``), or both are null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    subjects_right: int = 0
    nonfigures: int = 0  # non-figures reported as figures
    quotes_gold: int = 0
    quotes_found: int = 0
    speakers_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def subject_accuracy(self) -> float:
        return self.subjects_right / self.matched if self.matched else 1.0

    @property
    def quote_recall(self) -> float:
        return self.quotes_found / self.quotes_gold if self.quotes_gold else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.quotes_found if self.quotes_found else 1.0

    def summary(self) -> str:
        return (f"figures P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
                f"({self.matched}/{self.predicted} predicted, {self.gold} gold), subjects {self.subject_accuracy:.3f}, "
                f"non-figures reported {self.nonfigures}; quotes found {self.quotes_found}/{self.quotes_gold}, "
                f"speakers right {self.speakers_right}/{self.quotes_found} ({self.speaker_accuracy:.3f})")


def score(docs: dict[str, dict[str, Any]], gold: dict[str, dict[str, Any]]) -> Score:
    """Score ``{doc id: {"text", "figures", "quotes"}}`` against ``gold``."""
    total = Score()
    for doc_id, expected in gold.items():
        got = docs.get(doc_id, {"text": "", "figures": [], "quotes": []})
        _score_figures(total, doc_id, got, expected)
        _score_quotes(total, doc_id, got, expected)
    return total


def _score_figures(total: Score, doc_id: str, got: dict, expected: dict) -> None:
    gold = [list(g) for g in expected.get("figures", [])]
    optional = [list(g) for g in expected.get("optional", [])]
    total.gold += len(gold)
    for fig in got["figures"]:
        hit = _take(gold, fig)
        if hit is not None:
            total.matched += 1
            total.predicted += 1
            total.subjects_right += _norm(hit[3]) == _norm(fig.get("subject"))
        elif _take(optional, fig) is None:
            total.predicted += 1
            total.misses.append(f"{doc_id}: extra {_show(fig)} {fig.get('text')!r}")
    total.misses += [f"{doc_id}: missed {g}" for g in gold]
    for text in expected.get("nonfigures", []):
        start = got["text"].find(text)
        while start >= 0:
            if any(f["start"] < start + len(text) and start < f["end"] for f in got["figures"]):
                total.nonfigures += 1
                total.misses.append(f"{doc_id}: non-figure reported {text!r}")
            start = got["text"].find(text, start + 1)


def _take(pool: list[list], fig: dict) -> list | None:
    for i, g in enumerate(pool):
        value, qualifier, category, _, status = g
        if (value == fig["value"] or (value is None and fig["value"] is None)) and qualifier == fig["qualifier"] \
                and category == fig["category"] and status == fig["status"]:
            return pool.pop(i)
    return None


def _score_quotes(total: Score, doc_id: str, got: dict, expected: dict) -> None:
    for opening, speaker in expected.get("quotes", []):
        total.quotes_gold += 1
        found = next((q for q in got["quotes"] if _norm(q["text"]).startswith(_norm(opening))), None)
        if found is None:
            total.misses.append(f"{doc_id}: quote not found {opening!r}")
            continue
        total.quotes_found += 1
        if _same_speaker(speaker, found.get("speaker_name")):
            total.speakers_right += 1
        else:
            total.misses.append(f"{doc_id}: speaker {found.get('speaker_name')!r} for {opening!r}, gold {speaker!r}")


def _same_speaker(gold: str | None, got: str | None) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    words = {w for w in _norm(gold).split() if len(w) >= 3}
    return bool(words & {w for w in _norm(got).split() if len(w) >= 3})


def _norm(text: str | None) -> str:
    import re

    return " ".join(re.sub(r"[^\w\s-]", " ", (text or "").lower()).split())


def _show(fig: dict) -> str:
    return str([fig["value"], fig["qualifier"], fig["category"], fig.get("subject"), fig["status"]])
