"""What the browser tests of ``kronologi serve`` share: Debian's chromium driven by Playwright (never
``playwright install``), failing loudly under CI=true when either is missing, a recorder of everything a page
complains about (console errors, uncaught exceptions, dialogs such as an article's ``alert()``), and one more
invented article for the phone-width run: a long unbroken address and a long title that a careless layout lets
push the page sideways."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field

import pytest

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Written for these tests (Indonesian): a follow-up on the invented Giriwangi landslide with one very long
# address in its text, as scraped articles often carry, and a long headline.
LONG_ADDRESS = ("https://kabarbukit.example/berita/2024/03/15/posko-pengungsian-giriwangi-menerima-bantuan-"
                "logistik-dari-kabupaten-tetangga-dan-relawan-kampus-hingga-jumat-sore")
FOLLOW_UP_ID = f"""Bantuan Logistik untuk Pengungsi Longsor Giriwangi Terus Berdatangan dari Kabupaten Tetangga dan Relawan Kampus
Jumat, 15 Maret 2024 | 16:05 WIB
SUKALARAS, KABARBUKIT.ID - Posko pengungsian di balai desa Giriwangi menerima 40 paket bantuan logistik pada Jumat siang, kata petugas posko.
Daftar kebutuhan pengungsi diumumkan di {LONG_ADDRESS} dan diperbarui setiap sore.
Relawan dari tiga kampus membantu dapur umum sejak Kamis malam.
"""


def need_chromium() -> str:
    """Debian's chromium; fail in CI (CI=true), skip on a laptop without it."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    _missing("chromium is not installed: scripts/test.sh installs Debian's chromium")
    raise AssertionError("unreachable")


def need_playwright():
    """``playwright.sync_api.sync_playwright``; fail in CI, skip elsewhere, when the test extra is not installed."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed: bash scripts/setup.sh test installs it (never `playwright install`)")
        raise AssertionError("unreachable")
    return sync_playwright


def _missing(message: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Complaints:
    """Everything pages said went wrong while the recorder listened."""

    console: list[str] = field(default_factory=list)
    uncaught: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return self.console + self.uncaught + self.dialogs


def listen(page) -> Complaints:
    """Record ``page``'s console errors and warnings, uncaught errors and dialogs (dismissed)."""
    seen = Complaints()
    page.on("console", lambda msg: seen.console.append(f"{msg.type}: {msg.text} ({msg.location.get('url')})")
            if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: seen.uncaught.append(f"{exc} ({page.url})"))
    page.on("dialog", lambda dialog: (seen.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
    return seen


def target_style(page) -> dict | None:
    """The ``:target`` element's id, text, a few computed styles, and whether it sits inside the viewport."""
    return page.evaluate("""() => {
        const el = document.querySelector(':target');
        if (!el) return null;
        const css = getComputedStyle(el), box = el.getBoundingClientRect();
        return {id: el.id, text: el.textContent, background: css.backgroundColor,
                outline: css.outlineStyle, outlineWidth: css.outlineWidth,
                inView: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0};
    }""")


def sentence_style(page, sentence_id: str) -> dict:
    """Background and outline of the sentence element with this id (for comparing a target with the others)."""
    return page.evaluate("""(id) => {
        const css = getComputedStyle(document.getElementById(id));
        return {background: css.backgroundColor, outline: css.outlineStyle};
    }""", sentence_id)


def layout(page) -> dict:
    """Widths that show a sideways scroll, and the smallest font size of visible text in ``main``."""
    return page.evaluate("""() => {
        const sizes = [...document.querySelectorAll('main *')]
            .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
            .filter(el => el.getClientRects().length > 0)
            .map(el => parseFloat(getComputedStyle(el).fontSize));
        return {scrollWidth: document.documentElement.scrollWidth, bodyWidth: document.body.scrollWidth,
                viewport: window.innerWidth, smallestFont: Math.min(...sizes), texts: sizes.length};
    }""")
