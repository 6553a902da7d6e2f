"""Corpus passes, store write and exports at scale, on a synthetic corpus of N documents (issues 13, 15).

Loads processed click-id-news documents pickled by ``synthetic_corpus.py prepare``, makes ``--n`` of them
(``synthetic_corpus.synthesize``: copies with new ids, dates moved 4 years back per copy and capitalised
words rewritten so copies are neither duplicates of each other nor one story), and runs what
``kronologi build ARTICLES -o OUT -j WORKERS`` runs after the per-document steps, the way
``kronologi.build.build`` and the ``build`` command call it:

1. ``store: documents`` — ``Store.put_batch`` in batches of 200 (a build writes them after each batch of
   the per-document steps) into a fresh SQLite store, after ``start_run``;
2. ``build._corpus_passes`` with ``workers`` and ``part_docs=200``: each pass timed from the build's own
   progress reports (``CORPUS_PASSES``; the build reports "figures and quotes" and "events" together, after
   the ledger and ``merge_events`` ran in the pool, so they are one row), then ``incremental.assemble``;
3. ``store: chronicle`` — ``Store.put_chronicle`` with the corpus cache, ``finish_run``;
4. ``exports`` — ``export.write_store`` (what the command writes: chronicle.json, CSV, timeline.md,
   report.html and story pages, changes.json) into a temporary folder.

Per stage: wall seconds, CPU seconds (this process and reaped pool workers), the stage's own peak RSS
(``VmHWM`` of ``/proc/self/status``, reset at the stage's start by writing 5 to ``/proc/self/clear_refs``),
current RSS at its end, and ``ru_maxrss`` of the largest pool worker. The process's peak is the largest
stage peak (its own ``ru_maxrss`` follows the reset, so it is not reported). One N per process, so each
peak is that size's. The per-document steps are not run (about 47 ms of CPU per article,
linear: take them from a recorded full build).

    .venv/bin/python benchmarks/passes_scale.py --pickle /tmp/scale/click22k.pkl --n 50000 \
        --json /tmp/scale/runs.jsonl       # prints a Markdown table; appends the numbers as one JSON line

Nothing asserts a timing; record results in ``results.md`` with the load average.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import resource
import tempfile
import time
from pathlib import Path

from synthetic_corpus import synthesize

from kronologi.build import CORPUS_PASSES, _corpus_passes
from kronologi.export import write_store
from kronologi.store import Store

SIGNATURE = "synthetic"  # the pipeline signature the store records (the documents carry their real steps)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pickle", type=Path, required=True, help="documents from synthetic_corpus.py prepare")
    p.add_argument("--n", type=int, required=True, help="documents in the synthetic corpus")
    p.add_argument("--workers", type=int, default=2, help="the build's -j (the ledger and events pool)")
    p.add_argument("--tmp", type=Path, default=None, help="folder for the store and the exports")
    p.add_argument("--json", type=Path, help="append the results as one JSON line")
    return p.parse_args(argv)


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith(field + ":"))


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class Stages:
    """Marks stage ends: wall, CPU, the stage's peak RSS and current RSS, maxrss of self and workers."""

    def __init__(self):
        self.rows: list[dict] = []
        self.start()

    def start(self) -> None:
        self.t0, self.c0 = time.perf_counter(), _cpu()
        self.reset = _reset_peak()

    def end(self, name: str) -> None:
        now, cpu = time.perf_counter(), _cpu()
        self.rows.append({
            "stage": name, "wall_s": now - self.t0, "cpu_s": cpu - self.c0,
            "stage_peak_mb": _status_kb("VmHWM") / 1024, "rss_mb": _status_kb("VmRSS") / 1024,
            "self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "child_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "peak_reset": self.reset})
        print(f"  {name}: {now - self.t0:.1f} s wall, {cpu - self.c0:.1f} CPU s, "
              f"peak {self.rows[-1]['stage_peak_mb']:,.0f} MB, now {self.rows[-1]['rss_mb']:,.0f} MB", flush=True)
        self.start()

    def progress(self, stage: str, done: int, total: int) -> None:
        """The build's progress callback: one row per corpus pass."""
        if stage == "corpus passes" and done > 0:
            name = CORPUS_PASSES[done - 1]
            if name == "figures and quotes":  # reported at once with "events": one row for both
                return
            self.end("pass: ledger, figures and quotes, events" if name == "events" else f"pass: {name}")


