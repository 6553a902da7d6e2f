"""Every input format, sniffed by content, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from kronologi.document import Document, Rejection
from kronologi.ingest import read_all, read_path
from kronologi.ingest.decode import decode
from kronologi.ingest.meta import load_meta
from kronologi.ingest.sniff import sniff
from kronologi.errors import MetadataError

HTML = """<!doctype html><html lang="id"><head><title>Banjir Rendam Demak - Warta Pesisir</title>
<meta property="og:title" content="Banjir Rendam Ratusan Rumah di Demak">
<meta property="og:site_name" content="Warta Pesisir">
<meta name="author" content="Rina Astuti">
<meta property="article:published_time" content="2024-01-04T10:15:00+07:00">
<link rel="canonical" href="https://wartapesisir.example/banjir-demak"></head>
<body><nav><ul><li><a href="/">Beranda</a></li><li><a href="/nasional">Nasional</a></li></ul></nav>
<article><h1>Banjir Rendam Ratusan Rumah di Demak</h1>
<p>Banjir rob merendam sedikitnya 350 rumah di tiga desa pesisir Kabupaten Demak sejak Selasa malam, kata petugas setempat kepada wartawan.</p>
<p>Air mulai naik sekitar pukul 21.00 WIB dan mencapai ketinggian 60 sentimeter pada Rabu pagi, menurut pengamatan warga di lokasi.</p>
<p>Sebanyak 1.100 warga mengungsi ke balai desa dan masjid terdekat sambil menunggu air surut dalam dua hari ke depan.</p>
</article><footer>&copy; 2024 Warta Pesisir</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Warta Pesisir</title>
<item><title>Air rob mulai surut</title><link>https://wartapesisir.example/a</link>
<pubDate>Fri, 05 Jan 2024 08:00:00 +0700</pubDate>
<content:encoded><![CDATA[<p>Air rob di Demak mulai surut pada Jumat pagi.</p><p>Warga kembali ke rumah masing-masing.</p>]]></content:encoded></item>
<item><title>Bantuan tiba</title><link>https://wartapesisir.example/b</link>
<pubDate>Sat, 06 Jan 2024 09:30:00 +0700</pubDate><description>Bantuan logistik tiba di tiga desa terdampak banjir rob.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Daily</title>
<entry><title>Floods recede</title><id>urn:x:1</id><link href="https://coast.example/1"/>
<published>2024-01-05T08:00:00+07:00</published><updated>2024-01-05T09:00:00+07:00</updated>
<content type="html">&lt;p&gt;Flood waters in Demak began to recede on Friday.&lt;/p&gt;</content></entry></feed>"""


def _docs(items):
    return [i for i in items if isinstance(i, Document)]


def _rejects(items):
    return [i for i in items if isinstance(i, Rejection)]


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_ingest_text_encodings_decode_without_loss(tmp_path, encoding):
    text = "Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve r\u00e9sum\u00e9 of the week." if encoding != "latin-1" else "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00e0 la carte, the week."
    path = _write(tmp_path, "a.txt", text.encode(encoding))
    (doc,) = _docs(read_path(path))
    assert doc.raw_text == text
    assert doc.format == "text"


def test_ingest_decode_reports_the_encoding_it_used():
    assert decode("na\u00efve".encode("utf-8"))[1] == "utf-8"
    assert decode(b"\xef\xbb\xbfhi there")[1] == "utf-8-sig"
    assert decode("\u201cquoted\u201d words here".encode("cp1252"))[1] == "cp1252"


def test_ingest_html_page_gives_text_and_metadata(tmp_path):
    (doc,) = _docs(read_path(_write(tmp_path, "page.html", HTML)))
    assert "350 rumah" in doc.raw_text and "Beranda" not in doc.raw_text
    assert doc.title == "Banjir Rendam Ratusan Rumah di Demak"
    assert doc.outlet == "Warta Pesisir"
    assert doc.url == "https://wartapesisir.example/banjir-demak"
    assert doc.author == "Rina Astuti"
    assert doc.published.startswith("2024-01-04") and doc.published_basis == "metadata"


def test_ingest_sniffs_content_not_extension(tmp_path):
    (doc,) = _docs(read_path(_write(tmp_path, "page.dat", HTML)))
    assert doc.format == "html"
    assert sniff(b'{"a": 1}\n{"a": 2}\n', "x.txt") == "jsonl"
    assert sniff(b'[{"a": 1}]', "x") == "json"
    assert sniff(RSS.encode(), "x.html") == "feed"
    assert sniff(b"WARC/1.0\r\n", "x") == "warc"
    assert sniff(b"Just words.", "x.html") == "html"
    assert sniff(b"Just words.", "x.bin") == "text"


def test_ingest_jsonl_maps_field_spellings_and_rejects_bad_lines(tmp_path):
    lines = [
        json.dumps({"title": "A", "text": "Isi berita pertama yang cukup panjang.", "date": "2024-01-04", "source": "Koran A"}),
        "{not json",
        json.dumps({"headline": "B", "content": "<p>Isi kedua.</p><p>Paragraf dua.</p>", "published": "2024-01-05T10:00:00+07:00",
                    "url": "https://b.example", "outlet": "Koran B"}),
        json.dumps({"title": "C without any text"}),
    ]
    items = list(read_path(_write(tmp_path, "arts.jsonl", "\n".join(lines))))
    docs, rejects = _docs(items), _rejects(items)
    assert [d.title for d in docs] == ["A", "B"]
    assert docs[0].outlet == "Koran A" and docs[0].published == "2024-01-04"
    assert docs[1].raw_text == "Isi kedua.\nParagraf dua." and docs[1].url == "https://b.example"
    assert [r.reason.split(":")[0] for r in rejects] == ["failed.ingest.bad_json_line", "failed.ingest.no_text"]
    assert rejects[0].source_path.endswith("arts.jsonl#line2")


def test_ingest_json_list_and_wrapped_object(tmp_path):
    data = {"articles": [{"title": "A", "body": "Satu dua tiga."}, {"title": "B", "body": "Empat lima."}]}
    docs = _docs(read_path(_write(tmp_path, "a.json", json.dumps(data, indent=2))))
    assert [d.title for d in docs] == ["A", "B"]
    assert len({d.id for d in docs}) == 2


def test_ingest_rss_and_atom_one_document_per_entry(tmp_path):
    rss = _docs(read_path(_write(tmp_path, "feed.xml", RSS)))
    assert [d.title for d in rss] == ["Air rob mulai surut", "Bantuan tiba"]
    assert rss[0].published == "2024-01-05T08:00+07:00"
    assert rss[0].raw_text == "Air rob di Demak mulai surut pada Jumat pagi.\nWarga kembali ke rumah masing-masing."
    assert rss[0].outlet == "Warta Pesisir"
    (atom,) = _docs(read_path(_write(tmp_path, "f.atom", ATOM)))
    assert atom.published == "2024-01-05T08:00+07:00" and atom.url == "https://coast.example/1"


def _warc_bytes(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, body, ctype in [("https://a.example/1", HTML.encode(), "text/html; charset=utf-8"),
                             ("https://a.example/robots.txt", b"User-agent: *", "text/plain"),
                             ("https://a.example/2", HTML.replace("350", "360").encode(), "text/html")]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2024-01-06T00:00:00Z"}))
    return out.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_warc_html_responses_become_documents(tmp_path, gz):
    path = _write(tmp_path, "crawl.warc.gz" if gz else "crawl.warc", _warc_bytes(gz))
    items = list(read_path(path))
    docs = _docs(items)
    assert [d.url for d in docs] == ["https://a.example/1", "https://a.example/2"]
    assert not _rejects(items)
    assert docs[0].format == "warc" and docs[0].observed["crawled"]["warc"] == "2024-01-06T00:00:00Z"


def test_ingest_truncated_warc_keeps_complete_records_and_rejects_the_rest(tmp_path):
    data = _warc_bytes(True)
    path = _write(tmp_path, "cut.warc.gz", data[: int(len(data) * 0.8)])
    items = list(read_path(path))
    assert len(_docs(items)) >= 1
    (reject,) = _rejects(items)
    assert reject.reason.startswith("failed.ingest.truncated_archive")


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "failed.ingest.empty"),
    ("blank.txt", b"  \n\n ", "failed.ingest.empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "failed.ingest.binary"),
    ("notes.txt.gz", gzip.compress(" ".join(f"kalimat{i * 7919 % 10007}" for i in range(400)).encode())[:600], "failed.ingest.truncated_gzip"),
    ("feed.rss", b"<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>", "failed.ingest.bad_feed"),
    ("broken.json", b'[{"title": "a", ', "failed.ingest.bad_json"),
])
def test_ingest_bad_inputs_are_rejected_with_a_reason(tmp_path, name, data, code):
    items = list(read_path(_write(tmp_path, name, data)))
    assert not _docs(items)
    (reject,) = _rejects(items)
    assert reject.reason.startswith(code + ":")
    assert reject.source_path.endswith(name)


def test_ingest_gzip_text_is_read(tmp_path):
    path = _write(tmp_path, "story.txt.gz", gzip.compress("Kalimat berita yang utuh.".encode()))
    (doc,) = _docs(read_path(path))
    assert doc.raw_text == "Kalimat berita yang utuh."


def test_ingest_folders_recursive_missing_paths_and_unique_ids(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    _write(tmp_path / "a", "story.txt", "Satu kalimat berita.")
    _write(tmp_path / "a" / "b", "story.txt", "Kalimat berita lain.")
    _write(tmp_path / "a", ".hidden.txt", "Tidak dibaca.")
    items = list(read_all([str(tmp_path / "a"), str(tmp_path / "nope")]))
    assert sorted(d.id for d in _docs(items)) == ["story", "story-2"]
    assert [r.reason.split(":")[0] for r in _rejects(items)] == ["failed.ingest.not_found"]


def test_ingest_stdin(tmp_path):
    (doc,) = _docs(read_all(["-"], stdin="Berita dari stdin.".encode()))
    assert doc.id == "stdin" and doc.raw_text == "Berita dari stdin."


def test_ingest_sidecar_metadata_wins_and_text_value_is_kept(tmp_path):
    path = _write(tmp_path, "page.html", HTML)
    meta = _write(tmp_path, "meta.csv", "file,published,outlet,url,title\npage.html,2024-01-03T20:00:00+07:00,Sidecar Pos,,\n")
    (doc,) = _docs(read_all([path], load_meta(meta)))
    assert doc.published == "2024-01-03T20:00+07:00" and doc.published_basis == "metadata"
    assert doc.outlet == "Sidecar Pos"
    assert doc.observed["outlet"] == {"html": "Warta Pesisir", "metadata": "Sidecar Pos"}
    meta_jsonl = _write(tmp_path, "meta.jsonl", json.dumps({"file": "page.html", "language": "id", "id": "demak-1"}))
    (doc,) = _docs(read_all([path], load_meta(meta_jsonl)))
    assert doc.id == "demak-1" and doc.language == "id"


def test_ingest_metadata_file_without_file_column_is_a_clear_error(tmp_path):
    with pytest.raises(MetadataError, match="'file' column"):
        load_meta(_write(tmp_path, "m.csv", "name,published\na.txt,2024-01-01\n"))
