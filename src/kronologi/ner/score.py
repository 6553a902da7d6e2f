"""Entity-level scores of IOB2 tag sequences, as conlleval counts them.

A span is a maximal run ``B-X I-X ...``; an ``I-X`` that does not continue an
X span starts one (conlleval's reading of orphan tags). A predicted span counts
only when its type and both boundaries match a gold span.

Two summaries: ``micro`` F1 over all spans, and ``macro`` (the mean of the
per-type F1 scores over the gold types), which is what IndoNLU reports for
NERGrit and NERP.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable


def spans(tags: list[str]) -> set[tuple[str, int, int]]:
    """``(type, start, end)`` of every entity span in one sentence's IOB2 tags."""
    out: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and out and out[-1][0] == label and out[-1][2] == i:
            out[-1] = (label, out[-1][1], i + 1)
        else:
            out.append((label, i, i + 1))
    return set(out)


def score(gold: Iterable[list[str]], pred: Iterable[list[str]]) -> dict:
    """Precision, recall, F1 (percent) per type, ``micro`` and ``macro`` over sentences' tags."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g, p = spans(g_tags), spans(p_tags)
        tp.update(label for label, _, _ in g & p)
        n_gold.update(label for label, _, _ in g)
        n_pred.update(label for label, _, _ in p)
    types = {label: _prf(tp[label], n_pred[label], n_gold[label]) for label in sorted(n_gold | n_pred)}
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    gold_types = [t for t in types if n_gold[t]]
    macro = round(sum(types[t]["f"] for t in gold_types) / len(gold_types), 2) if gold_types else 0.0
    return {"micro": micro, "macro_f": macro, "types": types}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2), "gold": n_gold, "pred": n_pred}
