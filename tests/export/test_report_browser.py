"""report.html in a real browser: it renders, logs no console errors, shows the timeline,
and an article's own <script> text never runs. Needs Debian's chromium (scripts/test.sh
installs it where it can); fails loudly in CI without it."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

import kronologi
from kronologi.export import write_all

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
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    hostile = out / "hostile.txt"
    hostile.write_text("Judul berita dengan kode jahat di dalamnya\n"
                       "Warga melaporkan <script>document.title='HACKED'</script> di halaman ini pada Senin malam.\n"
                       "Petugas memastikan tidak ada yang terluka dan situs kembali normal pada Selasa pagi.\n",
                       encoding="utf-8")
    chronicle = kronologi.build([str(EXAMPLES), str(hostile)], meta=ROOT / "examples" / "meta.csv")
    return write_all(chronicle, out / "site")["report.html"]


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
