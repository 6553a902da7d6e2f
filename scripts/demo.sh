#!/usr/bin/env bash
# Set up Kronologi and build the chronicle of the bundled example corpus.
# Outputs go to out/example/ (override with OUT=...).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
OUT="${OUT:-out/example}"
.venv/bin/kronologi build examples/corpus --meta examples/meta.csv -o "$OUT"
echo
echo "Kronologi wrote the example chronicle to $OUT/:"
echo "  $OUT/chronicle.json   everything, per the contract (schema kronologi.chronicle/1)"
echo "  $OUT/timeline.md      a readable summary;  $OUT/report.html  the same as one web page"
echo "  $OUT/documents.csv    one row per document;  figures.csv  one per reported figure;  events.csv  one per event"
