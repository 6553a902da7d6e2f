"""Score a trained pipeline on every dev split: entity-level micro F1 and the per-type (macro) average.

    python scripts/evaluate.py MODEL_DIR [--out scores.json]

The dev splits are read from ../shared/data (NERGrit valid, idner-news-2k dev,
NER-UI fold-1 dev) and tagged through ``kronologi.ner``'s own code path
(token lists in, IOB2 tags out), the way ``kronologi ner --conll`` tags them.
Test splits are withheld and never read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy

import sources
from kronologi.ner import model as ner_model
from kronologi.ner.score import score

DEV_SPLITS = ("nergrit-valid", "idner-dev", "nerui-dev")


def evaluate(model_dir: Path) -> dict:
    nlp = spacy.load(model_dir)
    results = {}
    for name in DEV_SPLITS:
        sents = sources.splits()[name].read()
        pred = ner_model.tag_with(nlp, [toks for toks, _ in sents])
        results[name] = score([tags for _, tags in sents], pred)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    results = evaluate(args.model)
    for name, res in results.items():
        per_type = "  ".join(f"{t} {v['f']:.2f}" for t, v in res["types"].items())
        print(f"{name:14} micro F1 {res['micro']['f']:6.2f}  (P {res['micro']['p']:.2f} R {res['micro']['r']:.2f})"
              f"  macro F1 {res['macro_f']:6.2f}   {per_type}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
