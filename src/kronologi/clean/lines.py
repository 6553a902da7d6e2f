"""Line-level signals: what a line of scraped text looks like, and debris verdicts.

Scraped copies mix the article with menus, prompts, counters and spam. Each line
is described by a few general signals — word count, final punctuation, density
of function words, links and handles, vocabulary hits from the ``clean`` packs —
and the verdicts below combine them. No rule names a particular site's strings:
the vocabularies are per-language data and every verdict is one general idea.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass

from kronologi import langs
from kronologi.temporal.stated import find_stated_date

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*[\s,]*$")  # trailing commas: paragraph-join debris
_TRAILING_CODE = re.compile(r"\s*\([A-Za-z][\w./ ]{0,15}\)\s*$")
_URLISH = re.compile(r"(https?://|www\.|\b[\w-]+\.(com|co\.id|id|net|org|co)\b|@\w+|#\w+)", re.IGNORECASE)
_HANDLE = re.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9_]{4,}\b")
_BREADCRUMB = re.compile(r"[|»›>•·/]")
_COUNTER = re.compile(r"^[\d.,]+\s*[kKmMrRbB]?\b")
_ICON_LABEL = re.compile(r"^[a-z]+(?:-[a-z]+){2,}\w*$|^[a-z]+(?:-[a-z]+)+[A-Z]\w*$")  # "copy-link-circle", "zoom-in-whitePerbesar"
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{2,60}\(@\w+\)")  # "— Name (@handle) March 2, 2021"


@dataclass
class Line:
    """One line of raw text and the signals computed from it."""

    index: int
    text: str
    words: list[str]

    @property
    def n(self) -> int:
        return len(self.words)

    @property
    def terminal(self) -> bool:
        """Ends like a sentence (a trailing credit code such as "(ant)" aside)."""
        return bool(_TERMINAL.search(_TRAILING_CODE.sub("", self.text)))

    @property
    def key(self) -> str:
        return " ".join(w.lower() for w in self.words)


def make_line(index: int, text: str) -> Line:
    if "&" in text and ";" in text:  # entities left in scraped text ("&gt;", "&quot;")
        text = html.unescape(text)
    text = " ".join(text.replace("\u200b", " ").split())
    return Line(index, text, _WORD.findall(text))


def function_ratio(line: Line, lang: str) -> float:
    if not line.words:
        return 0.0
    vocab = langs.words(lang, "clean", "function_words")
    return sum(1 for w in line.words if w.lower() in vocab) / len(line.words)


def guess_language(lines: list[Line], sample: int = 400) -> str:
    """The pack whose function words are most frequent in the first words.

    Cleaning needs only a rough idea of the language (which function words to
    count); the language step identifies the cleaned body properly afterwards.
    """
    words: list[str] = []
    for line in lines:
        words.extend(w.lower() for w in line.words)
        if len(words) >= sample:
            break
    scores = {}
    for lang in langs.SUPPORTED:
        vocab = langs.words(lang, "clean", "function_words")
        scores[lang] = sum(1 for w in words if w in vocab)
    return max(scores, key=lambda lang: (scores[lang], lang == langs.FALLBACK))


def is_prose(line: Line, lang: str) -> bool:
    """A line that reads like article body: a full sentence, or a long run of text."""
    if line.n >= 8 and line.terminal:
        return True
    return line.n >= 20 and function_ratio(line, lang) >= 0.08


@functools.lru_cache(maxsize=None)
def _phrases(key: str) -> re.Pattern[str] | None:
    """One regex for a vocabulary, over every language pack (debris is often English)."""
    words = langs.all_words("clean", key)
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{langs.alternation(words)})(?![\w-])", re.IGNORECASE)


def _hits(key: str, text: str) -> list[re.Match[str]]:
    pattern = _phrases(key)
    return list(pattern.finditer(text)) if pattern else []


def _has(key: str, text: str) -> bool:
    pattern = _phrases(key)
    return bool(pattern and pattern.search(text))


def strong_reason(line: Line) -> str | None:
    """Debris recognisable wherever the line stands; None if it may be article text."""
    for check in (_symbols, _embed, _tweet, _initials, _paginated, _related, _read_more, _counter, _widget, _app, _spam, _byline,
                  _contributor, _prompt_at_start, _follow_prompt, _boilerplate, _social, _comment):
        reason = check(line)
        if reason:
            return reason
    return None


def weak_reason(line: Line, lang: str) -> str | None:
    """Debris recognisable only outside the body (header/footer): prompts, handles, menus."""
    if line.n <= 15 and _has("share_phrases", line.text):
        return "clean.share_prompt"
    if line.n <= 40 and (_has("subscribe_phrases", line.text) or _URLISH.search(line.text) and _has("app_phrases", line.text)):
        return "clean.subscribe_prompt"
    if _pagination(line):
        return "clean.navigation"
    if line.n <= 6 and _HANDLE.search(line.text):
        return "clean.spam"  # a user-name signature ("by user88") left by spam posts
    if line.n <= 6 and _URLISH.search(line.text) or line.n <= 12 and not line.terminal and _URLISH.search(line.text):
        return "clean.link"
    if empty_label(line):
        return "clean.widget"
    if is_navigation(line):
        return "clean.navigation"
    return None


def is_navigation(line: Line) -> bool:
    """Menu items and breadcrumbs: a few words, or section names, no sentence punctuation."""
    if line.terminal or not line.words or line.n > 12:
        return False
    if line.n <= 3 or len(_BREADCRUMB.findall(line.text)) >= 2:
        return True
    return vocab_ratio(line, "rubrics") >= 0.6


_MASTHEAD = re.compile(r"^[A-Z0-9][A-Z0-9 .&'-]{2,40}\s+[-–—|:]\s+\S")


def is_masthead(line: Line) -> bool:
    """The site's name with its slogan at the top of a page: "WARTA KITA - Jernih dan Terpercaya"."""
    return not line.terminal and line.n <= 12 and bool(_MASTHEAD.match(line.text))


