#!/usr/bin/env bash
# Set up Kronologi with its test tools and run the whole test suite.
# Extra arguments go to pytest (e.g. bash scripts/test.sh -k clean).
set -euo pipefail
cd "$(dirname "$0")/.."
# "ray": the Ray engine's tests start a real local Ray cluster (Ray from requirements-ray.lock).
bash scripts/setup.sh test ray
# The report is tested in a real browser: Debian's chromium. Install it where we may
# (root with apt-get, as on CI); elsewhere the browser tests skip (and fail under CI=true).
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
    || echo "could not install chromium: the browser tests will not run" >&2
fi
# The store's tests also run on PostgreSQL: Debian's postgresql, installed the same way. The tests
# start their own throwaway server from its binaries (initdb, pg_ctl; on 127.0.0.1, a free port, as
# the unprivileged user postgres) and stop it at the end; without it they skip (and fail under CI=true).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 \
    || echo "could not install postgresql: the PostgreSQL store tests will not run" >&2
fi
exec .venv/bin/python -m pytest "$@"
