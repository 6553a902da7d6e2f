"""report.html in a real browser: it renders, logs no console errors, shows the timeline,
and an article's own <script> text never runs; for a large corpus, the index and a story page
open and a story's link leads from one to the other and to an article's sentence. Needs Debian's
chromium (scripts/test.sh installs it where it can) and Playwright for the clicks; fails loudly in
CI without them."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

import kronologi
from kronologi.export import storypages, write_all

from conftest import EXAMPLES, ROOT

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("chromium is not installed: scripts/test.sh installs Debian's chromium")
    pytest.skip("chromium not installed")


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    hostile = out / "hostile.txt"
    hostile.write_text("Judul berita dengan kode jahat di dalamnya\n"
                       "Warga melaporkan <script>document.title='HACKED'</script> di halaman ini pada Senin malam.\n"
                       "Petugas memastikan tidak ada yang terluka dan situs kembali normal pada Selasa pagi.\n",
                       encoding="utf-8")
    return kronologi.build([str(EXAMPLES), str(hostile)], meta=ROOT / "examples" / "meta.csv")


@pytest.fixture(scope="module")
def report(chronicle, tmp_path_factory):
    return write_all(chronicle, tmp_path_factory.mktemp("report") / "site")["report.html"]


@pytest.fixture(scope="module")
def story_pages(chronicle, tmp_path_factory):
    """The same chronicle as an index and story pages (as a corpus past the one-page limits is written)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(storypages, "ONE_PAGE_DOCUMENTS", 1)
        return write_all(chronicle, tmp_path_factory.mktemp("pages") / "site")


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("playwright is not installed: bash scripts/setup.sh test installs it")
        pytest.skip("playwright not installed")
    return sync_playwright


def _run(args: list[str], tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run([_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120)


def test_report_renders_without_console_errors_and_keeps_scripts_inert(report, tmp_path):
    result = _run(["--enable-logging=stderr", "--v=0", "--dump-dom", report.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "<title>Kronologi chronicle</title>" in dom  # the article's script did not retitle the page
    assert "&lt;script&gt;document.title" in dom and "<script>document.title" not in dom
    assert "<svg" in dom and ">Timeline</h3>" in dom
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console


def test_report_screenshot_shows_the_page(report, tmp_path):
    shot = tmp_path / "report.png"
    result = _run([f"--screenshot={shot}", "--window-size=1280,1600", report.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_report_index_links_to_a_story_page_that_opens_and_links_back(story_pages, tmp_path):
    chromium, sync_playwright = _chromium(), _playwright()
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS[1:])
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(story_pages["report.html"].as_uri())
        assert page.title() == "Kronologi chronicle" and page.locator("nav.toc table tr").count() >= 2
        page.locator("nav.toc a[href^='stories/']").first.click()
        page.wait_for_load_state("load")
        assert "/stories/" in page.url and page.title().endswith("· Kronologi chronicle")
        assert page.locator("h3", has_text="Timeline").count() == 1 and page.locator("div.text").count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # no sideways scroll
        sentence = page.locator("ul.tl a[href^='#']").first
        fragment = sentence.get_attribute("href")
        sentence.click()
        assert page.evaluate("location.hash") == fragment
        assert page.evaluate("document.querySelector(':target') !== null")  # the sentence it points at exists
        page.locator("a[href='../report.html']").first.click()
        page.wait_for_load_state("load")
        assert page.url == story_pages["report.html"].as_uri()
        browser.close()
    assert not errors, errors
