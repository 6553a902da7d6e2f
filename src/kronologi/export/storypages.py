"""report.html as an index and one page per story (``stories/S1.html``), for a corpus too large for one page.

One page with every story and every article's text grows with the corpus (172 MB for 22,000 articles, which
Chromium did not open in 100 s); a reader wants one story at a time. Past ``ONE_PAGE_STORIES`` stories or
``ONE_PAGE_DOCUMENTS`` documents, report.html becomes the index: the counts, what changed since the last build,
a table of the stories (dates, articles, key numbers) and the rejected inputs; each story's page holds its
section as the single page shows it (key numbers, summary, timeline, undated events folded, ledger, quotes,
entities, coverage), the legend, its documents and the texts of its articles, every line linked to its sentence.
Articles in no story have a page of their own (``stories/_other.html``). A smaller corpus keeps the one page.

The sections are the single page's (``export.report``), written with links inside one page (``#a-s3``); ``Homes``
knows on which page each document, story and changed item is and rewrites a link that leaves its page
(``S2.html#a-s3``, ``stories/S1.html#ev1`` from the index, ``stories/S1.html#a-s3`` in timeline.md). Only links
these exporters made are rewritten: article text is escaped before it reaches a page, so it never forms one.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from kronologi.export.changes import anchor
from kronologi.export.changes import html_of as changes_section
from kronologi.export.report import (LEGEND, TEXTS_BATCH, counts_line, document_text, documents_table, head,
                                     story_section)
from kronologi.export.safe import html_text as escape
from kronologi.export.safe import link_target
from kronologi.export.source import DocRow, ViewSource, batched
from kronologi.export.stories import StoryView
from kronologi.export.views import Overview

ONE_PAGE_STORIES = 20  # up to this many stories (and ONE_PAGE_DOCUMENTS documents), report.html stays one page
ONE_PAGE_DOCUMENTS = 300
STORIES = "stories"  # the folder of story pages beside report.html
OTHER = "_other"  # the page of the articles in no story (a story's page name never starts with "_")
KEY_NUMBERS_SHOWN = 2  # key-number sentences per story in the index's table

_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,80}")
_HTML_LINK = re.compile(r"href='#([^']*)'")
_MD_LINK = re.compile(r"\]\(report\.html#([^)]*)\)")
_SENTENCE = re.compile(r"(.*)-s\d+")


def one_page(counts: dict[str, int], documents: int) -> bool:
    """Whether report.html stays the one page of old: a small corpus (the example corpus, the seeds, the tests),
    or a chronicle without stories (nothing to split by)."""
    return not counts["stories"] or (counts["stories"] <= ONE_PAGE_STORIES and documents <= ONE_PAGE_DOCUMENTS)


def page_name(story_id: Any) -> str:
    """A story's file name: its id when that is a plain name (``S12.html``), else a hash of it (``_h1f...``)."""
    sid = str(story_id)
    if _PLAIN_ID.fullmatch(sid):
        return f"{sid}.html"
    return "_h" + hashlib.sha1(sid.encode("utf-8", "surrogatepass")).hexdigest()[:16] + ".html"


class Homes:
    """Which page holds what a link points at: each document's text is on its story's page (``DocRow.story``, a
    known story), else on the page of articles in no story; a changed event or story is on its item's story's
    page. Keys are the encoded fragments (``safe.link_target`` encodes character by character, so a sentence's
    fragment is its document's followed by ``-sN``)."""

    def __init__(self, rows: list[DocRow], story_ids: Iterable[Any], changes: dict[str, Any]):
        known = {s for s in story_ids if s is not None}
        self.docs = {link_target(r.id): page_name(r.story) if r.story in known else f"{OTHER}.html" for r in rows}
        self.items: dict[str, str] = {}
        for name, items in changes.items():
            if isinstance(items, list):
                for item in items:
                    if isinstance(item, dict) and item.get("story") in known:
                        self.items.setdefault(link_target(anchor(name, item)), page_name(item["story"]))

    def page_of(self, fragment: str) -> str | None:
        """The page name (in ``stories/``) of an encoded fragment, or None when it is not on a story page."""
        if fragment in self.docs:
            return self.docs[fragment]
        m = _SENTENCE.fullmatch(fragment)
        if m and m[1] in self.docs:
            return self.docs[m[1]]
        return self.items.get(fragment)

    def relink_html(self, html: str, here: str | None) -> str:
        """``html``'s in-page links pointed at their pages, seen from the story page ``here`` (None: the index)."""
        return _HTML_LINK.sub(lambda m: f"href='{self._target(m[1], here)}'", html)

    def relink_markdown(self, line: str) -> str:
        """A line of timeline.md (beside report.html) with its links into report.html pointed at the story pages."""
        def target(m: re.Match) -> str:
            page = self.page_of(m[1])
            return f"]({STORIES}/{page}#{m[1]})" if page else m[0]
        return _MD_LINK.sub(target, line)

    def _target(self, fragment: str, here: str | None) -> str:
        page = self.page_of(fragment)
        if page is None:  # an anchor of the page itself (a story's parts, its events)
            return f"#{fragment}"
        if here is None:
            return f"{STORIES}/{page}#{fragment}"
        return f"#{fragment}" if page == here else f"{page}#{fragment}"


