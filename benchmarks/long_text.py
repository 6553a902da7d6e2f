"""Long single documents: wall time and peak memory of ``kronologi build`` on one huge line.

A news site sometimes serves a whole archive, or a scraper glues every paragraph
into one line. Each per-document step must stay linear in the text, so this
benchmark generates one plain-text article of ``--sizes`` megabytes (default: just
under ``--max-doc-bytes``, the largest text a build accepts), all on a single line,
from sentences written here (Indonesian, or English
with ``--lang en``): quotes in every quote style, numbers, money, percentages,
dates and weekdays, repeated with variation (a seeded random choice of names,
places, figures and dates, so no two neighbouring sentences are the same).

For each size it runs ``kronologi build FILE -o OUT -j 1 -q --max-doc-bytes CAP`` in a subprocess (the
whole pipeline: ingest, clean, language, sentences, dates, entities, claims,
events, corpus passes, exports) and ``kronologi dates FILE`` (the temporal
layer alone), and reports wall seconds and the subprocess's peak RSS
(``ru_maxrss`` of the child, from ``os.wait4``). A run past ``--timeout`` seconds is killed and
reported as such. Target (issue 10): any document the cap lets in goes through every
step in under 60 s and 1 GB, so the default cap is the largest round size that does.
Nothing asserts a timing: this is not a test.

    .venv/bin/python benchmarks/long_text.py [--sizes 0.5 1] [--max-doc-bytes N] [--lang id]
        [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from kronologi.ingest.limits import DEFAULT_MAX_DOC_BYTES

ROOT = Path(__file__).resolve().parents[1]
KRONOLOGI = ROOT / ".venv" / "bin" / "kronologi"
TARGET_SECONDS, TARGET_MB = 60.0, 1024.0
UNDER_CAP = 2_000  # bytes below the cap asked of the generator; it overshoots by one sentence at most

_ID = {
    "names": ["Budi Santoso", "Siti Rahayu", "Agus Wibowo", "Dewi Lestari", "Joko Prasetyo", "Rina Marlina"],
    "places": ["Bandung", "Surabaya", "Makassar", "Medan", "Kupang", "Pontianak"],
    "months": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus"],
    "days": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    "templates": [
        "Gubernur {name} mengatakan banjir di {place} merendam {n} rumah pada {day} ({d}/{m}).",
        "\"Kami sudah mengirim {n} personel ke lokasi,\" kata {name} di {place}, {d} {month} {y}.",
        "Menurut {name}, anggaran perbaikan jalan mencapai Rp{n} miliar tahun ini.",
        "“Harga beras naik {p} persen sejak awal {month},” ujar {name}.",
        "Polisi menangkap {n} tersangka di {place} pada {d} {month} {y} malam.",
        "«Kami tidak akan mundur», tegas {name} kepada wartawan di {place}.",
        "Sekitar {n} warga mengungsi ke balai desa, kata petugas BPBD, Kamis sore.",
        "Pemerintah akan membangun {n} unit rumah susun di {place} mulai {month} {y}.",
        "‘Situasinya sudah terkendali’, kata {name}, dua hari setelah kerusuhan.",
        "Data BPS menunjukkan inflasi {p} persen pada {month} {y}, lebih rendah dari bulan lalu.",
        "Ia menyebut “bantuan ‘darurat’ itu” tiba pada pukul {hh}.{mm} WIB.",
        "Kementerian mencatat {n} kasus baru dalam sepekan terakhir di {place}.",
    ],
}
_EN = {
    "names": ["John Carter", "Maria Lopez", "Ahmed Khan", "Laura Chen", "Peter Novak", "Grace Obi"],
    "places": ["Leeds", "Denver", "Mombasa", "Lyon", "Osaka", "Quito"],
    "months": ["January", "February", "March", "April", "May", "June", "July", "August"],
    "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "templates": [
        "Governor {name} said floods in {place} damaged {n} homes on {day}, {month} {d}.",
        "\"We have sent {n} officers to the scene,\" {name} told reporters in {place} on {month} {d}, {y}.",
        "According to {name}, the road budget reached ${n} million this year.",
        "“Rice prices rose {p} percent since early {month},” {name} said.",
        "Police arrested {n} suspects in {place} on {month} {d}, {y}.",
        "‘The situation is under control’, {name} said two days after the riot.",
        "About {n} residents fled to the village hall, an official said on {day} afternoon.",
        "The government will build {n} housing units in {place} starting in {month} {y}.",
        "Data showed inflation of {p} percent in {month} {y}, lower than the previous month.",
        "She called the “‘emergency’ aid” late, saying it arrived at {hh}:{mm} local time.",
    ],
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-doc-bytes", type=int, default=DEFAULT_MAX_DOC_BYTES,
                        help=f"the cap passed to the build (default {DEFAULT_MAX_DOC_BYTES:,}, the build's)")
    parser.add_argument("--sizes", type=float, nargs="+", help="megabytes (default: just under the cap)")
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="language of the sentences")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run is killed (default 600)")
    parser.add_argument("--skip-dates", action="store_true", help="time only the build")
    parser.add_argument("--out", type=Path, help="append a Markdown section to this file")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or [under_cap(args.max_doc_bytes)]
    return args


def under_cap(cap: int) -> float:
    """The size (MB) to generate for a text just under ``cap`` bytes."""
    return (cap - UNDER_CAP) / 1_000_000


def sentence(rng: random.Random, pack: dict) -> str:
    """One generated sentence from ``pack``'s templates with random names, places, figures, dates."""
    return rng.choice(pack["templates"]).format(
        name=rng.choice(pack["names"]), place=rng.choice(pack["places"]), month=rng.choice(pack["months"]),
        day=rng.choice(pack["days"]), d=rng.randint(1, 28), m=rng.randint(1, 12), y=rng.randint(2015, 2026),
        n=f"{rng.randint(2, 9_999):,}".replace(",", "."), p=f"{rng.randint(1, 30)},{rng.randint(0, 9)}",
        hh=f"{rng.randint(0, 23):02d}", mm=f"{rng.randint(0, 59):02d}")


