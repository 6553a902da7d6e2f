"""chronicle.json, validated against the schema kept beside this module."""

from __future__ import annotations

import functools
import json
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from kronologi.chronicle import Chronicle
from kronologi.errors import KronologiError


class SchemaError(KronologiError):
    code = "failed.export.schema"


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("chronicle.schema.json").read_text(encoding="utf-8"))


def validate(data: dict[str, Any]) -> None:
    """Raise SchemaError naming the first field that breaks the contract."""
    from jsonschema import Draft202012Validator

    errors = sorted(Draft202012Validator(schema()).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(top level)"
        raise SchemaError(f"chronicle.json breaks its schema at {where}: {errors[0].message}")


def write_json(chronicle: Chronicle, path: Path) -> Path:
    data = chronicle.to_dict()
    validate(data)
    _atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return path


def _atomic_write(path: Path, text: str) -> None:
    """Write to a temporary file and rename: a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)
