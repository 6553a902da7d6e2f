"""``kronologi build`` end to end on CLICK-ID news: wall time per stage and peak memory.

Runs what the command runs, in this process: ``kronologi.build.build`` over the
input with a fresh SQLite store in a temporary folder and ``--workers`` processes,
then ``kronologi.export.write_store`` (chronicle.json, CSV, timeline.md,
report.html and the other views, read back from the store as the command does). The build's own progress reports mark the stages: ingest, the
per-document steps (all of ``DEFAULT_STEPS``), each corpus pass
(``kronologi.build.CORPUS_PASSES``), and the exports.

Memory is read two ways: ``ru_maxrss`` of this process and of the largest worker,
and the whole process tree sampled every ``--sample`` seconds from
``/proc/<pid>/smaps_rollup`` (PSS: pages shared by forked workers counted once).
The tree's peak PSS is the figure checked against the target.

Targets on a 2-core machine: the whole build <= 10 minutes and <= 4 GB (issue 6); <= 8 minutes and a
peak of 1.5 GB (issue 13).
Nothing asserts them; this is a measurement, recorded with ``--out``.

    .venv/bin/python benchmarks/full_build.py [--limit N] [--workers 2] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import threading
import time
from pathlib import Path

from ingest_clean_dedup import DATA, input_file, machine, peak_mb, report

from kronologi.build import CORPUS_PASSES, build
from kronologi.export import write_store
from kronologi.pipeline import DEFAULT_STEPS

TARGETS = {"wall_s": 600.0, "memory_mb": 4096.0, "wall_s_13": 480.0, "memory_mb_13": 1536.0}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DATA, help="JSON Lines articles (default: click-id-news)")
    p.add_argument("--limit", type=int, help="only the first N articles")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--sample", type=float, default=0.5, help="seconds between memory samples")
    p.add_argument("--out", type=Path, help="append a Markdown section to this results file")
    return p.parse_args(argv)


class Stages:
    """The build's progress callback: when each stage (and each corpus pass) ended."""

    def __init__(self):
        self.start = time.perf_counter()
        self.marks: list[tuple[str, float]] = []  # (stage, seconds since start when it ended)
        self.current: str | None = None
        self.counts: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter() - self.start
        if stage == "corpus passes":
            if done > 0:
                self.marks.append((f"pass: {CORPUS_PASSES[done - 1]}", now))
            elif self.current:
                self.marks.append((self.current, now))
            self.current = None
            return
        if stage != self.current and self.current is not None:
            self.marks.append((self.current, now))
        self.current = stage
        self.counts[stage] = done

    def durations(self) -> list[tuple[str, float]]:
        out, before = [], 0.0
        for name, end in self.marks:
            out.append((name, end - before))
            before = end
        return out


class TreeMemory(threading.Thread):
    """Samples the summed PSS of this process and its descendants; keeps the peak."""

    def __init__(self, every: float):
        super().__init__(daemon=True)
        self.every, self.peak_mb, self.stop = every, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_mb = max(self.peak_mb, sum(_pss_kb(pid) for pid in _tree(os.getpid())) / 1024)
            self.stop.wait(self.every)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def measure(path: Path, workers: int, every: float, tmp: Path) -> dict:
    stages, memory = Stages(), TreeMemory(every)
    memory.start()
    chronicle = build([str(path)], db=tmp / "kronologi.db", workers=workers, progress=stages)
    before = time.perf_counter() - stages.start
    write_store(tmp / "kronologi.db", tmp / "out")
    stages.marks.append(("exports", time.perf_counter() - stages.start))
    memory.stop.set()
    memory.join()
    sizes = {p.name: p.stat().st_size / 2**20 for p in (tmp / "out").iterdir()}
    return {"wall_s": stages.marks[-1][1], "build_s": before, "stages": stages.durations(),
            "documents": len(chronicle.documents), "rejected": len(chronicle.rejected),
            "stories": len(chronicle.stories), "events": len(chronicle.events), "entities": len(chronicle.entities),
            "self_mb": peak_mb(resource.RUSAGE_SELF), "child_mb": peak_mb(resource.RUSAGE_CHILDREN),
            "tree_mb": memory.peak_mb, "sizes": sizes}


def markdown(r: dict, args: argparse.Namespace, m: dict[str, str]) -> str:
    ok = lambda good: "met" if good else "**missed**"  # noqa: E731
    lines = [f"\n## Full build (`benchmarks/full_build.py`) — {m['date']}, commit {m['commit']}\n",
             f"Machine: {m['nproc']} cores ({m['cpu']}, load average {m['load']} at the end), Python {m['python']}, "
             f"{args.workers} workers. Data: `{args.data.name}`"
             + (f" (first {args.limit:,})" if args.limit else "") +
             f": {r['documents']:,} documents built, {r['rejected']:,} inputs rejected; {r['stories']:,} stories, "
             f"{r['events']:,} events, {r['entities']:,} entities. Steps: {'+'.join(DEFAULT_STEPS)}.\n",
             "| stage | wall seconds |", "|---|---|"]
    lines += [f"| {name} | {seconds:.1f} |" for name, seconds in r["stages"]]
    lines += ["", "| measure | result | target |", "|---|---|---|",
              f"| whole build, exports included | {r['wall_s']:.0f} s ({r['wall_s'] / 60:.1f} min) | "
              f"<= 10 min: {ok(r['wall_s'] <= TARGETS['wall_s'])}; <= 8 min: "
              f"{ok(r['wall_s'] <= TARGETS['wall_s_13'])} |",
              f"| peak memory, process tree (summed PSS, sampled every {args.sample} s) | {r['tree_mb']:,.0f} MB | "
              f"<= 4 GB: {ok(r['tree_mb'] <= TARGETS['memory_mb'])}; <= 1.5 GB: "
              f"{ok(r['tree_mb'] <= TARGETS['memory_mb_13'])} |",
              f"| peak RSS | main {r['self_mb']:,.0f} MB, largest worker {r['child_mb']:,.0f} MB | |",
              "| output sizes | " + ", ".join(f"{k} {v:,.1f} MB" for k, v in sorted(r["sizes"].items())) + " | |"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kronologi-full-") as tmp:
        path = input_file(args.data, args.limit, Path(tmp))
        result = measure(path, args.workers, args.sample, Path(tmp))
    m = machine()
    text = markdown(result, args, m)
    report(text, args.out)


if __name__ == "__main__":
    main()
