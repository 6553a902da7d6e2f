"""timeline.md: the chronicle as Markdown a person can skim.

Written line by line from a ``source.ViewSource``, one story at a time. First what changed since the last
build (``export.changes``); then per story: the key numbers (each tracked quantity's history in one sentence), the
summary, the dated timeline (precision and date basis shown, background marked, why
sources were merged on a line below), undated events, the figure ledger, quotes by speaker, entities and coverage per
outlet. Every line links to its source sentence in report.html.

Every value that came from an article (titles, names, summaries, quotes, ids
made from file names) is escaped with ``safe.md_text`` — HTML specials as
entities, no newline, no ``|`` or ``]`` that would break a table or a link —
and every link target is percent-encoded with ``safe.link_target``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.export.changes import markdown_lines as changes_lines
from kronologi.export.files import atomic_file
from kronologi.export.safe import figure_text, link_target, md_text
from kronologi.export.source import ViewSource, as_source
from kronologi.export.stories import StoryView, TimelineLine, evidence_text, precision_label, story_views
from kronologi.export.views import Overview, date_label, overview


def render_markdown(chronicle: Chronicle | ViewSource) -> str:
    return "\n".join(markdown_lines(as_source(chronicle))) + "\n"


def markdown_lines(source: ViewSource) -> Iterator[str]:
    """timeline.md line by line: the heading and counts, what changed, each story (made and dropped one at a
    time), then the documents by date and what was removed from them (compact rows)."""
    ov = overview(source.doc_rows())
    yield from markdown_head(source, ov)
    for view in story_views(source):
        yield from story_lines(view)
    yield from markdown_tail(source, ov)


def markdown_head(source: ViewSource, ov: Overview) -> list[str]:
    """The heading, what the chronicle holds, and what changed since the last build."""
    counts = source.counts()
    return ["# Kronologi chronicle", "",
            f"{len(ov.documents)} documents ({_counts(ov.languages)}) in {counts['stories']} "
            f"{'story' if counts['stories'] == 1 else 'stories'}; {counts['events']} events, "
            f"{counts['figures']} figures, {counts['quotes']} quotes, {counts['entities']} entities; "
            f"{counts['rejected']} rejected inputs, {len(ov.duplicates)} duplicates, "
            f"{len(ov.wire)} shared passages.", "", *changes_lines(source.changes())]


def markdown_tail(source: ViewSource, ov: Overview) -> list[str]:
    """After the stories: the documents by date, wire copy, debris removed, rejected inputs."""
    out = _documents(ov)
    rejected = source.rejected()
    if rejected:
        out += ["", "## Rejected inputs", ""] + [f"- {_esc(r.source_path)}: {_esc(r.reason)}" for r in rejected]
    return out


def story_lines(view: StoryView) -> list[str]:
    """One story's section."""
    s = view.story
    span = f"{s.get('start') or '?'} – {s.get('end') or '?'}"
    out = [f"## {_esc(s.get('title') or 'Untitled story')} ({_esc(s.get('id') or 'all documents')})", "",
           f"{_esc(span)} · {len(view.documents)} articles"
           + (f" · related: {_esc(', '.join(s['related']))}" if s.get("related") else ""), ""]
    out += _key_numbers(view)
    if view.summary:
        out += ["**Summary.** " + " ".join(_esc(text) for _, text in view.summary), ""]
    if view.dated:
        out += ["### Timeline", ""] + [row for ln in view.dated for row in _line(ln)] + [""]
    if view.undated:
        out += ["### Undated events", ""] + [row for ln in view.undated for row in _line(ln)] + [""]
    out += _ledger(view) + _quotes(view) + _entities(view) + _coverage(view)
    return out


def _key_numbers(view: StoryView) -> list[str]:
    """Each tracked quantity as one sentence, linked to its latest value's sentence and article."""
    if not view.key_numbers:
        return []
    out = ["### Key numbers", ""]
    for kn in view.key_numbers:
        latest = kn.series[-1].fig if kn.series else kn.points[-1].fig
        out.append(f"- {_esc(kn.sentence)} ([sentence]({_target(latest['doc'], latest.get('sentence'))})"
                   f"{_ext(latest.get('url'))})")
    return out + [""]


def _line(ln: TimelineLine) -> list[str]:
    """The event's line, and a folded line below it saying why its sources were merged."""
    ev = ln.event
    tag = " *(background)*" if ln.background else ""
    modality = "" if ev.get("modality") in (None, "asserted") else f" *[{_esc(ev['modality'])}]*"
    basis = f" `{_esc(ev['date_basis'])}`" if ev.get("date_basis") else ""
    sources = ", ".join(_link(src) for src in ln.sources)
    extra = "".join(f"; figure {_figure(f)}" for f in ln.figures[:3])
    why = evidence_text(ev)
    return [f"- **{_esc(precision_label(ev))}**{basis} {_esc(ev.get('type', ''))}: {_esc(ev.get('summary', ''))}"
            f"{modality}{tag} — {sources}{extra}"] + ([f"  - merged: {_esc(why)}"] if why else [])


def _link(src: dict) -> str:
    label = src.get("label") or src.get("outlet") or src["doc"]
    return f"[{_esc(label)}]({_target(src['doc'], src.get('sentence'))}){_ext(src.get('url'))}"


def _ext(url: str | None) -> str:
    """A link to the original article; ``stories.article_url`` let only encoded web addresses through."""
    return f" [↗]({url})" if url else ""


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


def _documents(ov: Overview) -> list[str]:
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


def write_markdown(source: Chronicle | ViewSource, path: Path) -> Path:
    """timeline.md, written as it is made (a story at a time), into place atomically."""
    with atomic_file(path, "w", encoding="utf-8") as fh:
        for line in markdown_lines(as_source(source)):
            fh.write(line + "\n")
    return path


def _counts(counter) -> str:
    return ", ".join(f"{n} {_esc(k)}" for k, n in counter.most_common())


def _esc(text) -> str:
    return md_text(text)
