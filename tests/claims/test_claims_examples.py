"""The claims packs' examples files (langs/<lang>/claims.examples.yaml), run as tests."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from kronologi import langs
from kronologi.claims.step import read_text

PACK_LANGS = ("id", "en")
CASES = [(lang, case) for lang in PACK_LANGS for case in langs.examples(lang, "claims")]
FIGURE_CASES = [c for c in CASES if "figures" in c[1]]
QUOTE_CASES = [c for c in CASES if "quotes" in c[1]]


def _id(case) -> str:
    lang, data = case
    return f"{lang}:{data['text'][:60]}"


def _published(data) -> str | None:
    value = data.get("published")
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("case", FIGURE_CASES, ids=[_id(c) for c in FIGURE_CASES])
def test_claims_examples_figures(case) -> None:
    lang, data = case
    found = read_text(data["text"], lang, _published(data))["figures"]
    got = [[f["value"], f["qualifier"], f["category"], f["subject"], f["status"]] for f in found]
    assert got == data["figures"], data.get("note")
    if "bounds" in data:
        assert [[f["low"], f["high"]] for f in found if f["value"] is None] == data["bounds"]
    if "claimants" in data:
        assert [f["claimant"] for f in found] == data["claimants"], data.get("note")
    for f in found:
        assert data["text"][f["start"]:f["end"]] == f["text"]


@pytest.mark.parametrize("case", QUOTE_CASES, ids=[_id(c) for c in QUOTE_CASES])
def test_claims_examples_quotes(case) -> None:
    lang, data = case
    found = read_text(data["text"], lang, _published(data))["quotes"]
    assert [[q["speaker_name"], q["kind"]] for q in found] == data["quotes"], data.get("note")


@pytest.mark.parametrize("lang", PACK_LANGS)
def test_claims_examples_cover_every_category_and_qualifier(lang: str) -> None:
    pack = langs.load(lang, "claims")
    shown = {(f[1], f[2]) for _, c in CASES if _ == lang for f in c.get("figures", [])}
    categories = {cat for _, cat in shown}
    qualifiers = {q for q, _ in shown}
    assert set(pack["categories"]) | {"money"} <= categories
    assert set(pack["qualifiers"]) | {"exact", "vague", "range"} <= qualifiers


@pytest.mark.parametrize("lang", PACK_LANGS)
def test_claims_pack_holds_only_words(lang: str) -> None:
    """YAML reads a bare on/no/false/~ as a boolean or null: every vocabulary entry must stay a string."""
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, bool) or (item is None and "measures" not in path):
                    yield path, item
                yield from walk(item, path)

    pack = yaml.safe_load(langs.resources.files(langs.__name__).joinpath(lang, "claims.yaml").read_text("utf-8"))
    assert list(walk(pack, lang)) == []
