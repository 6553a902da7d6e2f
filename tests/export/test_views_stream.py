"""The views written from a store stream from it (issue 13, item 3): they never read the whole chronicle back
(``StoredChronicle.chronicle``), they read a story's records one story at a time (a story's events query gives
that story's events, and no earlier story's parts are still held when the next is read), and they still give
the bytes the Chronicle in memory gives. Also: the order of a story's entities does not depend on the order
their mentions were counted in (the store counts them by query): ties keep the chronicle's order."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from kronologi.build import build
from kronologi.chronicle import Chronicle
from kronologi.document import Document
from kronologi.export import stored, storesource, write_all, write_store
from kronologi.export.markdown import render_markdown
from kronologi.export.stored import StoredChronicle
from kronologi.export.storesource import StoreSource

from conftest import write_articles
from test_views_from_store import stored_at

# three happenings far apart in time and place, each told by two articles: three stories (our own sentences)
ARTICLES = {
    "gempa-1.txt": """Gempa Magnitudo 5,6 Guncang Kabupaten Sukaluyu
Senin, 3 Maret 2031 | 09:10 WIB
SUKALUYU - Guncangan gempa bermagnitudo 5,6 terasa di Kabupaten Sukaluyu, Jawa Tengah, pada Senin (3/3/2031) pagi.
Badan Penanggulangan Bencana Daerah Sukaluyu mencatat 12 rumah rusak berat di Kecamatan Cibodas.
"Warga diminta menjauhi bangunan yang retak," kata Kepala BPBD Sukaluyu, Rahmat Hidayat.
""",
    "gempa-2.txt": """Rumah Rusak Akibat Gempa Sukaluyu Bertambah Jadi 40
Selasa, 4 Maret 2031 | 11:00 WIB
SUKALUYU - Jumlah rumah rusak akibat gempa di Kecamatan Cibodas, Kabupaten Sukaluyu, bertambah menjadi 40 pada
Selasa (4/3/2031), kata Rahmat Hidayat dari BPBD Sukaluyu.
Sebanyak 300 warga Cibodas mengungsi ke tenda darurat.
""",
    "sawit-1.txt": """Harga Tandan Sawit di Riau Naik
Rabu, 20 Agustus 2031 | 08:00 WIB
PEKANBARU - Harga tandan buah segar sawit di Provinsi Riau naik menjadi Rp 3.100 per kilogram pada Rabu
(20/8/2031), kata Kepala Dinas Perkebunan Riau, Yusuf Anwar.
Petani sawit di Kabupaten Kampar menyambut kenaikan itu.
""",
    "sawit-2.txt": """Petani Kampar Sambut Kenaikan Harga Sawit
Kamis, 21 Agustus 2031 | 10:30 WIB
PEKANBARU - Petani sawit di Kabupaten Kampar, Riau, menyambut harga tandan buah segar yang naik menjadi
Rp 3.100 per kilogram, kata Yusuf Anwar dari Dinas Perkebunan Riau, Kamis (21/8/2031).
""",
    "pemilu-1.txt": """KPU Makassar Tetapkan 1,1 Juta Pemilih
Senin, 10 November 2031 | 13:00 WIB
MAKASSAR - Komisi Pemilihan Umum Kota Makassar menetapkan 1,1 juta pemilih tetap pada Senin (10/11/2031),
kata Ketua KPU Makassar, Andi Saputra.
""",
    "pemilu-2.txt": """Daftar Pemilih Tetap Makassar Diumumkan