class SplitReportWriter:
    """report.html as the index, and ``stories/`` beside it: ``story(view)`` writes that story's page at once (its
    texts read a batch at a time) and keeps its row for the index; ``finish()`` writes the page of articles in
    no story and the index. Used like ``report.ReportWriter``."""

    def __init__(self, fh: IO[str], source: ViewSource, ov: Overview, folder: Path):
        self.fh, self.source, self.ov, self.folder = fh, source, ov, folder
        self.counts = source.counts()
        self.homes = Homes(ov.documents, (s.get("id") for s in source.records("stories")), source.changes())
        self.texts: dict[str, list[DocRow]] = defaultdict(list)  # page -> its documents, by date
        for row in ov.documents:
            self.texts[self.homes.docs[link_target(row.id)]].append(row)
        self.rows: list[str] = []
        folder.mkdir()

    def __enter__(self) -> SplitReportWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def story(self, view: StoryView) -> None:
        name = page_name(view.story.get("id"))
        self.rows.append(_index_row(view, name))
        title = view.story.get("title") or "Untitled story"
        section = self.homes.relink_html(story_section(view), name)
        self._page(name, title, section, self.texts.pop(name, []))

    def finish(self) -> None:
        other = [row for rows in self.texts.values() for row in rows]  # in no story, or in one never shown
        if other:
            self._page(f"{OTHER}.html", "Articles in no story",
                       "<h2>Articles in no story</h2><p class=muted>"
                       f"{len(other)} articles that no story holds</p>", sorted(other, key=_by_date(self.ov)))
        self.fh.write(self._index(len(other)))

    def _page(self, name: str, title: str, section: str, docs: list[DocRow]) -> None:
        """One self-contained page: the section, the legend, its documents and their texts."""
        with open(self.folder / name, "w", encoding="utf-8") as fh:
            fh.write(head(f"{title} · Kronologi chronicle") + _back(self.counts))
            fh.write(section + LEGEND + documents_table(docs))
            fh.write("<h2 id=texts>Texts</h2>")
            for batch in batched(docs, TEXTS_BATCH):
                fh.write("".join(document_text(d) for d in self.source.documents([row.id for row in batch])))
            fh.write(f"<p>{_BACK}</p></body></html>\n")

    def _index(self, others: int) -> str:
        source = self.source
        changes = self.homes.relink_html(changes_section(source.changes()), None)
        rows = "".join(self.rows)
        other = (f"<p><a href='{STORIES}/{OTHER}.html'>Articles in no story</a> ({others})</p>" if others else "")
        rejected = source.rejected()
        items = "".join(f"<li><code>{escape(r.source_path)}</code>: {escape(r.reason)}</li>" for r in rejected)
        return (head("Kronologi chronicle") + "<h1>Kronologi chronicle</h1>"
                + counts_line(source, self.ov, self.counts) + changes
                + "<nav class=toc><h2>Stories</h2><p class=muted>one page per story: its key numbers, timeline, "
                "ledger, quotes and the texts of its articles</p><div class=scroll><table><tr><th>story</th>"
                f"<th>dates</th><th>articles</th><th>key numbers</th></tr>{rows}</table></div>{other}</nav>"
                + (f"<h2 id=rejected>Rejected inputs</h2><ul>{items}</ul>" if rejected else "")
                + "</body></html>\n")


_BACK = "<a href='../report.html'>← all stories</a>"


def _back(counts: dict[str, int]) -> str:
    return f"<nav class=crumbs>{_BACK} <span class=muted>({counts['stories']} stories)</span></nav>"


def _index_row(view: StoryView, name: str) -> str:
    """A story in the index: its title linked to its page, its dates, articles and first key numbers."""
    s = view.story
    keys = view.key_numbers[:KEY_NUMBERS_SHOWN]
    more = len(view.key_numbers) - len(keys)
    line = " · ".join(escape(kn.sentence) for kn in keys) + (f" <span class=muted>+{more} more</span>" if more else "")
    return (f"<tr><td><a href='{STORIES}/{link_target(name)}'>{escape(s.get('title') or 'Untitled story')}</a> "
            f"<span class=muted>{escape(str(s.get('id')))}</span></td>"
            f"<td>{escape(str(s.get('start') or '?'))} – {escape(str(s.get('end') or '?'))}</td>"
            f"<td>{len(view.documents)}</td><td>{line}</td></tr>")


def _by_date(ov: Overview) -> Callable[[DocRow], int]:
    rank = {row.id: i for i, row in enumerate(ov.documents)}
    return lambda row: rank[row.id]
