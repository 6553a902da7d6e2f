"""The Ray engine on a real local Ray cluster: the same chronicle as the local engine.

One cluster for the module, started by ``ray.init`` on loopback (2 CPUs, no dashboard) and
stopped at the end; in-process builds use that connection, ``kronologi build --address``
in a subprocess connects to it, and ``kronologi build --engine ray`` without an address
starts (and stops) a cluster of its own. Chronicles are compared whole, ``generated_at``
aside. Ray is installed by ``scripts/test.sh`` from requirements-ray.lock; without it these
tests skip on a laptop and fail under ``CI=true``.
"""

from __future__ import annotations

import copy
import json
import logging
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kronologi
from kronologi.build import _process, pipeline_signature
from kronologi.cli import main
from kronologi.document import Document
from kronologi.ingest import read_all
from kronologi.pipeline import PipelineConfig, run_batch
from kronologi.ray_engine import EngineError
from kronologi.store import Store

from conftest import EXAMPLES, ROOT, need_shared

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
META = ROOT / "examples" / "meta.csv"
# Ray binds to the machine's outward address unless told it runs without a cluster network;
# this keeps the test cluster (and the clusters the CLI starts) on 127.0.0.1.
LOOPBACK = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}

# Articles written for these tests (Indonesian and English).
ARTICLES = {
    "sungai-1.txt": """Sungai Cimanuk Meluap, 40 Rumah Terendam di Indramayu
Kamis, 6 Februari 2025 | 07:40 WIB
INDRAMAYU - Sungai Cimanuk meluap pada Rabu (5/2/2025) malam dan merendam 40 rumah di Desa Loyang.
"Air naik cepat sekali setelah hujan sejak sore," kata Kepala Desa Loyang, Sutarno, kepada wartawan.
Sebanyak 120 warga mengungsi ke gedung sekolah dasar.
""",
    "sungai-2.txt": """River floods 40 homes in Indramayu
INDRAMAYU, Indonesia - The Cimanuk river burst its banks on Wednesday night, flooding 40 homes in
Loyang village, the village head Sutarno said on Thursday. About 120 residents moved to a school.
""",
    "pasar-1.txt": """Harga Bawang Merah di Pasar Kramat Jati Turun
Jumat, 7 Februari 2025 | 09:15 WIB
JAKARTA - Harga bawang merah di Pasar Induk Kramat Jati turun menjadi Rp 32.000 per kilogram pada Jumat.
"Pasokan dari Brebes sedang melimpah," ujar pedagang bernama Warsini.
""",
}


def _ray():
    try:
        import ray
    except ImportError:
        if IN_CI:
            pytest.fail("Ray is not installed: scripts/test.sh installs requirements-ray.lock for these tests")
        pytest.skip("Ray is not installed (pip install -r requirements-ray.lock)")
    return ray


@pytest.fixture(scope="module")
def cluster():
    """A local Ray cluster on loopback for the module; yields its address (host:port)."""
    saved = {name: os.environ.get(name) for name in LOOPBACK}
    os.environ.update(LOOPBACK)  # read when Ray is first imported, so before it
    ray = _ray()
    context = ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False,
                       logging_level=logging.WARNING)
    yield context.address_info["gcs_address"]
    ray.shutdown()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _sections(chronicle) -> dict:
    data = chronicle.to_dict()
    data.pop("generated_at")
    return data


def _cli_build(out: Path, *extra: str) -> tuple[subprocess.CompletedProcess, dict | None]:
    cmd = [sys.executable, "-m", "kronologi", "-v", "build", str(EXAMPLES), "--meta", str(META), "-o", str(out),
           "-q", *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**os.environ, **LOOPBACK}, timeout=600)
    if proc.returncode:
        return proc, None
    data = json.loads((out / "chronicle.json").read_text(encoding="utf-8"))
    data.pop("generated_at")
    return proc, data


@pytest.fixture(scope="module")
def local_examples() -> dict:
    return _sections(kronologi.build([str(EXAMPLES)], meta=META))


@pytest.fixture(scope="module")
def local_examples_json(tmp_path_factory) -> dict:
    proc, data = _cli_build(tmp_path_factory.mktemp("local") / "out")
    assert data is not None, proc.stderr
    return data


