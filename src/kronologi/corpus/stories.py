"""Stories: articles about one developing story, grouped incrementally.

Each article is described by its strongest content words (TF-IDF over the
corpus, the top ``TOP_TERMS``), the names it mentions (entity ids, or words
the corpus writes with a capital) and its date. Articles are taken in date
order; each joins the story it is most similar to, if that story's dates are
within ``WINDOW_DAYS`` of its own and the similarity reaches ``JOIN``, or it
starts a new story. Similarity is the content cosine against the story's
articles in the same language, plus the weighted share of the article's names
that are *core* to the story (named by a good part of its articles — so a big
story does not swallow everything that mentions one of its many names). Across
languages only names can be compared, so they count alone. Copies
(``duplicate_of``) always join their original's story. Stories similar in
content but apart in time are *related*: the same country months apart is
another story.

Incremental: assignments made by an earlier build (``previous``: document key
-> story id) are kept and only new articles are placed, so adding an article
never reshuffles the stories people already read. Candidate stories come from
an inverted index of terms and names, so placing an article costs little more
than the stories it could belong to.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from kronologi import langs
from kronologi.document import Document

WINDOW_DAYS = 21
JOIN = 0.2  # combined similarity needed to join a story
RELATED = 0.2  # similarity that links two stories as related
TOP_TERMS = 150
CANDIDATE_TERMS = 15  # an article is compared with the stories sharing one of its strongest terms or a name
MIN_CONTENT = 0.1  # stories in one language must share some content to be merged or related
CORE_SHARE = 0.3  # a name is core to a story when this share of its articles names it
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w-]{2,}")


@dataclass
class Story:
    id: str
    docs: list[Document] = field(default_factory=list)
    terms: dict[str, Counter] = field(default_factory=dict)  # per language: sum of unit vectors
    norms: dict[str, float] = field(default_factory=dict)
    names: Counter = field(default_factory=Counter)  # name -> articles naming it
    dates: list[date] = field(default_factory=list)
    related: set[str] = field(default_factory=set)
    features: dict[str, tuple[Counter, dict[str, float]]] = field(default_factory=dict)

    def add(self, doc: Document, terms: Counter, names: dict[str, float]) -> None:
        self.docs.append(doc)
        self.features[doc.id] = (terms, names)
        lang = doc.language or "und"
        centroid = self.terms.setdefault(lang, Counter())
        centroid.update(terms)
        self.norms[lang] = math.sqrt(sum(v * v for v in centroid.values()))
        self.names.update(names.keys())
        if (day := doc_day(doc)) is not None:
            self.dates.append(day)

    def core(self, name: str) -> bool:
        return self.names[name] >= max(1.0, CORE_SHARE * len(self.docs))

    def record(self) -> dict:
        """The contract's ``stories[]`` row (plus ``related``)."""
        dates = sorted(self.dates)
        return {"id": self.id, "title": _title(self), "documents": [d.id for d in self.docs],
                "start": dates[0].isoformat() if dates else None, "end": dates[-1].isoformat() if dates else None,
                "related": sorted(self.related)}


def doc_day(doc: Document) -> date | None:
    value = doc.published or ""
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def assign_stories(docs: list[Document], previous: dict[str, str] | None = None) -> list[Story]:
    """Group ``docs`` into stories; set ``doc.story``; return the stories."""
    previous = previous or {}
    features = _features(docs)
    stories: dict[str, Story] = {}
    index: dict[str, set[str]] = defaultdict(set)  # term or name -> story ids
    by_id = {d.id: d for d in docs}
    for doc in sorted(docs, key=_order):
        terms, names = features[doc.id]
        story = _place(doc, features[doc.id], stories, index, previous, by_id)
        story.add(doc, terms, names)
        doc.story = story.id
        for key in list(terms) + list(names):
            index[key].add(story.id)
    _consolidate(stories, set(previous.values()), index)
    _link_related(list(stories.values()), index)
    return sorted(stories.values(), key=lambda s: _story_number(s.id))


def _features(docs: list[Document]) -> dict[str, tuple[Counter, dict[str, float]]]:
    words = {d.id: _words(d) for d in docs}
    namelike = _namelike(docs)
    names = {d.id: _names(d, namelike) for d in docs}
    house = _house_style(docs, words) | _house_style(docs, names)
    words = {k: [w for w in v if w not in house] for k, v in words.items()}
    names = {k: v - house for k, v in names.items()}
    idf, name_idf = _idf(words.values()), _idf(names.values())
    return {d.id: (_terms(words[d.id], idf), {n: name_idf[n] for n in names[d.id]}) for d in docs}


