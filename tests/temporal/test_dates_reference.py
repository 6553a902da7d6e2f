"""Reference dates: reading, inference from a body, sibling windows."""

from __future__ import annotations

from datetime import date

import pytest

from kronologi.temporal import Reference, ReferenceDateError, infer_reference, sibling_window


@pytest.mark.parametrize("text, parts", [
    ("2022-01-10", (2022, 1, 10, None, None, None, None)),
    ("2022-01-10T22:25", (2022, 1, 10, 22, 25, None, None)),
    ("2022-01-10T22:25:30+07:00", (2022, 1, 10, 22, 25, 30, "+07:00")),
    ("2022-01-10T22:25Z", (2022, 1, 10, 22, 25, None, "+00:00")),
    ("2022-01", (2022, 1, None, None, None, None, None)),
    ("2022", (2022, None, None, None, None, None, None)),
])
def test_reference_parse(text, parts):
    ref = Reference.parse(text)
    assert (ref.year, ref.month, ref.day, ref.hour, ref.minute, ref.second, ref.zone) == parts


@pytest.mark.parametrize("text", ["10/01/2022", "2022-13-01", "2022-02-30", "yesterday", "2022-01-10T25"])
def test_reference_parse_rejects_what_is_not_a_date(text):
    with pytest.raises(ReferenceDateError, match="YYYY-MM-DD|calendar"):
        Reference.parse(text)


def test_reference_inference_prefers_the_latest_date_not_in_the_future():
    text = ("Tim itu dibentuk Senin (3/10/2022). Laporannya diserahkan Jumat (14/10/2022). "
            "Sidang akan digelar pada 1 November 2022.")
    found = infer_reference(text, "id", not_after=date(2025, 1, 1))
    assert (found.value, found.basis, found.confidence) == ("2022-10-14", "latest_full_date", 0.8)
    assert text[found.start:found.end] == "Jumat (14/10/2022)"


def test_reference_inference_never_goes_past_not_after():
    found = infer_reference("Rapat digelar pada 10 Januari 2022.", "id", not_after=date(2021, 12, 31))
    assert found is None


def test_reference_inference_weekday_pair_uses_the_years_the_text_mentions():
    text = "Warga mengungsi sejak 2015. Banjir kembali datang Rabu (5/1)."
    found = infer_reference(text, "id", not_after=date(2030, 1, 1))
    assert (found.value, found.basis) == ("2022-01-05", "weekday_day_month")


def test_reference_sibling_window_never_invents_a_day():
    assert sibling_window(["2022-01-06", "2022-01-11T22:25+07:00", None]) == \
        {"start": "2022-01-06", "end": "2022-01-11", "value": "2022-01", "confidence": 0.5, "basis": "siblings"}
    assert sibling_window(["2021-12-30", "2022-01-02"])["value"] is None
    assert sibling_window(["2022-01-30", "2022-03-02"])["value"] == "2022"
    assert sibling_window([None, "not a date"]) is None


def test_reference_in_zone():
    ref = Reference.parse("2022-10-01T23:58-04:00").in_zone("+07:00")
    assert (ref.year, ref.month, ref.day, ref.hour, ref.minute, ref.zone) == (2022, 10, 2, 10, 58, "+07:00")
    assert Reference.parse("2022-10-01").in_zone("+07:00") == Reference.parse("2022-10-01")
