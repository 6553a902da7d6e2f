"""Who spoke each quote, in the order a reader would look:

1. right after it: ``“...,” kata X``, ``“...,” katanya``, ``“...,” Afinta said``;
2. inside its sentence: ``Protes besar, tambah Putin, "..."``;
3. closing its sentence: ``... “keprihatinan ...”, kata Moskow.``;
4. before it in its sentence: ``X mengatakan: “...”``, ``Menurut X, “...”``, ``X called it “...”``
   (inside a nested quote, only the words of the outer quote count);
5. a quote opening its paragraph with none of these continues the quote of the
   paragraph before when that paragraph opened with a quote, or else belongs to
   the person the paragraph before introduced (``Dewi Lestari, pengusaha ..., lebih optimis.``);
6. a quote in a heading is the words of the later quote that contains it.

Pronouns (``katanya``, ``ia``, ``he``) go to the last person who spoke or was
introduced; short names to the fullest form the document uses.
"""

from __future__ import annotations

import re
from typing import Any

from kronologi.claims import attribution, vocab
from kronologi.claims.context import Context
from kronologi.claims.names import Speaker
from kronologi.claims.quotes import Quote


def attribute(ctx: Context, quotes: list[Quote], headings: list[tuple[int, int]] = ()) -> list[dict[str, Any]]:
    """One dict per quote: offsets, text, kind, speaker_name (resolved), speaker_text, via, how."""
    out: list[dict[str, Any]] = []
    for i, q in enumerate(quotes):
        found, how = _attribution(ctx, quotes, i, out)
        record = {"start": q.trimmed[0], "end": q.trimmed[1], "text": q.text, "kind": q.kind, "speaker": None,
                  "speaker_name": None, "speaker_text": None, "via": None, "how": how, "parent": q.parent,
                  "sentence": ctx.sentence_at(q.start)}
        if isinstance(found, str):
            record["speaker_name"] = record["speaker_text"] = found
        elif found is not None:
            record["speaker_text"] = found.speaker.name
            record["speaker_name"] = ctx.resolve(found.speaker, q.start, (found.start, found.end))
            record["speaker_start"], record["speaker_end"] = found.start, found.end
            if found.speaker.kind == "person" and found.speaker.role:
                record["speaker_role"] = found.speaker.role  # "Kepala Basarnas" of "Kepala Basarnas Andi Wijaya"
        kind = _kind_of(ctx, found, record["speaker_name"])
        if record["speaker_name"] and kind == "person" and not isinstance(found, str):
            ctx.note_speaker(q.start, record["speaker_name"])
        if record["speaker_name"]:
            ctx.note_spoke(q.start, record["speaker_name"], kind)
        record["via"] = ctx.via(*_relay_span(ctx, q))
        out.append(record)
    _headings(quotes, out, headings)
    return out


def _kind_of(ctx: Context, found, name: str | None) -> str:
    """Whether the resolved speaker is a person or a body (a pronoun or a role resolves to a person)."""
    if found is None or isinstance(found, str):
        return "person" if name in ctx.names else "org"
    if found.speaker.kind == "pronoun":
        return "org" if found.speaker.body or found.speaker.plural else "person"
    if found.speaker.kind == "anonymous":
        return "person"
    return "person" if found.speaker.kind == "person" or name in ctx.names else found.speaker.kind


def _attribution(ctx: Context, quotes: list[Quote], i: int, done: list[dict]):
    q = quotes[i]
    text, lang = ctx.text, ctx.lang
    s0, s1 = ctx.sentence_span(q.start)
    e0, e1 = ctx.sentence_span(max(q.end - 1, q.start))
    p0, p1 = ctx.paragraphs[ctx.paragraph_at(q.end)]
    limit = e1 if e1 > q.end else p1
    if q.parent is not None:
        parent = quotes[q.parent]
        s0, limit = max(s0, parent.start), min(limit, parent.end)
    found = attribution.after(text, lang, q.end + 1, limit)
    if found and _fits(found, q):
        return _framed(ctx, quotes, i, done, found, "after")
    found = attribution.inside(text, lang, s0, q.start)
    if found:
        return _framed(ctx, quotes, i, done, found, "inside")
    if q.parent is None:
        found = attribution.final(text, lang, e0, e1, q.end + 1)
        if found:
            return found, "final"
    found = attribution.before(text, lang, s0, max(s0, q.start - 1), ctx.time_spans)
    if found:
        return _framed(ctx, quotes, i, done, found, "before")
    if q.parent is None:
        previous = [r for r, o in zip(done, quotes) if o.parent is None and p0 <= o.start < q.start]
        if previous and previous[-1]["speaker_name"] and q.kind == "full":  # “...,” said X. “...”
            return previous[-1]["speaker_name"], "continues"
    if q.parent is None and q.kind == "full":
        found = _told_next(ctx, q)
        if found:
            return found, "next"
    if q.parent is None and _opens_paragraph(ctx, q):
        return _from_paragraph_before(ctx, quotes, i, done)
    if q.parent is None and q.kind == "full":  # "Prabowo menegaskan hal itu. “Kami tidak akan mundur.”"
        person = ctx.last_person_between(p0, q.start)
        if person:
            return person, "introduced"
    return None, None