def _house_style(docs: list[Document], features: dict, min_docs: int = 20) -> set[str]:
    """Words one outlet uses in many of its articles and other outlets hardly at all
    (its name, its rubrics, its sign-off): they tie articles to the outlet, not to a story."""
    outlets = {d.outlet for d in docs if d.outlet}
    if len(outlets) < 3:
        return set()
    per_outlet: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        per_outlet[doc.outlet or ""].update(set(features[doc.id]))
    total: Counter = Counter()
    for counts in per_outlet.values():
        total.update(counts)
    return {w for counts in per_outlet.values() for w, n in counts.items()
            if n >= min_docs and n >= 0.9 * total[w]}


def _order(doc: Document):
    day = doc_day(doc)
    return (day is None, day or date.min, doc.duplicate_of is not None, doc.id)


def _place(doc, feats, stories: dict[str, Story], index, previous, by_id) -> Story:
    original = by_id.get(doc.duplicate_of) if doc.duplicate_of else None
    if original is not None and original.story in stories:
        return stories[original.story]
    known = previous.get(doc.key)
    if known:
        return stories.setdefault(known, Story(known))
    keys = [k for k, _ in feats[0].most_common(CANDIDATE_TERMS)] + list(feats[1])
    candidates = _most_shared(keys, index, stories)
    scored = [(similarity(feats, stories[sid], doc.language or "und"), sid) for sid in sorted(candidates)
              if _in_window(doc, stories[sid])]
    score, best = max(scored, default=(0.0, None))
    if best is not None and score >= JOIN:
        return stories[best]
    new_id = f"S{_next_number(stories, previous)}"
    return stories.setdefault(new_id, Story(new_id))


def _most_shared(keys: list[str], index: dict[str, set[str]], stories: dict, limit: int = 40) -> list[str]:
    """The stories sharing the most lookup keys with an article (at most ``limit``)."""
    counts: Counter = Counter(sid for key in keys for sid in index.get(key, ()) if sid in stories)
    return [sid for sid, _ in counts.most_common(limit)]


def _next_number(stories: dict[str, Story], previous: dict[str, str]) -> int:
    used = [_story_number(s) for s in list(stories) + list(previous.values())]
    return max(used, default=0) + 1


def _story_number(story_id: str) -> int:
    return int(story_id[1:]) if story_id[1:].isdigit() else 0


def _in_window(doc: Document, story: Story) -> bool:
    day = doc_day(doc)
    if day is None or not story.dates:
        return True
    return min(story.dates).toordinal() - WINDOW_DAYS <= day.toordinal() <= max(story.dates).toordinal() + WINDOW_DAYS


def similarity(feats: tuple[Counter, dict[str, float]], story: Story, lang: str) -> float:
    """An article and a story: content cosine (same language) and the weighted share of
    the article's names that are core to the story; across languages, names alone."""
    terms, names = feats
    shared = sum(w for n, w in names.items() if story.core(n)) / max(1e-9, sum(names.values()))
    centroid = story.terms.get(lang)
    if not centroid:
        return shared
    content = sum(v * centroid.get(k, 0.0) for k, v in terms.items()) / max(1e-9, story.norms[lang])
    return 0.6 * content + 0.4 * shared


def _consolidate(stories: dict[str, Story], kept: set[str], index: dict[str, set[str]]) -> None:
    """Merge a story made in this run into an earlier one it resembles as a whole.

    Placing articles one by one depends on their order (the first article of a
    story meets single-article stories); comparing whole stories afterwards
    undoes most of that. Stories from earlier builds are never merged away.
    """
    for late in sorted(list(stories.values()), key=lambda s: _story_number(s.id)):
        if late.id in kept or late.id not in stories:
            continue
        earlier = [stories[sid] for sid in sorted(_neighbours(late, index))
                   if sid in stories and _story_number(sid) < _story_number(late.id) and _windows_meet(stories[sid], late)]
        score, target = max(((story_similarity(late, s), s) for s in earlier), key=lambda x: x[0], default=(0.0, None))
        if target is not None and score >= JOIN:
            for doc in late.docs:
                target.add(doc, *late.features[doc.id])
                doc.story = target.id
                for key in _keys(late):
                    index[key].add(target.id)
            del stories[late.id]


def _keys(story: Story) -> list[str]:
    """What a story is looked up by: its strongest terms and its core names."""
    return [n for n in story.names if story.core(n)] + \
        [k for centroid in story.terms.values() for k, _ in centroid.most_common(CANDIDATE_TERMS)]


