"""Sentences stay bounded on text without punctuation, so later steps stay linear in the text."""

from __future__ import annotations

from kronologi.text.sentences import MAX_SENTENCE, split_sentences


def test_split_sentences_cuts_an_unpunctuated_run_at_spaces_below_the_cap():
    text = " ".join(f"kata{i}" for i in range(3000))  # about 24,000 characters, no full stop
    spans = split_sentences(text, "id")
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[s - 1] == " " for s, _ in spans[1:])  # every cut falls on a space: no word is split
    assert " ".join(text[s:e] for s, e in spans) == text


def test_split_sentences_cuts_a_run_without_spaces_at_the_cap():
    text = "x" * (2 * MAX_SENTENCE + 5)
    assert split_sentences(text, "en") == [(0, MAX_SENTENCE), (MAX_SENTENCE, 2 * MAX_SENTENCE),
                                           (2 * MAX_SENTENCE, 2 * MAX_SENTENCE + 5)]


def test_split_sentences_leaves_normal_sentences_alone():
    text = "Polisi menangkap dua orang. Mereka dibawa ke kantor polisi."
    assert split_sentences(text, "id") == [(0, 27), (28, len(text))]
