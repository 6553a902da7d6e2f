"""Figures: the counts and amounts a document reports, each with who claims it and when.

For every number (``numbers``) that counts something (``nonfigures`` says what
does not), in text order:

* ranges are joined (``antara 10 dan 20``), lists split (``mulai dari 127 hingga 174``);
* ``categories`` gives what was counted; a number with no category borrows one from
  the figure it is a part of (``termasuk dua polisi``, ``21 of them seriously``), the
  figure it changed from (``turun dari angka 174``), or a running total named in the
  paragraph (``Angka korban meninggal ... Polisi semula menyebut 127 orang``); else it
  is not a figure;
* ``qualifiers``, ``status``, the claimant (``attribution``; inside a quote, the
  quote's speaker), ``via`` and ``as_of`` (``dating``) complete it.

Then a sentence that opens on the figure before it (``Angka itu disampaikan X``,
``Angka itu kemudian diralat``) gives that figure its claimant or status, and a
figure repeated in one document (a heading, then the body, then a quote) is
kept once, with every claimant it was given.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from kronologi.claims import categories, claimants, heads, nonfigures, qualifiers, quantity, status, vocab
from kronologi.claims.context import Context
from kronologi.claims.dating import as_of
from kronologi.claims.numbers import Number, find_numbers

_TOPIC_REACH = 1  # paragraphs back a running total's name carries


def find_figures(ctx: Context, quotes: list[dict[str, Any]], published: str | None,
                 headings: list[tuple[int, int]] = ()) -> list[dict[str, Any]]:
    """The figures of the document ``ctx`` reads, as contract-shaped dicts (without ids)."""
    numbers = find_numbers(ctx.text, ctx.lang)
    numbers = [n for n in numbers if nonfigures.reason(ctx.text, n, ctx.lang, ctx.time_spans, numbers) is None]
    figures: list[dict[str, Any]] = []
    outer = _OuterQuotes(quotes)
    for unit, q, context, following in _units(ctx, numbers):
        fig = _figure(ctx, unit, q, figures, context, following)
        if fig:
            _complete(ctx, fig, outer, published, figures)
            figures.append(fig)
    claimants.follow_ups(ctx, figures, published)
    return _once(figures, headings)


def _units(ctx: Context, numbers: list[Number]):
    """``(numbers, qualifier, context, following)``: a number, or a range as one unit, with the number whose
    clause says what it counts (a list's first end reads its second's) and the number after it."""
    joined = {i: (j, kind, start) for i, j, kind, start in qualifiers.pairs(ctx.text, ctx.lang, numbers)}
    listed = {j for j, kind, _ in joined.values() if kind == "list"}
    skip = set()
    for i, n in enumerate(numbers):
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        if i in skip:
            continue
        if i in listed:  # "mulai dari 127 hingga 174": 174 is a claim of its own, not "up to"
            yield [n], qualifiers.Qualified("exact", n.value, n.value, n.value, n.start, n.end), n, following
            continue
        if i in joined and joined[i][1] == "range":
            j, _, start = joined[i]
            skip.add(j)
            yield [n, numbers[j]], qualifiers.ranged(n, numbers[j], start), numbers[j], numbers[j + 1] if \
                j + 1 < len(numbers) else None
            continue
        sent = ctx.sentence_span(n.start)
        context = numbers[joined[i][0]] if i in joined else n
        yield [n], qualifiers.qualify(ctx.text, ctx.lang, n, sent[0]), context, following


def _figure(ctx: Context, unit: list[Number], q: qualifiers.Qualified, done: list[dict], context: Number,
            following: Number | None) -> dict | None:
    text, lang = ctx.text, ctx.lang
    n, last = unit[0], unit[-1]
    sent = ctx.sentence_span(n.start)
    counted = categories.classify(text, lang, context, sent)
    if counted.category is None and following is not None and not _whole_opened(ctx, n, sent):
        counted = categories.shared(text, lang, last, following, sent, counted)
    elif counted.cue == "noun" and following is not None:  # "Nine soldiers and three civilians died": what
        joined = categories.shared(text, lang, last, following, sent, counted)  # befell them, not soldiers
        if joined.category in vocab.wordset(lang, "fate_categories"):
            counted = joined
    part_of, subject, category = None, counted.subject, counted.category
    previous = _last_before(ctx, done, n)
    if previous and previous[-1]["sentence"] != ctx.sentence_at(n.start) \
            and find_numbers(text[sent[0]:n.start], lang):
        previous = []  # "... mencapai 57 orang, termasuk enam ABK": a part of its own sentence's number, read or not
    partitive = categories.partitive(text, lang, last, sent[1])
    if (partitive is not None or categories.including(text, lang, n, sent[0])) and previous \
            and (counted.generic or counted.subject or categories.canonical(lang, counted.noun)
                 or (partitive is not None and counted.noun)):  # "Empat saksi diantaranya": of the 8 saksi
        part_of = previous[-1]["start"]
        category = category if counted.cue in ("predicate", "predicate_before") else previous[-1]["category"]
        subject = _part_subject(text, lang, last, partitive, counted, sent)
    whole = _broken_down(ctx, n, done, sent) if part_of is None and n.value is not None else None
    if whole is not None:  # "120 unit, dengan rincian 40 rusak berat": a part of the count it breaks down
        part_of = whole["start"]
        category = category or whole["category"]
    if n.unit and n.unit.isupper() and len(n.unit) == 3:
        category, subject = "money", None  # an amount of money is money, whatever the sentence says of it
    cue, unit = counted.cue, None
    if category is None or cue == "toll":  # a list item is nearer than a total named at the sentence's start
        listed = _listed(ctx, n, done, sent, counted)
        category, subject, cue = listed if listed[0] else (category, subject, cue)
    if category is None and counted.generic:
        (category, subject), cue = _borrowed(ctx, n, done, sent), "borrowed"
    if category is None:
        unit = _counted_other(ctx, n, counted, sent) or _coordinated_other(ctx, n, counted, done) or (
            counted.noun if counted.noun and _whole_opened(ctx, n, sent) else None)  # "dari 41 korban, ...": a whole
        category, subject, cue = ("other", categories.canonical(lang, unit) or unit, "other") if unit else (
            None, None, None)
    if category in vocab.wordset(lang, "held_categories") and not subject:
        subject = _holder(ctx, n, sent)
    if category is None or n.value == 0 or (n.value == 1 and cue not in ("predicate", "list", "shared")):
        return None  # "satu pihak", "1 unit": one of something is rarely a count of what happened
    if n.value == 1 and heads.member(text, lang, {"value": 1, "start": q.start, "end": q.end}):
        return None  # "Salah satu penumpang selamat, X, ...": who is meant, one of a group, no count of it
    area = _area(text, lang, last)
    if (area and category != "damaged") or _named_after(text, lang, last):
        return None
    return {"start": q.start, "end": q.end, "sentence": ctx.sentence_at(n.start), "value": q.value,
            "low": q.low, "high": q.high, "qualifier": q.qualifier, "category": category,
            "unit": area or unit or (n.unit if n.unit and n.unit != "year" else None), "subject": subject,
            "text": text[q.start:q.end], "noun": counted.noun or None, "cue": cue, "part_of": part_of,
            "increment": _increment(text, lang, q.start, q.end)}


_ONE_WORD = r"(?:[^\W\d][\w'’-]*\s+)?"  # the counted noun between a number and "lagi" / "more"


def _increment(text: str, lang: str, start: int, end: int) -> bool:
    """How many more, not how many in all: "bertambah 8 orang", "38 more protesters", "tiga jenazah lagi";
    not a bound written after the number ("50,000 or more" is at least 50,000)."""
    if vocab.ending_regex(lang, "increment_before").search(text[max(0, start - 30):start]):
        return True
    return not qualifiers.trailing(text, lang, end) and bool(_increment_after(lang).match(text, end, end + 40))


@functools.lru_cache(maxsize=None)
def _increment_after(lang: str) -> re.Pattern[str]:
    words = vocab.alternation(vocab.phrases(lang, "increment_after"))
    return re.compile(rf"\s*{_ONE_WORD}(?:{words})(?!\w)" if words else r"(?!x)x", re.IGNORECASE)


def _listed(ctx: Context, n: Number, done: list[dict], sent, counted) -> tuple[str | None, str | None, str | None]:
    """``1.204 orang tewas di Garut dan 310 di Tasik``, ``Cikole 4 jiwa, Cimahi 19 jiwa``: an item of a
    list goes on from the figure before it in its sentence (or in the sentence before, same paragraph): its
    category, and the place named beside the item as subject (else the figure's subject).

    An item names nothing of its own: a generic noun or none, before it only names, list words and people
    (``yaitu perempuan 12.640 jiwa``), after it only a place (``di Cikole``, ``from Lakeside Town``)."""
    text, lang = ctx.text, ctx.lang
    here = ctx.sentence_at(n.start)
    prev = [f for f in done if f["sentence"] == here or (f["sentence"] == here - 1 and _same_paragraph(ctx, f, n))]
    if not (counted.generic or not counted.noun):
        return None, None, None
    if prev:
        category, subject = prev[-1]["category"], prev[-1]["subject"]
    else:  # "Deaths by town:" then "In Lakeside – 41 people;": the lead-in names what the items count
        category, subject = _lead_in(ctx, n), None
    if category in (None, "other"):
        return None, None, None
    b0, _ = categories.before_window(text, lang, n, sent[0])
    a0, a1 = categories.after_window(text, lang, n, sent[1])
    head, tail = text[b0:n.start], text[a0:a1]
    noun = re.match(rf"\s*{re.escape(counted.noun)}", tail) if counted.noun else None
    tail = tail[noun.end():] if noun else tail
    place = _list_tail(lang).match(tail)
    if not _list_head(lang, head) or (tail.strip() and not place):
        return None, None, None
    name = place.group("place") if place and place.group("place") else _names(lang, head)
    return category, name or subject, "list"


_ITEM_WORDS = 10  # the most words of one item of a list


def _lead_in(ctx: Context, n: Number) -> str | None:
    """The category a list's lead-in names, when the number is an item of a list that follows one: a
    clause ending in a colon that names a count but gives no number ("The deaths, by town:", "Rumah rusak:"),
    with only short items, each with its number, between it and the number (in its paragraph or in
    paragraphs of their own, one per item)."""
    text, lang = ctx.text, ctx.lang
    p = ctx.paragraph_at(n.start)
    p0 = ctx.paragraphs[p][0]
    colon = text.rfind(":", p0, n.start)
    items = [re.split(r"[;\n]", text[colon + 1 if colon >= 0 else p0:n.start])[:-1]]  # the items before this one
    lead = text[p0:colon] if colon >= 0 else None
    k = p
    while lead is None and k > 0 and k > p - 3 * _ITEM_WORDS:
        k -= 1
        chunk = text[ctx.paragraphs[k][0]:ctx.paragraphs[k][1]].strip()
        if chunk.endswith(":"):
            lead = chunk[:-1]
        else:
            items.append(re.split(r"[;\n]", chunk))
    if not lead or re.search(r"\d", lead):
        return None
    for chunk in items:
        for item in chunk:
            if item.strip() and (len(item.split()) > _ITEM_WORDS or not re.search(r"\d", item)):
                return None
    lead = re.split(r"[.!?]\s", lead)[-1]
    for kind in ("tolls", "predicates", "nouns"):
        found = categories.first_category(lang, kind, lead)
        if found:
            return found
    return None


@functools.lru_cache(maxsize=None)
def _list_tail(lang: str) -> re.Pattern[str]:
    words = vocab.alternation(vocab.phrases(lang, "list_tails"))
    stops = vocab.alternation(vocab.phrases(lang, "noun_stops") + vocab.phrases(lang, "list_tails"))
    word = rf"(?!(?:{stops})(?!\w))[^\W\d_][\w'’-]*"
    return re.compile(rf"(?i)\s*(?:(?:{words})(?!\w)\s*)+(?P<place>{word}(?:\s+{word}){{0,2}})?")


def _list_head(lang: str, head: str) -> bool:
    """Only names, list words (``yakni``, ``berikutnya``) and people before a list item."""
    fillers = vocab.wordset(lang, "list_fillers") | vocab.wordset(lang, "human_nouns")
    rest = vocab.regex(lang, "human_nouns").sub(" ", head)
    return all(w[:1].isupper() or w.lower() in fillers for w in re.findall(r"[^\W\d_][\w'’-]*", rest))


def _names(lang: str, head: str) -> str | None:
    """What a list item's own words name: a place (``Cikole``), a group of people (``ibu hamil``)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", head) if w.lower() not in vocab.wordset(lang, "list_fillers")]
    return " ".join(words) or None


def _counted_other(ctx: Context, n: Number, counted, sent) -> str | None:
    """A count of something no category names: its counted noun, or None.

    Households count (``41.166 KK``, ``2,100 families``); people named by a specific noun count (``37 WNI``,
    ``9 ministers``); anything else, people by a generic
    noun included, when the number is acted on: the object of the verb before it (``dibagikan sekitar
    2.700 paket``, ``appointing 7 deputies``, ``diikuti oleh 42.500 orang``) or the subject of a passive
    or of *be* after it (``1.8 million people were left without power``). Not the doer of an act (``Dua ledakan
    menewaskan``), not a count a ``data``/``angka`` word leaves unnamed, not fractions, nor nouns that count
    no news (``lima titik``, ``tiga kali``)."""
    text, lang = ctx.text, ctx.lang
    if n.value is None or _fraction(lang, n) or not counted.noun:
        return None
    rest = categories.strip_generic(lang, counted.noun)
    if vocab.starting_regex(lang, "not_counted").match(rest or counted.noun):
        return None
    first = (rest or counted.noun).split()[0]
    if len(first) < 3 and not first.isupper():
        return None  # a word's tail ("berdua dua an"), not a noun: "KK", "WNI" are written in capitals
    unit = " ".join((rest or counted.noun).split()[:3])
    b0, _ = categories.before_window(text, lang, n, sent[0])
    head = text[b0:n.start]
    if vocab.ending_regex(lang, "determiners").search(head):
        return None  # "the nine officers" were counted before
    if vocab.starting_regex(lang, "household_nouns").match(rest or ""):
        return unit  # "Data ... sebanyak 41.166 KK": people counted by household are a count whatever the clause
    people = bool(rest) and categories.human(lang, rest)
    if people and _counted_cue(lang, head):
        return unit  # "Dalam manifes tercatat 42 penumpang": the specific noun names the count a count word opens
    if vocab.regex(lang, "count_words").search(head):
        return None  # "Data ... 129 orang" leaves the count unnamed
    if _object(lang, head) or _passive(lang, text, n, counted.noun, sent[1]):
        return unit
    if people and (_counted_cue(lang, head) or _passive(lang, text, n, counted.noun, sent[1], active=True)):
        return unit  # "Ada 37 WNI", "Sekitar 300 WNI tinggal": people, not "450 orang"
    return None


def _holder(ctx: Context, n: Number, sent) -> str | None:
    """Who holds a count of a held category (``Calon A meraih 10.200 suara``, ``his rival Jones received 4,870
    votes``): the words between the clause's start and the holding verb right before the number, so that
    votes for different candidates are different quantities. None when no such verb stands there."""
    text, lang = ctx.text, ctx.lang
    head = qualifiers.strip_qualifier(lang, text[sent[0]:n.start])
    verb = vocab.ending_regex(lang, "holding_verbs").search(head)
    if not verb:
        return None
    clause = re.split(r"[,;:()\n]", head[:verb.start()])[-1]
    joins = vocab.wordset(lang, "clause_joins") | vocab.wordset(lang, "determiners")
    words = re.findall(r"\w[\w'’.-]*", clause)
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in vocab.wordset(lang, "clause_joins"):
            words = words[i + 1:]
            break
    words = [w for w in words if w.lower() not in joins]
    return " ".join(words[-4:]) or None


_JOINED = re.compile(r"\s*(?:,|;)?\s*(?:(?:dan|serta|and|as well as|plus)\s+)?$", re.IGNORECASE)


def _coordinated_other(ctx: Context, n: Number, counted, done: list[dict]) -> str | None:
    """``membawa 120 penumpang dan 15 awak``, ``480 tents and 60 water tanks``: a count joined right after a
    count of something no category names is acted on as that one is; its own noun is its unit."""
    prev = done[-1] if done else None
    if not prev or prev["category"] != "other" or prev["sentence"] != ctx.sentence_at(n.start) or not counted.noun:
        return None
    if not _JOINED.fullmatch(ctx.text[prev["end"]:n.start].replace(prev.get("noun") or "\0", "", 1)):
        return None
    rest = categories.strip_generic(ctx.lang, counted.noun)
    if vocab.starting_regex(ctx.lang, "not_counted").match(rest or counted.noun):
        return None
    return " ".join((rest or counted.noun).split()[:3])


def _counted_cue(lang: str, head: str) -> bool:
    """A qualifier or a counting word right before a number (``sekitar``, ``ada``, ``some``)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", head)]
    return qualifiers.strip_qualifier(lang, head) != head or bool(words) and words[-1] in vocab.wordset(
        lang, "object_links")


def _fraction(lang: str, n: Number) -> bool:
    """``7,0``, ``2.5``: digits with a decimal part and no scale measure something, they count nothing."""
    decimal = re.escape((vocab.section(lang, "numbers") or {}).get("decimal", "."))
    return n.scale == 1 and bool(re.search(rf"\d{decimal}(?:\d{{1,2}}|\d{{4,}})(?!\d)", n.text))


def _object(lang: str, head: str) -> bool:
    """The last words before a number are a verb (qualifiers and ``oleh``/``by`` aside)."""
    head = qualifiers.strip_qualifier(lang, head)
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", head)]
    while words and words[-1] in vocab.wordset(lang, "object_links"):
        words.pop()
    return bool(words) and categories.tells_act(lang, words[-1])


def _passive(lang: str, text: str, n: Number, noun: str, end: int, active: bool = False) -> bool:
    """A passive verb or a form of *be* right after the counted noun (``bantuan telah disalurkan``); with
    ``active``, any verb (``300 WNI tinggal``)."""
    after = re.match(rf"\s*{re.escape(noun)}", text[n.end:end])
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", text[n.end + (after.end() if after else 0):end])]
    while words and words[0] in vocab.wordset(lang, "passive_links"):
        words.pop(0)
    return bool(words) and (words[0] in vocab.wordset(lang, "auxiliaries") or (active or words[0].startswith(
        tuple(vocab.phrases(lang, "passive_prefixes")))) and categories.tells_act(lang, words[0]))


def _area(text: str, lang: str, n: Number) -> str | None:
    """``100 hektare``: the area unit after a number, if any."""
    m = vocab.starting_regex(lang, "area_units").match(text, n.end)
    return m.group(0).strip().lower() if m else None


def _named_after(text: str, lang: str, n: Number) -> bool:
    """``kios 7 Distrik``: an Indonesian number before a capitalised word the packs do not know names a thing."""
    m = re.match(r"\s+([A-Z][a-z][\w-]*)", text[n.end:n.end + 30])
    return lang == "id" and bool(m) and not (
        m.group(1).lower() in vocab.wordset(lang, "human_nouns") or categories.canonical(lang, m.group(1))
        or vocab.starting_regex(lang, "human_nouns").match(text, n.end))  # "delapan Kepala Keluarga (KK)"


def _last_before(ctx: Context, done: list[dict], n: Number) -> list[dict]:
    """The last figure of ``n``'s sentence or paragraph, else of the paragraph before (``done`` is in text
    order, so the last one decides: constant time however long the paragraph)."""
    if done and (done[-1]["sentence"] == ctx.sentence_at(n.start)
                 or ctx.paragraph_at(done[-1]["start"]) in (ctx.paragraph_at(n.start), ctx.paragraph_at(n.start) - 1)):
        return [done[-1]]
    return []


_QUOTE_MARKS = "\"“”'‘’"


def _broken_down(ctx: Context, n: Number, done: list[dict], sent: tuple[int, int]) -> dict | None:
    """The larger count of ``n``'s sentence that ``n`` breaks down, or None: one a breakdown word stands after
    (``120 unit, dengan rincian 40 rusak berat, 35 rusak sedang``), or the one the sentence opens with after a
    whole opener (``Dari 40 korban itu, 12 adalah anak-anak``, ``Of the 40 victims, 12 were children``)."""
    text, lang = ctx.text, ctx.lang
    here = [f for f in done if f["sentence"] == ctx.sentence_at(n.start) and f["end"] <= n.start]
    if not here or quantity.damage_class(text, lang, n.start, n.end):
        return None  # a count of a class ("1.000 rusak berat") is a quantity of its own, with its own line
    cues = vocab.regex(lang, "breakdown_cues")
    for fig in reversed(here):
        if fig["value"] is not None and fig["value"] > n.value and not fig.get("part_of") \
                and cues.search(text, fig["end"], n.start):
            return fig
    first = here[0]
    if _whole_opened(ctx, _n(first), sent) and first["value"] is not None and first["value"] > n.value \
            and "," in text[first["end"]:n.start]:
        return first
    return None


def _whole_opened(ctx: Context, n: Number, sent: tuple[int, int]) -> bool:
    """``n`` is the whole a whole opener names, at the sentence's start or after a comma or a reporting verb
    (``Dari 40 korban itu, 12 ...``, ``menyebut dari 41 korban, sebanyak 36 jenazah ...``): what is said of
    the counts after it is not said of it. A ``dari`` after other words (``turun dari 174``) is no opener."""
    openers = vocab.phrases(ctx.lang, "whole_openers")
    if not openers:
        return False
    before = ctx.text[sent[0]:n.start]
    m = re.search(rf"(?<!\w)(?i:{vocab.alternation(openers)})\s+$", before)
    if not m:
        return False
    head = before[:m.start()]
    return not head.strip(f" {_QUOTE_MARKS}") or head.rstrip().endswith((",", ":")) \
        or bool(vocab.ending_regex(ctx.lang, "reporting_verbs").search(head))


def _same_paragraph(ctx: Context, fig: dict, n: Number) -> bool:
    return ctx.paragraph_at(fig["start"]) == ctx.paragraph_at(n.start)


def _part_subject(text, lang, n, partitive, counted, sent) -> str | None:
    if partitive is None:  # "termasuk dua polisi": the counted noun names the part; "including 12 in Surabaya"
        place = re.match(r"\s+(?:in|di|at)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", text[n.end:sent[1]])
        return counted.subject or categories.canonical(lang, counted.noun) or counted.noun or (
            place.group(1) if place else None)
    copula = vocab.regex(lang, "copulas").search(text, n.end, sent[1])  # "Dua di antaranya merupakan polisi"
    if copula:
        noun, _ = categories.counted_noun(text, lang, copula.end(), sent[1])
        return categories.canonical(lang, noun) or categories.subject_of(lang, noun, "", "") or noun
    if counted.subject:
        return counted.subject
    # "400 laporan di antaranya": a part names what it counts by its own noun when the partitive says no more
    return categories.canonical(lang, partitive) or partitive or (None if counted.generic else counted.noun) or None


def _borrowed(ctx: Context, n: Number, done: list[dict], sent) -> tuple[str | None, str | None]:
    """A category for a number that names none (``127 orang``, ``129 orang``), from

    * the figure it changed from (``turun dari angka 174``);
    * a running total named earlier in its paragraph (``Angka korban meninggal ... Polisi semula menyebut 127``);
    * the last figure of the two paragraphs before, when the sentence speaks of a count (``data``, ``angka``,
      ``jumlah``) and the two counts are alike (``Data awal ... 129 orang`` after ``tercatat sebanyak 125
      orang``): a count of a different size is about something else.
    """
    text, lang = ctx.text, ctx.lang
    same = [f for f in done if f["sentence"] == ctx.sentence_at(n.start)]
    if same and (status.old_value(text, lang, n.start, (sent[0], sent[1])) or _from_word(ctx, n)):
        return same[-1]["category"], same[-1]["subject"]
    p = ctx.paragraph_at(n.start)
    shift = _topic_shift(ctx, n, sent)
    found = None
    for found in vocab.category_regex(lang, "tolls").finditer(text, max(ctx.paragraphs[p][0], shift), n.start):
        pass
    tally = vocab.wordset(lang, "patient_categories")  # running totals: the dead, the detained...
    category = vocab.category_of(lang, "tolls", found.group(0)) if found else None
    if category in tally:
        return category, None
    floor = max(ctx.paragraphs[max(0, p - _TOPIC_REACH)][0], shift)
    recent = [f for f in done if f["start"] >= floor and f["value"] and not f.get("part_of") and f["cue"] != "list"]
    counted = vocab.regex(lang, "count_words").search(text, sent[0], n.start)
    if recent and counted and n.value and recent[-1]["category"] in tally and \
            0.5 <= n.value / recent[-1]["value"] <= 2:
        return recent[-1]["category"], recent[-1]["subject"]
    return None, None


def _topic_shift(ctx: Context, n: Number, sent) -> int:
    """Where the last turn to another matter before ``n`` in its paragraph ends (``Sementara itu``, ``Meanwhile``),
    else 0: a count after it is not the running total named before it (``korban luka ... 90 orang. Sementara
    itu kerusakan rumah ... 150 unit``)."""
    last = None
    start = min(sent[0], ctx.paragraphs[ctx.paragraph_at(n.start)][0])
    for last in vocab.regex(ctx.lang, "topic_shifts").finditer(ctx.text, start, n.start):
        pass
    return last.end() if last else 0


def _from_word(ctx: Context, n: Number) -> bool:
    head = ctx.text[max(0, n.start - 30):n.start].lower().split()
    while len(head) > 1 and head[-1] in vocab.wordset(ctx.lang, "earlier_cues"):  # "dari awalnya 6.020 unit"
        head.pop()
    if len(head) > 1 and head[-2] in ("lebih", "kurang", "more", "less", "fewer"):
        return False  # "lebih dari 20.000": a qualifier, not a change from
    return bool(head) and head[-1] in vocab.wordset(ctx.lang, "change_from") | {"angka"} and (
        head[-1] != "angka" or (len(head) > 1 and head[-2] in vocab.wordset(ctx.lang, "change_from")))


class _OuterQuotes:
    """The quotes that no other holds, by start: they are disjoint (nested ones lie inside their parent),
    so the one around a position is found by bisection, not by a scan of every quote per figure."""

    def __init__(self, quotes: list[dict]):
        self.quotes = sorted((q for q in quotes if q.get("parent") is None), key=lambda q: q["start"])
        self.starts = [q["start"] for q in self.quotes]

    def around(self, pos: int) -> dict | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.quotes[i] if i >= 0 and pos < self.quotes[i]["end"] else None


def _complete(ctx: Context, fig: dict, quotes: _OuterQuotes, published: str | None, done: list[dict]) -> None:
    text, lang = ctx.text, ctx.lang
    sent = ctx.sentences[fig["sentence"]]
    clause = (categories.before_window(text, lang, _n(fig), sent[0])[0],
              categories.after_window(text, lang, _n(fig), sent[1])[1])
    fig["status"] = status.status(text, lang, fig["start"], fig["end"], sent, clause)
    earlier = vocab.regex(lang, "earlier_cues")
    opening = earlier.match(text, sent[0])  # "Sebelumnya, menurut data X, korban ... 252 orang": the whole sentence
    fig["earlier"] = bool(earlier.search(text, clause[0], clause[1])
                          or opening and "," in text[opening.end():opening.end() + 2])
    quote = quotes.around(fig["start"])
    found = None
    if quote and quote.get("speaker_name"):
        fig["claimant"], fig["claimant_how"] = quote["speaker_name"], "quote"
        claim = (quote["start"], quote["end"])
    else:
        found = claimants.claim(ctx, fig, sent, clause)
        fig["claimant"] = ctx.resolve(found.speaker, found.start, (found.start, found.end)) if found else None
        fig["claimant_how"] = found.form if found else None
        claim = (found.start, found.end) if found else None
    if found:
        fig["claimant_start"], fig["claimant_end"] = found.start, found.end
    if not fig["claimant"]:
        claimants.carry(ctx, fig, done)
    if not fig.get("via"):
        fig["via"] = quote["via"] if quote and quote.get("via") else ctx.via(*sent)
    _date(ctx, fig, sent, claim, published)


def _date(ctx: Context, fig: dict, sent, claim, published: str | None) -> None:
    found = as_of(ctx.text, ctx.times, sent, fig["start"], claim, published, ctx.zone)
    fig["as_of"], fig["as_of_part"], fig["as_of_raw"] = found["as_of"], found["part"], found["raw"]
    fig["as_of_basis"] = found["basis"]


def _n(fig: dict) -> Number:
    return Number(fig["start"], fig["end"], fig["text"], fig["value"], fig["low"], fig["high"], "digits")


_CARRIED = ("claimant", "claimant_how", "as_of", "as_of_part", "as_of_raw", "as_of_basis", "via")
_RANK = {"reported": 0, "projected": 1, "denied": 2, "retracted": 3}


def _once(figures: list[dict], headings) -> list[dict]:
    """One figure per claim in a document: repeats merge into the first, claimants gathered.

    A value the document withdraws anywhere is withdrawn wherever it repeats it.
    """
    kept: dict[tuple, dict] = {}
    for fig in sorted(figures, key=lambda f: (_in(f, headings), f["start"])):
        key = (fig["value"], fig["category"], fig["subject"])
        if fig["value"] is None:
            key += (fig["low"], fig["high"])
        first = kept.get(key)
        if first is not None and not _compatible(first["qualifier"], fig["qualifier"]):
            key += (fig["qualifier"],)
            first = kept.get(key)
        if first is None:
            fig["claimants"] = [fig["claimant"]] if fig["claimant"] else []
            fig["mentions"] = [[fig["start"], fig["end"]]]
            kept[key] = fig
            continue
        first["mentions"].append([fig["start"], fig["end"]])
        if fig["claimant"] and fig["claimant"] not in first["claimants"]:
            first["claimants"].append(fig["claimant"])
        if _RANK[fig["status"]] > _RANK[first["status"]]:
            first["status"] = fig["status"]
        if not first["claimant"] and fig["claimant"]:
            # the claimant's mention tells who; its day only when the first mention's text gave none
            dated = first.get("as_of_basis") == "text" and fig.get("as_of_basis") != "text"
            for name in ("claimant", "claimant_how", "via") if dated else _CARRIED:
                first[name] = fig.get(name)
    return sorted(kept.values(), key=lambda f: f["start"])


def _compatible(a: str, b: str) -> bool:
    """``at least 174`` and ``174`` are one claim; ``more than 130`` and ``130`` are not."""
    loose = {"exact", "at_least", "about", "nearly"}
    return a == b or (a in loose and b in loose and "exact" in (a, b))


def _in(fig: dict, headings) -> bool:
    return any(s <= fig["start"] < e for s, e in headings)