def vocab_ratio(line: Line, key: str) -> float:
    """Share of the line's words that belong to a vocabulary (over all packs)."""
    vocab = langs.all_words("clean", key)
    return sum(1 for w in line.words if w.lower() in vocab) / max(1, line.n)


def _social(line: Line) -> str | None:
    """A row of share buttons: "Twitter Facebook WhatsApp Email"."""
    if 2 <= line.n <= 10 and not line.terminal and vocab_ratio(line, "social_words") >= 0.6:
        return "clean.share_prompt"
    return None


def is_comments_marker(line: Line) -> bool:
    """The heading of a reader-comments section: "Komentar (12)", "48 Comments"."""
    if line.n > 4 or line.terminal:
        return False
    rest = [w.lower() for w in line.words if not w.isdigit()]
    return bool(rest) and " ".join(rest) in langs.all_words("clean", "comment_markers")


def _comment(line: Line) -> str | None:
    """A reader comment signed with a user handle: "budi_88 — Turut berduka."."""
    m = re.match(r"^@?([\w.]{3,30})\s*[—–:-]\s+\S", line.text)
    if m and _HANDLE.fullmatch(m.group(1)) or m and "_" in m.group(1):
        return "clean.comment"
    return None


def _paginated(line: Line) -> str | None:
    if not _pagination(line) or not any(w.isdigit() for w in line.words):
        return None
    return None if find_stated_date(line.text) else "clean.navigation"  # "4 Mei 2031 : 08.12" is a date line


def _pagination(line: Line) -> bool:
    """"Halaman 1 2 3 Selanjutnya", "Page 2 of 5", "Next »"."""
    if line.n > 10 or line.terminal:
        return False
    vocab = langs.all_words("clean", "pagination_words")
    return sum(1 for w in line.words if w.isdigit() or w.lower() in vocab) / max(1, line.n) >= 0.7


def _embed(line: Line) -> str | None:
    """A placeholder left by an embedded video, image or ad: "[Gambas:Video 20detik]"."""
    return "clean.embed" if re.fullmatch(r"\[[^\[\]]{2,80}\]", line.text) else None


