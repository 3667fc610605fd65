"""Fig. 1 as a deterministic SVG drawn with matplotlib (no ReportLab here but font metrics
in height).

The SVG is placed 1:1 at print width, so every size below is a real point on paper: no text
under 10 pt (../shared/handout-standards.md). Marks keep 3:1 contrast on white and never rely
on hue alone: one series per chart, direct labels, and hatching on alternate bars, so the chart
survives a black-and-white photocopy.

Modules: style (fonts, colours, fixed words), text (sizes, measuring, wrapping), geometry
(shared plot furniture), interval and bars (the two kinds), render (matplotlib and the SVG),
height (the chart's height predicted without matplotlib, for laying out before it is drawn),
data (the figure as plain data, so the chart worker draws without pydantic).

Nothing here imports pydantic, handout.model or handout.theme: the chart worker
(handout/chart_worker.py) imports this package. `chart_height` (ReportLab's font metrics) is
imported when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handout.chart.data import ChartFigure, chart_figure
from handout.chart.render import _build_figure as _build_figure  # tests inspect the artists
from handout.chart.render import render_ops, render_svg
from handout.chart.style import (
    DEFAULT_ACCENT,
    DEFAULT_PRIMARY,
    FALLBACK_FAMILY,
    FAMILY,
    GRID,
    ILLUSTRATION_NOTE,
    MIN_MARK_CONTRAST,
    PT,
    ChartText,
    Palette,
    mark_colour,
    palette,
)
from handout.chart.text import Sizes

if TYPE_CHECKING:
    from handout.chart.height import chart_height


def __getattr__(name: str) -> object:
    if name == "chart_height":
        from handout.chart.height import chart_height

        return chart_height
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_ACCENT",
    "DEFAULT_PRIMARY",
    "FALLBACK_FAMILY",
    "FAMILY",
    "GRID",
    "ILLUSTRATION_NOTE",
    "MIN_MARK_CONTRAST",
    "PT",
    "ChartFigure",
    "ChartText",
    "Palette",
    "Sizes",
    "chart_figure",
    "chart_height",
    "mark_colour",
    "palette",
    "render_ops",
    "render_svg",
]
