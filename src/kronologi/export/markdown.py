"""timeline.md: the chronicle as Markdown a person can skim.

Per story: the summary, the dated timeline (precision shown, background marked),
undated events, the figure ledger, quotes by speaker, entities and coverage per
outlet. Every line links to its source sentence in report.html.
"""

from __future__ import annotations

from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.export.stories import StoryView, TimelineLine, precision_label, story_views
from kronologi.export.views import date_label, overview


def render_markdown(chronicle: Chronicle) -> str:
    ov = overview(chronicle)
    out = ["# Kronologi chronicle", "",
           f"{len(ov.documents)} documents ({_counts(ov.languages)}) in {len(chronicle.stories)} "
           f"{'story' if len(chronicle.stories) == 1 else 'stories'}; {len(chronicle.events)} events, "
           f"{len(chronicle.figures)} figures, {len(chronicle.quotes)} quotes, {len(chronicle.entities)} entities; "
           f"{len(chronicle.rejected)} rejected inputs, {len(ov.duplicates)} duplicates, "
           f"{len(ov.wire)} shared passages.", ""]
    for view in story_views(chronicle):
        out += _story(view)
    out += _documents(ov)
    if chronicle.rejected:
        out += ["", "## Rejected inputs", ""] + [f"- `{r.source_path}`: {r.reason}" for r in chronicle.rejected]
    return "\n".join(out) + "\n"


def _story(view: StoryView) -> list[str]:
    s = view.story
    span = f"{s.get('start') or '?'} – {s.get('end') or '?'}"
    out = [f"## {_esc(s.get('title') or 'Untitled story')} ({s.get('id') or 'all documents'})", "",
           f"{span} · {len(view.documents)} articles"
           + (f" · related: {', '.join(s['related'])}" if s.get("related") else ""), ""]
    if view.summary:
        out += ["**Summary.** " + " ".join(_esc(text) for _, text in view.summary), ""]
    if view.dated:
        out += ["### Timeline", ""] + [_line(ln) for ln in view.dated] + [""]
    if view.undated:
        out += ["### Undated events", ""] + [_line(ln) for ln in view.undated] + [""]
    out += _ledger(view) + _quotes(view) + _entities(view) + _coverage(view)
    return out


def _line(ln: TimelineLine) -> str:
    ev = ln.event
    tag = " *(background)*" if ln.background else ""
    modality = "" if ev.get("modality") in (None, "asserted") else f" *[{ev['modality']}]*"
    sources = ", ".join(_link(src) for src in ln.sources)
    extra = "".join(f"; figure {_figure(f)}" for f in ln.figures[:3])
    return f"- **{precision_label(ev)}** {ev.get('type', '')}: {_esc(ev.get('summary', ''))}{modality}{tag} — {sources}{extra}"


def _link(src: dict) -> str:
    label = src.get("label") or src.get("outlet") or src["doc"]
    return f"[{_esc(label)}](report.html#{_anchor(src['doc'], src.get('sentence'))})"


def _anchor(doc_id: str, sentence: int | None) -> str:
    return f"{doc_id}-s{sentence}" if sentence is not None else doc_id


def _figure(fig: dict) -> str:
    value = fig.get("value")
    text = f"{value:g}" if isinstance(value, (int, float)) else str(value)
    if fig.get("qualifier") not in (None, "exact"):
        text = f"{fig['qualifier'].replace('_', ' ')} {text}"
    return f"{text} {fig.get('category', '')}"


def _ledger(view: StoryView) -> list[str]:
    if not view.ledger:
        return []
    out = ["### Figure ledger", "", "| quantity | value | qualifier | claimant | via | outlet | as of | status | relation |",
           "|---|---|---|---|---|---|---|---|---|"]
    for lv in view.ledger:
        quantity = f"{lv.row.get('category')}" + (f" ({lv.row['subject']})" if lv.row.get("subject") else "")
        for fig in lv.figures:
            relation = fig.get("relation") or lv.row.get("relation", "")
            mark = f"**{relation}**" if relation in ("contradiction", "retraction") else relation
            value = f"[{fig.get('value'):g}](report.html#{_anchor(fig['doc'], fig.get('sentence'))})" \
                if isinstance(fig.get("value"), (int, float)) else str(fig.get("value"))
            out.append(f"| {_esc(quantity)} | {value} | {fig.get('qualifier') or ''} | {_esc(str(fig.get('claimant') or ''))} "
                       f"| {_esc(fig.get('via') or '')} | {_esc(fig.get('outlet') or '')} | {fig.get('as_of') or ''} "
                       f"| {fig.get('status') or ''} | {mark} |")
    return out + [""]


def _quotes(view: StoryView) -> list[str]:
    if not view.quotes:
        return []
    out = ["### Quotes by speaker", ""]
    for speaker, quotes in view.quotes.items():
        out.append(f"- **{_esc(speaker)}**")
        out += [f"  - “{_esc(q['text'])}” ([{q['doc']}](report.html#{q['doc']}))" for q in quotes[:8]]
    return out + [""]


def _entities(view: StoryView) -> list[str]:
    if not view.entities:
        return []
    return ["### Entities", ""] + [f"- {_esc(e['name'])} ({e['type']}, {e['count']} mentions)"
                                   for e in view.entities[:25]] + [""]


def _coverage(view: StoryView) -> list[str]:
    out = ["### Coverage per outlet", ""]
    for outlet, days in view.coverage.items():
        out.append(f"- {_esc(outlet)}: " + ", ".join(f"{day} ×{n}" for day, n in sorted(days.items())))
    return out + [""]


def _documents(ov) -> list[str]:
    out = ["## Documents by date", "", "| date | title | outlet | lang | credits | story | duplicate of |",
           "|---|---|---|---|---|---|---|"]
    for d in ov.documents:
        out.append(f"| {date_label(d)} | [{_esc(d.title or d.id)}](report.html#{d.id}) | {_esc(d.outlet or '')} "
                   f"| {d.language or ''} | {_esc(', '.join(d.credits))} | {d.story or ''} | {d.duplicate_of or ''} |")
    if ov.wire:
        out += ["", "## Shared passages (wire copy)", ""]
        out += [f"- `{d.id}` shares {n} sentence(s) with `{other}`" for d, other, n in ov.wire]
    out += ["", "## Debris removed", ""] + [f"- {reason}: {n}" for reason, n in ov.removed.most_common()]
    return out


def write_markdown(chronicle: Chronicle, path: Path) -> Path:
    path.write_text(render_markdown(chronicle), encoding="utf-8")
    return path


def _counts(counter) -> str:
    return ", ".join(f"{n} {k}" for k, n in counter.most_common())


def _esc(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