def _initials(line: Line) -> str | None:
    """Editors' initials on a line of their own: "(pur/krs)", "(red)"."""
    return "clean.byline" if re.fullmatch(r"\([a-z]{2,6}(?:\s*/\s*[a-z]{2,6})*\)", line.text) else None


def _related(line: Line) -> str | None:
    pattern = _phrases("related_prefixes")
    if pattern and line.n <= 40:
        m = pattern.match(line.text.lstrip("»>•*-–— "))
        if m and re.match(r"\s*(?:[:\-–—|»>\"“]|$)", line.text.lstrip("»>•*-–— ")[m.end():]):
            return "clean.related_link"
    return None


def _read_more(line: Line) -> str | None:
    """"Baca artikel Outlet "Judul" selengkapnya di sini.": a read verb first, a pointer to the rest last."""
    verbs, tails = _phrases("read_verbs"), _phrases("read_more_tails")
    text = line.text.lstrip("»>•*-–— ").rstrip(" .!")
    if line.n <= 40 and verbs and tails and verbs.match(text):
        if any(m.end() == len(text) for m in tails.finditer(text)):
            return "clean.related_link"
    return None


def _counter(line: Line) -> str | None:
    if line.n > 5 or not any(ch.isdigit() for ch in line.text):
        return None
    rest = _COUNTER.sub("", line.text.strip()).strip(" .,:|")
    pattern = _phrases("counter_words")
    if pattern and (pattern.fullmatch(rest) or _counter_label_first(line.text)):
        return "clean.counter"
    return None


def _counter_label_first(text: str) -> bool:
    # "Dibaca 1.234 kali", "Views: 3,2K"
    m = re.fullmatch(r"\s*([^\d(]+?)\s*[:(]?\s*[\d.,]+\s*[kKmM]?\s*(kali|x)?\s*\)?\s*", text)
    pattern = _phrases("counter_words")
    return bool(m and pattern and pattern.fullmatch(m.group(1).strip()))


def _app(line: Line) -> str | None:
    return "clean.app_prompt" if line.n <= 20 and _has("app_phrases", line.text) else None


def _spam(line: Line) -> str | None:
    hits = {m.group().lower() for m in _hits("spam_words", line.text)}
    if hits and (line.n <= 12 and not line.terminal or len(hits) >= 2 and line.n <= 40):
        return "clean.spam"
    return None


def _byline(line: Line) -> str | None:
    pattern = _phrases("byline_labels")
    if pattern and line.n <= 15:
        text = line.text.lstrip("([")
        if line.n <= 6 and not line.terminal and re.match(r"(?:[Bb]y|BY|[Oo]leh|OLEH)\s+[A-Z]", text):
            return "clean.byline"
        if _labelled_credit(pattern, text):
            return "clean.byline"
    if pattern and line.n <= 60 and ";" in line.text:
        # a wire's credit line of several labelled parts: "Reporting by X; Additional reporting by Y in Z;
        # Writing by W; Editing by V and U" — every part a credit, none long
        parts = [p.strip() for p in line.text.strip().rstrip(".").split(";") if p.strip()]
        if len(parts) >= 2 and all(len(p.split()) <= 12 and _labelled_credit(pattern, p) for p in parts):
            return "clean.byline"
    return None


def _contributor(line: Line) -> str | None:
    """A closing credit that names the reporters who helped: "Staff writer X in Y contributed to this report."."""
    tails = _phrases("contributor_tails")
    text = line.text.rstrip(" .")
    if tails and line.n <= 25 and any(m.end() == len(text) for m in tails.finditer(text)):
        return "clean.byline"
    return None


def _labelled_credit(pattern: re.Pattern[str], text: str) -> bool:
    """"Editor: X", "Penulis | X"; labels ending in "by" need no colon ("Reporting by X")."""
    m = pattern.match(text)
    return bool(m and (m.group().lower().endswith(" by") or re.match(r"\s*[:|/]", text[m.end():])))


# a promotional label in capitals before a prompt ("PAY ATTENTION: Join ...", "PERHATIAN: Ikuti ...")
_SHOUTED_LABEL = re.compile(r"^[^\W\d_a-z]{2,}(?:\s+[^\W\d_a-z]{2,}){0,3}\s*[:!|]\s*")


