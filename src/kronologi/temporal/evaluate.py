"""Evaluate the tagger on TimeML: read documents and gold, score recognition and normalisation.

``read_timeml`` reads a TimeML file (UTF-8, or Windows-1252 as the IndoTimex
Kompas files are) into its document creation time (DCT), the content of its
``<TEXT>`` element with line ends as ``\\n`` and tags removed, and any inline
``TIMEX3`` annotations as offsets into that text. Gold kept apart from the
texts (``tests/temporal/gold/*.jsonl``: ``file``, ``start``, ``end``, ``text``,
``type``, ``value``) indexes the same text.

``score`` compares system and gold expressions the TempEval-3 way:

* recognition, **strict** (same offsets) and **relaxed** (overlapping) span
  precision, recall and F1;
* **type** and **value** accuracy over relaxed matches, and value F1 (a
  relaxed match with the right value counts as correct: precision over system
  expressions, recall over gold ones).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT_RE = re.compile(r"<DCT>.*?value=\"([^\"]+)\".*?</DCT>", re.S)
_TAG_RE = re.compile(r"<(/?)TIMEX3\b([^>]*)>|<[^>]+>|&(?:amp|lt|gt|quot|apos);")
_ATTR_RE = re.compile(r"(\w+)=\"([^\"]*)\"")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str

    @classmethod
    def of(cls, item: Any) -> Timex:
        get = item.get if isinstance(item, dict) else lambda k: getattr(item, k)
        return cls(get("start"), get("end"), get("text"), get("type"), get("value"))


@dataclass
class TimeMLDoc:
    name: str
    dct: str | None
    text: str
    timexes: list[Timex] = field(default_factory=list)


def read_timeml(path: str | Path) -> TimeMLDoc:
    """A TimeML file's DCT, TEXT and inline TIMEX3s (offsets into that TEXT)."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    body = _TEXT_RE.search(content)
    dct = _DCT_RE.search(content)
    text, timexes = _strip_tags(body.group(1) if body else "")
    return TimeMLDoc(path.name, normalise_value(dct.group(1)) if dct else None, text, timexes)


def _strip_tags(marked: str) -> tuple[str, list[Timex]]:
    out: list[str] = []
    length, open_at, attrs = 0, None, {}
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG_RE.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        token = m.group(0)
        if token.startswith("&"):
            out.append(_ENTITIES[token])
            length += 1
        elif token.startswith("<TIMEX3"):
            open_at, attrs = length, dict(_ATTR_RE.findall(m.group(2) or ""))
        elif token.startswith("</TIMEX3") and open_at is not None:
            text = "".join(out)[open_at:length]
            timexes.append(Timex(open_at, length, text, attrs.get("type", ""), normalise_value(attrs.get("value", ""))))
            open_at = None
    out.append(marked[pos:])
    return "".join(out), timexes


def normalise_value(value: str) -> str:
    """``2013-12-5`` -> ``2013-12-05``: zero-pad date parts the way TIMEX3 writes them."""
    value = html.unescape(value.strip())
    m = re.match(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(.*)$", value)
    if not m:
        return value
    out = f"{m.group(1)}-{int(m.group(2)):02d}"
    if m.group(3):
        out += f"-{int(m.group(3)):02d}"
    return out + m.group(4)


def load_gold(path: str | Path) -> dict[str, list[Timex]]:
    """Gold JSON Lines grouped by file name."""
    gold: dict[str, list[Timex]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold.setdefault(item["file"], []).append(Timex.of(item))
    return gold


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors

    def report(self) -> dict[str, float]:
        """Percentages: strict/relaxed P, R, F1; type and value accuracy; value F1."""
        out = {}
        for name, hits in (("strict", self.strict), ("relaxed", self.relaxed), ("value", self.value_ok)):
            p, r = _ratio(hits, self.system), _ratio(hits, self.gold)
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, _f1(p, r)
        out["type_accuracy"] = _ratio(self.type_ok, self.relaxed)
        out["value_accuracy"] = _ratio(self.value_ok, self.relaxed)
        return {k: round(v, 2) for k, v in out.items()}


def _ratio(a: int, b: int) -> float:
    return 100.0 * a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[Any], system: Iterable[Any], name: str = "") -> Counts:
    """Compare one document's system expressions with its gold (see the module docstring)."""
    gold, system = [Timex.of(g) for g in gold], [Timex.of(s) for s in system]
    counts = Counts(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        match = _best_overlap(g, system, used)
        if match is None:
            counts.errors.append({"file": name, "kind": "missed", "gold": vars(g)})
            continue
        used.add(match)
        s = system[match]
        counts.relaxed += 1
        counts.strict += (s.start, s.end) == (g.start, g.end)
        counts.type_ok += s.type == g.type
        counts.value_ok += s.value == g.value
        if (s.start, s.end, s.type, s.value) != (g.start, g.end, g.type, g.value):
            counts.errors.append({"file": name, "kind": "differs", "gold": vars(g), "system": vars(s)})
    for i, s in enumerate(system):
        if i not in used:
            counts.errors.append({"file": name, "kind": "spurious", "system": vars(s)})
    return counts


def _best_overlap(g: Timex, system: list[Timex], used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for i, s in enumerate(system):
        overlap = min(g.end, s.end) - max(g.start, s.start)
        if i not in used and overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def evaluate(gold_path: str | Path, text_dir: str | Path, files: Iterable[str] | None = None,
             lang: str = "id") -> Counts:
    """Tag every gold file's TEXT (reference: its DCT) and score it against the gold."""
    from kronologi.temporal import tag

    gold = load_gold(gold_path)
    total = Counts()
    for name in sorted(files if files is not None else gold):
        doc = read_timeml(Path(text_dir) / name)
        total.add(score(gold.get(name, []), tag(doc.text, lang, doc.dct), name))
    return total
