"""Incremental corpus passes (``kronologi.corpus.incremental``): a rebuild with nothing new reuses the stored
chronicle, and a rebuild with new articles recomputes only the stories they touch — giving the chronicle a
fresh build of the same inputs gives."""

from __future__ import annotations

import importlib
import shutil

from conftest import EXAMPLES, ROOT, need_shared, write_articles
from incremental_corpus import (FIRST_HALF, SECOND_HALF, forget_corpus_passes, fresh_and_incremental,
                                rebuilt_without_cache, sections, without_story_numbers)
from kronologi.corpus import incremental

kbuild = importlib.import_module("kronologi.build")  # the module (``kronologi.build`` is also the function)


def _halves(tmp_path):
    return [str(write_articles(tmp_path / "a", FIRST_HALF))], [str(write_articles(tmp_path / "b", SECOND_HALF))]


def _plans(monkeypatch) -> list:
    """Every ``incremental.plan`` a build makes, in order."""
    plans, real = [], incremental.plan
    monkeypatch.setattr(incremental, "plan", lambda *a, **k: plans.append(real(*a, **k)) or plans[-1])
    return plans


def test_incremental_nothing_new_runs_no_pass_loads_no_document_and_reads_the_chronicle_when_used(tmp_path,
                                                                                               monkeypatch):
    from kronologi.store import Store

    first, second = _halves(tmp_path)
    db = tmp_path / "k.db"
    before = kbuild.build(first + second, db=db)

    def must_not_run(*args, **kwargs):
        raise AssertionError("a rebuild with nothing new ran a corpus pass, or loaded documents or the cache")

    for name in ("dedup", "assign_stories", "resolve", "build_ledger", "merge_events"):
        monkeypatch.setattr(kbuild, name, must_not_run)
    monkeypatch.setattr(Store, "get_many", must_not_run)
    monkeypatch.setattr(incremental, "read_previous", must_not_run)
    again = kbuild.build(first + second, db=db)
    assert again.events.items is None and again.documents.items is None  # nothing read yet
    assert len(again.documents) == len(before.documents) and len(again.events) == len(before.events)
    assert sections(again) == sections(before)  # read now, from the store: the chronicle kept
    assert again.changes["since"] == before.changes["run"] and not again.changes["first_build"]
    assert not any(again.changes["counts"].values())


def test_incremental_a_kept_chronicle_is_not_read_after_another_build_replaced_it(tmp_path):
    import pytest

    from kronologi.errors import StoreError

    first, second = _halves(tmp_path)
    db = tmp_path / "k.db"
    kbuild.build(first, db=db)
    kept = kbuild.build(first, db=db)  # nothing new: its lists are read when used
    kbuild.build(first + second, db=db)
    with pytest.raises(StoreError) as raised:
        list(kept.events)
    assert raised.value.code == "failed.store.replaced"


def test_incremental_nothing_new_against_a_chronicle_replaced_meanwhile_builds(tmp_path, monkeypatch):
    """The inputs matched the chronicle of one run, and the tables hold another's by the time the build would
    keep it (a build beside it on a shared store): this build goes on to its passes (which here find the
    documents unchanged) instead of keeping a chronicle that may not be its inputs'."""
    first, second = _halves(tmp_path)
    db = tmp_path / "k.db"
    before = kbuild.build(first + second, db=db)
    real = incremental.nothing_new
    monkeypatch.setattr(incremental, "nothing_new", lambda *a: (real(*a)[0] + 1000, real(*a)[1]))  # a run gone
    compared, unchanged = [], incremental.unchanged
    monkeypatch.setattr(incremental, "unchanged", lambda *a: compared.append(a) or unchanged(*a))
    again = kbuild.build(first + second, db=db)
    assert compared, "the build kept the chronicle without going on to its corpus passes"
    assert sections(again) == sections(before)


def test_incremental_nothing_new_keeps_the_tables_and_the_cache_for_the_next_build(tmp_path, monkeypatch):
    from kronologi.store import Store
    from kronologi.store import chronicle as stored

    first, second = _halves(tmp_path)
    db = tmp_path / "k.db"
    kbuild.build(first, db=db)
    written = stored.write_chronicle

    def must_not_write(*args, **kwargs):
        raise AssertionError("the chronicle tables were rewritten on a rebuild with nothing new")

    monkeypatch.setattr(stored, "write_chronicle", must_not_write)
    again = kbuild.build(first, db=db)  # nothing new: the tables stay, their row names this run
    store = Store(db)
    try:
        runs = [r for (r,) in store.db.execute("SELECT id FROM runs ORDER BY id")]
        assert store.db.execute("SELECT run FROM chronicle").fetchone()[0] == runs[-1] == again.changes["run"]
        assert again.changes["since"] == runs[0]
    finally:
        store.close()
    monkeypatch.setattr(stored, "write_chronicle", written)
    plans = _plans(monkeypatch)
    kbuild.build(first + second, db=db)  # the cache still belongs to the chronicle: only touched stories run
    assert plans and plans[-1].reused


