"""The evaluation gate on the development pages (../shared/data/devpages).

Builds the 42 real web copies with this checkout's ``kronologi`` through the shared scorer
(``../shared/tools/score_devpages.py``) and asserts a floor for every measure: the per-page
layers (cleaning, publication dates, figures, quotes, dates) and the chronology across pages
(stories, coverage, dated, unique, pure, grouped, relations). The floors are pinned a little
under what the last reviewed commit reached; a change that lowers a measure below its floor
fails here, and a floor is lowered only on purpose, in a reviewed commit that says why.
These are development numbers: the same measures run on other, unseen pages.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, need_shared

FLOORS = {  # pinned on 2026-12-07 (12-08: dated, unique, pure) a little under what main reached (README "Evaluation");
    # unique at its target, .90: one happening more split in two fails the gate. Lower only on purpose
    "clean": 0.98, "pubdate": 0.95, "figures": 0.95, "quotes": 0.95, "dates": 0.97,
    "stories": 0.96, "coverage": 0.97, "dated": 0.94, "unique": 0.90, "pure": 0.96,
    "grouped": 0.91, "relations": 0.92,
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, float]:
    need_shared("data", "devpages", "timeline.json")
    scorer = need_shared("tools", "score_devpages.py")
    out = tmp_path_factory.mktemp("devpages")
    kronologi = Path(sys.executable).parent / "kronologi"
    done = subprocess.run([sys.executable, str(scorer), "--kronologi", str(kronologi), "--out", str(out / "builds"),
                           "--json", str(out / "scores.json")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads((out / "scores.json").read_text(encoding="utf-8"))["scores"]


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_devpages_gate_measure_holds_its_floor(scores, measure):
    assert measure in scores, f"the scorer no longer reports {measure}"
    assert scores[measure] >= FLOORS[measure], f"{measure} fell to {scores[measure]:.3f} (floor {FLOORS[measure]})"
