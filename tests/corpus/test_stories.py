"""Stories: grouping by content, names and time; incremental; related stories."""

from __future__ import annotations

from kronologi.corpus.stories import assign_stories
from kronologi.document import Document, Sentence
from kronologi.text.sentences import split_sentences

FLOOD = ("Banjir rob merendam ratusan rumah warga di pesisir Demak, Jawa Tengah. Warga Desa Sriwulan mengungsi "
         "ke balai desa. Bupati Demak Eisti meminta warga waspada karena air laut masih pasang.")
FLOOD_2 = ("Air rob di Demak mulai surut, namun warga Sriwulan belum kembali ke rumah. Bupati Eisti mengatakan "
           "tanggul darurat akan dibangun pekan ini di pesisir Demak yang terendam banjir.")
FLOOD_EN = ("Tidal floods swamped hundreds of homes on the Demak coast in Central Java. Residents of Sriwulan "
            "village fled to the village hall, and the Demak regent Eisti urged caution.")
ELECTION = ("Komisi Pemilihan Umum Surabaya menetapkan jadwal kampanye wali kota. Ketua KPU Surabaya Nurul "
            "mengatakan debat kandidat digelar tiga kali di Gedung Grahadi.")


def _doc(doc_id, text, published, language="id", outlet=None):
    doc = Document(id=doc_id, source_path=doc_id, format="text", raw_text=text, text=text, language=language,
                   published=published, outlet=outlet, key=doc_id)
    doc.sentences = [Sentence(s, e) for s, e in split_sentences(text, language)]
    return doc


def test_stories_group_by_content_names_and_time_across_languages():
    docs = [_doc("a", FLOOD, "2024-01-04"), _doc("b", FLOOD_2, "2024-01-06"), _doc("c", FLOOD_EN, "2024-01-05", "en"),
            _doc("d", ELECTION, "2024-01-05")]
    stories = assign_stories(docs)
    groups = sorted(sorted(d.id for d in s.docs) for s in stories)
    assert groups == [["a", "b", "c"], ["d"]]
    flood = next(s for s in stories if len(s.docs) == 3).record()
    assert (flood["start"], flood["end"]) == ("2024-01-04", "2024-01-06")
    assert flood["title"] is None or isinstance(flood["title"], str)


def test_stories_same_subject_months_apart_is_a_related_story():
    docs = [_doc("a", FLOOD, "2024-01-04"), _doc("b", FLOOD_2, "2024-05-20")]
    stories = assign_stories(docs)
    assert len(stories) == 2
    assert stories[0].record()["related"] == [stories[1].id]


def test_stories_copies_follow_their_original():
    a = _doc("a", FLOOD, "2024-01-04")
    copy = _doc("b", ELECTION, "2024-01-05")
    copy.duplicate_of = "a"
    stories = assign_stories([a, copy])
    assert len(stories) == 1 and copy.story == a.story


def test_stories_incremental_assignments_are_kept_and_new_articles_join():
    first = [_doc("a", FLOOD, "2024-01-04"), _doc("d", ELECTION, "2024-01-05")]
    stories = assign_stories(first)
    previous = {d.key: d.story for d in first}
    later = [_doc("a", FLOOD, "2024-01-04"), _doc("d", ELECTION, "2024-01-05"), _doc("b", FLOOD_2, "2024-01-06")]
    again = assign_stories(later, previous)
    assert {d.id: d.story for d in later if d.id != "b"} == previous
    assert later[2].story == previous["a"] and len(again) == len(stories)


def test_stories_seed_articles_form_the_january_and_november_stories(tmp_path):
    import kronologi

    from conftest import need_shared

    seeds = need_shared("seeds")
    dates = {"000": "2022-11-17", "001": "2022-01-06", "002": "2022-01-10", "003": "2022-01-11", "004": "2022-01-11"}
    files = sorted(p for p in seeds.glob("*.txt") if p.name[:3] in dates)
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published\n" + "".join(f"{p.name},{dates[p.name[:3]]}\n" for p in files), encoding="utf-8")
    chronicle = kronologi.build([str(p) for p in files], meta=meta)
    groups = sorted(sorted(d[:3] for d in s["documents"]) for s in chronicle.stories)
    assert groups == [["000"], ["001", "002", "003", "004"]]


def test_stories_a_genre_is_not_a_story():
    # A theft story in one town; another theft elsewhere shares the genre's words and the police
    # body's name (frequent in the corpus: weight under the bar) but no specific name.
    from collections import Counter

    from kronologi.corpus.stories import Story, similarity, story_similarity

    specific = 3.0  # the weight a name needs to be specific (from its corpus frequency)
    terms = Counter({"pencuri": 0.5, "motor": 0.5, "ditahan": 0.5, "pasar": 0.5})
    story = Story("S1")
    for n in range(3):
        story.add(_doc(f"a{n}", "x", "2024-03-01"), terms, {"polres": 1.2, "ambarawa": 4.5})
    elsewhere = (Counter({"pencuri": 0.5, "gudang": 0.6, "sapi": 0.62}), {"polres": 1.2, "kudus": 4.5})
    same_town = (Counter({"pencuri": 0.6, "gudang": 0.8}), {"polres": 1.2, "ambarawa": 4.5})
    assert similarity(elsewhere, story, "id", specific) == 0.0  # close-ish content, a genre name only
    assert similarity(same_town, story, "id", specific) > 0.2
    assert similarity(elsewhere, story, "id") > 0.2  # what the rule prevents: without it, they would join
    other = Story("S2")
    other.add(_doc("b", "x", "2024-03-02"), elsewhere[0], elsewhere[1])
    assert story_similarity(story, other, specific) == 0.0 < story_similarity(story, other)


def test_stories_a_developing_story_goes_on_after_a_gap_when_it_recalls_its_days():
    later = _doc("b", FLOOD_2, "2024-05-20")
    later.times = [{"start": 0, "end": 1, "type": "DATE", "value": "2024-01-04"}]  # "the flood of 4 January"
    stories = assign_stories([_doc("a", FLOOD, "2024-01-04"), later])
    assert [sorted(d.id for d in s.docs) for s in stories] == [["a", "b"]]


def test_stories_title_is_a_headline_of_the_story_not_menu_text_or_a_long_sentence():
    a, b, c = _doc("a", FLOOD, "2024-01-04"), _doc("b", FLOOD_2, "2024-01-06"), _doc("c", FLOOD, "2024-01-05")
    a.title = "BerandaTentang KamiRedaksiPedoman Media Siber"  # a menu caught as a title
    b.title = "Rob Surut, Warga Sriwulan Demak Belum Pulang"
    c.title = ("Banjir rob merendam ratusan rumah warga dan membuat warga mengungsi ke balai desa sementara air laut "
               "masih pasang di sepanjang pesisir utara yang juga dilanda angin kencang sejak pagi tadi")
    (story,) = assign_stories([a, b, c])
    assert story.record()["title"] == b.title
