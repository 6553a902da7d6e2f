"""Hardening of ingest: unique ids and keys, limits, hostile JSON, WARC framing, odd names."""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib

import pytest

from kronologi.document import Document, Rejection
from kronologi.errors import MetadataError
from kronologi.ingest import read_all, read_path
from kronologi.ingest.ids import Registry, printable
from kronologi.ingest.limits import DEFAULT_MAX_DOC_BYTES, DEFAULT_MAX_PAGE_BYTES, Limits, inflate
from kronologi.ingest.meta import load_meta, read_meta

STORY = "Banjir rob merendam ratusan rumah di pesisir utara pada Selasa malam, kata petugas setempat."
OTHER = "Jembatan gantung di hulu sungai putus diterjang arus deras pada Rabu pagi, menurut warga."


def _docs(items):
    return [i for i in items if isinstance(i, Document)]


def _reasons(items):
    return [i.reason.split(":")[0] for i in items if isinstance(i, Rejection)]


def _write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


# 1. ids and keys ------------------------------------------------------------------------------

def test_ingest_same_file_name_and_content_in_two_folders_gives_two_ids_and_two_keys(tmp_path):
    _write(tmp_path / "x", "berita.txt", STORY)
    _write(tmp_path / "y", "berita.txt", STORY)
    docs = _docs(read_all([str(tmp_path / "x"), str(tmp_path / "y")]))
    assert [d.id for d in docs] == ["berita", "berita-2"]
    assert len({d.key for d in docs}) == 2


def test_ingest_record_ids_a_a_a2_never_collide_and_are_stable(tmp_path):
    lines = [json.dumps({"id": i, "text": f"{STORY} {n}"}) for n, i in enumerate(["a", "a", "a-2"])]
    path = _write(tmp_path, "arts.jsonl", "\n".join(lines))
    ids = [d.id for d in _docs(read_all([path]))]
    assert len(set(ids)) == 3
    assert ids == [d.id for d in _docs(read_all([path]))]
    assert ids[0] == "a"


def test_ingest_meta_ids_that_collide_with_generated_ids_are_made_unique(tmp_path):
    _write(tmp_path / "in", "satu.txt", STORY)
    _write(tmp_path / "in", "dua.txt", OTHER)
    meta = _write(tmp_path, "m.jsonl", json.dumps({"file": "satu.txt", "id": "dua"}))
    docs = _docs(read_all([str(tmp_path / "in")], load_meta(meta)))
    assert sorted(d.id for d in docs) == ["dua", "dua-2"]


def test_ingest_registry_suffixes_skip_ids_already_given():
    reg = Registry()
    assert [reg.claim_id(i) for i in ["a-2", "a", "a", "a", ""]] == ["a-2", "a", "a-3", "a-4", "document"]
    assert reg.claim_key("k", "a") == "k" and reg.claim_key("k", "a-3") != "k"


# 2. hostile JSON, names, meta rows -----------------------------------------------------------

@pytest.mark.parametrize("name,data", [
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("huge.json", '[{"text": "' + STORY + '", "count": ' + "7" * 5000 + "}]"),
])
def test_ingest_json_too_deep_or_with_a_huge_number_is_rejected(tmp_path, name, data):
    items = list(read_path(_write(tmp_path, name, data)))
    assert _reasons(items) == ["failed.ingest.bad_json"]


def test_ingest_jsonl_line_too_deep_is_rejected_and_the_rest_read(tmp_path):
    path = _write(tmp_path, "a.jsonl", json.dumps({"text": STORY}) + "\n{\"x\": " + "[" * 50_000 + "]" * 50_000 + "}")
    items = list(read_path(path))
    assert _reasons(items) == ["failed.ingest.bad_json_line"] and len(_docs(items)) == 1


@pytest.mark.skipif(os.name != "posix", reason="byte file names")
def test_ingest_file_name_that_is_not_utf8_is_reported_as_valid_unicode(tmp_path):
    folder = os.path.join(os.fsencode(tmp_path), b"in")
    os.makedirs(folder)
    with open(os.path.join(folder, b"berita-\xff.txt"), "wb") as fh:
        fh.write(STORY.encode())
    (doc,) = _docs(read_all([os.fsdecode(folder)]))
    assert doc.source_path.endswith("berita-\\xff.txt") and doc.id == "berita-\\xff"
    doc.source_path.encode("utf-8"), doc.id.encode("utf-8"), doc.key.encode("utf-8")


