"""Articles written for the incremental-build tests (invented regency, harbour and factory), in three stories far
apart in time, and helpers that build a corpus in two halves. A helper module beside the tests, not a conftest."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from kronologi.build import build
from kronologi.corpus import incremental

FLOOD_1 = """Sungai Ciwaru Meluap, 180 Rumah di Lerengsari Terendam
Senin, 12 Februari 2024 | 08:45 WIB
LERENGSARI, KABARLEMBAH.ID - Sungai Ciwaru meluap pada Minggu malam dan merendam 180 rumah di Desa Pagerwangi, Kabupaten Lerengsari, kata BPBD Lerengsari, badan penanggulangan bencana kabupaten itu.
Hujan deras mengguyur kawasan hulu sejak Minggu sore sehingga tanggul desa jebol sekitar pukul 23.00 WIB.
Sebanyak 520 warga mengungsi ke balai desa. "Kami menyiapkan dapur umum dan tiga perahu karet," kata Kepala BPBD Lerengsari Wiratmo Adisaputra.
Seorang warga dilaporkan hilang terseret arus di dekat bendungan.
"""

FLOOD_2 = """Banjir Pagerwangi: Warga yang Hilang Ditemukan Selamat
Selasa, 13 Februari 2024 | 15:20 WIB
LERENGSARI, KABARLEMBAH.ID - Tim SAR gabungan menemukan warga Desa Pagerwangi yang hilang terseret arus Sungai Ciwaru pada Selasa pagi dalam keadaan selamat.
Kepala BPBD Lerengsari Wiratmo Adisaputra mengatakan jumlah rumah terendam bertambah menjadi 240 rumah.
"Ia bertahan di atas atap gudang sampai perahu kami tiba," kata Wiratmo di posko pengungsian.
Bupati Lerengsari Sekar Pramesti meninjau posko dan menyerahkan bantuan beras.
"""

FLOOD_3 = """Air Mulai Surut, Pengungsi Pagerwangi Pulang
Rabu, 14 Februari 2024 | 10:05 WIB
LERENGSARI, KABARLEMBAH.ID - Banjir akibat meluapnya Sungai Ciwaru di Desa Pagerwangi mulai surut pada Rabu pagi dan sebagian pengungsi kembali ke rumah.
Menurut BPBD Lerengsari, 240 rumah sempat terendam dan 300 warga masih bertahan di balai desa.
"Kami membantu warga membersihkan lumpur," kata Wiratmo Adisaputra.
"""

STRIKE_1 = """Dock workers walk out at Sarang harbour
Monday, 4 March 2024 | 18:20 WIB
SARANG, March 4, 2024 (Teluk Wire) - About 1,200 dock workers at Sarang harbour stopped work on Monday to demand higher night-shift pay, the Sarang Dock Workers Union said.
Cranes stood idle and at least 14 container ships waited at anchor outside the port, harbour master Oskar Lindqvist said.
"We will stay out until the operator sits down with us," union leader Marta Velasquez told reporters at the gate.
"""

STRIKE_2 = """Sarang harbour strike enters second day as talks stall
Tuesday, 5 March 2024 | 20:05 WIB
SARANG, March 5, 2024 (Teluk Wire) - The strike at Sarang harbour entered its second day on Tuesday after talks between the Sarang Dock Workers Union and the port operator Baltica Terminals broke up without a deal.
The union said 1,400 workers had now joined the walkout, up from 1,200 on Monday.
"Nobody is loading a single box tonight," Marta Velasquez said.
Baltica Terminals said it had offered a raise of 4 percent.
"""

FIRE_1 = """Pabrik Tekstil di Marabumi Terbakar, 35 Pekerja Dievakuasi
Sabtu, 20 April 2024 | 19:30 WIB
MARABUMI, WARTAKOTA.ID - Sebuah pabrik tekstil milik PT Benang Surya di kawasan industri Marabumi terbakar pada Sabtu sore.
Sebanyak 35 pekerja dievakuasi dan dua orang dirawat karena menghirup asap, kata Kepala Dinas Pemadam Kebakaran Marabumi Rusdi Halim.
Api diduga berasal dari korsleting listrik di gudang bahan baku.
"""

FIRE_2 = """Kebakaran PT Benang Surya Padam Setelah Tujuh Jam
Minggu, 21 April 2024 | 07:40 WIB
MARABUMI, WARTAKOTA.ID - Api yang membakar pabrik tekstil PT Benang Surya di Marabumi berhasil dipadamkan pada Minggu dini hari setelah tujuh jam.
Rusdi Halim mengatakan 12 mobil pemadam dikerahkan. "Gudang bahan baku habis terbakar, tetapi tidak ada korban jiwa," ujarnya.
"""

FIRST_HALF = {"banjir-1.txt": FLOOD_1, "banjir-2.txt": FLOOD_2, "pelabuhan-1.txt": STRIKE_1, "pelabuhan-2.txt": STRIKE_2}
SECOND_HALF = {"banjir-3.txt": FLOOD_3, "kebakaran-1.txt": FIRE_1, "kebakaran-2.txt": FIRE_2}


def sections(chronicle) -> dict:
    """The chronicle's JSON as written, without ``generated_at``."""
    data = json.loads(chronicle.to_json())
    data.pop("generated_at")
    return data


