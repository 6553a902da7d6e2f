"""Making article-derived values safe in every output.

Articles are untrusted input: a title may hold ``<script>``, a NUL byte, a
right-to-left override that reverses what follows, or a cell that a spreadsheet
would run as a formula. Every exporter passes what it did not write itself
through one of these:

* ``shown``: text a person reads (report.html, timeline.md, CSV): NUL becomes
  U+FFFD, bidirectional controls are removed;
* ``html_text`` and ``md_text``: ``shown`` and escaped for HTML or Markdown;
* ``link_target``: an anchor percent-encoded, so a file name with spaces or a
  newline keeps its link whole;
* ``csv_cell``: ``shown``, lists joined, formula starts neutralised (below);
* ``json_safe``: NUL replaced and non-finite floats as null (strict JSON);
* ``plain_number`` and ``figure_text``: figures in plain digits with their unit.

CSV formula starts (``=``, ``+``, ``-``, ``@``, tab, CR) get a leading single quote,
the OWASP way, in text cells only: a cell written from a number, or text that is
just a number (``-12``, ``+3.5``), is left alone, since a spreadsheet reads it as
that number and nothing else.
"""

from __future__ import annotations

import html
import json
import math
import re
from decimal import Decimal
from typing import Any
from urllib.parse import quote

REPLACEMENT = "\ufffd"  # one character for one: offsets into the text stay right
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_SHOWN = str.maketrans({"\x00": REPLACEMENT, **{c: None for c in BIDI_CONTROLS}})
_UNSHOWN = re.compile(f"[\x00{BIDI_CONTROLS}]")  # a C scan tells whether ``translate`` is needed at all
_MARKDOWN = str.maketrans({"\\": "\\\\", "`": "\\`", "[": "\\[", "]": "\\]", "|": "\\|",
                           "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": " ", "\n": " "})
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def shown(value: Any) -> str:
    """Text as a person sees it: NUL replaced, bidirectional controls removed."""
    text = value if type(value) is str else str(value)
    return text.translate(_SHOWN) if _UNSHOWN.search(text) else text


def html_text(value: Any) -> str:
    """``shown`` and HTML-escaped (quotes too: safe in attribute values)."""
    return html.escape(shown(value))


def md_text(value: Any) -> str:
    """``shown`` and escaped for Markdown: HTML specials as entities, one line, and no
    character that ends a table cell, a link label or a code span."""
    return shown(value).translate(_MARKDOWN)


def link_target(anchor: Any) -> str:
    """An anchor as a URL fragment: everything but unreserved characters percent-encoded."""
    return quote(shown(anchor), safe="-._~")


def csv_cell(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        text = value
    elif value is None:
        return ""
    elif kind is bool:
        return str(value).lower()
    elif kind is int or kind is float:
        return plain_number(value)
    else:
        text = _joined(value)
    return _neutralised(shown(text))


def _joined(value: Any) -> str:
    """Lists of plain values as ``a; b``; records (dicts) as JSON, never as Python reprs."""
    if isinstance(value, (list, tuple)) and not any(isinstance(v, (dict, list, tuple)) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(json_safe(value), ensure_ascii=False, allow_nan=False)
    return str(value)


def _neutralised(text: str) -> str:
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def plain_number(value: int | float) -> str:
    """Digits, never an exponent: ``121000000``, ``0.5``; non-finite values as empty."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return ""
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def figure_text(fig: dict[str, Any]) -> str:
    """A figure's value for people: plain digits, with its unit or currency when it has one; a vague
    quantity ("ribuan", "dozens") as written."""
    value = fig.get("value")
    if value is None:
        return str(fig.get("text") or "?")
    text = plain_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
    return f"{text} {fig['unit']}" if fig.get("unit") else text


def json_ready(value: Any) -> Any:
    """``value`` itself when it already is strict JSON without NUL (checked by the C encoder),
    else ``json_safe(value)``."""
    try:
        if "\\u0000" not in json.dumps(value, allow_nan=False):
            return value
    except ValueError:
        pass
    return json_safe(value)


def json_safe(value: Any) -> Any:
    """``value`` with NUL replaced in every string and non-finite floats as ``None``."""
    if isinstance(value, str):
        return value.replace("\x00", REPLACEMENT)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {json_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value
