"""Trigger vocabularies: Indonesian affixes, English inflections, phrase matching, clitics."""

from __future__ import annotations

import pytest

from kronologi import langs
from kronologi.events.lexicon import PhraseIndex, lexicon
from kronologi.events.morphology import english_forms, indonesian_forms
from kronologi.events.ontology import NAMES, check_type

MORPH_ID = langs.load("id", "events")["morphology"]


@pytest.mark.parametrize("root, verbs, nouns", [
    ("tangkap", {"menangkap", "ditangkap", "tertangkap"}, {"penangkapan", "tangkapan"}),
    ("serang", {"menyerang", "diserang"}, {"penyerangan", "serangan"}),
    ("pecat", {"memecat", "dipecat"}, {"pemecatan"}),
    ("lantik", {"melantik", "dilantik"}, {"pelantikan"}),
    ("kerah", {"mengerahkan", "dikerahkan"}, {"pengerahan"}),
    ("tembak", {"menembak", "menembakkan", "ditembaki"}, {"penembakan", "tembakan"}),
    ("copot", {"mencopot", "dicopot"}, {"pencopotan"}),
    ("bekuk", {"membekuk", "dibekuk"}, set()),
    ("adili", {"mengadili", "diadili"}, set()),
])
def test_events_lexicon_indonesian_affixes(root, verbs, nouns):
    got_verbs, got_nouns = indonesian_forms(root, MORPH_ID)
    assert verbs <= got_verbs
    assert nouns <= got_nouns


@pytest.mark.parametrize("phrase, pos, forms", [
    ("arrest", "verb", {"arrest", "arrests", "arrested", "arresting"}),
    ("die", "verb", {"died", "dying", "dies"}),
    ("rally", "verb", {"rallied", "rallies"}),
    ("call on", "verb", {"called on"}),
    ("phone call", "noun", {"phone calls"}),
    ("clash", "noun", {"clashes"}),
])
def test_events_lexicon_english_inflections(phrase, pos, forms):
    assert forms <= english_forms(phrase, pos, {"inflect": True, "verb_suffixes": ["s", "ed", "ing"],
                                                "noun_suffixes": ["s"]})


def test_events_lexicon_longest_match_first():
    index = PhraseIndex()
    index.add("mundur", "short")
    index.add("mundur dari jabatan", "long")
    assert index.find("ia mundur dari jabatan kemarin".split()) == [(1, 4, ["long"])]


def test_events_lexicon_clitics_are_stripped_only_for_known_words():
    lex = lexicon("id")
    assert lex.normalise("penangkapannya") == "penangkapan"
    assert lex.normalise("Tewasnya") == "tewas"
    assert lex.normalise("katanya") == "katanya"  # listed as it is


@pytest.mark.parametrize("lang", ["id", "en"])
def test_events_lexicon_every_pack_type_is_in_the_ontology(lang):
    types = langs.load(lang, "events")["types"]
    assert set(types) <= set(NAMES)
    assert set(NAMES) - set(types) == {"other"}
    with pytest.raises(ValueError, match="known types"):
        check_type("coup")


def test_events_lexicon_is_built_once_per_language():
    assert lexicon("id") is lexicon("id")
    assert lexicon("ms").lang == "id"  # unsupported languages use the fallback pack


def test_events_lexicon_every_type_is_documented():
    from conftest import ROOT

    text = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"| `{name}` |" in text, name


@pytest.mark.parametrize("lang, text, goes_on", [
    ("en", "He said that the shelters were full.", True),
    ("en", "She also told reporters the road was open.", True),
    ("en", "He was arrested at the border on Monday.", False),  # a pronoun, but no saying
    ("en", "Officials said the road was open.", False),  # a saying, but someone named
    ("id", "Ia menambahkan, bantuan segera tiba.", True),
    ("id", "Dia juga mengatakan posko dibuka.", True),
    ("id", "Ia ditangkap di perbatasan pada Senin.", False),
])
def test_events_lexicon_a_pronoun_that_says_goes_on_with_the_speaker_before(lang, text, goes_on):
    assert lexicon(lang).opening(text).refers_back is goes_on


@pytest.mark.parametrize("lang, text, adds", [
    ("id", '"Tiga sekolah rusak," tambah dia.', True),
    ("id", "Ia menambahkan, bantuan segera tiba.", True),
    ("id", "Korban tambah banyak di Cikole.", False),  # "tambah" as "grow", no quote, no speaking subject
    ("en", '"We are ready," she added.', True),
    ("en", "He added that the road was open.", True),
    ("en", "The agency added 20 names to the list.", False),  # adding a thing, not words
])
def test_events_lexicon_an_adding_verb_attributes_more_of_what_was_said(lang, text, adds):
    assert lexicon(lang).adds_on(text) is adds
