"""The pipeline step ``claims``: a document's quotes (with speakers) and figures.

Quotes come first: a figure inside a quote is claimed by the quote's speaker.
``doc.quotes`` and ``doc.figures`` get one dict per item, with the contract's
per-document fields (offsets into ``doc.text``, ``sentence``, and for figures
``value``, ``low``, ``high``, ``qualifier``, ``category``, ``unit``, ``subject``,
``claimant``, ``via``, ``as_of``, ``status``; for quotes ``text``, ``speaker_name``,
``kind``, ``via``) plus how each was found (``cue``, ``how``, ``claimant_how``...).
Ids, stories and the ledger come later, across documents (``ledger.build_ledger``).
"""

from __future__ import annotations

import bisect
from typing import Any

from kronologi.claims.context import Context
from kronologi.claims.dating import HOME_ZONE
from kronologi.claims.figures import find_figures
from kronologi.claims.quotes import find_quotes
from kronologi.claims.speakers import attribute
from kronologi.document import Document


class ClaimsStep:
    name = "claims"
    version = "46"  # 2: general figures, speakers resolved by referents; 3: as-of after since/from, "dan" between counts;
    # 4: unnamed speakers described (claims/anonymous.py); 5: bare fractions and "magnitudo (M) 5,6" are no figures;
    # 6: increments ("bertambah 8", "38 more"); 7: a month-only article's recalled day dates no count, an opening
    # "Sebelumnya," marks its sentence's counts earlier, a later claimant keeps the first mention's stated day;
    # 8: no speaker taken from a heading's words, a document's owner speaks for it ("kajian kelompok itu");
    # 9: household counts ("1.250 KK"), a modal before a change projects ("could double to"), a relative clause's
    # predicate describes its noun, "14 to three years" is no span, "demikian pernyataan lembaga tersebut", a
    # vague quantity takes the scale after it ("belasan ribu"); 10: "dan"/"and" inside a title before a name
    # ("Menteri Koordinator Bidang X dan Y (Menko XY) Budi"), an acronym's long form without a sentence word or
    # title before it ("Menurut Badan ... (BPBD)"); 11: an annulled count is retracted, "reported by" names its
    # agent as "oleh" does; 12: a contrast clause withdrawing the count before it ("..., tetapi dianulir");
    # 13: a day joined to a date's day is no count ("sejak 25 sampai 29 September"), a turn to another matter
    # ("Sementara itu") stops a running total's category, estimate words do not part a count from its name;
    # 14: a partitive after any counted noun makes a part ("Empat saksi diantaranya" of the saksi before)
    # 15: a conjunction before an article joins two nouns ("two soldiers and a civilian were killed")
    # 16: after a national body's acronym the words are the name ("Ketua DPR Rina Kartika Sari"); more postposed
    # saying verbs ("keluh", "kenang", "beber", "pinta"); 17: a pack noun shaped like a verb ends no noun phrase
    # ("30 orang tersangka"), a predicate after a coordinated count is the first count's too ("menetapkan 45 orang
    # dan dua perusahaan sebagai tersangka"), and so is the last item's noun ("30 orang dan 8 orang tersangka")
    # 18: a place named by the event or the body beside it ("kerusuhan X menewaskan", "oleh Polda X", "the X riot")
    # restricts a count; where the counted come from ("warga asli X", "berasal dari X") and a cue before another
    # number ("terdiri dari 22 warga X") do not
    # 19: a count after a breakdown word ("dengan rincian", "yakni", "comprising") or in a sentence opening on
    # its whole ("Dari 40 korban itu, 12 ...", "Of the 40 dead, 12 ...") is a part of it, whatever its size;
    # a class before a list word is the item's before it ("25 rusak sedang dan 38 rusak ringan")
    # 20: counts no category names, of a generic noun ("120 orang"), share a ledger line only where they agree
    # 21: a number hyphened to a model's number is its code ("Cassa 212-200"); a range's unit is its first
    # number's too ("81-100 persen" is no count)
    # 22: counts listed "masing-masing" / "respectively" take the places listed before them, in order
    # 23: no counted noun of fewer than three letters unless in capitals ("dua an"); memories and hopes count nothing
    # 24: the opening words of a clause ("Meski belum", "Mereka akan", "it had") are no group that speaks
    # 25: an amount link ("Sebanyak") finds its noun in its own sentence, not in the one before; an English role
    # of a place or domain names its holder ("President of Kazakhstan X" for "the president said"); the sentence
    # after a quote names its teller as "the assessment of X", "came from X", "Demikian penilaian X"; a surname
    # two people share stands for the one named last before it; what befell a list of people ("Nine soldiers and
    # three civilians died") is the first count's category, not the one its noun names (troops); more postposed
    # saying verbs ("aku", "kisah", "klaim", "bilang")
    # 26: the items of a list after a lead-in that names a count but no number ("Deaths by town:", then
    # "In X – 9 people;") take the lead-in's category; English verbs no ending shows ("lost", "remain": pack
    # verb_forms) end a counted noun and tell an act; people in camps and shelters are displaced; "unaccounted"
    # is missing; an apposition naming a count that calls it wrong denies it ("a figure X later said was wrong")
    # and names no claimant; "a figure confirmed by X": X; "its earlier estimate" is no saying; a saying between
    # commas ("..., the agency said, and ...") speaks for the clause after it; "put the number of dead at";
    # storms and typhoons are not counted; a title in lower case before a name ("police chief Colonel X",
    # "Kalinda governor X") is the role a later "the police chief said" resolves to
    # 27 (id): a name set between commas beside its title ("disampaikan Kepala Kantor SAR X, Budi Santoso, di
    # posko", "menurut Bupati X, Rudi Hartono") is the speaker, not the place after the title; one word after a
    # regional body's acronym is its place ("Kepala Kantor SAR Kendari"); a part of the day ends a speaker
    # phrase ("disampaikan BPBD X pagi tadi"); "hingga"/"sampai" open no speaker; "berdasarkan data X" names X;
    # bodies found, named before their verb ("Dua jenazah ditemukan"), are how many more (an increment)
    # 28: a name set between commas after a description before the verb speaks ("his cousin, X, said"); "every
    # one of the dead" counts no one
    # 29: "mengamankan N orang" holds them (detained); people let go ("dipulangkan", "dibebaskan") are their own
    # count (released); bodies moved ("jenazah dievakuasi") are the dead; "dari N korban, sebanyak M ..." makes N the
    # whole, not what is said of M; a pronoun-doer passive ("masih kami cari") matches its di- predicate; a promise
    # ("berjanji membangun") projects; "yang benar N" is the new value and "data sebelumnya keliru" withdraws the
    # count before; a building after a preposition ("dari tiga rumah sakit") is no count of buildings; "LBH X" is a
    # body, and the name after "Bupati X Y," is the speaker
    # 30: a subordinator without a comma ("after", "setelah") opens a clause of its own when a subject and its verb
    # follow before the count ("promised funds after floods killed 67": not the promiser's count)
    # 31: a noun shaped like a verb ("berita", "menteri") goes on a speaker phrase: "kata kantor berita X"
    # 32: an outbreak's counts: recovered, still in hospital (also "masih ada N ... dirawat"), cases and new cases
    # (a step); a counted subject ("Three people have died") claims nothing; "X withdrew that figure" retracts the
    # last count before it in its paragraph
    # 33: "kata Kepala Dinas Kesehatan Tirta Wening, Rudi Hartono": the name after a body and its place speaks
    # 34: an aside after a count ("87 people, most of them pupils, were ...") is read past; "taken to hospital" hurt
    # 35: an as-of word in a count's own words ("sampai Senin malam ada 112 orang") dates it before the saying's day
    # 36: "Of the total 164 cases, 71 ..." opens a whole; a count of the ill is a running total a later bare count
    # ("total 164 kasus") may repeat
    # 37: a count its own sentence puts right ("disebutkan 12 orang, yang benar 10 orang"; "said 12; the correct
    # number is 10") is retracted
    # 33 (id): "anak buah kapal" / "ABK" counts a ship's crew, not children
    # 34: people found dead ("ditemukan meninggal dunia", "found dead") are counted as killed, not as found
    # 35: a date that opens the sentence, a comma after it ("Sebelumnya, Kamis (16/3), korban ... 14 orang"), dates
    # its count
    # 36 (id): a title pointed back to by a demonstrative ("Kepala Kantor SAR X itu", "bupati tersebut") with no holder
    # of that title in the text is the person just named
    # 37 (en): the entities pack's new roles ("survivor", "fisherman", "passenger", ...) are titles a speaker phrase reads
    # 38 (id): a record word before a specific noun of people ("Dalam manifes tercatat 42 penumpang", "terdata")
    # names the count
    # 39: one of a group that introduces a person ("Salah satu penumpang selamat, X") is no count of one
    # 40: "termasuk"/"including" after a number of its own sentence is a part of that number, read or not, never of
    # the count of the sentence before
    # 41 (en): people still to be found, or hoped to be ("the remaining seven can be found", "yet to be found"), are missing

    def __init__(self, options: dict[str, Any] | None = None):
        # the clock the stories happen on, as the dates step reads them (an article's day is the day there)
        self.zone = (options or {}).get("dates_zone", HOME_ZONE)

    def __call__(self, doc: Document) -> Document:
        if not doc.text.strip():
            doc.figures, doc.quotes = [], []
            return doc
        claims = read_claims(doc, self.zone)
        doc.quotes, doc.figures = claims["quotes"], claims["figures"]
        return doc


