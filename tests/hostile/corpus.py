"""A small hostile corpus: every input a build must survive, and what it must make of each.

``write_corpus(folder)`` writes it (generated, so a bomb and an undecodable file
name need no binary files in git) and returns the expectations: for each bad
input, the code its ``rejected[]`` entry must carry (``source_path`` ending);
for each good one, the id of the document it must become. The build runs with
``--max-doc-bytes MAX_DOC_BYTES`` and ``--meta`` on the sidecar file it returns.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path

MAX_DOC_BYTES = 1_000_000
BOMB_INFLATED_MB = 256  # about 250 KB of gzip, far past MAX_DOC_BYTES

# Articles written for this corpus (Indonesian), long enough to survive cleaning.
GOOD = [
    "Hujan deras sejak Senin sore membuat Sungai Bengawan meluap dan merendam empat desa di bantaran. "
    "Petugas penanggulangan bencana mencatat sedikitnya 210 rumah tergenang setinggi lutut orang dewasa. "
    "Warga memindahkan ternak dan barang berharga ke tanggul yang lebih tinggi sambil menunggu air surut. "
    "Dapur umum didirikan di balai desa untuk melayani para pengungsi hingga keadaan membaik.",
    "Pemerintah kota meresmikan jalur sepeda baru sepanjang delapan kilometer di pusat kota pada Sabtu pagi. "
    "Jalur itu menghubungkan stasiun, pasar tradisional, dan dua kampus negeri yang ramai pada jam sibuk. "
    "Wali kota berharap warga beralih dari kendaraan bermotor untuk perjalanan jarak pendek setiap hari. "
    "Komunitas pesepeda menyambut baik jalur tersebut tetapi meminta pembatas fisik yang lebih kokoh.",
    "Harga cabai rawit di pasar induk naik hampir dua kali lipat dalam sepekan terakhir akibat gagal panen. "
    "Pedagang mengatakan pasokan dari sentra produksi di dataran tinggi turun tajam sejak awal bulan. "
    "Dinas perdagangan berjanji menggelar operasi pasar agar harga kembali stabil menjelang hari raya. "
    "Para ibu rumah tangga mulai mengurangi pembelian dan mencari bumbu pengganti yang lebih murah.",
]


@dataclass
class Expected:
    meta: Path
    rejected: dict[str, str] = field(default_factory=dict)  # source_path ending -> reason code
    kept: list[str] = field(default_factory=list)  # document ids


def write_corpus(folder: Path) -> Expected:
    """Write the hostile corpus into ``folder`` (created) and return what a build must make of it."""
    inputs = folder / "inputs"
    inputs.mkdir(parents=True)
    expected = Expected(meta=folder / "meta.jsonl")
    for write in (_bad_files, _bad_archives, _bad_json, _not_articles, _good_files, _meta):
        write(inputs, expected)
    return expected


def _put(folder: Path, name: str | bytes, data: bytes) -> None:
    path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else name.encode())
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def _bad_files(inputs: Path, expected: Expected) -> None:
    _put(inputs, "empty.txt", b"")
    _put(inputs, "junk.dat", bytes((i * 7919 + 13) % 256 for i in range(4096)))
    cut = gzip.compress(" ".join(GOOD * 20).encode(), mtime=0)
    _put(inputs, "cut.txt.gz", cut[: len(cut) // 2])
    expected.rejected.update({"empty.txt": "failed.ingest.empty", "junk.dat": "failed.ingest.binary",
                              "cut.txt.gz": "failed.ingest.truncated_gzip"})


def _bad_archives(inputs: Path, expected: Expected) -> None:
    unz = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    _put(inputs, "bomb.txt.gz", b"".join(unz.compress(zeros) for _ in range(BOMB_INFLATED_MB)) + unz.flush())
    short, whole = _warc_record("https://arsip.example/1", GOOD[1]), _warc_record("https://arsip.example/2", GOOD[2])
    _put(inputs, "crawl.warc", short.rstrip(b"\r\n")[:-50] + b"\r\n\r\n" + whole)  # 50 bytes short of its length
    expected.rejected.update({"bomb.txt.gz": "failed.ingest.too_large",
                              "crawl.warc#https://arsip.example/1": "failed.ingest.truncated_record"})
    expected.kept.append("crawl-2")


def _warc_record(uri: str, text: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    body = f"<html><head><title>Berita</title></head><body><article><p>{text}</p></article></body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()),
                                                  http_headers=headers))
    return out.getvalue()


def _bad_json(inputs: Path, expected: Expected) -> None:
    _put(inputs, "deep.json", b"[" * 100_000 + b"]" * 100_000)
    _put(inputs, "number.json", json.dumps([{"text": GOOD[0]}]).encode()[:-2] + b', "n": ' + b"9" * 5000 + b"}]")
    expected.rejected.update({"deep.json": "failed.ingest.bad_json", "number.json": "failed.ingest.bad_json"})


def _not_articles(inputs: Path, expected: Expected) -> None:
    _put(inputs, "README.md", b"# Arsip berita\n\nFolder ini berisi artikel yang dikumpulkan untuk uji.\n")
    _put(inputs, "index.jsonl", "\n".join(json.dumps({"file": f"{n}.txt", "judul": f"Artikel {n}"})
                                           for n in range(3)).encode())
    expected.rejected.update({"README.md": "dropped.ingest.not_an_article",
                              "index.jsonl": "dropped.ingest.not_an_article"})


def _good_files(inputs: Path, expected: Expected) -> None:
    _put(inputs, "x/berita.txt", GOOD[0].encode())
    _put(inputs, "y/berita.txt", GOOD[0].encode())  # same name, same text: two documents
    _put(inputs, "utf16.txt", GOOD[1].encode("utf-16-le"))  # no BOM
    _put(inputs, b"nama-\xff.txt", GOOD[2].encode())  # not valid UTF-8
    expected.kept += ["berita", "berita-2", "utf16", "nama-\\xff"]


def _meta(inputs: Path, expected: Expected) -> None:
    expected.meta.write_text("\n".join([json.dumps(["utf16.txt", "2024-02-01"]),
                                        json.dumps({"file": "utf16.txt", "published": "2024-02-01"})]))
    expected.rejected["meta.jsonl#line1"] = "failed.meta.bad_row"
