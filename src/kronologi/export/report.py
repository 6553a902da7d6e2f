"""report.html: one self-contained page (styles inline, no scripts, no network).

What changed since the last build (``export.changes``, lists folded when long), a table
of contents and a legend; then per story, answers first: its key numbers (each
tracked quantity as a chart of value against as-of and one sentence), the summary, a
visual timeline (inline SVG), the dated events, the undated events folded,
the figure ledger with conflicts highlighted, quotes by speaker, entities and
coverage per outlet; then every document's cleaned text with one anchor per
sentence, so every line above links to the sentence it came from. All article
text is escaped (``safe.html_text``: NUL and bidirectional controls taken out,
then HTML-escaped): an article containing ``<script>`` shows it, never runs it.
Links to anchors are percent-encoded (``safe.link_target``).

Written from a ``source.ViewSource`` as it is made: one story's view at a time, the texts a batch of
documents at a time, so the page's size never sits in memory. A corpus too large for one page gets an index
and a page per story instead (``storypages``, made of this module's parts).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import IO

from kronologi.chronicle import Chronicle
from kronologi.document import Document
from kronologi.export.changes import html_of as changes_section
from kronologi.export.charts import claimant_legend, quantity_chart
from kronologi.export.files import atomic_file
from kronologi.export.keynumbers import KeyNumber, quantity_label, withdrawn_figure
from kronologi.export.safe import figure_text, link_target
from kronologi.export.safe import html_text as escape
from kronologi.export.source import DocRow, ViewSource, as_source, batched
from kronologi.export.stories import StoryView, TimelineLine, article_url, evidence_text, precision_label, story_views
from kronologi.export.views import Overview, date_label, overview

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;
overflow-wrap:anywhere}.scroll{overflow-x:auto;max-width:100%}
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
.keys{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:.8rem;padding:0;margin:0}
.key{list-style:none;border:1px solid #ddd;border-radius:6px;padding:.5rem .7rem}.key p{margin:0 0 .3rem}
svg.chart{width:100%;max-width:30rem;height:auto;display:block}svg .claimant{fill:none;stroke-width:1.6;opacity:.7}
svg .pt.retracted{stroke-width:2}.struck{text-decoration:line-through;color:#a33}
.claimants{list-style:none;padding:0;margin:.2rem 0;font-size:.85em;display:flex;flex-wrap:wrap;gap:.2rem .8rem}
.sw{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.3em}
.basis{font-size:.75em;border:1px solid #bbb;border-radius:3px;padding:0 .25rem;color:#555}
.ext{text-decoration:none}.toc ul{margin:.2rem 0}.legend dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem}
.legend dd{margin:0}.swatch{display:inline-block;width:2.5em}
.contradiction{background:#fde2e2}.retraction{background:#fff0d6}.update{background:#e6f3ff}
.agreement{background:#e8f7e8}
.changes{border:1px solid #ddd;border-radius:6px;padding:.2rem 1rem .6rem;background:#fafcff}
.changes h2{margin-top:.6rem;border:0}.changes ul{margin:.2rem 0}
@media (max-width:40rem){body{margin:1rem auto;font-size:16px}td,th{padding:.2rem .3rem}}
"""


TEXTS_BATCH = 100  # documents read at a time for the texts at the end of the page (a batch of 500: ~15 MB)


def render_report(chronicle: Chronicle | ViewSource) -> str:
    out = io.StringIO()
    _write(out, as_source(chronicle), None)
    return out.getvalue()


def write_report(source: Chronicle | ViewSource, path: Path) -> Path:
    """report.html, written as it is made (``ReportWriter``), into place atomically."""
    with atomic_file(path, "w", encoding="utf-8") as fh:
        _write(fh, as_source(source), path.parent)
    return path


def _write(fh: IO[str], source: ViewSource, spool_dir: Path | None) -> None:
    with ReportWriter(fh, source, overview(source.doc_rows()), spool_dir) as report:
        for view in story_views(source):
            report.story(view)
        report.finish()


def head(title: str) -> str:
    """A page's head (styles inline, the phone viewport) and the opening of its body."""
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width, initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{_CSS}</style></head><body>")