def _framed(ctx: Context, quotes: list[Quote], i: int, done: list[dict], found, how: str):
    """A quote nested in another whose teller is imagined (``“Kalau warga bilang ‘kami lapar’, ...,” kata X``,
    ``“If they say ‘wait’, ...”``) is said within the outer speaker's frame: the outer quote's speaker."""
    q = quotes[i]
    if q.parent is None:
        return found, how
    parent = quotes[q.parent]
    clause = ctx.text[parent.start:min(found.start, q.start)]
    if not vocab.regex(ctx.lang, "hypothetical_cues").search(clause):
        return found, how
    return done[q.parent]["speaker_name"], "frame"


def _told_next(ctx: Context, q: Quote) -> attribution.Attribution | None:
    """``“...” Hal itu disampaikan Kapolda X.``, ``“...” The remarks were made by X.``, ``“...” That was the message
    from X.``: a quote that is its whole sentence, told by the next sentence, which opens by pointing back to it
    (packs ``quote_backrefs``, ``backref_sources``)."""
    s0, s1 = ctx.sentence_span(max(q.end - 1, q.start))
    marks = " \t\n\"“”'‘’«».,"
    if ctx.text[s0:q.start].strip(marks) or ctx.text[q.end:s1].strip(marks):
        return None
    n0 = s1 + len(ctx.text[s1:]) - len(ctx.text[s1:].lstrip())
    if n0 >= len(ctx.text):
        return None
    n0, n1 = ctx.sentence_span(n0)
    if not vocab.starting_regex(ctx.lang, "quote_backrefs").match(ctx.text, n0, n1):
        return None
    return attribution.passive_agent(ctx.text, ctx.lang, n0, n1) or attribution.source(ctx.text, ctx.lang, n0, n1)


def _fits(found: attribution.Attribution, q: Quote) -> bool:
    """An attribution after a quoted phrase inside a sentence must follow it as speech does."""
    return q.kind == "full" or found.form == "after" and found.speaker.kind != "group"


def _opens_paragraph(ctx: Context, q: Quote) -> bool:
    p0, _ = ctx.paragraphs[ctx.paragraph_at(q.start)]
    return not ctx.text[p0:q.start - 1].strip()


def _from_paragraph_before(ctx: Context, quotes: list[Quote], i: int, done: list[dict]):
    index = ctx.paragraph_at(quotes[i].start)
    if index == 0:
        return None, None
    b0, b1 = ctx.paragraphs[index - 1]
    previous = [r for r, q in zip(done, quotes) if b0 <= q.start < b1 and q.parent is None]
    if previous and not ctx.text[b0:previous[0]["start"] - 1].strip() and previous[-1]["speaker_name"]:
        return previous[-1]["speaker_name"], "continues"
    person = ctx.first_person_in(b0, b1)
    return (person, "introduced") if person else (None, None)


def _relay_span(ctx: Context, q: Quote) -> tuple[int, int]:
    _, e1 = ctx.sentence_span(max(q.end - 1, q.start))
    s0, _ = ctx.sentence_span(q.start)
    return min(s0, q.start), max(e1, q.end)


def _headings(quotes: list[Quote], out: list[dict], headings) -> None:
    """A quote in a heading takes the speaker of the later quote whose words it repeats."""
    for q, record in zip(quotes, out):
        if record["speaker_name"] or not any(s <= q.start < e for s, e in headings):
            continue
        key = _norm(q.text)
        for other in out:
            if other is not record and other["start"] > q.end and key and key in _norm(other["text"]) \
                    and other["speaker_name"]:
                record["speaker_name"], record["how"] = other["speaker_name"], "heading"
                break


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


__all__ = ["attribute", "Speaker"]
