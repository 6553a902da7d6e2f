"""The per-document stage on the local engine (process pool) against the Ray engine.

What ``kronologi build`` runs between ingest and the corpus passes: every default step
over the documents, in batches, through ``kronologi.build._run_batches`` with build's
config (boilerplate lines included), but no store, so only the engines differ. The
same documents (the first ``--limit`` articles of CLICK-ID news) go through:

- ``local``: a fresh process pool of ``--workers`` processes (each builds its steps);
- ``ray``: a new local Ray cluster with ``--workers`` CPUs for each run, started before
  the clock (its start is timed on its own) and stopped after; its fresh workers build
  their steps in the timed part, as the pool's do.

Each engine runs ``--rounds`` times, alternating, at each ``--batch`` size; wall seconds
per run. Nothing asserts a timing; this is a measurement, appended with ``--out``.

    .venv/bin/python benchmarks/engines.py [--limit 500] [--workers 2] [--batch 200 50] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path

from ingest_clean_dedup import DATA, input_file, machine, report

from kronologi.build import _repeated, _run_batches
from kronologi.document import Document
from kronologi.ingest import read_all
from kronologi.pipeline import DEFAULT_STEPS, PipelineConfig


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DATA, help="JSON Lines articles (default: click-id-news)")
    p.add_argument("--limit", type=int, default=500, help="the first N articles")
    p.add_argument("--workers", type=int, default=2, help="pool processes; CPUs of the Ray cluster")
    p.add_argument("--batch", type=int, nargs="+", default=[200], help="batch sizes (build's default: 200)")
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--out", type=Path, help="append a Markdown section to this results file")
    return p.parse_args(argv)


def per_document_stage(docs: list[Document], config: PipelineConfig, workers: int, batch: int,
                       engine: str) -> tuple[float, int]:
    """Wall seconds of the stage, and the documents it kept."""
    start = time.perf_counter()
    kept = sum(isinstance(r, Document) for _, results in _run_batches(docs, config, workers, batch, engine)
               for r in results)
    return time.perf_counter() - start, kept


def measure(args: argparse.Namespace, tmp: Path) -> dict:
    import ray

    path = input_file(args.data, args.limit, tmp)
    docs = [d for d in read_all([str(path)]) if isinstance(d, Document)]
    config = PipelineConfig(DEFAULT_STEPS, {"repeated_lines": sorted(_repeated(docs))})
    runs: list[tuple[str, int, float, int]] = []
    starts: list[float] = []
    for batch in args.batch:
        for _ in range(args.rounds):
            for engine in ("local", "ray"):  # alternating, so drifting load falls on both
                if engine == "ray":  # a new cluster: cold workers, like the new pool's
                    start = time.perf_counter()
                    ray.init(address="local", num_cpus=args.workers, include_dashboard=False, log_to_driver=False,
                             logging_level=logging.WARNING)
                    starts.append(time.perf_counter() - start)
                try:
                    seconds, kept = per_document_stage(docs, config, args.workers, batch, engine)
                finally:
                    if engine == "ray":
                        ray.shutdown()
                runs.append((engine, batch, seconds, kept))
    return {"documents": len(docs), "ray_start": sum(starts) / len(starts), "runs": runs}


def markdown(r: dict, args: argparse.Namespace, m: dict[str, str]) -> str:
    lines = [f"\n## Local engine against Ray engine, per-document stage (`benchmarks/engines.py`) — {m['date']}, "
             f"commit {m['commit']}\n",
             f"Machine: {m['nproc']} cores ({m['cpu']}), shared with other work (load average {m['load']} at the "
             f"end), Python {m['python']}. {r['documents']:,} documents (the first {args.limit:,} articles of "
             f"`{args.data.name}`), every default step ({'+'.join(DEFAULT_STEPS)}), no store; {args.workers} pool "
             f"processes against a new local Ray cluster of {args.workers} CPUs per run, runs alternating. Starting "
             f"a Ray cluster took {r['ray_start']:.1f} s on average (not in the runs below); both engines build "
             "their steps in fresh workers inside the timed part. Single runs on a busy machine: a few seconds either way is "
             "noise.\n",
             "| engine | batch | wall seconds | documents kept |", "|---|---|---|---|"]
    lines += [f"| {engine} | {batch} | {seconds:.1f} | {kept:,} |" for engine, batch, seconds, kept in r["runs"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kronologi-engines-") as tmp:
        result = measure(args, Path(tmp))
    text = markdown(result, args, machine())
    report(text, args.out)


if __name__ == "__main__":
    main()
