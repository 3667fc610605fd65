"""A chart request and the drawn chart, kept free of ReportLab and of matplotlib at import:
a process that only draws charts loads this before either."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handout.chart.data import ChartFigure
    from handout.input.figures import Figure


@dataclass(frozen=True)
class ChartRequest:
    """Everything the chart's look depends on: equal requests give equal charts.

    `figure` is the validated model.Figure (the cache key is made from it). The copy sent to
    the chart worker carries its plain-data view instead (handout/chart/data.py: the worker
    has no pydantic), which is all `draw_chart` reads.
    """

    figure: Figure | ChartFigure  # plain data when sent to the chart worker
    width_in: float
    primary: str
    accent: str
    grayscale: bool = False
    font_scale: float = 1.0
    language: str = "en"


@dataclass(frozen=True)
class ChartArt:
    """The chart as PDF drawing operators, `width` x `height` points, origin bottom left.

    The operators name no fonts, images or other resources (glyphs are outlines), so they
    can be stored as text and replayed on any page.
    """

    width: float
    height: float
    ops: str


# Called for a request, it returns the call that gives the drawn chart: the drawing may be
# done at once, on first use, read from the cache or be under way in another process.
ChartDrawer = Callable[[ChartRequest], Callable[[], ChartArt]]


def draw_chart(request: ChartRequest) -> ChartArt:
    """Render the chart: matplotlib drawn straight to PDF operators (handout.chart.pdf_ops)."""
    # Deferred: a build whose chart comes from the cache never imports matplotlib.
    from handout.chart.render import render_ops

    width, height, ops = render_ops(
        request.figure, width_in=request.width_in, primary=request.primary,
        accent=request.accent, grayscale=request.grayscale, font_scale=request.font_scale,
        language=request.language)
    if "/" in ops:  # a named resource (font, image, transparency) would dangle on replay
        raise RuntimeError("the chart uses PDF resources and cannot be stored as operators")
    return ChartArt(width, height, ops)


def draw_later(request: ChartRequest) -> Callable[[], ChartArt]:
    """The plain `ChartDrawer`: the chart is drawn here, when it is first needed."""
    return partial(draw_chart, request)
