"""``kronologi serve`` under load: 20 concurrent clients for 30 s against a store, latency per page kind.

Starts the real server (``kronologi serve --db STORE``: uvicorn, ``--workers`` processes, 1 by default, on a free
port of 127.0.0.1) as a subprocess, picks a sample of page URLs from the JSON twins (stories across the list's pages, then their events,
documents and entities, searches for words of their titles, and filtered list pages: by outlet and by language),
and drives it with ``wrk`` (Debian's package; ``apt-get install wrk``), one connection per wrk thread so each
answer is timed against its own request (``serve_load.lua``). The HTML pages are asked for, as a reader's browser
would. Reported per page kind: requests, errors (an answer other than 2xx, or no answer), p50/p95/p99 latency;
the machine's load average before, during (the highest 1-minute value seen) and after the run.

Goal (issue 14): p95 under 300 ms for a story page and 0 errors. The sample is read through the same server just
before the run, so its pages have been asked once (SQLite's page cache and the OS's file cache are warm, as on
a server in use). Nothing asserts the goal; this is a measurement, recorded with ``--out``.

    .venv/bin/python benchmarks/serve_load.py --db /tmp/k22/kronologi.db [--clients 20] [--duration 30]
        [--per-kind 40] [--workers 1] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

from ingest_clean_dedup import machine

ROOT = Path(__file__).resolve().parents[1]
LUA = Path(__file__).with_name("serve_load.lua")
KINDS = ("story", "event", "document", "entity", "search", "stories")
GOAL = {"kind": "story", "p95_ms": 300.0}
WORD = re.compile(r"[^\W\d_]{5,}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", type=Path, required=True, help="the store to serve (a build's kronologi.db)")
    p.add_argument("--workers", type=int, default=1, help="server processes (kronologi serve --workers)")
    p.add_argument("--clients", type=int, default=20, help="concurrent clients (wrk connections, one per thread)")
    p.add_argument("--duration", type=int, default=30, help="seconds of load")
    p.add_argument("--per-kind", type=int, default=40, help="URLs sampled per page kind")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--out", type=Path, help="append a Markdown section to this results file")
    return p.parse_args(argv)


# the server --------------------------------------------------------------------
def free_port() -> int:
    """A port the system calls free now (the server binds it a moment later)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    kronologi = Path(sys.executable).with_name("kronologi")
    command = [str(kronologi), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"kronologi serve exited ({server.returncode}): {server.stderr.read()}")
        try:
            get_json(f"http://127.0.0.1:{port}", "/openapi.json")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("kronologi serve did not answer within 60 s")


def get_json(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=60) as answer:
        return json.load(answer)


# the sample --------------------------------------------------------------------
def quoted(kind: str, key: str) -> str:
    return f"/{kind}/{urllib.parse.quote(key, safe='')}"


