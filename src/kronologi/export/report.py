"""report.html: one self-contained page (styles inline, no scripts, no network).

Per story: summary, a visual timeline (inline SVG), the dated and undated events,
the figure ledger with conflicts highlighted, quotes by speaker, entities and
coverage per outlet; then every document's cleaned text with one anchor per
sentence, so every line above links to the sentence it came from. All article
text is escaped (``safe.html_text``: NUL and bidirectional controls taken out,
then HTML-escaped): an article containing ``<script>`` shows it, never runs it.
Links to anchors are percent-encoded (``safe.link_target``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.document import Document
from kronologi.export.files import atomic_file
from kronologi.export.safe import figure_text, link_target
from kronologi.export.safe import html_text as escape
from kronologi.export.stories import StoryView, TimelineLine, precision_label, story_views
from kronologi.export.views import date_label, overview

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{line-height:1.2}h2{margin-top:2.5rem;border-bottom:2px solid #333}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}.muted{color:#777}details{margin:.4rem 0}
summary{cursor:pointer;font-weight:600}.text p{margin:.4rem 0}mark{background:#fff1a8}.removed li{color:#a33}
.tl li{margin:.3rem 0}.date{font-weight:700;font-variant-numeric:tabular-nums}.bg{color:#777}
.modality{font-size:.8em;background:#eef;padding:0 .3rem;border-radius:3px}
tr.contradiction td{background:#fde2e2}tr.retraction td{background:#fff0d6}tr.update td{background:#e6f3ff}
tr.agreement td{background:#e8f7e8}.status-retracted{text-decoration:line-through}
svg .axis{stroke:#999}svg .ev{fill:#1f6feb}svg .ev.bg{fill:#aaa}svg text{font:11px system-ui,sans-serif;fill:#555}
:target{background:#ffe58a}
"""


def render_report(chronicle: Chronicle) -> str:
    ov = overview(chronicle)
    body = [f"<h1>Kronologi chronicle</h1><p class=muted>generated {escape(chronicle.generated_at)} · "
            f"{len(ov.documents)} documents · {len(chronicle.stories)} stories · {len(chronicle.events)} events · "
            f"{len(chronicle.figures)} figures · {len(chronicle.quotes)} quotes · "
            f"{len(chronicle.rejected)} rejected inputs</p>"]
    body += [_story(view) for view in story_views(chronicle)]
    body.append(_documents_table(ov.documents))
    body.append("<h2>Texts</h2>" + "".join(_document(d) for d in ov.documents))
    if chronicle.rejected:
        items = "".join(f"<li><code>{escape(r.source_path)}</code>: {escape(r.reason)}</li>" for r in chronicle.rejected)
        body.append(f"<h2>Rejected inputs</h2><ul>{items}</ul>")
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Kronologi chronicle</title>"
            f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n")


def _story(view: StoryView) -> str:
    s = view.story
    head = (f"<h2 id='story-{escape(str(s.get('id')))}'>{escape(s.get('title') or 'Untitled story')}</h2>"
            f"<p class=muted>{escape(str(s.get('start') or '?'))} – {escape(str(s.get('end') or '?'))} · "
            f"{len(view.documents)} articles</p>")
    parts = [head]
    if view.summary:
        parts.append("<p><b>Summary.</b> " + " ".join(
            f"<a href='#{_href(d.id)}'>{escape(t)}</a>" for d, t in view.summary) + "</p>")
    if view.dated:
        parts.append(_svg_timeline(view.dated) + "<h3>Timeline</h3><ul class=tl>"
                     + "".join(_line(ln) for ln in view.dated) + "</ul>")
    if view.undated:
        parts.append("<h3>Undated events</h3><ul class=tl>" + "".join(_line(ln) for ln in view.undated) + "</ul>")
    parts += [_ledger(view), _quotes(view), _entities(view), _coverage(view)]
    return "".join(parts)