def counts_line(source: ViewSource, ov: Overview, counts: dict[str, int]) -> str:
    """What the chronicle holds, under the page's heading."""
    return (f"<p class=muted>generated {escape(source.generated_at)} · "
            f"{len(ov.documents)} documents · {counts['stories']} stories · {counts['events']} events · "
            f"{counts['figures']} figures · {counts['quotes']} quotes · "
            f"{counts['rejected']} rejected inputs</p>")


class ReportWriter:
    """report.html written as it is made: the heading and counts, then ``story(view)`` for each story (each
    made and dropped in turn), then ``finish()``: what changed, the contents, the legend, the stories, the
    documents table, every document's text (read a batch at a time) and the rejected inputs. The story sections
    wait in a temporary file (in ``spool_dir``) while the table of contents that comes before them is gathered."""

    def __init__(self, fh: IO[str], source: ViewSource, ov: Overview, spool_dir: Path | None):
        self.fh, self.source, self.ov, self.counts = fh, source, ov, source.counts()
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", dir=spool_dir)
        self.contents: list[str] = []
        fh.write(head("Kronologi chronicle") + "<h1>Kronologi chronicle</h1>" + counts_line(source, ov, self.counts))

    def __enter__(self) -> ReportWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.spool.close()

    def story(self, view: StoryView) -> None:
        self.contents.append(_contents_item(view))
        self.spool.write(story_section(view))

    def finish(self) -> None:
        fh, source = self.fh, self.source
        fh.write(changes_section(source.changes()) + _contents(self.contents, bool(self.counts["rejected"])) + LEGEND)
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, fh)
        fh.write(documents_table(self.ov.documents))
        fh.write("<h2 id=texts>Texts</h2>")
        for batch in batched(self.ov.documents, TEXTS_BATCH):
            fh.write("".join(document_text(d) for d in source.documents([row.id for row in batch])))
        rejected = source.rejected()
        if rejected:
            items = "".join(f"<li><code>{escape(r.source_path)}</code>: {escape(r.reason)}</li>" for r in rejected)
            fh.write(f"<h2 id=rejected>Rejected inputs</h2><ul>{items}</ul>")
        fh.write("</body></html>\n")


LEGEND = (
    "<details class=legend><summary>Legend</summary><dl>"
    "<dt>● ○</dt><dd>a figure as its claimant gave it (a colour per claimant, a line joins one claimant's values); "
    "hollow: a retracted value</dd>"
    "<dt><span class=struck>174</span></dt><dd>a retracted value</dd>"
    "<dt><span class='swatch agreement'>&nbsp;</span></dt><dd>agreement: the same value from another source</dd>"
    "<dt><span class='swatch update'>&nbsp;</span></dt><dd>update: a later value replaces an earlier one</dd>"
    "<dt><span class='swatch contradiction'>&nbsp;</span></dt><dd>contradiction: claimants give different values "
    "for the same day</dd>"
    "<dt><span class='swatch retraction'>&nbsp;</span></dt><dd>retraction: a value withdrawn</dd>"
    "<dt><span class=basis>clause</span> <span class=basis>narrative</span> <span class=basis>publication</span></dt>"
    "<dd>where an event's date comes from: its own sentence, the story told around it, or the article's "
    "publication date</dd>"
    "<dt><span class=bg>grey</span></dt><dd>background: an earlier happening recalled</dd>"
    "<dt>↗</dt><dd>the original article on its site</dd></dl></details>")


def _contents_item(view: StoryView) -> str:
    """A story's entry in the table of contents: its title and links to the parts it has."""
    sid = _story_id(view)
    parts = [(f"{sid}-keys", "key numbers", view.key_numbers), (f"{sid}-timeline", "timeline", view.dated),
             (f"{sid}-undated", "undated events", view.undated), (f"{sid}-ledger", "figure ledger", view.ledger)]
    links = " · ".join(f"<a href='#{link_target(a)}'>{t}</a>" for a, t, present in parts if present)
    return (f"<li><a href='#{link_target(sid)}'>{escape(view.story.get('title') or 'Untitled story')}</a>"
            f"<br><small>{links}</small></li>")


