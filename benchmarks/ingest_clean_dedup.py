"""Throughput and memory of ingest, clean and dedup on a real corpus.

Kronologi's per-document steps and corpus passes must keep up with a news
collection of tens of thousands of articles on a small machine. This script
measures, on ``../shared/data/click-id-news/articles.jsonl`` (22,136
Indonesian articles, JSON Lines; ``--data`` points elsewhere), each stage the
way ``kronologi.build`` runs it, separately:

1. **ingest** — ``kronologi.ingest.read_all`` into Documents (articles/s);
2. **ingest + clean** — ingest again, then the per-document steps ``clean``,
   ``language``, ``sentences`` (pinned: later layers' steps are not counted)
   through ``kronologi.build._run_batches`` with a ``PipelineConfig`` like
   build's (boilerplate lines included), but no store: on 1 process and on
   ``--workers`` processes. Wall-clock articles/s, and per core: articles per
   CPU second (user + system, this process plus its reaped pool workers), which
   stays fair when other work shares the machine. The boilerplate pre-pass
   itself is timed in 3;
3. **corpus passes** — the boilerplate pre-pass
   (``kronologi.corpus.boilerplate.repeated_lines`` with build's thresholds) and
   ``kronologi.corpus.dedup.dedup`` on all cleaned documents (seconds; exact
   duplicates, near duplicates and shared passages found);
4. **build** — the whole ``kronologi.build(...)`` with its default steps
   (``DEFAULT_STEPS``, named in the results) and a SQLite store in a temporary
   folder (seconds and articles/s);
5. **peak memory** — the maximum resident set size (``ru_maxrss``) of this
   process (``RUSAGE_SELF``) and of the largest pool worker
   (``RUSAGE_CHILDREN``, the maximum over reaped children, not a sum) over the
   whole run; the target is checked against main + workers x largest worker,
   an upper bound on what the machine held at once.

Targets (checked by eye; nothing here asserts a timing): ingest + clean
>= 500 articles/s per core; dedup of the whole set <= 60 s; peak memory
<= 2 GB on a 2-core machine.

    .venv/bin/python benchmarks/ingest_clean_dedup.py [--limit N] [--workers N] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import kronologi
from kronologi.build import _repeated, _run_batches
from kronologi.corpus.dedup import dedup
from kronologi.document import Document
from kronologi.ingest import read_all
from kronologi.pipeline import DEFAULT_STEPS, PipelineConfig

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "click-id-news" / "articles.jsonl"
BATCH = 200  # build's default batch size
CLEAN_STEPS = ("clean", "language", "sentences")  # the per-document steps measured in 2 (later layers add more)
TARGETS = {"per_core": 500.0, "dedup_s": 60.0, "peak_mb": 2048.0}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DATA, help=f"JSON Lines of articles (default {DATA})")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles (default all)")
    p.add_argument("--workers", type=int, default=2, help="processes for the parallel run and the build")
    p.add_argument("--out", type=Path, default=None, help="append a results section to this Markdown file")
    return p.parse_args(argv)


def input_file(data: Path, limit: int | None, tmp: Path) -> Path:
    """The data set itself, or its first ``limit`` lines in a temporary file (never in the repo)."""
    if not data.is_file():
        sys.exit(f"data set not found: {data} (pass --data PATH)")
    if limit is None:
        return data
    part = tmp / data.name
    with data.open("rb") as src, part.open("wb") as dst:
        for _, line in zip(range(limit), src):
            dst.write(line)
    return part


def stage(r: dict, name: str, fn, *args):
    """Run one stage; record its wall and CPU seconds (this process and reaped workers) and peak RSS so far."""
    start, cpu = time.perf_counter(), cpu_seconds()
    result = fn(*args)
    r[f"{name}_s"] = time.perf_counter() - start
    r[f"{name}_cpu"] = cpu_seconds() - cpu
    r.setdefault("mb", {})[name] = peak_mb(resource.RUSAGE_SELF)
    return result


def cpu_seconds() -> float:
    """User + system time of this process and of its reaped children (the pool's workers)."""
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def ingest(path: Path) -> list[Document]:
    return [d for d in read_all([str(path)]) if isinstance(d, Document)]


def ingest_all(path: Path) -> tuple[list[Document], int]:
    """Documents, and the number of records rejected at ingest."""
    items = list(read_all([str(path)]))
    docs = [d for d in items if isinstance(d, Document)]
    return docs, len(items) - len(docs)


def clean(path: Path, config: PipelineConfig, workers: int) -> list[Document]:
    """Ingest, then run the per-document steps exactly as build does (no store)."""
    docs: list[Document] = []
    for _, results in _run_batches(ingest(path), config, workers, BATCH):
        docs += [r for r in results if isinstance(r, Document)]
    return docs


def dedup_counts(docs: list[Document]) -> dict[str, int]:
    result = dedup(docs)
    kinds = [kind for _, kind, _ in result.duplicate_of.values()]
    return {"exact": kinds.count("exact"), "near": kinds.count("near"),
            "shared": sum(len(p) for p in result.shared.values()), "shared_docs": len(result.shared)}


def build_once(path: Path, workers: int, tmp: Path) -> int:
    chronicle = kronologi.build([str(path)], db=tmp / "kronologi.db", workers=workers)
    return len(chronicle.documents)


def measure(path: Path, workers: int, tmp: Path) -> dict:
    """Every stage in turn; each ingest + clean run starts from a fresh ingest (steps change documents)."""
    r: dict = {}
    raw, r["rejected"] = stage(r, "ingest", ingest_all, path)
    r["n"] = len(raw)
    repeated = stage(r, "boilerplate", _repeated, raw)
    r["repeated_lines"] = len(repeated)
    del raw
    config = PipelineConfig(CLEAN_STEPS, {"repeated_lines": sorted(repeated)})
    docs = stage(r, "clean1", clean, path, config, 1)
    r["kept"] = len(docs)
    r["dups"] = stage(r, "dedup", dedup_counts, docs)
    del docs
    stage(r, "cleanN", clean, path, config, workers)
    r["build_docs"] = stage(r, "build", build_once, path, workers, tmp)
    r["self_mb"], r["child_mb"] = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
    return r


def peak_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss  # KiB on Linux, bytes on macOS
    return kb / 1024 / (1024 if sys.platform == "darwin" else 1)


def machine() -> dict[str, str]:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = "+dirty" if git("status", "--porcelain", "--untracked-files=no") else ""
    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "nproc": str(os.cpu_count()),
            "python": platform.python_version(), "commit": commit + dirty,
            "cpu": platform.processor() or platform.machine(), "load": "%.1f" % os.getloadavg()[0]}


