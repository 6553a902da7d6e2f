"""Cleaning and sentence splitting on any text: no exception, spans inside the text."""

from __future__ import annotations

from hypothesis import given
from strategies import BOUNDED, LANGS, TEXTS

from kronologi.clean import clean_document
from kronologi.document import Document
from kronologi.text.sentences import split_sentences


@BOUNDED
@given(raw=TEXTS, lang=LANGS)
def test_clean_document_never_fails_and_keeps_spans_inside_its_text(raw: str, lang: str) -> None:
    doc = clean_document(Document(id="p", source_path="p.txt", format="text", raw_text=raw, language=lang))
    lines = doc.text.split("\n")
    for h in doc.headings:
        assert 0 <= h.start < h.end <= len(doc.text)
        assert doc.text[h.start:h.end].strip() in lines or doc.text[h.start:h.end] in lines
    assert all(r.reason.startswith("clean.") for r in doc.removed)
    assert doc.text == doc.text.strip()


@BOUNDED
@given(text=TEXTS, lang=LANGS)
def test_split_sentences_covers_every_visible_character_once(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
