"""Find temporal expressions: spans and what their words mean, not yet resolved.

Every rule of the language's pack (``patterns.py``) is run over the text —
only near words that can anchor an expression (``_windows``); a match that
fails its context check (``checks.py``: a count, not a year; an age, not a
duration) is dropped; where matches overlap the longest wins, then the rule
listed first. A modifier right before a mention (``awal``, ``lebih dari``,
``early``) joins it, and a range rule (``3-5 Agustus``) yields one mention
per side. Each :class:`Mention` carries the parsed fields of its words
(``fields.py``: ``day``, ``month``, ``weekday``, ``num``, ``unit``, ``rel``...)
for ``resolve.py``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from kronologi import langs
from kronologi.temporal.checks import CHECKS
from kronologi.temporal.fields import parse_fields, parse_number
from kronologi.temporal.names import name_spans, noted_spans, overlaps
from kronologi.temporal.patterns import Pack, Rule, group_name, pack
from kronologi.temporal.stated import mask_hijri


@dataclass
class Mention:
    start: int
    end: int
    rule: str
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)


def find_mentions(text: str, lang: str | None) -> list[Mention]:
    """Every temporal expression of ``text`` in order, unresolved."""
    p = pack(lang)
    masked = mask_hijri(text)
    chosen = _select(_candidates(masked, p))
    mentions: list[Mention] = []
    for rule, match in chosen:
        mentions.extend(_mentions(rule, match, p))
    _attach_modifiers(masked, mentions, p)
    noted = noted_spans(masked, p)
    for tm in mentions:
        for start, end, note in noted:
            if start < tm.end and tm.start < end:
                tm.fields.setdefault("note", note)  # a term's years, a constitution's: no happening's date
                break
    return mentions


def _candidates(text: str, p: Pack) -> list[tuple[Rule, re.Match[str]]]:
    """Every match of every rule that passes its checks, outside names that carry a year ("UU Nomor 1
    Tahun 1946": neither "Tahun 1946" nor "1 Tahun" is a time; ``names.py``)."""
    found = []
    windows = _windows(text, p)
    names = name_spans(text, p)
    for rule in p.rules:
        for start, end in windows:
            for match in rule.regex.finditer(text, start, end):
                if (not rule.check or CHECKS[rule.check](text, match, p)) and _numbers_ok(match, p) \
                        and not overlaps(names, *match.span()):
                    found.append((rule, match))
    return found


# How far an expression may reach before and after the word that anchors it ("hari " before
# "Senin", "dua puluh lima " before "tahun"; a clock time and zone after a date).
WINDOW_BEFORE, WINDOW_AFTER = 40, 80
_TOKEN_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s")


def _windows(text: str, p: Pack) -> list[tuple[int, int]]:
    """Stretches of text around trigger words and digits, merged; the rules run only there.

    Rules are most of the tagger's cost and most text has no temporal expression: finding the
    triggers is one cheap pass over the words. A window ends on whitespace, so a rule's
    word-boundary checks at its end see what they would see in the whole text.
    """
    windows: list[list[int]] = []
    triggers = p.triggers
    for token in _TOKEN_RE.finditer(text):
        word = token.group()
        if not (word[0].isdigit() or word.lower() in triggers):
            continue
        start, end = max(0, token.start() - WINDOW_BEFORE), token.end() + WINDOW_AFTER
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    out = []
    for start, end in windows:
        space = _SPACE_RE.search(text, min(end, len(text)))
        out.append((start, space.start() if space else len(text)))
    return out


def _numbers_ok(match: re.Match[str], p: Pack) -> bool:
    """Number words must read as one number: "dua puluh lima", not "satu-dua" (a range)."""
    for key, words in match.groupdict().items():
        if words and group_name(key) in ("num", "num_2") and parse_number(words, p) is None:
            return False  # also digits past fields.MAX_NUMBER: a 400-digit count is no time
    return True


def _select(found: list[tuple[Rule, re.Match[str]]]) -> list[tuple[Rule, re.Match[str]]]:
    """Non-overlapping matches: longest first, then the earlier rule, then leftmost."""
    found.sort(key=lambda rm: (rm[1].start() - rm[1].end(), rm[0].priority, rm[1].start()))
    starts: list[int] = []
    ends: list[int] = []
    chosen = []
    for rule, match in found:
        s, e = match.span()
        i = bisect.bisect_right(starts, s)
        if (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        chosen.append((rule, match))
    chosen.sort(key=lambda rm: rm[1].start())
    return chosen


def _mentions(rule: Rule, match: re.Match[str], p: Pack) -> list[Mention]:
    spans = {group_name(k): match.span(k) for k, v in match.groupdict().items() if v is not None}
    groups = {group_name(k): v for k, v in match.groupdict().items() if v is not None}
    if not rule.split or not any(k.endswith("_2") for k in groups):
        return [Mention(match.start(), match.end(), rule.name, rule.kind, parse_fields(groups, p))]
    second_start = min(spans[k][0] for k in groups if k.endswith("_2"))
    first_end = max(spans[k][1] for k in groups if not k.endswith("_2") and spans[k][0] < second_start)
    own = {k: v for k, v in groups.items() if not k.endswith("_2") and spans[k][0] < second_start}
    shared = {k: v for k, v in groups.items() if not k.endswith("_2") and spans[k][0] >= second_start}
    other = {k[:-2]: v for k, v in groups.items() if k.endswith("_2")}
    first = Mention(match.start(), first_end, rule.name, rule.kind, parse_fields({**shared, **own}, p))
    second = Mention(second_start, match.end(), rule.name, rule.kind, parse_fields({**own, **shared, **other}, p))
    return [first, second]


@functools.lru_cache(maxsize=None)
def _modifier_re(lang: str) -> re.Pattern[str] | None:
    words = pack(lang).words("modifiers")
    if not words:
        return None
    body = langs.alternation(words)
    return re.compile(rf"(?<!\w)(?P<mod>{body})(?:\s+|-)$", re.IGNORECASE)


def _attach_modifiers(text: str, mentions: list[Mention], p: Pack) -> None:
    """``awal 2014``, ``lebih dari satu minggu lalu``: the modifier joins the mention."""
    regex = _modifier_re(p.lang)
    if regex is None:
        return
    previous_end = 0
    for tm in mentions:
        window_start = max(previous_end, tm.start - 30)
        found = regex.search(text, window_start, tm.start)
        if found and "mod" not in tm.fields:
            tm.fields["mod"] = p.lookup("modifiers", found.group("mod"))
            tm.start = found.start()
        previous_end = tm.end


__all__ = ["Mention", "find_mentions", "parse_fields", "parse_number"]
