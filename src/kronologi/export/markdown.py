"""timeline.md: the chronicle as Markdown a person can skim.

Per story: the summary, the dated timeline (precision shown, background marked),
undated events, the figure ledger, quotes by speaker, entities and coverage per
outlet. Every line links to its source sentence in report.html.

Every value that came from an article (titles, names, summaries, quotes, ids
made from file names) is escaped with ``safe.md_text`` — HTML specials as
entities, no newline, no ``|`` or ``]`` that would break a table or a link —
and every link target is percent-encoded with ``safe.link_target``.
"""

from __future__ import annotations

from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.export.files import atomic_file
from kronologi.export.safe import figure_text, link_target, md_text
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
        out += ["", "## Rejected inputs", ""] + [f"- {_esc(r.source_path)}: {_esc(r.reason)}" for r in chronicle.rejected]
    return "\n".join(out) + "\n"


def _story(view: StoryView) -> list[str]:
    s = view.story
    span = f"{s.get('start') or '?'} – {s.get('end') or '?'}"
    out = [f"## {_esc(s.get('title') or 'Untitled story')} ({_esc(s.get('id') or 'all documents')})", "",
           f"{_esc(span)} · {len(view.documents)} articles"
           + (f" · related: {_esc(', '.join(s['related']))}" if s.get("related") else ""), ""]
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
    modality = "" if ev.get("modality") in (None, "asserted") else f" *[{_esc(ev['modality'])}]*"
    sources = ", ".join(_link(src) for src in ln.sources)
    extra = "".join(f"; figure {_figure(f)}" for f in ln.figures[:3])
    return (f"- **{_esc(precision_label(ev))}** {_esc(ev.get('type', ''))}: {_esc(ev.get('summary', ''))}"
            f"{modality}{tag} — {sources}{extra}")


def _link(src: dict) -> str:
    label = src.get("label") or src.get("outlet") or src["doc"]
    return f"[{_esc(label)}]({_target(src['doc'], src.get('sentence'))})"


def _target(doc_id: str, sentence: int | None = None) -> str:
    """The link to a document or one of its sentences in report.html, percent-encoded."""
    return "report.html#" + link_target(f"{doc_id}-s{sentence}" if sentence is not None else doc_id)


def _figure(fig: dict) -> str:
    text = figure_text(fig)
    if fig.get("qualifier") not in (None, "exact"):
        text = f"{str(fig['qualifier']).replace('_', ' ')} {text}"
    return _esc(f"{text} {fig.get('category', '')}")


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
            value = f"[{_esc(figure_text(fig))}]({_target(fig['doc'], fig.get('sentence'))})"
            out.append(f"| {_esc(quantity)} | {value} | {_esc(fig.get('qualifier') or '')} "
                       f"| {_esc(fig.get('claimant') or '')} | {_esc(fig.get('via') or '')} "
                       f"| {_esc(fig.get('outlet') or '')} | {_esc(fig.get('as_of') or '')} "
                       f"| {_esc(fig.get('status') or '')} | {_esc(mark)} |")
    return out + [""]


def _quotes(view: StoryView) -> list[str]:
    if not view.quotes:
        return []
    out = ["### Quotes by speaker", ""]
    for speaker, quotes in view.quotes.items():
        out.append(f"- **{_esc(speaker)}**")
        out += [f"  - “{_esc(q['text'])}” ([{_esc(q['doc'])}]({_target(q['doc'])}))" for q in quotes[:8]]
    return out + [""]


def _entities(view: StoryView) -> list[str]:
    if not view.entities:
        return []
    return ["### Entities", ""] + [f"- {_esc(e['name'])} ({_esc(e['type'])}, {e['count']} mentions)"
                                   for e in view.entities[:25]] + [""]


def _coverage(view: StoryView) -> list[str]:
    out = ["### Coverage per outlet", ""]
    for outlet, days in view.coverage.items():
        out.append(f"- {_esc(outlet)}: " + ", ".join(f"{_esc(day)} ×{n}" for day, n in sorted(days.items())))
    return out + [""]


def _documents(ov) -> list[str]:
    out = ["## Documents by date", "", "| date | title | outlet | lang | credits | story | duplicate of |",
           "|---|---|---|---|---|---|---|"]
    for d in ov.documents:
        out.append(f"| {_esc(date_label(d))} | [{_esc(d.title or d.id)}]({_target(d.id)}) | {_esc(d.outlet or '')} "
                   f"| {_esc(d.language or '')} | {_esc(', '.join(d.credits))} | {_esc(d.story or '')} "
                   f"| {_esc(d.duplicate_of or '')} |")
    if ov.wire:
        out += ["", "## Shared passages (wire copy)", ""]
        out += [f"- {_esc(d.id)} shares {n} sentence(s) with {_esc(other)}" for d, other, n in ov.wire]
    out += ["", "## Debris removed", ""] + [f"- {_esc(reason)}: {n}" for reason, n in ov.removed.most_common()]
    return out


def write_markdown(chronicle: Chronicle, path: Path) -> Path:
    with atomic_file(path, "w", encoding="utf-8") as fh:
        fh.write(render_markdown(chronicle))
    return path


def _counts(counter) -> str:
    return ", ".join(f"{n} {_esc(k)}" for k, n in counter.most_common())


def _esc(text) -> str:
    return md_text(text)