def forget_corpus_passes(db: Path) -> None:
    """Leave a store with its processed documents only: no story assignments, no cache, no chronicle
    (the next build's corpus passes run as on a new store, without processing the documents again)."""
    con = sqlite3.connect(db)
    con.executescript("DELETE FROM decisions; DELETE FROM corpus_cache; DELETE FROM chronicle;")
    con.commit()
    con.close()


def fresh_and_incremental(folder: Path, first: list[str], second: list[str],
                          meta: Path | None = None) -> tuple[dict, dict, Path]:
    """A fresh build of ``first + second``, and a build of ``first`` then of ``first + second`` into one
    store (the documents processed once, in the fresh build's store, copied). Returns both chronicles'
    sections and the incremental store."""
    fresh_db, incr_db = folder / "fresh.db", folder / "incremental.db"
    fresh = sections(build(first + second, db=fresh_db, meta=meta))
    shutil.copy(fresh_db, incr_db)
    forget_corpus_passes(incr_db)
    build(first, db=incr_db, meta=meta)
    return fresh, sections(build(first + second, db=incr_db, meta=meta)), incr_db


def rebuilt_without_cache(folder: Path, db: Path, first: list[str], second: list[str],
                          meta: Path | None = None) -> dict:
    """``first`` then ``first + second`` into a copy of ``db`` with its corpus passes forgotten, every
    story recomputed (the cache never read): the store history of ``fresh_and_incremental``."""
    again = folder / "no-cache.db"
    shutil.copy(db, again)
    forget_corpus_passes(again)
    real = incremental.read_previous
    incremental.read_previous = lambda db: None
    try:
        build(first, db=again, meta=meta)
        return sections(build(first + second, db=again, meta=meta))
    finally:
        incremental.read_previous = real


def without_story_numbers(data: dict) -> dict:
    """The sections with each story named by its first document instead of its number, and events and
    ledger lines (numbered in story order) compared as sets: what stays when only the numbering of
    stories differs (a fresh build numbers stories in date order, a later build after the earlier ones)."""
    name = {s["id"]: "story:" + min(s["documents"]) for s in data["stories"]}
    rename = lambda sid: name.get(sid, sid)  # noqa: E731
    out = dict(data)
    out["documents"] = [{**d, "story": rename(d["story"])} for d in data["documents"]]
    out["stories"] = sorted(({**s, "id": rename(s["id"]), "related": sorted(map(rename, s.get("related") or ()))}
                             for s in data["stories"]), key=lambda s: s["id"])
    out["figures"] = [{**f, "story": rename(f["story"])} for f in data["figures"]]
    out["events"] = sorted(json.dumps({**{k: v for k, v in ev.items() if k != "id"}, "story": rename(ev["story"])},
                                      sort_keys=True) for ev in data["events"])
    members = {row["id"]: row["figures"] for row in data["ledger"]}
    out["ledger"] = sorted(json.dumps({**{k: v for k, v in row.items() if k != "id"}, "story": rename(row["story"]),
                                       "part_of": sorted(members[p] for p in row.get("part_of") or ())}, sort_keys=True)
                           for row in data["ledger"])
    return out
