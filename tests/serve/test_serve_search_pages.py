"""Search pages on the server: however a result list is cut into pages, the pages put together are the whole list
in one order (bm25, then kind, then id), ties included — the search ranks each kind's best ``offset + size``
matches before it joins them, so a tie at a page's edge must not drop or repeat a result. Copies of one article
(the same words, the same bm25) make the ties."""

from __future__ import annotations

import pytest

from conftest import build_articles
from serve_corpus import ARTICLES, client_for

# Written for this test (Indonesian): one short notice posted word for word by three invented outlets.
NOTICE = """Jadwal Kapal Feri Lentera Berubah
Senin, 8 April 2024 | 07:00 WIB
Dinas Perhubungan Lentera mengumumkan jadwal kapal feri ke Pulau Lentera berubah mulai Selasa karena gelombang tinggi.
Penumpang diminta memeriksa jadwal di pelabuhan sebelum berangkat.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    copies = {f"jadwal-feri-{name}.txt": NOTICE for name in ("a", "b", "c")}
    return client_for(build_articles(tmp_path_factory.mktemp("serve-search"), {**ARTICLES, **copies}).db)


def _whole(client, q: str) -> list[tuple[str, str]]:
    data = client.get("/search.json", params={"q": q, "size": 100}).json()["results"]
    assert data["total"] == len(data["items"])
    return [(r["kind"], r["id"]) for r in data["items"]]


@pytest.mark.parametrize("q", ["jadwal", "feri Lentera", "Giriwangi", "longsor"])
@pytest.mark.parametrize("size", [1, 2, 3])
def test_serve_search_pages_put_together_are_the_whole_list(client, q, size):
    whole = _whole(client, q)
    assert len(whole) >= 3
    pages, page = [], 1
    while True:
        data = client.get("/search.json", params={"q": q, "size": size, "page": page}).json()["results"]
        pages += [(r["kind"], r["id"]) for r in data["items"]]
        if page >= data["pages"]:
            break
        page += 1
    assert pages == whole


def test_serve_search_copies_tie_and_fall_in_id_order(client):
    whole = _whole(client, "jadwal")
    copies = [i for kind, i in whole if kind == "document" and i.startswith("jadwal-feri-")]
    assert copies == sorted(copies) and len(copies) == 3
