"""Peak memory of writing the views from a store (``kronologi export --db STORE -o OUT``, issue 13 item 3).

Each measurement runs in a fresh process (``export.write_store`` on the store, into a temporary folder) and reports
the process's peak resident memory (``ru_maxrss``), its resident memory once Kronologi is imported (what the
export added is the difference), the peak of Python's own allocations (``tracemalloc``, in a second process of
its own: tracing slows the export several times, so its wall time is not reported) and the wall time of the
untraced run. Which code runs is whatever ``kronologi`` imports: compare two commits with ``PYTHONPATH`` set to a
``git worktree`` of each. The stores are made with ``kronologi build`` (see benchmarks/results.md).

    python benchmarks/export_memory.py STORE [STORE ...] [--runs N]

One JSON line per store and run, for benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

CHILD = """
import json, resource, sys, tempfile, time, tracemalloc
from kronologi.export import write_store
import kronologi.export.report, kronologi.export.stored
trace = sys.argv[2] == "trace"
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with tempfile.TemporaryDirectory() as out:
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    write_store(sys.argv[1], out)
    wall = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else None
print(json.dumps({"wall_s": round(wall, 2), "rss_import_mb": round(base / 1024, 1),
                  "rss_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "tracemalloc_peak_mb": None if peak is None else round(peak / 2**20, 1)}))
"""


def store_size(path: Path) -> dict[str, int]:
    """How big the store's chronicle is: documents, events, stories, and the largest story's documents."""
    db = sqlite3.connect(path)
    try:
        count = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("docs", "events", "stories")}
        count["largest_story_docs"] = db.execute(
            "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM story_documents GROUP BY story)").fetchone()[0]
    finally:
        db.close()
    return count


def measure(store: Path, trace: bool) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(store), "trace" if trace else "plain"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stores", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    for store in args.stores:
        for run in range(args.runs):
            plain, traced = measure(store, False), measure(store, True)
            result = {"store": str(store), **store_size(store), "run": run + 1, **plain,
                      "tracemalloc_peak_mb": traced["tracemalloc_peak_mb"]}
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