def test_incremental_nothing_new_with_a_dropped_article_keeps_the_chronicle_and_lists_it(tmp_path, monkeypatch):
    """An article the per-document steps drop (only debris) is read again by every build: it is no change, and
    its rejection is listed again without the steps running."""
    from kronologi.store import Store

    first, _ = _halves(tmp_path)
    debris = tmp_path / "a" / "zz-debris.txt"
    debris.write_text("Baca juga\n\nIklan\n\nBagikan artikel ini\n", encoding="utf-8")
    db = tmp_path / "k.db"
    before = kbuild.build(first, db=db)
    assert [r.source_path for r in before.rejected] == [str(debris)]
    monkeypatch.setattr(Store, "get_many", lambda *a, **k: (_ for _ in ()).throw(AssertionError("loaded")))
    again = kbuild.build(first, db=db)
    assert [(r.source_path, r.reason) for r in again.rejected] == [(r.source_path, r.reason) for r in before.rejected]
    assert sections(again) == sections(before)


def test_incremental_nothing_new_but_a_rejected_input_lists_it_in_the_store(tmp_path):
    from kronologi.store import Store

    first, _ = _halves(tmp_path)
    db = tmp_path / "k.db"
    kbuild.build(first, db=db)
    (tmp_path / "a" / "empty.txt").write_bytes(b"")  # no article: rejected, and nothing new for the passes
    again = kbuild.build(first, db=db)
    assert [r.source_path for r in again.rejected] == [str(tmp_path / "a" / "empty.txt")]
    assert not any(again.changes["counts"].values())
    store = Store(db)
    try:
        rows = store.db.execute("SELECT source_path FROM chronicle_rejected").fetchall()
    finally:
        store.close()
    assert [r[0] for r in rows] == [str(tmp_path / "a" / "empty.txt")]


def test_incremental_new_articles_recompute_only_the_stories_they_touch(tmp_path, monkeypatch):
    first, second = _halves(tmp_path)
    plans = _plans(monkeypatch)
    fresh, incr, db = fresh_and_incremental(tmp_path, first, second)
    assert incr == fresh
    story = {d["id"]: d["story"] for d in incr["documents"]}
    assert len(set(story.values())) == 3  # the flood, the strike, the fire
    last = plans[-1]
    assert last.reused == {story["pelabuhan-1"]}  # the strike: nothing new there
    assert last.touched == {story["banjir-1"], story["kebakaran-1"]}
    assert {d.id for d in last.docs} == {"banjir-1", "banjir-2", "banjir-3", "kebakaran-1", "kebakaran-2"}
    # the strike's records came from the cache, renumbered: its events and ledger lines follow the flood's,
    # which has more of them now, and its entities are numbered after the fire's
    strike = [ev for ev in incr["events"] if ev["story"] == story["pelabuhan-1"]]
    assert strike and all(int(ev["id"][1:]) > 1 for ev in strike)


def test_incremental_equals_a_rebuild_that_recomputes_every_story(tmp_path):
    """The same store history with the cache and without it: the same chronicle, whatever the stories."""
    first, second = _halves(tmp_path)
    _, incr, db = fresh_and_incremental(tmp_path, first, second)
    assert rebuilt_without_cache(tmp_path, db, first, second) == incr


def test_incremental_removed_articles_leave_their_story(tmp_path):
    first, second = _halves(tmp_path)
    db = tmp_path / "k.db"
    kbuild.build(first + second, db=db)
    fewer = sections(kbuild.build(first, db=db))
    alone = tmp_path / "alone.db"
    shutil.copy(db, alone)
    forget_corpus_passes(alone)
    assert fewer == sections(kbuild.build(first, db=alone))
    assert {d["id"] for d in fewer["documents"]} == {"banjir-1", "banjir-2", "pelabuhan-1", "pelabuhan-2"}


def _in_two_halves(tmp_path, files: list[str], meta=None) -> tuple[dict, dict]:
    """Fresh build of both halves, and the first half then both (equal exactly to the same history rebuilt
    without the cache)."""
    half = len(files) // 2
    fresh, incr, db = fresh_and_incremental(tmp_path, files[:half], files[half:], meta=meta)
    assert incr == rebuilt_without_cache(tmp_path, db, files[:half], files[half:], meta=meta)
    return fresh, incr


def test_incremental_example_corpus_in_two_halves_against_a_fresh_build(tmp_path):
    """The stories pass keeps the first half's story; the second half's articles, earlier in date, join it
    (weighing the names their headlines share with it; they once started another one, two of 9): one story of 18
    articles, as in the fresh build. Entities agree; quotes and documents agree but for what depends on
    the story (a quote repeating another one of its story, the story)."""
    files = sorted(str(p) for p in EXAMPLES.rglob("*") if p.is_file())
    fresh, incr = _in_two_halves(tmp_path, files, meta=ROOT / "examples" / "meta.csv")
    assert incr["entities"] == fresh["entities"]
    assert [{**q, "same_as": None} for q in incr["quotes"]] == [{**q, "same_as": None} for q in fresh["quotes"]]
    assert [{**d, "story": None} for d in incr["documents"]] == [{**d, "story": None} for d in fresh["documents"]]
    assert len(fresh["stories"]) == 1 and sorted(len(s["documents"]) for s in incr["stories"]) == [18]


def test_incremental_dev_pages_in_two_halves_equal_a_fresh_build(tmp_path):
    """The same stories as a fresh build, numbered in another order (a story the second half starts is
    numbered after the first half's, whatever its dates): equal once stories are named by their first
    document."""
    pages = sorted(str(p) for p in need_shared("data", "devpages").glob("[0-9][0-9].txt"))
    assert len(pages) > 10
    fresh, incr = _in_two_halves(tmp_path, pages)
    assert len(fresh["stories"]) > 1
    assert without_story_numbers(incr) == without_story_numbers(fresh)
