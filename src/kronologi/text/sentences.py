"""Split news text into sentences, as character offsets into the text.

Every later step (times, figures, quotes, events) cites the sentence a fact
came from, so the spans must be exact and lossless: they are ``(start, end)``
offsets, stripped of surrounding whitespace, that together cover every
non-space character exactly once.

The mechanism is language-neutral; what differs between languages
(abbreviations, words that open a sentence, verbs that attribute a quote)
lives in ``langs/<lang>/sentences.yaml``.

How a paragraph is split:

* every line is its own paragraph (news text keeps headings, datelines and
  paragraphs on separate lines), so a line break is always a boundary;
* inside a line, a boundary may follow ``.``, ``?``, ``!`` or an ellipsis
  (plus any closing quotes or brackets) when whitespace follows;
* it is refused inside a quotation that opens and closes on the same line,
  after abbreviations and initials, before a lower-case word, and between a
  closing quote and its attribution (``"Why?" Tokayev asked.``);
* a "sentence" longer than ``MAX_SENTENCE`` characters (a page glued into one
  line, a list without punctuation) is cut at the last space before the limit,
  so every later step works on bounded pieces and stays linear in the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from kronologi import langs

Span = tuple[int, int]
MAX_SENTENCE = 2000  # characters; news sentences are far shorter

TOPIC = "sentences"

# Characters that open a quotation or bracket before a word, and that may close
# one after a sentence's final punctuation.
_OPENERS = "\"'“‘„‚«‹([{"
_QUOTES = "\"'“”„‟‘’‚‛«»‹›"
# Quote families that pair only with themselves: a straight quote nested in
# curly ones (or an apostrophe) must not close the curly quotation.
_QUOTE_FAMILIES = ("“”„‟«»", '"', "‘’‚‛‹›", "'")
# What may stand right before an opening quote / right after a closing one.
_BEFORE_OPEN = "([{/—–-" + _QUOTES
_AFTER_CLOSE = ".,;:!?)]}—–-…" + _QUOTES


@dataclass(frozen=True)
class _Vocab:
    """One language's sentence knowledge, loaded from its pack."""

    titles: frozenset[str]  # case-sensitive: "No." but not "no."
    abbreviations: frozenset[str]  # lower-cased
    starters: frozenset[str]  # case-sensitive capitalised words
    attribution: frozenset[str]  # lower-cased
    final: frozenset[str] = frozenset()  # lower-cased: may end a sentence like any word


def split_sentences(text: str, lang: str) -> list[Span]:
    """Return the sentences of ``text`` as ``(start, end)`` character offsets.

    ``lang`` picks the language pack (unknown languages use Indonesian).
    The spans are in order, never overlap, are stripped of whitespace, and
    cover every non-space character of ``text``.
    """
    vocab = _vocab(langs.normalise_lang(lang))
    spans: list[Span] = []
    for line in _line_re().finditer(text):
        for start, end in _split_paragraph(text, line.start(), line.end(), vocab):
            spans.extend(_capped(text, start, end))
    return spans


def _capped(text: str, start: int, end: int, limit: int = MAX_SENTENCE) -> list[Span]:
    """``(start, end)`` cut into pieces of at most ``limit`` characters, at the last whitespace
    before the limit (or at the limit, in a run without spaces), each stripped."""
    out: list[Span] = []
    while end - start > limit:
        cut = start + limit
        space = next((i for i in range(cut, start, -1) if text[i].isspace()), None)
        _append_stripped(out, text, start, space if space else cut)
        start = space if space else cut
    _append_stripped(out, text, start, end)
    return out


@functools.lru_cache(maxsize=None)
def _vocab(lang: str) -> _Vocab:
    pack = langs.load(lang, TOPIC)
    return _Vocab(
        titles=frozenset(str(w) for w in pack.get("titles") or []),
        abbreviations=langs.words(lang, TOPIC, "abbreviations"),
        starters=frozenset(str(w) for w in pack.get("sentence_starters") or []),
        attribution=langs.words(lang, TOPIC, "attribution_verbs"),
        final=langs.words(lang, TOPIC, "final_abbreviations"),
    )


@functools.lru_cache(maxsize=None)
def _line_re() -> re.Pattern[str]:
    # The same line breaks as str.splitlines(), so no break is missed.
    return re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


