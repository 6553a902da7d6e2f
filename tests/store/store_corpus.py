"""A small corpus written for the store tests (invented village, river and officials), built once into a store that
the chronicle-table tests and the datasette test read. A helper module, not a conftest: one conftest in the
tree keeps `from conftest import` unambiguous."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BuiltCorpus, build_articles, write_articles

RIVER_ID = """Sungai Cibening Meluap, 240 Rumah Terendam di Desa Karangsari
Senin, 6 Mei 2024 | 09:30 WIB
KARANGSARI, WARTALEMBAH.ID - Sungai Cibening meluap pada Minggu malam dan merendam 240 rumah di Desa Karangsari, Kabupaten Wanareja, kata Badan Penanggulangan Bencana Daerah Wanareja (BPBD).
Air mulai masuk ke permukiman sekitar pukul 22.00 WIB setelah hujan deras mengguyur kawasan hulu selama enam jam.
Sebanyak 800 warga mengungsi ke gedung sekolah dan masjid terdekat. "Kami sudah membuka dapur umum untuk para pengungsi dan menyiapkan perahu karet," ujar Kepala BPBD Wanareja Hendarto Sulistyo kepada wartawan.
Dua orang dilaporkan hilang terseret arus di dekat jembatan desa, menurut petugas.
"""

RESCUE_ID = """Banjir Karangsari: Dua Warga Ditemukan Selamat
Selasa, 7 Mei 2024 | 14:10 WIB
WANAREJA, WARTALEMBAH.ID - Tim SAR gabungan menemukan dua warga Desa Karangsari yang hilang terseret arus Sungai Cibening pada Selasa pagi dalam keadaan selamat.
Kepala BPBD Wanareja Hendarto Sulistyo mengatakan jumlah rumah terendam naik menjadi 310 rumah.
"Kedua warga itu bertahan di atas pohon kelapa semalaman sampai perahu kami datang," kata Hendarto di posko pengungsian.
Bupati Wanareja Ratna Kemalasari meninjau posko pengungsian pada Selasa siang dan menyerahkan bantuan beras.
"""

FLOOD_EN = """Floods swamp 300 homes in Wanareja village
WANAREJA, Indonesia (Lembah Wire) - Floods from the overflowing Cibening river swamped about 300 homes in the village of Karangsari on Sunday night, disaster officials said on Tuesday.
Two villagers who had been swept away by the current were found alive on Tuesday morning, the regional disaster agency said.
"The water rose faster than anyone expected," said Hendarto Sulistyo, head of the Wanareja disaster agency.
About 800 residents remain in temporary shelters at a school and a mosque.
"""

ARTICLES = {"sungai-meluap.txt": RIVER_ID, "banjir-karangsari.txt": RESCUE_ID, "flood-karangsari-en.txt": FLOOD_EN}


Built = BuiltCorpus


def write_corpus(folder: Path) -> Path:
    return write_articles(folder, ARTICLES)


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Built:
    """The fixture corpus built once into ``kronologi.db`` (tests that write to a store copy it)."""
    return build_articles(tmp_path_factory.mktemp("chronicle-store"), ARTICLES)
