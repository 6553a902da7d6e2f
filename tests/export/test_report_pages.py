"""report.html per story (issue 13, item 6): past ``ONE_PAGE_STORIES`` stories or ``ONE_PAGE_DOCUMENTS``
documents, report.html is an index and each story has its own self-contained page in ``stories/``; every link
between them (and timeline.md's) finds its anchor; the store writes the same pages as memory; an export that
fails keeps the previous pages, and pages of an earlier export never survive a later one."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from kronologi.build import build
from kronologi.export import ExportError, storypages, write_all, write_store
from kronologi.export.storypages import Homes, page_name

from conftest import write_articles

# three invented happenings far apart in time and place, each told by two articles (our own sentences)
ARTICLES = {
    "longsor-1.txt": """Longsor Timbun Jalan Desa Wanareja
Senin, 6 Januari 2031 | 08:15 WIB
WANAREJA - Tanah longsor menimbun jalan utama Desa Wanareja, Kabupaten Karangsari, pada Senin (6/1/2031) pagi.
Badan Penanggulangan Bencana Daerah Karangsari mencatat 7 rumah tertimbun di Dusun Cikupa.
"Kami mengerahkan alat berat sejak pagi," kata Kepala BPBD Karangsari, Sutrisno Wibowo.
""",
    "longsor-2.txt": """Rumah Tertimbun Longsor Wanareja Jadi 11
Selasa, 7 Januari 2031 | 10:40 WIB
WANAREJA - Jumlah rumah tertimbun longsor di Dusun Cikupa, Desa Wanareja, bertambah menjadi 11 pada Selasa
(7/1/2031), kata Sutrisno Wibowo dari BPBD Karangsari.
Sebanyak 60 warga Cikupa mengungsi ke balai desa.
""",
    "kopi-1.txt": """Harga Kopi Arabika Gayo Naik
Kamis, 15 Mei 2031 | 09:00 WIB
TAKENGON - Harga kopi arabika gayo di Kabupaten Aceh Tengah naik menjadi Rp 95.000 per kilogram pada Kamis
(15/5/2031), kata Kepala Dinas Pertanian Aceh Tengah, Mahmud Ridwan.
""",
    "kopi-2.txt": """Petani Gayo Sambut Kenaikan Harga Kopi
Jumat, 16 Mei 2031 | 11:20 WIB
TAKENGON - Petani kopi di Aceh Tengah menyambut harga arabika gayo yang naik menjadi Rp 95.000 per kilogram,
kata Mahmud Ridwan dari Dinas Pertanian Aceh Tengah, Jumat (16/5/2031).
""",
    "festival-1.txt": """Festival Layang-layang Pantai Lembayung Dibuka
Sabtu, 9 Agustus 2031 | 15:00 WIB
LEMBAYUNG - Festival layang-layang di Pantai Lembayung, Kota Samudra, dibuka pada Sabtu (9/8/2031),
kata Wali Kota Samudra, Ratna Kusuma. Sebanyak 120 peserta ikut serta.
""",
    "festival-2": """Ribuan Warga Padati Festival Layang-layang Lembayung
Minggu, 10 Agustus 2031 | 17:30 WIB
LEMBAYUNG - Ribuan warga memadati festival layang-layang di Pantai Lembayung, Kota Samudra, pada Minggu
(10/8/2031), kata Ratna Kusuma. Festival diikuti 120 peserta.
""",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    db = root / "kronologi.db"
    chronicle = build([str(write_articles(root / "in", ARTICLES))], db=db)
    assert len(chronicle.stories) >= 3
    return chronicle, db


@pytest.fixture
def split(monkeypatch):
    """Story pages from two stories on (the invented corpus is small)."""
    monkeypatch.setattr(storypages, "ONE_PAGE_STORIES", 1)


def _tree(folder: Path) -> dict[str, bytes]:
    """The outputs under ``folder`` (staging folders, whose names start with a dot, aside)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "kronologi.db" and not p.relative_to(folder).parts[0].startswith(".")}


