"""The server's templates and stylesheet ship in the wheel: pyproject's package-data patterns cover each file."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "kronologi"


def test_serve_templates_and_static_files_are_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["kronologi"]
    files = [p.relative_to(PACKAGE).as_posix() for folder in ("templates", "static")
             for p in (PACKAGE / "serve" / folder).iterdir() if p.is_file()]
    assert any(f.endswith(".html") for f in files) and "serve/static/style.css" in files
    assert not [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