def _contents(items: list[str], rejected: bool) -> str:
    items = items + ["<li><a href='#documents'>Documents</a> · <a href='#texts'>Texts</a>"
                     + (" · <a href='#rejected'>Rejected inputs</a>" if rejected else "") + "</li>"]
    return f"<nav class=toc><h2>Contents</h2><ul>{''.join(items)}</ul></nav>"


def _story_id(view: StoryView) -> str:
    return f"story-{view.story.get('id')}"


def story_section(view: StoryView) -> str:
    """A story's section, its links inside one page (``storypages`` points those that leave a story's page)."""
    s, sid = view.story, _story_id(view)
    top = (f"<h2 id='{escape(sid)}'>{escape(s.get('title') or 'Untitled story')}</h2>"
            f"<p class=muted>{escape(str(s.get('start') or '?'))} – {escape(str(s.get('end') or '?'))} · "
            f"{len(view.documents)} articles</p>")
    parts = [top, _key_numbers(view, sid)]
    if view.summary:
        parts.append("<p><b>Summary.</b> " + " ".join(
            f"<a href='#{_href(d.id)}'>{escape(t)}</a>" for d, t in view.summary) + "</p>")
    if view.dated:
        parts.append(f"<h3 id='{escape(sid)}-timeline'>Timeline</h3>" + _svg_timeline(view.dated)
                     + "<ul class=tl>" + "".join(_line(ln) for ln in view.dated) + "</ul>")
    if view.undated:
        parts.append(f"<details id='{escape(sid)}-undated'><summary>Undated events ({len(view.undated)})</summary>"
                     "<ul class=tl>" + "".join(_line(ln) for ln in view.undated) + "</ul></details>")
    parts += [_ledger(view, sid), _quotes(view), _entities(view), _coverage(view)]
    return "".join(parts)


def _key_numbers(view: StoryView, sid: str) -> str:
    if not view.key_numbers:
        return ""
    tracked = [kn for kn in view.key_numbers if len(kn.points) > 1]
    once = [kn for kn in view.key_numbers if len(kn.points) <= 1]
    cards = "".join(_key_number(kn) for kn in tracked)
    lines = "".join(f"<li>{_key_sentence(kn)}</li>" for kn in once)
    rest = (f"<details class=once><summary>Reported once ({len(once)})</summary><ul>{lines}</ul></details>"
            if once else "")
    return (f"<section id='{escape(sid)}-keys'><h3>Key numbers</h3>"
            + (f"<ul class=keys>{cards}</ul>" if cards else "") + rest + "</section>")


def _key_sentence(kn: KeyNumber) -> str:
    latest = kn.series[-1].fig if kn.series else kn.points[-1].fig
    gone = "".join(f"; <span class=struck>{escape(value)}</span> {escape(rest)}" for value, rest in kn.withdrawals)
    return f"{escape(kn.head)}{gone} <a href='#{_fig_href(latest)}'>sentence</a>" + _ext(latest.get("url"))


def _key_number(kn: KeyNumber) -> str:
    """A quantity reported more than once: its sentence, and its chart of value against as-of."""
    return (f"<li class='key {escape(str(kn.row.get('relation') or ''))}-row'><p>{_key_sentence(kn)}</p>"
            f"{quantity_chart(kn, lambda fig: '#' + _fig_href(fig))}{claimant_legend(kn)}</li>")


def _fig_href(fig: dict) -> str:
    return _href(fig["doc"], fig.get("sentence"))


def _ext(url: str | None) -> str:
    """A link to the original article (``stories.article_url`` let only web addresses through)."""
    return f" <a class=ext href='{escape(url)}' title='original article'>↗</a>" if url else ""


