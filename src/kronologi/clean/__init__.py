"""Clean: from a scraped copy to the article body, with every removal explained.

The raw text is read as lines. The *body* runs from the first to the last line
that reads like prose (``lines.is_prose``) and is not debris; lines before it
form the header (title, date line, menus, prompts), lines after it the footer
(share prompts, spam, signatures). Debris recognisable anywhere (related links,
counters, app prompts, spam, credit lines) is removed wherever it stands; weaker
signals (menus, short prompts, handles) only outside the body; inside the body a
short line that introduces more text is a section heading and is kept.

Lines repeated across many documents of the corpus (``repeated`` — computed by
the corpus pass in ``kronologi.corpus.boilerplate``) count as debris when they
are short and not sentences.

Photo captions (``captions``) go wherever they stand: a credit at the end, an
agency after the text (except on the body's last paragraph, where it is the
desk's credit), a photo date after a comma, a neighbouring credit line, or
copies printed side by side. A line printed twice that is not a caption (a
standfirst repeated as the lead) keeps its last copy. Mojibake is repaired
first (``repair``), each repaired line recorded as ``clean.mojibake_repaired``.

The step also extracts the title, the dateline (place, outlet, section), the
credits, and a publication date stated in the header (``header_dates``).

The stages, one module each: ``repair`` (mojibake) and ``assemble.unjoin`` (joined
paragraphs) prepare the lines; ``body.judge`` gives debris its reason wherever it stands and
finds the body, then ``zones`` judges header, footer and the body's inside; ``assemble``
takes the dateline off the lead and builds the document. ``lines``, ``captions``,
``credits``, ``dateline`` and ``header_dates`` are the signals they read; ``work`` holds the
state one document's lines are judged in.
"""

from __future__ import annotations

from typing import Any

from kronologi.clean.assemble import (apply_dateline, assemble, dateline_above, lead, masthead_outlet, metadata_dates,
                                      set_credits, set_from_text, set_published, unjoin)
from kronologi.clean.body import judge
from kronologi.clean.lines import guess_language, make_line
from kronologi.clean.repair import repair_lines
from kronologi.clean.work import Work
from kronologi.document import Document, Removed
from kronologi.pipeline import Drop


class CleanStep:
    name = "clean"
    version = "11"  # 2: captions, widgets, mojibake repair; 3: datelines only at the lead, by their shape;
    # 4: bare date lines in and after the body are debris (the only one read for the publication date)
    # 5: of several unlabelled header date lines, the earliest day (a site's day of reading sits above the headline);
    # an outlet's standards line ("Our Standards: ...") is boilerplate
    # 6: a header zone written as an offset from UTC ("GMT+8") or by a regional name ("PHT") is read; a wire credit
    # line of several labelled parts ("Reporting by X; Writing by Y; Editing by Z") is a byline however long
    # 7: "Baca artikel X "..." selengkapnya di sini" is a related link; a long prompt that says "join" thrice and
    # names a platform is a subscribe prompt wherever it stands
    # 8: a numeric date its language's order cannot read is read day first ("23/09/2025"); beside a bare source
    # line ("AFP") only a sentence is a caption, a date line never; "X contributed to this report", "Copyright
    # 2025 X. All rights reserved. ..." and "Related Coverage" blocks (a question headline among them) are debris;
    # "on" is a function word again (YAML had read it as a boolean)
    # 9: a date line beside an agency masthead is no caption; a dateline on a line of its own above the lead is
    # read; after the body a short line ending in ":" (it introduces nothing) is footer debris
    # 10: an app prompt that names the outlet's app ("Get the X app for breaking news alerts") is a prompt anywhere
    # 11: with no outlet from metadata or a dateline, the site's name atop the page ("EASTERN ISLES TIMES") is the outlet
    # when the page names it again (a photo credit, "told the Eastern Isles Times")

    def __init__(self, options: dict[str, Any] | None = None):
        options = options or {}
        self.repeated = frozenset(options.get("repeated_lines", ()))

    def __call__(self, doc: Document) -> Document | Drop:
        clean_document(doc, self.repeated)
        if not doc.text.strip():
            return Drop("dropped.clean.empty_body: nothing but debris was found in the text")
        return doc


def clean_document(doc: Document, repeated: frozenset[str] = frozenset()) -> Document:
    """Clean ``doc.raw_text`` into ``doc.text`` in place, recording every removed line with its reason."""
    raw_lines, repairs = repair_lines(unjoin(doc.raw_text).splitlines())
    doc.removed.extend(Removed(r.before, "clean.mojibake_repaired", r.line) for r in repairs)
    lines = [make_line(i, t) for i, t in enumerate(raw_lines)]
    work = Work(lines, doc.language or guess_language(lines), repeated)
    metadata_dates(work, doc)
    # A scraped copy starts with its title; text from a page, feed or record does not
    # (the container carried it), so there only repeats of the known title are looked for.
    work.find_title = doc.format == "text"
    judge(work, doc.title)
    paragraphs = [ln for ln in work.lines if ln.text and ln.index not in work.verdict]
    if not apply_dateline(doc, lead(paragraphs, work.body_start)):
        dateline_above(doc, work)
    assemble(doc, work, paragraphs)
    set_credits(doc, paragraphs)
    masthead_outlet(doc, work)
    set_from_text(doc, "title", work.title)
    set_published(doc, work)
    return doc


__all__ = ["CleanStep", "clean_document"]
