"""The date tagger on any text: no exception, offsets inside the text, ``text[start:end]`` is the reported text."""

from __future__ import annotations

from hypothesis import given
from strategies import BOUNDED, LANGS, TEXTS

from kronologi.temporal import tag

TYPES = {"DATE", "TIME", "DURATION", "SET"}


@BOUNDED
@given(text=TEXTS, lang=LANGS)
def test_tag_reports_spans_of_the_text_on_any_input(text: str, lang: str) -> None:
    found = tag(text, lang, "2024-05-01")
    for tm in found:
        assert 0 <= tm.start < tm.end <= len(text)
        assert text[tm.start:tm.end] == tm.text
        assert tm.type in TYPES and tm.value
    assert [tm.start for tm in found] == sorted(tm.start for tm in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), "mentions overlap"


@BOUNDED
@given(text=TEXTS, lang=LANGS)
def test_tag_without_reference_never_fails(text: str, lang: str) -> None:
    for tm in tag(text, lang, None):
        assert text[tm.start:tm.end] == tm.text
