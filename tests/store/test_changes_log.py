"""What a build changed (issue 13 item 4), end to end: a first build of three invented articles
about a landslide, a second one that adds a higher toll from the police, a lower one from the
rescue office and a market fire, and a third with nothing new — read from changes.json, the
store's changes table, report.html and timeline.md."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from kronologi.watch import Watch, build_once

FIRST = {
    "longsor-sukamulya.txt": """Longsor Timbun 12 Rumah di Sukamulya, Lima Warga Meninggal
Rabu, 12 Maret 2025 | 08:45 WIB
LARANGSARI, KABARLERENG.ID - Tanah longsor menimbun 12 rumah di Desa Sukamulya, Kabupaten Larangsari, pada Selasa malam setelah hujan deras mengguyur kawasan itu sejak sore.
Kepala BPBD Larangsari Darmawan Hidayat mengatakan lima warga meninggal dunia tertimbun material longsor.
"Tim gabungan masih mencari dua warga yang belum ditemukan," kata Darmawan kepada wartawan di lokasi.
Sebanyak 150 warga mengungsi ke balai desa Sukamulya.
""",
    "landslide-larangsari-en.txt": """Landslide kills seven in Larangsari village
LARANGSARI, Indonesia (Lereng Wire) - Seven people were killed by a landslide in the village of Sukamulya on Thursday, the regional disaster agency said.
Rescuers worked through the morning in heavy rain, said Darmawan Hidayat, head of the Larangsari disaster agency.
"The ground is still moving, so we work carefully," Darmawan said.
About 150 villagers are staying at the village hall.
""",
    "pengungsi-sukamulya.txt": """Pengungsi Longsor Sukamulya Butuh Air Bersih
Kamis, 13 Maret 2025 | 11:20 WIB
LARANGSARI, KABARLERENG.ID - Warga Desa Sukamulya yang mengungsi akibat tanah longsor membutuhkan air bersih dan selimut, kata relawan di posko pengungsian pada Kamis.
Bupati Larangsari Wulan Prameswari mengunjungi posko pengungsian pada Kamis siang dan menyerahkan bantuan selimut.
"Kami akan membangun hunian sementara untuk warga yang rumahnya tertimbun," ujar Wulan.
""",
}

LATER = {
    "korban-longsor-sembilan.txt": """Polisi: Korban Meninggal Longsor Sukamulya Sembilan Orang
Kamis, 13 Maret 2025 | 16:05 WIB
LARANGSARI, WARTALERENG.COM - Kapolres Larangsari AKBP Yudistira Pranoto mengatakan jumlah korban meninggal akibat longsor di Desa Sukamulya mencapai sembilan orang pada Kamis.
"Sembilan jenazah sudah kami serahkan kepada keluarga," kata Yudistira di RSUD Larangsari.
Tim SAR gabungan menghentikan pencarian pada Kamis sore.
""",
    "sar-korban-enam.txt": """Kantor SAR: Korban Longsor Sukamulya Enam Orang
Jumat, 14 Maret 2025 | 09:10 WIB
LARANGSARI, SUARABUKIT.ID - Kepala Kantor SAR Larangsari Bambang Suryadi mengatakan korban meninggal akibat longsor di Desa Sukamulya berjumlah enam orang.
"Pencarian kami tutup setelah semua warga yang dilaporkan hilang ditemukan," ujar Bambang pada Jumat pagi.
""",
    "kebakaran-pasar-cibodas.txt": """Kebakaran Hanguskan 40 Kios di Pasar Cibodas Marunda
Jumat, 14 Maret 2025 | 06:30 WIB
MARUNDA, WARTALERENG.COM - Kebakaran menghanguskan 40 kios di Pasar Cibodas, Kota Marunda, pada Kamis malam.
Kepala Dinas Pemadam Kebakaran Marunda Rizal Kurniawan mengatakan api diduga berasal dari korsleting listrik di salah satu kios pakaian.
"Tujuh mobil pemadam kami kerahkan dan api padam setelah tiga jam," kata Rizal.
Tidak ada korban jiwa dalam kebakaran itu.
""",
}


def _write(folder: Path, articles: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")


def _read(out: Path) -> dict:
    return json.loads((out / "changes.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Three builds into one output folder and store: the changes.json and views each left."""
    root = tmp_path_factory.mktemp("changes")
    folder, out = root / "in", root / "out"
    watch = Watch([str(folder)], out)
    _write(folder, FIRST)
    seen = [build_once(watch)]
    _write(folder, LATER)
    seen.append(build_once(watch))
    views = {name: (out / name).read_text(encoding="utf-8") for name in ("report.html", "timeline.md")}
    seen.append(build_once(watch))
    return seen, views, _read(out), watch.db


