"""HTML pages: main text with trafilatura, publication date with htmldate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kronologi.errors import IngestError

_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|ul|ol|blockquote|tr|section|article)\b[^>]*>", re.IGNORECASE)


@dataclass
class Page:
    """What an HTML page yields: main text plus the metadata found in its markup."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None


def extract_page(html: str, url: str | None = None) -> Page:
    """Extract the main text and metadata of a whole page; raise if it has no text."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_formatting=False, deduplicate=False,
    )
    if result is None or not (result.text or "").strip():
        raise IngestError("no main text found in the HTML page", "failed.ingest.empty_html")
    return Page(
        text=rejoin_broken_lines(result.text), title=result.title, outlet=result.sitename, url=result.url or url,
        author=author_name(result.author), published=page_date(html, url), language=result.language,
    )


def author_name(author: str | None) -> str | None:
    """The byline's names without its label and its time stamp: "Oleh Budi; Diperbarui Kamis" → "Budi".

    An extractor joins the parts of a byline line with ";": a part that opens with a label of
    publication or update ("diperbarui", "updated") is a time stamp, and "Oleh"/"By" labels the name."""
    if not author:
        return author
    from kronologi import langs

    stamps = langs.all_words("clean", "published_labels") | langs.all_words("clean", "updated_labels")
    labels = langs.all_words("clean", "author_labels")
    stamp = re.compile(rf"(?:{langs.alternation(stamps)})\b", re.IGNORECASE) if stamps else None
    label = re.compile(rf"(?:{langs.alternation(labels)})\s+", re.IGNORECASE) if labels else None
    parts = [p.strip() for p in author.split(";")]
    parts = [label.sub("", p, count=1) if label and label.match(p) else p for p in parts
             if p and not (stamp and stamp.match(p))]
    return "; ".join(p for p in parts if p) or None


_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def rejoin_broken_lines(text: str) -> str:
    """Undo line breaks that extraction put around inline links.

    ``di ajang\nPiala\nDunia. Maroko ...`` is one sentence whose link texts
    became lines of their own. A line that does not end a sentence is joined
    with the next when the next starts in lower case, or when either of them
    is a fragment of at most two words; a heading followed by a paragraph has
    neither shape and stays apart, nor does a capitalised label that ends with a
    colon ("Key points:"), which opens what follows.
    """
    lines = text.split("\n")
    out: list[str] = []
    joined_fragment = False
    for line in lines:
        prev = out[-1] if out else ""
        if prev and not _ENDS_SENTENCE.search(prev) and line.strip() and _continues(prev, line, joined_fragment):
            out[-1] = f"{prev.rstrip()} {line.strip()}"
            joined_fragment = len(line.split()) <= 2
        else:
            out.append(line)
            joined_fragment = False
    return "\n".join(out)


def _continues(prev: str, line: str, joined_fragment: bool) -> bool:
    first = line.strip()[0]
    if first in "[(" or prev.rstrip()[-1:] in "])":  # placeholders and codes stand alone
        return False
    if first.isupper() and line.rstrip().endswith(":"):  # a label that opens what follows ("Key points:")
        return False
    return first.islower() or len(line.split()) <= 2 or joined_fragment


def page_date(html: str, url: str | None = None) -> str | None:
    """The original publication date stated in the page's markup or URL, if any.

    ``extensive_search`` is off: dates guessed from the visible text are the text
    layer's business, and must not be passed off as metadata.
    """
    from htmldate import find_date

    from kronologi.temporal.iso import to_iso

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%dT%H:%M:%S%z")
    except (ValueError, TypeError):
        return None
    return to_iso(found.replace("T00:00:00", "")) if found else None


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), blocks on their own lines."""
    import html as htmllib

    if "<" not in fragment:
        return htmllib.unescape(fragment).strip()
    from lxml import html as lxml_html

    marked = _BLOCK.sub("\n", fragment)
    try:
        text = lxml_html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # lxml raises several types on broken markup
        text = re.sub(r"<[^>]+>", " ", marked)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
