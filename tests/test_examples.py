"""End to end on the bundled example corpus (examples/EXPECTED.md is the answer key)."""

from __future__ import annotations

import pytest

import kronologi
from kronologi.export.jsonfile import validate

from conftest import EXAMPLES, ROOT

DEBRIS = ("Baca juga", "Read also", "togel", "casino", "Bagikan artikel", "Share this story", "kali dibaca",
          "Unduh aplikasi", "Subscribe", "KOMENTAR", "ADVERTISEMENT", "©")


@pytest.fixture(scope="module")
def chronicle():
    return kronologi.build([str(EXAMPLES)], meta=ROOT / "examples" / "meta.csv")


def _doc(chronicle, doc_id):
    return chronicle.document(doc_id)


def test_examples_every_format_is_read_and_bad_files_rejected(chronicle):
    formats = {d.format for d in chronicle.documents}
    assert formats == {"text", "html", "feed", "warc", "json"}
    reasons = sorted(r.reason.split(":")[0] for r in chronicle.rejected)
    assert reasons == ["failed.ingest.binary", "failed.ingest.empty", "failed.ingest.truncated_archive"]
    assert len(chronicle.documents) >= 17
    validate(chronicle.to_dict())


def test_examples_languages_titles_and_no_debris(chronicle):
    langs = {d.language for d in chronicle.documents}
    assert langs == {"id", "en"}
    for doc in chronicle.documents:
        assert doc.title and doc.sentences, doc.id
        for marker in DEBRIS:
            assert marker not in doc.text, (doc.id, marker)


def test_examples_duplicates_and_wire_copy(chronicle):
    assert _doc(chronicle, "ndledger-malang-police-chief-removed").duplicate_kind == "exact" or \
        _doc(chronicle, "crawl-2022-10-1").duplicate_kind == "exact"
    trimmed = _doc(chronicle, "articles-line1")
    assert (trimmed.duplicate_of, trimmed.duplicate_kind) == ("wartaarek-127-korban", "near")
    (wire,) = _doc(chronicle, "lintastimur-korban-dikoreksi-125").shared_passages
    assert wire.doc == "kabarbrawijaya-rss-2" and wire.sentences >= 4
    other = _doc(chronicle, "kabarbrawijaya-rss-2")
    assert other.text[wire.other_start:wire.other_end] == \
        _doc(chronicle, "lintastimur-korban-dikoreksi-125").text[wire.start:wire.end]


def test_examples_metadata_datelines_and_credits(chronicle):
    d01 = _doc(chronicle, "wartaarek-127-korban")
    assert (d01.outlet, d01.published, d01.published_basis, d01.dateline) == \
        ("Warta Arek", "2022-10-02T05:12+07:00", "metadata", "Malang")
    assert d01.observed["published"]["text"] == "2022-10-02T05:12+07:00"
    d02 = _doc(chronicle, "kabarbrawijaya-kronologi-kanjuruhan")
    assert d02.title.startswith("Kronologi Tragedi Kanjuruhan") and d02.encoding == "utf-8-sig"
    assert d02.credits == ["Antara", "Reuters"] and d02.dateline == "Malang"
    d03 = _doc(chronicle, "archipelago-courier-toll-174")
    assert d03.encoding == "cp1252" and d03.credits == ["AFP", "Reuters"] and d03.dateline == "Malang, Indonesia"
    assert d03.language == "en" and "“anarchic”" in d03.text
    d04 = _doc(chronicle, "lerengarjuno-polri-oksigen")
    # undated: no metadata, no header date; the body's "Senin (10/10/2022)" gives it
    assert (d04.published, d04.published_basis, d04.format) == ("2022-10-10", "inferred", "text")
    assert d04.observed["published"]["inferred"]["confidence"] > 0
    assert _doc(chronicle, "lintastimur-korban-dikoreksi-125").credits == ["Antara"]
    assert _doc(chronicle, "crawl-2022-10-2").credits == ["AFP"]