def cross_copy_links(docs) -> dict[str, int]:
    """What the duplicates pass linked across copies (should be none: copies are rewritten)."""
    copy_of = {d.id: d.id.rpartition("~c")[2] if "~c" in d.id else "0" for d in docs}
    dups = sum(1 for d in docs if d.duplicate_of and copy_of.get(d.duplicate_of) != copy_of[d.id])
    shared = sum(1 for d in docs for p in d.shared_passages if copy_of.get(p.doc) != copy_of[d.id])
    return {"duplicates_within": sum(1 for d in docs if d.duplicate_of) - dups, "duplicates_across": dups,
            "shared_passages_across": shared}


def measure(args: argparse.Namespace, tmp: Path) -> dict:
    stages = Stages()
    docs = synthesize(pickle.loads(args.pickle.read_bytes()), args.n)
    gc.collect()
    stages.end("load and synthesize (not a build stage)")
    store = Store(tmp / "kronologi.db")
    try:
        run = store.start_run([str(args.pickle)], SIGNATURE)
        for i in range(0, len(docs), 200):
            store.put_batch(docs[i : i + 200], [], SIGNATURE)
        stages.end("store: documents")
        chronicle, save_cache = _corpus_passes(store, docs, stages.progress, {"repeated_lines": []}, SIGNATURE,
                                               part_docs=200, workers=args.workers)
        stages.end("chronicle assembly (incremental.assemble)")
        chronicle.changes = store.put_chronicle(chronicle, run, then=save_cache)
        store.finish_run(run, len(docs), 0)
    finally:
        store.close()
    stages.end("store: chronicle")
    counts = {"documents": len(docs), "stories": len(chronicle.stories), "entities": len(chronicle.entities),
              "events": len(chronicle.events), "figures": len(chronicle.figures),
              "largest_story": max((len(s.get("documents") or s.get("docs") or ()) for s in chronicle.stories),
                                   default=0),
              **cross_copy_links(docs)}
    del chronicle, save_cache, docs
    gc.collect()
    stages.start()
    write_store(tmp / "kronologi.db", tmp / "out")
    stages.end("exports (write_store)")
    sizes = {p.name: p.stat().st_size / 2**20 for p in (tmp / "out").iterdir() if p.is_file()}
    return {"n": args.n, "workers": args.workers, "stages": stages.rows, "counts": counts, "sizes_mb": sizes,
            "store_mb": (tmp / "kronologi.db").stat().st_size / 2**20,
            "peak_mb": max(r["stage_peak_mb"] for r in stages.rows),
            "self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "child_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "load_end": os.getloadavg()}


def markdown(r: dict) -> str:
    lines = [f"N = {r['n']:,} documents ({r['workers']} workers): " + ", ".join(
                 f"{k.replace('_', ' ')} {v:,}" for k, v in r["counts"].items()),
             "", "| stage | wall s | CPU s | stage peak RSS MB | RSS at end MB |", "|---|---|---|---|---|"]
    lines += [f"| {s['stage']} | {s['wall_s']:.1f} | {s['cpu_s']:.1f} | {s['stage_peak_mb']:,.0f} | "
              f"{s['rss_mb']:,.0f} |" for s in r["stages"]]
    lines += ["", f"Peak RSS: main {r['peak_mb']:,.0f} MB (largest stage peak), largest worker "
              f"{r['child_maxrss_mb']:,.0f} MB; "
              f"store {r['store_mb']:,.0f} MB; outputs " + ", ".join(f"{k} {v:,.1f} MB"
                                                                 for k, v in sorted(r["sizes_mb"].items()))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.tmp:
        args.tmp.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kronologi-scale-", dir=args.tmp) as tmp:
        result = measure(args, Path(tmp))
    print(markdown(result))
    if args.json:
        with args.json.open("a") as fh:
            fh.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