def generate(megabytes: float, lang: str, seed: int = 10) -> str:
    """A single line of about ``megabytes`` MB (UTF-8) of generated news sentences."""
    rng, pack = random.Random(seed), _ID if lang == "id" else _EN
    target, parts, size = int(megabytes * 1_000_000), [], 0
    while size < target:
        part = sentence(rng, pack)
        parts.append(part)
        size += len(part.encode("utf-8")) + 1
    return " ".join(parts) + "\n"


def run(cmd: list[str], timeout: float) -> dict:
    """Run ``cmd``; wall and CPU seconds, its peak RSS (MB, from ``wait4``) and exit status (None when killed).
    On a shared machine the wall time swings with the load; the CPU time much less."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            status = None
            break
        time.sleep(0.05)
    proc.returncode = 0  # reaped here: keep Popen from waiting again
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status) if status is not None else None
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "status": code}


def measure(args: argparse.Namespace) -> list[tuple[float, str, dict]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes:
            path = Path(tmp) / f"long-{mb:g}mb.txt"
            path.write_text(generate(mb, args.lang), encoding="utf-8")
            out = Path(tmp) / f"out-{mb:g}"
            runs = {"build": [str(KRONOLOGI), "build", str(path), "-o", str(out), "-j", "1", "-q",
                              "--max-doc-bytes", str(args.max_doc_bytes)]}
            if not args.skip_dates:
                runs["dates"] = [str(KRONOLOGI), "dates", str(path), "--lang", args.lang, "--reference-date",
                                 "2024-05-01"]
            for name, cmd in runs.items():
                result = run(cmd, args.timeout)
                rows.append((mb, name, result))
                print(f"{mb:g} MB {name}: {_fmt(result)}", file=sys.stderr)
    return rows


def _fmt(result: dict) -> str:
    if result["status"] is None:
        return f"killed after {result['seconds']:.0f} s"
    return (f"{result['seconds']:.1f} s ({result['cpu']:.1f} s CPU), peak RSS {result['rss_mb']:,.0f} MB, "
            f"exit {result['status']}")


def report(args: argparse.Namespace, rows: list[tuple[float, str, dict]]) -> str:
    lines = [f"## Long single-line documents (`benchmarks/long_text.py`) — "
             f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {_commit()}",
             "",
             f"Machine: {os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
             f"load average at the end {os.getloadavg()[0]:.1f} (`uptime`: {_uptime()}). One generated "
             f"{args.lang} article per size, on one line; `kronologi build -j 1` and `kronologi dates`.",
             "",
             f"Cap `--max-doc-bytes {args.max_doc_bytes:,}`.",
             "",
             "| size | command | wall | CPU | peak RSS | exit | target (< 60 s, < 1 GB) |",
             "|---|---|---|---|---|---|---|"]
    for mb, name, r in rows:
        killed = r["status"] is None
        rss = f"{r['rss_mb']:,.0f} MB"
        met = not killed and r["seconds"] < TARGET_SECONDS and r["rss_mb"] < TARGET_MB
        wall = f"killed at {r['seconds']:.0f} s" if killed else f"{r['seconds']:.1f} s"
        lines.append(f"| {mb:g} MB | {name} | {wall} | {r['cpu']:.1f} s | {rss} | "
                     f"{'-' if killed else r['status']} | {'met' if met else 'NOT met'} |")
    return "\n".join(lines) + "\n"


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


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
    text = report(args, measure(args))
    print(text)
    if args.out:
        with args.out.open("a", encoding="utf-8") as out:
            out.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