@functools.lru_cache(maxsize=None)
def _candidate_re() -> re.Pattern[str]:
    # "term" + "close": punctuation followed by whitespace.  "glued": a period
    # with no space after it in scraped text ("tewas.Polisi"); the lookbehind
    # asks for lower-case letters so "KOMPAS.com" or "5.800" never match.
    # The lookbehind and the possessive "++" keep a long run of dots linear.
    closers = re.escape("\"'”’»›)]")
    return re.compile(
        rf"(?<![.?!…])(?P<term>[.?!…]++)(?P<close>[{closers}]*+)(?=\s)"
        r"|(?<=[a-z]{3})(?P<glued>[.?!])(?=[A-Z][a-z]+(?!\w|\.\w))"
    )


@functools.lru_cache(maxsize=None)
def _attribution_re() -> re.Pattern[str]:
    # One to three capitalised words, then the word to test as a verb.
    name = r"[A-Z][\w]*(?:[-'’][\w]+)*"
    return re.compile(rf"\s+(?:{name}\s+){{1,3}}(\w+)")


@functools.lru_cache(maxsize=None)
def _next_word_re() -> re.Pattern[str]:
    return re.compile(rf"\s*[{re.escape(_OPENERS)}]*(\w*)")


def _split_paragraph(text: str, start: int, end: int, vocab: _Vocab) -> list[Span]:
    """Split one line; boundaries inside closed quotations are refused."""
    regions = _quote_regions(text, start, end)
    dateline = _dateline_end(text, start, end)
    spans: list[Span] = []
    seg = start
    for match in _candidate_re().finditer(text, start, end):
        cut = match.end()
        if cut <= dateline or _inside(regions, cut):
            continue
        if not _is_boundary(text, match, seg, end, vocab):
            continue
        _append_stripped(spans, text, seg, cut)
        seg = cut
    _append_stripped(spans, text, seg, end)
    return spans


def _dateline_end(text: str, start: int, end: int) -> int:
    """End of an upper-case dateline closed by a period, else ``start``.

    ``OUTLET.CO.ID - KOTA. Presiden ...``: the dateline belongs to the first
    sentence, like the unpunctuated ``KOTA, Outlet.com - Presiden ...``.
    """
    found = _dateline_re().match(text, start, end)
    return found.end() if found else start


@functools.lru_cache(maxsize=None)
def _dateline_re() -> re.Pattern[str]:
    # Upper-case words (a domain suffix may be lower-case: "Outlet.com"), a
    # lower-case domain in brackets, and dashes; at most eight of them.
    upper = r"\(?[A-Z0-9][A-Z0-9&'’/-]*(?:\.[A-Za-z]+)*\)?,?"
    domain = r"\(?[a-z][\w-]*(?:\.[a-z]+)+\)?,?"
    item = rf"(?:{upper}|{domain}|[-–—])"
    return re.compile(rf"\s*{item}(?:\s+{item}){{0,7}}\.(?=\s+[A-Z])")


def _append_stripped(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _inside(regions: list[Span], pos: int) -> bool:
    """Whether ``pos`` falls strictly inside one of the sorted, disjoint ``regions``."""
    i = bisect.bisect_right(regions, (pos, pos)) - 1
    return i >= 0 and regions[i][0] < pos < regions[i][1]


def _quote_regions(text: str, start: int, end: int) -> list[Span]:
    """Spans of quotations that open and close within ``text[start:end]``.

    Each family pairs on its own; an opener with no closer is dropped, so an
    unmatched quote never protects the rest of the line from splitting.
    """
    regions: list[Span] = []
    open_at: dict[int, int] = {}
    for mark in _quote_mark_re().finditer(text, start, end):
        i, family = mark.start(), _family_of(mark.group())
        opener, closer = _quote_roles(text, i, start, end)
        if family in open_at and closer:
            regions.append((open_at.pop(family), i + 1))
        elif opener:
            open_at[family] = i  # a second opener means the first was unmatched
    return _merge(regions)


def _merge(regions: list[Span]) -> list[Span]:
    """Sort and merge overlapping regions (families nest: “... ‘...’ ...”)."""
    merged: list[Span] = []
    for s, e in sorted(regions):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


@functools.lru_cache(maxsize=None)
def _quote_mark_re() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(_QUOTES)}]")


