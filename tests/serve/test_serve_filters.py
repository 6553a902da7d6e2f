"""The stories list's filters (``q``, ``from``, ``to``, ``outlet``, ``lang``, ``entity``) on an invented corpus of
three stories in two languages from three outlets over two years: each filter narrows the list to the stories it
should, filters combine, bad values answer 400 with a message, the JSON twin and the CSV carry the page's rows, and
the queries read the store through its indexes; the form works in real Chromium."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from urllib.parse import unquote

import pytest

import kronologi
from kronologi.serve.filters import StoryFilter, story_filter_of, where_clause
from kronologi.serve.local import serving
from kronologi.serve.params import BadParameter
from browser_helpers import DESKTOP, FLAGS, PHONE, layout, listen, need_chromium, need_playwright
from serve_corpus import TestClient, client_for

from conftest import write_articles

FLOOD_1 = """Banjir Bandang Rendam Kampung Ledokwaru di Kota Kalimurni
KALIMURNI - Banjir bandang merendam sekitar 200 rumah di Kampung Ledokwaru, Kota Kalimurni, pada Selasa dini hari setelah Sungai Cipelangi meluap.
Wali Kota Kalimurni Haryo Sasongko mengatakan warga mulai mengungsi ke gedung sekolah sejak tengah malam.
"Kami membuka dapur umum di halaman balai kota," kata Haryo Sasongko kepada wartawan.
"""

FLOOD_2 = """Air Banjir di Ledokwaru Mulai Surut, Warga Kembali Bersihkan Rumah
KALIMURNI - Air banjir di Kampung Ledokwaru, Kota Kalimurni, mulai surut pada Kamis pagi dan warga kembali membersihkan lumpur dari rumah mereka.
Wali Kota Kalimurni Haryo Sasongko meminta warga tetap waspada karena hujan diperkirakan turun lagi akhir pekan ini.
"""

STRIKE_1 = """Dockworkers walk out at Port Tanjung Sarang over unpaid overtime
TANJUNG SARANG - Hundreds of dockworkers stopped work at Port Tanjung Sarang on Friday, demanding three months of unpaid overtime, union leader Agatha Pranoto said.
"We will not load a single container until the company pays," Agatha Pranoto told reporters outside the main gate.
"""

STRIKE_2 = """Port Tanjung Sarang strike enters third day as ships queue offshore
TANJUNG SARANG - The strike at Port Tanjung Sarang entered its third day on Sunday, with eleven cargo ships waiting offshore, the harbour master said.
Union leader Agatha Pranoto said talks with the port operator would resume on Monday.
"""

BRIDGE_ID = """Jembatan Gantung Cikaret Putus, Dua Desa Terisolasi
CIKARET - Jembatan gantung yang menghubungkan Desa Cikaret dan Desa Mekarsalam putus pada Rabu sore setelah tali bajanya berkarat, kata Kepala Desa Cikaret Dedeh Rukmini.
Sebanyak 300 warga kini harus memutar sejauh delapan kilometer untuk mencapai pasar.
"""

BRIDGE_EN = """Rope bridge collapse cuts off two villages near Cikaret
CIKARET - A rope bridge linking the villages of Cikaret and Mekarsalam collapsed on Wednesday afternoon after its steel cables rusted, village head Dedeh Rukmini said.
About 300 residents now travel eight kilometres to reach the market.
"""

ARTICLES = {"banjir-1.txt": FLOOD_1, "banjir-2.txt": FLOOD_2, "strike-1.txt": STRIKE_1, "strike-2.txt": STRIKE_2,
            "jembatan-id.txt": BRIDGE_ID, "bridge-en.txt": BRIDGE_EN}

# file, published, outlet, language: the outlets and days the filters select on
META = [("banjir-1.txt", "2023-01-10", "Suara Lembah", "id"), ("banjir-2.txt", "2023-01-12", "Suara Lembah", "id"),
        ("strike-1.txt", "2024-06-14", "Harbour Daily", "en"), ("strike-2.txt", "2024-06-16", "Harbour Daily", "en"),
        ("jembatan-id.txt", "2024-09-04", "Kabar Timur", "id"), ("bridge-en.txt", "2024-09-05", "Harbour Daily", "en")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve-filters")
    folder = write_articles(root / "in", ARTICLES)
    meta = root / "meta.csv"
    with meta.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "published", "outlet", "language"])
        writer.writerows(META)
    db = root / "kronologi.db"
    chronicle = kronologi.build([str(folder)], meta=meta, db=db)
    return db, chronicle


@pytest.fixture(scope="module")
def client(built) -> TestClient:
    return client_for(built[0])


@pytest.fixture(scope="module")
def story_of(built) -> dict[str, str]:
    """Document id (the file name's stem) -> its story; the corpus must keep its three stories apart."""
    mapping = {d.id: d.story for d in built[1].documents}
    stories = {mapping["banjir-1"], mapping["strike-1"], mapping["jembatan-id"]}
    assert len(stories) == 3 and mapping["banjir-2"] == mapping["banjir-1"], mapping
    return mapping


def _ids(client: TestClient, **params: str) -> set[str]:
    answer = client.get("/stories.json", params={**params, "size": "100"})
    assert answer.status_code == 200, answer.text
    return {s["id"] for s in answer.json()["stories"]["items"]}


def _stories(story_of: dict[str, str], *docs: str) -> set[str]:
    return {story_of[d] for d in docs}


def test_serve_filters_without_filters_list_every_story(client, built):
    assert _ids(client) == {s["id"] for s in built[1].stories}


def test_serve_filters_q_finds_words_of_the_title_and_the_summary(client, built, story_of):
    assert _ids(client, q="ledokwaru") == _stories(story_of, "banjir-1")
    assert _ids(client, q="Tanjung Sarang") == _stories(story_of, "strike-1")
    summary_only = _summary_word(built[0])
    assert summary_only, "the corpus should have a story whose summary holds a word its title lacks"
    story, word = summary_only
    assert story in _ids(client, q=word)
    assert _ids(client, q="tidak ada di mana pun") == set()


def _summary_word(db) -> tuple[str, str] | None:
    """A story and a word of one of its summary sentences that is not in its title."""
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT s.id, s.title, st.text FROM stories s, json_each(s.extra, '$.summary') j "
                           "JOIN sentences st ON st.doc = json_extract(j.value, '$.doc') "
                           "AND st.idx = json_extract(j.value, '$.sentence')").fetchall()
    for story, title, text in rows:
        for word in re.findall(r"[A-Za-z]{7,}", text):
            if word.lower() not in (title or "").lower():
                return story, word
    return None


