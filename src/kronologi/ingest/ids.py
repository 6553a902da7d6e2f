"""Document ids and keys unique within a build, and names every encoder accepts.

Ids are made from file names (``x/berita.txt`` -> ``berita``), record locators
and ``--meta``, so two inputs can ask for the same one. ``Registry`` settles
that in input order: the first keeps the id it asked for, a later one gets the
first free ``<id>-<n>`` (``n`` from 2), checked against every id already given,
so an explicit ``a-2`` and a generated ``a-2`` never meet. The same inputs in the
same order always get the same ids.
"""

from __future__ import annotations

import re

from kronologi.document import content_key

_SURROGATE = re.compile("[\ud800-\udfff]")


class Registry:
    """The ids and keys given so far in one build."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.keys: set[str] = set()
        self._next: dict[str, int] = {}  # the suffix to try next for an id asked for again

    def claim_id(self, wanted: str) -> str:
        """``wanted`` if it is free, else the first free ``wanted-<n>``."""
        wanted = wanted or "document"
        doc_id, n = wanted, self._next.get(wanted, 2)
        while doc_id in self.ids:
            doc_id, n = f"{wanted}-{n}", n + 1
        self._next[wanted] = n
        self.ids.add(doc_id)
        return doc_id

    def claim_key(self, key: str, doc_id: str) -> str:
        """``key`` if no document of this build has it (same name, record and text), else one
        derived from it and the document's unique id: identical inputs stay two documents."""
        while key in self.keys:
            key = content_key(key, doc_id)
        self.keys.add(key)
        return key


def printable(text: str) -> str:
    """``text`` as valid Unicode: bytes a file name could not decode (surrogate escapes) are
    shown as ``\\xNN``, any other lone surrogate as U+FFFD. Store and exports encode UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
