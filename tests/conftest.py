"""Shared fixtures. Tests that need ../shared fail loudly in CI when it is missing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KRONOLOGI_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "corpus"


def need_shared(*parts: str) -> Path:
    """Path under ../shared; fail in CI (CI=true) when absent, skip on a laptop."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{path} is missing: CI must have ../shared beside the checkout")
        pytest.skip(f"{path} not available")
    return path


# An article written for these tests (Indonesian), with debris around it.
ARTICLE_ID = """Beranda
 Nasional
 Daerah
Banjir Rendam Ratusan Rumah di Pesisir Demak
Banjir Rendam Ratusan Rumah di Pesisir Demak
Kamis, 4 Januari 2024 | 10:15 WIB
1.204 kali dibaca
DEMAK, WARTAPESISIR.ID - Banjir rob merendam sedikitnya 350 rumah di tiga desa pesisir Kabupaten Demak sejak Selasa malam, kata petugas BPBD setempat.
Air mulai naik sekitar pukul 21.00 WIB dan mencapai ketinggian 60 sentimeter pada Rabu pagi, seperti dikutip Antara.
Baca juga: Warga Pesisir Diminta Waspada Gelombang Tinggi
Pengungsian
Sebanyak 1.100 warga mengungsi ke balai desa dan masjid terdekat. “Kami sudah menyiapkan dapur umum. Bantuan terus datang,” ujar Kepala BPBD Demak kepada wartawan.
Petugas memperkirakan air baru surut dalam dua hari ke depan jika cuaca membaik. (ant)
Bagikan artikel ini!
judi slot online terpercaya
by spinner77
"""

ARTICLE_EN = """Home | World | Asia
Flood waters reach homes in coastal Demak
SEMARANG, Indonesia (Reuters) - Tidal floods have swamped at least 350 homes in three villages on the coast of Demak regency, local disaster officials said on Wednesday.
The water began rising at about 9 p.m. on Tuesday and reached 60 cm by the morning, an official told Reuters.
Read also: Coastal towns warned of high waves
About 1,100 residents have moved to village halls and mosques, the agency said.
Share this story
Copyright 2024 Example News. All rights reserved.
"""


@pytest.fixture
def article_id() -> str:
    return ARTICLE_ID


@pytest.fixture
def article_en() -> str:
    return ARTICLE_EN


@dataclass
class BuiltCorpus:
    """A corpus of articles written for a test, built once into a store."""

    folder: Path
    db: Path
    chronicle: object  # kronologi.chronicle.Chronicle


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build_articles(root: Path, articles: dict[str, str]) -> BuiltCorpus:
    """``articles`` (file name -> text) written under ``root/in`` and built into ``root/kronologi.db``."""
    import kronologi

    folder = write_articles(root / "in", articles)
    db = root / "kronologi.db"
    return BuiltCorpus(folder, db, kronologi.build([str(folder)], db=db))