def test_ingest_printable_keeps_valid_text_and_escapes_undecodable_bytes():
    assert printable("Café") == "Café"
    assert printable(os.fsdecode(b"a\xffb")) == "a\\xffb"
    assert printable("x\ud800y") == "x\ufffdy"


def test_ingest_json_string_with_a_lone_surrogate_becomes_encodable_text(tmp_path):
    path = _write(tmp_path, "a.jsonl", '{"title": "bad \\ud800 title", "text": "' + STORY + '"}')
    (doc,) = _docs(read_path(path))
    doc.title.encode("utf-8")


def test_ingest_meta_rows_that_are_lists_or_lack_a_file_are_listed_not_raised(tmp_path):
    meta = _write(tmp_path, "m.jsonl", "\n".join([
        json.dumps(["satu.txt", "2024-01-01"]), json.dumps({"published": "2024-01-02"}),
        "{broken", "[" * 100_000, json.dumps({"file": "satu.txt", "outlet": "Koran A"})]))
    rows, problems = read_meta(meta)
    assert rows == {"satu.txt": {"outlet": "Koran A"}}
    assert [p.source_path.rsplit("#", 1)[1] for p in problems] == ["line1", "line2", "line3", "line4"]
    assert all(p.reason.startswith("failed.meta.bad_row: line") for p in problems)
    with pytest.raises(MetadataError, match="line 1 is a JSON list"):
        load_meta(meta)


# 3. limits -----------------------------------------------------------------------------------

def _bomb(inflated_mb: int) -> bytes:
    unz = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join(unz.compress(bytes(1 << 20)) for _ in range(inflated_mb)) + unz.flush()


def test_ingest_inflate_stops_at_the_cap_and_reads_every_member():
    with pytest.raises(Exception, match="over the limit of 1,000,000 bytes") as info:
        inflate(_bomb(64), 1_000_000)
    assert info.value.code == "failed.ingest.too_large"
    data = gzip.compress(b"satu ") + gzip.compress(b"dua")
    assert inflate(data, 100) == (b"satu dua", True)
    assert inflate(data[:-20], 100)[1] is False


def test_ingest_gzip_bomb_is_rejected_as_too_large(tmp_path):
    items = list(read_path(_write(tmp_path, "bomb.txt.gz", _bomb(64)), limits=Limits(max_doc_bytes=1_000_000)))
    assert _reasons(items) == ["failed.ingest.too_large"]


def test_ingest_text_over_max_doc_bytes_is_rejected_and_under_it_read(tmp_path):
    limits = Limits(max_doc_bytes=2000)
    big = list(read_path(_write(tmp_path, "big.txt", (STORY + " ") * 40), limits=limits))
    assert _reasons(big) == ["failed.ingest.too_large"] and "over the limit of 2,000 bytes" in big[0].reason
    assert len(_docs(read_path(_write(tmp_path, "ok.txt", STORY), limits=limits))) == 1


