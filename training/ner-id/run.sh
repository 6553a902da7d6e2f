#!/usr/bin/env bash
# Re-create Kronologi's Indonesian NER model from ../shared/data, on CPU, and package it into
# src/kronologi/models/ner-id/ with its generated MODEL_CARD.md. See README.md.
#
#   bash training/ner-id/run.sh
#
# Environment (all optional):
#   TRAIN_SPLITS   training splits, each optionally :N repeats (default: see below)
#   PRETRAIN=1     pretrain the tok2vec layer on the vectors' text first (off by default: see README)
#   THREADS=N      threads for floret (default 2)
#   KRONOLOGI_DATA where the data sets are (default ../shared/data beside the repository)
# Converted corpora and vectors are kept in work/ and reused when present; delete work/ to start over.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || bash "$ROOT/scripts/setup.sh"
"$PY" -m pip install --quiet --disable-pip-version-check -r requirements.txt

TRAIN_SPLITS="${TRAIN_SPLITS:-nergrit-train:2,idner-train,nerui-train,nerui-test,nerp-train,nerp-valid}"
THREADS="${THREADS:-2}"
OUT="$ROOT/src/kronologi/models/ner-id"
step() { printf '\n== %s\n' "$*" >&2; }

step "1/6 convert ../shared/data -> work/corpus ($TRAIN_SPLITS)"
"$PY" scripts/convert.py --train "$TRAIN_SPLITS" --out work/corpus

step "2/6 floret vectors -> work/vectors"
if [ ! -f work/vectors/spacy/config.cfg ]; then
  "$PY" scripts/vectors.py --work work/vectors --dim 100 --bucket 50000 --threads "$THREADS"
fi

INIT_TOK2VEC=null
if [ "${PRETRAIN:-0}" = "1" ]; then
  step "2b/6 pretrain tok2vec -> work/pretrain"
  if [ ! -f work/pretrain/model-last.bin ]; then
    "$PY" -m spacy pretrain configs/ner.cfg work/pretrain --code scripts/augment.py \
      --paths.vectors work/vectors/spacy --paths.raw_text work/vectors/pretrain.jsonl
  fi
  INIT_TOK2VEC=work/pretrain/model-last.bin
fi

step "3/6 train -> work/train"
start=$(date +%s)
"$PY" -m spacy train configs/ner.cfg --code scripts/augment.py --output work/train \
  --paths.train work/corpus/train.spacy --paths.dev work/corpus/dev.spacy \
  --paths.vectors work/vectors/spacy --paths.init_tok2vec "$INIT_TOK2VEC"
train_seconds=$(( $(date +%s) - start ))

step "4/6 evaluate on the dev splits -> work/scores.json"
"$PY" scripts/evaluate.py work/train/model-best --out work/scores.json

step "5/6 speed -> work/speed.json"
"$PY" "$ROOT/benchmarks/ner.py" --model work/train/model-best --json work/speed.json

step "6/6 package -> $OUT"
"$PY" scripts/package.py work/train/model-best --scores work/scores.json --stats work/corpus/stats.json \
  --speed work/speed.json --train-splits "$TRAIN_SPLITS" --train-seconds "$train_seconds" \
  --pretrained "${PRETRAIN:-0}" --out "$OUT"
"$PY" scripts/card.py "$OUT"
