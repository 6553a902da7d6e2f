"""Tagging speed of the Indonesian NER model, in tokens per second per core.

Two workloads, each on one process with one thread (numerical libraries are
pinned to a single thread before they load), timed in wall-clock and in CPU
seconds (user + system of this process: a fair per-core rate even when other
work shares the machine):

1. **tag** — ``kronologi.ner.tag_sentences`` on pre-tokenized sentences: the
   first ``--sentences`` sentences of ``../shared/data/nlp-id-postag``
   (Indonesian news, cased), as ``kronologi ner --conll`` tags them;
2. **step** — the pipeline step ``entities`` (tokenizing each sentence, tagging,
   building mentions) on the first ``--docs`` articles of
   ``../shared/data/click-id-news``, after the steps ``clean``, ``language`` and
   ``sentences`` (not timed). Skipped with ``--model``.

Target: >= 10,000 tokens/s per core. Model loading is timed apart; a warm-up call precedes each workload.

    .venv/bin/python benchmarks/ner.py [--model DIR] [--sentences N] [--docs N] [--json FILE]
                                       [--out benchmarks/results.md]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"  # one core: set before numpy / spaCy load

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TARGET = 10_000  # tokens/s per core


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", type=Path, help="a spaCy pipeline folder (default: the packaged ner-id model)")
    p.add_argument("--sentences", type=int, default=5000, help="pre-tokenized sentences to tag (default 5000)")
    p.add_argument("--docs", type=int, default=300, help="articles for the step workload (default 300)")
    p.add_argument("--json", type=Path, help="write the measures as JSON (the training project records them)")
    p.add_argument("--out", type=Path, help="append a Markdown section to this results file")
    return p.parse_args(argv)


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(fn, *args):
    wall, cpu = time.perf_counter(), cpu_seconds()
    out = fn(*args)
    return out, time.perf_counter() - wall, cpu_seconds() - cpu


def postag_sentences(limit: int) -> list[list[str]]:
    sents, current = [], []
    with open(DATA / "nlp-id-postag" / "dataset_postag.txt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                current.append(line.split("\t")[0])
            elif current:
                sents.append(current)
                current = []
                if len(sents) >= limit:
                    break
    return sents


def cleaned_docs(limit: int) -> list:
    from kronologi.ingest import read_all
    from kronologi.pipeline import Pipeline, PipelineConfig

    with open(DATA / "click-id-news" / "articles.jsonl", encoding="utf-8") as fh:
        lines = [next(fh) for _ in range(limit)]
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / "kronologi-ner-bench.jsonl"
    tmp.write_text("".join(lines), encoding="utf-8")
    docs = [d for d in read_all([str(tmp)]) if hasattr(d, "raw_text")]
    tmp.unlink()
    pipeline = Pipeline.from_config(PipelineConfig(steps=("clean", "language", "sentences")))
    return [d for d in (pipeline.run(doc) for doc in docs) if hasattr(d, "sentences")]


def measure(args: argparse.Namespace) -> dict:
    import spacy

    from kronologi.ner import model as ner_model

    r: dict = {"threads": 1}
    path = args.model or ner_model.model_path("id")
    nlp, r["load_s"], _ = timed(spacy.load, path)
    sents = postag_sentences(args.sentences)
    ner_model.tag_with(nlp, sents[:50])  # warm-up
    _, wall, cpu = timed(ner_model.tag_with, nlp, sents)
    n = sum(map(len, sents))
    r["tag"] = {"sentences": len(sents), "tokens": n, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                "tokens_per_s": round(n / wall), "tokens_per_cpu_s": round(n / cpu)}
    if args.model is None and args.docs:
        from kronologi.ner.step import EntitiesStep
        from kronologi.text.tokens import tokenize

        docs = cleaned_docs(args.docs)
        step = EntitiesStep()
        step(docs[0])  # warm-up (the tokenizer's pattern is compiled on first use); re-running replaces its mentions
        _, wall, cpu = timed(lambda: [step(d) for d in docs])
        n = sum(len(tokenize(d.text, s.start, s.end)) for d in docs for s in d.sentences)
        r["step"] = {"documents": len(docs), "tokens": n, "mentions": sum(len(d.mentions) for d in docs),
                     "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                     "tokens_per_s": round(n / wall), "tokens_per_cpu_s": round(n / cpu)}
    meta = json.loads((Path(path) / "meta.json").read_text(encoding="utf-8"))
    r["model"] = f"{meta.get('name')} {meta.get('version')}"
    return r


def machine() -> dict[str, str]:
    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "nproc": str(os.cpu_count()),
            "python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
            "load": "%.1f" % os.getloadavg()[0]}


def rows(r: dict) -> list[tuple[str, str, str]]:
    ok = lambda rate: "met" if rate >= TARGET else "**missed**"  # noqa: E731
    out = [("model load", f"{r['load_s']:.2f} s ({r['model']})", "")]
    for key, what in (("tag", "tag pre-tokenized sentences (nlp-id-postag)"),
                      ("step", "step `entities` on cleaned articles (click-id-news)")):
        if key in r:
            m = r[key]
            size = f"{m['sentences']:,} sentences" if key == "tag" else f"{m['documents']:,} articles"
            out.append((what, f"{size}, {m['tokens']:,} tokens: {m['wall_s']:.1f} s, {m['tokens_per_s']:,} tokens/s; "
                              f"{m['cpu_s']:.1f} CPU s, {m['tokens_per_cpu_s']:,} tokens/CPU s",
                        f">= {TARGET:,}/s per core (CPU s): {ok(m['tokens_per_cpu_s'])}"))
    return out


def markdown(r: dict, m: dict[str, str]) -> str:
    lines = [f"\n## NER tagging (`benchmarks/ner.py`) — {m['date']}\n",
             f"Machine: {m['nproc']} cores ({m['cpu']}, load average {m['load']} at the end), Python {m['python']}; "
             f"one process, one thread. Reproduce: `.venv/bin/python benchmarks/ner.py --out benchmarks/results.md`.\n",
             "| measure | result | target |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows(r)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    r = measure(args)
    m = machine()
    print(f"Kronologi NER benchmark — {m['date']}, {m['nproc']} cores, load {m['load']}, Python {m['python']}")
    for name, value, target in rows(r):
        print(f"  {name:<52} {value}" + (f"   [{target.replace('**', '')}]" if target else ""))
    if args.json:
        args.json.write_text(json.dumps(r, indent=1) + "\n", encoding="utf-8")
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(markdown(r, m))
        print(f"results appended to {args.out}")


if __name__ == "__main__":
    main()
