"""Small inline SVG charts for report.html: no scripts, no fonts or files from elsewhere.

``quantity_chart`` draws one tracked quantity (a KeyNumber) as value against as-of:
one point per ledger figure, coloured by claimant, a line per claimant, a retracted
value hollow; every point links to the sentence it came from and says in its
tooltip what it is. Every text passes through ``safe.html_text``. Colours are SVG
presentation attributes, never ``style`` attributes, so the charts and their legend
also show under ``kronologi serve``'s Content-Security-Policy (no inline styles).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

from kronologi.export.keynumbers import KeyNumber, Point, day_text, value_text
from kronologi.export.safe import html_text as escape

PALETTE = ("#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bf8700", "#0a7ea4")
OTHER = "#999999"
UNATTRIBUTED, UNATTRIBUTED_COLOUR = "unattributed", "#444c56"  # a figure no one was named for: dark grey, last
WIDTH, HEIGHT = 360, 150
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 26


def claimant_colours(kn: KeyNumber) -> dict[str, str]:
    """The named claimants of a quantity, most figures first, each with a colour (past the palette
    grey), then ``unattributed`` in dark grey."""
    order: dict[str, int] = {}
    for p in kn.points:
        order[p.claimant] = order.get(p.claimant, 0) + 1
    named = sorted((c for c in order if c != UNATTRIBUTED), key=lambda c: (-order[c], c))
    colours = {c: PALETTE[i] if i < len(PALETTE) else OTHER for i, c in enumerate(named)}
    return colours | ({UNATTRIBUTED: UNATTRIBUTED_COLOUR} if UNATTRIBUTED in order else {})


def quantity_chart(kn: KeyNumber, href: Callable[[dict], str]) -> str:
    """The chart as inline SVG; ``href(fig)`` is the link of a figure's sentence (``#a-s3`` in report.html,
    ``/documents/a#s3`` on the server), already percent-encoded."""
    colours = claimant_colours(kn)
    scale = _Scale(kn.points)
    lines = "".join(_claimant_line(kn.points, c, colour, scale) for c, colour in colours.items())
    dots = "".join(_point(p, colours[p.claimant], scale, href) for p in kn.points)
    return (f"<svg class=chart role='img' aria-label='{escape(kn.label)} by date' viewBox='0 0 {WIDTH} {HEIGHT}'>"
            f"{scale.axes()}{lines}{dots}</svg>")


def claimant_legend(kn: KeyNumber) -> str:
    colours = claimant_colours(kn)
    items = "".join(f"<li>{_swatch(colour)}{escape(c)}</li>" for c, colour in colours.items() if colour != OTHER)
    others = [c for c, colour in colours.items() if colour == OTHER]
    if others:
        items += f"<li title='{escape(', '.join(others))}'>{_swatch(OTHER)}{len(others)} others</li>"
    return f"<ul class=claimants>{items}</ul>"


def _swatch(colour: str) -> str:
    """A claimant's colour as a dot drawn in SVG (a ``style`` attribute would be refused by a strict CSP)."""
    return f"<svg class=sw viewBox='0 0 10 10' aria-hidden=true><circle cx=5 cy=5 r=5 fill='{colour}'/></svg>"


class _Scale:
    """Days to x and values to y inside the plot area."""

    def __init__(self, points: list[Point]):
        days = [p.day for p in points if p.day] or [date.min]
        values = [v for v in (_number(p) for p in points) if v is not None] or [0.0]
        self.first, self.last = min(days), max(days)
        self.low, self.high = min(values), max(values)

    def x(self, day: date | None) -> float:
        span = (self.last - self.first).days
        if day is None:
            return WIDTH - RIGHT
        if span == 0:
            return (LEFT + WIDTH - RIGHT) / 2
        return LEFT + (day - self.first).days / span * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        span = self.high - self.low
        share = 0.5 if span == 0 else (value - self.low) / span
        return HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM)

    def axes(self) -> str:
        base, right = HEIGHT - BOTTOM, WIDTH - RIGHT
        ticks = [(self.low, self.y(self.low))] + ([(self.high, self.y(self.high))] if self.high != self.low else [])
        labels = "".join(f"<text x='{LEFT - 6}' y='{y + 4:.1f}' text-anchor='end'>{_short(v)}</text>" for v, y in ticks)
        first = day_text(self.first) if self.first != date.min else "undated"
        dates = f"<text x='{LEFT}' y='{HEIGHT - 8}'>{escape(first)}</text>"
        if self.last != self.first:
            dates += f"<text x='{right}' y='{HEIGHT - 8}' text-anchor='end'>{escape(day_text(self.last))}</text>"
        return (f"<line class=axis x1='{LEFT}' y1='{base}' x2='{right}' y2='{base}'/>"
                f"<line class=axis x1='{LEFT}' y1='{TOP}' x2='{LEFT}' y2='{base}'/>{labels}{dates}")


def _claimant_line(points: list[Point], claimant: str, colour: str, scale: _Scale) -> str:
    mine = [(scale.x(p.day), scale.y(v)) for p in points
            if p.claimant == claimant and not p.retracted and (v := _number(p)) is not None]
    if len(mine) < 2:
        return ""
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in mine)
    return f"<polyline class=claimant points='{coords}' stroke='{colour}'/>"


def _point(p: Point, colour: str, scale: _Scale, href: Callable[[dict], str]) -> str:
    value = _number(p)
    y = scale.y(value if value is not None else scale.low)
    fill = "#fff" if p.retracted else colour
    cls = "pt retracted" if p.retracted else "pt"
    tip = (f"{value_text(p.fig)} · {p.claimant} · as of {day_text(p.day)}"
           + (f" · {p.fig['outlet']}" if p.fig.get("outlet") else "")
           + (" · retracted" if p.retracted else ""))
    return (f"<a href='{escape(href(p.fig))}'><circle class='{cls}' cx='{scale.x(p.day):.1f}' cy='{y:.1f}' r='4.5' "
            f"fill='{fill}' stroke='{colour}'><title>{escape(tip)}</title></circle></a>")


def _number(p: Point) -> float | None:
    value = p.fig.get("value")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _short(value: float) -> str:
    """``135``, ``42k``, ``1.2M``: an axis label that fits the margin."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= 10 * size or (abs(value) >= size and suffix != "k"):
            return f"{value / size:.3g}{suffix}"
    return f"{value:.4g}"