def test_serve_filters_date_range_keeps_the_stories_whose_span_overlaps(client, story_of):
    assert _ids(client, **{"from": "2024-01-01"}) == _stories(story_of, "strike-1", "jembatan-id")
    assert _ids(client, to="2024-06") == _stories(story_of, "banjir-1", "strike-1")
    # inside the strike's span (14 to 16 June), touching neither end
    assert _ids(client, **{"from": "2024-06-15", "to": "2024-06-15"}) == _stories(story_of, "strike-1")
    assert _ids(client, **{"from": "2023"}) == set(story_of.values())
    assert _ids(client, **{"from": "2024-07-01", "to": "2024-08-31"}) == set()


def test_serve_filters_outlet_and_language(client, story_of):
    assert _ids(client, outlet="Suara Lembah") == _stories(story_of, "banjir-1")
    assert _ids(client, outlet="harbour daily") == _stories(story_of, "strike-1", "bridge-en")
    assert _ids(client, outlet="Harbour") == set()  # the outlet's name, whole
    assert _ids(client, lang="id") == _stories(story_of, "banjir-1", "jembatan-id")
    assert _ids(client, lang="EN") == _stories(story_of, "strike-1", "bridge-en")
    assert _ids(client, lang="fr") == set()


def test_serve_filters_entity_keeps_the_stories_whose_documents_mention_it(client, built, story_of):
    chronicle = built[1]
    narrowed = 0
    for ent in chronicle.entities:
        expected = {story_of[m["doc"]] for m in ent["mentions"]}
        assert _ids(client, entity=ent["id"]) == expected, ent["name"]
        narrowed += len(expected) < len(chronicle.stories)
    assert narrowed, "some entity should be mentioned in fewer stories than all"
    person = next(e for e in chronicle.entities if "Sasongko" in e["name"])
    html = client.get("/", params={"entity": person["id"]}).text
    assert f'mentioning <a href="/entities/{person["id"]}">{person["name"]}</a>' in html


