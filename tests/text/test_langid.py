"""Language identification on realistic news paragraphs."""

from __future__ import annotations

import pytest

from kronologi.text.langid import _identifier, identify

INDONESIAN = (
    "Pemerintah daerah mengumumkan bahwa jam malam akan diberlakukan mulai pukul "
    "21.00 WIB hingga situasi kembali kondusif. Warga diminta tetap berada di rumah "
    "dan tidak mudah terpancing kabar bohong yang beredar di media sosial."
)
INDONESIAN_SHORT = "Polisi menangkap tujuh orang di ibu kota."
ENGLISH = (
    "Security forces detained dozens of people overnight as the government imposed "
    "a curfew and cut internet access in several cities. Officials said the measures "
    "would remain in place until order was restored."
)
# Indonesian that uses words shared with Malay; py3langid alone calls it "ms".
MALAY_LOOKING = "Pasukan keselamatan telah menahan tujuh orang yang dituduh merancang rusuhan di ibu kota."


@pytest.mark.parametrize(
    "text, lang",
    [(INDONESIAN, "id"), (INDONESIAN_SHORT, "id"), (ENGLISH, "en")],
)
def test_langid_news_paragraphs(text: str, lang: str) -> None:
    code, confidence = identify(text)
    assert code == lang
    assert 0.5 < confidence <= 1.0


def test_langid_malay_is_folded_into_indonesian() -> None:
    top = _identifier().rank(MALAY_LOOKING)[0][0]
    assert top == "ms", "precondition: the raw model prefers Malay for this text"
    code, confidence = identify(MALAY_LOOKING)
    assert code == "id"
    assert confidence > 0.9  # the Malay and Indonesian probabilities are summed


@pytest.mark.parametrize("text", ["", "   \n", "2022 10/1 5.800 22.25", "ya", "Ia ya", "!!! ... ---"])
def test_langid_too_little_text_is_undetermined(text: str) -> None:
    assert identify(text) == ("und", 0.0)


def test_langid_answers_only_from_the_candidate_set() -> None:
    code, _ = identify("Mereka datang dan pergi lagi.")
    assert code in {"id", "jv", "en"}


def test_langid_reads_only_the_first_sample() -> None:
    english = " ".join([ENGLISH] * 10)
    assert len(english) > 2000
    assert identify(english + " " + INDONESIAN * 40)[0] == "en"


def test_langid_confidence_is_a_plain_float() -> None:
    _, confidence = identify(ENGLISH)
    assert type(confidence) is float
