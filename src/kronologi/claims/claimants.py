"""Who claims a figure, who relays it, and what later sentences say of it.

In order: the speaker of the quote it stands in; a closing ``..., kata X`` / ``..., X said``;
``N yang disampaikan X``; ``X mengatakan ... N`` / ``Menurut X, ... N``; ``angka yang
disampaikan X ... N``; ``dinaikkan menjadi 12.000 oleh X`` (an agent after a change). A closing
``according to <media>`` names the relay (``via``), not the claimant. With none of these:

* a part (``termasuk dua polisi``, ``34 orang di antaranya``) is claimed by who claimed the whole;
* a figure right after a sentence that only frames a claim (``Menurut Listyo, panitia ...``) or
  counting "the others" (``Hampir 200 orang lainnya``) goes on with that claim.

``follow_ups`` reads the sentences after the figures: ``Angka itu disampaikan X`` gives them a
claimant; ``Angka itu kemudian diralat``, ``namun angka itu dibantah``, ``The ministry later said
the figure had been published by mistake`` withdraw the last whole figure (and its parts).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kronologi.claims import attribution, status, vocab
from kronologi.claims.context import Context
from kronologi.claims.dating import as_of
from kronologi.claims.names import speaker


def claim(ctx: Context, fig: dict, sent: tuple[int, int], clause: tuple[int, int]) -> attribution.Attribution | None:
    """The attribution of a figure in its own sentence, or None; sets ``via`` when a closing phrase relays it."""
    text, lang = ctx.text, ctx.lang
    closing = attribution.final(text, lang, sent[0], sent[1], fig["end"])
    if closing and closing.form == "according" and _media(lang, closing.speaker.name):
        fig["via"] = closing.speaker.name
        closing = None
    start = attribution.clause_start(text, lang, sent[0], fig["start"])
    return (closing
            or attribution.passive_agent(text, lang, fig["end"], clause[1])
            or attribution.before(text, lang, sent[0], fig["start"], ctx.time_spans)
            or attribution.passive_agent(text, lang, start, fig["start"], last=True)
            or _changed_by(text, lang, fig, clause))


def _media(lang: str, name: str) -> bool:
    return bool(vocab.regex(lang, "media_words").search(name))


@functools.lru_cache(maxsize=None)
def _by_regex() -> re.Pattern[str]:
    return re.compile(r"\s+(?:oleh|by)\s+", re.IGNORECASE)


def _changed_by(text: str, lang: str, fig: dict, clause: tuple[int, int]) -> attribution.Attribution | None:
    """``dinaikkan menjadi 12.000 oleh Kementerian``: who changed a figure (never ``killed by police``)."""
    by = _by_regex().match(text, fig["end"])
    if not by or not vocab.regex(lang, "change_words").search(text, clause[0], fig["start"]):
        return None
    start, end = attribution.phrase_after(text, lang, by.end(), by.end() + 80)
    who = speaker(text[start:end], lang) if end > start else None
    return attribution.Attribution(start, end, who, "passive") if who else None


def carry(ctx: Context, fig: dict, done: list[dict]) -> None:
    """No attribution in its sentence: a part takes its whole's claimant; a figure may go on with a claim."""
    sent = ctx.sentences[fig["sentence"]]
    part_of = fig.get("part_of")
    parent = next((f for f in done if f["start"] == part_of), None) if part_of is not None else None
    if parent and parent.get("claimant"):
        fig["claimant"], fig["claimant_how"] = parent["claimant"], "carried"
        return
    if vocab.regex(ctx.lang, "reporting_verbs").search(ctx.text, sent[0], sent[1]):
        return
    index = fig["sentence"] - 1
    if index < 0 or ctx.paragraph_at(ctx.sentences[index][0]) != ctx.paragraph_at(fig["start"]):
        return
    before = [f for f in done if f["sentence"] == index]
    if before:
        if _the_others(ctx, fig) and before[-1].get("claimant"):
            fig["claimant"], fig["claimant_how"] = before[-1]["claimant"], "carried"
        return
    s0, s1 = ctx.sentences[index]
    found = attribution.final(ctx.text, ctx.lang, s0, s1, s0) or attribution.before(
        ctx.text, ctx.lang, s0, s1, ctx.time_spans)
    if found:
        fig["claimant"], fig["claimant_how"] = ctx.resolve(found.speaker, found.start), "carried"


def _the_others(ctx: Context, fig: dict) -> bool:
    """``Hampir 200 orang lainnya``, ``200 others``: the rest of what was just counted."""
    return bool(re.match(r"\s+(?:\w+\s+)?(?:lainnya|others|more)(?![\w])", ctx.text[fig["end"]:fig["end"] + 30]))


