"""Numbers in every form news writes them, and the numbers that are no figures."""

from __future__ import annotations

import pytest

from kronologi.claims.nonfigures import reason
from kronologi.claims.numbers import find_numbers, parse_digits


@pytest.mark.parametrize("lang, text, value", [
    ("id", "5.800", 5800), ("id", "1,8 juta", 1_800_000), ("id", "2.030", 2030), ("id", "12 juta", 12_000_000),
    ("id", "tujuh", 7), ("id", "dua puluh enam", 26), ("id", "seratus dua puluh tujuh", 127), ("id", "seribu", 1000),
    ("id", "dua belas", 12), ("id", "satu setengah juta", 1_500_000), ("id", "1.234.567", 1_234_567),
    ("id", "2,500", 2500), ("en", "5,800", 5800), ("en", "1.8 million", 1_800_000), ("en", "twenty-six", 26),
    ("en", "one hundred and five", 105), ("en", "a dozen", 12), ("en", "5.800", 5800), ("en", "a hundred", 100),
])
def test_claims_numbers_values(lang: str, text: str, value: float) -> None:
    (n,) = find_numbers(text, lang)
    assert (n.text, n.value) == (text, value)


@pytest.mark.parametrize("lang, text, low, high", [
    ("id", "puluhan", 20, 99), ("id", "ratusan", 200, 999), ("id", "ribuan", 2000, 9999),
    ("id", "puluhan ribu", 20000, 99999), ("en", "dozens", 24, 99), ("en", "tens of thousands", 20000, 99999),
])
def test_claims_numbers_vague(lang: str, text: str, low: int, high: int) -> None:
    (n,) = find_numbers(text, lang)
    assert (n.kind, n.value, n.low, n.high) == ("vague", None, low, high)


@pytest.mark.parametrize("lang, text, value, unit", [
    ("id", "seperempat abad", 25, "year"), ("en", "two decades", 20, "year"), ("id", "Rp5 miliar", 5e9, "IDR"),
    ("id", "100 juta tenge", 1e8, "KZT"), ("en", "$1.2 million", 1.2e6, "USD"), ("id", "US$ 2 juta", 2e6, "USD"),
])
def test_claims_numbers_measures_and_currencies(lang: str, text: str, value: float, unit: str) -> None:
    (n,) = find_numbers(text, lang)
    assert (n.value, n.unit) == (value, unit)


@pytest.mark.parametrize("text", ["10/1/2022", "01:00", "3,2K", "ke-11", "U-20", "No.1", "Agen138", "1990-an",
                                  "dua-tiga"])
def test_claims_numbers_not_read_inside_tokens(text: str) -> None:
    assert [n.text for n in find_numbers(text, "id") if n.text not in ("20", "11", "1", "138")] == []


def test_claims_numbers_digit_marks() -> None:
    assert parse_digits("1.234,56", ",") == 1234.56
    assert parse_digits("1,8", ",") == 1.8 and parse_digits("1.8", ",") == 1.8
    assert parse_digits("2,500", ",", scaled=True) == 2.5
    assert parse_digits("1.2.3", ",") is None


@pytest.mark.parametrize("lang, text, target, code", [
    ("id", "Tokoh itu, 69 tahun, hadir.", "69", "nonfigure.duration"),
    ("id", "pengusaha berusia 57 tahun", "57", "nonfigure.age"),
    ("id", "Korban bernama Agus (35) tewas.", "35", "nonfigure.age"),
    ("id", "dibuka pukul 07.00 WIB", "07.00", "nonfigure.clock"),
    ("en", "polls open at 7 a.m.", "7", "nonfigure.clock"),
    ("id", "mencapai 81 persen", "81", "nonfigure.percent"),
    ("en", "turnout of 69%", "69", "nonfigure.percent"),
    ("id", "12.408 kali dibaca", "12.408", "nonfigure.counter"),
    ("en", "Comments (48)", "48", "nonfigure.counter"),
    ("id", "hubungi 0812-3456-7890 sekarang", "0812", "nonfigure.phone"),
    ("id", "pada tahun 2019 lalu", "2019", "nonfigure.year"),
    ("id", "sejak 2021 lalu", "2021", "nonfigure.year"),
    ("id", "pada 12 Oktober", "12", "nonfigure.date"),
    ("id", "Liga\n1. Pasangan pertama", "1", "nonfigure.list"),
    ("id", "laga berakhir 2-3 untuk tamu", "2", "nonfigure.score"),
    ("en", "lost 3–2 to their rivals", "3", "nonfigure.score"),
    ("id", "di pintu 13 stadion", "13", "nonfigure.identifier"),
    ("id", "dijerat Pasal 359 KUHP", "359", "nonfigure.identifier"),
    ("id", "kompetisi Liga 1 dihentikan", "1", "nonfigure.identifier"),
    ("id", "pintu 13, 11, 14, dan 3", "3", "nonfigure.identifier"),
    ("id", "menahan beban 40 kg", "40", "nonfigure.measure"),
    ("id", "selama empat hari", "empat", "nonfigure.duration"),
])
def test_claims_numbers_that_are_not_figures(lang: str, text: str, target: str, code: str) -> None:
    numbers = find_numbers(text, lang)
    n = next(x for x in reversed(numbers) if x.text == target)
    assert reason(text, n, lang, [], numbers) == code


def test_claims_numbers_that_may_be_figures() -> None:
    for lang, text in (("id", "Sebanyak 127 orang tewas."), ("id", "Polisi: 127 orang meninggal"),
                       ("en", "About 2,000 people fled."), ("id", "Banjir 2.000 rumah")):
        numbers = find_numbers(text, lang)
        assert [reason(text, n, lang, [], numbers) for n in numbers] == [None]
