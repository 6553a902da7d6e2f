#!/usr/bin/env python
"""Screenshots of ``kronologi serve``'s main pages for the README (docs/screenshots/*.png).

Builds the bundled example corpus into a temporary store (or reads ``--db``), serves it on a free loopback port
with the real uvicorn server, and photographs each main page in Debian's chromium driven by Playwright — the same
browser the tests use, so the pictures show what a user sees. Which story, event, document and entity to show is
read from the pages' JSON twins (the largest story, its best-sourced event, the sentence of its first disputed
figure, that event's first actor), so the script needs no ids written into it.

Usage: .venv/bin/python scripts/screenshots.py [--db FILE] [--out docs/screenshots] [--query korban]
Never run ``playwright install``: the browser is /usr/bin/chromium (``apt-get install chromium``)."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1280, 1000
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
TOO_BIG = 300_000  # bytes: a screenshot past this is worth a look (README images load on every visit)

log = logging.getLogger("screenshots")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    log.setLevel(logging.INFO)  # the build's own progress stays quiet; each picture is listed
    from playwright.sync_api import sync_playwright

    from kronologi.serve.local import serving

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        log.error("chromium is not installed (apt-get install chromium); never `playwright install`")
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _build_examples(Path(tmp) / "kronologi.db")
        with serving(db) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            for name, path in pages(base, args.query).items():
                _shoot(page, base + path, args.out / f"{name}.png")
            browser.close()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store to show (default: the example corpus, built afresh)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--query", default="korban", help="the search page's query (default: korban)")
    return parser


def _build_examples(db: Path) -> Path:
    import kronologi

    log.info("building examples/corpus into %s", db)
    kronologi.build([str(ROOT / "examples" / "corpus")], meta=ROOT / "examples" / "meta.csv", db=db)
    return db


def pages(base: str, query: str) -> dict[str, str]:
    """Each main page's path, chosen from the JSON twins."""
    listing = _json(base, "/stories.json?size=100")["stories"]["items"]
    story_id = max(listing, key=lambda s: (s["documents"], s["events"]))["id"]
    story = _json(base, _url("stories", story_id) + ".json")
    events = story["timeline"]["items"]
    event_id = max(events, key=lambda ev: len(ev["sources"]))["id"]
    event = _json(base, _url("events", event_id) + ".json")
    fig = _disputed_figure(story["ledger"])
    who = event["actors"] or ([event["location"]] if event["location"] else [])
    shots = {"stories": "/", "story": _url("stories", story_id), "event": _url("events", event_id),
             "document": _url("documents", fig["doc"]) + f"#s{fig['sentence']}",
             "search": "/search?" + urllib.parse.urlencode({"q": query})}
    if who:
        shots["entity"] = _url("entities", who[0]["id"])
    return shots


def _disputed_figure(ledger: list[dict]) -> dict:
    """A figure whose sources disagree (any figure when none do), the earliest in its article: its sentence
    then shows highlighted with the document's title still on screen."""
    disputed = [line for line in ledger if line["relation"] in ("contradiction", "update", "retraction")]
    figures = [fig for line in (disputed or ledger) for fig in line["figures"]]
    return min(figures, key=lambda fig: fig["sentence"])


def _url(kind: str, key: str) -> str:
    return f"/{kind}/{quote(str(key), safe='')}"


def _json(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as answer:  # noqa: S310 - our own loopback server
        return json.load(answer)


def _shoot(page, url: str, target: Path) -> None:
    answer = page.goto(url, wait_until="load")
    if answer is None or answer.status != 200:
        raise SystemExit(f"{url} answered {answer.status if answer else 'nothing'}")
    page.screenshot(path=str(target))
    size = target.stat().st_size
    log.info("%s  %s  %d KB%s", target.name, url, size // 1000, "  (over 300 KB)" if size > TOO_BIG else "")


if __name__ == "__main__":
    sys.exit(main())