def test_engine_ray_examples_chronicle_equals_the_local_engines(cluster, local_examples):
    seen = []
    chronicle = kronologi.build([str(EXAMPLES)], meta=META, engine="ray", batch_size=3,
                                progress=lambda stage, done, total: seen.append((stage, done, total)))
    for section in ("events", "figures", "ledger", "stories", "entities", "quotes"):
        assert local_examples[section], section  # each layer compared was exercised
    assert _sections(chronicle) == local_examples
    steps = [(done, total) for stage, done, total in seen if stage == "process"]
    total = steps[0][1]
    assert steps[0][0] == 0 and steps[-1] == (total, total)
    assert len(steps) == 1 + math.ceil(total / 3)  # one report per finished batch (tasks of 3 documents)


@pytest.fixture(scope="module")
def devpages() -> list[str]:
    folder = need_shared("data", "devpages")
    pages = sorted(str(p) for p in folder.glob("[0-9][0-9].txt"))
    assert len(pages) >= 20
    return pages


@pytest.fixture(scope="module")
def local_devpages(devpages) -> dict:
    return _sections(kronologi.build(devpages))


def test_engine_ray_devpages_chronicle_equals_the_local_engines(cluster, devpages, local_devpages):
    on_ray = _sections(kronologi.build(devpages, engine="ray", batch_size=8))
    assert local_devpages["events"] and local_devpages["ledger"] and local_devpages["stories"]
    assert on_ray == local_devpages


def _corpus_tasks(monkeypatch) -> list[tuple[list[str], list[str]]]:
    """Filled by each build that follows: per corpus task, the documents sent and those the task read."""
    from kronologi import ray_engine

    tasks = []
    real = ray_engine.run_story_parts

    def spy(session, parts, *rest):
        results = real(session, parts, *rest)
        tasks.extend(([d.id for d in part], result.read) for part, result in zip(parts, results))
        return results

    monkeypatch.setattr(ray_engine, "run_story_parts", spy)
    return tasks


def _assert_whole_stories(tasks: list[tuple[list[str], list[str]]], chronicle: dict) -> dict[str, int]:
    """Each task read what it was sent: every document of its stories, in input order, and no other;
    every document in one task. Returns each story's task."""
    story_of = {d["id"]: d["story"] for d in chronicle["documents"]}
    task_of: dict[str, int] = {}
    for n, (sent, read) in enumerate(tasks):
        assert read == sent
        for story in {story_of[i] for i in read}:
            assert task_of.setdefault(story, n) == n  # a story in one task only
            assert [i for i in story_of if story_of[i] == story] == [i for i in read if story_of[i] == story]
    assert sorted(i for _, read in tasks for i in read) == sorted(story_of)
    return task_of


def test_engine_ray_ledger_and_events_run_as_tasks_of_whole_stories(cluster, devpages, local_devpages, monkeypatch):
    tasks = _corpus_tasks(monkeypatch)
    on_ray = _sections(kronologi.build(devpages, engine="ray", batch_size=5))
    assert on_ray == local_devpages
    task_of = _assert_whole_stories(tasks, on_ray)
    assert len(tasks) > 2 and len(task_of) > len(tasks)  # several tasks, small stories grouped
    assert max(len(read) for _, read in tasks) > 5  # a story larger than the bound is a task of its own


def test_engine_ray_a_story_split_across_batches_is_one_corpus_task(cluster, tmp_path, monkeypatch):
    _documents(tmp_path)
    local = _sections(kronologi.build([str(tmp_path)]))
    tasks = _corpus_tasks(monkeypatch)
    batches = []
    on_ray = _sections(kronologi.build([str(tmp_path)], engine="ray", batch_size=1,
                                       progress=lambda stage, done, total: batches.append(done) if stage == "process"
                                       else None))
    assert on_ray == local and local["events"] and local["ledger"] and local["quotes"]
    assert batches == [0, 1, 2, 3]  # one document per task of the per-document steps
    story = next(s for s in local["stories"] if len(s["documents"]) == 2)
    assert sorted(story["documents"]) == ["sungai-1", "sungai-2"]  # one story (two languages), two batches
    assert [read for _, read in tasks if "sungai-1" in read] == [["sungai-1", "sungai-2"]]
    assert len(tasks) == 2
    _assert_whole_stories(tasks, on_ray)


