"""What the words of a match mean: groups to fields, number words to numbers.

A rule's capture groups (``day``, ``month``, ``weekday``, ``num``, ``unit``,
``rel``...; see ``patterns.py``) become a dict of fields with values from the
pack's vocabularies, which ``resolve.py`` turns into TIMEX3 values.
"""

from __future__ import annotations

import math
from typing import Any

from kronologi.temporal.patterns import Pack

MAX_NUMBER = 1e15  # larger amounts (a 400-digit count) are no time: they would overflow dates and ints


def parse_fields(groups: dict[str, str], p: Pack) -> dict[str, Any]:
    """The meaning of a match's groups (``{"day": 10, "month": 1, ...}``)."""
    out: dict[str, Any] = {}
    for name, words in groups.items():
        parser = _FIELD_PARSERS.get(name)
        if parser:
            parser(out, words, p)
    return out


def _int(key: str):
    def parse(out: dict[str, Any], words: str, p: Pack) -> None:
        out[key] = int(words)
    return parse


def _looked_up(key: str, vocab: str):
    def parse(out: dict[str, Any], words: str, p: Pack) -> None:
        value = p.lookup(vocab, words)
        if value is not None:
            out[key] = value
    return parse


def _month(out: dict[str, Any], words: str, p: Pack) -> None:
    out["month"] = p.lookup("months", words)


def _weekday(out: dict[str, Any], words: str, p: Pack) -> None:
    out["weekday"] = p.lookup("weekdays", words) or p.lookup("weekdays_full", words)


def _hhmm(out: dict[str, Any], words: str, p: Pack) -> None:
    out["hour"], out["minute"] = int(words[:2]), int(words[2:])


def _num(out: dict[str, Any], words: str, p: Pack) -> None:
    out["num"] = parse_number(words, p)


def _unit1(out: dict[str, Any], words: str, p: Pack) -> None:
    out["unit"], out["num"] = p.lookup("single_units", words), 1


def _units(out: dict[str, Any], words: str, p: Pack) -> None:
    out["unit"], out["num"] = p.lookup("vague_units", words), "X"


def _part(out: dict[str, Any], words: str, p: Pack) -> None:
    out["part"] = p.lookup("parts_of_day", words)


def _relpart(out: dict[str, Any], words: str, p: Pack) -> None:
    offset, part = p.lookup("relative_parts", words)
    out["relday"] = offset
    if part:
        out["part"] = p.lookup("parts_of_day", part)


def _flag(key: str, value: Any):
    def parse(out: dict[str, Any], words: str, p: Pack) -> None:
        out[key] = value
    return parse


def _setadverb(out: dict[str, Any], words: str, p: Pack) -> None:
    out["every"], out["unit"] = True, p.lookup("set_adverbs", words)


def _narrated(out: dict[str, Any], words: str, p: Pack) -> None:
    """``sore harinya``: a part of the narrated day; ``hari yang sama``: the day; ``saat itu``: the time."""
    value = p.lookup("narrated_parts", words)
    out["narrated"] = value if value in ("day", "then") else "part"
    if out["narrated"] == "part":
        out["part"] = p.lookup("parts_of_day", value)


_FIELD_PARSERS = {
    "day": _int("day"), "mnum": _int("month"), "year": _int("year"), "decade": _int("decade"),
    "hour": _int("hour"), "minute": _int("minute"), "second": _int("second"), "hhmm": _hhmm,
    "month": _month, "month_alone": _month, "weekday": _weekday, "weekday_full": _weekday,
    "num": _num, "vague": _flag("num", "X"), "unit": _looked_up("unit", "units"), "unit1": _unit1,
    "units": _units, "part": _part, "relpart": _relpart, "rel": _looked_up("rel", "directions"),
    "yrel": _looked_up("yrel", "directions"), "ago": _flag("direction", -1), "later": _flag("direction", 1),
    "anchor": _looked_up("anchor", "anchor_words"), "anchorday": _looked_up("anchorday", "anchored_days"),
    "relday": _looked_up("relday", "relative_days"), "ref": _looked_up("ref", "reference_words"),
    "every": _flag("every", True), "weekend": _flag("weekend", True), "holiday": _looked_up("holiday", "holidays"),
    "position": _looked_up("mod", "modifiers"), "ordinal": _looked_up("ordinal", "ordinals"),
    "zone": _looked_up("zone", "zones"), "ampm": lambda out, w, p: out.__setitem__("ampm", w.lower()[0]),
    "setadverb": _setadverb, "one": _flag("num", 1), "narrated": _narrated,
}


def parse_number(words: str, p: Pack) -> float | int | None:
    """``"dua puluh lima"`` -> 25, ``"1,5"`` -> 1.5, ``"two and a half"`` -> 2.5; None when the words
    are not one number, or one past ``MAX_NUMBER``."""
    value = _digits(words, p.raw.get("decimal_mark", ".")) if words[0].isdigit() else _words(words, p)
    return value if value is not None and math.isfinite(value) and abs(value) <= MAX_NUMBER else None


def _words(words: str, p: Pack) -> float | int | None:
    total, current, last_atom = 0.0, 0.0, None
    for token in _number_tokens(words, p):
        joiner = p.lookup("number_joiners", token)
        if joiner:
            op, amount = joiner[0], float(joiner[1:])
            current = current * amount if op == "*" else current + amount
            last_atom = current
            continue
        value = float(p.lookup("numbers", token) or 0)
        if last_atom is not None and not (value < 1 or (last_atom >= 10 and value < last_atom)):
            return None  # "satu dua", "three four": two numbers, not one
        total += current
        current = last_atom = value
    total += current
    return _whole_or_float(total)


def _number_tokens(words: str, p: Pack) -> list[str]:
    """Split into known atoms, longest first ("satu setengah", "and a half")."""
    known = sorted(p.words("numbers") | p.words("number_joiners"), key=len, reverse=True)
    rest, tokens = " ".join(words.lower().replace("-", " ").split()), []
    while rest:
        atom = next((k for k in known if rest == k or rest.startswith(k + " ")), rest.split(" ")[0])
        tokens.append(atom)
        rest = rest[len(atom):].strip()
    return tokens


def _digits(words: str, decimal_mark: str) -> float | int:
    thousands = "." if decimal_mark == "," else ","
    cleaned = words.replace(thousands, "") if len(words.rsplit(thousands, 1)[-1]) == 3 else words
    cleaned = cleaned.replace(decimal_mark, ".")
    return _whole_or_float(float(cleaned))


def _whole_or_float(value: float) -> float | int:
    """``3.0`` -> 3; a non-finite value stays a float (``int()`` of it would overflow)."""
    return int(value) if math.isfinite(value) and value == int(value) else value
