"""Duplicates (exact, near) and shared passages (wire copy)."""

from __future__ import annotations

from kronologi.corpus.boilerplate import repeated_lines
from kronologi.corpus.dedup import dedup
from kronologi.document import Document, Sentence
from kronologi.text.sentences import split_sentences

WIRE = ("Tim SAR gabungan menemukan dua korban terakhir di hilir sungai pada Rabu pagi. "
        "Jenazah keduanya langsung dibawa ke rumah sakit daerah untuk diidentifikasi keluarga. "
        "Dengan temuan itu, operasi pencarian resmi ditutup setelah berlangsung tujuh hari.")


def _doc(doc_id, text, published=None, outlet=None):
    doc = Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", raw_text=text, text=text,
                   published=published, outlet=outlet)
    doc.sentences = [Sentence(s, e) for s, e in split_sentences(text, "id")]
    return doc


LONG = " ".join(f"Kalimat ke-{i} menjelaskan perkembangan banjir di desa nomor {i} secara rinci." for i in range(40))


def test_dedup_exact_duplicates_point_to_the_earliest():
    a = _doc("a", LONG, "2024-01-05")
    b = _doc("b", LONG.upper(), "2024-01-04")
    result = dedup([a, b])
    assert result.duplicate_of == {"a": ("b", "exact", 1.0)}


def test_dedup_near_duplicates_found_and_distinct_documents_not():
    a = _doc("a", LONG, "2024-01-04")
    trimmed = _doc("b", LONG.replace("Kalimat ke-39", "Kalimat terakhir"), "2024-01-05")
    other = _doc("c", " ".join(f"Paragraf {i} membahas pemilihan umum di kota {i}." for i in range(40)))
    result = dedup([a, trimmed, other])
    assert result.duplicate_of["b"][:2] == ("a", "near") and result.duplicate_of["b"][2] >= 0.8
    assert "c" not in result.duplicate_of and "a" not in result.duplicate_of


def test_dedup_shared_wire_passage_between_different_articles():
    a = _doc("a", "Warta Satu melaporkan dari lokasi banjir di Demak pada hari ini. " + WIRE, outlet="Satu")
    b = _doc("b", WIRE + " Bupati berjanji memperbaiki tanggul yang jebol sebelum musim hujan berikutnya tiba.", outlet="Dua")
    result = dedup([a, b])
    assert not result.duplicate_of
    (pa,) = result.shared["a"]
    (pb,) = result.shared["b"]
    assert pa.doc == "b" and pa.sentences == 3
    assert a.text[pa.start:pa.end] == WIRE == b.text[pb.start:pb.end]
    assert (pa.other_start, pa.other_end) == (pb.start, pb.end)


def test_dedup_outlet_sign_off_is_not_wire_copy():
    sign_off = "Ikuti terus perkembangan berita terbaru hanya di portal berita kesayangan Anda setiap hari."
    docs = [_doc(f"d{i}", f"Berita nomor {i} tentang topik yang berbeda sama sekali dari yang lain. " + sign_off,
                 outlet="Satu") for i in range(5)]
    assert dedup(docs).shared == {}


def test_dedup_repeated_lines_counts_each_document_once():
    raws = ["Menu\nBerita satu.\nMenu"] + ["Menu\nBerita lain."] * 3 + ["Tanpa menu."]
    assert repeated_lines(raws, min_docs=4) == frozenset({"menu"})
    assert repeated_lines(raws, min_docs=5) == frozenset()


def test_dedup_trimmed_copy_is_a_near_duplicate_of_the_longer_article():
    body = " ".join(f"Paragraf {i} menjelaskan kejadian banjir di desa nomor {i} dengan rinci." for i in range(12))
    extra = " ".join(f"Tambahan {i} berisi keterangan saksi mata dari lokasi kejadian lain." for i in range(6))
    full = _doc("full", body + " " + extra, "2024-01-04")
    trimmed = _doc("trimmed", body, "2024-01-05")
    result = dedup([full, trimmed])
    assert result.duplicate_of["trimmed"][:2] == ("full", "near")
    assert "full" not in result.duplicate_of


# --- fingerprints: the per-document half of the pass ------------------------------------------------------------

def _corpus():
    return [_doc("a", "Warta Satu melaporkan dari lokasi banjir di Demak pada hari ini. " + WIRE, "2024-01-04", "Satu"),
            _doc("b", WIRE + " Bupati berjanji memperbaiki tanggul yang jebol sebelum musim hujan tiba.", None, "Dua"),
            _doc("c", LONG, "2024-01-04"),
            _doc("d", LONG.replace("Kalimat ke-39", "Kalimat terakhir"), "2024-01-05"),
            _doc("e", LONG.upper(), "2024-01-06"),
            _doc("f", "")]


def _result(docs):
    result = dedup(docs)
    return result.duplicate_of, {k: [vars(p) for p in v] for k, v in result.shared.items()}


def test_fingerprint_step_gives_the_pass_what_it_would_compute_itself():
    from kronologi.corpus.dedup import FingerprintStep

    computed_by_the_pass = _corpus()
    expected = _result(computed_by_the_pass)
    assert expected[0]["d"][:2] == ("c", "near") and expected[0]["e"][:2] == ("c", "exact") and expected[1]
    stepped = _corpus()
    step = FingerprintStep()
    step.prepare(stepped[:3])  # a batch prepared in bulk, the rest one by one: the same fingerprints
    for doc in stepped:
        step(doc)
    assert [d.fingerprint for d in stepped] == [d.fingerprint for d in computed_by_the_pass]
    assert stepped[-1].fingerprint["minhash"] is None  # no words, no signature
    assert _result(stepped) == expected


def test_a_fingerprint_made_from_another_text_is_not_trusted():
    from kronologi.corpus.dedup import FingerprintStep

    docs = _corpus()
    step = FingerprintStep()
    stale = [step(_doc(d.id, "Teks lama yang sama sekali lain dari artikel ini ditulis di sini.")) for d in docs]
    for doc, old in zip(docs, stale):
        doc.fingerprint = old.fingerprint  # all of them alike: taken at face value, every one an exact copy
    assert _result(docs) == _result(_corpus())


def test_a_built_store_keeps_each_documents_fingerprint_and_the_chronicle_does_not_show_it(tmp_path):
    import json

    import kronologi
    from kronologi.store import Store

    for doc in _corpus()[:4]:
        (tmp_path / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
    db = tmp_path / "k.db"
    chronicle = kronologi.build([str(tmp_path)], db=db, steps=("clean", "language", "sentences", "fingerprint"))
    assert all("fingerprint@1" in d.steps for d in chronicle.documents)
    assert not any("fingerprint" in record for record in json.loads(chronicle.to_json())["documents"])
    store = Store(db)
    try:
        stored = [json.loads(data) for (data,) in store.db.execute("SELECT data FROM documents")]
    finally:
        store.close()
    assert len(stored) == 4 and all(d["fingerprint"]["minhash"] for d in stored)