def _line(ln: TimelineLine) -> str:
    ev = ln.event
    modality = "" if ev.get("modality") in (None, "asserted") else f" <span class=modality>{escape(ev['modality'])}</span>"
    sources = ", ".join(f"<a href='#{_href(s['doc'], s.get('sentence'))}'>{escape(s.get('label') or s['doc'])}</a>"
                        + _ext(s.get("url")) for s in ln.sources)
    cls = " class=bg" if ln.background else ""
    bg = " <span class=muted>(background)</span>" if ln.background else ""
    return (f"<li{cls} id='{escape(str(ev.get('id')))}'><span class=date>{escape(precision_label(ev))}</span>"
            f"{_basis(ev)} <b>{escape(ev.get('type', ''))}</b>: {escape(ev.get('summary', ''))}{modality}{bg} — "
            f"<span{_evidence_title(ev)}>{sources}</span></li>")


def _basis(ev: dict) -> str:
    basis = ev.get("date_basis")
    return f" <span class=basis title='date from the {escape(basis)}'>{escape(basis)}</span>" if basis else ""


def _evidence_title(ev: dict) -> str:
    text = evidence_text(ev)
    return f" title='why these sources are one event: {escape(text)}'" if text else ""


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


def _ledger(view: StoryView, sid: str) -> str:
    if not view.ledger:
        return ""
    rows = "".join(_ledger_row(lv.row, fig) for lv in view.ledger for fig in lv.figures)
    return (f"<h3 id='{escape(sid)}-ledger'>Figure ledger</h3><div class=scroll><table><tr><th>quantity</th>"
            "<th>value</th><th>qualifier</th><th>claimant</th><th>via</th><th>outlet</th><th>as of</th>"
            f"<th>status</th><th>relation</th></tr>{rows}</table></div>")


def _ledger_row(row: dict, fig: dict) -> str:
    relation = fig.get("relation") or row.get("relation", "")
    struck = " struck" if withdrawn_figure(fig) else ""
    cells = [fig.get("qualifier"), fig.get("claimant"), fig.get("via"), fig.get("outlet"), fig.get("as_of"),
             fig.get("status"), relation]
    return (f"<tr class='{escape(relation)}'><td>{escape(quantity_label(row))}</td>"
            f"<td class='status-{escape(str(fig.get('status')))}{struck}'>"
            f"<a href='#{_fig_href(fig)}'>{escape(_value(fig))}</a>{_ext(fig.get('url'))}</td>"
            + "".join(f"<td>{escape(str(c or ''))}</td>" for c in cells) + "</tr>")


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
    return ("<h3>Entities</h3><div class=scroll><table><tr><th>name</th><th>type</th><th>mentions</th>"
            f"<th>also written</th></tr>{rows}</table></div>")


def _coverage(view: StoryView) -> str:
    days = sorted({day for counts in view.coverage.values() for day in counts})
    head = "".join(f"<th>{escape(day)}</th>" for day in days)
    rows = "".join(f"<tr><td>{escape(outlet)}</td>" + "".join(f"<td>{counts.get(day, '')}</td>" for day in days) + "</tr>"
                   for outlet, counts in view.coverage.items())
    return f"<h3>Coverage per outlet</h3><div class=scroll><table><tr><th>outlet</th>{head}</tr>{rows}</table></div>"


def documents_table(docs: list[DocRow]) -> str:
    """The documents by date, each linked to its text on the same page and to the original article."""
    rows = "".join(
        f"<tr><td>{escape(date_label(d))}</td><td><a href='#{_href(d.id)}'>{escape(d.title or d.id)}</a>"
        f"{_ext(article_url(d))}</td>"
        f"<td>{escape(d.outlet or '')}</td><td>{escape(d.language or '')}</td><td>{escape(', '.join(d.credits))}</td>"
        f"<td>{escape(d.story or '')}</td><td>{escape(d.duplicate_of or '')}</td></tr>" for d in docs)
    return ("<h2 id=documents>Documents</h2><div class=scroll><table><tr><th>date</th><th>title</th>"
            "<th>outlet</th><th>lang</th>"
            f"<th>credits</th><th>story</th><th>duplicate of</th></tr>{rows}</table></div>")


def document_text(doc: Document) -> str:
    """A document's text, folded, one anchor per sentence, and the lines the cleaner removed from it."""
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