Selasa, 11 November 2031 | 09:45 WIB
MAKASSAR - KPU Kota Makassar mengumumkan daftar 1,1 juta pemilih tetap pada Selasa (11/11/2031), kata Andi Saputra.
""",
}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_views_stream_from_the_store_one_story_at_a_time(tmp_path, monkeypatch):
    db = tmp_path / "kronologi.db"
    chronicle = build([str(write_articles(tmp_path / "in", ARTICLES))], db=db)
    assert len(chronicle.stories) >= 3 and chronicle.events
    write_all(chronicle, tmp_path / "memory")

    def whole(*args, **kwargs):
        raise AssertionError("the views read the whole chronicle back from the store")

    event_reads: list[set] = []
    where = StoredChronicle.where

    def counted(self, name, clause, params):
        records = where(self, name, clause, params)
        if name == "events":
            event_reads.append({ev.get("story") for ev in records} - {None})
        return records

    alive: list[weakref.ref] = []
    parts_of = StoreSource._parts

    def tracked(self, story):
        gc.collect()
        held = [ref for ref in alive if ref() is not None]
        assert len(held) <= 1, f"{len(held)} earlier stories' parts still held when story {story['id']} is read"
        parts = parts_of(self, story)
        alive.append(weakref.ref(parts))
        return parts

    monkeypatch.setattr(StoredChronicle, "chronicle", whole)
    monkeypatch.setattr(StoredChronicle, "where", counted)
    monkeypatch.setattr(StoreSource, "_parts", tracked)
    write_store(db, tmp_path / "store")

    assert len(alive) == len(chronicle.stories)  # every story read once: timeline.md and report.html share it
    assert event_reads and all(len(stories) <= 1 for stories in event_reads)  # a query never spans two stories
    assert {s for stories in event_reads for s in stories} == {ev["story"] for ev in chronicle.events if ev["story"]}
    assert _files(tmp_path / "store") == _files(tmp_path / "memory")
    # read in batches of two records (a story's lists then take several queries): the same bytes
    monkeypatch.setattr(stored, "BATCH", 2)
    monkeypatch.setattr(storesource, "BATCH", 2)
    alive.clear()
    write_store(db, tmp_path / "small-batches")
    assert _files(tmp_path / "small-batches") == _files(tmp_path / "memory")


def test_views_stream_a_story_entities_tied_on_count_and_name_keep_the_chronicle_order():
    docs = [Document(id=i, source_path=f"{i}.txt", format="text", raw_text="", text="Dodi.", story="S1")
            for i in ("d1", "d2")]
    entities = [{"id": "E2", "name": "Dodi", "type": "ORG", "aliases": [],
                 "mentions": [{"doc": "d2", "start": 0, "end": 4, "text": "Dodi"}]},
                {"id": "E1", "name": "Dodi", "type": "PER", "aliases": [],
                 "mentions": [{"doc": "d1", "start": 0, "end": 4, "text": "Dodi"}]}]
    listed = []
    for order in (["d1", "d2"], ["d2", "d1"]):
        story = {"id": "S1", "title": "T", "documents": order, "start": None, "end": None}
        md = render_markdown(Chronicle(documents=docs, stories=[story], entities=entities))
        listed.append(md.split("### Entities")[1].split("###")[0])
    assert listed[0] == listed[1]
    assert listed[0].index("- Dodi (ORG, 1 mentions)") < listed[0].index("- Dodi (PER, 1 mentions)")
    entities.reverse()  # the chronicle's order decides, not the ids
    md = render_markdown(Chronicle(documents=docs, stories=[story], entities=entities))
    assert md.index("- Dodi (PER, 1 mentions)") < md.index("- Dodi (ORG, 1 mentions)")


@pytest.mark.parametrize("stories", [0, 1])
def test_views_stream_a_chronicle_without_stories_or_with_an_empty_one_is_written_alike(tmp_path, stories):
    """Without stories the pages have one section of every document; a story none of whose documents is in
    the chronicle takes the events without a story. Both ways, from the store as from memory."""
    from kronologi.changes import compare

    doc = Document(id="d1", source_path="d1.txt", format="text", raw_text="", key="k1", text="Satu dua.",
                   sentences=[], story=None)
    chronicle = Chronicle(
        documents=[doc], stories=[{"id": "S9", "title": "Gone", "documents": ["dx"], "start": None, "end": None}]
        [:stories],
        events=[{"id": "V1", "story": None, "type": "flood", "summary": "Banjir.", "date": "2031-03-03",
                 "date_text": "Senin", "precision": "day", "modality": "asserted", "actors": [], "location": None,
                 "sources": [{"doc": "d1", "sentence": 0, "start": 0, "end": 9}]}])
    chronicle.changes = compare(None, chronicle, run=1)
    write_all(chronicle, tmp_path / "memory")
    write_store(stored_at(chronicle, tmp_path / "kronologi.db"), tmp_path / "store")
    assert _files(tmp_path / "store") == _files(tmp_path / "memory")
    assert "Banjir." in (tmp_path / "store" / "timeline.md").read_text(encoding="utf-8")
