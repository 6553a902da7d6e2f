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
another story (up to ``RELATED_DAYS`` apart: further, a shared subject is a
theme). An article that names the story's first day (the day of its
founding happening: "the earthquake of 6 February") joins on a weaker, specific
match (``RECALL_JOIN``): an aid appeal shares few words with the quake's reports.

Headlines say what an article is about. A person the headlines of most of a big story name (at least
``SUBJECT_MIN`` of them, and that story holding most of the articles headlining him) is its subject: an
article headlining him may join on that alone, though a name in so many articles is not specific, and the
headlines then add their support (a tribute shares few words with the funeral's reports). A weak match on
the story's first day must name what the story headlines; stories headlining different places do not
merge, and stories headlining one place (by its canonical name, across languages) gain towards merging.

A genre is not a story: two thefts in two towns share words ("pencuri",
"ditahan") and the police body's name, not a subject. So an article joins a
story, and two stories merge, only when they share a *specific* name (one in
few of the corpus's articles: a person, a town, a bill) or their content is
very close (``CLOSE``); and the larger a story, the closer another one must be
to merge into it (``MERGE``), so no story keeps absorbing its neighbours.

Incremental: assignments made by an earlier build (``previous``: document key
-> story id) are kept and only new articles are placed, so adding an article
never reshuffles the stories people already read. Candidate stories come from
an inverted index of terms and names, so placing an article costs little more
than the stories it could belong to; once placed, stories look each other up by
the periods their spans cover (``_SpanIndex``), so comparing them reads the stories
near in time, not every story the corpus ever had with a common word.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from kronologi import langs
from kronologi.document import Document
from kronologi.entities import gazetteer

WINDOW_DAYS = 21
LONG_WINDOW_DAYS = 240  # a developing story resumes after a longer gap ...
CONTINUE = 0.45  # ... when an article (or a story) matches it this well and recalls a day of it
RECALL_JOIN = 0.1  # an article naming the story's first day (its founding happening) joins on a specific name
JOIN = 0.2  # combined similarity needed to join a story
CLOSE = 0.4  # content cosine that joins an article to a story without a specific shared name
SPECIFIC_SHARE = 0.007  # a name in at most this share of the articles is specific ...
SPECIFIC_DOCS = 25  # ... and so is one in at most this many (small corpora)
MERGE = 0.5  # similarity that makes two large stories one (a genre is not a story) ...
MERGE_SMALL = 5  # ... while stories of up to this many articles merge at JOIN
MERGE_GROWTH = 0.075  # ... and the bar rises by this much each time the larger one doubles
RELATED = 0.2  # similarity that links two stories as related ...
RELATED_DAYS = 365  # ... when their spans come within this many days: further apart, a shared subject is a theme
SPAN_DAYS = 30  # the period by which stories look up the stories near them in time (``_SpanIndex``)
TOP_TERMS = 150
CANDIDATE_TERMS = 15  # an article is compared with the stories sharing one of its strongest terms or a name
MIN_CONTENT = 0.1  # stories in one language must share some content to be merged or related
CORE_SHARE = 0.3  # a name is core to a story when this share of its articles names it
CENTRAL_SHARE = 0.5  # a name is central to a story when this share of its articles headline it ...
HEADLINE = 0.25  # ... and an article headlining it gains up to this much towards that story,
HEADLINE_PRIOR = 2  # ... the more the more articles of the story headline it (n / (n + HEADLINE_PRIOR)),
HEADLINE_MIN = 2  # ... once at least this many do (one article's headline is not yet a story's subject)
SUBJECT_MIN = 5  # a person headlined by this many of a story's articles (most of them) is its subject
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w-]{2,}")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Story:
    id: str
    docs: list[Document] = field(default_factory=list)
    terms: dict[str, Counter] = field(default_factory=dict)  # per language: sum of unit vectors
    norms: dict[str, float] = field(default_factory=dict)
    names: Counter = field(default_factory=Counter)  # name -> articles naming it
    weights: dict[str, float] = field(default_factory=dict)  # name -> its weight (idf in the corpus)
    first: date | None = None  # the earliest and latest article dates
    last: date | None = None
    related: set[str] = field(default_factory=set)
    features: dict[str, tuple[Counter, dict[str, float]]] = field(default_factory=dict)
    heads: Counter = field(default_factory=Counter)  # name -> articles headlining it (``headline_names``)
    headlines: dict[str, frozenset[str]] = field(default_factory=dict)  # doc id -> its headline names
    _core: frozenset[str] | None = field(default=None, repr=False)  # cache of core_names(), reset by add()
    _central: frozenset[str] | None = field(default=None, repr=False)  # cache of central_names(), reset by add()
    _keys: list[str] | None = field(default=None, repr=False)  # cache of lookup_keys(), reset by add()

    def add(self, doc: Document, terms: Counter, names: dict[str, float],
            heads: frozenset[str] = frozenset()) -> None:
        self.docs.append(doc)
        self.features[doc.id] = (terms, names)
        self.headlines[doc.id] = heads
        self.heads.update(heads)
        lang = doc.language or "und"
        centroid = self.terms.setdefault(lang, Counter())
        squared = self.norms.get(lang, 0.0) ** 2  # kept up to date term by term, not re-summed
        for term, weight in terms.items():
            old = centroid.get(term, 0.0)
            centroid[term] = old + weight
            squared += weight * (2 * old + weight)
        self.norms[lang] = math.sqrt(max(squared, 0.0))
        self.names.update(names.keys())
        self.weights.update(names)
        self._core = self._keys = self._central = None
        if (day := doc_day(doc)) is not None:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def settle(self) -> None:
        """Drop what only placing and merging read: each article's terms and names and headline names,
        some 13 KB an article (measured on click-id), which the build would otherwise hold through every
        later corpus pass. What the story's record and title read (its articles, centroids, names) stays."""
        self.features, self.headlines = {}, {}
        self._keys = None

    def core_names(self) -> frozenset[str]:
        """The names a good part of the story's articles name (cached until the next ``add``)."""
        if self._core is None:
            floor = max(1.0, CORE_SHARE * len(self.docs))
            self._core = frozenset(n for n, count in self.names.items() if count >= floor)
        return self._core

    def central_names(self) -> frozenset[str]:
        """The names at least half of the story's articles headline: what the story is about (its person,
        its town), where its core names also hold the bodies and places its reports keep naming."""
        if self._central is None:
            floor = CENTRAL_SHARE * len(self.docs)
            self._central = frozenset(n for n, count in self.heads.items() if count >= floor)
        return self._central

    def lookup_keys(self) -> list[str]:
        """What the story is looked up by: its core names and each language's strongest terms
        (cached until the next ``add``)."""
        if self._keys is None:
            core = self.core_names()
            self._keys = [n for n in self.names if n in core] + \
                [k for centroid in self.terms.values() for k, _ in centroid.most_common(CANDIDATE_TERMS)]
        return self._keys

    def record(self) -> dict:
        """The contract's ``stories[]`` row (plus ``related``)."""
        return {"id": self.id, "title": _title(self), "documents": [d.id for d in self.docs],
                "start": self.first.isoformat() if self.first else None,
                "end": self.last.isoformat() if self.last else None,
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
    index = _Index()
    by_id = {d.id: d for d in docs}
    numbers = _numbers(previous)
    specific = _specific_weight(len(docs))
    persons, places = _typed(docs, "PER"), _typed(docs, "LOC")
    named = persons | places  # once: the union of two corpus-wide vocabularies costs as much as the corpus
    seen: Counter = Counter()  # person -> the articles placed so far that headline it
    for doc in sorted(docs, key=_order):
        terms, names = features[doc.id]
        raw = headline_names(doc, names)
        heads = frozenset(map(_one_place_name, raw))
        story = _place(doc, features[doc.id], stories, index, previous, by_id, numbers, specific,
                       (frozenset(map(_one_place_name, raw & named)), raw & persons), seen)
        story.add(doc, terms, names, heads)
        seen.update(raw & persons)
        doc.story = story.id
        index.touch_all(itertools.chain(terms, names), story.id)
    del index  # placing is done: stories now look each other up by the periods their spans cover
    places = places | frozenset(map(_one_place_name, places))
    near = _SpanIndex(stories.values())
    _consolidate(stories, set(previous.values()), near, specific, places)
    _link_related(list(stories.values()), near, specific)
    for story in stories.values():
        story.settle()
    return sorted(stories.values(), key=lambda s: _story_number(s.id))


def _features(docs: list[Document]) -> dict[str, tuple[Counter, dict[str, float]]]:
    words = {d.id: _words(d) for d in docs}
    namelike = _namelike(docs)
    names = {d.id: _names(d, namelike) for d in docs}
    house = _house_style(docs, words) | _house_style(docs, names)
    words = {k: [w for w in v if w not in house] for k, v in words.items()}
    names = {k: v - house for k, v in names.items()}
    idf, name_idf = _idf(words.values()), _idf(names.values())
    # names in sorted order, not a set's (hash-seeded) order: candidate stories are counted key by key
    # and ties keep the order of first sight, so the order of the keys is part of the result
    return {d.id: (_terms(words[d.id], idf), {n: name_idf[n] for n in sorted(names[d.id])}) for d in docs}


def headline_names(doc: Document, names: dict[str, float]) -> frozenset[str]:
    """The article's names its headline carries (its first sentence when it has no title): the person or
    place it is about, where its other names may be anyone it mentions on the way."""
    head = doc.title
    if not head and doc.sentences:
        head = doc.text[doc.sentences[0].start:doc.sentences[0].end]
    return frozenset(w for w in map(str.lower, _NAME.findall(head or "")) if w in names)


def _one_place_name(word: str) -> str:
    """A known place's canonical name in lower case ("turki", "turkey": "turkey"), else the word: the
    headlines of one story in two languages name its places alike."""
    canonical = gazetteer.lookup(word)
    return canonical.lower() if canonical and " " not in canonical else word


def _typed(docs: list[Document], kind: str) -> frozenset[str]:
    """The name-like words that the corpus's entity mentions type as ``kind`` in at least 2 of 3 uses.
    A person (``PER``) a story is about is its subject wherever it goes, where a place (``LOC``) is a
    setting many stories share ("Jayapura": a riot, a football club, a quake) and tells them apart."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for m in doc.mentions:
            for word in _NAME.findall(m.get("text") or ""):
                kinds[word.lower()][m.get("type") == kind] += 1
    return frozenset(w for w, c in kinds.items() if c[True] >= 2 * c[False])


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


def _place(doc, feats, stories: dict[str, Story], index, previous, by_id, numbers: Iterator[int],
           specific: float, heads: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
           seen: Counter | None = None) -> Story:
    """The story the article joins (``doc.duplicate_of``'s, an earlier build's, the most similar one that
    may take it), else a new one. ``heads``: its headline's persons and places, and its persons alone;
    ``seen``: how many articles placed so far headline each person (``_held``)."""
    original = by_id.get(doc.duplicate_of) if doc.duplicate_of else None
    if original is not None and original.story in stories:
        return stories[original.story]
    known = previous.get(doc.key)
    if known:
        return stories.setdefault(known, Story(known))
    keys = [k for k, _ in feats[0].most_common(CANDIDATE_TERMS)] + list(feats[1])
    candidates = _most_shared(keys, index)
    day, days = doc_day(doc), recalled_days(doc)
    reachable = [sid for sid in sorted(candidates) if _reachable(day, stories[sid], days)]
    heads = (heads[0], _held(heads[1], [stories[sid] for sid in reachable], seen or Counter()))
    scored = [(similarity(feats, stories[sid], doc.language or "und", specific, *heads), sid) for sid in reachable]
    scored = [(score, sid) for score, sid in scored
              if score >= JOIN and _within(day, stories[sid]) or score >= CONTINUE and _meets(days, stories[sid])
              or score >= RECALL_JOIN and _within(day, stories[sid]) and _recalls_start(days, stories[sid])
              and _names_subject(feats[1], stories[sid])]
    score, best = max(scored, default=(0.0, None))
    if best is not None:
        return stories[best]
    new_id = f"S{next(numbers)}"
    return stories.setdefault(new_id, Story(new_id))


def _held(subjects: frozenset[str], stories: list[Story], seen: Counter) -> frozenset[str]:
    """The persons one of ``stories`` holds most of the headlines of (at least half of the articles placed so
    far that headline them): a developing story about a person (a death, its funeral, the tributes) holds
    nearly all of them, where a president or a celebrity headlines many unrelated stories."""
    return frozenset(n for n in subjects if 2 * max((s.heads[n] for s in stories), default=0) >= seen[n])


class _Index:
    """Term or name -> the stories having it, the most recently extended last.

    Articles arrive in date order and stories only take articles within ``WINDOW_DAYS``,
    so a lookup for placing an article reads the ``RECENT`` latest stories of a key: a
    word in thousands of stories costs no more than a rare one."""

    RECENT = 200

    def __init__(self):
        self.postings: dict[str, dict[str, None]] = defaultdict(dict)

    def touch_all(self, keys: Iterable[str], story_id: str) -> None:
        """The story has each of ``keys``, and is now the most recently extended story of each."""
        postings = self.postings
        for key in keys:
            stories = postings[key]
            stories.pop(story_id, None)
            stories[story_id] = None

    def recent(self, key: str) -> Iterator[str]:
        return itertools.islice(reversed(self.postings.get(key, {})), self.RECENT)


def _most_shared(keys: list[str], index: _Index, limit: int = 20) -> list[str]:
    """The stories sharing the most lookup keys with an article (at most ``limit``)."""
    counts: Counter = Counter()
    for key in keys:
        counts.update(index.recent(key))  # counted in C; ties keep the order of first sight
    return [sid for sid, _ in counts.most_common(limit)]


class _SpanIndex:
    """Term or name -> the stories having it (in any of their articles), by the ``SPAN_DAYS`` periods their
    spans cover. Once articles are placed, stories are compared with the stories near them in time
    (``_consolidate``: within ``LONG_WINDOW_DAYS``, ``_link_related``: ``RELATED_DAYS``): looking them up by
    period reads those, where one list per word would hold every story the corpus ever had with a common
    word, and grow with the corpus. An undated story meets every period (``_windows_meet``)."""

    def __init__(self, stories: Iterable[Story]):
        self.postings: dict[tuple[str, int | None], dict[str, None]] = defaultdict(dict)  # (key, period) -> ids
        self.periods: set[int | None] = set()
        self.stories: dict[str, Story] = {}
        for story in stories:
            self.add(story, _story_keys(story), _periods(story))

    def add(self, story: Story, keys: Iterable[str], periods: Iterable[int | None]) -> None:
        self.stories[story.id] = story
        periods = list(periods)
        self.periods.update(periods)
        postings = self.postings
        for key in keys:
            for period in periods:
                postings[key, period][story.id] = None

    def absorbed(self, target: Story, late: Story, before: list[int | None]) -> None:
        """``target`` took ``late``'s articles (its span ``before`` them): it is now found by what ``late``
        was looked up by (its core names and strongest terms, not every word of its articles: a story that
        keeps absorbing others would otherwise come up as everyone's neighbour), in every period of its
        span, and by its own words in the periods its span gained."""
        after = _periods(target)
        self.add(target, late.lookup_keys(), after)
        if gained := [p for p in after if p not in before]:
            self.add(target, _story_keys(target), gained)

    def near(self, story: Story, days: int, eligible: Callable[[str], bool], limit: int = 40) -> set[str]:
        """Of the ``limit`` stories within ``days`` of ``story``'s span (by period) that have the most of its
        lookup keys, the ``eligible`` ones. Counts are small numbers and often tie at the cut: the tied
        stories nearest in time to ``story`` go first (then the earlier made). The cut comes first: a
        story is weighed against its closest neighbours only, not against whichever lesser match is left
        once they are ruled out."""
        if story.first is None:  # in order: None's hash, so its place in a set, differs from run to run
            periods = [None, *sorted(p for p in self.periods if p is not None)]
        else:
            low, high = (story.first.toordinal() - days) // SPAN_DAYS, (story.last.toordinal() + days) // SPAN_DAYS
            periods = [None, *range(low, high + 1)]
        postings, counts = self.postings, Counter()
        for key in story.lookup_keys():
            hits = [hit for hit in map(postings.get, zip(itertools.repeat(key), periods)) if hit]
            # a story once per key, though its span covers several periods (counted in C)
            counts.update((hits[0] if len(hits) == 1 else dict.fromkeys(itertools.chain.from_iterable(hits))).keys())
        counts.pop(story.id, None)
        return {sid for sid in _top(counts, limit, lambda sid: (_gap(story, self.stories[sid]), _story_number(sid)))
                if eligible(sid)}


def _top(counts: Counter, limit: int, tiebreak: Callable[[str], tuple]) -> list[str]:
    """The ``limit`` keys of highest count; those tied at the cut ordered by ``tiebreak``."""
    ranked = counts.most_common()  # sorted in C; only the tie at the cut is sorted again
    if len(ranked) <= limit:
        return [key for key, _ in ranked]
    floor = ranked[limit - 1][1]
    above = [key for key, _ in itertools.takewhile(lambda kv: kv[1] > floor, ranked)]
    tied = sorted((key for key, _ in itertools.takewhile(lambda kv: kv[1] == floor,
                                                          itertools.islice(ranked, len(above), None))), key=tiebreak)
    return above + tied[:limit - len(above)]


def _gap(a: Story, b: Story) -> int:
    """Days between the two stories' spans (0 when they overlap or one is undated)."""
    if a.first is None or b.first is None:
        return 0
    return max(0, b.first.toordinal() - a.last.toordinal(), a.first.toordinal() - b.last.toordinal())


def _story_keys(story: Story) -> set[str]:
    """The words and names of all the story's articles (what placing them put in the placing index)."""
    return {key for terms, names in story.features.values() for key in itertools.chain(terms, names)}


def _periods(story: Story) -> list[int | None]:
    """The ``SPAN_DAYS`` periods the story's span covers (``None``: an undated story)."""
    if story.first is None:
        return [None]
    return list(range(story.first.toordinal() // SPAN_DAYS, story.last.toordinal() // SPAN_DAYS + 1))


def _numbers(previous: dict[str, str]) -> Iterator[int]:
    """New story numbers: after every number an earlier build used (never reused)."""
    return itertools.count(max((_story_number(s) for s in previous.values()), default=0) + 1)


def _story_number(story_id: str) -> int:
    return int(story_id[1:]) if story_id[1:].isdigit() else 0


def recalled_days(doc: Document) -> list[int]:
    """The days (ordinals, sorted) the article's resolved times name. An article that narrates a day
    of a story's span ("since the coup of 1 February", ``_meets``) continues a developing story
    beyond the window, where the same subject months later (a flood each season) is another story."""
    days = []
    for tm in doc.times:
        value = str(tm.get("value") or "")
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            try:
                days.append(date.fromisoformat(value[:10]).toordinal())
            except ValueError:
                continue
    return sorted(days)


def _meets(days: list[int], story: Story) -> bool:
    """Whether one of ``days`` (sorted) falls in the story's span, a day either side."""
    if story.first is None:
        return False
    i = bisect.bisect_left(days, story.first.toordinal() - 1)
    return i < len(days) and days[i] <= story.last.toordinal() + 1


def _recalls_start(days: list[int], story: Story) -> bool:
    """Whether one of ``days`` is the story's first day, a day either side: the day its founding happening
    ("the earthquake that struck on 6 February") took place."""
    if story.first is None:
        return False
    first = story.first.toordinal()
    i = bisect.bisect_left(days, first - 1)
    return i < len(days) and days[i] <= first + 1


def _reachable(day: date | None, story: Story, days: list[int]) -> bool:
    """Whether an article of ``day`` may join the story at all: within ``WINDOW_DAYS`` of it, or within
    ``LONG_WINDOW_DAYS`` and recalling one of its days (only these are worth scoring)."""
    return _within(day, story) or _within(day, story, LONG_WINDOW_DAYS) and _meets(days, story)


def _within(day: date | None, story: Story, days: int = WINDOW_DAYS) -> bool:
    """Whether ``day`` is within ``days`` of the story's span (an undated article or story: yes)."""
    if day is None or story.first is None:
        return True
    return story.first.toordinal() - days <= day.toordinal() <= story.last.toordinal() + days


def similarity(feats: tuple[Counter, dict[str, float]], story: Story, lang: str, specific: float = 0.0,
               heads: frozenset[str] = frozenset(), subjects: frozenset[str] = frozenset()) -> float:
    """An article and a story: content cosine (same language) and the weighted share of
    the article's names that are core to the story; across languages, names alone; plus
    the support of the persons and places its headline names (``heads``, ``headline_support``).

    A story is about particular people, places and bodies: unless the content is very close
    (``CLOSE``), the article must share a *specific* core name with the story, one whose
    weight (inverse document frequency) reaches ``specific`` — words of a genre ("Polres",
    "Liga") do not make a story — or headline a person (``subjects``) whom most of the story's
    articles headline: the subject of a big story is named by so many articles that it is not
    specific in the corpus, and its side stories (a reaction, a tribute) share little wording
    with it. A place headlined alike only adds its support: a town is the setting of many stories."""
    terms, names = feats
    core = story.core_names()
    shared = sum(w for n, w in names.items() if n in core) / max(1e-9, sum(names.values()))
    subject = headline_support(subjects, story) >= SUBJECT_MIN / (SUBJECT_MIN + HEADLINE_PRIOR)
    support = headline_support(heads, story) if subject else 0.0
    particular = subject or any(w >= specific for n, w in names.items() if n in core)
    centroid = story.terms.get(lang)
    if not centroid:
        return shared + HEADLINE * support if particular else 0.0
    content = _dot(terms, centroid) / max(1e-9, story.norms[lang])
    if not particular and content < CLOSE:
        return 0.0
    return 0.6 * content + 0.4 * shared + HEADLINE * support


def headline_support(heads: frozenset[str], story: Story) -> float:
    """How strongly an article's headline names point to the story: ``n / (n + HEADLINE_PRIOR)`` for the
    most headlined of them that is central to the story (``n`` of its articles headline it). A big story
    headlining the article's subject outweighs a small one that happens to be close in wording."""
    central = story.central_names()
    lead = max((story.heads[n] for n in heads if n in central), default=0)
    return lead / (lead + HEADLINE_PRIOR) if lead >= HEADLINE_MIN else 0.0


def _names_subject(names: dict[str, float], story: Story) -> bool:
    """Whether the article names one of the story's central names (or the story has none): a weak match
    (``RECALL_JOIN``) on the story's day is not enough for an article about another subject on that day
    (a demonstration in another city the day a riot began)."""
    central = story.central_names()
    return not central or any(n in central or _one_place_name(n) in central for n in names)


def _specific_weight(n_docs: int) -> float:
    """The name weight (idf, as ``_idf`` computes it) of a name in ``SPECIFIC_SHARE`` of the
    articles, or in ``SPECIFIC_DOCS`` (a small corpus: every name is specific enough)."""
    return math.log((n_docs + 1) / (1 + max(SPECIFIC_DOCS, SPECIFIC_SHARE * n_docs))) + 1


def _consolidate(stories: dict[str, Story], kept: set[str], index: _SpanIndex, specific: float,
                 places: frozenset[str] = frozenset()) -> None:
    """Merge a story made in this run into an earlier one it resembles as a whole.

    Placing articles one by one depends on their order (the first article of a
    story meets single-article stories); comparing whole stories afterwards
    undoes most of that. Stories from earlier builds are never merged away.
    """
    for late in sorted(list(stories.values()), key=lambda s: _story_number(s.id)):
        if late.id in kept or late.id not in stories:
            continue

        def eligible(sid: str) -> bool:
            return sid in stories and _story_number(sid) < _story_number(late.id) \
                and _windows_meet(stories[sid], late, LONG_WINDOW_DAYS)

        earlier = [stories[sid] for sid in sorted(index.near(late, LONG_WINDOW_DAYS, eligible))]
        target = _merge_target(late, earlier, specific, places)
        if target is not None:
            before = _periods(target)
            for doc in late.docs:
                target.add(doc, *late.features[doc.id], late.headlines.get(doc.id, frozenset()))
                doc.story = target.id
            target.docs.sort(key=_order)  # as a later build, placing each article in its known story, has them
            index.absorbed(target, late, before)
            del stories[late.id]


def _merge_target(late: Story, earlier: list[Story], specific: float,
                  places: frozenset[str] = frozenset()) -> Story | None:
    """The earlier story most similar to ``late`` (the first of equals), if ``late`` merges into it:
    similar enough (``_merge_threshold``) and near in time, or recalled by one of ``late``'s articles,
    and not about another place (``_other_place``).

    The stories that cannot take ``late`` are scored only when one that can is good enough:
    ``late`` merges only if none of them is more similar (most stories do not merge)."""
    days = [recalled_days(doc) for doc in late.docs]
    able = [(_windows_meet(s, late) or any(_meets(d, s) for d in days)) and not _other_place(late, s, places)
            for s in earlier]
    scores = {i: story_similarity(late, s, specific, places) for i, s in enumerate(earlier) if able[i]}
    best = max(scores, key=scores.__getitem__, default=None)  # the first of equals, as ``max`` keeps
    if best is None or scores[best] < _merge_threshold(late, earlier[best]):
        return None
    for i, s in enumerate(earlier):
        if not able[i] and (story_similarity(late, s, specific, places) > scores[best] if i > best else
                            story_similarity(late, s, specific, places) >= scores[best]):
            return None
    return earlier[best]


def _other_place(a: Story, b: Story, places: frozenset[str]) -> bool:
    """Whether the two stories are set in different places: each headlines a place (``central_names``) that
    the other does not even name in a good part of its articles. Two quakes four days apart in two
    provinces share the words of a quake and the agency that measures them, not a story."""
    here, there = a.central_names() & places, b.central_names() & places
    return bool(here and there) and not here & b.core_names() and not there & a.core_names()


def _merge_threshold(a: Story, b: Story) -> float:
    """Two small stories merge at ``JOIN``; the larger the larger of them, the closer they must
    be, up to ``MERGE``: otherwise a story that keeps absorbing others grows into a genre
    (crime, celebrities) instead of one developing story."""
    size = max(len(a.docs), len(b.docs))
    return min(MERGE, JOIN + MERGE_GROWTH * math.log2(max(1.0, size / MERGE_SMALL)))


def _windows_meet(a: Story, b: Story, days: int = WINDOW_DAYS) -> bool:
    if a.first is None or b.first is None:
        return True
    return b.first.toordinal() - days <= a.last.toordinal() and a.first.toordinal() - days <= b.last.toordinal()


def story_similarity(a: Story, b: Story, specific: float = 0.0, places: frozenset[str] = frozenset()) -> float:
    """Two stories: content cosine in a shared language and the overlap of their core
    names (set cosine). Across languages, names alone, and at least three of them. As for
    an article (``similarity``), a specific shared core name or very close content is needed."""
    core_a, core_b = a.core_names(), b.core_names()
    shared = core_a & core_b
    names = len(shared) / max(1.0, math.sqrt(len(core_a) * len(core_b)))
    particular = any(a.weights.get(n, 0.0) >= specific for n in shared)
    contents = [_dot(a.terms[lang], b.terms[lang]) / max(1e-9, a.norms[lang] * b.norms[lang])
                for lang in set(a.terms) & set(b.terms)]
    if contents:
        content = max(contents)
        if content < MIN_CONTENT or not particular and content < CLOSE:
            return 0.0
        return 0.6 * content + 0.4 * names + HEADLINE * _shared_headline(a, b, places)
    return names + HEADLINE * _shared_headline(a, b, places) if len(shared) >= 3 and particular else 0.0


def _shared_headline(a: Story, b: Story, places: frozenset[str]) -> float:
    """How strongly two stories headline one same place (central to both, by its canonical name, so
    across languages too): ``n / (n + HEADLINE_PRIOR)``, ``n`` the fewer of their articles that
    headline it. One story told in two languages, or in two halves, headlines the same place; two
    stories headlining one person may be two of the many things a public figure does."""
    both = a.central_names() & b.central_names() & places
    lead = max((min(a.heads[n], b.heads[n]) for n in both), default=0)
    return lead / (lead + HEADLINE_PRIOR) if lead >= HEADLINE_MIN else 0.0


def _dot(a: Counter, b: Counter) -> float:
    """Sparse dot product: only the shared keys (found in C by a key-view intersection). The keys come
    in a set's (hash-seeded) order, so the sum is ``fsum``'s, exact whatever the order."""
    if len(a) > len(b):
        a, b = b, a
    shared = a.keys() & b.keys()
    return math.fsum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


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
    return [w for w in map(str.lower, _WORD.findall(text)) if w not in stop]


def _terms(words: list[str], idf: dict[str, float]) -> Counter:
    """The article's strongest terms as a unit vector."""
    weights = {w: (1 + math.log(c)) * idf.get(w, 1.0) for w, c in Counter(words).items()}
    top = sorted(weights.items(), key=operator.itemgetter(1), reverse=True)[:TOP_TERMS]  # stable: ties keep word order
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    return Counter({w: v / norm for w, v in top})


def _names(doc: Document, namelike: frozenset[str]) -> set[str]:
    """The article's name-like words, one by one ("Stadion Kanjuruhan" and "Kanjuruhan
    Stadium" share "kanjuruhan"), and the entity ids of its mentions once resolved."""
    words = set(map(str.lower, _NAME.findall(doc.text))) & namelike
    return words | {f"entity:{m['entity']}" for m in doc.mentions if m.get("entity")}


def _namelike(docs: list[Document]) -> frozenset[str]:
    """Words written with a capital in at least 3 of 4 of their uses in the corpus
    (away from the start of a sentence), calendar words aside: names, not title case."""
    caps: Counter = Counter()
    total: Counter = Counter()
    for doc in docs:
        words = _WORD.findall(doc.text)
        total.update(map(str.lower, words))
        caps.update(w.lower() for w in words if w[0].isupper())
        for word in _sentence_initial(doc):
            total[word.lower()] -= 1
            caps[word.lower()] -= word[0].isupper()
    calendar = langs.all_words("dates", "months") | langs.all_words("dates", "weekdays")
    return frozenset(w for w, n in total.items() if n > 0 and caps[w] >= 0.75 * n and w not in calendar)


def _sentence_initial(doc: Document) -> list[str]:
    """The words of ``_WORD`` that begin a sentence: those ``_WORD.findall`` finds at a sentence's start."""
    text = doc.text
    starts = sorted({s.start for s in doc.sentences if 0 <= s.start < len(text)})
    return [m.group() for m in map(_WORD.match, itertools.repeat(text), starts)
            if m and (m.start() == 0 or not _LETTER.match(text, m.start() - 1))]


def _link_related(stories: list[Story], index: _SpanIndex, specific: float) -> None:
    """Stories alike as wholes (content, core names) are related: months apart, up to ``RELATED_DAYS``."""
    by_id = {s.id: s for s in stories}
    for a in stories:
        for sid in sorted(index.near(a, RELATED_DAYS, by_id.__contains__)):
            if sid > a.id and story_similarity(a, by_id[sid], specific) >= RELATED:
                a.related.add(sid)
                by_id[sid].related.add(a.id)


def _title(story: Story) -> str | None:
    """A headline representative of the story: of the titles that read as headlines, the one whose
    own words weigh most in the story's centre (per word, so a long title gains nothing by length);
    originals before copies, the story's main language first."""
    originals = [d for d in story.docs if not d.duplicate_of] or story.docs
    lang = Counter(d.language for d in originals).most_common(1)[0][0] or "und"
    centroid = story.terms.get(lang, Counter())
    central = [d for d in originals if (d.language or "und") == lang] or originals

    def closeness(doc: Document) -> tuple[bool, bool, float]:
        words = _title_words(doc)
        weight = sum(centroid[w] for w in set(words)) / math.sqrt(len(words)) if words else 0.0
        return doc.title is not None, _headline(doc.title), weight

    return max(central, key=closeness).title


_JOINED = re.compile(r"[a-z][A-Z][a-z]")  # "KamiPedoman": menu items run together, not a headline


def _headline(title: str | None) -> bool:
    """Reads as a headline: a few words to a couple of dozen, no menu items run together."""
    return bool(title) and 3 <= len(title.split()) <= 24 and not _JOINED.search(title)


def _title_words(doc: Document) -> list[str]:
    stop = langs.words(doc.language or langs.FALLBACK, "clean", "function_words")
    return [w for w in map(str.lower, _WORD.findall(doc.title or "")) if w not in stop]
