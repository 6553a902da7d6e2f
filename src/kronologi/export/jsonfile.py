"""chronicle.json, validated against the schema kept beside this module."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from kronologi.chronicle import Chronicle
from kronologi.errors import KronologiError
from kronologi.export.files import atomic_file
from kronologi.export.safe import json_ready, json_safe


# Records per list checked against the schema: all of them up to this many, an even sample
# beyond (every record comes from the same code; a full check of 22,000 articles took 88 s under a profiler).
VALIDATE_LIMIT = 2000


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


def write_json(chronicle: Chronicle, path: Path, validate_limit: int = VALIDATE_LIMIT) -> Path:
    """Validate, then write ``chronicle.json`` one record per line, streamed to a temporary file
    and renamed into place (a reader never sees half a file). Strict JSON: no NaN or Infinity
    (written as null), no NUL character (written as U+FFFD)."""
    sections = chronicle.sections()
    sample = {name: [json_ready(r) for r in _sample(records, validate_limit)] for name, records in sections.items()}
    validate({**json_safe(chronicle.header()), **sample})
    with atomic_file(path, "w", encoding="utf-8") as fh:
        fh.write("{\n")
        for name, value in chronicle.header().items():
            fh.write(f"{_dumps(name)}: {_dumps(value)},\n")
        for n, (name, records) in enumerate(sections.items()):
            fh.write(f"{_dumps(name)}: [")
            for k, record in enumerate(records):
                fh.write(("\n" if k == 0 else ",\n") + _dumps(record))
            fh.write(("\n]" if len(records) else "]") + (",\n" if n < len(sections) - 1 else "\n"))
        fh.write("}\n")
    return path


def _dumps(value: Any) -> str:
    """One line of strict JSON (no indent: the C encoder). Records are cleaned only when they
    need it: a non-finite number, or a NUL character (which JSON writes as an escape)."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        text = None
    if text is None or "\\u0000" in text:
        text = json.dumps(json_safe(value), ensure_ascii=False, allow_nan=False)
    return text


def _sample(records, limit: int) -> list[dict[str, Any]]:
    """Every record up to ``limit``; beyond, ``limit`` records spread evenly, first and last included."""
    n = len(records)
    if n <= limit:
        return list(records)
    step = (n - 1) / (limit - 1)
    return [records[round(i * step)] for i in range(limit)]