def _docs_of(items: list[dict], field: str = "sources") -> set[str]:
    return {s["doc"] for it in items for s in it[field]}


def test_changes_a_first_build_finds_everything_new(builds):
    first = builds[0][0]
    assert first["first_build"] and first["since"] is None
    assert first["counts"]["new_stories"] == 1 and first["counts"]["new_events"] >= 3
    assert _docs_of(first["new_events"]) <= {"longsor-sukamulya", "landslide-larangsari-en", "pengungsi-sukamulya"}


def test_changes_a_second_build_lists_new_events_the_raised_toll_the_contradiction_and_the_new_story(builds):
    first, second = builds[0][0], builds[0][1]
    assert not second["first_build"] and second["since"] == first["run"] and second["run"] > first["run"]
    assert _docs_of(second["new_events"]) <= set(Path(n).stem for n in LATER)
    assert {"korban-longsor-sembilan", "kebakaran-pasar-cibodas"} <= _docs_of(second["new_events"])
    killed = [it for it in second["updated_figures"] if it["category"] == "killed"]
    assert [it["change"] for it in killed] == ["new_value"]
    assert {"9", "6"} <= set(killed[0]["values"]) and "7" in killed[0]["previous"]
    assert [it["figures"] for it in second["new_contradictions"]] == [["sar-korban-enam#f1"]]
    assert "Bambang Suryadi" in second["new_contradictions"][0]["text"]
    assert [it["documents"] for it in second["new_stories"]] == [["kebakaran-pasar-cibodas"]]
    assert second["merged_stories"] == []


def test_changes_a_rebuild_with_nothing_new_lists_nothing(builds):
    second, third = builds[0][1], builds[0][2]
    assert third["since"] == second["run"]
    assert not any(third["counts"].values()) and not any(third[name] for name in third["counts"])


def test_changes_json_is_what_the_build_returned(builds):
    (_, _, third), on_disk = builds[0], builds[2]
    assert on_disk == json.loads(json.dumps(third))


def test_changes_table_holds_one_row_per_item_with_its_run(builds):
    (first, second, _), db = builds[0], builds[3]
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT kind, item, detail FROM changes WHERE run = ?", (second["run"],)).fetchall()
        first_rows = conn.execute("SELECT kind FROM changes WHERE run = ?", (first["run"],)).fetchall()
    assert len(rows) == sum(second["counts"].values())
    assert ("figure.contradiction", second["new_contradictions"][0]["ledger"]) in {(k, i) for k, i, _ in rows}
    assert {json.loads(d)["text"] for k, _, d in rows if k == "story.new"} == {second["new_stories"][0]["text"]}
    assert ("build.first",) in first_rows


def test_changes_report_opens_with_the_changes_and_links_resolve(builds):
    html, second = builds[1]["report.html"], builds[0][1]
    assert html.index("Since the last build") < html.index("<nav class=toc>")
    targets = re.findall(r"<section id=changes.*?</section>", html)[0]
    links = re.findall(r"href='#([^']+)'", targets)
    ids = set(re.findall(r"id='([^']+)'", html))
    assert len(links) == sum(len(second[n]) for n in second["counts"]) and set(links) <= ids
    assert f"story-{second['new_stories'][0]['story']}" in links


def test_changes_timeline_opens_with_the_changes(builds):
    md, second = builds[1]["timeline.md"], builds[0][1]
    head = md.split("\n## ", 2)[1]
    assert head.startswith("Since the last build") and "### New contradictions (1)" in head
    assert f"report.html#{second['new_events'][0]['event']}" in head
