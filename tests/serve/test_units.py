"""The small mechanisms of ``kronologi serve``: parameters, FTS5 terms, snippets, paragraphs, figures, URLs."""

from __future__ import annotations

import pytest

from kronologi.serve.app import split_json_suffix
from kronologi.serve.params import BadParameter, Page, page_of, text_of, unknown
from kronologi.serve.render import paragraphs, record_url
from kronologi.serve.search import match_expression, snippet_parts
from kronologi.serve.stories import figure_text, like_pattern


def test_params_page_of_reads_defaults_and_refuses_out_of_range():
    assert page_of({}) == Page(1, 20) and page_of({"page": "3", "size": "5"}) == Page(3, 5)
    assert page_of({}, default_size=100).size == 100
    for bad in ({"page": "0"}, {"page": "-1"}, {"page": "1.5"}, {"size": "101"}, {"page": "٣"}, {"page": "9" * 12}):
        with pytest.raises(BadParameter):
            page_of(bad)


def test_params_page_info_counts_pages():
    assert Page(2, 10).offset == 10
    assert Page(1, 10).info(0)["pages"] == 1 and Page(1, 10).info(21)["pages"] == 3


def test_params_text_of_and_unknown():
    assert text_of({"q": "  banjir "}, "q") == "banjir" and text_of({}, "q") == ""
    with pytest.raises(BadParameter, match="required"):
        text_of({"q": " "}, "q", required=True)
    with pytest.raises(BadParameter, match="'sort'"):
        unknown({"q": "a", "sort": "x"}, ("q",))


def test_search_match_expression_quotes_every_word():
    assert match_expression('banjir" OR NEAR(rob*') == '"banjir" "OR" "NEAR" "rob"'
    assert match_expression("Wanareja-Karangsari") == '"Wanareja" "Karangsari"'
    with pytest.raises(BadParameter):
        match_expression('"*()')


def test_search_snippet_parts_turn_markers_into_structure():
    assert snippet_parts("a \x01b\x02 c") == [{"text": "a ", "hit": False}, {"text": "b", "hit": True},
                                              {"text": " c", "hit": False}]
    assert snippet_parts("") == []


def test_render_paragraphs_keep_every_character_and_split_on_blank_lines():
    text = "One. Two.\n\nThree."
    sentences = [{"idx": 0, "start": 0, "end": 4, "events": []}, {"idx": 1, "start": 5, "end": 9, "events": ["V1"]},
                 {"idx": 2, "start": 11, "end": 17, "events": []}]
    paras = paragraphs(text, sentences, [])
    assert len(paras) == 2
    assert "".join(p["text"] for p in paras[0]) == "One. Two." and paras[1][0]["sentence"]["idx"] == 2
    assert paras[0][2]["sentence"]["events"] == ["V1"]


def test_render_paragraphs_split_a_highlight_at_sentence_ends():
    text = "One. Two.\n\nThree."
    sentences = [{"idx": 0, "start": 0, "end": 4, "events": []}, {"idx": 1, "start": 5, "end": 9, "events": ["V1"]},
                 {"idx": 2, "start": 11, "end": 17, "events": []}]
    quote_ = {"kind": "quote", "start": 2, "end": 8, "target": None}  # from the first sentence into the second
    event = {"kind": "event", "start": 5, "end": 9, "target": "/events/V1"}  # the whole sentence: marks it instead
    paras = paragraphs(text, sentences, [quote_, event])
    kinds = [[(n["span"]["kind"] if n["span"] else None, n["text"] or n["children"][0]["text"])
              for n in piece["nodes"]] for piece in paras[0]]
    assert kinds == [[(None, "On"), ("quote", "e.")], [("quote", " ")], [("quote", "Two"), (None, ".")]]


def test_render_record_url_encodes_the_whole_id():
    assert record_url("documents", "berita/a#b c?", 3) == "/documents/berita%2Fa%23b%20c%3F#s3"
    assert record_url("events", "V1") == "/events/V1"


def test_app_split_json_suffix():
    assert split_json_suffix("S1.json") == ("S1", True) and split_json_suffix("S1") == ("S1", False)
    assert split_json_suffix("data.json.json") == ("data.json", True)


def test_stories_figure_text_and_like_pattern():
    fig = {"value": 5.0, "low": 5, "high": 5, "qualifier": "exact", "unit": None, "text": "lima"}
    assert figure_text(fig) == "5"
    assert figure_text({**fig, "qualifier": "about", "value": 120}) == "about 120"
    assert figure_text({**fig, "qualifier": "range", "low": 2, "high": 3}) == "2–3"
    assert figure_text({**fig, "value": 121000000.0, "unit": "IDR"}) == "121000000 IDR"
    assert figure_text({**fig, "qualifier": "vague", "value": None, "text": "puluhan"}) == "puluhan"
    assert like_pattern("50%_a\\") == "%50\\%\\_a\\\\%"
