"""Evaluate ``summarize`` on IndoSum against LEAD-3, with one scorer for both.

IndoSum (``../shared/data/indosum``, Kurniawan & Louvan 2018, CC BY-SA 4.0) holds
Indonesian news articles with reference summaries written by people; its dev folds are
``dev.0X.articles.jsonl`` (see the folder's ``SOURCE.md``). Each article becomes a
Document whose sentences are IndoSum's own segmentation, so both systems pick from
the same sentences; its title is unknown (IndoSum has none).

The scorer is ours: text is lower-cased and split into words (``\\w+``); ROUGE-1 and
ROUGE-2 are the F1 of clipped unigram and bigram counts; ROUGE-L is the F1 of the
longest common subsequence of the whole summary and the whole reference. Scores are
means over articles, times 100. Only compare numbers made by this scorer.

Run: ``python -m kronologi.events.evaluate_summary [--fold dev.01] [--limit 300] [--n 3]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from pathlib import Path
from statistics import mean
from typing import Any, Callable, Iterator

from kronologi.document import Document, Sentence
from kronologi.events.summary import summarize

_WORD_RE = re.compile(r"\w+")
# ../shared beside the checkout, or $KRONOLOGI_SHARED (as the tests read it)
DEFAULT_DATA = Path(os.environ.get("KRONOLOGI_SHARED", Path(__file__).resolve().parents[3].parent / "shared")) \
    / "data" / "indosum"


def tokens(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def rouge(candidate: str, reference: str) -> tuple[float, float, float]:
    """(ROUGE-1, ROUGE-2, ROUGE-L) F1 of one candidate against one reference, in [0, 1]."""
    cand, ref = tokens(candidate), tokens(reference)
    return _ngram_f1(cand, ref, 1), _ngram_f1(cand, ref, 2), _lcs_f1(cand, ref)


def _ngram_f1(cand: list[str], ref: list[str], n: int) -> float:
    c = Counter(tuple(cand[i:i + n]) for i in range(len(cand) - n + 1))
    r = Counter(tuple(ref[i:i + n]) for i in range(len(ref) - n + 1))
    overlap = sum((c & r).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(c.values()), overlap / sum(r.values())
    return 2 * precision * recall / (precision + recall)


def _lcs_f1(cand: list[str], ref: list[str]) -> float:
    if not cand or not ref:
        return 0.0
    prev = [0] * (len(ref) + 1)
    for word in cand:
        cur = [0]
        for j, other in enumerate(ref):
            cur.append(prev[j] + 1 if word == other else max(prev[j + 1], cur[j]))
        prev = cur
    lcs = prev[-1]
    return 2 * lcs / (len(cand) + len(ref)) if lcs else 0.0


def read_articles(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The records of one IndoSum ``*.articles.jsonl`` fold, in file order."""
    with open(path, encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            yield json.loads(line)


def to_document(record: dict[str, Any]) -> Document:
    """An IndoSum article as a Document: paragraphs joined by a blank line, IndoSum's sentences."""
    parts, sentences, pos = [], [], 0
    for paragraph in record["paragraphs"]:
        if parts:
            parts.append("\n\n")
            pos += 2
        for k, sent in enumerate(paragraph):
            if k:
                parts.append(" ")
                pos += 1
            parts.append(sent)
            sentences.append(Sentence(pos, pos + len(sent)))
            pos += len(sent)
    text = "".join(parts)
    return Document(id=record["id"], source_path=str(record.get("split") or ""), format="json", raw_text=text,
                    text=text, language="id", sentences=sentences)


def lead(doc: Document, n: int = 3) -> list[tuple[str, int]]:
    return [(doc.id, k) for k in range(min(n, len(doc.sentences)))]


def evaluate(path: str | Path, limit: int | None = None, n: int = 3) -> dict[str, dict[str, float]]:
    """Mean ROUGE-1/2/L F1 (x100) of LEAD-``n`` and of ``summarize`` on one fold."""
    systems: dict[str, Callable[[Document], list[tuple[str, int]]]] = {
        "lead": lambda d: lead(d, n), "kronologi": lambda d: summarize([d], n)}
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in systems}
    for record in read_articles(path, limit):
        doc = to_document(record)
        for name, system in systems.items():
            picked = " ".join(doc.text[doc.sentences[k].start:doc.sentences[k].end] for _, k in system(doc))
            scores[name].append(rouge(picked, record["summary"]))
    return {name: {"rouge1": 100 * mean(s[0] for s in rows), "rouge2": 100 * mean(s[1] for s in rows),
                   "rougeL": 100 * mean(s[2] for s in rows), "articles": len(rows)}
            for name, rows in scores.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="the IndoSum folder (../shared/data/indosum)")
    parser.add_argument("--fold", default="dev.01")
    parser.add_argument("--limit", type=int, default=None, help="first N articles of the fold")
    parser.add_argument("--n", type=int, default=3, help="sentences per summary")
    args = parser.parse_args(argv)
    result = evaluate(Path(args.data) / f"{args.fold}.articles.jsonl", args.limit, args.n)
    print(f"IndoSum {args.fold}, {result['lead']['articles']} articles, {args.n} sentences")
    print("system      ROUGE-1  ROUGE-2  ROUGE-L")
    for name, row in result.items():
        print(f"{name:<10} {row['rouge1']:8.2f} {row['rouge2']:8.2f} {row['rougeL']:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
