"""Unnamed people who speak: ``a resident of Marlow``, ``one nurse``, ``seorang warga Sukamaju``, ``said one``.

A speaker phrase that describes a person by what they are (a determiner and a
person noun from the pack's ``anonymous`` section, with a place before or after
it) is an anonymous speaker, not a name and not a body. It is given as written;
a bare ``one`` / ``salah seorang`` is one of the group the text named just before
(``Villagers joined the crews.`` -> ``one of the villagers``), or no one when it
named none. A description without a place takes the scene the text set before
it (``In Marlow, ...`` -> ``a farmer in Marlow``).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from kronologi.claims import vocab

if TYPE_CHECKING:
    from kronologi.claims.context import Context

_CAPS = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"
_SCENE_MAX = 60  # characters of a scene-setting opener ("In the river town of Marlow,")


def _section(lang: str) -> dict:
    return vocab.section(lang, "anonymous") or {}


@functools.lru_cache(maxsize=None)
def _description_regex(lang: str) -> re.Pattern[str]:
    """A determiner, at most three words, a person noun, then an optional place (``of Marlow``, ``Sukamaju``)."""
    dets = vocab.alternation(vocab.phrases(lang, "anonymous", "determiners"))
    nouns = vocab.alternation(vocab.phrases(lang, "anonymous", "nouns"))
    links = vocab.alternation(vocab.phrases(lang, "anonymous", "place_links"))
    if not dets or not nouns:
        return re.compile(r"(?!x)x")
    place = rf"(?:\s+(?i:{links})\s+(?:the\s+)?{_CAPS}|\s+{_CAPS})?" if links else rf"(?:\s+{_CAPS})?"
    return re.compile(rf"(?i:{dets})\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{nouns}){place}")


def is_description(phrase: str, lang: str) -> bool:
    """Whether ``phrase`` describes an unnamed person (``One Marlow resident``, ``seorang perawat di Rumah Sakit Bakti``)."""
    return bool(_description_regex(lang).fullmatch(" ".join(phrase.split())))


@functools.lru_cache(maxsize=None)
def _place_tail_regex(lang: str) -> re.Pattern[str]:
    links = vocab.alternation(vocab.phrases(lang, "anonymous", "place_links"))
    return re.compile(rf"\s+(?i:{links})\s+(?:the\s+)?{_CAPS}" if links else r"(?!x)x")


def place_tail(text: str, lang: str, end: int, limit: int) -> int:
    """Where a description cut before its place (``a resident`` | ``of Marlow``) really ends."""
    m = _place_tail_regex(lang).match(text, end, limit)
    return m.end() if m else end


def describe(ctx: Context, phrase: str, pos: int) -> str | None:
    """Who an anonymous speaker phrase at ``pos`` is, in words; None for a bare ``one`` with no group before it."""
    who = " ".join(phrase.split())
    if who.lower() in vocab.wordset(ctx.lang, "indefinite_speakers"):
        group = group_before(ctx, pos)
        if not group:
            return None
        who = _section(ctx.lang).get("one_of", "{group}").format(group=group)
    if re.search(r"(?<=\s)[A-Z]", who):  # a place already: "One Marlow resident", "a resident of Marlow"
        return who
    place = scene_before(ctx, pos)
    return _section(ctx.lang).get("at_place", "{who}").format(who=who, place=place) if place else who


@functools.lru_cache(maxsize=None)
def _group_regex(lang: str) -> re.Pattern[str]:
    """Person nouns naming several people: English plurals (``residents``, ``people``), any Indonesian noun."""
    nouns = vocab.phrases(lang, "anonymous", "nouns")
    plurals = list((_section(lang).get("plurals") or {}).keys())
    if lang == "en":
        forms = [n + ("es" if n.endswith(("s", "sh", "ch")) else "s") for n in nouns] + plurals
    else:
        forms = list(nouns) + plurals
    return re.compile(vocab.bounded(f"(?:{vocab.alternation(forms)})"), re.IGNORECASE) if forms else \
        re.compile(r"(?!x)x")


def group_before(ctx: Context, pos: int) -> str | None:
    """The group the sentences just before ``pos`` name first (its subject): ``inhabitants``, ``warga``.

    Reaches back to the start of the paragraph before; words inside quotes and headings do not count.
    """
    index = ctx.paragraph_at(pos)
    floor = ctx.paragraphs[max(0, index - 1)][0]
    sentence = ctx.sentence_at(pos)
    while sentence >= 0 and ctx.sentences[sentence][1] > floor:
        s0, s1 = ctx.sentences[sentence]
        for m in _group_regex(ctx.lang).finditer(ctx.text, max(s0, floor), min(s1, pos)):
            if not ctx.hidden(m.start()):
                return m.group(0).lower()
        sentence -= 1
    return None


@functools.lru_cache(maxsize=None)
def _scene_regex(lang: str) -> re.Pattern[str]:
    openers = vocab.alternation(vocab.phrases(lang, "anonymous", "scene_openers"))
    if not openers:
        return re.compile(r"(?!x)x")
    return re.compile(rf"\s*(?i:{openers})\s+(?P<phrase>[^,.;:\n]{{1,{_SCENE_MAX}}}),")


def scene_before(ctx: Context, pos: int) -> str | None:
    """The place the latest scene-setting opener before ``pos`` names (``In Marlow, ...``, ``Di Sukamaju, ...``),
    within the paragraphs a pronoun may reach back to."""
    floor = ctx.recall_floor(pos)
    last = ctx.sentence_at(pos)
    for index in range(last, -1, -1):
        s0, _ = ctx.sentences[index]
        if s0 < floor:
            return None
        m = _scene_regex(ctx.lang).match(ctx.text, s0, pos)
        place = _place_in(ctx, m) if m else None
        if place:
            return place
    return None


def _place_in(ctx: Context, m: re.Match[str]) -> str | None:
    """The last capitalised run of a scene opener that is neither a time nor a person (``Marlow``, not ``Monday``)."""
    runs = list(re.finditer(_CAPS, m.group("phrase")))
    for run in reversed(runs):
        at = m.start("phrase") + run.start()
        if not ctx.time_spans.overlapping(at, at + len(run.group(0))) and run.group(0) not in ctx.names:
            return run.group(0)
    return None
