"""Which files a build reads: folders expanded, and the folder's own papers left out.

A folder of articles often carries a README, a LICENSE or a CHANGELOG that
describes it. Found while walking a folder, such a file is listed once as
``dropped.ingest.not_an_article`` instead of being read as a news article; named
on the command line, it is read like any other input.
"""

from __future__ import annotations

import os
import re
from typing import Iterable, Iterator

from kronologi.document import Rejection

STDIN = "-"
NOT_AN_ARTICLE = "dropped.ingest.not_an_article"

# File names (case-insensitive, any of these extensions or none) that describe a folder.
_PROJECT_FILE = re.compile(
    r"(readme|licen[cs]e(-[\w.]+)?|copying|copyright|changelog|changes|authors|contributors|contributing"
    r"|code_of_conduct|notice|manifest)(\.(md|markdown|txt|rst|text))?",
    re.IGNORECASE,
)


def is_project_file(name: str) -> bool:
    """True for README/LICENSE/CHANGELOG-like file names."""
    return _PROJECT_FILE.fullmatch(name) is not None


def discover(paths: Iterable[str]) -> Iterator[str | Rejection]:
    """Expand folders recursively (sorted, hidden files skipped); keep ``-`` for stdin."""
    for path in paths:
        if path == STDIN or os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            yield from _walk(path)
        else:
            yield Rejection(path, "failed.ingest.not_found: no such file or folder")


def _walk(root: str) -> Iterator[str | Rejection]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if is_project_file(name):
                yield Rejection(path, f"{NOT_AN_ARTICLE}: {name} describes the folder; it is not read as an "
                                      "article (name it on the command line to read it)")
            else:
                yield path
