#!/usr/bin/env bash
# Create .venv with the pinned dependencies and Kronologi installed (editable).
# Idempotent: re-running with an unchanged requirements.lock does nothing.
# Usage: bash scripts/setup.sh [test] [ray]   ("test" also installs the test tools; "ray" the Ray
# engine from requirements-ray.lock, ~250 MB, which scripts/test.sh asks for)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      PYTHON="$candidate"; break
    fi
  done
fi
[ -n "$PYTHON" ] || { echo "Kronologi needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)" >&2; exit 2; }

extra=""; ray=""
for arg in "$@"; do
  case "$arg" in
    test) extra="test" ;;
    ray) ray="ray" ;;
    *) echo "usage: bash scripts/setup.sh [test] [ray]" >&2; exit 2 ;;
  esac
done
stamp=".venv/.kronologi-setup"
want="$(cat requirements.lock requirements-ray.lock pyproject.toml | sha256sum | cut -c1-16)-${extra}-${ray}"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.3.1"
# Every package at the exact version recorded in requirements.lock (transitive ones too).
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
if [ -n "$ray" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-ray.lock
fi
if [ "$extra" = "test" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e ".[test]"
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
fi
echo "$want" > "$stamp"