def read_claims(doc: Document, zone: str = HOME_ZONE) -> dict[str, list[dict[str, Any]]]:
    """The quotes and figures of one document (the step's work, without touching ``doc``).

    Reads ``doc.text``, ``sentences``, ``headings``, ``times`` (run the dates step first),
    ``mentions`` (entity mentions, if the entities step ran: speakers then come from them),
    ``credits`` and ``published``.
    """
    lang = doc.language or "id"
    headings = [(h.start, h.end) for h in doc.headings]
    ctx = Context(doc.text, lang, [(s.start, s.end) for s in doc.sentences], doc.times, doc.mentions, doc.credits,
                  zone, headings)
    quotes = attribute(ctx, find_quotes(doc.text, ctx.lang, headings), headings)
    figures = find_figures(ctx, quotes, doc.published, headings)
    return {"quotes": quotes, "figures": figures}


def read_text(text: str, lang: str, published: str | None = None, credits: list[str] = (),
              headings: list[tuple[int, int]] = ()) -> dict[str, list[dict[str, Any]]]:
    """The quotes and figures of a plain text (paragraphs separated by a blank line).

    Sentences and time expressions are found here (``kronologi.text``, ``kronologi.temporal``),
    resolved against ``published``: the same reading the pipeline gives a document.
    """
    from kronologi.temporal import tag
    from kronologi.text.sentences import split_sentences

    sentences = split_sentences(text, lang)
    starts = [s for s, _ in sentences]
    times = []
    for tm in tag(text, lang, published):
        index = max(0, bisect.bisect_right(starts, tm.start) - 1) if sentences else None
        times.append({**tm.to_dict(), "sentence": index})
    ctx = Context(text, lang, sentences, times, (), list(credits), headings=list(headings))
    quotes = attribute(ctx, find_quotes(text, ctx.lang, list(headings)), list(headings))
    return {"quotes": quotes, "figures": find_figures(ctx, quotes, published, list(headings))}