def test_ingest_default_max_doc_bytes_reads_a_long_article_and_rejects_six_times_one(tmp_path):
    """512 KiB: a long news article (~100 KB) is read; a text past 512 KiB is refused unless asked for."""
    assert Limits().max_doc_bytes == DEFAULT_MAX_DOC_BYTES == 512 * 1024
    long_article = (STORY + " ") * (100_000 // (len(STORY) + 1))
    assert len(_docs(read_path(_write(tmp_path, "long.txt", long_article)))) == 1
    huge = (STORY + " ") * (600_000 // (len(STORY) + 1))
    assert _reasons(read_path(_write(tmp_path, "huge.txt", huge))) == ["failed.ingest.too_large"]
    assert len(_docs(read_path(_write(tmp_path, "huge.txt", huge), limits=Limits(max_doc_bytes=1_000_000)))) == 1


def test_ingest_cli_build_defaults_to_the_ingest_caps():
    from kronologi.cli import build

    defaults = {p.name: p.default for p in build.params}
    assert defaults["max_doc_bytes"] == DEFAULT_MAX_DOC_BYTES
    assert defaults["max_page_bytes"] == DEFAULT_MAX_PAGE_BYTES


def test_ingest_html_page_over_max_page_bytes_is_rejected(tmp_path):
    page = "<html><body><article>" + f"<p>{STORY}</p>" * 40 + "</article></body></html>"
    items = list(read_path(_write(tmp_path, "p.html", page), limits=Limits(max_page_bytes=2000)))
    assert _reasons(items) == ["failed.ingest.too_large"] and "HTML page" in items[0].reason
    assert len(_docs(read_path(_write(tmp_path, "p.html", page)))) == 1


def test_ingest_record_over_max_doc_bytes_is_rejected_alone(tmp_path):
    lines = [json.dumps({"text": (STORY + " ") * 40}), json.dumps({"text": STORY})]
    items = list(read_path(_write(tmp_path, "a.jsonl", "\n".join(lines)), limits=Limits(max_doc_bytes=2000)))
    assert _reasons(items) == ["failed.ingest.too_large"] and len(_docs(items)) == 1


def test_ingest_input_over_max_input_bytes_is_rejected_unread(tmp_path):
    items = list(read_path(_write(tmp_path, "a.jsonl", json.dumps({"text": STORY}) * 10),
                           limits=Limits(max_input_bytes=500)))
    assert _reasons(items) == ["failed.ingest.too_large"]


# 4. WARC framing, UTF-16 without BOM ----------------------------------------------------------

def _warc(pages, gz=False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, text in pages:
        body = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


def test_ingest_warc_record_shorter_than_its_length_is_rejected_and_the_next_one_kept(tmp_path):
    first, second = _warc([("https://a.example/1", STORY)]), _warc([("https://a.example/2", OTHER)])
    cut = first.rstrip(b"\r\n")[:-40] + b"\r\n\r\n"  # the block loses 40 bytes, Content-Length unchanged
    items = list(read_path(_write(tmp_path, "c.warc", cut + second)))
    assert [d.url for d in _docs(items)] == ["https://a.example/2"]
    (reject,) = [i for i in items if isinstance(i, Rejection)]
    assert reject.reason.startswith("failed.ingest.truncated_record:") and reject.source_path.endswith("#https://a.example/1")


def test_ingest_warc_gz_cut_inside_a_record_keeps_the_complete_ones(tmp_path):
    data = _warc([("https://a.example/1", STORY), ("https://a.example/2", OTHER)], gz=True)
    items = list(read_path(_write(tmp_path, "c.warc.gz", data[:-60])))
    assert [d.url for d in _docs(items)] == ["https://a.example/1"]
    assert _reasons(items) == ["failed.ingest.truncated_archive"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ingest_utf16_without_bom_is_read(tmp_path, encoding):
    text = STORY + "\nCafé “kutipan” — naïve."
    (doc,) = _docs(read_path(_write(tmp_path, "a.txt", text.encode(encoding))))
    assert doc.raw_text == text and doc.encoding == encoding


# 5. files that are not articles --------------------------------------------------------------

def test_ingest_folder_readme_and_license_are_skipped_once_with_a_reason(tmp_path):
    for name in ("README.md", "LICENSE", "CHANGELOG.txt", "berita.txt"):
        _write(tmp_path / "in", name, STORY)
    items = list(read_all([str(tmp_path / "in")]))
    assert [d.id for d in _docs(items)] == ["berita"]
    assert _reasons(items) == ["dropped.ingest.not_an_article"] * 3
    assert len(_docs(read_all([str(tmp_path / "in" / "README.md")]))) == 1  # named: read


def test_ingest_manifest_without_article_text_is_one_skip_not_a_rejection_per_line(tmp_path):
    lines = [json.dumps({"file": f"{n}.txt", "title": f"Judul {n}"}) for n in range(5)]
    items = list(read_path(_write(tmp_path, "index.jsonl", "\n".join(lines))))
    assert _reasons(items) == ["dropped.ingest.not_an_article"]
    assert items[0].source_path.endswith("index.jsonl")


def test_ingest_ids_hold_across_builds_that_share_a_store(tmp_path):
    from kronologi.build import build

    _write(tmp_path / "x", "berita.txt", STORY)
    _write(tmp_path / "y", "berita.txt", OTHER)
    db, steps = tmp_path / "k.db", ("clean", "language", "sentences")
    first = build([str(tmp_path / "y")], db=db, steps=steps)
    assert [d.id for d in first.documents] == ["berita"]
    again = build([str(tmp_path / "x"), str(tmp_path / "y")], db=db, steps=steps)  # y's stored doc was "berita"
    assert [(d.id, d.source_path.split(os.sep)[-2]) for d in again.documents] == [("berita", "x"), ("berita-2", "y")]
