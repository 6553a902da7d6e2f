"""The dates packs' examples files (langs/<lang>/dates.examples.yaml), run as tests."""

from __future__ import annotations

from datetime import date

import pytest

from kronologi import langs
from kronologi.temporal import infer_reference, tag

PACK_LANGS = ("id", "en")
ALL_CASES = [(lang, case) for lang in PACK_LANGS for case in langs.examples(lang, "dates")]
TAGGING = [c for c in ALL_CASES if "expect" in c[1]]
INFERENCE = [c for c in ALL_CASES if "infer" in c[1]]


def _id(case: tuple[str, dict]) -> str:
    lang, data = case
    return f"{lang}:{data['text'][:50]}"


def _as_text(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else (None if value is None else str(value))


@pytest.mark.parametrize("case", TAGGING, ids=[_id(c) for c in TAGGING])
def test_examples_tagging(case: tuple[str, dict]) -> None:
    lang, data = case
    found = tag(data["text"], lang, _as_text(data.get("reference")))
    got = [[tm.text, tm.type, tm.value] + ([tm.mod] if tm.mod else []) for tm in found]
    want = [[str(x) if not isinstance(x, date) else x.isoformat() for x in item] for item in data["expect"]]
    assert got == want, data.get("note")
    for tm in found:
        assert data["text"][tm.start:tm.end] == tm.text


@pytest.mark.parametrize("case", INFERENCE, ids=[_id(c) for c in INFERENCE])
def test_examples_reference_inference(case: tuple[str, dict]) -> None:
    lang, data = case
    found = infer_reference(data["text"], lang, not_after=data["not_after"])
    if data["infer"] is None:
        assert found is None, data.get("note")
        return
    assert found is not None, data.get("note")
    assert (found.value, found.basis) == (_as_text(data["infer"]["value"]), data["infer"]["basis"]), data.get("note")
    assert 0 < found.confidence < 1


def test_examples_every_rule_has_an_example() -> None:
    from kronologi.temporal.patterns import pack
    from kronologi.temporal.tagger import find_mentions

    for lang in PACK_LANGS:
        used = {tm.rule for _, data in ALL_CASES if _ == lang for tm in find_mentions(data["text"], lang)}
        rules = {rule.name for rule in pack(lang).rules}
        assert rules - used == set(), f"{lang}: rules without an example"


def test_examples_every_case_has_a_note_or_is_plain() -> None:
    for lang in PACK_LANGS:
        assert len([c for c in ALL_CASES if c[0] == lang]) >= 40
