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


def test_langs_word_lists_hold_no_yaml_booleans():
    """A bare word YAML 1.1 reads as a boolean ("on", "no", "off", "yes") is lost from its vocabulary:
    "On Friday" was taken for a person because "on" was read as True among the words no name starts with."""
    found = []

    def walk(value, where):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}/{key}")
        elif isinstance(value, list):
            found.extend(f"{where}[{k}]" for k, item in enumerate(value) if isinstance(item, bool))
            for k, item in enumerate(value):
                walk(item, f"{where}[{k}]")

    for path in sorted(Path(packs.__file__).parent.rglob("*.yaml")):
        if path.name.endswith(".examples.yaml"):
            continue
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), f"{path.parent.name}/{path.name}")
    allowed = ("/nasal/",)  # the affix table's flags are booleans on purpose
    assert [f for f in found if not any(a in f for a in allowed)] == []
