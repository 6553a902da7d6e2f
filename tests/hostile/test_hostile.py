"""``kronologi build`` (the command, in a subprocess) survives the hostile corpus of ``corpus.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from corpus import MAX_DOC_BYTES, write_corpus  # noqa: E402

KRONOLOGI = Path(sys.executable).with_name("kronologi")


def _strict(text: str):
    def refuse(name: str):
        raise ValueError(f"chronicle.json holds {name}, which strict JSON has no place for")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    expected = write_corpus(folder)
    out = folder / "out"
    proc = subprocess.run(
        [str(KRONOLOGI), "build", os.fsdecode(folder / "inputs"), "-o", str(out), "--meta", str(expected.meta),
         "--max-doc-bytes", str(MAX_DOC_BYTES), "-q"],
        capture_output=True, text=True, timeout=600)
    return expected, proc, out


def test_hostile_build_finishes_with_exit_0_and_strict_json(hostile_build):
    expected, proc, out = hostile_build
    assert proc.returncode == 0, proc.stderr[-3000:]
    _strict((out / "chronicle.json").read_text(encoding="utf-8"))


def test_hostile_every_bad_input_is_listed_with_its_reason(hostile_build):
    expected, proc, out = hostile_build
    rejected = _strict((out / "chronicle.json").read_text(encoding="utf-8"))["rejected"]
    for ending, code in expected.rejected.items():
        found = [r["reason"] for r in rejected if r["source_path"].endswith(ending)]
        assert found, f"{ending} is not listed in rejected[]: {rejected}"
        assert found[0].startswith(code + ": "), (ending, found)


def test_hostile_every_good_input_is_kept_with_a_unique_id(hostile_build):
    expected, proc, out = hostile_build
    docs = _strict((out / "chronicle.json").read_text(encoding="utf-8"))["documents"]
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids))
    assert set(expected.kept) <= set(ids), (expected.kept, ids)
