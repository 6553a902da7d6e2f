"""Quotes on any text, in every quote style, nested and unbalanced: offsets inside the text, the quote's
text exactly the text at its offsets (no spaces kept in the offsets that the text drops), parents hold children."""

from __future__ import annotations

from hypothesis import given
from strategies import BOUNDED, LANGS, TEXTS

from kronologi.claims.quotes import find_quotes


def _parents_by_brute_force(quotes) -> list[int | None]:
    out = []
    for i, q in enumerate(quotes):
        outer = [j for j, o in enumerate(quotes) if j != i and o.start <= q.start and q.end <= o.end]
        out.append(outer[-1] if outer else None)
    return out


@BOUNDED
@given(text=TEXTS, lang=LANGS)
def test_find_quotes_text_is_the_text_at_its_trimmed_offsets(text: str, lang: str) -> None:
    quotes = find_quotes(text, lang)
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        start, end = q.trimmed
        assert q.start <= start <= end <= max(q.end, start)
        if len(q.spans) == 1:
            assert text[start:end] == q.text
        else:  # a quote over paragraphs: its paragraphs' texts, each stripped, joined by a blank line
            assert q.text.replace("\n\n", "") == "".join(text[s:e].strip() for s, e in q.spans)
        assert q.text == q.text.strip()


@BOUNDED
@given(text=TEXTS, lang=LANGS)
def test_find_quotes_parent_is_the_innermost_quote_holding_it(text: str, lang: str) -> None:
    quotes = find_quotes(text, lang)
    assert [q.parent for q in quotes] == _parents_by_brute_force(quotes)


@BOUNDED
@given(text=TEXTS, lang=LANGS)
def test_claims_quote_records_text_equals_text_at_offsets(text: str, lang: str) -> None:
    from kronologi.claims.step import read_text

    for q in read_text(text, lang, "2024-05-01")["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(text)
        if "\n\n" not in q["text"]:
            assert text[q["start"]:q["end"]] == q["text"]
