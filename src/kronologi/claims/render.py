"""The ledger as Markdown: one table per story, one row per figure, grouped by quantity.

Columns: quantity, value, qualifier, claimant, via, outlet, as_of, status, relation;
each quantity's first row carries the group's relation and note.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kronologi.claims.ledger import shown

COLUMNS = ("quantity", "value", "qualifier", "claimant", "via", "outlet", "as_of", "status", "relation")


def ledger_markdown(ledger: list[dict[str, Any]], figures: list[dict[str, Any]],
                    outlets: dict[str, str | None] | None = None, heading_level: int = 3) -> str:
    """Markdown tables of the ledger; ``outlets`` maps document ids to outlets (figures may carry theirs)."""
    by_id = {f["id"]: f for f in figures}
    stories: dict[str | None, list[dict]] = defaultdict(list)
    for row in ledger:
        stories[row.get("story")].append(row)
    parts = []
    for story in sorted(stories, key=lambda s: s or ""):
        parts.append(f"{'#' * heading_level} Figures — {story or 'all documents'}\n")
        parts.append(_table(stories[story], by_id, outlets or {}))
    return "\n".join(parts)


def _table(rows: list[dict], by_id: dict, outlets: dict) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        quantity = row["category"] + (f" — {row['subject']}" if row.get("subject") else "")
        if row.get("past_event"):
            quantity += " (past event)"
        for k, fig_id in enumerate(row["figures"]):
            fig = by_id.get(fig_id)
            if fig is None:
                continue
            cells = (quantity if k == 0 else "", shown(fig), fig.get("qualifier"), fig.get("claimant"),
                     fig.get("via"), fig.get("outlet") or outlets.get(fig["doc"]), fig.get("as_of"), fig.get("status"),
                     fig.get("relation") or row["relation"])
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        if row.get("note"):
            lines.append(f"| | *{row['relation']}: {_cell(row['note'])}* |" + " |" * (len(COLUMNS) - 2))
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return str(value).replace("|", "\\|").replace("\n", " ")