def test_serve_filters_combine(client, story_of):
    assert _ids(client, outlet="Harbour Daily", lang="id") == _stories(story_of, "jembatan-id")
    assert _ids(client, outlet="Harbour Daily", to="2024-06-30") == _stories(story_of, "strike-1")
    assert _ids(client, lang="id", **{"from": "2024"}, q="jembatan") == _stories(story_of, "jembatan-id")
    assert _ids(client, lang="id", q="port") == set()


def test_serve_filters_paginate_the_filtered_list(client, story_of):
    first = client.get("/stories.json", params={"lang": "id", "size": "1"}).json()["stories"]
    second = client.get("/stories.json", params={"lang": "id", "size": "1", "page": "2"}).json()["stories"]
    assert first["total"] == second["total"] == 2 and first["pages"] == 2
    assert {first["items"][0]["id"], second["items"][0]["id"]} == _stories(story_of, "banjir-1", "jembatan-id")
    html = client.get("/", params={"lang": "id", "size": "1"}).text
    assert re.search(r'href="/\?[^"]*lang=id[^"]*page=2', html.replace("&amp;", "&"))


@pytest.mark.parametrize(("params", "message"), [
    ({"from": "2024-13-01"}, "'from' is not a date of the calendar"),
    ({"to": "2024-02-30"}, "'to' is not a date of the calendar"),
    ({"from": "10/06/2024"}, "'from' must be an ISO date"),
    ({"to": " 2024"}, "'to' must be an ISO date"),
    ({"from": "2024-06-20", "to": "2024-06-10"}, "'from' (2024-06-20) is after 'to' (2024-06-10)"),
    ({"lang": "indonesian"}, "'lang' must be a language code"),
    ({"entity": "no-such-entity"}, "no entity 'no-such-entity' in this store"),
    ({"outlet": "x" * 201}, "'outlet' is too long"),
    ({"outlet": "a\x00b"}, "'outlet' must not contain a NUL character"),
    ({"lnag": "id"}, "unknown parameter 'lnag'"),
])
def test_serve_filters_bad_values_answer_400_with_a_message(client, params, message):
    for path in ("/stories.json", "/", "/stories.csv"):
        answer = client.get(path, params=params, headers={"accept": "application/json"})
        assert answer.status_code == 400, (path, params)
        assert message in answer.json()["error"]["message"], (path, answer.text)


def test_serve_filters_page_echoes_them_in_its_form(client, story_of):
    params = {"q": "banjir", "from": "2023-01", "to": "2023-02-01", "outlet": "Suara Lembah", "lang": "id"}
    html = client.get("/", params=params).text
    form = html[html.index('<form class="filter"'):html.index("</form>", html.index('<form class="filter"'))]
    assert 'method="get"' in form
    for name, value in params.items():
        assert re.search(rf'name="{name}" value="{re.escape(value)}"', form), name
    assert "<script" not in html
    assert set(re.findall(r'href="/stories/([^"#?]+)"', html)) == _stories(story_of, "banjir-1")