def _neighbours(story: Story, index: dict[str, set[str]], limit: int = 40) -> set[str]:
    counts: Counter = Counter(sid for key in _keys(story) for sid in index.get(key, ()) if sid != story.id)
    return {sid for sid, _ in counts.most_common(limit)}


def _windows_meet(a: Story, b: Story) -> bool:
    if not a.dates or not b.dates:
        return True
    return min(b.dates).toordinal() - WINDOW_DAYS <= max(a.dates).toordinal() and \
        min(a.dates).toordinal() - WINDOW_DAYS <= max(b.dates).toordinal()


def story_similarity(a: Story, b: Story) -> float:
    """Two stories: content cosine in a shared language and the overlap of their core
    names (set cosine). Across languages, names alone, and at least three of them."""
    core_a = {n for n in a.names if a.core(n)}
    core_b = {n for n in b.names if b.core(n)}
    common = len(core_a & core_b)
    names = common / max(1.0, math.sqrt(len(core_a) * len(core_b)))
    contents = [_dot(a.terms[lang], b.terms[lang]) / max(1e-9, a.norms[lang] * b.norms[lang])
                for lang in set(a.terms) & set(b.terms)]
    if contents:
        return 0.6 * max(contents) + 0.4 * names if max(contents) >= MIN_CONTENT else 0.0
    return names if common >= 3 else 0.0


def _dot(a: Counter, b: Counter) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _idf(feature_sets) -> dict[str, float]:
    df: Counter = Counter()
    n = 1
    for features in feature_sets:
        df.update(set(features))
        n += 1
    return {w: math.log(n / (1 + c)) + 1 for w, c in df.items()}


def _words(doc: Document) -> list[str]:
    stop = langs.words(doc.language or langs.FALLBACK, "clean", "function_words")
    text = f"{doc.title or ''} {doc.text}"
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in stop]


def _terms(words: list[str], idf: dict[str, float]) -> Counter:
    """The article's strongest terms as a unit vector."""
    weights = {w: (1 + math.log(c)) * idf.get(w, 1.0) for w, c in Counter(words).items()}
    top = sorted(weights.items(), key=lambda kv: -kv[1])[:TOP_TERMS]
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    return Counter({w: v / norm for w, v in top})


def _names(doc: Document, namelike: frozenset[str]) -> set[str]:
    """The article's name-like words, one by one ("Stadion Kanjuruhan" and "Kanjuruhan
    Stadium" share "kanjuruhan"), and the entity ids of its mentions once resolved."""
    words = {m.group().lower() for m in _NAME.finditer(doc.text)} & namelike
    return words | {f"entity:{m['entity']}" for m in doc.mentions if m.get("entity")}


def _namelike(docs: list[Document]) -> frozenset[str]:
    """Words written with a capital in at least 3 of 4 of their uses in the corpus
    (away from the start of a sentence), calendar words aside: names, not title case."""
    caps: Counter = Counter()
    total: Counter = Counter()
    for doc in docs:
        starts = {s.start for s in doc.sentences}
        for m in _WORD.finditer(doc.text):
            if m.start() not in starts:
                word = m.group()
                total[word.lower()] += 1
                caps[word.lower()] += word[0].isupper()
    calendar = langs.all_words("dates", "months") | langs.all_words("dates", "weekdays")
    return frozenset(w for w, n in total.items() if caps[w] >= 0.75 * n and w not in calendar)


def _link_related(stories: list[Story], index: dict[str, set[str]]) -> None:
    """Stories alike as wholes (content, core names) are related, whenever they happened."""
    by_id = {s.id: s for s in stories}
    for a in stories:
        for sid in sorted(_neighbours(a, index)):
            if sid in by_id and sid > a.id and story_similarity(a, by_id[sid]) >= RELATED:
                a.related.add(sid)
                by_id[sid].related.add(a.id)


def _title(story: Story) -> str | None:
    """The title of the article closest to the story's centre (originals before copies)."""
    originals = [d for d in story.docs if not d.duplicate_of] or story.docs
    lang = Counter(d.language for d in originals).most_common(1)[0][0] or "und"
    centroid = story.terms.get(lang, Counter())
    central = [d for d in originals if (d.language or "und") == lang] or originals

    def closeness(doc: Document) -> tuple[float, bool]:
        words = set(_words(doc))
        return sum(v for k, v in centroid.items() if k in words), doc.title is not None

    return max(central, key=closeness).title
