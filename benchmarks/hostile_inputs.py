"""Hostile single inputs through ``kronologi build``: wall time and peak memory of each.

Each case is one generated input (written to a temporary folder, never kept) beside
one short article, built by the command line in its own process with the default
limits (so the build goes on past the hostile input, as it would in a corpus):

| case | input | expected |
|---|---|---|
| baseline | the short article alone | built (the cost of a build at all) |
| text-100mb | 100 MB of text on a single line | rejected, ``failed.ingest.too_large`` |
| html-100mb | a 100 MB HTML page of paragraphs | rejected, ``failed.ingest.too_large`` |
| gzip-bomb | a ~2 MB gzip that inflates to 2 GiB | rejected, ``failed.ingest.too_large`` |
| warc-bomb | a ~2 MB WARC.gz whose one record inflates to 2 GiB | rejected, ``failed.ingest.too_large`` |
| html-at-cap | a 1.9 MB HTML page of paragraphs, just under ``--max-page-bytes`` | read (the slowest page ingest allows) |

Peak RSS is ``ru_maxrss`` of the build process: each case runs under a fresh
intermediate process (``--one``) that reads ``RUSAGE_CHILDREN`` after its only
child exits. "Extra" is a case's wall time and peak over the baseline's (the cost
of the hostile input itself; a build's start-up, models included, is the baseline).
Target (issue 10): any single input up to 100 MB processed or rejected within 60 s
and 1 GB of memory more than the build without it. ``text-at-cap`` (a single-line
text just under ``--max-doc-bytes``, through every step) is not run unless named in ``--cases``.

    .venv/bin/python benchmarks/hostile_inputs.py [--out benchmarks/results.md] [--cases text-100mb,...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest_clean_dedup import machine  # noqa: E402

from kronologi.ingest.limits import DEFAULT_MAX_DOC_BYTES  # noqa: E402

KRONOLOGI = Path(sys.executable).with_name("kronologi")
MB = 1_000_000
ARTICLE = ("Banjir rob merendam ratusan rumah di pesisir utara pada Selasa malam, kata petugas setempat. "
           "Warga mengungsi ke balai desa sambil menunggu air surut dalam dua hari ke depan.\n")


def _text_line(path: Path) -> None:
    with path.open("wb") as fh:
        for _ in range(100):
            fh.write(b"kata " * (MB // 5))


def _html(path: Path, size: int = 100 * MB) -> None:
    para = b"<p>" + ARTICLE.strip().encode() + b"</p>\n"
    with path.open("wb") as fh:
        fh.write(b"<!doctype html><html><head><title>Besar</title></head><body><article>\n")
        for _ in range(size // len(para) - 1):
            fh.write(para)
        fh.write(b"</article></body></html>\n")


def _bomb(inflated: int, head: bytes = b"") -> bytes:
    unz = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    return b"".join([unz.compress(head)] + [unz.compress(zeros) for _ in range(inflated >> 20)]) + unz.flush()


def _warc_bomb(path: Path) -> None:
    size = 2 << 30
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (len(http) + size))
    path.write_bytes(_bomb(size, head + http))


CASES = {
    "baseline": ("article.txt", lambda p: p.write_text(ARTICLE * 3, encoding="utf-8")),
    "text-100mb": ("line.txt", _text_line),
    "html-100mb": ("page.html", _html),
    "gzip-bomb": ("bomb.txt.gz", lambda p: p.write_bytes(_bomb(2 << 30))),
    "warc-bomb": ("bomb.warc.gz", _warc_bomb),
    "html-at-cap": ("page.html", lambda p: _html(p, 1_900_000)),
    "text-at-cap": ("line.txt", lambda p: p.write_bytes(b"kata " * ((DEFAULT_MAX_DOC_BYTES - 2_000) // 5))),
}
DEFAULT_CASES = "baseline,text-100mb,html-100mb,gzip-bomb,warc-bomb,html-at-cap"


def run_one(folder: Path) -> dict:
    """Build ``folder``/input in a child process; wall time, peak RSS and outcome."""
    inputs = folder / "in"
    size = sum(p.stat().st_size for p in inputs.iterdir() if p.name != "article.txt")
    start = time.perf_counter()
    proc = subprocess.run([str(KRONOLOGI), "build", str(inputs), "-o", str(folder / "out"), "-q"],
                          capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    chronicle = json.loads((folder / "out" / "chronicle.json").read_text(encoding="utf-8"))
    rejected = ", ".join(r["reason"].split(":")[0] for r in chronicle["rejected"])
    outcome = f"{len(chronicle['documents'])} document(s) built" + (f"; rejected: {rejected}" if rejected else "")
    return {"wall_s": wall, "peak_mb": peak, "rc": proc.returncode, "outcome": outcome,
            "input_mb": size / MB}


def measure(case: str, tmp: Path) -> dict:
    name, make = CASES[case]
    folder = tmp / case
    (folder / "in").mkdir(parents=True)
    CASES["baseline"][1](folder / "in" / "article.txt")
    if case != "baseline":
        make(folder / "in" / name)
    out = subprocess.run([sys.executable, __file__, "--one", str(folder)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def section(results: dict[str, dict], uptime: str) -> str:
    m = machine()
    base = results.get("baseline", {}).get("peak_mb", 0)
    lines = [f"\n## Hostile inputs (`benchmarks/hostile_inputs.py`) — {m['date']}, commit {m['commit']}\n",
             f"Machine: {m['nproc']} cores ({m['cpu']}), Python {m['python']}; `uptime` before the runs: "
             f"`{uptime}`. Each case is `kronologi build INPUT -o OUT -q` with the default limits, in its own "
             "process, beside one short article; peak is that process's `ru_maxrss`; extra is over the baseline "
             "(the article alone), which is the cost of starting a build, models included.\n",
             "| case | input | wall | extra wall | peak RSS | extra RSS | exit | outcome | target (extra: 60 s, 1 GB) |",
             "|---|---|---|---|---|---|---|---|---|"]
    base_s = results.get("baseline", {}).get("wall_s", 0)
    for case, r in results.items():
        extra, extra_s = r["peak_mb"] - base, r["wall_s"] - base_s
        met = "met" if extra_s <= 60 and extra <= 1000 else "**not met**"
        lines.append(f"| {case} | {r['input_mb']:,.1f} MB | {r['wall_s']:.1f} s | {extra_s:+.1f} s | "
                     f"{r['peak_mb']:,.0f} MB | {extra:+,.0f} MB | {r['rc']} | {r['outcome']} | "
                     f"{met if case != 'baseline' else ''} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--cases", default=DEFAULT_CASES)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one))))
        return
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    results = {}
    with tempfile.TemporaryDirectory(prefix="kronologi-hostile-") as tmp:
        for case in args.cases.split(","):
            results[case] = measure(case, Path(tmp))
            print(case, results[case], file=sys.stderr)
    text = section(results, uptime)
    print(text)
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
