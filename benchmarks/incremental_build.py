"""Rebuilds on a store that already holds a corpus: nothing new, then a few new articles (issue 13).

Three builds into one SQLite store in a temporary folder, as ``kronologi build`` runs them:

1. the first ``--limit`` articles of CLICK-ID news (a fresh store: the baseline);
2. the same input again (nothing new);
3. the same input plus the next ``--add`` articles, in a second file.

For each build: wall seconds of the per-document stage, of each corpus pass
(``kronologi.build.CORPUS_PASSES``) and of writing the chronicle into the store
(everything after the last pass). Exports are not run: they are the same for
every build and measured by ``full_build.py``. Nothing asserts a time; the
numbers are recorded with ``--out``.

    .venv/bin/python benchmarks/incremental_build.py [--limit 2000] [--add 20] [--workers 2] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from full_build import Stages
from ingest_clean_dedup import DATA, machine, report

from kronologi.build import CORPUS_PASSES, build


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DATA, help="JSON Lines articles (default: click-id-news)")
    p.add_argument("--limit", type=int, default=2000, help="articles in the first build")
    p.add_argument("--add", type=int, default=20, help="articles added for the third build")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--out", type=Path, help="append a Markdown section to this results file")
    return p.parse_args(argv)


def split(data: Path, limit: int, add: int, tmp: Path) -> tuple[Path, Path]:
    """The first ``limit`` lines, and the ``add`` lines after them, as two files."""
    first, more = tmp / "first.jsonl", tmp / "more.jsonl"
    with data.open("rb") as src, first.open("wb") as a, more.open("wb") as b:
        for n, line in enumerate(src):
            if n >= limit + add:
                break
            (a if n < limit else b).write(line)
    return first, more


def timed_build(inputs: list[Path], db: Path, workers: int) -> dict:
    """One build; its stages' seconds, the store write, and the counts of its chronicle."""
    stages = Stages()
    chronicle = build([str(p) for p in inputs], db=db, workers=workers, progress=stages)
    total = time.perf_counter() - stages.start
    durations = dict(stages.durations())
    last = stages.marks[-1][1] if stages.marks else 0.0
    durations["store write"] = total - last
    return {"total": total, "stages": durations, "documents": len(chronicle.documents),
            "stories": len(chronicle.stories), "events": len(chronicle.events),
            "changes": {k: len(v) for k, v in (chronicle.changes or {}).items() if isinstance(v, list)}}


def markdown(runs: list[tuple[str, dict]], args: argparse.Namespace, m: dict[str, str]) -> str:
    names = ["process"] + [f"pass: {p}" for p in CORPUS_PASSES] + ["store write"]
    lines = [f"\n## Incremental rebuilds (`benchmarks/incremental_build.py`) — {m['date']}, commit {m['commit']}\n",
             f"Machine: {m['nproc']} cores ({m['cpu']}, load average {m['load']} at the end), Python {m['python']}, "
             f"{args.workers} workers. Data: `{args.data.name}`, first {args.limit:,} articles, then "
             f"{args.add} more. " + "; ".join(f"{label}: {r['documents']:,} documents, {r['stories']:,} stories, "
                                              f"{r['events']:,} events" for label, r in runs) + ".\n",
             "| stage (s) | " + " | ".join(label for label, _ in runs) + " |",
             "|---|" + "---|" * len(runs)]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(f"{r['stages'].get(name, 0.0):.1f}" for _, r in runs) + " |")
    passes = [sum(v for k, v in r["stages"].items() if k.startswith("pass: ")) for _, r in runs]
    lines.append("| corpus passes, total | " + " | ".join(f"{p:.1f}" for p in passes) + " |")
    lines.append("| build, total | " + " | ".join(f"{r['total']:.1f}" for _, r in runs) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kronologi-incr-") as tmp:
        first, more = split(args.data, args.limit, args.add, Path(tmp))
        db = Path(tmp) / "kronologi.db"
        runs = [("first build", timed_build([first], db, args.workers)),
                ("nothing new", timed_build([first], db, args.workers)),
                (f"+{args.add} articles", timed_build([first, more], db, args.workers))]
    text = markdown(runs, args, machine())
    report(text, args.out)


if __name__ == "__main__":
    main()
