"""The language packs read with libyaml's C parser give exactly what the pure-Python safe loader gives."""

from __future__ import annotations

from pathlib import Path

import yaml

import kronologi.langs as packs


def test_langs_c_loader_reads_every_pack_as_the_safe_loader_does():
    files = sorted(Path(packs.__file__).parent.rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        assert packs._load(path) == yaml.safe_load(path.read_text(encoding="utf-8")), path.name
