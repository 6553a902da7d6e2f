"""The ledger and the events pass on parts of whole stories (no Ray): how a corpus is cut into parts,
and that the parts' records, gathered, are those of one run over the whole corpus."""

from __future__ import annotations

import copy
import importlib

import pytest

import kronologi
from kronologi.corpus import story_parts
from kronologi.build import story_passes
from kronologi.corpus.story_parts import gather, partition, speakers_bodies
from kronologi.document import Document, SharedPassage
from kronologi.events.merge import common_quote_shingles

from conftest import need_shared


def _doc(doc_id: str, story: str | None, **fields) -> Document:
    fields.setdefault("raw_text", "")
    return Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", key=f"k-{doc_id}", story=story,
                    **fields)


SIZES = {"S1": 7, "S2": 1, "S3": 3, "S4": 2, "S5": 12, "S6": 1, "S7": 4, "S8": 2}


def test_story_parts_partition_is_bounded_covers_every_unit_once_and_is_deterministic():
    parts = partition(SIZES, 6)
    units = [u for part in parts for u in part]
    assert sorted(units) == sorted(SIZES)  # every unit, each in exactly one part
    totals = [sum(SIZES[u] for u in part) for part in parts]
    for part, total in zip(parts, totals):
        assert total <= 6 or len(part) == 1  # over the bound only when one unit alone is larger
    assert [["S5"], ["S1"]] == [p for p in parts if sum(SIZES[u] for u in p) > 6]
    assert totals == sorted(totals, reverse=True)  # the largest parts first
    assert partition(dict(SIZES), 6) == parts  # the same sizes, the same parts
    assert len(parts) < len(SIZES)  # small stories share parts
    assert partition(SIZES, 100) == [sorted(SIZES, key=lambda u: -SIZES[u])]
    assert partition({}, 5) == []


def test_story_parts_keep_linked_stories_together_and_documents_in_input_order():
    docs = [_doc("a1", "A"), _doc("b1", "B"), _doc("c1", "C"), _doc("a2", "A"), _doc("d1", "D"),
            _doc("n1", None), _doc("c2", "C", duplicate_of="d1"), _doc("n2", None),
            _doc("e1", "E", shared_passages=[SharedPassage("b1", 0, 10, 0, 10, 1)])]
    parts = story_parts.story_parts(docs, 2)
    ids = [[d.id for d in part] for part in parts]
    assert sorted(i for part in ids for i in part) == sorted(d.id for d in docs)
    assert ["c1", "d1", "c2"] in ids  # C copies D: one unit, over the bound
    assert ["b1", "e1"] in ids  # E shares a passage with B
    assert ["a1", "a2"] in ids and ["n1", "n2"] in ids  # documents of no story are one unit
    for part in ids:  # a story in one part only
        stories = {next(d.story for d in docs if d.id == i) for i in part}
        assert not any(d.story in stories and d.id not in part for d in docs)
    assert story_parts.story_parts(copy.deepcopy(docs), 2) and \
        [[d.id for d in p] for p in story_parts.story_parts(copy.deepcopy(docs), 2)] == ids


def test_story_parts_a_quotation_common_across_stories_is_read_from_the_corpus_not_joined(monkeypatch):
    """A quotation too common to tell one statement (here quoted by five sentences, over a bound of 3) is
    skipped by every part as by one run, because the driver reads the common shingles from the whole corpus:
    the stories quoting it need not be one part (they were, and at 22k articles that made one part of 15,536)."""
    from kronologi.events import EventsStep, merge
    from kronologi.temporal.step import DatesStep
    from kronologi.text.step import SentenceStep

    said = '"Kami terus mencari korban di lokasi longsor," kata Rina Wulan'

    def outlet(doc_id: str, story: str):  # the second article of each story relays it the day after
        text = f"{said}, {'Kamis (13/1/2022)' if doc_id.endswith('2') else 'Rabu (12/1/2022)'}."
        doc = DatesStep({})(SentenceStep({})(_doc(doc_id, story, raw_text=text, text=text, language="id",
                                                  published="2022-01-13")))
        at = text.index("Rina Wulan")
        doc.mentions = [{"start": at, "end": at + 10, "text": "Rina Wulan", "type": "PER", "entity": "E5"}]
        doc = EventsStep({})(doc)
        doc.quotes = [{"sentence": 0, "speaker": "E5", "speaker_name": "Rina Wulan", "text": text[1:text.index('"', 1)]}]
        return doc

    docs = [outlet("a1", "A"), outlet("b1", "B"), outlet("a2", "A"), outlet("b2", "B"), outlet("b3", "B")]
    story_of = {d.id: d.story for d in docs}
    monkeypatch.setattr(merge, "QUOTE_COMMON", 3)
    common = merge.common_quote_shingles(docs)
    assert ("terus", "mencari", "korban") in common and len(story_parts.story_parts(docs, 2)) == 2  # not joined

    def sources(run):
        return sorted(sorted(s["doc"] for s in ev["sources"]) for ev in run if ev["story"] == "A")

    whole = merge.merge_events(copy.deepcopy(docs), story_of)
    part = [copy.deepcopy(d) for d in docs if d.story == "A"]
    assert sources(merge.merge_events(part, story_of, common=common)) == sources(whole) == [["a1"], ["a2"]]
    assert sources(merge.merge_events(copy.deepcopy(part), story_of)) == [["a1", "a2"]]  # alone, not common


@pytest.fixture(scope="module")
def devpages_passes_input():
    """What the dev pages' build hands the ledger and the events pass (deep copies)."""
    pages = sorted(str(p) for p in need_shared("data", "devpages").glob("[0-9][0-9].txt"))
    build = importlib.import_module("kronologi.build")
    seen = {}
    real = build.story_passes

    def spy(work, story_of, names, options=None, bodies=None):
        seen["input"] = copy.deepcopy((work, story_of, names, options))
        return real(work, story_of, names, options, bodies)

    build.story_passes = spy
    try:
        kronologi.build(pages)
    finally:
        build.story_passes = real
    return seen["input"]


def test_story_parts_gathered_parts_equal_one_run_over_the_corpus(devpages_passes_input):
    work, story_of, names, options = devpages_passes_input
    whole = story_passes(copy.deepcopy(work), story_of, names, options)
    docs = copy.deepcopy(work)
    parts = story_parts.story_parts(docs, 8)
    assert len(parts) > 2
    results = [story_passes(copy.deepcopy(part), {d.id: story_of[d.id] for d in part if d.id in story_of}, names,
                            options, speakers_bodies(docs), common_quote_shingles(docs)) for part in parts]
    assert sum(len(r.ledger) for r in results) == len(whole.ledger) and all(r.events for r in results)
    gathered = gather(results, docs)
    for name in ("figures", "quotes", "ledger", "events", "redated"):
        assert getattr(gathered, name) == getattr(whole, name), name
    assert whole.events and whole.redated and any(row.get("part_of") for row in whole.ledger)
    assert [d.id for d in gathered.redone] == [d.id for d in docs if d.key in whole.redated]
