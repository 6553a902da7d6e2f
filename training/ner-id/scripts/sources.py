"""The NER data sets of ../shared/data: where they are, how to read them, how their labels map.

Every set is read in place (never copied into the repository). Each reader
yields sentences as ``(tokens, tags)`` with IOB2 tags over the merged scheme
PER / ORG / LOC. A tag mapped to ``None`` marks a span whose type the merged
scheme does not have and whose tokens are left *unannotated* (missing) rather
than ``O``, so the model is neither rewarded nor punished there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[3]  # the repository root
DATA = Path(os.environ.get("KRONOLOGI_DATA", ROOT.parent / "shared" / "data"))

Sentence = tuple[list[str], list[str]]

# Per-set label maps onto the merged scheme; None = keep the span unannotated.
NERGRIT = {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"}
IDNER = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
NERUI = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
# NERP has no ORG type: organisations are untagged or tagged IND (products/brands).
NERP = {"PPL": "PER", "PLC": "LOC", "IND": None, "EVT": None, "FNB": None}


@dataclass(frozen=True)
class Split:
    """One file of one set: the name used in reports, the path, how to read it."""

    name: str
    path: Path
    labels: dict[str, str | None]
    columns: str = "tab"  # tab: token<TAB>tag; space: token POS tag (tag last)

    def read(self) -> list[Sentence]:
        return list(read_conll(self.path, self.labels, self.columns))


def splits() -> dict[str, Split]:
    """Every split the training project may use (test splits are withheld and never read)."""
    return {
        "nergrit-train": Split("nergrit-train", DATA / "indonlu-nergrit" / "train_preprocess.txt", NERGRIT),
        "nergrit-valid": Split("nergrit-valid", DATA / "indonlu-nergrit" / "valid_preprocess.txt", NERGRIT),
        "idner-train": Split("idner-train", DATA / "idner-news-2k" / "train.txt", IDNER, "space"),
        "idner-dev": Split("idner-dev", DATA / "idner-news-2k" / "dev.txt", IDNER, "space"),
        # NER-UI: fold 1. Its dev file is held out; its train and test files together
        # are the rest of the corpus (the test files of IndoLEM are not withheld).
        "nerui-train": Split("nerui-train", DATA / "indolem-nerui" / "train.01.tsv", NERUI),
        "nerui-test": Split("nerui-test", DATA / "indolem-nerui" / "test.01.tsv", NERUI),
        "nerui-dev": Split("nerui-dev", DATA / "indolem-nerui" / "dev.01.tsv", NERUI),
        "nerp-train": Split("nerp-train", DATA / "indonlu-nerp" / "train_preprocess.txt", NERP),
        "nerp-valid": Split("nerp-valid", DATA / "indonlu-nerp" / "valid_preprocess.txt", NERP),
    }


# NER-UGM is read only to find the sentences of idner-news-2k's withheld test split
# (both annotate the same news sentences; see leak_keys). Never trained on.
NERUGM_FILES = sorted((DATA / "indolem-nerugm").glob("*.tsv"))


def read_conll(path: Path, labels: dict[str, str | None], columns: str = "tab") -> Iterator[Sentence]:
    """Sentences of a CoNLL-style file, tags mapped onto the merged scheme (IOB2)."""
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    yield tokens, repair_iob(tags)
                tokens, tags = [], []
                continue
            parts = line.split("\t") if columns == "tab" else line.split()
            tokens.append(parts[0])
            tags.append(map_tag(parts[-1] if columns == "space" else parts[1], labels))
    if tokens:
        yield tokens, repair_iob(tags)


def map_tag(tag: str, labels: dict[str, str | None]) -> str:
    """``B-PERSON`` -> ``B-PER``; an unmapped type -> ``B-?`` (missing); unknown types -> ``O``."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if label not in labels:
        return "O"
    merged = labels[label]
    return f"{prefix}-{merged if merged is not None else '?'}"


def repair_iob(tags: list[str]) -> list[str]:
    """An ``I-X`` that does not continue an X span starts one (conlleval's reading)."""
    out: list[str] = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


_NON_WORD = re.compile(r"[\W_]+")


def sentence_key(tokens: list[str]) -> str:
    """Case-, space- and punctuation-insensitive identity of a sentence (for leak checks)."""
    return _NON_WORD.sub("", "".join(tokens).lower())


def shingles(tokens: list[str], n: int = 4) -> set[str]:
    words = [w for w in (_NON_WORD.sub("", t.lower()) for t in tokens) if w]
    return {" ".join(words[i : i + n]) for i in range(max(len(words) - n + 1, 1))}
