"""The example corpus (examples/corpus, the Kanjuruhan stadium disaster): dated events come out with
the right date and their source sentence (floor: 90%), and merging joins copies and cross-outlet
reports of one event. Expectations written from examples/EXPECTED.md and the articles."""

from __future__ import annotations

import json

import jsonschema
import pytest

import kronologi
from kronologi.events import EventsStep, merge_events

from conftest import EXAMPLES, ROOT

# (document, words of the source sentence, date)
EXPECTED = [
    ("javastraitsherald-atom-1", "Update, Nov. 2", "2022-11-02"),
    ("javastraitsherald-atom-1", "Infantino met President Joko Widodo", "2022-10-18"),
    ("javastraitsherald-atom-1", "died in the Oct. 1 crush", "2022-10-01"),
    ("javastraitsherald-atom-1", "host the FIFA U-20 World Cup next year", "2023"),
    ("javastraitsherald-atom-2", "fact-finding team said on Friday", "2022-10-14"),
    ("javastraitsherald-atom-2", "which said earlier this week", "2022-10-10"),
    ("javastraitsherald-atom-2", "handed its report", "2022-10-14"),
    ("javastraitsherald-atom-2", "On Monday, national police spokesman", "2022-10-10"),
    ("javastraitsherald-atom-2", "killed in the Oct. 1 disaster", "2022-10-01"),
    ("javastraitsherald-atom-2", "named suspects last week", "2022-10-03"),
    ("kabarbrawijaya-rss-1", "disampaikan Jokowi melalui pernyataan video", "2022-10-02"),
    ("kabarbrawijaya-rss-1", "Kericuhan pecah seusai laga", "2022-10-01"),
    ("kabarbrawijaya-rss-1", "Hingga Minggu siang", "2022-10-02"),
    ("kabarbrawijaya-rss-2", "ditetapkan 125 orang pada Minggu malam", "2022-10-02"),
    ("kabarbrawijaya-rss-2", "kata Listyo di Stadion Kanjuruhan, Minggu malam", "2022-10-02"),
    ("kabarbrawijaya-rss-3", "Laporan tim diserahkan", "2022-10-14"),
    ("kabarbrawijaya-rss-3", "pernyataan Polri pada Senin", "2022-10-10"),
    ("kabarbrawijaya-rss-3", "tragedi 1 Oktober 2022 itu tercatat 132", "2022-10-01"),
    ("jawatimurpos-korban-174", "Angka itu disampaikan Wakil Gubernur", "2022-10-02"),
    ("jawatimurpos-korban-174", "Emil mengatakan angka itu merujuk", "2022-10-02"),
    ("jawatimurpos-korban-174", "per pukul 10.30 WIB korban meninggal 174", "2022-10-02"),
    ("jawatimurpos-korban-174", "disampaikan Kapolda Jatim Irjen Nico Afinta pada Minggu dini hari", "2022-10-02"),
    ("jawatimurpos-korban-174", "malam itu berakhir 2-3", "2022-10-01"),
    ("lintastimur-korban-dikoreksi-125", "sempat diumumkan pada Minggu", "2022-10-02"),
    ("lintastimur-korban-dikoreksi-125", "kata Listyo di Stadion Kanjuruhan, Minggu malam", "2022-10-02"),
    ("lintastimur-korban-dikoreksi-125", "Hingga Senin (3/10/2022) pagi", "2022-10-03"),
    ("wartaarek-jokowi-tinjau-kanjuruhan", "meninjau Stadion Kanjuruhan", "2022-10-05"),
    ("wartaarek-jokowi-tinjau-kanjuruhan", "Kunjungan itu dilakukan empat hari setelah", "2022-10-01"),
    ("wartaarek-jokowi-tinjau-kanjuruhan", "131 orang meninggal hingga Selasa", "2022-10-04"),
    ("wartaarek-jokowi-tinjau-kanjuruhan", "disampaikan Polri pada awal pekan", "2022-10-03"),
    ("articles-line2", "police on Thursday named six people as suspects", "2022-10-06"),
    ("articles-line2", "The Oct. 1 disaster killed 131 people", "2022-10-01"),
    ("articles-line2", "confirmed by police on Wednesday", "2022-10-05"),
    ("articles-line3", "Penetapan itu diumumkan", "2022-10-06"),
    ("articles-line3", "itu menewaskan 131 orang", "2022-10-01"),
    ("archipelago-courier-toll-174", "At least 174 people were killed", "2022-10-01"),
    ("archipelago-courier-toll-174", "a provincial official said on Sunday", "2022-10-02"),
    ("archipelago-courier-toll-174", "In 1964, more than 300 people died", "1964"),
    ("archipelago-courier-toll-174", "in 2001 about 126 people were killed", "2001"),
    ("kabarbrawijaya-kronologi-kanjuruhan", "menelan lebih dari seratus korban jiwa", "2022-10-01"),
    ("kabarbrawijaya-kronologi-kanjuruhan", "itu dimulai pukul 20.00 WIB", "2022-10-01"),
    ("kabarbrawijaya-kronologi-kanjuruhan", "wasit meniup peluit panjang sekitar pukul 22.00", "2022-10-01"),
    ("lerengarjuno-polri-oksigen", "Pernyataan itu disampaikan Kadiv Humas", "2022-10-10"),
    ("lerengarjuno-polri-oksigen", "yang digunakan pada Sabtu (1/10/2022) malam", "2022-10-01"),
    ("lerengarjuno-polri-oksigen", "kedaluwarsa sejak 2021", "2021"),
    ("lerengarjuno-polri-oksigen", "dibentuk pemerintah pada Senin (3/10)", "2022-10-03"),
    ("wartaarek-127-korban", "127 orang meninggal dunia dalam kericuhan", "2022-10-01"),
    ("wartaarek-127-korban", "Data tersebut disampaikan Kapolda", "2022-10-02"),
    ("ndledger-malang-police-chief-removed", "police on Monday removed the police chief", "2022-10-03"),
    ("ndledger-malang-police-chief-removed", "police on Monday removed the police chief", "2022-10-01"),
    ("ndledger-malang-police-chief-removed", "Tonight the national police chief", "2022-10-03"),
    ("ndledger-malang-police-chief-removed", "Authorities on Sunday night lowered", "2022-10-02"),
    ("ndledger-malang-police-chief-removed", "Muhadjir Effendy said on Monday", "2022-10-03"),
    ("crawl-2022-10-2", "said on Tuesday after meeting Gianni Infantino", "2022-10-18"),
    ("crawl-2022-10-2", "had died on Tuesday", "2022-10-18"),
    ("crawl-2022-10-2", "Last week the government", "2022-10-10"),
    ("crawl-2022-10-2", "Police had said on October 10", "2022-10-10"),
    ("crawl-2022-10-2", "named suspects on October 6", "2022-10-06"),
    ("crawl-2022-10-2", "scheduled to host the FIFA U-20 World Cup next year", "2023"),
]
FLOOR = 0.90


