"""Overlapping highlight spans turned into a tree that renders as well-formed HTML.

Facts overlap in news text: a name inside a quote, a figure inside an event sentence, a date inside a figure's
phrase. Tags must nest, and a link may not hold another link. So a span that crosses the end of an enclosing
span is split there into fragments (each keeps its kind and link), and a span that holds other links shows its
own link as a small marker after its text instead of around it."""

from __future__ import annotations

import heapq
from typing import Any

KINDS = ("event", "quote", "figure", "date", "entity")  # outermost first when two spans cover the same text
LEGEND = (("figure", "a figure (count or amount): links to its ledger line in the story"),
          ("quote", "a quotation: links to its speaker"),
          ("event", "a sentence that reports an event: links to the event"),
          ("date", "a date or time expression: its TIMEX3 value on hover"),
          ("entity", "a person, organisation or place: links to the entity"))  # what the page's legend says


class Windows:
    """The spans over each of a run of ranges taken in text order (a document's sentences and the gaps between
    them), found in one sweep over spans sorted by start rather than a pass over all of them per range."""

    def __init__(self, spans: list[dict]) -> None:
        self._spans = sorted(spans, key=lambda s: s["start"])
        self._next = 0
        self._open: list[dict] = []

    def over(self, start: int, end: int) -> list[dict]:
        while self._next < len(self._spans) and self._spans[self._next]["start"] < end:
            self._open.append(self._spans[self._next])
            self._next += 1
        self._open = [s for s in self._open if s["end"] > start]
        return [s for s in self._open if s["start"] < end]


def nest(spans: list[dict], start: int, end: int, text: str) -> list[dict[str, Any]]:
    """The text between ``start`` and ``end`` as nodes: plain text (``span`` None) or a span with its child nodes.
    Spans are clipped to the range; one that crosses the end of an earlier, enclosing span is split there, so
    the tree is always properly nested. ``link`` says how a node's target is shown: ``"self"`` (the highlighted
    text is the link) or ``"marker"`` (a span holding other links gets a small link of its own after its text:
    links never nest)."""
    heap = [(s["start"], -s["end"], KINDS.index(s["kind"]), i, s) for i, s in enumerate(spans)
            if s["start"] < end and s["end"] > start]
    heap = [(max(st, start), -min(-ne, end), k, i, s) for st, ne, k, i, s in heap]
    heapq.heapify(heap)
    return _nodes(heap, start, end, text)


def _nodes(heap: list, start: int, end: int, text: str) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    pos = start
    while heap:
        st, neg_end, k, i, span = heapq.heappop(heap)
        own_end = -neg_end
        _text(nodes, text, pos, st)
        inner: list = []
        while heap and heap[0][0] < own_end:
            c_st, c_neg, c_k, c_i, c_span = heapq.heappop(heap)
            if -c_neg > own_end:  # crosses this span's end: the rest is nested after it
                heapq.heappush(heap, (own_end, c_neg, c_k, c_i, c_span))
                c_neg = -own_end
            inner.append((c_st, c_neg, c_k, c_i, c_span))
        heapq.heapify(inner)
        children = _nodes(inner, st, own_end, text)
        nodes.append({"span": span, "text": "", "children": children, "link": _link(span, children)})
        pos = own_end
    _text(nodes, text, pos, end)
    return nodes


def _text(nodes: list[dict[str, Any]], text: str, start: int, end: int) -> None:
    if end > start:
        nodes.append({"span": None, "text": text[start:end], "children": [], "link": None})


def _link(span: dict, children: list[dict]) -> str | None:
    if not span["target"]:
        return None
    return "marker" if any(_holds_link(c) for c in children) else "self"


def _holds_link(node: dict) -> bool:
    return node["link"] is not None or any(_holds_link(c) for c in node["children"])
