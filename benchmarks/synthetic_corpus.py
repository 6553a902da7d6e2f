"""A synthetic corpus of any size from processed click-id-news documents (issues 13 and 15).

Why: the per-document steps cost about 47 ms of CPU per article and grow linearly (recorded 22k builds in
``results.md``), so running them on 200,000 articles would take hours on a 2-core machine; what may grow
faster than linearly, or hold all documents in one process, is the corpus passes (duplicates, reference
dates, stories, entities, ledger and events, summaries), the store write and the exports. Those are
measured on copies of documents that went through every step once (``passes_scale.py``).

Method. ``prepare`` ingests the articles and runs every step of ``DEFAULT_STEPS`` as ``kronologi build``
does (``build._process``: a pool of ``--workers``, batches of 200, a store in a temporary folder), and
pickles the documents as the corpus passes receive them (raw text dropped, no pass run yet).
``synthesize(docs, n)`` returns ``n`` documents: the originals (copy 0), then copy 1 of every document,
copy 2, ..., the last round cut short. Copy ``k`` of a document:

* ids and keys: ``id + "~c<k>"``, ``key`` a new content hash of ``(key, k)``, ``url + "#c<k>"``: distinct
  documents for the store and every pass that indexes by id or key;
* dates: every date a Document carries moved ``k * SHIFT_YEARS`` (4) years back: ``published``, the
  ``observed`` published values, the resolved values of temporal expressions (``times[].value``), events'
  ``date`` and ``timex``, figures' ``as_of`` and ``as_of_raw`` — any ``YYYY...`` value (``YYYY``,
  ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``, ``...THH:MM``) under a key that does not hold surface text.
  click-id's articles were published from March to October 2019 (8 months), so with D = 4 years (1,461
  days) the copies' publication spans are 40 months apart: far beyond the stories pass's 21-day window,
  so copies of a story form distinct stories rather than one giant story. Whole years (a multiple of 4)
  keep partial dates (a year, a month, an ISO week) well formed and 29 February valid; weekdays are not
  kept (no pass re-reads a weekday). Backwards, so no date lands after the build's own date;
  copy 9 (needed for 200k) reaches 1983.
* text: the duplicates pass compares text regardless of date (exact hash of the tokens, MinHash of word
  5-gram shingles with LSH at Jaccard 0.8, sentence hashes for shared passages), so unchanged copies would
  all be duplicates of their originals. Every word (a run of letters, 2 or more, any case) has its last
  letter moved ``k`` places in a-z / A-Z for copy ``k`` (``bencana`` -> ``bencanb`` in copy 1): same
  length, so every character offset (sentences, headings, mentions, times, figures, quotes, events) still
  points at the same span; and the same place in sorted order nearly always (the stories pass breaks ties
  by sorted names, so a rewrite that reorders words regroups articles). Kept as they are: the words of the
  language packs (``kronologi/langs/*/*.yaml``: function words, calendar words, cue and title words,
  places), the events lexicon's expanded trigger forms, the gazetteer's places (pycountry's countries
  and provinces), and acronyms of up to 4 capitals (DPR, KPK, IDR): whatever a pass looks up still
  matches, and stop words stay stop words. The rewrite is applied to every field holding surface text:
  ``text``, ``title``, the observed titles, ``dateline``, ``author``, ``credits``, removed lines, and the
  text fields of mentions, times, figures (``text``, ``claimant``, ``claimants``, ``subject``, ``noun``,
  ``unit``), quotes (``text``, ``speaker_name``, ``speaker_text``, ``speaker_role``) and events (``summary``,
  ``trigger``, ``date_text``); a record's ``text`` that was its span of the document is the rewritten span.
  Nearly every sentence of 6+ words holds a word outside the packs, so copies are not exact, near or
  passage duplicates of each other (``passes_scale.py`` reports the cross-copy links the duplicates pass
  still made). Check (60 articles, copy 1 alone against the originals alone): the same stories, document
  for document, and the same number of events; and in one corpus of both, 39 stories and 157 events per
  copy, no cross-copy duplicate or shared passage. Up to 25 copies (a 26-place move is the identity).

Limits. Copies are independent worlds laid end to end in time: every word outside the packs differs per
copy, so the vocabulary, the names and the entities grow linearly with N, where in a real corpus of 10M
articles words and people recur (the stories' term index and the entities pass would see fewer, larger
groups: these runs do not show what that costs). Pack words, pack and pycountry places and acronyms recur
in every copy. Duplicates and shared passages exist only within a copy, at the original's rate. The
per-document results (mentions, events, figures) are the originals'. The corpus passes therefore see N
documents with click-id's density of stories, entities, events and figures per document, and a time span
that grows with N (one 8-month block per copy, 40 months apart): timings show how each pass grows with N
when the corpus grows by more news of the same kind, not what a real 10M-article corpus would cost.

    .venv/bin/python benchmarks/synthetic_corpus.py prepare --pickle /tmp/scale/click22k.pkl --workers 2
    .venv/bin/python benchmarks/synthetic_corpus.py check --pickle /tmp/scale/click22k.pkl --n 50000
"""

