"""The stories and entities corpus passes alone, on documents processed once.

``full_build.py`` times every stage of a build, but the per-document steps take
most of its minute and the machine's load moves the corpus passes' few seconds.
This script processes the articles once (``prepare``: ingest and the steps of
``DEFAULT_STEPS`` as ``kronologi build`` runs them, then the duplicates and
reference-date passes) and pickles the documents; ``run`` then loads them and
times ``assign_stories`` and ``resolve`` as build calls them (wall and CPU
seconds of this process: CPU time moves less with a shared machine's load), as
often as asked, each on a fresh copy, and writes what they decided (``stories[]`` rows with
titles, each document's story, ``entities[]``) as JSON, so two versions of the
code can be compared on the same input, for speed and for identical output.
Fix ``PYTHONHASHSEED`` when comparing output: the stories of one input can differ
between processes (sums of floats taken in set order decide near ties).

    .venv/bin/python benchmarks/story_entity_passes.py prepare --limit 2000 --pickle /tmp/slice.pkl
    .venv/bin/python benchmarks/story_entity_passes.py run --pickle /tmp/slice.pkl --repeat 3 --out /tmp/a.json
    .venv/bin/python benchmarks/story_entity_passes.py run ... --profile stories   # cProfile, top 40
    .venv/bin/python benchmarks/story_entity_passes.py run --pickle /tmp/scale/click22k.pkl --n 50000 --repeat 1

``--n`` makes a synthetic corpus of that many documents from the pickled ones first
(``synthetic_corpus.synthesize``: copies years apart with rewritten names; see that module), to see how the
passes grow with the corpus.

Nothing asserts a timing; record results in ``results.md`` by hand, with the load.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
import pstats
import statistics
import tempfile
import time
from pathlib import Path

from ingest_clean_dedup import DATA, input_file

from kronologi.build import _dedup_pass, _ingest, _process, _repeated, _sibling_dates, pipeline_signature
from kronologi.corpus.stories import assign_stories
from kronologi.entities.resolve import resolve
from kronologi.ingest.limits import Limits
from kronologi.pipeline import DEFAULT_STEPS, PipelineConfig
from kronologi.store import Store


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare", help="process articles once and pickle the documents")
    prep.add_argument("--data", type=Path, default=DATA, help="JSON Lines articles (default: click-id-news)")
    prep.add_argument("--limit", type=int, default=2000, help="the first N articles")
    prep.add_argument("--workers", type=int, default=2)
    prep.add_argument("--pickle", type=Path, required=True)
    run = sub.add_parser("run", help="time the stories and entities passes on pickled documents")
    run.add_argument("--pickle", type=Path, required=True)
    run.add_argument("--repeat", type=int, default=2)
    run.add_argument("--n", type=int, help="a synthetic corpus of N documents made from the pickled ones")
    run.add_argument("--out", type=Path, help="write the decisions (JSON) here")
    run.add_argument("--profile", choices=("stories", "entities"), help="cProfile one pass (once)")
    return p.parse_args(argv)


def prepare(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="kronologi-passes-") as tmp:
        path = input_file(args.data, args.limit, Path(tmp))
        raw, _ = _ingest([str(path)], None, None, None, Limits())
        config = PipelineConfig(tuple(DEFAULT_STEPS), {"repeated_lines": sorted(_repeated(raw))})
        store = Store(Path(tmp) / "kronologi.db")
        try:
            docs, _ = _process(store, raw, config, pipeline_signature(config), args.workers, 200, None)
            _dedup_pass(store, docs)
            _sibling_dates(docs)
        finally:
            store.close()
    args.pickle.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    print(f"{len(docs)} documents pickled to {args.pickle}")


def passes(docs) -> dict:
    """Both passes as build runs them (stories first: entities read nothing of them); seconds and decisions."""
    start, cpu_start = time.perf_counter(), time.process_time()
    stories = assign_stories(docs, {})
    middle, cpu_middle = time.perf_counter(), time.process_time()
    entities = resolve(docs)
    end, cpu_end = time.perf_counter(), time.process_time()
    return {"stories_s": middle - start, "entities_s": end - middle,
            "stories_cpu_s": cpu_middle - cpu_start, "entities_cpu_s": cpu_end - cpu_middle,
            "decisions": {"stories": [s.record() for s in stories],
                          "doc_story": {d.id: d.story for d in docs}, "entities": entities}}


def run(args: argparse.Namespace) -> None:
    blob = args.pickle.read_bytes()
    if args.n:
        from synthetic_corpus import synthesize

        blob = pickle.dumps(synthesize(pickle.loads(blob), args.n), protocol=pickle.HIGHEST_PROTOCOL)
    if args.profile:
        _profile(pickle.loads(blob), args.profile)
        return
    times: dict[str, list[float]] = {"stories_s": [], "stories_cpu_s": [], "entities_s": [], "entities_cpu_s": []}
    for _ in range(args.repeat):
        result = passes(pickle.loads(blob))
        for key in times:
            times[key].append(result[key])
    load = os.getloadavg()[0]
    for key, values in times.items():
        print(f"{key[:-2].replace('_', ' ')}: min {min(values):.2f} s, median {statistics.median(values):.2f} s "
              f"({', '.join(f'{v:.2f}' for v in values)}); load {load:.2f}")
    if args.out:
        args.out.write_text(json.dumps(result["decisions"], ensure_ascii=False, sort_keys=True, indent=0))
        print(f"decisions written to {args.out}")


def _profile(docs, which: str) -> None:
    profiler = cProfile.Profile()
    if which == "stories":
        profiler.runcall(assign_stories, docs, {})
    else:
        assign_stories(docs, {})
        profiler.runcall(resolve, docs)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(40)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    prepare(args) if args.command == "prepare" else run(args)


if __name__ == "__main__":
    main()
