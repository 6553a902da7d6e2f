"""chronicle.json, validated against the schema kept beside this module."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
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
CHECK_BATCH = 100  # sampled records validated at a time


class SchemaError(KronologiError):
    code = "failed.export.schema"


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("chronicle.schema.json").read_text(encoding="utf-8"))


def validate(data: dict[str, Any]) -> None:
    """Raise SchemaError naming the first field that breaks the contract."""
    error = _first_error(data)
    if error:
        _refuse(*error)


def _first_error(data: dict[str, Any]) -> tuple[list, str] | None:
    """The path and message of the first error (by path), or None."""
    from jsonschema import Draft202012Validator

    errors = sorted(Draft202012Validator(schema()).iter_errors(data), key=lambda e: list(e.path))
    return (list(errors[0].path), errors[0].message) if errors else None


def _refuse(path: list, message: str) -> None:
    where = "/".join(str(p) for p in path) or "(top level)"
    raise SchemaError(f"chronicle.json breaks its schema at {where}: {message}")


def write_json(chronicle: Chronicle, path: Path, validate_limit: int = VALIDATE_LIMIT) -> Path:
    """Validate, then write ``chronicle.json`` one record per line, streamed to a temporary file
    and renamed into place (a reader never sees half a file). Strict JSON: no NaN or Infinity
    (written as null), no NUL character (written as U+FFFD)."""
    sections = chronicle.sections()
    _validate_sample(chronicle.header(), sections, validate_limit)
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


def _validate_sample(header: dict[str, Any], sections: dict[str, Any], limit: int) -> None:
    """``validate`` on the header and a sample of each list (``_sample``), ``CHECK_BATCH`` records at a time,
    the other lists empty, so the sample is never held whole (2,000 documents with their texts are tens of MB);
    the first error by path is raised, at its place in the sample, as ``validate`` on it all would."""
    header = json_safe(header)
    empty = {name: [] for name in sections}
    errors = [e for e in [_first_error({**header, **empty})] if e]
    for name, records in sections.items():
        for offset, chunk in _sample_batches(records, limit):
            error = _first_error({**header, **empty, name: [json_ready(r) for r in chunk]})
            if error and len(error[0]) > 1 and error[0][0] == name:
                error = ([name, error[0][1] + offset, *error[0][2:]], error[1])
            if error:
                errors.append(error)
    if errors:
        _refuse(*min(errors, key=lambda e: e[0]))


def _sample_batches(records, limit: int) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """``_sample`` in batches of ``CHECK_BATCH``, each with the sample index it starts at; a list within the limit
    is read in order (a store reads it a batch at a time), a longer one record by record."""
    if len(records) <= limit:
        chunk: list[dict[str, Any]] = []
        for k, record in enumerate(records):
            chunk.append(record)
            if len(chunk) == CHECK_BATCH:
                yield k + 1 - CHECK_BATCH, chunk
                chunk = []
        if chunk:
            yield len(records) - len(chunk), chunk
        return
    step = (len(records) - 1) / (limit - 1)
    for start in range(0, limit, CHECK_BATCH):
        yield start, [records[round(i * step)] for i in range(start, min(start + CHECK_BATCH, limit))]


def _sample(records, limit: int) -> list[dict[str, Any]]:
    """Every record up to ``limit``; beyond, ``limit`` records spread evenly, first and last included."""
    n = len(records)
    if n <= limit:
        return list(records)
    step = (n - 1) / (limit - 1)
    return [records[round(i * step)] for i in range(limit)]
