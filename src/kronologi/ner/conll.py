"""The CoNLL interface of ``kronologi ner --conll`` (see ../shared/CONTRACT.md).

Input: one token per line, the token in the first column (columns separated by
tabs or spaces; the others are ignored), a blank line between sentences.
Output: every input line exactly as it was, with a tab and the predicted IOB2
tag appended before its line ending; blank lines stay as they are. A
``-DOCSTART-`` line is a document marker, not a token: it gets ``O`` and
separates sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

DOCSTART = "-DOCSTART-"

Tagger = Callable[[list[list[str]]], list[list[str]]]


@dataclass
class _Line:
    body: str  # the line without its ending
    ending: str  # "\n", "\r\n" or "" (last line without one)
    token: str | None  # None for blank lines and document markers


def read_lines(text: str) -> list[_Line]:
    """The lines of ``text`` (split at "\n" only), each with its ending and token."""
    lines = []
    pieces = text.split("\n")
    for i, raw in enumerate(pieces):
        last = i == len(pieces) - 1
        if last and not raw:
            break  # the text ended with a line ending
        body = raw[:-1] if raw.endswith("\r") else raw
        ending = raw[len(body):] + ("" if last else "\n")
        columns = body.split()
        token = columns[0] if columns and columns[0] != DOCSTART else None
        lines.append(_Line(body, ending, token))
    return lines


def sentences(lines: list[_Line]) -> list[list[int]]:
    """Indices of the token lines of each sentence (runs between blank lines and markers)."""
    out: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.token is None:
            if current:
                out.append(current)
            current = []
        else:
            current.append(i)
    if current:
        out.append(current)
    return out


def tag_conll(text: str, tagger: Tagger) -> str:
    """``text`` with a predicted tag appended to every token line (``tagger``: sentences -> tags)."""
    lines = read_lines(text)
    groups = sentences(lines)
    tags: dict[int, str] = {}
    predicted = tagger([[lines[i].token for i in group] for group in groups])
    for group, sent_tags in zip(groups, predicted, strict=True):
        tags.update(zip(group, sent_tags, strict=True))
    out = []
    for i, line in enumerate(lines):
        if line.token is None and not line.body.split():
            out.append(line.body + line.ending)  # a blank line stays blank
        else:
            out.append(f"{line.body}\t{tags.get(i, 'O')}{line.ending}")
    return "".join(out)


def tokens(text: str) -> list[str]:
    """Every token of a CoNLL text, in order (for language identification)."""
    return [line.token for line in read_lines(text) if line.token is not None]
