"""Stories: the counting and candidate shortcuts give what the plain definitions give."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from kronologi.corpus import stories as st
from kronologi.document import Document, Sentence

TEXT = ("Warga Lembah Sarindu mengungsi. Bupati Sarindu Oktaviano meninjau lokasi, kata Oktaviano. "
        "Sarindu masih banjir; warga sarindu bertahan di Masjid Raya Sarindu.")


def _doc(doc_id: str, text: str, starts: list[int], times: list[str] = (), published: str = "2031-03-10"):
    doc = Document(id=doc_id, source_path=doc_id, format="text", raw_text=text, text=text, language="id",
                   published=published, key=doc_id)
    doc.sentences = [Sentence(s, len(text)) for s in starts]
    doc.times = [{"value": v} for v in times]
    return doc


def _namelike_by_scan(docs) -> frozenset[str]:
    """The definition, word by word: uses away from a sentence's start, capitalised in 3 of 4."""
    caps, total = Counter(), Counter()
    for doc in docs:
        starts = {s.start for s in doc.sentences}
        for m in st._WORD.finditer(doc.text):
            if m.start() not in starts:
                total[m.group().lower()] += 1
                caps[m.group().lower()] += m.group()[0].isupper()
    calendar = st.langs.all_words("dates", "months") | st.langs.all_words("dates", "weekdays")
    return frozenset(w for w, n in total.items() if caps[w] >= 0.75 * n and w not in calendar)


def test_stories_namelike_counts_as_a_scan_of_every_word_would():
    sentence_starts = [0] + [m.end() + 1 for m in re.finditer(r"[.;]", TEXT)][:-1]
    docs = [_doc("a", TEXT, sentence_starts),
            _doc("b", "Oktaviano tiba. Warga12Sarindu menunggu", [0, 16, 23, 2]),  # starts in a word and past digits
            _doc("c", "Sarindu Sarindu sarindu", [0, 8, 999]),
            _doc("d", "Mantan Tan", [0, 3])]  # a 'start' inside 'Mantan' is not the word 'tan'
    expected = _namelike_by_scan(docs)
    assert st._namelike(docs) == expected
    assert {"oktaviano", "tan"} <= expected
    assert "sarindu" not in expected  # lower case in 2 of its 5 uses away from a sentence's start


def test_stories_sentence_initial_words_are_only_whole_words_at_a_start():
    doc = _doc("a", "Abcd efg. Hijk lmno", [0, 2, 10, 14])
    assert st._sentence_initial(doc) == ["Abcd", "Hijk"]  # 2 is inside a word, 14 at a space


@pytest.mark.parametrize("day, expected", [(date(2031, 2, 28), True), (date(2031, 2, 27), False),
                                           (date(2031, 3, 6), True), (date(2031, 3, 7), False)])
def test_stories_a_recalled_day_meets_the_story_span_a_day_either_side(day, expected):
    story = st.Story("S1", first=date(2031, 3, 1), last=date(2031, 3, 5))
    days = st.recalled_days(_doc("a", "x", [], ["2030-01-01", day.isoformat() + "T10:00", "2031-XX-01", "P3D"]))
    assert st._meets(days, story) is expected


def test_stories_recalled_days_are_the_full_dates_sorted():
    doc = _doc("a", "x", [], ["2031-03-05", "2031-02-30", "2031-W10", "2030-12-31TAF", "2031-01-02"])
    assert st.recalled_days(doc) == [date(2030, 12, 31).toordinal(), date(2031, 1, 2).toordinal(),
                                     date(2031, 3, 5).toordinal()]


def _story(sid: str, first: date, last: date, docs=()):
    return st.Story(sid, docs=list(docs), first=first, last=last)


@pytest.fixture
def scores(monkeypatch):
    table: dict[str, float] = {}
    monkeypatch.setattr(st, "story_similarity", lambda late, s, specific=0.0, places=frozenset(): table[s.id])
    return table