@functools.lru_cache(maxsize=None)
def _family_of(mark: str) -> int:
    return next(n for n, family in enumerate(_QUOTE_FAMILIES) if mark in family)


def _quote_roles(text: str, i: int, start: int, end: int) -> tuple[bool, bool]:
    """Whether the quote mark at ``i`` can open and whether it can close.

    Decided from its neighbours, not its shape: scraped Indonesian text often
    uses ” for both ends, and ’ is also an apostrophe (don’t, Jum’at).
    """
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    opener = (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()
    closer = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
    return opener, closer


def _is_boundary(text: str, match: re.Match[str], seg: int, end: int, vocab: _Vocab) -> bool:
    """Decide whether the candidate ``match`` ends a sentence."""
    cut = match.end()
    nxt = _next_word_re().match(text, cut, end)
    first = text[nxt.start(1)] if nxt and nxt.start(1) < end else ""
    if not first or first.islower():
        return False
    if any(c in _QUOTES for c in match.group("close") or ""):
        if _is_attribution(text, cut, end, vocab):
            return False
    if match.group("glued") and not _glued_word_ok(text, seg, match.start()):
        return False
    term = match.group("term") or match.group("glued")
    if "?" in term or "!" in term:
        return True
    if "…" in term or ".." in term:
        return first.isupper()
    return _period_ends(text, match.start(), seg, _next_token(text, nxt, end), vocab)


def _next_token(text: str, nxt: re.Match[str], end: int) -> str:
    """The next word, with its period if it has one ("Mr.", "Gen.")."""
    word_end = nxt.end(1)
    if word_end < end and text[word_end] == ".":
        return nxt.group(1) + "."
    return nxt.group(1)


def _is_attribution(text: str, pos: int, end: int, vocab: _Vocab) -> bool:
    """``"Why now?" Tokayev asked.``: a name and a reporting verb follow."""
    found = _attribution_re().match(text, pos, end)
    return bool(found) and found.group(1).lower() in vocab.attribution


def _period_ends(text: str, dot: int, seg: int, nxt: str, vocab: _Vocab) -> bool:
    """Decide a single period at ``dot``, given the word after it."""
    begin = _word_start(text, seg, dot)
    word = text[begin : dot + 1].lstrip(_OPENERS)
    if word in vocab.titles:
        return False
    if _is_ambiguous(word, vocab):
        # "... in the U.S. The move": only a typical opener (or a title such
        # as "Mr.") shows that the abbreviation also ended the sentence.
        return nxt in vocab.starters or nxt in vocab.titles
    if begin == seg and _is_list_marker(word):
        return False
    return True


def _glued_word_ok(text: str, seg: int, dot: int) -> bool:
    """"tewas.Polisi" splits; "www.detik.Com" or "Rp5.Polisi" do not."""
    word = text[_word_start(text, seg, dot) : dot].lstrip(_OPENERS)
    return word.isalpha() and word.islower()


def _word_start(text: str, seg: int, pos: int) -> int:
    """Start of the word ending at ``pos`` (at most 64 characters back: no
    abbreviation is longer, and a bound keeps freak input linear)."""
    limit = max(seg, pos - 64)
    while pos > limit and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _is_ambiguous(word: str, vocab: _Vocab) -> bool:
    """Abbreviations and initials that may or may not end a sentence."""
    if word.lower() in vocab.abbreviations:
        return True
    if word.lower() in vocab.final:  # "etc.", "a.m.": may end a sentence like any word
        return False
    if len(word) == 2 and word[0].isupper():  # "J. Smith", "Grup B. Namun"
        return True
    return _dotted_re().fullmatch(word) is not None  # "U.S.", "a.n." not listed


@functools.lru_cache(maxsize=None)
def _dotted_re() -> re.Pattern[str]:
    return re.compile(r"(?:[^\W\d_]{1,2}\.){2,}")


def _is_list_marker(word: str) -> bool:
    """``1.`` or ``a.`` opening a line is a list number, not a sentence."""
    stem = word[:-1]
    return stem.isdigit() or (len(stem) == 1 and stem.isalpha())
