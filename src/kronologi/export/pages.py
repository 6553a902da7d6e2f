"""timeline.md and report.html written together: one pass over the stories, each story's view made once (from
its parts, ``source.StoryParts``) and rendered into both files, then dropped.

Making a story's view is most of what these two files cost when they are written from a store (its documents,
events, figures, quotes and ledger are read by query), so ``export.write_all`` and ``export.write_store`` write
them here rather than with ``markdown.write_markdown`` and ``report.write_report`` one after the other (which
give the same bytes).
"""

from __future__ import annotations

from pathlib import Path

from kronologi.export.files import atomic_file
from kronologi.export.markdown import markdown_head, markdown_tail, story_lines
from kronologi.export.report import ReportWriter
from kronologi.export.source import ViewSource
from kronologi.export.stories import story_views
from kronologi.export.views import overview


def write_pages(source: ViewSource, markdown: Path, report: Path) -> tuple[Path, Path]:
    """``markdown`` (timeline.md) and ``report`` (report.html), each into place atomically."""
    ov = overview(source.doc_rows())
    with atomic_file(markdown, "w", encoding="utf-8") as md, atomic_file(report, "w", encoding="utf-8") as html, \
            ReportWriter(html, source, ov, report.parent) as page:
        _lines(md, markdown_head(source, ov))
        for view in story_views(source):
            _lines(md, story_lines(view))
            page.story(view)
        _lines(md, markdown_tail(source, ov))
        page.finish()
    return markdown, report


def _lines(fh, lines: list[str]) -> None:
    fh.write("".join(line + "\n" for line in lines))
