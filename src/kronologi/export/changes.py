"""changes.json and the "Since the last build" section of timeline.md and report.html.

What changed is computed by the build (``kronologi.changes``, at the moment the store's
chronicle is replaced) and carried on ``Chronicle.changes``; a chronicle made without a
store is compared with nothing (a first build). Item texts come from articles: they
pass through ``safe`` like every other value, and link to the event's line, or the
figure's sentence, or the story's section of report.html.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kronologi.changes import FIRST_BUILD_ITEMS, LISTS, compare
from kronologi.chronicle import Chronicle
from kronologi.export.files import atomic_file
from kronologi.export.safe import html_text, json_safe, link_target, md_text

TITLES = {"new_events": "New events", "updated_figures": "New figures", "new_contradictions": "New contradictions",
          "new_retractions": "New retractions", "new_stories": "New stories", "merged_stories": "Merged stories"}
MARKDOWN_ITEMS = 10  # items shown per list in timeline.md; changes.json has them all
OPEN_UP_TO = 8  # a list of the report is shown open up to this many items, folded beyond


def changes_of(chronicle: Chronicle) -> dict[str, Any]:
    return chronicle.changes if chronicle.changes is not None else compare(None, chronicle)


def write_changes(source: Any, path: Path) -> Path:
    """``changes.json`` of a Chronicle or a ``source.ViewSource``: strict JSON, indented (it is short), written
    atomically."""
    changes = changes_of(source) if isinstance(source, Chronicle) else source.changes()
    with atomic_file(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(json_safe(changes), ensure_ascii=False, allow_nan=False, indent=1) + "\n")
    return path


def anchor(name: str, item: dict[str, Any]) -> str:
    """Where an item points in report.html: the event's line, the figure's sentence, the story."""
    if name == "new_events":
        return str(item["event"])
    if name in ("new_stories", "merged_stories"):
        return f"story-{item['story']}"
    return f"{item['doc']}-s{item['sentence']}" if item.get("sentence") is not None else str(item["doc"])


def heading(changes: dict[str, Any]) -> str:
    if changes["first_build"]:
        return "First build: everything is new" + (
            f" (the first {FIRST_BUILD_ITEMS} of each list shown)" if _cut(changes) else "")
    return f"Since the last build (run {changes['since']})" if changes.get("since") is not None else "Since the last build"


def summary(changes: dict[str, Any]) -> str:
    """``new events: 3 · new contradictions: 1``, or ``nothing new``."""
    parts = [f"{TITLES[name].lower()}: {n}" for name, n in (changes.get("counts") or {}).items() if n]
    return " · ".join(parts) if parts else "nothing new"


def markdown_section(chronicle: Chronicle) -> list[str]:
    return markdown_lines(changes_of(chronicle))


def markdown_lines(changes: dict[str, Any]) -> list[str]:
    """The section of timeline.md: a heading, the counts, the first items of each list."""
    out = [f"## {md_text(heading(changes))}", "", md_text(summary(changes)) + ".", ""]
    for name in LISTS:
        items, total = changes[name], changes["counts"][name]
        if not items:
            continue
        out += [f"### {TITLES[name]} ({total})", ""]
        out += [f"- [{md_text(item['text'])}](report.html#{link_target(anchor(name, item))})"
                for item in items[:MARKDOWN_ITEMS]]
        if total > MARKDOWN_ITEMS:
            out.append(f"- … and {total - MARKDOWN_ITEMS} more (changes.json)")
        out.append("")
    return out


def html_section(chronicle: Chronicle) -> str:
    return html_of(changes_of(chronicle))


def html_of(changes: dict[str, Any]) -> str:
    """The section of report.html: every list, folded when long (all folded for a first build)."""
    parts = [f"<section id=changes class=changes><h2>{html_text(heading(changes))}</h2>"
             f"<p>{html_text(summary(changes))}.</p>"]
    for name in LISTS:
        items, total = changes[name], changes["counts"][name]
        if not items:
            continue
        lis = "".join(f"<li><a href='#{link_target(anchor(name, item))}'>{html_text(item['text'])}</a></li>"
                      for item in items)
        more = f"<li class=muted>… and {total - len(items)} more</li>" if total > len(items) else ""
        opened = " open" if len(items) <= OPEN_UP_TO and not changes["first_build"] else ""  # a first build: all folded
        parts.append(f"<details class='change {name}'{opened}><summary>{TITLES[name]} ({total})</summary>"
                     f"<ul>{lis}{more}</ul></details>")
    return "".join(parts) + "</section>"


def _cut(changes: dict[str, Any]) -> bool:
    return any(changes["counts"][n] > len(changes[n]) for n in LISTS)