def test_serve_filters_json_twin_and_csv_carry_the_page_rows(client):
    params = {"lang": "en", "from": "2024-06"}
    html = client.get("/", params=params).text
    twin = client.get("/stories.json", params=params).json()
    assert re.findall(r'<li id="([^"]+)"', html) == [s["id"] for s in twin["stories"]["items"]]
    assert twin["filters"] == {"q": None, "from": "2024-06", "to": None, "outlet": None, "lang": "en",
                               "entity": None, "entity_name": None}
    same = client.get("/", params=params, headers={"accept": "application/json"}).json()
    assert same == twin
    rows = list(csv.DictReader(io.StringIO(client.get("/stories.csv", params=params).text)))
    assert [r["id"] for r in rows] == [s["id"] for s in twin["stories"]["items"]]


def test_serve_filters_parse_unit():
    flt = story_filter_of({"from": "2024", "to": "2024-03-05", "lang": "ID", "q": " banjir "})
    assert (flt.start, flt.end, flt.lang, flt.q) == ("2024", "2024-03-05", "id", "banjir")
    assert story_filter_of({"from": "", "to": "", "lang": ""}) == StoryFilter()
    with pytest.raises(BadParameter):
        story_filter_of({"from": "2024-03", "to": "2024-02"})
    assert story_filter_of({"from": "2024-03", "to": "2024-03-01"}).end == "2024-03-01"  # same month: no conflict
    assert where_clause(StoryFilter()) == ("", [])


def test_serve_filters_queries_read_through_indexes(built):
    """EXPLAIN QUERY PLAN: no filter scans ``docs``, ``mentions`` or ``sentences``; ``stories`` is the one table
    read whole (and a story's summary list, and docs_fts through its MATCH)."""
    flt = StoryFilter(q="banjir", start="2023", end="2024-06", outlet="Suara Lembah", lang="id", entity="E1")
    where, args = where_clause(flt)
    with sqlite3.connect(built[0]) as con:
        plan = [row[3] for row in con.execute(f"EXPLAIN QUERY PLAN SELECT s.id FROM stories s {where}", args)]
    scans = [step for step in plan if step.startswith("SCAN")]
    allowed = re.compile(r"SCAN (s|j)\b|SCAN f VIRTUAL TABLE INDEX \d+:M")  # stories, json_each, an FTS match
    assert all(allowed.match(step) for step in scans), plan
    assert any("USING COVERING INDEX docs_story_outlet_language" in step for step in plan), plan  # no docs rows read
    assert any("USING INDEX mentions_entity" in step for step in plan), plan
    assert any("sentences" in step and "PRIMARY KEY" in step or "sqlite_autoindex_sentences" in step
               for step in plan), plan


def test_serve_filters_form_in_chromium_narrows_the_list_and_fits_a_phone(built, story_of):
    """The form in Debian's chromium over a real uvicorn server: fill two filters, submit (GET, no script), land
    on the narrowed list with the filters kept in the form; at phone width the form wraps instead of scrolling."""
    sync_playwright, chromium = need_playwright(), need_chromium()
    with serving(built[0]) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
        try:
            for viewport in (DESKTOP, PHONE):
                context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE)
                page = context.new_page()
                complaints = listen(page)
                page.goto(base + "/")
                page.fill('form.filter input[name="lang"]', "id")
                page.fill('form.filter input[name="from"]', "2024")
                page.click('form.filter button[type="submit"]')
                page.wait_for_url("**/?*lang=id*")
                shown = {unquote(h.split("/stories/")[1]) for h in
                         page.eval_on_selector_all("ol.stories a", "els => els.map(e => e.getAttribute('href'))")}
                assert shown == _stories(story_of, "jembatan-id"), page.url
                assert page.input_value('form.filter input[name="from"]') == "2024"
                seen = layout(page)
                assert seen["scrollWidth"] <= viewport["width"], (viewport, seen)
                context.close()
                assert not complaints.all()
        finally:
            browser.close()
