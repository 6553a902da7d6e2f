"""The test tree imports its modules by basename (no packages): two modules with one name collide in a full run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def test_every_test_module_and_helper_has_a_name_of_its_own():
    names = Counter(p.name for p in Path(__file__).parent.rglob("*.py") if p.name != "__init__.py")
    assert [name for name, n in names.items() if n > 1] == []