def _line(ln: TimelineLine) -> str:
    ev = ln.event
    modality = "" if ev.get("modality") in (None, "asserted") else f" <span class=modality>{escape(ev['modality'])}</span>"
    sources = ", ".join(f"<a href='#{_href(s['doc'], s.get('sentence'))}'>{escape(s.get('label') or s['doc'])}</a>"
                        for s in ln.sources)
    cls = " class=bg" if ln.background else ""
    bg = " <span class=muted>(background)</span>" if ln.background else ""
    return (f"<li{cls} id='{escape(str(ev.get('id')))}'><span class=date>{escape(precision_label(ev))}</span> "
            f"<b>{escape(ev.get('type', ''))}</b>: {escape(ev.get('summary', ''))}{modality}{bg} — {sources}</li>")


def _svg_timeline(lines: list[TimelineLine]) -> str:
    """Events as dots on a date axis; each dot links to the event."""
    days = [(_day(ln.date), ln) for ln in lines if _day(ln.date)]
    if not days:
        return ""
    lo, hi = min(d for d, _ in days), max(d for d, _ in days)
    span, width = max(1, (hi - lo).days), 900
    dots, stack = [], {}
    for day, ln in days:
        x = 20 + (day - lo).days / span * (width - 40)
        level = stack.get(day, 0)
        stack[day] = level + 1
        cls = "ev bg" if ln.background else "ev"
        dots.append(f"<a href='#{_href(str(ln.event.get('id')))}'><circle class='{cls}' cx='{x:.1f}' "
                    f"cy='{60 - level * 9}' r='4'><title>{escape(precision_label(ln.event))}: "
                    f"{escape(ln.event.get('summary', ''))}</title></circle></a>")
    labels = (f"<text x='20' y='85'>{lo.isoformat()}</text>"
              f"<text x='{width - 20}' y='85' text-anchor='end'>{hi.isoformat()}</text>")
    return (f"<svg role='img' aria-label='timeline' viewBox='0 0 {width} 95' width='100%' height='95'>"
            f"<line class='axis' x1='20' y1='68' x2='{width - 20}' y2='68'/>{''.join(dots)}{labels}</svg>")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _ledger(view: StoryView) -> str:
    if not view.ledger:
        return ""
    rows = []
    for lv in view.ledger:
        for fig in lv.figures:
            relation = fig.get("relation") or lv.row.get("relation", "")
            rows.append(
                f"<tr class='{escape(relation)}'><td>{escape(str(lv.row.get('category')))}"
                f"{' (' + escape(lv.row['subject']) + ')' if lv.row.get('subject') else ''}</td>"
                f"<td class='status-{escape(str(fig.get('status')))}'><a href='#{_href(fig['doc'], fig.get('sentence'))}'>"
                f"{escape(_value(fig))}</a></td><td>{escape(str(fig.get('qualifier') or ''))}</td>"
                f"<td>{escape(str(fig.get('claimant') or ''))}</td><td>{escape(str(fig.get('via') or ''))}</td>"
                f"<td>{escape(str(fig.get('outlet') or ''))}</td><td>{escape(str(fig.get('as_of') or ''))}</td>"
                f"<td>{escape(str(fig.get('status') or ''))}</td><td>{escape(relation)}</td></tr>")
    return ("<h3>Figure ledger</h3><table><tr><th>quantity</th><th>value</th><th>qualifier</th><th>claimant</th>"
            "<th>via</th><th>outlet</th><th>as of</th><th>status</th><th>relation</th></tr>" + "".join(rows) + "</table>")


def _value(fig: dict) -> str:
    return figure_text(fig)


def _quotes(view: StoryView) -> str:
    if not view.quotes:
        return ""
    items = []
    for speaker, quotes in view.quotes.items():
        lis = "".join(f"<li>“{escape(q['text'])}” <a href='#{_href(q['doc'])}'>{escape(q['doc'])}</a></li>"
                      for q in quotes[:8])
        items.append(f"<li><b>{escape(speaker)}</b><ul>{lis}</ul></li>")
    return "<h3>Quotes by speaker</h3><ul>" + "".join(items) + "</ul>"


