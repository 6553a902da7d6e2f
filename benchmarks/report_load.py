"""How long report.html and its largest story page take to open in Chromium (issue 13 item 6: under 2 s).

For each page given (or, for an output folder, its report.html and the largest page of its ``stories/``), loads
it in Debian's chromium driven by Playwright (a fresh tab each time, one browser for all) and reports its size
and the median of ``--runs`` loads: the navigation's ``loadEventEnd`` (the page parsed, laid out and its load
event fired) and the wall time until ``page.goto(..., wait_until="load")`` returned. Also, once per page, the
wall time of ``chromium --headless --dump-dom`` (a whole browser started for that page, as a person's click on
the file would). Never run ``playwright install``: the browser is /usr/bin/chromium.

    python benchmarks/report_load.py OUTDIR_OR_PAGE [...] [--runs 5]

One JSON line per page, for benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def pages_of(target: Path) -> list[Path]:
    """An output folder's report.html and its largest story page; a page as it is."""
    if target.is_file():
        return [target]
    stories = sorted((target / "stories").glob("*.html"), key=lambda p: p.stat().st_size)
    return [target / "report.html"] + stories[-1:]


def load_times(browser, page_path: Path, runs: int) -> tuple[list[float], list[float]]:
    """``runs`` loads of the page, each in a new tab: (loadEventEnd ms, wall ms)."""
    events, walls = [], []
    for _ in range(runs):
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        tab.goto(page_path.resolve().as_uri(), wait_until="load", timeout=300_000)
        walls.append((time.perf_counter() - start) * 1000)
        events.append(tab.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
        tab.close()
    return events, walls


def dump_dom_seconds(chromium: str, page_path: Path) -> float:
    """Wall time of one ``chromium --headless --dump-dom`` of the page, browser start included."""
    with tempfile.TemporaryDirectory() as profile:
        start = time.perf_counter()
        subprocess.run([chromium, "--headless", *FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                        page_path.resolve().as_uri()], capture_output=True, check=True, timeout=600)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("chromium is not installed (apt-get install chromium); never `playwright install`")
    pages = [p for target in args.targets for p in pages_of(target)]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
        for page_path in pages:
            events, walls = load_times(browser, page_path, args.runs)
            print(json.dumps({"page": str(page_path), "bytes": page_path.stat().st_size,
                              "load_event_ms": round(statistics.median(events)),
                              "goto_ms": round(statistics.median(walls)),
                              "dump_dom_s": round(dump_dom_seconds(chromium, page_path), 2)}), flush=True)
        browser.close()


if __name__ == "__main__":
    main()