def _ids(html: str) -> set[str]:
    return {unquote(i) for i in re.findall(r"\bid='([^']*)'", html)} | set(re.findall(r"\bid=([\w-]+)", html))


def _links_resolve(page: Path) -> int:
    """Every link of ``page`` to a page of the report finds that page and, if any, its anchor; returns how many
    left the page."""
    html, left = page.read_text(encoding="utf-8"), 0
    for href in re.findall(r"href='([^']*)'", html):
        if href.startswith("http"):
            continue
        target, _, fragment = href.partition("#")
        other = (page.parent / unquote(target)).resolve() if target else page
        left += other != page
        assert other.is_file(), f"{page.name}: {href} finds no page"
        if fragment:
            assert unquote(fragment) in _ids(other.read_text(encoding="utf-8")), f"{page.name}: {href} finds no anchor"
    return left


def test_report_pages_a_small_corpus_keeps_one_page(built, tmp_path):
    chronicle, _ = built
    paths = write_all(chronicle, tmp_path)
    assert "stories" not in paths and not (tmp_path / "stories").exists()
    html = paths["report.html"].read_text(encoding="utf-8")
    assert "Harga kopi arabika gayo" in html and "Tanah longsor menimbun" in html  # every text on the one page
    assert "](report.html#" in paths["timeline.md"].read_text(encoding="utf-8")


def test_report_pages_an_index_and_one_self_contained_page_per_story(built, tmp_path, split):
    chronicle, _ = built
    paths = write_all(chronicle, tmp_path)
    pages = sorted(p.name for p in paths["stories"].iterdir())
    assert pages == sorted(page_name(s["id"]) for s in chronicle.stories)
    index = paths["report.html"].read_text(encoding="utf-8")
    assert "<div class=text>" not in index and "<h2 id=texts>" not in index  # no texts in the index
    for story in chronicle.stories:
        assert f"href='stories/{page_name(story['id'])}'" in index and story["title"] in index
        page = (paths["stories"] / page_name(story["id"])).read_text(encoding="utf-8")
        assert page.startswith("<!doctype html>") and "<style>" in page and "<script" not in page
        assert "width=device-width" in page and "href='../report.html'" in page
        texts = set(re.findall(r"<details id='([^']*)'><summary>", page))
        assert texts == {d.id for d in chronicle.documents if d.story == story["id"]}  # its articles, no others
    assert _links_resolve(paths["report.html"]) >= len(chronicle.stories)
    for page in paths["stories"].iterdir():
        _links_resolve(page)
    md = paths["timeline.md"].read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]*)\)", md)
    assert targets and not [t for t in targets if t.startswith("report.html#")]
    for target in targets:
        page, _, fragment = target.partition("#")
        assert page.startswith("stories/") and unquote(fragment) in _ids((tmp_path / page).read_text("utf-8"))


def test_report_pages_from_the_store_equal_the_pages_from_memory(built, tmp_path, split):
    chronicle, db = built
    write_all(chronicle, tmp_path / "memory")
    write_store(db, tmp_path / "store")
    memory = _tree(tmp_path / "memory")
    assert any(name.startswith("stories/") for name in memory)
    assert _tree(tmp_path / "store") == memory


def test_report_pages_of_an_earlier_export_never_survive(built, tmp_path, monkeypatch):
    chronicle, _ = built
    monkeypatch.setattr(storypages, "ONE_PAGE_STORIES", 1)
    write_all(chronicle, tmp_path)
    (tmp_path / "stories" / "S999.html").write_text("a story an earlier build had", encoding="utf-8")
    write_all(chronicle, tmp_path)
    assert sorted(p.name for p in (tmp_path / "stories").iterdir()) == sorted(
        page_name(s["id"]) for s in chronicle.stories)
    monkeypatch.setattr(storypages, "ONE_PAGE_STORIES", 20)  # now small enough for one page: the folder goes
    write_all(chronicle, tmp_path)
    assert not (tmp_path / "stories").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left


