"""report.html: one self-contained page (no scripts, no external files)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.document import Document
from kronologi.export.views import date_label, overview

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.muted{color:#777}details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
pre{white-space:pre-wrap;background:#fafafa;padding:.7rem;border:1px solid #eee}
mark{background:#fff1a8}.removed li{color:#a33}
"""


def render_report(chronicle: Chronicle) -> str:
    ov = overview(chronicle)
    rows = "".join(
        f"<tr><td>{escape(date_label(d))}</td><td>{escape(d.title or d.id)}</td><td>{escape(d.outlet or '')}</td>"
        f"<td>{escape(d.language or '')}</td><td>{escape(', '.join(d.credits))}</td>"
        f"<td>{escape(d.duplicate_of or '')}</td></tr>" for d in ov.documents)
    body = [f"<h1>Kronologi chronicle</h1><p class=muted>generated {escape(chronicle.generated_at)} · "
            f"{len(ov.documents)} documents · {len(chronicle.rejected)} rejected</p>",
            "<h2>Documents</h2><table><tr><th>date</th><th>title</th><th>outlet</th><th>lang</th>"
            f"<th>credits</th><th>duplicate of</th></tr>{rows}</table>",
            "<h2>Texts</h2>", *(_document(d) for d in ov.documents)]
    if chronicle.rejected:
        items = "".join(f"<li><code>{escape(r.source_path)}</code>: {escape(r.reason)}</li>" for r in chronicle.rejected)
        body.append(f"<h2>Rejected inputs</h2><ul>{items}</ul>")
    return (f"<!doctype html><html><head><meta charset=utf-8><title>Kronologi chronicle</title>"
            f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n")


def _document(doc: Document) -> str:
    removed = "".join(f"<li><code>{escape(r.reason)}</code> {escape(r.text)}</li>" for r in doc.removed)
    return (f"<details id='{escape(doc.id)}'><summary>{escape(doc.title or doc.id)}</summary>"
            f"<p class=muted>{escape(doc.id)} · {escape(doc.source_path)} · {escape(date_label(doc))}</p>"
            f"<pre>{_highlight_shared(doc)}</pre><ul class=removed>{removed}</ul></details>")


def _highlight_shared(doc: Document) -> str:
    """Escape the text, marking passages shared with other documents."""
    spans = sorted({(p.start, p.end) for p in doc.shared_passages})
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out += [escape(doc.text[pos:start]), f"<mark>{escape(doc.text[start:end])}</mark>"]
        pos = end
    out.append(escape(doc.text[pos:]))
    return "".join(out)


def write_report(chronicle: Chronicle, path: Path) -> Path:
    path.write_text(render_report(chronicle), encoding="utf-8")
    return path
