"""The seed articles (../shared/seeds) with their real dates given as metadata: every dated
expression gets the right day. The expectations name the seeds' words, so they live here, in
tests, never in src/."""

from __future__ import annotations

import pytest

import kronologi

from conftest import need_shared

DATES = {
    "000_6762c441edc399b5": "2022-11-17",  # Thursday before the snap election of Sunday 20 November
    "001_295c2baa0c2732ff": "2022-01-06",  # the CSTO request in the early hours of Thursday
    "002_46a49cd244b74c8b": "2022-01-10",  # Almaty back online on Monday, the day of mourning
    "003_1006d2461dfc162b": "2022-01-11",  # its header: Selasa ... 11 Januari 2022 22:25 wib
    "004_e83e2612d8a2c735": "2022-01-11",  # Tokayev at the CSTO meeting "Senin (10/1)"
}
# Every expression precise to the day or finer, in text order: (text, value).
DAYS = {
    "000_6762c441edc399b5": [("hari Kamis", "2022-11-17"), ("hari Minggu", "2022-11-20"),
                             ("pukul 01:00 GMT", "2022-11-20T01:00+00:00"), ("hari Minggu", "2022-11-20"),
                             ("pukul 15:00 GMT", "2022-11-20T15:00+00:00")],
    "001_295c2baa0c2732ff": [("hari Rabu", "2022-01-05"), ("Kamis dini hari", "2022-01-06TMO"),
                             ("hari Rabu", "2022-01-05")],
    "002_46a49cd244b74c8b": [("hari Senin", "2022-01-10"), ("Rabu", "2022-01-05"), ("Senin pagi", "2022-01-10TMO"),
                             ("hari Senin", "2022-01-10"), ("Rabu malam", "2022-01-05TNI"),
                             ("tanggal 2 Januari", "2022-01-02"), ("hari Senin", "2022-01-10"),
                             ("Minggu malam", "2022-01-09TNI"), ("hari Minggu", "2022-01-09"),
                             ("hari Senin", "2022-01-10"), ("Minggu malam", "2022-01-09TNI"),
                             ("hari Jumat", "2022-01-07"), ("hari Sabtu", "2022-01-08"), ("hari Sabtu", "2022-01-08"),
                             ("hari Minggu", "2022-01-09")],
    "003_1006d2461dfc162b": [("hari Senin (10/1/2022)", "2022-01-10"), ("Senin", "2022-01-10"),
                             ("Senin malam", "2022-01-10TNI"), ("Senin", "2022-01-10"), ("hari Senin", "2022-01-10"),
                             ("hari Ahad", "2022-01-09"), ("Senin", "2022-01-10"), ("hari Senin", "2022-01-10")],
    "004_e83e2612d8a2c735": [("Senin (10/1)", "2022-01-10")],
}
WEEKS = {  # a few coarser ones
    "000_6762c441edc399b5": [("akhir pekan", "2022-W46-WE")],
    "003_1006d2461dfc162b": [("pekan lalu", "2022-W01"), ("pekan lalu", "2022-W01")],
    "004_e83e2612d8a2c735": [("lebih dari satu minggu lalu", "2022-W01")],
}
FINE = ("day", "part_of_day", "hour", "minute", "second")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    folder = need_shared("seeds")
    meta = tmp_path_factory.mktemp("meta") / "meta.csv"
    meta.write_text("file,published\n" + "".join(f"{k}.txt,{v}\n" for k, v in DATES.items()), encoding="utf-8")
    inputs = sorted(str(p) for p in folder.glob("*.txt"))
    return {d.id: d for d in kronologi.build(inputs, meta=meta).documents}


@pytest.mark.parametrize("doc_id", sorted(DAYS))
def test_seeds_every_dated_expression_gets_the_right_day(seeds, doc_id):
    doc = seeds[doc_id]
    assert (doc.published, doc.published_basis) == (DATES[doc_id], "metadata")
    got = [(t["text"], t["value"]) for t in doc.times if t["precision"] in FINE]
    assert got == DAYS[doc_id]
    for t in doc.times:
        assert doc.text[t["start"]:t["end"]] == t["text"]
        assert t["sentence"] is not None


@pytest.mark.parametrize("doc_id", sorted(WEEKS))
def test_seeds_weeks(seeds, doc_id):
    got = [(t["text"], t["value"]) for t in seeds[doc_id].times if t["precision"] == "week"]
    assert got == WEEKS[doc_id]


def test_seeds_ages_and_counts_are_not_dates(seeds):
    texts = {t["text"] for doc in seeds.values() for t in doc.times}
    assert not texts & {"69 tahun", "57 tahun", "81 tahun", "2.500", "2.030", "5.800"}


def test_seeds_undated_stay_unresolved_or_are_inferred():
    folder = need_shared("seeds")
    docs = {d.id: d for d in kronologi.build(sorted(str(p) for p in folder.glob("*.txt"))).documents}
    assert docs["003_1006d2461dfc162b"].published_basis == "text"  # its header
    inferred = docs["004_e83e2612d8a2c735"]
    assert (inferred.published, inferred.published_basis) == ("2022-01-10", "inferred")
    assert inferred.observed["published"]["inferred"]["basis"] == "weekday_day_month"
    story_days = sorted(d.published[:10] for d in docs.values() if d.published_basis != "inferred" and d.published)
    for doc_id in ("000_6762c441edc399b5", "001_295c2baa0c2732ff", "002_46a49cd244b74c8b"):
        doc = docs[doc_id]
        # no date of its own: the story's calendar (the month its dated articles share), never a day
        assert doc.published_basis == "inferred" and len(doc.published) == 7
        assert story_days[0][:7] <= doc.published <= story_days[-1][:7]
        assert doc.observed["published"]["inferred"]["basis"] == "story"
        weekdays = [t["value"] for t in doc.times if t["value"].startswith("XXXX-WXX-")]
        assert weekdays  # a weekday needs a day to count from: it stays unresolved
