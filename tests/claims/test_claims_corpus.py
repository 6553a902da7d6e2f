"""The claims layer end to end: the example corpus against examples/EXPECTED.md, and the seeds.

Floors are pinned: a change that lowers a score fails here unless the floor is lowered on purpose.
Run with ``-s`` to see the scores and every miss.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import kronologi
from kronologi.claims.evaluate import score
from kronologi.claims.ledger import build_ledger
from kronologi.claims.step import ClaimsStep

from conftest import EXAMPLES, ROOT, need_shared

GOLD = Path(__file__).parent / "gold"


def _read(paths, meta=None) -> dict:
    chronicle = kronologi.build([str(p) for p in paths], meta=meta)
    step = ClaimsStep({})
    return {d.id: {"text": d.text, **vars(step(d))} for d in chronicle.documents}


@pytest.fixture(scope="module")
def examples() -> dict:
    return _read([EXAMPLES], ROOT / "examples" / "meta.csv")


def _report(name: str, result) -> None:
    print(f"\n{name}: {result.summary()}")
    for miss in result.misses:
        print("   ", miss)


def test_claims_corpus_examples_against_expected(examples) -> None:
    result = score(examples, yaml.safe_load((GOLD / "examples.yaml").read_text(encoding="utf-8")))
    _report("examples", result)
    assert result.nonfigures == 0
    assert result.precision >= 0.95 and result.recall >= 0.97
    assert result.subject_accuracy >= 0.95
    assert result.quote_recall == 1.0 and result.speaker_accuracy >= 0.95


def test_claims_corpus_seeds() -> None:
    seeds = need_shared("seeds")
    result = score(_read(sorted(seeds.glob("0*.txt"))), yaml.safe_load((GOLD / "seeds.yaml").read_text("utf-8")))
    _report("seeds", result)
    assert result.nonfigures == 0
    assert result.precision >= 0.95 and result.recall >= 0.95
    assert result.quote_recall >= 0.95 and result.speaker_accuracy >= 0.9


def test_claims_corpus_seed_ledger_relations() -> None:
    seeds = need_shared("seeds")
    chronicle = kronologi.build([str(p) for p in sorted(seeds.glob("0*.txt"))])
    docs = [ClaimsStep({})(d) for d in chronicle.documents]
    story = {d.id: ("election" if d.id.startswith("000") else "unrest") for d in docs}
    figures, _, ledger = build_ledger(docs, story)
    rows = {(r["story"], r["category"], r["subject"]): r["relation"] for r in ledger}
    print("\nseed ledger:", sorted(rows.items(), key=str))
    assert rows[("unrest", "killed", None)] == "retraction"
    assert rows[("unrest", "killed", "armed criminals")] == "agreement"
    assert rows[("unrest", "killed", "security forces")] == "agreement"
    assert rows[("unrest", "detained", None)] == "update"
    # 2,500 troops in an undated article against "up to 2,030" on 10 January: never a
    # contradiction for lack of a date, a step of the series
    assert rows[("unrest", "troops", None)] == "update"
    assert rows[("election", "arrested", None)] == "single"


def test_claims_corpus_example_ledger(examples) -> None:
    chronicle_docs = kronologi.build([str(EXAMPLES)], meta=ROOT / "examples" / "meta.csv").documents
    docs = [ClaimsStep({})(d) for d in chronicle_docs]
    figures, quotes, ledger = build_ledger(docs, {d.id: "kanjuruhan" for d in docs})
    rows = {(r["category"], r["subject"], r["past_event"]): r for r in ledger}
    by_id = {f["id"]: f for f in figures}
    dead = rows[("killed", None, False)]
    assert dead["relation"] == "retraction"
    relations = {by_id[i]["value"]: by_id[i]["relation"] for i in dead["figures"] if by_id[i]["status"] == "reported"}
    assert relations[174] == "retraction" and relations[135] == "update" and relations[127] == "agreement"
    assert rows[("killed", "police", False)]["relation"] == "agreement"
    injured = [r for r in ledger if r["category"] == "injured" and r["subject"] is None and not r["part"]]
    assert {r["class"]: r["relation"] for r in injured} == {None: "update"}
    in_care = [r for r in ledger if r["category"] == "hospitalised" and not r["part"]]  # 180 still treated
    assert [(r["class"], r["relation"]) for r in in_care] == [("in care", "single")]
    assert ("killed", None, True) in rows  # Lima 1964 and Accra 2001 are other events
    assert not [r for r in ledger if r["relation"] == "contradiction"]
    assert {q["same_as"] for q in quotes if q["same_as"]} >= {"articles-line1#q1", "kabarbrawijaya-rss-2#q1"}
