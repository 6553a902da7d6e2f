"""timeline.md and report.html written together: one pass over the stories, each story's view made once (from
its parts, ``source.StoryParts``) and rendered into both files, then dropped.

Making a story's view is most of what these two files cost when they are written from a store (its documents,
events, figures, quotes and ledger are read by query), so ``export.write_all`` and ``export.write_store`` write
them here rather than with ``markdown.write_markdown`` and ``report.write_report`` one after the other (which
give the same bytes for a small corpus).

A corpus past ``storypages.ONE_PAGE_STORIES`` stories or ``ONE_PAGE_DOCUMENTS`` documents gets report.html as an
index with one page per story in ``stories/`` beside it (``storypages``); timeline.md's links then point at
the story pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kronologi.export.files import atomic_file
from kronologi.export.markdown import markdown_head, markdown_tail, story_lines
from kronologi.export.report import ReportWriter
from kronologi.export.source import ViewSource
from kronologi.export.stories import story_views
from kronologi.export.storypages import STORIES, SplitReportWriter, one_page
from kronologi.export.views import overview


def write_pages(source: ViewSource, markdown: Path, report: Path) -> dict[str, Path]:
    """``markdown`` (timeline.md) and ``report`` (report.html), each into place atomically, and for a large
    corpus the story pages in the folder ``stories`` beside them (written in place: ``report``'s folder is the
    export's staging folder). Returns ``{name: path}``."""
    ov = overview(source.doc_rows())
    single = one_page(source.counts(), len(ov.documents))
    paths = {"timeline.md": markdown, "report.html": report}
    if not single:
        paths = {STORIES: report.parent / STORIES, **paths}  # the folder first: the index links into it
    with atomic_file(markdown, "w", encoding="utf-8") as md, atomic_file(report, "w", encoding="utf-8") as html:
        if single:
            page = ReportWriter(html, source, ov, report.parent)
            relink: Callable[[str], str] = _same
        else:
            page = SplitReportWriter(html, source, ov, paths[STORIES])
            relink = page.homes.relink_markdown
        with page:
            _lines(md, markdown_head(source, ov), relink)
            for view in story_views(source):
                _lines(md, story_lines(view), relink)
                page.story(view)
            _lines(md, markdown_tail(source, ov), relink)
            page.finish()
    return paths


def _same(line: str) -> str:
    return line


def _lines(fh, lines: list[str], relink: Callable[[str], str]) -> None:
    fh.write("".join(relink(line) + "\n" for line in lines))