def sample_urls(base: str, per_kind: int, rng: random.Random) -> list[tuple[str, str]]:
    """``(kind, path)`` pairs, ``per_kind`` of each kind (fewer where the store holds fewer), shuffled."""
    first = get_json(base, "/stories.json?size=100")["stories"]
    pages = rng.sample(range(1, first["pages"] + 1), min(first["pages"], per_kind))
    stories = [s for page in pages for s in get_json(base, f"/stories.json?size=100&page={page}")["stories"]["items"]]
    chosen = rng.sample(stories, min(len(stories), per_kind))
    urls: dict[str, list[str]] = defaultdict(list)
    events, documents, titles, outlets, languages = [], [], [], set(), set()
    for s in chosen:
        urls["story"].append(quoted("stories", s["id"]))
        story = get_json(base, quoted("stories", s["id"]) + ".json")
        events += [ev["id"] for ev in story["timeline"]["items"]]
        documents += [d["id"] for d in story["documents"]]
        outlets |= {d["outlet"] for d in story["documents"] if d["outlet"]}
        languages |= {d["language"] for d in story["documents"] if d["language"]}
        titles.append(s["title"] or "")
    entities = []
    for ev in rng.sample(events, min(len(events), per_kind)):
        urls["event"].append(quoted("events", ev))
        entities += [a["id"] for a in get_json(base, quoted("events", ev) + ".json")["actors"]]
    urls["document"] = [quoted("documents", d) for d in rng.sample(documents, min(len(documents), per_kind))]
    urls["entity"] = [quoted("entities", e) for e in rng.sample(sorted(set(entities)), min(len(set(entities)), per_kind))]
    words = sorted({w.lower() for t in titles for w in WORD.findall(t)})
    urls["search"] = ["/search?" + urllib.parse.urlencode({"q": w}) for w in rng.sample(words, min(len(words), per_kind))]
    filters = [{"outlet": o} for o in sorted(outlets)] + [{"lang": lang} for lang in sorted(languages)]
    urls["stories"] = ["/?" + urllib.parse.urlencode(f) for f in filters]
    urls["stories"] = rng.sample(urls["stories"], min(len(urls["stories"]), per_kind // 2))
    urls["stories"] += [f"/?page={p}" for p in pages[: per_kind - len(urls["stories"])]]
    pairs = [(kind, path) for kind in KINDS for path in urls[kind]]
    rng.shuffle(pairs)
    return pairs


# the load ----------------------------------------------------------------------
class LoadSampler:
    """The 1-minute load average, read every second while the load runs."""

    def __init__(self):
        self.highest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "LoadSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            self.highest = max(self.highest, os.getloadavg()[0])


def run_wrk(base: str, pairs: list[tuple[str, str]], clients: int, duration: int, tmp: Path) -> tuple[Path, str]:
    urls, out = tmp / "urls.tsv", tmp / "answers.tsv"
    urls.write_text("".join(f"{kind}\t{path}\n" for kind, path in pairs), encoding="utf-8")
    env = {**os.environ, "KRONOLOGI_LOAD_URLS": str(urls), "KRONOLOGI_LOAD_OUT": str(out)}
    command = ["wrk", "-t", str(clients), "-c", str(clients), "-d", f"{duration}s", "--timeout", "10s",
               "--latency", "-s", str(LUA), base + "/"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=duration + 120)
    if done.returncode != 0:
        raise SystemExit(f"wrk failed ({done.returncode}): {done.stderr}")
    return out, done.stdout


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of sorted ``values``."""
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, int(round(share * len(values) + 0.5)) - 1))]


def summarise(answers: Path) -> dict[str, dict]:
    latencies: dict[str, list[float]] = defaultdict(list)
    bad: dict[str, int] = defaultdict(int)
    started: dict[str, int] = defaultdict(int)
    inflight: dict[str, int] = defaultdict(int)
    for line in answers.read_text(encoding="utf-8").splitlines():
        a, b, c = line.split("\t")
        if a == "started":
            started[b] += int(c)
        elif a == "inflight":
            inflight[b] += int(c)
        else:
            latencies[a].append(int(c) / 1000)
            bad[a] += not 200 <= int(b) < 300
    out = {}
    for kind in KINDS:
        values = sorted(latencies[kind])
        unanswered = started[kind] - len(values) - inflight[kind]
        out[kind] = {"requests": len(values), "errors": bad[kind] + unanswered, "non_2xx": bad[kind],
                     "unanswered": unanswered, "p50": percentile(values, 0.50), "p95": percentile(values, 0.95),
                     "p99": percentile(values, 0.99), "max": values[-1] if values else float("nan")}
    return out


# the report --------------------------------------------------------------------
def report(args: argparse.Namespace, result: dict) -> str:
    m, kinds, goal = result["machine"], result["kinds"], result["goal"]
    lines = [f"## Serve under load (`benchmarks/serve_load.py`) — {m['date']}, commit {m['commit']}", "",
             f"Machine: {m['nproc']} cores ({m['cpu']}), Python {m['python']}; `kronologi serve --workers "
             f"{args.workers}` (uvicorn, {args.workers} process{'es' if args.workers > 1 else ''}) and wrk on the "
             f"same machine. Store: `{args.db}` ({result['store']}). Load: wrk, "
             f"{args.clients} connections (one per thread) for {args.duration} s over {result['urls']} sampled "
             f"URLs (HTML pages), {result['rps']:.1f} answers/s. Load average (1 min): "
             f"{result['load_before']:.2f} before, highest {result['load_highest']:.2f} during, "
             f"{result['load_after']:.2f} after.", "",
             "| page | requests | errors | p50 ms | p95 ms | p99 ms | max ms |", "|---|---|---|---|---|---|---|"]
    for kind in KINDS:
        k = kinds[kind]
        lines.append(f"| {kind} | {k['requests']} | {k['errors']} | {k['p50']:.0f} | {k['p95']:.0f} | "
                     f"{k['p99']:.0f} | {k['max']:.0f} |")
    lines += ["", f"Goal (issue 14): a story page's p95 under {GOAL['p95_ms']:.0f} ms and 0 errors: "
              f"**{goal}** (story p95 {kinds['story']['p95']:.0f} ms, {result['errors']} errors in all). "
              f"wrk's own count: {result['wrk_errors']}.",
              "", f"Reproduce: `.venv/bin/python benchmarks/serve_load.py --db STORE --workers {args.workers} "
              "--out benchmarks/results.md`.", ""]
    return "\n".join(lines)


def store_size(db: Path) -> str:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("docs", "stories", "events", "entities", "figures")}
    return ", ".join(f"{n:,} {t}" for t, n in counts.items())


def wrk_errors(stdout: str) -> str:
    found = [ln.strip() for ln in stdout.splitlines() if "errors" in ln or "Non-2xx" in ln]
    return "; ".join(found) or "no socket errors, no non-2xx answers"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install -y wrk", file=sys.stderr)
        return 2
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port, args.workers)
    try:
        pairs = sample_urls(base, args.per_kind, random.Random(args.seed))
        load_before = os.getloadavg()[0]
        with tempfile.TemporaryDirectory() as tmp, LoadSampler() as sampler:
            answers, stdout = run_wrk(base, pairs, args.clients, args.duration, Path(tmp))
            kinds = summarise(answers)
        load_after = os.getloadavg()[0]
    finally:
        server.send_signal(signal.SIGINT)  # uvicorn stops its worker processes too
        server.wait(30)
    total = sum(k["requests"] for k in kinds.values())
    errors = sum(k["errors"] for k in kinds.values())
    met = kinds["story"]["p95"] < GOAL["p95_ms"] and errors == 0
    result = {"machine": machine(), "kinds": kinds, "urls": len(pairs), "rps": total / args.duration,
              "errors": errors, "goal": "met" if met else "missed", "load_before": load_before,
              "load_highest": max(sampler.highest, load_after), "load_after": load_after,
              "store": store_size(args.db), "wrk_errors": wrk_errors(stdout)}
    text = report(args, result)
    print(text)
    print(stdout, file=sys.stderr)
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
