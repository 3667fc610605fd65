"""Fig. 1 as a deterministic SVG drawn with matplotlib (no ReportLab here but font metrics
in height).

The SVG is placed 1:1 at print width, so every size below is a real point on paper: no text
under 10 pt (../shared/handout-standards.md). Marks keep 3:1 contrast on white and never rely
on hue alone: one series per chart, direct labels, and hatching on alternate bars, so the chart
survives a black-and-white photocopy.

Modules: style (fonts, colours, fixed words), text (sizes, measuring, wrapping), geometry
(shared plot furniture), interval and bars (the two kinds), render (matplotlib and the SVG),
height (the chart's height predicted without matplotlib, for laying out before it is drawn).
"""

from __future__ import annotations

from handout.chart.height import chart_height
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

__all__ = [
    "DEFAULT_ACCENT",
    "DEFAULT_PRIMARY",
    "FALLBACK_FAMILY",
    "FAMILY",
    "GRID",
    "ILLUSTRATION_NOTE",
    "MIN_MARK_CONTRAST",
    "PT",
    "ChartText",
    "Palette",
    "Sizes",
    "chart_height",
    "mark_colour",
    "palette",
    "render_ops",
    "render_svg",
]