def _prompt_at_start(line: Line) -> str | None:
    """A line that opens with a call to subscribe (imperative) or to share.

    Subscribe prompts may run to a couple of sentences; a line opening with a
    share word that ends with a full stop is a statement ("Share prices fell."),
    not a prompt.
    """
    text = _SHOUTED_LABEL.sub("", line.text.lstrip("»>•*-–— "))
    pattern = _phrases("subscribe_phrases")
    if pattern and pattern.match(text) and (line.n <= 25 or line.n <= 60 and _has("platforms", text)
                                            and len(_hits("subscribe_phrases", text)) >= 3):
        return "clean.subscribe_prompt"  # a long one names where to follow and says "join" again and again
    pattern = _phrases("share_phrases")
    if line.n <= 15 and pattern and pattern.match(text) and not line.text.rstrip("\"'”’").endswith("."):
        return "clean.share_prompt"
    return None


def _boilerplate(line: Line) -> str | None:
    if line.text.startswith(("©", "(c)")) and line.n <= 15 or line.n <= 8 and _has("boilerplate_phrases", line.text):
        return "clean.boilerplate"  # a long line after "©" is a paragraph with a credit glued before it
    pattern = _phrases("boilerplate_phrases")
    m = pattern.match(line.text) if pattern and line.n <= 20 else None
    if m and len(m.group().split()) >= 3:  # "This article has been adapted from ..." opens a closing note
        return "clean.boilerplate"
    if "©" in line.text and line.n <= 12 and not line.terminal:  # "2024 © PT Media Nusantara"
        return "clean.boilerplate"
    if line.n <= 40 and _COPYRIGHT_NOTICE.match(line.text):  # "Copyright 2024 X. All rights reserved. This material ..."
        return "clean.boilerplate"
    return None


_COPYRIGHT_NOTICE = re.compile(r"(?:copyright|\(c\))\s*(?:©\s*)?(?:19|20)\d\d\b", re.IGNORECASE)


def _symbols(line: Line) -> str | None:
    """A line with no word at all: "|", "[]", "***", a lone bullet (a lone quotation mark may close a quote)."""
    return "clean.symbols" if not line.words and not any(q in line.text for q in "\"“”'’«»") else None


def _widget(line: Line) -> str | None:
    """Site widgets: reading time, zoom and audio-player labels, icon names ("copy-link-circle")."""
    if line.n == 1 and _ICON_LABEL.match(line.text):
        return "clean.widget"
    if line.n <= 6 and (not line.terminal or line.text.endswith(":")) and _has("widget_phrases", line.text):
        return "clean.widget"
    return None


def empty_label(line: Line) -> bool:
    """A label with nothing after it ("Audio:", "Sentimen:"): a widget whose value was not scraped."""
    return line.n <= 2 and line.text.endswith(":") and not any(w.isdigit() for w in line.words)


def _tweet(line: Line) -> str | None:
    """An embedded post: its text ends with a "pic.twitter.com/..." link, its signature names a handle."""
    if "pic.twitter.com/" in line.text or _TWEET_SIGNATURE.match(line.text):
        return "clean.embed"
    return None


def _follow_prompt(line: Line) -> str | None:
    """"Follow Outlet on Facebook and Twitter", "Ikuti kami di Google News": a verb first, a platform named."""
    text = _SHOUTED_LABEL.sub("", line.text.lstrip("»>•*-–— "))
    verbs = _phrases("follow_verbs")
    if line.n <= 20 and verbs and verbs.match(text) and _has("platforms", text):
        return "clean.subscribe_prompt"
    return None


def foreign_script(line: Line, lang: str, most_words: int = 20) -> bool:
    """A short line written almost wholly in a script the language is not written in (a Hebrew caption)."""
    if line.text.isascii() or line.n > most_words:
        return False
    scripts = langs.words(lang, "clean", "scripts")
    letters = [ch for ch in line.text if ch.isalpha()]
    if not scripts or len(letters) < 3:
        return False
    foreign = sum(1 for ch in letters if ch >= "\u0250" and _script(ch) not in scripts)
    return foreign / len(letters) >= 0.9


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ")[0].lower()
