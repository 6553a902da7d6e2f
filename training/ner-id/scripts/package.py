"""Package a trained pipeline into Kronologi (src/kronologi/models/ner-id/) with a complete meta.json.

    python scripts/package.py work/train/model-best --scores work/scores.json \
        --stats work/corpus/stats.json --speed work/speed.json --out ../../src/kronologi/models/ner-id

Saves the pipeline folder (config.cfg, meta.json, weights, vocab) and writes into meta.json everything the model
card shows: the data (with licences and attribution), the label scheme, the dev
scores, the speed and the size. Fails when the folder exceeds ``--max-mb``.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy


DATASETS = {
    "nergrit": {
        "name": "NERGrit (IndoNLU)", "folder": "indonlu-nergrit", "license": "Apache-2.0",
        "url": "https://github.com/IndoNLP/indonlu (dataset/nergrit_ner-grit, commit ce728f6)",
        "author": "Wilie et al., IndoNLU (AACL-IJCNLP 2020); NERGrit corpus by PT Gria Inovasi Teknologi (GRIT) "
                  "and the NERGrit developers (grit-id/nergrit-corpus)",
        "labels": "PERSON -> PER, ORGANISATION -> ORG, PLACE -> LOC",
    },
    "idner": {
        "name": "idner-news-2k", "folder": "idner-news-2k", "license": "MIT",
        "url": "https://github.com/khairunnisaor/idner-news-2k (commit 625ff40)",
        "author": "S. O. Khairunnisa, A. Imankulova, M. Komachi (AACL-IJCNLP 2020 SRW), (c) 2020 khairunnisaor; "
                  "text from Syaifudin & Nurwidyantoro (2016)",
        "labels": "PER, ORG, LOC as is",
    },
    "nerui": {
        "name": "IndoLEM NER-UI", "folder": "indolem-nerui",
        "license": "CC BY 4.0 per NusaCrowd (the authors' repository states no licence)",
        "url": "https://github.com/indolem/indolem (ner/data/nerui, commit 777fdc6)",
        "author": "Koto, Rahimi, Lau, Baldwin, IndoLEM (COLING 2020); data from a 2016 NLP course at "
                  "Universitas Indonesia (Gultom & Wibowo)",
        "labels": "PERSON -> PER, ORGANIZATION -> ORG, LOCATION -> LOC",
    },
    "nerp": {
        "name": "NERP (IndoNLU)", "folder": "indonlu-nerp", "license": "Apache-2.0 (IndoNLU repository)",
        "url": "https://github.com/IndoNLP/indonlu (dataset/nerp_ner-prosa, commit ce728f6)",
        "author": "Hoesen & Purwarianti (IALP 2018), Prosa.ai; Wilie et al., IndoNLU (2020)",
        "labels": "PPL -> PER, PLC -> LOC; IND, EVT, FNB spans left unannotated (missing); lower-cased text",
    },
}
LIMITATIONS = [
    "Dev scores only: the test splits of NERGrit and idner-news-2k are withheld; the dev splits also chose the "
    "best checkpoint, so they flatter the model a little.",
    "Three types only (PER, ORG, LOC). Events, products, dates and quantities are not tagged.",
    "The training sets disagree on conventions: NERGrit tags a school or university (Universitas ..., SMA ...) as a "
    "place about as often as an organisation, idner-news-2k and NER-UI almost always as an organisation. The model "
    "follows the majority, which costs points on NERGrit's ORG and LOC.",
    "Trained on edited sentences; text in capitals or without capitals (headlines, social media) is tagged less "
    "reliably.",
    "Indonesian only. On English text it finds some names and misses or mistypes others; Kronologi does not use "
    "it for English.",
    "Licences to confirm before shipping outside the project: NER-UI's licence comes from NusaCrowd, not from its "
    "authors; the vectors were trained on IndoSum (CC BY-SA 4.0) and on CLICK-ID articles, whose texts belong to "
    "their publishers.",
    "Sentences from idner-news-2k's withheld test split were found through IndoLEM NER-UGM and dropped from training "
    "by exact and 4-gram overlap; a paraphrased sentence could slip through.",
]
TEXT_SOURCES = [
    {"name": "CLICK-ID news articles (click-id-news)", "license": "CC BY 4.0 (as packaged on Hugging Face)",
     "author": "A. William & Y. Sari, Data in Brief 32 (2020); texts (c) their publishers", "use": "floret vectors"},
    {"name": "IndoSum dev folds", "license": "CC BY-SA 4.0",
     "author": "Kurniawan & Louvan, IALP 2018", "use": "floret vectors"},
    {"name": "nlp-id POS data (kumparan)", "license": "MIT",
     "author": "(c) 2019 Frandy Eddy / kumparan.com", "use": "floret vectors"},
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--scores", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--speed", type=Path, required=True)
    parser.add_argument("--train-splits", required=True, help="the TRAIN_SPLITS of run.sh")
    parser.add_argument("--train-seconds", type=int, default=0)
    parser.add_argument("--pretrained", default="0", help="1 when the tok2vec layer was pretrained")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--max-mb", type=float, default=30.0)
    args = parser.parse_args()

    if args.out.exists():
        shutil.rmtree(args.out)
    nlp = spacy.load(args.model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(describe(nlp, json.loads(args.scores.read_text()), json.loads(args.stats.read_text()),
                         json.loads(args.speed.read_text()), training(nlp, args)))
    meta["size_mb"] = round(folder_mb(args.out), 1)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if meta["size_mb"] > args.max_mb:
        raise SystemExit(f"{args.out} is {meta['size_mb']} MB, over the {args.max_mb} MB limit")
    print(f"packaged {args.out} ({meta['size_mb']} MB)")


def describe(nlp, scores: dict, stats: dict, speed: dict, training: dict) -> dict:
    used = {name.split("-")[0] for name, row in stats.items() if row["role"] == "train"}
    return {
        "name": "ner_id",
        "version": "1.0.0",
        "description": "Indonesian named-entity recognition (PER, ORG, LOC) for Kronologi: a CNN token-to-vector "
                       "layer with hash embeddings and floret vectors trained on Indonesian news text, and spaCy's "
                       "transition-based NER. Trained on CPU from the sets in ../shared/data.",
        "author": "Kronologi",
        "license": "Apache-2.0 (model); see sources for the data licences and attribution",
        "labels": {"ner": list(nlp.get_pipe("ner").labels)},
        "label_scheme": {"tags": "IOB2", "types": {"PER": "person", "ORG": "organisation", "LOC": "place / location"},
                         "maps": {k: DATASETS[k]["labels"] for k in sorted(used)}},
        "sources": [dict(DATASETS[k], splits=_splits(stats, k)) for k in DATASETS if k in used] + TEXT_SOURCES,
        "data": stats,
        "dev_scores": {name: {"micro_f": res["micro"]["f"], "micro_p": res["micro"]["p"], "micro_r": res["micro"]["r"],
                              "macro_f": res["macro_f"],
                              "types": {t: v["f"] for t, v in res["types"].items()}}
                       for name, res in scores.items()},
        "speed": speed,
        "training": training,
        "limitations": LIMITATIONS,
    }


def training(nlp, args: argparse.Namespace) -> dict:
    """The settings that made the model, as the card shows them."""
    cfg = nlp.config.interpolate()
    t2v = cfg["components"]["tok2vec"]["model"]
    tr = cfg["training"]
    vec = nlp.vocab.vectors
    return {
        "command": "bash training/ner-id/run.sh",
        "config": "training/ner-id/configs/ner.cfg",
        "training splits (xN = repeated)": args.train_splits,
        "token-to-vector": f"MultiHashEmbed {t2v['embed']['attrs']} rows {t2v['embed']['rows']} + "
                           f"MaxoutWindowEncoder width {t2v['encode']['width']}, depth {t2v['encode']['depth']}, "
                           f"window {t2v['encode']['window_size']}",
        "static vectors": f"floret, {vec.shape[0]:,} x {vec.shape[1]} (trained by scripts/vectors.py)"
                          if t2v["embed"]["include_static_vectors"] else "none",
        "pretrained tok2vec": "yes (spacy pretrain, characters objective)" if args.pretrained == "1" else "no",
        "casing augmentation": ", ".join(f"{k} {v}" for k, v in cfg["corpora"]["train"]["augmenter"].items()
                                         if not k.startswith("@")),
        "steps": f"at most {tr['max_steps']:,}, stopping after {tr['patience']:,} without improvement; "
                 f"the best dev evaluation (every {tr['eval_frequency']}) is kept",
        "dropout, seed": f"{tr['dropout']}, {tr['seed']}",
        "model selection": "entity micro F1 on the three dev splits together",
        "training time": f"{args.train_seconds / 60:.0f} min on CPU" if args.train_seconds else "unknown",
    }


def _splits(stats: dict, key: str) -> dict:
    return {name: {"role": row["role"], "sentences": row["sentences"]}
            for name, row in stats.items() if name.startswith(key)}


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


if __name__ == "__main__":
    main()