def test_engine_ray_cli_address_uses_a_running_cluster(cluster, local_examples_json, tmp_path):
    proc, data = _cli_build(tmp_path / "out", "--engine", "ray", "--address", cluster)
    assert proc.returncode == 0, proc.stderr
    assert "ray engine: 2.0 CPUs in the cluster" in proc.stderr  # the module's cluster, not a new one
    assert data == local_examples_json


def test_engine_ray_cli_without_address_starts_and_stops_a_local_cluster(cluster, local_examples_json, tmp_path):
    proc, data = _cli_build(tmp_path / "out", "--engine", "ray", "-j", "1")
    assert proc.returncode == 0, proc.stderr
    assert "ray engine: 1.0 CPUs in the cluster" in proc.stderr  # its own cluster, sized by -j
    assert data == local_examples_json


class _KillsTheWorker:
    """Unpickled in the worker, it ends that process at once: a document that crashes its
    worker (as a segfault or the out-of-memory killer would)."""

    def __reduce__(self):
        return (os._exit, (3,))


def _documents(folder: Path) -> list[Document]:
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    docs = [item for item in read_all([str(folder)]) if isinstance(item, Document)]
    assert len(docs) == len(ARTICLES)
    return docs


def test_engine_ray_failed_task_documents_become_rejections_and_the_rest_goes_on(cluster, tmp_path):
    good = _documents(tmp_path)
    raises = Document(id="raises", source_path="raises.txt", format="text", raw_text=None, key="k-raises")
    crashes = Document(id="crashes", source_path="crashes.txt", format="text", raw_text=_KillsTheWorker(),
                       key="k-crashes")
    config = PipelineConfig(options={"repeated_lines": []})
    signature = pipeline_signature(config)
    expected = [d.to_dict() for d in run_batch(config, copy.deepcopy(good))]
    for doc in expected:
        doc["raw_text"] = ""  # the driver keeps processed documents without their raw text
    seen = []
    store = Store(tmp_path / "k.db")
    try:
        docs, dropped = _process(store, [good[0], raises, good[1], crashes, good[2]], config, signature, 2, 2,
                                 lambda *report: seen.append(report), "ray")
        stored = store.get_many([d.key for d in good], signature)
    finally:
        store.close()
    reasons = {r.source_path: r.reason for r in dropped}
    assert reasons["raises.txt"].startswith("failed.step.clean: AttributeError")  # the step boundary, in the task
    assert reasons["crashes.txt"].startswith("failed.engine.ray: ")  # the task itself failed
    assert len(dropped) == 2
    assert [d.to_dict() for d in docs] == expected  # the batch-mates of the crash, processed on their own
    assert sorted(stored) == sorted(d.key for d in good)  # written to the store
    assert [s for s in seen if s[0] == "process"][-1] == ("process", 5, 5)


def test_engine_ray_without_ray_fails_with_a_clear_message_before_writing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError, as where it is not installed
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(out), "--engine", "ray"])
    assert result.exit_code == 1
    assert "pip install 'kronologi[ray]'" in result.output
    assert not (out / "kronologi.db").exists()
    with pytest.raises(EngineError, match="needs Ray"):
        kronologi.build([str(EXAMPLES)], engine="ray")


def test_engine_ray_unreachable_address_and_wrong_calls(tmp_path):
    _ray()
    # in a process of its own: this one may hold the module's connection, which a build uses as it is
    proc, _ = _cli_build(tmp_path / "a", "--engine", "ray", "--address", "127.0.0.1:1")
    assert proc.returncode == 1 and "nothing answers at 127.0.0.1:1" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "a" / "kronologi.db").exists()  # refused before the store was opened
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(tmp_path / "b"), "--address", "auto"])
    assert result.exit_code == 2 and "--engine ray" in result.output
    with pytest.raises(ValueError, match="unknown engine"):
        kronologi.build([str(EXAMPLES)], engine="spark")
