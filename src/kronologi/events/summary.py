"""A short extractive summary of a story (or of one article): ``summarize(docs, n=3)``.

Every sentence gets a score from a few features, weighted by a small logistic model
(``summary_model/weights.json``, trained by ``train_summary.py`` on IndoSum's
oracle labels; its card is ``summary_model/README.md``):

* position: which of the first sentences it is (one-hot 0-5), its relative position,
  its paragraph, whether it opens a paragraph — news puts the gist first;
* centrality: cosine of its content words with the whole story's;
* shape: length (log words), very short lines, quotations (inside, or opening with
  one), related-article lines ("Baca juga"), numbers, reporting verbs.

The best sentences are taken greedily, skipping one whose words mostly repeat a
sentence already taken (redundancy); copies (``duplicate_of``), section headings and
a title repeated in the body are left out.
The summary is returned as ``(document id, sentence index)`` pairs, in the order
of the documents given and of the sentences in them.

Without its weights file (a broken install) the summary is each story's lead sentences,
with a logged warning, rather than a failed build.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from collections import Counter
from importlib import resources
from typing import Any, Iterable

from kronologi import langs
from kronologi.events.lexicon import lexicon

REDUNDANT = 0.6  # share of a sentence's words already in the summary that makes it redundant
SHORT_WORDS = 8
TITLE_SLACK = 4  # words a title repeated in the body may have more (a kicker)
POSITIONS = 6
FEATURES = tuple(["bias"] + [f"position_{k}" for k in range(POSITIONS)] +
                 ["relative_position", "paragraph", "opens_paragraph", "log_length", "short",
                  "centrality", "has_quote", "opens_with_quote", "related_line", "has_digit", "reporting"])
_WORD_RE = re.compile(r"\w+")
_QUOTE_RE = re.compile(r"[\"“”]")
_OPENING_QUOTE_RE = re.compile(r"\s*[\"“]")
_DIGIT_RE = re.compile(r"\d")
log = logging.getLogger(__name__)


def summarize(docs: Iterable[Any], n: int = 3) -> list[tuple[str, int]]:
    """The ``n`` sentences that best summarise ``docs``: ``[(doc id, sentence index), ...]``."""
    docs = [d for d in docs if not getattr(d, "duplicate_of", None) and d.sentences]
    if not docs or n <= 0:
        return []
    rows = [r for r in sentence_features(docs) if not r["heading"]]
    model = load_model()
    scored = sorted(rows, key=lambda r: -score(model, r["x"]))
    chosen: list[dict[str, Any]] = []
    for row in scored:
        if not _redundant(row, chosen):
            chosen.append(row)
        if len(chosen) == n:
            break
    order = {d.id: k for k, d in enumerate(docs)}
    return sorted(((r["doc"], r["sentence"]) for r in chosen), key=lambda p: (order[p[0]], p[1]))


def sentence_features(docs: list[Any]) -> list[dict[str, Any]]:
    """One row per sentence: ``doc``, ``sentence``, ``words`` (content words) and ``x`` (features)."""
    parsed = [(doc, _sentences(doc)) for doc in docs]
    centroid = Counter(w for _, sents in parsed for s in sents for w in s["content"])
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    rows = []
    for doc, sents in parsed:
        for index, sent in enumerate(sents):
            rows.append({"doc": doc.id, "sentence": index, "words": set(sent["content"]), "heading": sent["heading"],
                         "x": _row(doc, sents, index, centroid, norm)})
    return rows


def _sentences(doc: Any) -> list[dict[str, Any]]:
    stop = langs.words(doc.language, "clean", "function_words")
    headings = {(h.start, h.end) for h in getattr(doc, "headings", None) or ()}
    title = _WORD_RE.findall((getattr(doc, "title", None) or "").lower())
    out = []
    paragraph, counted = 0, 0  # paragraph breaks before the sentence, counted as sentences advance
    for sent in doc.sentences:
        text = doc.text[sent.start:sent.end]
        words = _WORD_RE.findall(text.lower())
        heading = (sent.start, sent.end) in headings or _is_title(words, title)
        if sent.start > counted:
            paragraph += doc.text.count("\n\n", counted, sent.start)
            counted = sent.start
        opens = sent.start == 0 or doc.text[max(0, sent.start - 8):sent.start].rstrip(" \t").endswith("\n")
        out.append({"text": text, "words": words, "content": [w for w in words if w not in stop],
                    "paragraph": paragraph, "opens": opens, "heading": heading})
    return out


def _is_title(words: list[str], title: list[str]) -> bool:
    """The sentence is the title, give or take a kicker ("Wagub Jatim: <title>")."""
    if not title or len(words) > len(title) + TITLE_SLACK:
        return False
    n = len(title)
    return any(words[k:k + n] == title for k in range(len(words) - n + 1))


def _row(doc: Any, sents: list[dict[str, Any]], i: int, centroid: Counter, norm: float) -> list[float]:
    sent, total = sents[i], len(sents)
    tf = Counter(sent["content"])
    own = math.sqrt(sum(v * v for v in tf.values())) or 1.0
    cosine = sum(c * centroid[w] for w, c in tf.items()) / (own * norm)
    length = len(sent["words"])
    text = sent["text"]
    return [1.0] + [1.0 if i == k else 0.0 for k in range(POSITIONS)] + [
        i / total, min(sent["paragraph"], 10) / 10, float(sent["opens"]), math.log1p(length),
        float(length < SHORT_WORDS), cosine, float(bool(_QUOTE_RE.search(text))),
        float(bool(_OPENING_QUOTE_RE.match(text))), float(_related(doc.language, text)),
        float(bool(_DIGIT_RE.search(text))), float(_reporting(doc.language, sent["words"]))]


def _related(lang: str | None, text: str) -> bool:
    regex = langs.phrase_regex(langs.normalise_lang(lang), "clean", "related_prefixes")
    return bool(regex and regex.search(text))


def _reporting(lang: str | None, words: list[str]) -> bool:
    return bool(lexicon(lang).cues["reporting"].find(words))


def _redundant(row: dict[str, Any], chosen: list[dict[str, Any]]) -> bool:
    words = row["words"]
    if not words:
        return bool(chosen)
    return any(len(words & other["words"]) / len(words) > REDUNDANT for other in chosen)


@functools.lru_cache(maxsize=None)
def load_model() -> dict[str, Any]:
    """The packaged weights: ``features``, ``mean``, ``scale``, ``weights`` (see summary_model/README.md).

    When the weights file is missing or unreadable (an install that lost package data), a build still
    gets summaries: the lead sentences of each article (:func:`lead_model`), with one logged warning.
    """
    path = resources.files(__package__).joinpath("summary_model", "weights.json")
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(model, dict) or not {"features", "mean", "scale", "weights"} <= model.keys():
            raise ValueError("not a weights object")
    except (OSError, ValueError) as exc:
        log.warning("summary model %s unreadable (%s): story summaries fall back to each article's lead sentences; "
                    "reinstall kronologi or re-create it with `python -m kronologi.events.train_summary`", path, exc)
        return lead_model()
    if tuple(model["features"]) != FEATURES:
        raise ValueError("summary_model/weights.json was trained on other features; "
                         "re-create it with `python -m kronologi.events.train_summary`")
    return model


def lead_model() -> dict[str, Any]:
    """Weights that rank sentences as LEAD-3 does: an article's first sentences, skipping very short lines
    and "read also" links (the fallback when the trained weights cannot be read)."""
    lead = {"position_0": 3.0, "position_1": 2.0, "position_2": 1.0, "relative_position": -1.0, "short": -2.0,
            "related_line": -5.0}
    return {"features": list(FEATURES), "mean": [0.0] * len(FEATURES), "scale": [1.0] * len(FEATURES),
            "weights": [lead.get(name, 0.0) for name in FEATURES], "fallback": "lead"}


def score(model: dict[str, Any], x: list[float]) -> float:
    """The model's logit for one feature row."""
    return sum(w * (v - m) / s for w, v, m, s in zip(model["weights"], x, model["mean"], model["scale"]))
