"""Undated articles read on their story's calendar: the year their story's dated articles share."""

from __future__ import annotations

from types import SimpleNamespace

from kronologi.corpus.calendar import date_from_stories
from kronologi.document import Document
from kronologi.pipeline import Pipeline, PipelineConfig

_UNDATED = ("Per 2 Mei, sebanyak 412 warga Lembang tewas sejak banjir bandang melanda. "
            "Banjir bandang itu melanda Lembang pada 14 Maret.")
_DATED = "Banjir bandang melanda Lembang pada Senin (14/3/2022) dan menewaskan 40 warga."


def _processed(doc_id: str, text: str, published: str | None) -> Document:
    doc = Document(id=doc_id, source_path=f"{doc_id}.txt", format="text", raw_text=text, language="id",
                   published=published, published_basis="metadata" if published else None)
    doc.key = f"key-{doc_id}"
    (out,) = Pipeline.from_config(PipelineConfig()).run_many([doc])
    return out


def test_calendar_an_undated_article_takes_its_storys_year():
    undated, dated = _processed("u", _UNDATED, None), _processed("d", _DATED, "2022-03-15")
    assert all(t["value"].startswith("XXXX") for t in undated.times if t["text"] in ("2 Mei", "14 Maret"))
    decisions = date_from_stories([SimpleNamespace(docs=[dated, undated])])
    assert (undated.published, undated.published_basis) == ("2022-03", "inferred")
    assert decisions[undated.key]["basis"] == "story" and undated.key in decisions and dated.key not in decisions
    values = {t["text"]: t["value"] for t in undated.times}
    assert values["2 Mei"] == "2022-05-02" and values["14 Maret"] == "2022-03-14"
    assert "2022-03-14" in {ev["date"] for ev in undated.events}  # the events step ran again on the new reference


def test_calendar_a_story_with_no_dated_article_changes_nothing():
    undated = _processed("u", _UNDATED, None)
    assert date_from_stories([SimpleNamespace(docs=[undated])]) == {}
    assert undated.published is None


# --- the day a rising toll places an article on ------------------------------------------------

from kronologi.corpus.calendar import date_from_series  # noqa: E402


def _toll(doc_id: str, value: int, as_of: str | None, **extra) -> dict:
    return {"doc": doc_id, "category": "killed", "value": value, "status": "reported", "as_of": as_of, **extra}


def _series_story(undated_text: str, undated_toll: int, days=("2022-03-14", "2022-03-16", "2022-03-21")):
    """Three dated articles of a flood whose toll rises 40 -> 120 -> 300 (by default on 14, 16 and
    21 March 2022), and an article its story knows only to the month."""
    dated = [_processed(f"d{k}", _DATED, day) for k, day in enumerate(days)]
    undated = _processed("u", undated_text, "2022-03")
    undated.published_basis = "inferred"
    figures = [*(_toll(f"d{k}", value, day) for k, (value, day) in enumerate(zip((40, 120, 300), days))),
               _toll("u", undated_toll, None)]
    story_of = {d.id: "S1" for d in [*dated, undated]}
    return [*dated, undated], story_of, figures


def test_calendar_a_toll_between_two_days_places_an_article_on_the_later_day():
    text = "Korban tewas banjir bandang di Lembang bertambah menjadi 80 orang."
    docs, story_of, figures = _series_story(text, 80, ("2022-03-14", "2022-03-15", "2022-03-21"))
    decisions, undated = date_from_series(docs, story_of, figures), docs[-1]
    assert len(decisions) == 1 and undated.published == "2022-03-15" and decisions[undated.key]["basis"] == "series"


def test_calendar_the_weekday_an_article_names_picks_the_day_in_a_longer_span():
    text = "Pada Sabtu, korban tewas banjir bandang di Lembang bertambah menjadi 200 orang."
    docs, story_of, figures = _series_story(text, 200)  # after 16 March, by 21 March: Saturday is the 19th
    date_from_series(docs, story_of, figures)
    undated = docs[-1]
    assert undated.published == "2022-03-19"
    assert any(ev["date"] == "2022-03-19" for ev in undated.events)  # the dated steps ran again


def test_calendar_an_ambiguous_span_or_a_part_of_a_total_tells_no_day():
    docs, story_of, figures = _series_story("Korban tewas banjir bandang di Lembang bertambah menjadi 200 orang.", 200)
    assert date_from_series(docs, story_of, figures) == {} and docs[-1].published == "2022-03"  # five days fit
    docs, story_of, figures = _series_story("Korban tewas banjir bandang di Lembang bertambah menjadi 80 orang.", 80)
    assert date_from_series(docs, story_of, figures) == {}  # the 15th or the 16th: no weekday to choose
    docs, story_of, figures = _series_story("Korban tewas banjir bandang di Lembang bertambah menjadi 80 orang.", 80)
    figures[-1]["part_whole"] = True  # "80 of them in one village": no toll of its own
    assert date_from_series(docs, story_of, figures) == {} and docs[-1].published == "2022-03"


def test_calendar_a_toll_above_every_dated_count_places_nothing():
    text = "Pada Kamis, warga mengenang banjir bandang yang menewaskan lebih dari 500 orang."
    docs, story_of, figures = _series_story(text, 500)  # later than the 21st, or the toll recalled months on
    assert date_from_series(docs, story_of, figures) == {} and docs[-1].published == "2022-03"


def test_calendar_a_span_in_one_month_narrows_an_article_known_to_its_year():
    docs, story_of, figures = _series_story("Korban tewas banjir bandang di Lembang bertambah menjadi 200 orang.", 200)
    docs[-1].published = "2022"  # its story spans more than a month: only the year was known
    decisions = date_from_series(docs, story_of, figures)
    assert docs[-1].published == "2022-03" and decisions[docs[-1].key]["start"] == "2022-03-17"
