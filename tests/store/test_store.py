"""The SQLite store: migrations, idempotent re-ingest, interrupted runs."""

from __future__ import annotations

import sqlite3

import pytest

import kronologi
from kronologi.errors import StoreError
from kronologi.pipeline import STEPS
from kronologi.store import Store, migrations


def _corpus(tmp_path, n=6):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(
            f"Judul berita nomor {i} yang cukup panjang\n"
            f"Warga desa {i} mengungsi ke balai desa setelah banjir merendam rumah mereka pada Senin malam.\n"
            f"Petugas mencatat {100 + i} rumah terendam dan {i + 3} jembatan rusak akibat arus deras.\n",
            encoding="utf-8")
    return folder


def _snapshot(db):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT key, id, pipeline, data FROM documents ORDER BY key").fetchall()
    con.close()
    return rows


def test_store_records_its_migrations(tmp_path):
    store = Store(tmp_path / "k.db")
    names = [name for _, name, _ in migrations()]
    recorded = [r[0] for r in store.db.execute("SELECT name FROM schema_migrations ORDER BY version")]
    assert recorded == names and store.schema_version() == migrations()[-1][0]
    assert store.migrate() == []  # nothing left to apply
    store.close()


def test_store_rejects_a_file_that_is_not_a_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable Kronologi store"):
        Store(bad)


def test_store_reingesting_the_same_input_changes_nothing(tmp_path):
    folder, db = _corpus(tmp_path), str(tmp_path / "k.db")
    first = kronologi.build([str(folder)], db=db)
    before = _snapshot(db)
    second = kronologi.build([str(folder)], db=db)
    assert _snapshot(db) == before and len(before) == 6
    a, b = first.to_dict(), second.to_dict()
    a.pop("generated_at"), b.pop("generated_at")
    assert a == b


class _Interrupt:
    """A step that stops the process (like Ctrl-C) when it reaches one document."""

    name, version = "interrupt", "1"
    at = "a4"

    def __init__(self, options=None):
        pass

    def __call__(self, doc):
        if doc.id == self.at:
            raise KeyboardInterrupt
        return doc


def test_store_interrupted_run_is_consistent_and_the_next_run_completes(tmp_path, monkeypatch):
    folder, db = _corpus(tmp_path), str(tmp_path / "k.db")
    reference = kronologi.build([str(folder)], db=str(tmp_path / "ref.db"))
    monkeypatch.setitem(STEPS, "interrupt", "tests_store_helpers:Interrupt")
    import sys, types
    sys.modules["tests_store_helpers"] = types.SimpleNamespace(Interrupt=_Interrupt)
    steps = ("clean", "language", "sentences", "interrupt")
    with pytest.raises(KeyboardInterrupt):
        kronologi.build([str(folder)], db=db, steps=steps, batch_size=2)
    stored = _snapshot(db)
    assert len(stored) == 4  # two whole batches committed, the third rolled back
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT finished_at FROM runs").fetchone()[0] is None
    con.close()
    _Interrupt.at = None
    resumed = kronologi.build([str(folder)], db=db, steps=steps, batch_size=2)
    assert [d.id for d in resumed.documents] == [d.id for d in reference.documents]
    assert [d.text for d in resumed.documents] == [d.text for d in reference.documents]
    assert {row[0] for row in stored} <= {row[0] for row in _snapshot(db)}


def test_store_changed_step_reprocesses(tmp_path, monkeypatch):
    folder, db = _corpus(tmp_path, 2), str(tmp_path / "k.db")
    kronologi.build([str(folder)], db=db)
    from kronologi.text.step import SentenceStep

    monkeypatch.setattr(SentenceStep, "version", "999")
    kronologi.build([str(folder)], db=db)
    rows = _snapshot(db)
    assert len(rows) == 2 and all("sentences@999" in row[2] and '"sentences@999"' in row[3] for row in rows)


def test_store_keeps_rejected_inputs_with_their_reason(tmp_path):
    folder, db = _corpus(tmp_path, 1), str(tmp_path / "k.db")
    (folder / "empty.txt").write_bytes(b"")
    kronologi.build([str(folder)], db=db)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT source_path, reason FROM rejected").fetchall()
    runs = con.execute("SELECT documents, rejected, finished_at IS NOT NULL FROM runs").fetchall()
    con.close()
    assert [(p.rsplit("/", 1)[-1], r.split(":")[0]) for p, r in rows] == [("empty.txt", "failed.ingest.empty")]
    assert runs == [(1, 1, 1)]


def test_build_undated_copy_gets_the_month_of_its_dated_sibling(tmp_path):
    wire = ("Tim SAR gabungan menemukan dua korban terakhir di hilir sungai setelah pencarian panjang. "
            "Jenazah keduanya langsung dibawa ke rumah sakit daerah untuk diidentifikasi oleh keluarga. "
            "Dengan temuan itu, operasi pencarian resmi ditutup setelah berlangsung selama tujuh hari penuh.")
    (tmp_path / "dated.txt").write_text("Judul berita bertanggal lengkap\nSenin, 8 Januari 2024 | 10:00 WIB\n"
                                        "Laporan pertama dari lokasi banjir di pesisir utara yang terdampak parah.\n" + wire,
                                        encoding="utf-8")
    (tmp_path / "undated.txt").write_text("Judul salinan tanpa tanggal\n" + wire +
                                          "\nWarga berharap tanggul diperbaiki sebelum musim hujan tiba lagi.",
                                          encoding="utf-8")
    chronicle = kronologi.build([str(tmp_path)])
    undated = chronicle.document("undated")
    assert (undated.published, undated.published_basis) == ("2024-01", "inferred")
    assert undated.observed["published"]["inferred"]["basis"] == "siblings"


def test_store_build_reports_its_stages_and_keeps_raw_text_in_the_store_only(tmp_path):
    from kronologi.build import CORPUS_PASSES

    calls = []
    db = tmp_path / "k.db"
    chronicle = kronologi.build([str(_corpus(tmp_path, 3))], db=db,
                                progress=lambda stage, done, total: calls.append((stage, done, total)))
    passes = [(done, total) for stage, done, total in calls if stage == "corpus passes"]
    assert passes == [(k, len(CORPUS_PASSES)) for k in range(len(CORPUS_PASSES) + 1)]
    assert ("process", 0, 3) in calls and ("process", 3, 3) in calls
    assert all(d.raw_text == "" and d.text for d in chronicle.documents)  # held lean in memory...
    stored = Store(db).get_many([d.key for d in chronicle.documents], _snapshot(db)[0][2])
    assert all("Petugas mencatat" in d.raw_text for d in stored.values())  # ...but kept in the store
