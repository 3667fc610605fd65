"""Drawing a chart: matplotlib set up for deterministic output, the figure, SVG or PDF ops."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from handout.chart import sizes as sizes_module
from handout.chart.bars import BarsPlan, draw_bars, plan_bars
from handout.chart.data import chart_figure
from handout.chart.interval import IntervalPlan, draw_interval, plan_interval
from handout.chart.sizes import Sizes
from handout.chart.style import FALLBACK_FAMILY, FAMILY, PT, ChartText, palette
from handout.common.fonts import (
    FONT_DIR,
    FONT_FILES,
    NOTO_FILES,
    NOTO_NAMES,
    NOTO_SANS_LANGUAGES,
    REGULAR,
    cjk_order,
    font_slot,
    primary_subtag,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

    from handout.chart.data import ChartFigure
    from handout.input.figures import (
        Figure,  # not imported to draw: the chart worker has no pydantic
    )


@cache
def _setup() -> None:
    """Force the Agg backend and register the bundled fonts once per process."""
    import matplotlib
    from matplotlib import font_manager

    matplotlib.use("Agg")  # no display on build machines; never probe for a GUI toolkit
    for filename in FONT_FILES.values():
        font_manager.fontManager.addfont(str(FONT_DIR / filename))


def load_matplotlib() -> None:
    """Import what drawing a chart needs and register the bundled fonts (a process that
    will draw a chart can do this before it knows which)."""
    import matplotlib.backends.backend_agg
    import matplotlib.figure
    import matplotlib.textpath  # noqa: F401

    _setup()


@cache
def _add_noto(family: str) -> None:
    """Register a bundled Noto family with matplotlib, on first need (not for English)."""
    from matplotlib import font_manager

    for filename in NOTO_FILES[family][:2]:
        font_manager.fontManager.addfont(str(FONT_DIR / filename))


def chart_families(language: str) -> list[str]:
    """The font families of the chart's text in `language`, in matplotlib's fallback order:
    as the page's text (layout/fontstack.py), then DejaVu Sans, matplotlib's own."""
    first = primary_subtag(language)
    if first in NOTO_SANS_LANGUAGES:
        noto = ["NotoSans"]
    elif font_slot(language) != REGULAR:
        noto = [*cjk_order(language)]
    else:
        return [FAMILY, FALLBACK_FAMILY]
    for family in noto:
        _add_noto(family)
    names = [NOTO_NAMES[family] for family in noto]
    own = [*names, FAMILY] if first in NOTO_SANS_LANGUAGES else [FAMILY, *names]
    return [*own, FALLBACK_FAMILY]


@contextmanager
def _chart_rc(language: str = "en") -> Iterator[None]:
    """rcParams for building and saving, restored afterwards (no lasting global state)."""
    import matplotlib

    _setup()
    families = chart_families(language)
    with matplotlib.rc_context({
        "font.family": families,
        "axes.unicode_minus": True,
        "svg.fonttype": "path",  # no font needed by svglib or the PDF: glyphs are outlines
        "text.parse_math": False,  # a '$' typed by staff is a dollar sign, not TeX
        "svg.hashsalt": "handout-figure",  # fixed ids -> byte-identical SVG
        "svg.id": "handout-figure",
    }), sizes_module.families(families):
        yield


def render_svg(
    figure: Figure | ChartFigure,
    *,
    width_in: float,
    primary: str,
    accent: str,
    grayscale: bool = False,
    font_scale: float = 1.0,
    language: str = "en",
) -> bytes:
    """The chart as SVG bytes, `width_in` inches wide, text as outlines; same input, same bytes.

    No title and no legend: the layout prints the title, and every mark is labelled directly.
    """
    with _chart_rc(language):
        fig = _build_figure(figure, width_in=width_in, primary=primary, accent=accent,
                            grayscale=grayscale, font_scale=font_scale, language=language)
        out = io.BytesIO()
        # Date: None drops the timestamp; a fixed Creator keeps the bytes stable across builds.
        fig.savefig(out, format="svg", transparent=True,
                    metadata={"Date": None, "Creator": "handout"})
    return out.getvalue()


def render_ops(
    figure: Figure | ChartFigure,
    *,
    width_in: float,
    primary: str,
    accent: str,
    grayscale: bool = False,
    font_scale: float = 1.0,
    language: str = "en",
) -> tuple[float, float, str]:
    """The chart as PDF drawing operators: (width, height in points, operators).

    The same figure as `render_svg`, drawn straight to operators by `OpsRenderer` (no SVG in
    between): origin bottom left, glyphs as outlines, no named resources, width exactly
    `width_in` * 72 points. Same input, same string.
    """
    from handout.chart.pdf_ops import OpsRenderer

    with _chart_rc(language):
        fig = _build_figure(figure, width_in=width_in, primary=primary, accent=accent,
                            grayscale=grayscale, font_scale=font_scale, language=language)
        fig.dpi = 72  # as savefig does for vector output: one pixel is one point
        fig_width, fig_height = float(fig.bbox.width), float(fig.bbox.height)
        renderer = OpsRenderer(fig_width, fig_height)
        fig.draw(renderer)
        ops = renderer.finish()
    width = width_in * 72
    factor = width / fig_width  # 1 up to float rounding; if not, scale to the exact width
    if abs(factor - 1) > 1e-9:
        ops = f"q\n{factor:.6f} 0 0 {factor:.6f} 0 0 cm\n{ops}Q\n"
    return width, fig_height * factor, ops


def _build_figure(
    figure: Figure | ChartFigure,
    *,
    width_in: float,
    primary: str,
    accent: str,
    grayscale: bool = False,
    font_scale: float = 1.0,
    language: str = "en",
) -> MplFigure:
    """The matplotlib Figure behind `render_svg` and `render_ops` (tests inspect its artists)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure

    data = chart_figure(figure)  # a model.Figure or one already converted (the chart worker)
    pal = palette(primary, accent, grayscale=grayscale)
    sizes = Sizes.scaled(font_scale)
    text = ChartText.for_language(language)
    grow = max(1.0, font_scale)  # larger print needs more room, not a squeezed plot
    with _chart_rc(language):
        plan: IntervalPlan | BarsPlan
        if data.kind == "interval":
            plan = plan_interval(data, width_in * PT, sizes, grow, text)
        else:
            plan = plan_bars(data, width_in * PT, sizes, grow, text)
        box = plan.box
        fig = MplFigure(figsize=(box.width / PT, box.height / PT))
        FigureCanvasAgg(fig)  # Agg explicitly: measuring and saving never touch pyplot
        fig.patch.set_visible(False)
        ax = fig.add_axes(box.axes_rect())
        ax.patch.set_visible(False)
        if isinstance(plan, IntervalPlan):
            draw_interval(ax, data, plan, pal, sizes)
        else:
            draw_bars(ax, data, plan, pal, sizes)
    return fig
