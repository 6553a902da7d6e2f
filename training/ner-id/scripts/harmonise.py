"""Harmonise label conventions between training sets: names a set has no type for.

NERP has no ORG type, so the parties, agencies and clubs in its sentences are
tagged ``O``, while every other set tags the same names ORG. Trained together,
the sets contradict each other on the most frequent organisations of the news.
This module builds, from the training splits that do have the type, the word
sequences that are usually tagged with it, and marks those sequences, where
they are ``O`` in a set without the type, as unannotated (``?``: spaCy's
missing value), so that the set neither confirms nor denies them.

Only training splits are read (the dev splits never are): the caller passes the
sentences the leak guard kept.
"""

from __future__ import annotations

from collections import Counter

import sources

MAX_WORDS = 6  # longest name looked for
MIN_SHARE = 0.5  # a sequence counts as a name when at least this share of its occurrences is tagged
MIN_ONE_WORD = 2  # and a one-word name when it is tagged at least this often (common nouns inside names)


def names_of_type(sents: list[sources.Sentence], label: str) -> set[str]:
    """Lower-cased word sequences tagged ``label`` in at least MIN_SHARE of their occurrences."""
    tagged: Counter[str] = Counter()
    for toks, tags in sents:
        for start, end in _spans(tags, label):
            if end - start <= MAX_WORDS:
                tagged[_key(toks[start:end])] += 1
    untagged: Counter[str] = Counter()
    for toks, tags in sents:
        for start, end in _ngrams(len(toks)):
            key = _key(toks[start:end])
            if key in tagged and all(t == "O" for t in tags[start:end]):
                untagged[key] += 1
    return {k for k, n in tagged.items()
            if n >= MIN_SHARE * (n + untagged[k]) and (" " in k or n >= MIN_ONE_WORD)}


def mask_names(sents: list[sources.Sentence], names: set[str]) -> tuple[list[sources.Sentence], int]:
    """The sentences with every all-``O`` occurrence of a name set to ``?``; and how many were masked."""
    out, masked = [], 0
    for toks, tags in sents:
        tags = list(tags)
        for start, end in _ngrams(len(toks), longest_first=True):
            if all(t == "O" for t in tags[start:end]) and _key(toks[start:end]) in names:
                tags[start:end] = ["B-?"] + ["I-?"] * (end - start - 1)
                masked += 1
        out.append((toks, tags))
    return out, masked


def _key(words: list[str]) -> str:
    return " ".join(words).lower()


def _spans(tags: list[str], label: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i, tag in enumerate(tags):
        if tag == f"B-{label}":
            out.append((i, i + 1))
        elif tag == f"I-{label}" and out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
    return out


def _ngrams(n_tokens: int, longest_first: bool = False) -> list[tuple[int, int]]:
    sizes = range(MAX_WORDS, 0, -1) if longest_first else range(1, MAX_WORDS + 1)
    return [(i, i + n) for n in sizes for i in range(n_tokens - n + 1)]
