"""Convert the NER sets of ../shared/data into spaCy DocBin files under work/corpus/.

    python scripts/convert.py --train nergrit-train:2,idner-train,nerui-train --out work/corpus

Writes ``train.spacy`` (the chosen training splits, each repeated ``:N`` times),
``dev.spacy`` (all dev splits together, for model selection), ``dev/<split>.spacy``
(each dev split alone, for the report) and ``stats.json`` (sentences kept and
dropped per split, with the reason).

Leak guard. A training sentence is dropped when it is a dev sentence, or one of
the sentences of idner-news-2k's withheld test split: those are not in
../shared, but IndoLEM's NER-UGM annotates the same news sentences, so every
NER-UGM sentence that is not in idner-news-2k's train split stands in for them.
A sentence matches exactly (case, spaces and punctuation ignored) or nearly
(most of its word 4-grams occur in one protected sentence).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

import sources

DEV_SPLITS = ("nergrit-valid", "idner-dev", "nerui-dev")
NEAR_OVERLAP = 0.6  # share of a sentence's 4-grams found in one protected sentence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", required=True, help="comma-separated splits, each optionally :N (repeats)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    all_splits = sources.splits()
    nlp = spacy.blank("id")
    dev = {name: all_splits[name].read() for name in DEV_SPLITS}
    guard = LeakGuard(dev, idner_train=all_splits["idner-train"].read())
    stats: dict[str, dict] = {}

    (args.out / "dev").mkdir(parents=True, exist_ok=True)
    combined = DocBin()
    for name, sents in dev.items():
        docs = [to_doc(nlp, toks, tags) for toks, tags in sents]
        _save(docs, args.out / "dev" / f"{name}.spacy")
        for d in docs:
            combined.add(d)
        stats[name] = {"role": "dev", "sentences": len(docs), "entities": _count(sents)}
    combined.to_disk(args.out / "dev.spacy")

    train = DocBin()
    for item in args.train.split(","):
        name, _, times = item.partition(":")
        kept, dropped = guard.filter(name, all_splits[name].read())
        for _ in range(int(times or 1)):
            for toks, tags in kept:
                train.add(to_doc(nlp, toks, tags))
        stats[name] = {"role": "train", "repeats": int(times or 1), "sentences": len(kept),
                       "entities": _count(kept), "dropped": dict(Counter(dropped))}
    train.to_disk(args.out / "train.spacy")
    (args.out / "stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    for name, row in stats.items():
        print(f"{name:15} {row['role']:5} {row['sentences']:6} sentences  {row.get('dropped', '')}")


class LeakGuard:
    """Decides which training sentences must go (dev sentences, withheld test sentences)."""

    def __init__(self, dev: dict[str, list[sources.Sentence]], idner_train: list[sources.Sentence]):
        idner_train_keys = {sources.sentence_key(toks) for toks, _ in idner_train}
        self.protected: dict[str, str] = {}  # key -> why
        self.grams: dict[str, list[int]] = defaultdict(list)  # 4-gram -> protected sentence ids
        self.sizes: list[int] = []
        for name, sents in dev.items():
            for toks, _ in sents:
                self._protect(toks, f"leak.{name}")
        for path in sources.NERUGM_FILES:
            for toks, _ in sources.read_conll(path, {}):
                if sources.sentence_key(toks) not in idner_train_keys:
                    self._protect(toks, "leak.idner-test")
        # Same news sentences as idner-news-2k train, annotated differently elsewhere (NERP).
        self.duplicate = idner_train_keys

    def _protect(self, toks: list[str], why: str) -> None:
        key = sources.sentence_key(toks)
        if key in self.protected:
            return
        self.protected[key] = why
        grams = sources.shingles(toks)
        for g in grams:
            self.grams[g].append(len(self.sizes))
        self.sizes.append(len(grams))

    def filter(self, split: str, sents: list[sources.Sentence]) -> tuple[list[sources.Sentence], list[str]]:
        kept, dropped = [], []
        for toks, tags in sents:
            why = self.why(split, toks)
            if why:
                dropped.append(why)
            else:
                kept.append((toks, tags))
        return kept, dropped

    def why(self, split: str, toks: list[str]) -> str | None:
        key = sources.sentence_key(toks)
        if key in self.protected:
            return self.protected[key]
        if not split.startswith("idner") and key in self.duplicate:
            return "duplicate.idner-train"
        grams = sources.shingles(toks)
        if len(grams) >= 3:
            hits = Counter(i for g in grams for i in self.grams.get(g, ()))
            if hits and hits.most_common(1)[0][1] >= NEAR_OVERLAP * len(grams):
                return "leak.near"
        return None


def to_doc(nlp, tokens: list[str], tags: list[str]) -> Doc:
    """A Doc with gold entities; spans of types outside the scheme (``?``) left unannotated."""
    doc = Doc(nlp.vocab, words=tokens, spaces=[True] * len(tokens))
    ents, missing = [], []
    for label, start, end in spans(tags):
        (missing if label == "?" else ents).append(Span(doc, start, end, label=label if label != "?" else ""))
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` of the IOB2 spans (tags already repaired)."""
    out: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            out.append((tag[2:], i, i + 1))
        elif tag.startswith("I-"):
            label, start, _ = out[-1]
            out[-1] = (label, start, i + 1)
    return out


def _count(sents: list[sources.Sentence]) -> dict[str, int]:
    return dict(Counter(label for _, tags in sents for label, _, _ in spans(tags)))


def _save(docs: list[Doc], path: Path) -> None:
    db = DocBin()
    for d in docs:
        db.add(d)
    db.to_disk(path)


if __name__ == "__main__":
    main()