def follow_ups(ctx: Context, figures: list[dict[str, Any]], published: str | None) -> None:
    """What the sentences after the figures say of them: their claimant, their withdrawal."""
    text, lang = ctx.text, ctx.lang
    for index, sent in enumerate(ctx.sentences):
        anaphora = vocab.regex(lang, "anaphora").search(text, sent[0], sent[1])
        if not anaphora:
            continue
        _withdrawal(ctx, figures, index, sent, anaphora.start())
        if _opens_with(text, lang, sent, anaphora.start()):
            _claimed_after(ctx, figures, sent, published)


def _opens_with(text: str, lang: str, sent: tuple[int, int], at: int) -> bool:
    head = text[sent[0]:at]
    opener = vocab.starting_regex(lang, "openers").match(head)
    return not (head[opener.end():] if opener else head).strip(" ,")


def _withdrawal(ctx: Context, figures: list[dict], index: int, sent, at: int) -> None:
    label = status.withdrawn_after(ctx.text, ctx.lang, at, sent[1])
    if not label and not re.search(r"\d", ctx.text[sent[0]:sent[1]]):
        # "It later withdrew that figure.": the cue before the figure it names (a sentence with no count of its own)
        label = status.withdrawn_after(ctx.text, ctx.lang, sent[0], at)
    if not label:
        return
    whole = [f for f in figures if f["sentence"] == index and f["start"] < at and not f.get("part_of")] or \
        _last_counted(ctx, figures, index, sent)
    if not whole or whole[-1]["status"] != "reported":
        return
    target = whole[-1]
    for fig in [target] + [f for f in figures if f.get("part_of") == target["start"]]:
        fig["status"], fig["status_how"] = label, "anaphora"


def _last_counted(ctx: Context, figures: list[dict], index: int, sent) -> list[dict]:
    """The figures of the nearest sentence before ``index`` that has any: the one before, else one further back
    in the same paragraph ("... said three people had died. The office later said the third death was not
    linked. NWS withdraws that figure.")."""
    paragraph = ctx.paragraph_at(sent[0])
    for back in range(index - 1, -1, -1):
        if back < index - 1 and ctx.paragraph_at(ctx.sentences[back][0]) != paragraph:
            return []
        found = [f for f in figures if f["sentence"] == back and not f.get("part_of")]
        if found:
            return found
    return []


def _claimed_after(ctx: Context, figures: list[dict], sent, published: str | None) -> None:
    """``Angka itu disampaikan X``: the unclaimed figures since the paragraph began (the one before, when
    the sentence opens a paragraph) were claimed by X."""
    text, lang = ctx.text, ctx.lang
    p = ctx.paragraph_at(sent[0])
    floor = ctx.paragraphs[p - 1 if ctx.paragraphs[p][0] == sent[0] and p else p][0]
    agent = attribution.passive_agent(text, lang, sent[0], sent[1])
    if not agent:
        return
    for fig in [f for f in figures if floor <= f["start"] < sent[0]]:
        if fig["claimant"] and fig.get("claimant_how") != "carried":
            continue
        fig["claimant"], fig["claimant_how"] = ctx.resolve(agent.speaker, agent.start), "anaphora"
        stated = as_of(text, ctx.times, sent, agent.end, (agent.start, agent.end), published, ctx.zone)
        if stated["basis"] == "text" or stated["raw"]:
            fig["as_of"], fig["as_of_part"], fig["as_of_raw"] = stated["as_of"], stated["part"], stated["raw"]
            fig["as_of_basis"] = stated["basis"]


def name_of(claimant: str | None, lang: str | None, names: list[str]) -> str | None:
    """The claimant as a name of a person or body, or None for a fragment of the sentence.

    ``names``: the person and organisation mentions inside the claimant phrase. A phrase that
    opens with a sentence word (``Untuk sementara pemerintah``, ``including fatalities``) gives
    the name inside it, else nothing; a phrase with a number (``more than 2``) is no claimant.
    """
    from kronologi.claims import ledgervocab

    text = " ".join((claimant or "").split())
    if not text or any(ch.isdigit() for ch in text):
        return names[0] if names else None
    if any(ledgervocab.regex(lang, key).match(text) for key in ("claimant_openers", "claimant_documents")):
        return names[0] if names else None  # "the press release", "laporan": the body behind it, if named
    return _name_part(text, names)


def _name_part(text: str, names: list[str]) -> str:
    """The name the phrase opens with, without the sentence words it ran on into ("AAPP sekaligus" →
    "AAPP", "Polri korban" → "Polri"), when that name is a person or organisation mention."""
    for name in names:
        rest = text[len(name):].split() if text.startswith(name) else None
        if rest and all(w[:1].islower() for w in rest):
            return name
    return text
