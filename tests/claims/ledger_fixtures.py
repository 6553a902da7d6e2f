"""Shared by the ledger tests: a document of one text with the steps the ledger reads (sentences, times, claims)."""

from __future__ import annotations

from kronologi.claims.step import ClaimsStep
from kronologi.document import Document, Sentence
from kronologi.temporal import tag
from kronologi.text.sentences import split_sentences


def claims_doc(doc_id: str, text: str, published: str | None, lang: str = "id") -> Document:
    doc = Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", raw_text=text, text=text,
                   language=lang, published=published, outlet=doc_id)
    doc.sentences = [Sentence(s, e) for s, e in split_sentences(text, lang)]
    starts = [s.start for s in doc.sentences]
    doc.times = [{**tm.to_dict(), "sentence": max(i for i, s in enumerate(starts) if s <= tm.start)}
                 for tm in tag(text, lang, published)]
    return ClaimsStep({})(doc)
