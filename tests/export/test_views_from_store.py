"""The views are views of the store (issue 13): ``kronologi build`` writes chronicle.json and the other files by
reading the chronicle tables back (``export.write_store``), and ``kronologi export --db FILE -o OUTDIR`` writes the
same files from a store without building. Every file must equal, byte for byte, what the build's Chronicle in
memory gives (``export.write_all``, kept for chronicles without a store): on the example corpus, on an invented
corpus (two builds, so changes.json is a later build's), on records with values a column would not give back
as they were (12.0 in a NUMERIC column, a list in a text one, fields in any order), and on PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronologi.build import build
from kronologi.chronicle import Chronicle
from kronologi.cli import main
from kronologi.document import Document, Rejection, Removed, Sentence, SharedPassage
from kronologi.errors import StoreError
from kronologi.export import write_all, write_store
from kronologi.export.stored import StoredChronicle, reading
from kronologi.store import Store

from conftest import EXAMPLES, write_articles

ARTICLES = {
    "banjir-1.txt": """Banjir Rendam 300 Rumah di Kabupaten Bekasi
Kamis, 6 Februari 2025 | 07:30 WIB
BEKASI - Banjir merendam 300 rumah di Kecamatan Babelan, Kabupaten Bekasi, pada Rabu (5/2/2025) malam.
Badan Penanggulangan Bencana Daerah Bekasi mencatat 2 orang tewas dan 1.250 warga mengungsi.
"Air mulai surut pagi ini," kata Kepala BPBD Bekasi, Dodi Supriadi, kepada wartawan.
Kerugian ditaksir mencapai Rp 1,5 miliar.
""",
    "banjir-2.txt": """Korban Tewas Banjir Bekasi Bertambah Jadi 4 Orang
Jumat, 7 Februari 2025 | 10:15 WIB
BEKASI - Korban tewas banjir di Kecamatan Babelan, Kabupaten Bekasi, bertambah menjadi 4 orang pada Jumat (7/2/2025).
Sekitar 1.400 warga masih mengungsi di masjid dan sekolah, kata Dodi Supriadi.
Menurut warga, hujan turun sejak Rabu sore tanpa henti.
""",
    "flood-en.txt": """Floods kill two in Bekasi, West Java
BEKASI (Example Wire) - Floods swamped 300 houses in Babelan district of Bekasi regency on Wednesday night, killing
two people, the local disaster agency said on Thursday.
About 1,250 residents fled to mosques and schools, said Dodi Supriadi, head of the agency.
""",
    "banjir-1-copy.txt": """Banjir Rendam 300 Rumah di Kabupaten Bekasi
Kamis, 6 Februari 2025 | 09:00 WIB
BEKASI - Banjir merendam 300 rumah di Kecamatan Babelan, Kabupaten Bekasi, pada Rabu (5/2/2025) malam.
Badan Penanggulangan Bencana Daerah Bekasi mencatat 2 orang tewas dan 1.250 warga mengungsi.
"Air mulai surut pagi ini," kata Kepala BPBD Bekasi, Dodi Supriadi, kepada wartawan.
""",
    "pasar.txt": """Harga Bawang Merah di Pasar Kramat Jati Turun
