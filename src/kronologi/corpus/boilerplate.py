"""Lines repeated across many documents: menus, footers, ad slots of one site.

This pass runs *before* cleaning, over raw texts. It counts short lines (menus
and prompts are short) by their normalised key, once per document, and returns
those seen in at least ``min_docs`` documents. The cleaner then treats them as
debris where they are not sentences — a repeated sentence is more likely
shared wire copy, which is kept and detected later as a shared passage.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from kronologi.clean.lines import make_line

MAX_WORDS = 12


def repeated_lines(raw_texts: Iterable[str], min_docs: int = 3, min_share: float = 0.0) -> frozenset[str]:
    counts: Counter[str] = Counter()
    n_docs = 0
    for raw in raw_texts:
        n_docs += 1
        keys = {line.key for i, t in enumerate(raw.splitlines()) if (line := make_line(i, t)).n and line.n <= MAX_WORDS}
        counts.update(keys)
    threshold = max(min_docs, int(min_share * n_docs))
    return frozenset(key for key, n in counts.items() if n >= threshold)
