"""The working state of one document while the cleaner judges its lines, shared by its stages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kronologi.clean.header_dates import HeaderDates
from kronologi.clean.lines import Line

_NON_WORD = re.compile(r"[^\w]+")


@dataclass
class Work:
    """Working state of one document while it is being cleaned."""

    lines: list[Line]
    lang: str
    repeated: frozenset[str]
    verdict: dict[int, str] = field(default_factory=dict)  # line index -> removal reason
    headings: set[int] = field(default_factory=set)
    title: str | None = None
    dates: HeaderDates = field(default_factory=HeaderDates)
    find_title: bool = True
    body_start: int = 0  # index of the body's first line


def norm(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())