def test_stories_merge_target_is_the_most_similar_story_when_it_may_take_the_late_one(scores):
    late = _story("S9", date(2031, 9, 1), date(2031, 9, 3), [_doc("x", "x", [], ["2031-01-05"])])
    near = _story("S2", date(2031, 8, 20), date(2031, 8, 25))
    far = _story("S1", date(2031, 3, 1), date(2031, 3, 2))  # months before, and not recalled
    recalled = _story("S3", date(2031, 1, 4), date(2031, 1, 6))  # recalled by late's article
    scores.update(S1=0.3, S2=0.5, S3=0.2)
    assert st._merge_target(late, [far, near, recalled], 0.0) is near
    scores.update(S1=0.6)  # the most similar story is one late cannot join: no merge at all
    assert st._merge_target(late, [far, near, recalled], 0.0) is None
    scores.update(S1=0.5)  # equals: the first in order decides
    assert st._merge_target(late, [far, near, recalled], 0.0) is None
    assert st._merge_target(late, [near, far, recalled], 0.0) is near
    scores.update(S1=0.1, S2=0.1, S3=0.7)
    assert st._merge_target(late, [far, near, recalled], 0.0) is recalled
    scores.update(S3=0.15)  # below the merge threshold
    assert st._merge_target(late, [far, near, recalled], 0.0) is None


APPEAL = "Lembaga Dunia menggalang dana bagi korban di Sarindu."


@pytest.mark.parametrize("recalled, joins, appeal_text", [("2031-03-01", True, APPEAL), ("2031-03-02", True, APPEAL),
                                                          ("2031-03-04", False, APPEAL)])
def test_stories_an_article_naming_the_storys_first_day_joins_on_a_weak_match(monkeypatch, recalled, joins, appeal_text):
    """An aid appeal for "the quake of 1 March" shares little wording with the quake's reports: a weak but
    specific match joins when it names the story's first day (a day either side), not a later day of it,
    and names what the story's headlines name (not an appeal for another place on that day)."""
    text = "Gempa Lembah Sarindu merobohkan rumah warga. Bupati Oktaviano meninjau lokasi."
    quake = [_doc(f"q{k}", text, [0, 45], [f"2031-03-0{k}"], published=f"2031-03-0{k}") for k in (1, 2, 3, 4)]
    appeal = _doc("aid", appeal_text, [0], [recalled],
                  published="2031-03-12")
    real = st.similarity
    monkeypatch.setattr(st, "similarity", lambda feats, story, lang, specific=0.0, *heads:
                        0.15 if feats is features_of_appeal[0] else real(feats, story, lang, specific, *heads))
    features_of_appeal = []
    real_features = st._features

    def features(docs):
        out = real_features(docs)
        features_of_appeal.append(out["aid"])
        return out

    monkeypatch.setattr(st, "_features", features)
    st.assign_stories(quake + [appeal])
    assert (appeal.story == quake[0].story) is joins


def _headed(sid: str, titles: list[str], day: date = date(2031, 3, 1)) -> st.Story:
    """A story of articles whose headlines name ``titles``' words (each article names them all)."""
    story = st.Story(sid)
    for i, words in enumerate(titles):
        doc = _doc(f"{sid}-{i}", " ".join(words), [0], published=day.isoformat())
        story.add(doc, Counter({"gempa": 1.0}), {w: 1.0 for w in words}, frozenset(words))
    return story


def test_stories_a_person_most_of_a_story_headlines_makes_an_article_particular():
    """A name in many articles is not specific, yet the person a big story's headlines name is its subject:
    an article headlining him joins on that, where the same article without it scores nothing."""
    story = _headed("S1", [["baskara", "kalibata"]] * 5 + [["kalibata"]])
    feats = (Counter({"pesawat": 1.0}), {"baskara": 1.0, "lirana": 1.0})
    assert st.similarity(feats, story, "id", specific=99.0) == 0.0
    joined = st.similarity(feats, story, "id", 99.0, frozenset({"baskara"}), frozenset({"baskara"}))
    assert joined >= st.JOIN
    place_only = st.similarity(feats, story, "id", 99.0, frozenset({"baskara"}), frozenset())
    assert place_only == 0.0  # a place (or body) headlined alike adds support, it does not make a story


def test_stories_headline_support_needs_two_articles_and_grows_with_them():
    one, five = _headed("S1", [["lirana"]]), _headed("S2", [["lirana"]] * 5)
    assert st.headline_support(frozenset({"lirana"}), one) == 0.0
    assert st.headline_support(frozenset({"lirana"}), five) == pytest.approx(5 / 7)
    assert st.headline_support(frozenset({"other"}), five) == 0.0


