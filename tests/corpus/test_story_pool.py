"""The ledger and the events pass in the local engine's process pool (``workers > 1``): the parts of whole
stories the ray engine sends as tasks, run in worker processes and gathered; the chronicle is the one a
single process builds. ``POOL_MIN_DOCS`` is lowered so these small corpora use the pool."""

from __future__ import annotations

import importlib
import os
import sqlite3

import pytest

import kronologi

from conftest import EXAMPLES, ROOT, need_shared
from test_engine_ray import ARTICLES

build_module = importlib.import_module("kronologi.build")
META = ROOT / "examples" / "meta.csv"


def _sections(chronicle) -> dict:
    data = chronicle.to_dict()
    data.pop("generated_at")
    return data


@pytest.fixture
def parts_seen(monkeypatch) -> list:
    """Filled by each build that follows: the results of the ledger and events runs, each tagged with
    the process that computed it (the spy reaches forked workers, which inherit this module's patch)."""
    monkeypatch.setattr(build_module, "POOL_MIN_DOCS", 0)
    real_passes, real_gather = build_module.story_passes, build_module.gather
    seen: list = []

    def tagged(*args, **kwargs):
        result = real_passes(*args, **kwargs)
        result.pid = os.getpid()
        return result

    def gather(results, docs):
        seen.extend(results)
        return real_gather(results, docs)

    monkeypatch.setattr(build_module, "story_passes", tagged)
    monkeypatch.setattr(build_module, "gather", gather)
    return seen


def _assert_ran_in_workers(seen: list, docs: list[str]) -> None:
    assert len(seen) > 1  # several parts
    assert all(r.pid != os.getpid() for r in seen)  # each in a worker process, none here
    assert sorted(i for r in seen for i in r.read) == sorted(docs)  # every document in exactly one part


def test_story_pool_examples_chronicle_equals_one_process(parts_seen, monkeypatch, tmp_path):
    # the example corpus is one story (one part); three articles of two other stories beside it make more
    _articles(tmp_path)
    inputs = [str(EXAMPLES), str(tmp_path)]
    calls = []
    real = build_module.story_passes
    monkeypatch.setattr(build_module, "story_passes", lambda *a, **k: calls.append(os.getpid()) or real(*a, **k))
    one = _sections(kronologi.build(inputs, meta=META, workers=1, batch_size=3))
    assert calls == [os.getpid()] and not parts_seen  # -j 1: one run, here, even with parts to cut
    monkeypatch.setattr(build_module, "story_passes", real)
    pooled = _sections(kronologi.build(inputs, meta=META, workers=2, batch_size=3))
    for section in ("events", "figures", "ledger", "stories", "entities", "quotes"):
        assert one[section], section
    assert pooled == one
    _assert_ran_in_workers(parts_seen, [d["id"] for d in one["documents"]])
    assert max(len(r.read) for r in parts_seen) > 3  # the example corpus's story, over the bound: a part alone


def test_story_pool_devpages_in_small_parts_equal_one_process(parts_seen):
    pages = sorted(str(p) for p in need_shared("data", "devpages").glob("[0-9][0-9].txt"))
    assert len(pages) >= 20
    one = _sections(kronologi.build(pages))
    pooled = _sections(kronologi.build(pages, workers=2, batch_size=5))
    assert one["events"] and one["ledger"] and any(row.get("part_of") for row in one["ledger"])
    assert pooled == one
    _assert_ran_in_workers(parts_seen, [d["id"] for d in one["documents"]])
    assert len(parts_seen) > 2 and max(len(r.read) for r in parts_seen) > 5  # a story over the bound: a part alone


def _articles(folder) -> None:
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_story_pool_a_story_split_across_batches_is_one_part(parts_seen, tmp_path):
    _articles(tmp_path)
    one = _sections(kronologi.build([str(tmp_path)]))
    assert not parts_seen
    pooled = _sections(kronologi.build([str(tmp_path)], workers=2, batch_size=1))
    assert pooled == one and one["events"] and one["ledger"] and one["quotes"]
    story = next(s for s in one["stories"] if len(s["documents"]) == 2)
    assert sorted(story["documents"]) == ["sungai-1", "sungai-2"]  # one story, processed in two batches
    _assert_ran_in_workers(parts_seen, ["pasar-1", "sungai-1", "sungai-2"])
    assert sorted(r.read for r in parts_seen) == [["pasar-1"], ["sungai-1", "sungai-2"]]


def test_story_pool_below_the_threshold_runs_in_this_process(monkeypatch, tmp_path):
    _articles(tmp_path)
    pids = []
    real = build_module.story_passes
    monkeypatch.setattr(build_module, "story_passes", lambda *a, **k: pids.append(os.getpid()) or real(*a, **k))
    assert 3 < build_module.POOL_MIN_DOCS
    kronologi.build([str(tmp_path)], workers=2, batch_size=1)  # two parts, but three documents: too few to gain
    assert pids == [os.getpid()]


class PartFailed(RuntimeError):
    pass


def _chronicle_rows(db) -> tuple[int, int, list]:
    with sqlite3.connect(db) as con:
        return (con.execute("SELECT count(*) FROM chronicle").fetchone()[0],
                con.execute("SELECT count(*) FROM events").fetchone()[0],
                con.execute("SELECT finished_at FROM runs").fetchall())


@pytest.mark.parametrize("workers", [1, 2])
def test_story_pool_a_part_that_raises_fails_the_build_as_one_run_does(monkeypatch, tmp_path, workers):
    (tmp_path / "in").mkdir()
    _articles(tmp_path / "in")
    monkeypatch.setattr(build_module, "POOL_MIN_DOCS", 0)
    real = build_module.build_ledger

    def ledger(docs, *args, **kwargs):  # raises in the part (or the one run) holding pasar-1
        if any(d.id == "pasar-1" for d in docs):
            raise PartFailed("no ledger for pasar-1")
        return real(docs, *args, **kwargs)

    monkeypatch.setattr(build_module, "build_ledger", ledger)
    gathered = []
    monkeypatch.setattr(build_module, "gather", lambda *a: gathered.append(a))
    db = tmp_path / "k.db"
    with pytest.raises(PartFailed, match="no ledger for pasar-1"):
        kronologi.build([str(tmp_path / "in")], db=db, workers=workers, batch_size=1)
    assert not gathered  # nothing gathered from the parts that did run
    assert _chronicle_rows(db) == (0, 0, [(None,)])  # no chronicle written, the run not finished
    monkeypatch.setattr(build_module, "build_ledger", real)
    monkeypatch.undo()
    kronologi.build([str(tmp_path / "in")], db=db, workers=workers, batch_size=1)  # the store is usable
    count, events, runs = _chronicle_rows(db)
    assert count == 1 and events and runs[-1][0] is not None
