"""timeline.md: a Markdown summary of the chronicle a person can skim."""

from __future__ import annotations

from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.export.views import date_label, overview


def render_markdown(chronicle: Chronicle) -> str:
    ov = overview(chronicle)
    out = ["# Kronologi chronicle", "",
           f"{len(ov.documents)} documents ({_counts(ov.languages)}), {len(chronicle.rejected)} rejected inputs; "
           f"{len(ov.duplicates)} duplicates, {len(ov.wire)} shared passages.", "",
           "## Documents by date", "", "| date | title | outlet | lang | credits | duplicate of |", "|---|---|---|---|---|---|"]
    for d in ov.documents:
        out.append(f"| {date_label(d)} | {_esc(d.title or d.id)} | {_esc(d.outlet or '')} | {d.language or ''} "
                   f"| {_esc(', '.join(d.credits))} | {d.duplicate_of or ''} |")
    if ov.wire:
        out += ["", "## Shared passages (wire copy)", ""]
        out += [f"- `{d.id}` shares {n} sentence(s) with `{other}`" for d, other, n in ov.wire]
    out += ["", "## Debris removed", ""] + [f"- {reason}: {n}" for reason, n in ov.removed.most_common()]
    if chronicle.rejected:
        out += ["", "## Rejected inputs", ""] + [f"- `{r.source_path}`: {r.reason}" for r in chronicle.rejected]
    return "\n".join(out) + "\n"


def write_markdown(chronicle: Chronicle, path: Path) -> Path:
    path.write_text(render_markdown(chronicle), encoding="utf-8")
    return path


def _counts(counter) -> str:
    return ", ".join(f"{n} {k}" for k, n in counter.most_common())


def _esc(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
