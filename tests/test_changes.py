"""What changed between two chronicles (``kronologi.changes``), on small hand-made chronicles:
things are matched by stable keys (document hash, sentence, offsets), never by their ids."""

from __future__ import annotations

from kronologi.changes import FIRST_BUILD_ITEMS, compare, snapshot
from kronologi.chronicle import Chronicle
from kronologi.document import Document


def _doc(doc_id: str, key: str, outlet: str = "Warta Bukit") -> Document:
    return Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", raw_text="", key=key, outlet=outlet)


def _event(ev_id: str, *sources: tuple[str, int], story: str = "S1") -> dict:
    return {"id": ev_id, "story": story, "type": "killing", "summary": f"event {ev_id}", "date": "2025-03-12",
            "sources": [{"doc": d, "sentence": s} for d, s in sources]}


def _figure(fig_id: str, doc: str, start: int, value: int, claimant: str, status: str = "reported",
            relation: str = "single") -> dict:
    return {"id": fig_id, "story": "S1", "doc": doc, "sentence": 0, "start": start, "end": start + 2,
            "value": value, "low": value, "high": value, "qualifier": "exact", "category": "killed",
            "subject": None, "unit": None, "claimant": claimant, "status": status, "relation": relation}


def _chronicle(docs, events=(), figures=(), stories=()) -> Chronicle:
    figures = list(figures)
    ledger = [{"id": "ledger-1", "story": "S1", "category": "killed", "subject": None,
               "figures": [f["id"] for f in figures], "relation": "update"}] if figures else []
    return Chronicle(documents=list(docs), events=list(events), figures=figures, ledger=ledger,
                     stories=list(stories))


def test_changes_a_document_renamed_by_a_later_build_brings_nothing_new():
    old = _chronicle([_doc("berita", "k1")], [_event("V1", ("berita", 0))],
                     [_figure("berita#f1", "berita", 10, 5, "BPBD")],
                     [{"id": "S1", "title": "Longsor", "documents": ["berita"]}])
    new = _chronicle([_doc("berita-2", "k1")], [_event("V7", ("berita-2", 0))],
                     [_figure("berita-2#f1", "berita-2", 10, 5, "BPBD")],
                     [{"id": "S4", "title": "Longsor", "documents": ["berita-2"]}])
    changes = compare(snapshot(old, run=1), new, run=2)
    assert changes["since"] == 1 and changes["run"] == 2 and not changes["first_build"]
    assert not any(changes["counts"].values())


def test_changes_an_event_that_gains_a_report_lists_only_the_new_source():
    old = _chronicle([_doc("a", "ka")], [_event("V1", ("a", 3))])
    new = _chronicle([_doc("a", "ka"), _doc("b", "kb", outlet="Suara Lembah")],
                     [_event("V2", ("a", 3), ("b", 0)), _event("V3", ("b", 4))])
    changes = compare(snapshot(old), new)
    by_event = {it["event"]: it for it in changes["new_events"]}
    assert by_event["V2"]["change"] == "sources_added"
    assert by_event["V2"]["sources"] == [{"doc": "b", "sentence": 0}]
    assert "Suara Lembah" in by_event["V2"]["text"]
    assert by_event["V3"]["change"] == "new"


def test_changes_a_new_figure_updates_its_ledger_line_and_says_what_it_had():
    old = _chronicle([_doc("a", "ka")], figures=[_figure("a#f1", "a", 10, 5, "BPBD")])
    new = _chronicle([_doc("a", "ka"), _doc("b", "kb")],
                     figures=[_figure("a#f1", "a", 10, 5, "BPBD", relation="update"),
                              _figure("b#f1", "b", 40, 9, "Polres", relation="update")])
    [item] = compare(snapshot(old), new)["updated_figures"]
    assert item["ledger"] == "ledger-1" and item["change"] == "new_value"
    assert item["figures"] == ["b#f1"] and item["values"] == ["9"] and item["previous"] == ["5"]
    assert (item["doc"], item["sentence"]) == ("b", 0)


def test_changes_a_figure_newly_retracted_or_contradicted_is_listed_once():
    before = [_figure("a#f1", "a", 10, 9, "Polres"), _figure("a#f2", "a", 30, 6, "SAR", relation="contradiction")]
    after = [_figure("a#f1", "a", 10, 9, "Polres", status="retracted", relation="retraction"),
             _figure("a#f2", "a", 30, 6, "SAR", relation="contradiction")]
    changes = compare(snapshot(_chronicle([_doc("a", "ka")], figures=before)),
                      _chronicle([_doc("a", "ka")], figures=after))
    assert [it["figures"] for it in changes["new_retractions"]] == [["a#f1"]]
    assert changes["new_contradictions"] == []  # a#f2 contradicted before
    assert changes["updated_figures"] == []


def test_changes_two_earlier_stories_in_one_are_merged_and_a_story_of_new_articles_is_new():
    docs = [_doc("a", "ka"), _doc("b", "kb")]
    old = _chronicle(docs, stories=[{"id": "S1", "title": "Longsor", "documents": ["a"]},
                                    {"id": "S2", "title": "Pengungsi", "documents": ["b"]}])
    new = _chronicle(docs + [_doc("c", "kc"), _doc("d", "kd")],
                     stories=[{"id": "S1", "title": "Longsor", "documents": ["a", "b", "c"]},
                              {"id": "S2", "title": "Kebakaran pasar", "documents": ["d"]}])
    changes = compare(snapshot(old), new)
    [merged] = changes["merged_stories"]
    assert merged["story"] == "S1" and [p["title"] for p in merged["previous"]] == ["Longsor", "Pengungsi"]
    assert [(s["story"], s["documents"]) for s in changes["new_stories"]] == [("S2", ["d"])]


def test_changes_a_first_build_counts_everything_and_lists_a_few():
    docs = [_doc(f"d{i}", f"k{i}") for i in range(FIRST_BUILD_ITEMS + 5)]
    new = _chronicle(docs, [_event(f"V{i}", (d.id, 0)) for i, d in enumerate(docs)])
    changes = compare(None, new, run=1)
    assert changes["first_build"] and changes["since"] is None
    assert changes["counts"]["new_events"] == FIRST_BUILD_ITEMS + 5
    assert len(changes["new_events"]) == FIRST_BUILD_ITEMS


def test_changes_a_first_build_folds_its_lists_in_the_report_a_later_one_opens_short_ones():
    from kronologi.export.changes import html_section

    docs = [_doc("d0", "k0"), _doc("d1", "k1")]
    first = _chronicle(docs[:1], [_event("V1", ("d0", 0))])
    first.changes = compare(None, first, run=1)
    assert "<details class='change new_events'>" in html_section(first)  # folded: a first build lists everything
    later = _chronicle(docs, [_event("V1", ("d0", 0)), _event("V2", ("d1", 0))])
    later.changes = compare(snapshot(first), later, run=2)
    assert "<details class='change new_events' open>" in html_section(later)
