"""Pipeline steps of the text layer: language of the cleaned body, sentences."""

from __future__ import annotations

from typing import Any

from kronologi.document import Document, Sentence
from kronologi.text.langid import identify
from kronologi.text.sentences import split_sentences


class LanguageStep:
    """Identify the body's language; a language given by metadata wins."""

    name = "language"
    version = "1"

    def __init__(self, options: dict[str, Any] | None = None):
        pass

    def __call__(self, doc: Document) -> Document:
        lang, confidence = identify(doc.text)
        doc.observe("language", "text", lang)
        if not doc.observed.get("language", {}).get("metadata"):
            doc.language, doc.language_confidence = lang, round(confidence, 4)
        return doc


class SentenceStep:
    """Split the body into sentences (offsets into ``text``)."""

    name = "sentences"
    version = "2"  # 2: "On" and "No" start a sentence (they were read as YAML booleans and lost)

    def __init__(self, options: dict[str, Any] | None = None):
        pass

    def __call__(self, doc: Document) -> Document:
        doc.sentences = [Sentence(s, e) for s, e in split_sentences(doc.text, doc.language or "id")]
        return doc