def rows(r: dict, workers: int) -> list[tuple[str, str, str]]:
    """(measure, value, target) for the summary and the results file."""
    n, d = r["n"], r["dups"]
    rate1, rateN = n / r["clean1_s"], n / r["cleanN_s"]
    per_core = n / r["cleanN_cpu"]  # CPU time: a fair per-core rate even on a busy machine
    peak = r["self_mb"] + workers * r["child_mb"]  # upper bound: every worker at the largest one's peak
    ok = lambda good: "met" if good else "**missed**"  # noqa: E731
    return [
        ("ingest", f"{r['ingest_s']:.2f} s, {n / r['ingest_s']:,.0f} articles/s", ""),
        ("ingest + clean, 1 process", f"{r['clean1_s']:.1f} s, {rate1:,.0f} articles/s; "
         f"{r['clean1_cpu']:.1f} CPU s, {n / r['clean1_cpu']:,.0f}/CPU s",
         f">= 500/s per core (CPU s): {ok(n / r['clean1_cpu'] >= TARGETS['per_core'])}"),
        (f"ingest + clean, {workers} processes", f"{r['cleanN_s']:.1f} s, {rateN:,.0f} articles/s "
         f"({rateN / workers:,.0f}/s per process); {r['cleanN_cpu']:.1f} CPU s, {per_core:,.0f}/CPU s",
         f">= 500/s per core (CPU s): {ok(per_core >= TARGETS['per_core'])}"),
        ("boilerplate pre-pass", f"{r['boilerplate_s']:.1f} s, {r['repeated_lines']} repeated lines", ""),
        ("dedup (all documents)", f"{r['dedup_s']:.1f} s", f"<= 60 s: {ok(r['dedup_s'] <= TARGETS['dedup_s'])}"),
        ("duplicates found", f"{d['exact']} exact, {d['near']} near; {d['shared']} shared passages "
         f"in {d['shared_docs']} documents", ""),
        (f"build, SQLite store, {workers} processes", f"{r['build_s']:.1f} s, {n / r['build_s']:,.0f} articles/s "
         f"({r['build_docs']} documents; steps {'+'.join(DEFAULT_STEPS)})", ""),
        ("peak RSS of main, after each stage", ", ".join(f"{k} {v:,.0f}" for k, v in r["mb"].items()) + " MB", ""),
        ("peak RSS", f"{r['self_mb']:,.0f} MB main, {r['child_mb']:,.0f} MB largest worker; "
         f"bound {r['self_mb']:,.0f} + {workers} x {r['child_mb']:,.0f} = {peak:,.0f} MB",
         f"<= 2 GB: {ok(peak <= TARGETS['peak_mb'])}"),
    ]


