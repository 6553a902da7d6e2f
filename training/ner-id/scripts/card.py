"""Generate MODEL_CARD.md of a packaged model from its meta.json (never edit the card by hand).

    python scripts/card.py ../../src/kronologi/models/ner-id
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

DEV_NAMES = {
    "nergrit-valid": "NERGrit valid (IndoNLU)",
    "idner-dev": "idner-news-2k dev",
    "nerui-dev": "IndoLEM NER-UI dev, fold 1",
}


def card(meta: dict) -> str:
    parts = [_head(meta), _labels(meta), _scores(meta), _speed(meta), _data(meta), _training(meta), _limits(meta)]
    return "\n".join(p for p in parts if p)


def _head(meta: dict) -> str:
    return (f"# {meta['name']} {meta['version']} — Kronologi's Indonesian NER model\n\n"
            f"<!-- Generated from meta.json by training/ner-id/scripts/card.py. Do not edit by hand. -->\n\n"
            f"{meta['description']}\n\n"
            f"| | |\n|---|---|\n"
            f"| language | `{meta['lang']}` |\n| pipeline | {', '.join(meta['pipeline'])} |\n"
            f"| spaCy | {meta['spacy_version']} |\n| size | {meta['size_mb']} MB |\n"
            f"| vectors | {_vectors(meta)} |\n| licence | {meta['license']} |\n"
            f"| made by | `bash training/ner-id/run.sh` (see training/ner-id/README.md) |\n")


def _vectors(meta: dict) -> str:
    v = meta.get("vectors") or {}
    if not v.get("width"):
        return "none"
    return f"floret, {v.get('vectors', 0):,} hash rows x {v['width']} dimensions (mode {v.get('mode', '?')})"


def _labels(meta: dict) -> str:
    scheme = meta["label_scheme"]
    rows = "\n".join(f"| `{t}` | {what} |" for t, what in scheme["types"].items())
    maps = "\n".join(f"- {name}: {m}" for name, m in scheme["maps"].items())
    return (f"## Labels\n\nTags are {scheme['tags']}: `B-X` opens an entity of type X, `I-X` continues it, `O` is "
            f"outside.\n\n| type | meaning |\n|---|---|\n{rows}\n\n"
            f"How each training set's labels were merged:\n\n{maps}\n")


def _scores(meta: dict) -> str:
    types = sorted({t for s in meta["dev_scores"].values() for t in s["types"]})
    head = "| dev set | micro F1 | P | R | per-type average F1 | " + " | ".join(f"{t} F1" for t in types) + " |"
    sep = "|---" * (5 + len(types)) + "|"
    rows = []
    for name, s in meta["dev_scores"].items():
        cells = " | ".join(f"{s['types'].get(t, 0):.2f}" for t in types)
        rows.append(f"| {DEV_NAMES.get(name, name)} | **{s['micro_f']:.2f}** | {s['micro_p']:.2f} | "
                    f"{s['micro_r']:.2f} | **{s['macro_f']:.2f}** | {cells} |")
    return ("## Scores (dev splits only)\n\nEntity-level scores in percent, counted as conlleval counts them (a "
            "predicted entity is right when its type and both boundaries match). *Micro F1* pools all entities; "
            "the *per-type average* is the mean of the per-type F1 scores, the figure IndoNLU publishes for NERGrit "
            "(its test-set table: XLM-R base 79.09, IndoBERT-large 77.60, fastText baseline 38.69). The test splits of "
            "NERGrit and idner-news-2k are withheld for independent evaluation; these are dev scores, used to pick "
            "the model, so expect test scores to be somewhat lower.\n\n"
            + "\n".join([head, sep, *rows]) + "\n")


def _speed(meta: dict) -> str:
    sp = meta.get("speed") or {}
    if "tag" not in sp:
        return ""
    t = sp["tag"]
    return (f"## Speed\n\n{t['tokens_per_cpu_s']:,} tokens per CPU second on one thread "
            f"({t['tokens']:,} pre-tokenized tokens of nlp-id-postag, {t['tokens_per_s']:,} tokens/s wall-clock), "
            f"measured by `benchmarks/ner.py` when the model was trained; loading takes {sp['load_s']:.1f} s.\n")


def _data(meta: dict) -> str:
    rows = []
    for src in meta["sources"]:
        splits = src.get("splits")
        use = src.get("use") or "; ".join(f"{n} ({s['role']}, {s['sentences']:,} sentences)" for n, s in splits.items())
        rows.append(f"| {src['name']} | {src['license']} | {src['author']} | {use} |")
    return ("## Data, licences and attribution\n\nAll data was read from `../shared/data` (see each set's SOURCE.md); "
            "nothing was copied into the repository.\n\n| data | licence | authors / attribution | used as |\n"
            "|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
            "Leak guard: training sentences that are dev sentences, or sentences of idner-news-2k's withheld test "
            "split (found through IndoLEM NER-UGM, which annotates the same news sentences), are dropped, exactly or "
            "when most of their word 4-grams match. NER-UGM itself is not trained on for that reason. Counts "
            "per split, with the reasons for every dropped sentence, are in meta.json under `data`.\n")


def _training(meta: dict) -> str:
    tr = meta.get("training") or {}
    if not tr:
        return ""
    rows = "\n".join(f"| {k} | {v} |" for k, v in tr.items())
    return f"## Training\n\n| setting | value |\n|---|---|\n{rows}\n"


def _limits(meta: dict) -> str:
    items = meta.get("limitations") or []
    return "## Known limitations\n\n" + "\n".join(f"- {x}" for x in items) + "\n" if items else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    args = parser.parse_args()
    meta = json.loads((args.model / "meta.json").read_text(encoding="utf-8"))
    (args.model / "MODEL_CARD.md").write_text(card(meta), encoding="utf-8")
    print(f"wrote {args.model / 'MODEL_CARD.md'}")


if __name__ == "__main__":
    main()
