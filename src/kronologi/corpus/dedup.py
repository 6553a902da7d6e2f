"""Duplicates and shared passages.

* exact duplicates: the same normalised body (content hash);
* near duplicates: MinHash over word 5-gram shingles, candidates from LSH
  (datasketch), kept when the estimated Jaccard similarity is >= ``threshold``;
* shared passages: runs of consecutive sentences that appear, normalised, in
  two documents — wire copy syndicated by several outlets, each adding its own
  lead or ending.

Within a group of duplicates the canonical document is the earliest published,
then the longest, then the first by id; the others get ``duplicate_of``.

What the pass reads of a document is its *fingerprint* (``doc.fingerprint``): the
digest of its words, its MinHash signature and a key per sentence. The pipeline step
``fingerprint`` (``FingerprintStep``) computes it with the other per-document steps, on
the workers, and the store keeps it; the pass then only compares. A document without a
fingerprint, or with one made from another text, gets it computed here: the result is
the same either way.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from kronologi.document import Document, SharedPassage

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
NUM_PERM = 128
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_DOCS = 50  # a sentence in more documents than this is boilerplate, not wire copy
MIN_PASSAGE_WORDS = 20  # a single shared sentence must be this long to count as copied text
MAX_SAME_OUTLET = 3  # ... and so is one repeated by more documents than this of one outlet
FINGERPRINT_VERSION = "1"


@dataclass
class DedupResult:
    duplicate_of: dict[str, tuple[str, str, float]] = field(default_factory=dict)  # id -> (canonical, kind, sim)
    shared: dict[str, list[SharedPassage]] = field(default_factory=dict)


def dedup(docs: list[Document], threshold: float = 0.8) -> DedupResult:
    result = DedupResult()
    prints = _current(docs)
    order = sorted(docs, key=_canonical_order)
    _exact(order, prints, result)
    _near([d for d in order if d.id not in result.duplicate_of], prints, threshold, result)
    result.shared = shared_passages(docs, result, prints)
    _contained(docs, result)
    return result


def _contained(docs: list[Document], result: DedupResult, coverage: float = 0.8) -> None:
    """A trimmed copy: most of a shorter document is passages shared with one other."""
    by_id = {d.id: d for d in docs}
    for doc_id, passages in result.shared.items():
        doc = by_id[doc_id]
        if doc_id in result.duplicate_of or not doc.text:
            continue
        per_other: dict[str, int] = defaultdict(int)
        for p in passages:
            per_other[p.doc] += p.end - p.start
        for other, covered in per_other.items():
            share = covered / len(doc.text)
            if share >= coverage and len(by_id[other].text) >= len(doc.text):
                canonical = result.duplicate_of.get(other, (other,))[0]
                result.duplicate_of[doc_id] = (canonical, "near", round(share, 3))
                break


def _canonical_order(doc: Document) -> tuple:
    return (doc.published is None, doc.published or "", -len(doc.text), doc.id)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _exact(order: list[Document], prints: dict[str, dict[str, Any]], result: DedupResult) -> None:
    first: dict[str, str] = {}
    for doc in order:
        digest = prints[doc.id]["words"]
        if digest in first:
            result.duplicate_of[doc.id] = (first[digest], "exact", 1.0)
        else:
            first[digest] = doc.id


def _near(order: list[Document], prints: dict[str, dict[str, Any]], threshold: float, result: DedupResult) -> None:
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[str, LeanMinHash] = {}
    for doc in order:
        mh = _signature(prints[doc.id])
        if mh is None:
            continue
        match = _best_match(lsh.query(mh), mh, hashes, threshold)
        if match:
            canonical = result.duplicate_of.get(match[0], (match[0],))[0]
            result.duplicate_of[doc.id] = (canonical, "near", round(match[1], 3))
        else:
            lsh.insert(doc.id, mh)
            hashes[doc.id] = mh


def _best_match(candidates, mh, hashes, threshold) -> tuple[str, float] | None:
    scored = [(c, mh.jaccard(hashes[c])) for c in candidates]
    scored = [s for s in scored if s[1] >= threshold]
    return max(scored, key=lambda s: s[1]) if scored else None


class FingerprintStep:
    """The pipeline step ``fingerprint``: what the duplicates pass compares, computed once per document with
    the other per-document steps (``doc.fingerprint``, see ``_current``). Needs ``sentences`` before it."""

    name = "fingerprint"
    version = FINGERPRINT_VERSION

    def __init__(self, options: dict[str, Any] | None = None):
        self._prepared: dict[int, dict[str, Any]] = {}

    def prepare(self, docs: list[Document]) -> None:
        """A batch's fingerprints at once (MinHash's permutations made once for the batch)."""
        self._prepared = {id(doc): fp for doc, fp in zip(docs, _fingerprints(docs))}

    def __call__(self, doc: Document) -> Document:
        prepared = self._prepared.pop(id(doc), None)
        doc.fingerprint = prepared if prepared is not None and _fits(prepared, doc) else _fingerprints([doc])[0]
        return doc


def _current(docs: list[Document]) -> dict[str, dict[str, Any]]:
    """Each document's fingerprint, by id: ``doc.fingerprint`` when it was made from the document's text and
    sentences as they are, else made now, all in one batch, and kept on the document. A fingerprint holds
    ``of`` (a digest of the text), ``words`` (a digest of its words, lower case: equal for exact duplicates),
    ``minhash`` (the MinHash signature of its word 5-grams, base64 of ``NUM_PERM`` 32-bit values; None for a
    text without words) and ``sentences`` (a key per sentence, None for one too short to tell copied text)."""
    missing = [d for d in docs if d.fingerprint is None or not _fits(d.fingerprint, d)]
    for doc, fp in zip(missing, _fingerprints(missing)):
        doc.fingerprint = fp
    return {d.id: d.fingerprint for d in docs}


def _fits(fp: dict[str, Any], doc: Document) -> bool:
    return fp.get("version") == FINGERPRINT_VERSION and fp.get("of") == _text_digest(doc.text) \
        and len(fp.get("sentences") or ()) == len(doc.sentences)


def _text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _fingerprints(docs: list[Document]) -> list[dict[str, Any]]:
    """Every document's fingerprint, one document's words and shingles at a time (never all of them at
    once); the signatures from copies of one MinHash, whose permutations are made once (as datasketch's
    ``MinHash.generator`` does)."""
    from datasketch import MinHash

    blank = MinHash(num_perm=NUM_PERM)
    out = []
    for doc in docs:
        toks, minhash = _tokens(doc.text), None
        if toks:
            signature = blank.copy()
            signature.update_batch(_shingles(toks))
            values = signature.hashvalues.astype("<u4")  # each below 2**32: MinHash keeps them so
            minhash = base64.b64encode(values.tobytes()).decode("ascii")
        out.append({"version": FINGERPRINT_VERSION, "of": _text_digest(doc.text),
                    "words": hashlib.sha1(" ".join(toks).encode()).hexdigest(), "minhash": minhash,
                    "sentences": [_sentence_key(doc.text[s.start:s.end]) for s in doc.sentences]})
    return out


def _signature(fp: dict[str, Any]):
    """The fingerprint's MinHash as datasketch's ``LeanMinHash`` (None for a text without words)."""
    import numpy as np
    from datasketch import LeanMinHash

    if fp["minhash"] is None:
        return None
    values = np.frombuffer(base64.b64decode(fp["minhash"]), dtype="<u4").astype(np.uint64)
    return LeanMinHash(seed=1, hashvalues=values)


def _shingles(toks: list[str]) -> list[bytes]:
    if len(toks) < SHINGLE:
        return [" ".join(toks).encode()] if toks else []
    return list({" ".join(toks[i : i + SHINGLE]).encode() for i in range(len(toks) - SHINGLE + 1)})


def shared_passages(docs: list[Document], result: DedupResult,
                    prints: dict[str, dict[str, Any]]) -> dict[str, list[SharedPassage]]:
    """Runs of sentences each document shares with another (not its own duplicate)."""
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    by_id = {d.id: d for d in docs}
    for doc in docs:
        if doc.id in result.duplicate_of and result.duplicate_of[doc.id][1] == "exact":
            continue
        for i, key in enumerate(prints[doc.id]["sentences"]):
            if key:
                index[key].append((doc.id, i))
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for hits in index.values():
        if 1 < len(hits) <= MAX_SENTENCE_DOCS and not _outlet_template(hits, by_id):
            for a, ia in hits:
                for b, ib in hits:
                    if a != b:
                        pairs[(a, b)].append((ia, ib))
    out: dict[str, list[SharedPassage]] = defaultdict(list)
    for (a, b), matches in sorted(pairs.items()):
        if _same_group(a, b, result):
            continue
        out[a].extend(_runs(by_id[a], by_id[b], sorted(set(matches))))
    return dict(out)


def _outlet_template(hits: list[tuple[str, int]], by_id: dict[str, Document]) -> bool:
    """A sentence an outlet prints under many of its articles (a sign-off, a promo)."""
    per_outlet = Counter(by_id[doc_id].outlet for doc_id, _ in hits if by_id[doc_id].outlet)
    return bool(per_outlet) and max(per_outlet.values()) > MAX_SAME_OUTLET


def _same_group(a: str, b: str, result: DedupResult) -> bool:
    ca = result.duplicate_of.get(a, (a,))[0]
    cb = result.duplicate_of.get(b, (b,))[0]
    return ca == cb


def _sentence_key(sentence: str) -> str | None:
    toks = _tokens(sentence)
    return hashlib.sha1(" ".join(toks).encode()).hexdigest()[:16] if len(toks) >= MIN_SENTENCE_WORDS else None


def _runs(a: Document, b: Document, matches: list[tuple[int, int]]) -> list[SharedPassage]:
    """Merge matched sentence pairs that are consecutive in both documents."""
    runs: list[list[tuple[int, int]]] = []
    for ia, ib in matches:
        if runs and ia == runs[-1][-1][0] + 1 and ib == runs[-1][-1][1] + 1:
            runs[-1].append((ia, ib))
        else:
            runs.append([(ia, ib)])
    passages = [SharedPassage(b.id, a.sentences[r[0][0]].start, a.sentences[r[-1][0]].end,
                              b.sentences[r[0][1]].start, b.sentences[r[-1][1]].end, len(r)) for r in runs]
    # one short sentence in common ("Selamat mencoba!") is a stock phrase, not copied text
    return [p for p in passages if p.sentences > 1 or len(_tokens(a.text[p.start:p.end])) >= MIN_PASSAGE_WORDS]