HEADER = """# Benchmark results

Appended by `benchmarks/ingest_clean_dedup.py` (see `benchmarks/README.md`). Reproduce from the repository root:

    .venv/bin/python benchmarks/ingest_clean_dedup.py --out benchmarks/results.md

Peak RSS is `ru_maxrss` over the whole run: of the main process (`RUSAGE_SELF`) and of the largest pool
worker (`RUSAGE_CHILDREN` is a maximum over reaped children, not a sum). The figure checked against the
target is the upper bound main + workers x largest worker (the peaks need not coincide).
"""


def markdown(r: dict, workers: int, m: dict[str, str], data: Path) -> str:
    lines = [f"\n## {m['date']} — commit {m['commit']}\n",
             f"Machine: {m['nproc']} cores ({m['cpu']}, load average {m['load']} at the end), "
             f"Python {m['python']}. "
             f"Data: `{data.name}`, N = {r['n']:,} articles read ({r['rejected']:,} records rejected at ingest, "
             f"{r['kept']:,} kept after cleaning).\n",
             "| measure | result | target |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows(r, workers)]
    return "\n".join(lines) + "\n"


def report(text: str, out: Path | None) -> None:
    """Print a benchmark's Markdown section, and append it to ``out`` when one is given."""
    print(text)
    if out:
        with out.open("a", encoding="utf-8") as fh:
            fh.write(text)
        print(f"results appended to {out}")


def write_results(out: Path, text: str) -> None:
    new = not out.exists() or not out.read_text(encoding="utf-8").strip()
    with out.open("a", encoding="utf-8") as f:
        f.write((HEADER if new else "") + text)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kronologi-bench-") as tmp:
        path = input_file(args.data, args.limit, Path(tmp))
        result = measure(path, args.workers, Path(tmp))
    m = machine()
    print(f"Kronologi benchmark — {m['date']}, commit {m['commit']}, {m['nproc']} cores, "
          f"load {m['load']}, Python {m['python']}")
    print(f"N = {result['n']:,} articles read from {args.data} ({result['rejected']:,} records rejected at ingest)")
    for name, value, target in rows(result, args.workers):
        print(f"  {name:<36} {value}" + (f"   [{target.replace('**', '')}]" if target else ""))
    if args.out:
        write_results(args.out, markdown(result, args.workers, m, args.data))
        print(f"results appended to {args.out}")


if __name__ == "__main__":
    main()
