"""Fig. 1 drawn with matplotlib, straight to vector PDF operators (or SVG).

The chart is placed 1:1 at print width, so every size below is a real point on paper: no text
under 10 pt (../shared/handout-standards.md). Marks keep 3:1 contrast on white and never rely
on hue alone: one series per chart, direct labels, and hatching on alternate bars, so the chart
survives a black-and-white photocopy.

Modules: style (fonts, colours, fixed words), sizes (text sizes, measuring, wrapping),
geometry (shared plot furniture), interval and bars (the two kinds), render (matplotlib),
pdf_ops (a matplotlib renderer that writes PDF operators), art (a chart request and the drawn
chart), data (the figure as plain data, so a separate drawing process needs no pydantic),
cache (drawn charts kept on disk).

Nothing here imports pydantic or ReportLab at module level, and matplotlib only when a chart
is drawn.
"""

from __future__ import annotations

from handout.chart.data import ChartFigure, chart_figure
from handout.chart.render import _build_figure as _build_figure  # tests inspect the artists
from handout.chart.render import render_ops, render_svg
from handout.chart.sizes import Sizes
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
    "mark_colour",
    "palette",
    "render_ops",
    "render_svg",
]