def test_stories_do_not_merge_when_they_headline_different_places(scores):
    """Two quakes days apart in two provinces share a quake's words, not a story."""
    earlier = _headed("S1", [["jayawi"]] * 3, date(2031, 3, 1))
    late = _headed("S2", [["ambora"]] * 3, date(2031, 3, 5))
    same = _headed("S3", [["jayawi", "ambora"]] * 3, date(2031, 3, 5))
    scores.update(S1=0.9)
    places = frozenset({"jayawi", "ambora"})
    assert st._merge_target(late, [earlier], 0.0, places) is None
    assert st._merge_target(late, [earlier], 0.0) is earlier  # not known as places: no evidence against
    assert st._merge_target(same, [earlier], 0.0, places) is earlier


def test_stories_one_place_name_across_languages():
    assert st._one_place_name("turki") == st._one_place_name("turkey") == "turkey"
    assert st._one_place_name("lirana") == "lirana"


def test_stories_a_weak_match_must_name_what_the_story_headlines():
    """A demonstration elsewhere on the day a riot began names the police, not the riot's town."""
    riot = _headed("S1", [["wamora", "polda"], ["wamora"], ["wamora"]])
    assert st._names_subject({"wamora": 1.0, "polda": 1.0}, riot)
    assert not st._names_subject({"polda": 1.0, "medira": 1.0}, riot)
    assert st._names_subject({"polda": 1.0}, st.Story("S2"))  # a story without headlines: no evidence


def _keyed(sid: str, first: date, last: date, words: list[str]) -> st.Story:
    """A story whose one article has ``words`` as its terms (all of them its lookup keys too)."""
    story = _story(sid, first, last)
    story.features[f"{sid}-doc"] = (Counter({w: 1.0 for w in words}), {})
    story.terms["id"] = Counter({w: 1.0 for w in words})
    return story


def test_stories_neighbours_are_looked_up_near_in_time_and_ties_go_to_the_nearest():
    day = date(2031, 3, 1)
    late = _keyed("S100", day, day, ["banjir", "sarindu", "tanggul"])
    far = [_keyed(f"S{i}", date(2021, 3, 1), date(2021, 3, 2), ["banjir", "sarindu", "tanggul"])
           for i in range(1, 50)]  # share every key, ten years before: never its neighbours
    near = [_keyed("S60", date(2031, 1, 2), date(2031, 1, 3), ["banjir", "sarindu"]),
            _keyed("S61", date(2031, 2, 20), date(2031, 2, 21), ["banjir", "tanggul"]),
            _keyed("S62", date(2031, 2, 25), date(2031, 2, 27), ["banjir", "sarindu", "tanggul"])]
    index = st._SpanIndex([*far, *near, late])
    assert index.near(late, st.LONG_WINDOW_DAYS, lambda sid: True) == {"S60", "S61", "S62"}
    # the cut keeps the most shared keys, then the tied stories nearest in time
    assert index.near(late, st.LONG_WINDOW_DAYS, lambda sid: True, limit=2) == {"S62", "S61"}
    assert index.near(late, st.LONG_WINDOW_DAYS, lambda sid: sid != "S62", limit=2) == {"S61"}  # cut, then filter
    assert len(index.near(late, 20 * 365, lambda sid: True)) == 40  # a wide window reaches the old ones


def test_stories_a_story_that_absorbs_another_is_found_by_its_keys_in_its_new_periods():
    early = _keyed("S1", date(2031, 1, 1), date(2031, 1, 2), ["gempa", "lereng"])
    late = _keyed("S2", date(2031, 9, 1), date(2031, 9, 2), ["longsor", "lereng"])
    probe = _keyed("S3", date(2032, 4, 1), date(2032, 4, 1), ["gempa", "longsor"])
    index = st._SpanIndex([early, late, probe])
    assert "S1" not in index.near(probe, st.LONG_WINDOW_DAYS, lambda sid: True)  # over a year apart
    before = st._periods(early)
    early.last = late.last  # S1 took S2's article
    early.features.update(late.features)
    index.absorbed(early, late, before)
    assert "S1" in index.near(probe, st.LONG_WINDOW_DAYS, lambda sid: True)


def test_stories_leave_no_per_article_features_behind_but_keep_their_records():
    text = "Banjir merendam Lembah Sarindu. Bupati Oktaviano meninjau tanggul Sarindu."
    docs = [_doc("a", text, [0, 32]), _doc("b", text + " Warga mengungsi.", [0, 32, 75])]
    docs[0].title = "Banjir di Lembah Sarindu"
    found = st.assign_stories(docs)
    assert found and all(not s.features and not s.headlines for s in found)  # the build holds stories to its end
    assert found[0].record()["title"] == "Banjir di Lembah Sarindu" and found[0].record()["documents"]
