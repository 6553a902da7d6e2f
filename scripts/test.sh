#!/usr/bin/env bash
# Set up Kronologi with its test tools and run the whole test suite.
# Extra arguments go to pytest (e.g. bash scripts/test.sh -k clean).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