def _entities(view: StoryView) -> str:
    if not view.entities:
        return ""
    rows = "".join(f"<tr><td>{escape(e['name'])}</td><td>{escape(e['type'])}</td><td>{e['count']}</td>"
                   f"<td>{escape(', '.join(a for a in e.get('aliases', []) if a != e['name']))}</td></tr>"
                   for e in view.entities[:40])
    return f"<h3>Entities</h3><table><tr><th>name</th><th>type</th><th>mentions</th><th>also written</th></tr>{rows}</table>"


def _coverage(view: StoryView) -> str:
    days = sorted({day for counts in view.coverage.values() for day in counts})
    head = "".join(f"<th>{escape(day)}</th>" for day in days)
    rows = "".join(f"<tr><td>{escape(outlet)}</td>" + "".join(f"<td>{counts.get(day, '')}</td>" for day in days) + "</tr>"
                   for outlet, counts in view.coverage.items())
    return f"<h3>Coverage per outlet</h3><table><tr><th>outlet</th>{head}</tr>{rows}</table>"


def _documents_table(docs: list[Document]) -> str:
    rows = "".join(
        f"<tr><td>{escape(date_label(d))}</td><td><a href='#{_href(d.id)}'>{escape(d.title or d.id)}</a></td>"
        f"<td>{escape(d.outlet or '')}</td><td>{escape(d.language or '')}</td><td>{escape(', '.join(d.credits))}</td>"
        f"<td>{escape(d.story or '')}</td><td>{escape(d.duplicate_of or '')}</td></tr>" for d in docs)
    return ("<h2>Documents</h2><table><tr><th>date</th><th>title</th><th>outlet</th><th>lang</th>"
            f"<th>credits</th><th>story</th><th>duplicate of</th></tr>{rows}</table>")


def _document(doc: Document) -> str:
    removed = "".join(f"<li><code>{escape(r.reason)}</code> {escape(r.text)}</li>" for r in doc.removed)
    return (f"<details id='{escape(doc.id)}'><summary>{escape(doc.title or doc.id)}</summary>"
            f"<p class=muted>{escape(doc.id)} · {escape(doc.source_path)} · {escape(date_label(doc))}</p>"
            f"<div class=text>{_sentences(doc)}</div><ul class=removed>{removed}</ul></details>")


def _anchor(doc_id: str, sentence: int | None) -> str:
    return escape(f"{doc_id}-s{sentence}" if sentence is not None else doc_id)


def _href(doc_id: str, sentence: int | None = None) -> str:
    """The fragment that finds ``_anchor``'s id (browsers percent-decode it before they look)."""
    return link_target(f"{doc_id}-s{sentence}" if sentence is not None else doc_id)


def _sentences(doc: Document) -> str:
    """The text with one anchor per sentence; passages shared with other articles marked."""
    shared = [(p.start, p.end) for p in doc.shared_passages]
    paragraphs, current, pos = [], [], 0
    for i, sent in enumerate(doc.sentences):
        gap = doc.text[pos:sent.start]
        if "\n" in gap and current:
            paragraphs.append("".join(current))
            current = []
        text = escape(doc.text[sent.start:sent.end])
        if any(s <= sent.start and sent.end <= e for s, e in shared):
            text = f"<mark>{text}</mark>"
        current.append(f"<span id='{_anchor(doc.id, i)}'>{text}</span> ")
        pos = sent.end
    if current:
        paragraphs.append("".join(current))
    return "".join(f"<p>{p}</p>" for p in paragraphs) or f"<p>{escape(doc.text)}</p>"


def write_report(chronicle: Chronicle, path: Path) -> Path:
    with atomic_file(path, "w", encoding="utf-8") as fh:
        fh.write(render_report(chronicle))
    return path
