"""Throughput of the temporal layer: tagging + resolution, in sentences per second per core.

On ``../shared/data/click-id-news/articles.jsonl`` (Indonesian news, JSON Lines;
``--data`` points elsewhere) the first ``--limit`` articles are ingested and run
through the steps before ``dates`` (``clean``, ``language``, ``sentences``) —
untimed. Then, on one process (so the rate is per core):

1. **dates step** — ``kronologi.temporal.step.DatesStep`` on every document, as the
   pipeline runs it: reference = the article's date, sentences from
   ``doc.sentences``;
2. **tag()** — ``kronologi.temporal.tag(text, lang, reference)`` on every cleaned
   text, the library call behind ``kronologi dates`` (it splits sentences itself);
3. **undated** — the dates step with ``published`` removed, so the reference is
   inferred from the body first.

Each is reported as sentences/s (sentences = ``doc.sentences``), articles/s and
expressions found. The target is >= 2,000 sentences/s per core; nothing asserts
a timing (this is not a test).

    .venv/bin/python benchmarks/dates.py [--limit N] [--repeat N] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from kronologi.build import _repeated, _run_batches
from kronologi.document import Document
from kronologi.ingest import read_all
from kronologi.pipeline import PipelineConfig
from kronologi.temporal import tag
from kronologi.temporal.step import DatesStep

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "click-id-news" / "articles.jsonl"
TARGET = 2000.0  # sentences per second per core


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSON Lines of articles")
    parser.add_argument("--limit", type=int, default=5000, help="the first N articles (default 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is kept (default 3)")
    parser.add_argument("--out", type=Path, help="append a Markdown section to this file")
    return parser.parse_args(argv)


def prepare(data: Path, limit: int) -> list[Document]:
    """Ingest and clean the first ``limit`` articles (untimed)."""
    raw = []
    for item in read_all([str(data)]):
        if isinstance(item, Document):
            raw.append(item)
            if len(raw) >= limit:
                break
    config = PipelineConfig(("clean", "language", "sentences"), {"repeated_lines": sorted(_repeated(raw))})
    docs = []
    for _, results in _run_batches(raw, config, workers=1, batch_size=200):
        docs.extend(r for r in results if isinstance(r, Document))
    return docs


def best_of(repeat: int, run) -> tuple[float, int]:
    """The fastest of ``repeat`` runs: (seconds, expressions found)."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        found = run()
        timings.append((time.perf_counter() - start, found))
    return min(timings)


def measure(docs: list[Document], repeat: int) -> dict[str, tuple[float, int]]:
    step = DatesStep()
    undated = [copy.copy(d) for d in docs]
    for d in undated:
        d.published, d.observed = None, {}

    def run_step(batch):
        return lambda: sum(len(step(copy.copy(d)).times) for d in batch)

    def run_tag():
        return sum(len(tag(d.text, d.language, d.published)) for d in docs)

    return {"dates step": best_of(repeat, run_step(docs)), "tag()": best_of(repeat, run_tag),
            "dates step, undated (inferred reference)": best_of(repeat, run_step(undated))}


def report(args: argparse.Namespace, docs: list[Document], results: dict[str, tuple[float, int]]) -> str:
    sentences = sum(len(d.sentences) for d in docs)
    chars = sum(len(d.text) for d in docs)
    lines = [f"## dates: tagging + resolution — {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {_commit()}",
             "",
             f"Machine: {os.cpu_count()} cores ({platform.machine()}, load average {os.getloadavg()[0]:.1f}), "
             f"Python {platform.python_version()}, one process. Data: `{args.data.name}`, the first {len(docs):,} "
             f"articles after cleaning ({sentences:,} sentences, {chars / 1e6:.1f} M characters); best of "
             f"{args.repeat} runs. Reproduce: `.venv/bin/python benchmarks/dates.py --limit {args.limit} --out "
             f"benchmarks/results.md`.",
             "",
             "| measure | seconds | sentences/s per core | articles/s | expressions | target |",
             "|---|---|---|---|---|---|"]
    for name, (seconds, found) in results.items():
        rate = sentences / seconds
        verdict = f">= {TARGET:,.0f}/s: {'met' if rate >= TARGET else 'NOT met'}"
        lines.append(f"| {name} | {seconds:.2f} | {rate:,.0f} | {len(docs) / seconds:,.0f} | {found:,} | {verdict} |")
    return "\n".join(lines) + "\n"


def _commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return sha + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} not found (pass --data)", file=sys.stderr)
        return 1
    docs = prepare(args.data, args.limit)
    text = report(args, docs, measure(docs, args.repeat))
    print(text)
    if args.out:
        with args.out.open("a", encoding="utf-8") as out:
            out.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