from __future__ import annotations

import argparse
import pickle
import re
import resource
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from kronologi import langs
from kronologi.document import Document, content_key

SHIFT_YEARS = 4  # per copy: larger than click-id's 8-month span, a multiple of 4 (29 February stays valid)
PACKS = Path(langs.__file__).parent  # the packs of the kronologi imported (PYTHONPATH may name another checkout)

_WORD = re.compile(r"[^\W\d_]+")  # a run of letters: parts of 'Anak-Anak', 'Jum'at' each on their own
_DATE = re.compile(r"^(\d{4})(?=$|-|T)")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

# per record kind, the fields that hold surface text (rewritten); every other string field is a code, an id
# or a date (dates shifted, the rest kept)
TEXT_FIELDS = {
    "mentions": {"text"},
    "times": {"text"},
    "figures": {"text", "claimant", "claimants", "subject", "noun", "unit"},
    "quotes": {"text", "speaker_name", "speaker_text", "speaker_role"},
    "events": {"summary", "trigger", "date_text"},
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare", help="process articles once and pickle the documents (no corpus pass)")
    prep.add_argument("--data", type=Path, default=None, help="JSON Lines articles (default: click-id-news)")
    prep.add_argument("--limit", type=int, help="only the first N articles")
    prep.add_argument("--workers", type=int, default=2)
    prep.add_argument("--pickle", type=Path, required=True)
    check = sub.add_parser("check", help="synthesize N documents and report their dates and a sample")
    check.add_argument("--pickle", type=Path, required=True)
    check.add_argument("--n", type=int, required=True)
    return p.parse_args(argv)


def prepare(data: Path, limit: int | None, workers: int, out: Path) -> None:
    """Every per-document step, as ``kronologi build`` runs them; documents pickled before any corpus pass."""
    from ingest_clean_dedup import input_file

    from kronologi.build import _ingest, _process, _repeated, pipeline_signature
    from kronologi.ingest.limits import Limits
    from kronologi.pipeline import DEFAULT_STEPS, PipelineConfig
    from kronologi.store import Store

    start, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory(prefix="kronologi-synth-") as tmp:
        path = input_file(data, limit, Path(tmp))
        raw, _ = _ingest([str(path)], None, None, None, Limits())
        config = PipelineConfig(tuple(DEFAULT_STEPS), {"repeated_lines": sorted(_repeated(raw))})
        store = Store(Path(tmp) / "kronologi.db")
        try:
            docs, dropped = _process(store, raw, config, pipeline_signature(config), workers, 200, None)
        finally:
            store.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, reaped when it closed
    cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime
    out.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    failed = sum(1 for d in docs if d.failures)
    print(f"{len(docs)} documents ({len(dropped)} dropped, {failed} with a failed step) pickled to {out}: "
          f"{time.perf_counter() - start:.0f} s wall, {cpu:.0f} CPU s (main and workers), "
          f"{1000 * cpu / max(1, len(docs)):.0f} ms per document")


@lru_cache(maxsize=1)
def pack_words() -> frozenset[str]:
    """Every word of the language packs (not their examples), of the events lexicon's expanded forms (affixed
    trigger forms) and of the gazetteer's places (pycountry's countries and provinces), case-folded: kept
    in every copy, so what the passes look up still matches."""
    from kronologi.entities import gazetteer
    from kronologi.events.lexicon import PhraseIndex, lexicon

    words: set[str] = set()
    for path in PACKS.glob("*/*.yaml"):
        if not path.name.endswith(".examples.yaml"):
            words.update(w.casefold() for w in _WORD.findall(path.read_text(encoding="utf-8")))
    for lang in sorted(p.name for p in PACKS.iterdir() if p.is_dir() and not p.name.startswith("_")):
        for value in vars(lexicon(lang)).values():
            for item in (value.values() if isinstance(value, dict) else (value,)):
                if isinstance(item, PhraseIndex):
                    item = item.words()
                if isinstance(item, (set, frozenset)):
                    words.update(w.casefold() for w in item if isinstance(w, str))
    for name in [*gazetteer.places(), *gazetteer._subdivisions()]:  # countries, provinces (pycountry)
        words.update(w.casefold() for w in _WORD.findall(name))
    return frozenset(words)


def _rotate(word: str, k: int) -> str:
    """The word with its last letter moved ``k`` places in a-z (A-Z): same length, and the same place in sorted
    order among other words nearly always (the stories pass breaks ties by sorted names)."""
    last = word[-1]
    if not (last.isascii() and last.lower() in _LETTERS):
        return word
    new = _LETTERS[(_LETTERS.index(last.lower()) + k) % 26]
    return word[:-1] + (new.upper() if last.isupper() else new)


class Rewriter:
    """Copy ``k``'s length-preserving rewrite of capitalised words (see the module docstring)."""

    def __init__(self, k: int):
        self.k, self.keep, self.cache = k, pack_words(), {}

    def word(self, m: re.Match) -> str:
        w = m.group(0)
        if (new := self.cache.get(w)) is None:
            keep = len(w) < 2 or w.casefold() in self.keep or (w.isupper() and len(w) <= 4)
            new = self.cache[w] = w if keep else _rotate(w, self.k)
        return new

    def text(self, s):
        if isinstance(s, str):
            return _WORD.sub(self.word, s)
        if isinstance(s, list):
            return [self.text(x) for x in s]
        return s


def shift_date(value, years: int):
    """A ``YYYY...`` string with its year moved; anything else as it was."""
    if isinstance(value, str) and (m := _DATE.match(value)):
        year = int(m.group(1))
        if 1000 <= year <= 2999:
            return f"{year - years:04d}{value[4:]}"
    return value


def _record(rec: dict, text_fields: set[str], rw: Rewriter, years: int, old: str, new: str) -> dict:
    out = {}
    span = (rec.get("start"), rec.get("end"))
    for key, value in rec.items():
        if key == "text" and isinstance(value, str) and isinstance(span[0], int) and value == old[span[0]:span[1]]:
            out[key] = new[span[0]:span[1]]  # a span of the text: the rewritten text's span
        elif key in text_fields:
            out[key] = rw.text(value)
        elif isinstance(value, str):
            out[key] = shift_date(value, years)
        else:
            out[key] = value
    return out


def copy_document(doc: Document, k: int, rw: Rewriter | None = None) -> Document:
    """Copy ``k`` of a processed document (``k = 0``: the document itself). A deep copy (through pickle), so
    a copy holds as many objects as a document read from the store would: memory grows as with real ones."""
    if k == 0:
        return doc
    if not 0 < k < 26:
        raise ValueError(f"copy {k}: at most 25 copies (a move of 26 letters is no rewrite)")
    rw = rw or Rewriter(k)
    years = k * SHIFT_YEARS
    new = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    new.id = f"{doc.id}~c{k}"
    new.key = content_key(doc.key, str(k))
    new.url = f"{doc.url}#c{k}" if doc.url else doc.url
    new.published = shift_date(doc.published, years)
    new.observed = {name: {origin: (rw.text(v) if name in ("title", "author") else shift_date(v, years))
                           for origin, v in values.items()} for name, values in new.observed.items()}
    new.text, new.title, new.author = rw.text(doc.text), rw.text(doc.title), rw.text(doc.author)
    new.dateline, new.credits = rw.text(doc.dateline), rw.text(new.credits)
    for removed in new.removed:
        removed.text = rw.text(removed.text)
    # sentences and headings are offsets: unchanged by the length-preserving rewrite
    for kind, fields in TEXT_FIELDS.items():
        setattr(new, kind, [_record(rec, fields, rw, years, doc.text, new.text) for rec in getattr(new, kind)])
    return new


def synthesize(docs: list[Document], n: int) -> list[Document]:
    """``n`` documents: the originals, then copy 1 of each, copy 2, ... (the last round cut short).
    The originals are returned as they are (not copied): pass a fresh unpickled list."""
    out: list[Document] = []
    k = 0
    while len(out) < n:
        rw = Rewriter(k) if k else None
        for doc in docs[: n - len(out)]:
            out.append(copy_document(doc, k, rw))
        k += 1
    return out


def check(pickle_path: Path, n: int) -> None:
    """The synthetic corpus's date range per copy and one rewritten title per copy."""
    docs = synthesize(pickle.loads(pickle_path.read_bytes()), n)
    by_copy: dict[str, list[str]] = {}
    for d in docs:
        by_copy.setdefault(d.id.rpartition("~c")[2] if "~c" in d.id else "0", []).append(d.published or "")
    for k, dates in by_copy.items():
        dated = sorted(x for x in dates if x)
        print(f"copy {k}: {len(dates)} documents, published {dated[0] if dated else '-'} .. "
              f"{dated[-1] if dated else '-'}")
    assert len({d.id for d in docs}) == len(docs) and len({d.key for d in docs}) == len(docs)
    for d in docs[:: max(1, len(docs) // 8)][:8]:
        print(f"{d.id}: {d.title!r}")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.command == "prepare":
        from ingest_clean_dedup import DATA

        prepare(args.data or DATA, args.limit, args.workers, args.pickle)
    else:
        check(args.pickle, args.n)


if __name__ == "__main__":
    main()
