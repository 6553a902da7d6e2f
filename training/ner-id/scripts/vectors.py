"""Train floret vectors on Indonesian news text from ../shared/data and turn them into a spaCy vectors folder.

    python scripts/vectors.py --work work/vectors [--dim 100] [--bucket 50000] [--epoch 5]

Writes into the work folder: ``text.txt`` (the tokenized text), ``pretrain.jsonl``
(every 4th paragraph of it, for ``spacy pretrain``), ``floret.vec`` (the floret table) and
``spacy/`` (the vectors as a spaCy pipeline folder, for ``[initialize] vectors``).

Text: the bodies of click-id-news (22k articles, 2019), the IndoSum dev folds
(de-duplicated by id) and the sentences of nlp-id-postag, tokenized with
Kronologi's own tokenizer (the one the model sees at run time), one paragraph
per line, in a fixed order. floret (mode "floret") stores only subword-hash
rows: ``bucket`` x ``dim`` float32 is the whole table, so the size is fixed in
advance (50,000 x 100 = 20 MB).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import floret

import sources
from kronologi.text.tokens import words

_PARAGRAPH_JOIN = re.compile(r"\.,(?=\S)")  # click-id joined <p> texts with ".,"


def texts():
    """Every paragraph of the three text sources, in a fixed order."""
    with open(sources.DATA / "click-id-news" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            yield from _PARAGRAPH_JOIN.sub(".\n", text).split("\n")
    seen: set[str] = set()
    for path in sorted((sources.DATA / "indosum").glob("dev.0*.articles.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                if art["id"] not in seen:
                    seen.add(art["id"])
                    yield from art["text"].split("\n\n")
    tokens: list[str] = []
    with open(sources.DATA / "nlp-id-postag" / "dataset_postag.txt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                tokens.append(line.split("\t")[0])
            elif tokens:
                yield " ".join(tokens)
                tokens = []


PRETRAIN_EVERY = 4  # pretraining reads every 4th paragraph (~2M tokens): one epoch fits in ~15 CPU minutes


def write_text(text_path: Path, jsonl_path: Path) -> int:
    n = 0
    with open(text_path, "w", encoding="utf-8") as out, open(jsonl_path, "w", encoding="utf-8") as jsonl:
        for i, para in enumerate(texts()):
            toks = words(para)
            if len(toks) >= 3:
                line = " ".join(toks)
                out.write(line + "\n")
                if i % PRETRAIN_EVERY == 0:
                    jsonl.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
                n += len(toks)
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the text, the table and spacy/")
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=50000)
    parser.add_argument("--epoch", type=int, default=5)
    parser.add_argument("--minn", type=int, default=3)
    parser.add_argument("--maxn", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    text = args.work / "text.txt"
    if not text.exists():
        n = write_text(text, args.work / "pretrain.jsonl")
        print(f"wrote {text}: {n:,} tokens", file=sys.stderr)
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="floret", hashCount=2, bucket=args.bucket, dim=args.dim,
        minn=args.minn, maxn=args.maxn, epoch=args.epoch, minCount=3, thread=args.threads, verbose=1,
    )
    table = args.work / "floret.vec"
    model.save_floret_vectors(str(table))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(table), str(args.work / "spacy"),
                    "--mode", "floret"], check=True)
    (args.work / "settings.json").write_text(json.dumps(vars(args) | {"work": str(args.work)}) + "\n")


if __name__ == "__main__":
    main()
