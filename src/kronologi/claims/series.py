"""A ledger row's figures as one series over time, and the relation each figure carries.

The figures of one quantity are read in as-of order (day, part of day or clock time, an
``earlier`` value before the document's current one, then publication time). Each figure is
related to the figures *before* it:

* ``single``: the first figure of the series (or the only one);
* ``agreement``: a value some earlier figure of another source allows (its qualifiers
  reconcile them: ``more than 40,000`` and ``41,732``), the standing value repeated later included;
* ``update``: a new value later in the series. A later higher value of a cumulative count
  (the dead, the injured, houses damaged: counts that only grow) is an update even from
  another claimant on the same day; a lower one is an update only when its clause says why
  (a validated recount) — then the series goes on from it;
* ``contradiction``: a cumulative count lower than one already reported, with no reason
  given; or, for counts that may fall (the missing, the displaced), another source's value
  for the same day and part of day that the qualifiers cannot reconcile;
* ``retraction``: a value withdrawn anywhere in the story, wherever it is repeated.

A figure with no date (neither its own nor its article's) is never a contradiction: in a
cumulative series it is placed where its value fits (``as_of_placed: "series"``), elsewhere it
is an ``agreement`` when another source's value allows it, else an ``update``. A figure dated
only by its article keeps ``as_of_basis: "published"``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

# Counts that only grow while a story develops: a later lower value needs a reason.
# The displaced are counted so too while a disaster unfolds; the missing fall as people are found.
CUMULATIVE = frozenset({"killed", "injured", "ill", "recovered", "arrested", "damaged", "displaced", "suspects", "looted", "attacked",
                        "aftershocks"})
_OPEN = 1.1  # "more than 40,000" is read as at most 44,000 when told from a new value; "up to" likewise
WITHDRAWN = ("retracted", "denied")
_FAR = datetime.max.replace(tzinfo=timezone.utc)

When = Callable[[dict], "tuple[str, int] | None"]


def order_key(fig: dict, when: When, moment: dict[str, Any], published: dict[str, str] | None = None) -> tuple:
    """Where a figure stands in its series: as-of day, an earlier value first, part of day (a count
    without one comes after the counts its day's texts time), publication (day, moment, document)."""
    day, rank = when(fig) or ("9999", 0)
    return (day, 0 if fig.get("earlier") else 1, rank or 5) + _publication(fig, moment, published) + (fig["start"],)


def _publication(fig: dict, moment: dict[str, Any], published: dict[str, str] | None) -> tuple:
    return (published or {}).get(fig["doc"]) or "9999", moment.get(fig["doc"]) or _FAR, fig["doc"]


def relate(group: list[dict], when: When, moment: dict[str, Any], withdrawn: set[tuple] = frozenset(),
           revised: Callable[[dict], bool] = lambda fig: False,
           published: dict[str, str] | None = None) -> dict[str, str]:
    """``{figure id: relation}`` for the figures of one quantity (see the module docstring).

    ``withdrawn``: value keys withdrawn anywhere in the story; ``revised(fig)``: whether a
    figure's clause gives a reason for a lower count; ``published``: each document's day.
    """
    withdrawn = set(withdrawn) | {value_key(f) for f in group if f["status"] in WITHDRAWN}
    out = {f["id"]: "retraction" for f in group if value_key(f) in withdrawn}
    live = [f for f in group if f["id"] not in out and f["status"] != "projected"]
    vague = [f for f in live if f.get("qualifier") == "vague"]  # "thousands": no step of the series
    live = [f for f in live if f not in vague]
    for fig in vague:
        out[fig["id"]] = _undated(fig, live)
    dated = sorted((f for f in live if when(f)), key=lambda f: order_key(f, when, moment, published))
    undated = [f for f in live if not when(f)]
    cumulative = _cumulative(group)
    if cumulative:
        dated = place(undated, within_days(dated, when, lambda f: _publication(f, moment, published)))
    seen: list[dict] = []
    level = None
    for fig in dated:
        relation = _step(fig, seen, out, level, cumulative, when, moment, revised)
        out[fig["id"]] = "update" if relation == "contradiction" and not when(fig) else relation
        level = _level(fig, out[fig["id"]], level, revised)
        seen.append(fig)
    for fig in undated:
        fig["as_of_placed"] = "series" if cumulative else "none"
        out.setdefault(fig["id"], _undated(fig, live))
    for fig in group:
        out.setdefault(fig["id"], "single")
    return out


def _cumulative(group: list[dict]) -> bool:
    """A line that only grows: a cumulative category, neither a state (still in care) nor parts (per district)."""
    first = group[0] if group else {}
    return (bool(group) and first.get("category_key", first.get("category")) in CUMULATIVE
            and not first.get("state") and not first.get("part_whole"))


def ordered(group: list[dict], when: When, moment: dict[str, Any],
            published: dict[str, str] | None = None) -> list[dict]:
    """A line's figures in the order its series reads them (a cumulative count: each day's untimed
    counts where their values fit, undated ones where they fit the series)."""
    by_key = sorted(group, key=lambda f: order_key(f, when, moment, published))
    if not _cumulative(group):
        return by_key
    dated = [f for f in by_key if when(f)]
    reported = lambda f: _publication(f, moment, published)  # noqa: E731
    return place([f for f in by_key if not when(f)], within_days(dated, when, reported))


def place(undated: list[dict], dated: list[dict]) -> list[dict]:
    """A cumulative series with its undated figures put where their values fit it (before the
    first dated figure that counts more: an undated copy of a dated count follows it)."""
    pending = sorted(undated, key=lambda f: bounds(f)[0])
    out, k = [], 0
    for g in dated:  # the first dated count above a value only moves on as the values grow
        while k < len(pending) and bounds(g)[0] > bounds(pending[k])[0]:
            out.append(pending[k])
            k += 1
        out.append(g)
    return out + pending[k:]


def within_days(dated: list[dict], when: When, reported: Callable[[dict], tuple]) -> list[dict]:
    """A cumulative series in which each day's counts without a time of day sit where their values
    fit among that day's timed counts (a rising count: 76 and then 284 the same day); of two equal
    counts, the one reported first comes first."""
    out: list[dict] = []
    day: list[dict] = []
    for fig in dated + [None]:
        if day and (fig is None or when(fig)[0] != when(day[0])[0]):
            timed = [f for f in day if when(f)[1] or f.get("earlier")]
            out += _fit(sorted((f for f in day if f not in timed), key=lambda f: (bounds(f)[0], reported(f))),
                        timed, reported)
            day = []
        if fig is not None:
            day.append(fig)
    return out


def _fit(untimed: list[dict], timed: list[dict], reported: Callable[[dict], tuple]) -> list[dict]:
    """Each untimed count (smallest first) right after the last count it is not smaller than."""
    keyed = sorted(range(len(timed)), key=lambda i: (bounds(timed[i])[0], reported(timed[i])))
    after: dict[int, list[dict]] = {}
    last, j = -1, 0
    for fig in untimed:  # given smallest first: the last timed count at or below it only moves on
        key = (bounds(fig)[0], reported(fig))
        while j < len(keyed) and (bounds(timed[keyed[j]])[0], reported(timed[keyed[j]])) <= key:
            last, j = max(last, keyed[j]), j + 1
        after.setdefault(last, []).append(fig)
    out = after.get(-1, [])
    for i, g in enumerate(timed):
        out += [g] + after.get(i, [])
    return out


def _step(fig: dict, seen: list[dict], out: dict[str, str], level, cumulative: bool, when: When, moment,
          revised) -> str:
    if not seen:
        return "single"
    if any(_agrees(fig, g, when, moment) and _standing(fig, g, level, cumulative, when, moment)
           for g in seen if g["origin"] != fig["origin"]):
        return "agreement"
    same = next((g for g in seen if g["origin"] == fig["origin"] and value_key(g) == value_key(fig)), None)
    if same is not None:
        return out[same["id"]]  # a copy of one source's figure says what that figure said
    if cumulative:
        lower = level is not None and fig["high"] is not None and fig["high"] < level
        return "contradiction" if lower and not revised(fig) and not fig.get("earlier") else "update"
    clash = any(g["origin"] != fig["origin"] and not _same_claimant(fig, g) and _stated_window(fig, g, when, moment)
                for g in seen)
    return "contradiction" if clash and not fig.get("earlier") else "update"


def _agrees(fig: dict, g: dict, when: When, moment) -> bool:
    """``fig`` says what ``g`` said before it: their values fit, and ``fig`` is no more precise
    unless both speak of one window (a later 41,732 refines an earlier "more than 40,000": an update)."""
    if not fits(fig, g):
        return False
    if same_window(fig, g, when, moment):
        return True
    (lf, hf), (lg, hg) = bounds(fig), bounds(g)
    return lf <= lg and hg <= hf and _rounds_to(fig, g)


def _rounds_to(fig: dict, g: dict) -> bool:
    """A later round "about" figure repeats an earlier count only as its rounding ("about 58,000" after
    58,362; "about 61,000" is a new count)."""
    if fig.get("qualifier") != "about" or not fig["value"] or g["value"] is None or g.get("qualifier") != "exact":
        return True
    value = int(fig["value"])
    step = 10 ** (len(str(value)) - len(str(value).rstrip("0")))
    return round(g["value"] / step) * step == value


def _standing(fig: dict, g: dict, level, cumulative: bool, when: When, moment) -> bool:
    """Whether ``g`` is a count ``fig`` may agree with: of its window, or (a cumulative count) one
    the series still stands at; an old value repeated after the count rose is no agreement."""
    if not cumulative or level is None or same_window(fig, g, when, moment):
        return True
    return bounds(g)[1] >= level


def _level(fig: dict, relation: str, level, revised):
    """The lowest value the series now stands at (a cumulative count must not fall below it)."""
    low = fig["low"] if fig["low"] is not None else fig["value"]
    if low is None or relation == "contradiction" or fig.get("earlier"):
        return level
    if relation == "update" and level is not None and low < level and revised(fig):
        return low  # a recount with a reason: the series goes on from it
    return low if level is None else max(level, low)


def _undated(fig: dict, live: list[dict]) -> str:
    others = [g for g in live if g is not fig]
    if not others:
        return "single"
    if any(fits(fig, g) for g in others if g["origin"] != fig["origin"]):
        return "agreement"
    return "update"


def _stated_window(a: dict, b: dict, when: When, moment) -> bool:
    """Both texts date their counts, to the same day and part of day."""
    return a.get("as_of_basis") == b.get("as_of_basis") == "text" and same_window(a, b, when, moment)


def _same_claimant(a: dict, b: dict) -> bool:
    ca, cb = (a.get("claimant") or "").lower(), (b.get("claimant") or "").lower()
    return bool(ca) and ca == cb


def value_key(fig: dict) -> tuple:
    return (fig["category"], fig["value"]) if fig["value"] is not None else (fig["category"], fig["low"], fig["high"])


def fits(a: dict, b: dict) -> bool:
    """Whether the qualifiers let two figures be the same count (their intervals meet); an open
    bound (``more than 40,000``) reaches a tenth past its number, not to infinity."""
    (la, ha), (lb, hb) = bounds(a), bounds(b)
    return max(la, lb) <= min(ha, hb)


def bounds(fig: dict) -> tuple[float, float]:
    low, high = fig["low"], fig["high"]
    if low is None and high is None:
        low = high = fig["value"] if fig["value"] is not None else 0
    if high is None:
        high = low * _OPEN
    if low is None:
        low = high / _OPEN
    return low, high


_HALF_DAY_S = 12 * 3600


def same_window(a: dict, b: dict, when: When, moment: dict[str, Any]) -> bool:
    """Same day and part of day, and (unless a text dates its count) reported within half a day."""
    wa, wb = when(a), when(b)
    if wa is None or wb is None or wa[0] != wb[0] or (wa[1] and wb[1] and wa[1] != wb[1]):
        return False
    if "text" in (a.get("as_of_basis"), b.get("as_of_basis")):
        return True  # a text says which day it counts: the same day as the other
    ma, mb = moment.get(a["doc"]), moment.get(b["doc"])
    return ma is None or mb is None or abs((ma - mb).total_seconds()) <= _HALF_DAY_S
