"""A small invented corpus for the server tests (a landslide in an invented hill village, invented officials),
built once into a store that ``kronologi serve``'s app reads. One article carries a ``<script>`` tag in its text:
every page must show it as text, never run it."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from kronologi.serve import create_app

from conftest import BuiltCorpus, build_articles, write_articles

with warnings.catch_warnings():  # Starlette 1.10 prefers httpx2 for its test client; the pinned httpx works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from starlette.testclient import TestClient

LANDSLIDE_ID = """Longsor Timbun Lima Rumah di Desa Giriwangi
Rabu, 13 Maret 2024 | 08:45 WIB
GIRIWANGI, KABARBUKIT.ID - Tanah longsor menimbun lima rumah di Desa Giriwangi, Kabupaten Sukalaras, pada Selasa malam setelah hujan deras mengguyur lereng Bukit Cemara, kata Badan Penanggulangan Bencana Daerah Sukalaras (BPBD).
Tiga warga dilaporkan tewas dan empat orang luka-luka dalam kejadian itu.
"Kami mengerahkan alat berat untuk membuka akses jalan desa," ujar Kepala BPBD Sukalaras Wiratmo Adiguna kepada wartawan.
Sebanyak 120 warga mengungsi ke balai desa Giriwangi.
"""

TOLL_ID = """Korban Longsor Giriwangi Bertambah Menjadi Lima Orang <script>alert('x')</script>
Kamis, 14 Maret 2024 | 10:20 WIB
SUKALARAS, KABARBUKIT.ID - Jumlah korban tewas akibat longsor di Desa Giriwangi bertambah menjadi lima orang pada Kamis pagi, kata Kepala BPBD Sukalaras Wiratmo Adiguna.
Tim SAR gabungan menemukan dua jenazah di bawah timbunan tanah pada Kamis pagi <script>alert('x')</script> setelah pencarian semalaman.
"Pencarian kami hentikan karena semua warga yang dilaporkan hilang sudah ditemukan," kata Wiratmo di posko pengungsian.
Bupati Sukalaras Melati Kusumawardani meninjau lokasi longsor pada Kamis siang.
"""

LANDSLIDE_EN = """Landslide buries homes in Giriwangi village, five dead
SUKALARAS, Indonesia (Bukit Wire) - A landslide buried five homes in the village of Giriwangi on Tuesday night, killing five people, disaster officials said on Thursday.
Rescuers recovered two bodies from the mud on Thursday morning, the regional disaster agency said.
"All the residents reported missing have now been found," said Wiratmo Adiguna, head of the Sukalaras disaster agency.
About 120 residents are staying at the village hall.
"""

ARTICLES = {"longsor-giriwangi.txt": LANDSLIDE_ID, "korban-bertambah.txt": TOLL_ID,
            "landslide-giriwangi-en.txt": LANDSLIDE_EN}


Built = BuiltCorpus


def write_corpus(folder: Path) -> Path:
    return write_articles(folder, ARTICLES)


@pytest.fixture(scope="session")
def served_store(tmp_path_factory) -> Built:
    """The corpus built once into ``kronologi.db``."""
    return build_articles(tmp_path_factory.mktemp("serve-store"), ARTICLES)


def client_for(db: Path) -> TestClient:
    """Starlette's test client on the app serving ``db``."""
    return TestClient(create_app(db))