Senin, 10 Februari 2025 | 08:00 WIB
JAKARTA - Harga bawang merah di Pasar Induk Kramat Jati turun menjadi Rp 32.000 per kilogram pada Senin (10/2/2025).
"Pasokan dari Brebes melimpah," kata pedagang, Siti Aminah.
""",
    "empty.txt": "",
}
LATER = {"banjir-3.txt": """Banjir Bekasi Surut, 4 Orang Meninggal
Sabtu, 8 Februari 2025 | 12:00 WIB
BEKASI - Banjir di Babelan surut pada Sabtu (8/2/2025); BPBD Bekasi mencatat 4 orang meninggal.
"Warga mulai kembali ke rumah," kata Dodi Supriadi.
"""}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != "kronologi.db"}


def _same_files(expected: Path, got: Path) -> None:
    want, have = _files(expected), _files(got)
    assert sorted(have) == sorted(want)
    for name in want:
        assert have[name] == want[name], f"{name} differs between {expected} and {got}"


def _check_views(tmp_path: Path, inputs: list[str], db, meta: str | None = None) -> None:
    """Build into ``db``; the Chronicle in memory, the store read back, and ``kronologi export`` give the same
    bytes (the same chronicle: the same ``generated_at``)."""
    chronicle = build(inputs, meta=meta, db=db)
    write_all(chronicle, tmp_path / "memory")
    write_store(db, tmp_path / "store")
    _same_files(tmp_path / "memory", tmp_path / "store")
    result = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(tmp_path / "export")])
    assert result.exit_code == 0, result.output
    _same_files(tmp_path / "memory", tmp_path / "export")
    assert json.loads((tmp_path / "export" / "chronicle.json").read_text(encoding="utf-8"))["documents"]


def test_example_corpus_views_from_the_store_equal_the_views_from_memory(tmp_path):
    _check_views(tmp_path, [str(EXAMPLES)], tmp_path / "kronologi.db", meta=str(EXAMPLES.parent / "meta.csv"))


def test_build_writes_what_export_writes_from_its_store(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--meta", str(EXAMPLES.parent / "meta.csv"),
                                       "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["export", "--db", str(out / "kronologi.db"), "-o", str(tmp_path / "again"),
                                       "-q"])
    assert result.exit_code == 0, result.output
    _same_files(out, tmp_path / "again")


def test_invented_corpus_two_builds_views_from_the_store_equal_the_views_from_memory(tmp_path):
    folder = write_articles(tmp_path / "in", ARTICLES)
    db = tmp_path / "kronologi.db"
    _check_views(tmp_path / "first", [str(folder)], db)
    write_articles(folder, LATER)
    _check_views(tmp_path / "second", [str(folder)], db)
    changes = json.loads((tmp_path / "second" / "export" / "changes.json").read_text(encoding="utf-8"))
    assert changes["first_build"] is False
    rejected = json.loads((tmp_path / "second" / "export" / "chronicle.json").read_text(encoding="utf-8"))["rejected"]
    assert [r["source_path"].rsplit("/", 1)[-1] for r in rejected] == ["empty.txt"]


def _odd_chronicle() -> Chronicle:
    """Records whose values the columns would not give back as they were, in an order of their own."""
    doc = Document(id="d1", source_path="in/d1.txt", format="text", raw_text="", key="k1", title="T",
                   text="Satu dua. Tiga\x00 empat.", removed=[Removed("Baca juga", "clean.related_link", 3)],
                   credits=["Antara"], language="id", language_confidence=1.0, story="S1",
                   sentences=[Sentence(0, 9), Sentence(10, 22)], times=[{"value": "2025-02-05", "start": 0}],
                   shared_passages=[SharedPassage("d2", 0, 9, 0, 9, 1)], observed={"title": {"html": "T"}})
    other = Document(id="d2", source_path="in/d2.txt", format="html", raw_text="", key="k2", text="Satu dua.",
                     story="S1", duplicate_of="d1", duplicate_kind="near")
    return Chronicle(
        documents=[doc, other], rejected=[Rejection("in/bad.txt", "failed.ingest.empty: input is empty")],
        stories=[{"id": "S1", "title": "T", "documents": ["d1", "d2"], "start": "2025-02-05", "end": None,
                  "summary": [{"doc": "d1", "sentence": 0}], "related": []}],
        entities=[{"id": "E1", "name": "Dodi", "type": "PER", "aliases": ["Dodi", "Bapak Dodi"],
                   "mentions": [{"doc": "d1", "start": 0, "end": 4, "text": "Satu", "role": "speaker"}],
                   "salience": 0.5}],
        events=[{"id": "V1", "story": "S1", "type": "flood", "summary": "s", "date": "2025", "actors": ["E1", "E1"],
                 "sources": [{"doc": "d1", "sentence": 0, "start": 0, "end": 9}], "background": False,
                 "evidence": [{"doc": "d1", "sentence": None, "why": None}], "modality": "asserted"},
                {"id": "V2", "story": None, "type": "x", "location": "E1", "sources": [{"doc": "d2"}],
                 "background": None, "date": None}],
        figures=[{"id": "d1#f1", "story": "S1", "doc": "d1", "value": 12.0, "low": 1.5, "high": 2**70,
                  "start": True, "text": ["a", "list"], "subject": 7, "note": {"nested": [1, 2.0]}},
                 {"id": "d1#f2", "story": "S1", "doc": "d1", "sentence": 1, "value": float("nan"), "unit": None}],
        quotes=[{"id": "d1#q1", "doc": "d1", "text": "Tiga", "speaker": None, "extra_first": 1, "start": 10,
                 "end": 14}],
        ledger=[{"id": "ledger-1", "story": "S1", "figures": ["d1#f1", "d1#f1"], "relation": "single",
                 "category": "killed", "part_of": None}],
        changes={"first_build": True, "run": 1, "counts": {}, "new_events": []})


def stored_at(chronicle: Chronicle, path: Path) -> Path:
    """``chronicle`` written into a new store at ``path`` as a build writes it (no build run)."""
    from kronologi.store.chronicle import write_chronicle

    store = Store(path)
    try:
        with store.transaction() as db:
            write_chronicle(db, chronicle, None)
    finally:
        store.close()
    return path


def test_records_come_back_from_the_store_exactly(tmp_path):
    chronicle = _odd_chronicle()
    stored_at(chronicle, tmp_path / "kronologi.db")
    with reading(tmp_path / "kronologi.db") as db:
        stored = StoredChronicle(db)
        got = {name: list(records) for name, records in stored.sections().items()}
        assert stored.header() == chronicle.header() and stored.changes == chronicle.changes
        assert stored.sections()["documents"][1] == got["documents"][1]  # indexing reads one record
    con = sqlite3.connect(tmp_path / "kronologi.db")  # the columns still hold what queries read
    assert con.execute('SELECT start, "end", extra IS NULL FROM stories').fetchall() == [("2025-02-05", None, 0)]
    assert con.execute("SELECT value, low, high FROM figures ORDER BY position").fetchall()[0] == (12, 1.5, None)
    con.close()
    want = {name: list(records) for name, records in chronicle.sections().items()}
    # the same JSON, key order included (NaN compared as written: NaN is not equal to itself)
    assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)


def test_export_refuses_a_store_it_cannot_read_with_a_message(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no store at" in result.output and "Traceback" not in result.output
    Store(tmp_path / "empty.db").close()  # migrated, no chronicle yet
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "empty.db"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "holds no chronicle" in result.output
    # a chronicle written before the store kept positions and shapes (an older Kronologi): build again
    folder = write_articles(tmp_path / "in", {"pasar.txt": ARTICLES["pasar.txt"]})
    build([str(folder)], db=tmp_path / "old.db")
    con = sqlite3.connect(tmp_path / "old.db")
    con.execute("UPDATE docs SET position = NULL")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="older Kronologi"):
        write_store(tmp_path / "old.db", tmp_path / "out")
    assert not (tmp_path / "out" / "chronicle.json").exists()


def test_views_from_a_postgresql_store_equal_the_views_from_memory(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from pg_server import postgres_server

    server = postgres_server()
    url = server.create_database()
    try:
        folder = write_articles(tmp_path / "in", ARTICLES)
        _check_views(tmp_path / "first", [str(folder)], url)
        write_articles(folder, LATER)
        _check_views(tmp_path / "second", [str(folder)], url)
    finally:
        server.drop_database(url)