@pytest.fixture(scope="module")
def docs():
    built = kronologi.build([str(EXAMPLES)], meta=ROOT / "examples" / "meta.csv").documents
    step = EventsStep({})
    return {d.id: step(d) for d in built}


def found(doc, words: str, date: str) -> bool:
    return any(words in doc.text[ev["start"]:ev["end"]] and ev["date"] == date for ev in doc.events)


def test_events_examples_dated_events_have_their_date_and_sentence(docs):
    missed = [case for case in EXPECTED if not found(docs[case[0]], case[1], case[2])]
    recall = 1 - len(missed) / len(EXPECTED)
    assert recall >= FLOOR, f"{recall:.1%} < {FLOOR:.0%}; missed: {missed}"


def test_events_examples_types_and_modality(docs):
    def events(doc_id, type_):
        return [ev for ev in docs[doc_id].events if ev["type"] == type_]

    removed = events("ndledger-malang-police-chief-removed", "dismissal")
    assert any(ev["date"] == "2022-10-03" and ev["modality"] == "asserted" for ev in removed)
    history = [ev for ev in docs["archipelago-courier-toll-174"].events if ev["date"] in ("1964", "2001")]
    assert history and all(ev["background"] for ev in history)
    assert any(ev["date"] == "2022-10-05" for ev in events("wartaarek-jokowi-tinjau-kanjuruhan", "meeting"))
    assert any(ev["modality"] == "future" for ev in events("lintastimur-korban-dikoreksi-125", "legal_action"))


def test_events_examples_merge_copies_and_reports(docs):
    story = {doc_id: "S1" for doc_id in docs}
    merged = merge_events(docs.values(), story)
    assert [ev["id"] for ev in merged] == [f"V{n}" for n in range(1, len(merged) + 1)]
    by_source = {(s["doc"], s["sentence"]): ev for ev in merged for s in ev["sources"]}
    # the WARC's copy of the Ledger article: every event joins its twin
    html = docs["ndledger-malang-police-chief-removed"]
    for ev in html.events:
        joined = by_source[(html.id, ev["sentence"])]
        assert "crawl-2022-10-1" in {s["doc"] for s in joined["sources"]}
    # the Antara wire paragraphs shared by two outlets
    wire = by_source[("lintastimur-korban-dikoreksi-125", 8)]
    assert {s["doc"] for s in wire["sources"]} == {"lintastimur-korban-dikoreksi-125", "kabarbrawijaya-rss-2"}
    for ev in merged:
        sentences = [(s["doc"], s["sentence"]) for s in ev["sources"]]
        assert len(sentences) == len(set(sentences)), ev  # one source per sentence, several per article


def test_events_examples_merged_events_follow_the_schema(docs):
    schema = json.loads((ROOT / "src" / "kronologi" / "export" / "chronicle.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema["properties"]["events"]["items"])
    merged = merge_events(docs.values(), {doc_id: "S1" for doc_id in docs})
    for ev in merged:
        assert not list(validator.iter_errors(ev)), ev
