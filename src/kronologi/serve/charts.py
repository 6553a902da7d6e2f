"""A story page's key-number charts: the static report's own charts (``export.charts``), drawn server-side as
inline SVG with each point linking to its sentence's page, and the same chart as data for the JSON twin.

The report and the server draw one picture from one KeyNumber so the two never disagree; only the links differ
(a fragment inside report.html, ``/documents/ID#sN`` here). Like the report, only a quantity reported more than
once gets a chart: a single value is already said by its sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from kronologi.export.charts import claimant_colours, claimant_legend, quantity_chart
from kronologi.export.keynumbers import KeyNumber, key_number


def charted(kn: KeyNumber) -> bool:
    """A quantity worth a chart: reported more than once."""
    return len(kn.points) > 1


def chart_data(kn: KeyNumber) -> dict[str, Any] | None:
    """What the chart shows, as the JSON twin carries it: claimants with their colours, and one point per
    ledger figure (value against its day, the claimant, whether the value was retracted)."""
    if not charted(kn):
        return None
    colours = claimant_colours(kn)
    return {"claimants": [{"name": name, "colour": colour} for name, colour in colours.items()],
            "points": [{"figure": p.fig["id"], "day": p.day.isoformat() if p.day else None,
                        "value": p.fig.get("value"), "claimant": p.claimant, "retracted": p.retracted}
                       for p in kn.points]}


Href = Callable[[dict], str]


def line_chart(line: dict[str, Any], href: Href) -> Markup | None:
    """One ledger line's chart and claimant legend as markup, each point linked to ``href(figure)``, or None
    when the quantity was reported once. Every article string in it is escaped by ``export.charts``."""
    kn = key_number(line, line["figures"])
    if not charted(kn):
        return None
    return Markup(quantity_chart(kn, href) + claimant_legend(kn))  # noqa: S704 - escaped in export.charts


def key_number_charts(ledger: list[dict[str, Any]], href: Href) -> dict[str, Markup]:
    """Per ledger line id, its chart (the template looks each key number's up)."""
    charts = {line["id"]: line_chart(line, href) for line in ledger if line["figures"]}
    return {key: chart for key, chart in charts.items() if chart is not None}
