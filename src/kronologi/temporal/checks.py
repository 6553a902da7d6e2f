"""Context checks of rules: when a match is no temporal expression after all.

A rule names its check in the pack (``check: year``); each check looks at the
words around the match: a four-digit number that counts something is no year,
a number of years that is somebody's age is no duration, a weekday in a place
name is no date.
"""

from __future__ import annotations

import re

from kronologi.temporal.patterns import Pack, group_name

def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return found.group(1).lower() if found else ""


def _word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    return found.group(1).lower() if found else ""


_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_WORD_AFTER = re.compile(r"\s*([^\s,;:()]+)")


def _is_year(text: str, match: re.Match[str], p: Pack) -> bool:
    """A bare four-digit number is a year unless a neighbour says it counts something."""
    before, after = _word_before(text, match.start()), _word_after(text, match.end())
    return before not in p.vocab.get("not_year_before", {}) and after not in p.vocab.get("not_year_after", {})


def _is_not_age(text: str, match: re.Match[str], p: Pack) -> bool:
    """``berusia 57 tahun``, ``Tokayev, 69 tahun,``, ``bocah 5 tahun``, ``69 years old`` are ages."""
    groups = {group_name(k): v for k, v in match.groupdict().items() if v is not None}
    unit = p.lookup("units", groups.get("unit", ""))
    if unit not in ("Y", "M") or "vague" in groups:
        return True
    ages = p.vocab.get("ages", {})
    before, after = _word_before(text, match.start()), _word_after(text, match.end())
    if before in ages.get("persons", ()) or _age_word_near(text, match.start(), ages.get("before", ())):
        return False
    if after in ages.get("after", ()):
        return False
    return not _apposition(text, match.start(), match.end())


def _age_word_near(text: str, start: int, words) -> bool:
    """An age word among the three words before: "berusia 57 tahun", "berusia di bawah 17 tahun"."""
    near = text[max(0, start - 40):start].lower().replace(",", " ").replace("(", " ").split()[-3:]
    return any(w in words for w in near)


def _apposition(text: str, start: int, end: int) -> bool:
    """``Name, 69 tahun,`` or ``Name (69 tahun)``: an age beside a name."""
    before = text[max(0, start - 3):start].rstrip(" ")
    following = text[end:end + 1]
    if before.endswith("(") and following == ")":
        return True
    return before.endswith(",") and following in (",", ")", ".", ";") and _capital_before(text, start)


def _capital_before(text: str, start: int) -> bool:
    found = _NAME_BEFORE.search(text, max(0, start - 60), start)
    return bool(found)


_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s*$")

def _not_counted(text: str, match: re.Match[str], p: Pack) -> bool:
    """``tahun ini`` is this year, but in ``berusia 83 tahun ini`` or ``10 bulan ini`` a number counts the
    unit and ``ini`` points at what is counted: no relative time."""
    before = _word_before(text, match.start()).rstrip(",.")
    return not (before[:1].isdigit() or before in p.vocab.get("numbers", {}))


def _not_in_place_name(text: str, match: re.Match[str], p: Pack) -> bool:
    """``Pasar Minggu``, ``Friday Street``: a place word right before or after a weekday."""
    if _word_after(text, match.end()).rstrip(".") in p.vocab.get("weekday_names_after", {}):
        return False
    found = _WORD_BEFORE_TIGHT.search(text, max(0, match.start() - 40), match.start())
    return not found or found.group(1).lower().rstrip(".") not in p.vocab.get("weekday_names_before", {})


def _not_in_name(text: str, match: re.Match[str], p: Pack) -> bool:
    """``Sepuluh Nopember``: a capitalised word right before a month name, in mid-sentence,
    makes it part of a name (weekdays are not checked so: "Charles Michel Senin malam")."""
    if not _not_in_place_name(text, match, p):
        return False
    found = _WORD_BEFORE_TIGHT.search(text, max(0, match.start() - 40), match.start())
    if not found:
        return True
    word = found.group(1)
    if not word[:1].isupper() or word.lower() in p.vocab.get("weekday_allowed_before", {}):
        return True
    return _sentence_start(text, found.start())


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" ")
    return not before or before[-1] in ".!?\n\"“”'‘’(:"


_WORD_BEFORE_TIGHT = re.compile(r"([\w'’.]+) $")

def _after_name(text: str, match: re.Match[str], p: Pack) -> bool:
    """``Kota Dyarbakir (17/2)``, ``JAKARTA (17/2)``: a bare (day/month) is a date right after a name,
    not after a number or a common word ("tiga perempat (3/4)")."""
    found = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    word = found.group(1) if found else ""
    return word[:1].isupper() and word[:1].isalpha()


def _anchored_to_today(text: str, match: re.Match[str], p: Pack) -> bool:
    """``the day before``, but not ``the day before the council was dissolved``: a day before or after a
    happening the sentence names is anchored to that happening, not to the day the text narrates."""
    last = match.group(0).split()[-1].lower()
    if last not in p.vocab.get("event_prepositions", ()):
        return True
    following = _word_after(text, match.end())
    raw = _WORD_AFTER.match(text, match.end(), min(len(text), match.end() + 40))
    return not following or not (following in p.vocab.get("event_openers", ()) or raw and raw.group(1)[:1].isupper())


CHECKS = {"year": _is_year, "age": _is_not_age, "name": _not_in_name, "place": _not_in_place_name,
          "counted": _not_counted,
          "after_name": _after_name, "anchored": _anchored_to_today}
