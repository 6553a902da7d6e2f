"""The store: migrations, idempotent re-ingest, interrupted runs — on SQLite and on PostgreSQL
(``backend``, see store_backends.py); what only a SQLite file can meet (not a database, the header's
application id) on SQLite alone."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

import kronologi
from kronologi.document import Rejection
from kronologi.errors import StoreError
from kronologi.pipeline import STEPS
from kronologi.store import Store, migrations

from store_backends import Backend, backend, new_backend  # noqa: F401 - the fixture, per database


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
    if isinstance(db, Backend):
        return db.rows("SELECT key, id, pipeline, data FROM documents ORDER BY key")
    con = sqlite3.connect(db)
    rows = con.execute("SELECT key, id, pipeline, data FROM documents ORDER BY key").fetchall()
    con.close()
    return rows


def test_store_records_its_migrations(backend):
    store = Store(backend.url)
    names = [name for _, name, _ in migrations()]
    recorded = [r[0] for r in store.db.execute("SELECT name FROM schema_migrations ORDER BY version")]
    assert recorded == names and store.schema_version() == migrations()[-1][0]
    assert store.migrate() == []  # nothing left to apply
    store.close()


def test_store_rejects_a_file_that_is_not_a_database_and_leaves_it_alone(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a SQLite database") as caught:
        Store(bad)
    assert "delete" not in str(caught.value) and caught.value.code == "failed.store.not_sqlite"
    assert bad.read_bytes() == b"this is not sqlite at all" * 100


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_store_refuses_a_sqlite_file_of_another_program_before_adding_a_table(tmp_path):
    foreign = tmp_path / "notes.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('buy milk')")
    con.commit()
    con.close()
    before = _digest(foreign)
    with pytest.raises(StoreError, match="another program") as caught:
        Store(foreign)
    assert caught.value.code == "failed.store.foreign" and "delete" not in str(caught.value)
    assert _digest(foreign) == before  # no table added, journal mode untouched


def test_store_refuses_a_newer_schema_before_writing_anything(backend):
    Store(backend.url).close()
    backend.write("INSERT INTO schema_migrations VALUES (999, '0999_future', '2099-01-01')")
    before = (backend.tables(), backend.rows("SELECT * FROM schema_migrations ORDER BY version"))
    digest = _digest(Path(backend.url)) if backend.name == "sqlite" else None
    with pytest.raises(StoreError, match="newer Kronologi") as caught:
        Store(backend.url)
    assert caught.value.code == "failed.store.newer" and "999" in str(caught.value)
    assert (backend.tables(), backend.rows("SELECT * FROM schema_migrations ORDER BY version")) == before
    if digest:
        assert _digest(Path(backend.url)) == digest


def test_store_made_before_the_application_id_is_still_ours(tmp_path):
    from kronologi.store import APPLICATION_ID

    path = tmp_path / "k.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA application_id = 0")  # as every store made before the id existed
    con.close()
    store = Store(path)
    assert store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert store.schema_version() == migrations()[-1][0]
    store.close()


def _open_and_write(path, barrier, results, n):
    barrier.wait()  # both processes open the new store at the same moment
    try:
        store = Store(path)
        store.put_batch([], [Rejection(f"input-{n}.txt", "failed.ingest.empty: test")], "p")
        store.close()
        results.put("ok")
    except Exception as exc:  # reported to the parent, which asserts on it
        results.put(f"{type(exc).__name__}: {exc}")


def _race(target, args_of, rounds=1):
    ctx = multiprocessing.get_context("fork")
    outcomes = []
    for r in range(rounds):
        barrier, results = ctx.Barrier(2), ctx.Queue()
        procs = [ctx.Process(target=target, args=(*args_of(r), barrier, results, n)) for n in range(2)]
        for proc in procs:
            proc.start()
        outcomes += [results.get(timeout=300) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
    return outcomes


def _integrity(path) -> str:
    if isinstance(path, Backend):
        return "ok" if path.name == "postgresql" else _integrity(path.url)  # PostgreSQL checks as it writes
    con = sqlite3.connect(path)
    result = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    return result


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_store_two_processes_opening_one_new_store_at_once_both_succeed(tmp_path, kind):
    # before the fix, most rounds failed with "table documents already exists" and advice to delete the store
    stores = [new_backend(kind, tmp_path / f"r{r}") for r in range(6 if kind == "sqlite" else 3)]
    outcomes = _race(_open_and_write, lambda r: (stores[r].url,), rounds=len(stores))
    assert outcomes == ["ok"] * 2 * len(stores)
    for store in stores:
        assert _integrity(store) == "ok"
        assert store.scalar("SELECT COUNT(*) FROM rejected") == 2
        assert store.scalar("SELECT COUNT(*) FROM schema_migrations") == len(migrations())


def _build_into(folder, db, barrier, results, n):
    barrier.wait()
    try:
        chronicle = kronologi.build([str(folder)], db=db, steps=("clean", "language", "sentences"))
        results.put(len(chronicle.documents))
    except Exception as exc:
        results.put(f"{type(exc).__name__}: {exc}")


def test_store_two_builds_into_one_new_store_at_once_both_succeed(tmp_path, backend):
    folder = _corpus(tmp_path, 3)
    db = str(tmp_path / "new" / "k.db") if backend.name == "sqlite" else backend.url
    assert _race(_build_into, lambda r: (folder, db)) == [3, 3]
    if backend.name == "sqlite":
        backend = Backend("sqlite", db)
    assert _integrity(backend) == "ok" and len(_snapshot(backend)) == 3


def test_store_reingesting_the_same_input_changes_nothing(tmp_path, backend):
    folder, db = _corpus(tmp_path), backend.url
    first = kronologi.build([str(folder)], db=db)
    before = _snapshot(backend)
    second = kronologi.build([str(folder)], db=db)
    assert _snapshot(backend) == before and len(before) == 6
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


def test_store_interrupted_run_is_consistent_and_the_next_run_completes(tmp_path, monkeypatch, backend):
    folder, db = _corpus(tmp_path), backend.url
    reference = kronologi.build([str(folder)], db=str(tmp_path / "ref.db"))
    monkeypatch.setitem(STEPS, "interrupt", "tests_store_helpers:Interrupt")
    monkeypatch.setattr(_Interrupt, "at", "a4")
    import sys, types
    sys.modules["tests_store_helpers"] = types.SimpleNamespace(Interrupt=_Interrupt)
    steps = ("clean", "language", "sentences", "interrupt")
    with pytest.raises(KeyboardInterrupt):
        kronologi.build([str(folder)], db=db, steps=steps, batch_size=2)
    stored = _snapshot(backend)
    assert len(stored) == 4  # two whole batches committed, the third rolled back
    assert _integrity(backend) == "ok"
    assert backend.scalar("SELECT finished_at FROM runs") is None
    monkeypatch.setattr(_Interrupt, "at", None)
    resumed = kronologi.build([str(folder)], db=db, steps=steps, batch_size=2)
    assert [d.id for d in resumed.documents] == [d.id for d in reference.documents]
    assert [d.text for d in resumed.documents] == [d.text for d in reference.documents]
    assert {row[0] for row in stored} <= {row[0] for row in _snapshot(backend)}


def test_store_changed_step_reprocesses(tmp_path, monkeypatch, backend):
    folder, db = _corpus(tmp_path, 2), backend.url
    kronologi.build([str(folder)], db=db)
    from kronologi.text.step import SentenceStep

    monkeypatch.setattr(SentenceStep, "version", "999")
    kronologi.build([str(folder)], db=db)
    rows = _snapshot(backend)
    assert len(rows) == 2 and all("sentences@999" in row[2] and '"sentences@999"' in row[3] for row in rows)


def test_store_keeps_rejected_inputs_with_their_reason(tmp_path, backend):
    folder = _corpus(tmp_path, 1)
    (folder / "empty.txt").write_bytes(b"")
    kronologi.build([str(folder)], db=backend.url)
    rows = backend.rows("SELECT source_path, reason FROM rejected")
    runs = backend.rows("SELECT documents, rejected, finished_at IS NOT NULL FROM runs")
    assert [(p.rsplit("/", 1)[-1], r.split(":")[0]) for p, r in rows] == [("empty.txt", "failed.ingest.empty")]
    assert runs == [(1, 1, True)]


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