def test_report_pages_an_export_failing_midway_keeps_the_previous_pages(built, tmp_path, split, monkeypatch):
    chronicle, _ = built
    write_all(chronicle, tmp_path)
    before = _tree(tmp_path)
    made = []

    def broken(self, name, *args):
        made.append(name)
        if len(made) == 2:
            raise OSError(28, "No space left on device")
        return page(self, name, *args)

    page = storypages.SplitReportWriter._page
    monkeypatch.setattr(storypages.SplitReportWriter, "_page", broken)
    chronicle.generated_at = "2031-12-31T00:00:00+00:00"
    with pytest.raises(ExportError, match="No space left"):
        write_all(chronicle, tmp_path)
    assert len(made) == 2 and _tree(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_report_pages_articles_in_no_story_get_a_page_of_their_own(built, tmp_path, split):
    chronicle, _ = built
    loose = next(d for d in chronicle.documents if d.id == "festival-2")
    story_of = loose.story
    try:
        loose.story = None
        paths = write_all(chronicle, tmp_path)
    finally:
        loose.story = story_of
    other = paths["stories"] / "_other.html"
    assert "id='festival-2'" in other.read_text(encoding="utf-8")
    assert "href='stories/_other.html'" in paths["report.html"].read_text(encoding="utf-8")
    for page in paths["stories"].iterdir():  # the festival's page links to its article on the other page
        _links_resolve(page)


def test_report_pages_a_story_id_unfit_for_a_file_name_is_hashed():
    assert page_name("S12") == "S12.html"
    odd = page_name("../etc/passwd")
    assert re.fullmatch(r"_h[0-9a-f]{16}\.html", odd) and odd != page_name("../etc/passwd2")


def test_report_pages_homes_point_links_from_the_page_they_leave():
    from kronologi.export.source import DocRow

    def row(doc_id: str, story: str | None) -> DocRow:
        return DocRow(doc_id, None, None, None, None, None, None, [], story, None, None, None, "text", doc_id,
                      0, 0, (), ())

    changes = {"new_events": [{"event": "V7", "story": "S2"}], "counts": {}}
    homes = Homes([row("a b", "S1"), row("c-s1", "S2"), row("c", "S1")], ["S1", "S2"], changes)
    html = "<a href='#a%20b-s3'>x</a><a href='#c-s1'>y</a><a href='#c-s4'>z</a><a href='#V7'>v</a>"
    assert homes.relink_html(html, "S1.html") == ("<a href='#a%20b-s3'>x</a><a href='S2.html#c-s1'>y</a>"
                                                 "<a href='#c-s4'>z</a><a href='S2.html#V7'>v</a>")
    assert homes.relink_html("<a href='#V7'>v</a>", None) == "<a href='stories/S2.html#V7'>v</a>"
    assert homes.relink_markdown("- [x](report.html#c-s0)") == "- [x](stories/S1.html#c-s0)"


KILLED_MIDWAY = """
import os, pickle, signal, sys
from kronologi.export import storypages, write_all
storypages.ONE_PAGE_STORIES = 1
page = storypages.SplitReportWriter._page
def killed(self, name, *args):
    if os.listdir(self.folder):  # one page written: killed before the second
        os.kill(os.getpid(), signal.SIGKILL)
    return page(self, name, *args)
storypages.SplitReportWriter._page = killed
with open(sys.argv[1], "rb") as fh:
    write_all(pickle.load(fh), sys.argv[2])
"""


def test_report_pages_a_kill_while_story_pages_are_written_leaves_the_previous_set(built, tmp_path, split):
    import pickle
    import subprocess
    import sys

    chronicle, _ = built
    write_all(chronicle, tmp_path / "out")
    before = _tree(tmp_path / "out")
    (tmp_path / "chronicle.pickle").write_bytes(pickle.dumps(chronicle))
    killed = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(tmp_path / "chronicle.pickle"),
                             str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # its staging folder is left...
    assert _tree(tmp_path / "out") == before  # ...and the set in place is the previous one, whole
    write_all(chronicle, tmp_path / "out")  # the next export removes what the killed one left
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]
