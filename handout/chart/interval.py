"""Kind "interval": one dot per row with its range, around a dashed line at zero."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handout.chart.geometry import Box, fit_height, hide_spines, illustration_note, note_height
from handout.chart.sizes import Sizes, measure, wrap
from handout.chart.style import ChartText, Palette

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from handout.chart.data import ChartFigure


STUDIES_GAP = 1.0  # points between a row label's last line and its "(6 studies)"


@dataclass(frozen=True)
class IntervalPlan:
    box: Box
    labels: list[tuple[str, str]]  # (wrapped row label, "(N studies)" or "")
    axis_label: str  # wrapped to the plot width
    sides: tuple[str, str]  # what left and right of zero mean, with arrows
    xlim: tuple[float, float]
    ticks: list[float]  # empty when illustrative: no numbered axis
    tick_block: float  # points from the axis line to the bottom of the tick labels
    stacked: bool  # direction labels need two lines: side by side they would collide
    rows_y: list[float]  # row centres, in points down from the top of the row area
    ylim: tuple[float, float]  # inverted (first row on top), room for the note above row 1
    text: ChartText


def _studies(count: int | None, text: ChartText) -> str:
    if count is None:
        return ""
    return (text.study if count == 1 else text.studies).format(n=count)


def _x_scale(figure: ChartFigure) -> tuple[tuple[float, float], list[float]]:
    """Limits that always show zero, with a labelled tick near each end where one fits."""
    from matplotlib.ticker import MaxNLocator

    lo = min([0.0, *(r.low for r in figure.rows)])
    hi = max([0.0, *(r.high for r in figure.rows)])
    span = hi - lo or 1.0
    lo, hi = lo - 0.06 * span, hi + 0.06 * span
    ticks = [float(t) for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)]
    # Stretch an end to the next round tick when it is close, so both ends carry a number.
    below = [t for t in ticks if t <= lo]
    if below and lo - below[-1] < 0.12 * span:
        lo = below[-1]
    above = [t for t in ticks if t >= hi]
    if above and above[0] - hi < 0.12 * span:
        hi = above[0]
    return (lo, hi), [t for t in ticks if lo - 1e-9 <= t <= hi + 1e-9]


@dataclass(frozen=True)
class IntervalFrame:
    """The part of the plan that decides the chart's size: measured text only, no x scale."""

    box: Box
    labels: list[tuple[str, str]]
    axis_label: str
    sides: tuple[str, str]
    tick_block: float
    stacked: bool
    needs: list[float]  # points each row's label block needs
    note: float  # room kept above the first row for the illustration note


def plan_interval(figure: ChartFigure, width: float, sizes: Sizes, grow: float,
                   text: ChartText) -> IntervalPlan:
    frame = frame_interval(figure, width, sizes, grow, text)
    xlim, ticks = _x_scale(figure)
    return IntervalPlan(frame.box, frame.labels, frame.axis_label, frame.sides, xlim,
                         [] if figure.illustrative else ticks, frame.tick_block, frame.stacked,
                         *_row_positions(frame.needs, frame.box.plot_height, frame.note), text)


def frame_interval(figure: ChartFigure, width: float, sizes: Sizes, grow: float,
                   text: ChartText) -> IntervalFrame:
    """Labels wrapped, and the box sized to fit them."""
    # An illustration claims no studies: its counts would read as real evidence.
    labels = [(wrap(r.label, sizes.label, 0.4 * width),
               "" if figure.illustrative else _studies(r.studies, text)) for r in figure.rows]
    label_col = max(max(measure(a, sizes.label), measure(b, sizes.text)) for a, b in labels)
    left, right = label_col + 16, 16.0
    plot_w = width - left - right
    axis_label = (wrap(figure.axis_label, sizes.text, plot_w) if figure.axis_label
                  else "")
    sides = (_arrowed(figure.left_label, left=True), _arrowed(figure.right_label, left=False))
    stacked = measure(sides[0], sizes.text) + measure(sides[1], sizes.text) + 24 > plot_w
    line = sizes.line(sizes.text)
    tick_block = 4.0 if figure.illustrative else 8 + line
    under = (4 + line * (axis_label.count("\n") + 1)) if axis_label else 0.0
    if any(sides):
        under += 4 + line * (2 if stacked else 1)
    top, bottom = line + 8, tick_block + under + 6
    needs = [_row_height(a, b, sizes) for a, b in labels]
    note = note_height(sizes) if figure.illustrative else 0.0
    height = fit_height(1.45 + 0.42 * len(needs), top + bottom + sum(needs) + note, grow)
    box = Box(width, height, left, right, top, bottom)
    return IntervalFrame(box, labels, axis_label, sides, tick_block, stacked, needs, note)


def _row_positions(
    needs: list[float], plot_height: float, note: float
) -> tuple[list[float], tuple[float, float]]:
    """Row centres and y limits: spare height is shared in proportion to each row's needs,
    so a wrapped label gets a taller row instead of every row growing."""
    scale = (plot_height - note) / sum(needs)
    edges = list(itertools.accumulate(needs, initial=0.0))
    centres = [(a + b) / 2 * scale for a, b in itertools.pairwise(edges)]
    return centres, (plot_height - note, -note)


def _row_height(label: str, studies: str, sizes: Sizes, pad: float = 12.0) -> float:
    """Points a row's label block needs, plus `pad` of white space between rows."""
    lines = (label.count("\n") + 1) * sizes.line(sizes.label)
    return lines + (sizes.line(sizes.text) + 3 if studies else 0.0) + pad


def _arrowed(text: str, *, left: bool) -> str:
    """Direction labels point the way (← on the left, → on the right) unless they already do."""
    if not text or any(mark in text for mark in ("←", "→", "<-", "->")):
        return text
    return f"← {text}" if left else f"{text} →"


def _zero_fraction(xlim: tuple[float, float]) -> float:
    return (0.0 - xlim[0]) / (xlim[1] - xlim[0])


def draw_interval(
    ax: Axes, figure: ChartFigure, plan: IntervalPlan, pal: Palette, sizes: Sizes
) -> None:
    ax.set_xlim(*plan.xlim)
    ax.set_ylim(*plan.ylim)
    ax.axvline(0.0, color=pal.muted, linewidth=1.3, dashes=(4, 3), zorder=2)
    for i, row in zip(plan.rows_y, figure.rows, strict=True):
        ends = ([row.low, row.high], [i, i])
        ax.plot(*ends, color=pal.primary, linewidth=2.5, solid_capstyle="butt", zorder=3)
        ax.plot(*ends, linestyle="none", marker="|", markersize=10, markeredgewidth=2,
                color=pal.primary, zorder=3)
        ax.plot([row.estimate], [i], marker="o", markersize=10, color=pal.primary,
                markeredgecolor=pal.paper, markeredgewidth=1.5, zorder=4)
    hide_spines(ax, "bottom", pal.ink)
    ax.set_yticks([])
    ax.set_xticks(plan.ticks, [plan.text.number(t) for t in plan.ticks])
    ax.tick_params(axis="x", length=4, width=1.2, pad=4, colors=pal.ink, labelsize=sizes.text)
    _row_labels(ax, plan, pal, sizes)
    _under_axis_labels(ax, figure, plan, pal, sizes)
    if figure.illustrative:
        illustration_note(ax, plan.text.illustration, pal, sizes,
                           right=_zero_fraction(plan.xlim) < 0.5)


def _row_labels(ax: Axes, plan: IntervalPlan, pal: Palette, sizes: Sizes) -> None:
    """Row labels flush with the text column's left edge, studies count under each label."""
    from matplotlib.transforms import blended_transform_factory

    where = blended_transform_factory(ax.figure.transFigure, ax.transData)
    for i, (label, studies) in zip(plan.rows_y, plan.labels, strict=True):
        # Centre the whole block (label + count) on the row, so wrapped labels stay in their row.
        half = _row_height(label, studies, sizes, pad=0.0) / 2 if studies else 0.0
        drawn = ax.annotate(label, (0, i), xycoords=where, xytext=(0, half),
                            textcoords="offset points", ha="left",
                            va="top" if studies else "center", size=sizes.label, color=pal.ink)
        if studies:  # hung from the label as drawn: the same gap under 1 line or 3
            ax.annotate(studies, (0, 0), xycoords=drawn, xytext=(0, -STUDIES_GAP),
                        textcoords="offset points", ha="left", va="top", size=sizes.text,
                        color=pal.muted)


def _under_axis_labels(
    ax: Axes, figure: ChartFigure, plan: IntervalPlan, pal: Palette, sizes: Sizes
) -> None:
    """'No difference' over the zero line; axis label, then what each side means, below."""
    from matplotlib.transforms import blended_transform_factory

    zero = _zero_fraction(plan.xlim)
    ha = "left" if zero < 0.12 else "right" if zero > 0.88 else "center"
    ax.annotate(plan.text.no_difference, (0, 1), xycoords=blended_transform_factory(
        ax.transData, ax.transAxes), xytext=(0, 4), textcoords="offset points", ha=ha,
        va="bottom", size=sizes.text, color=pal.muted)
    line = sizes.line(sizes.text)
    y = -plan.tick_block - 4
    if plan.axis_label:
        _under_axis(ax, plan.axis_label, 0.5, y, pal=pal, sizes=sizes)
        y -= line * (plan.axis_label.count("\n") + 1) + 4
    left, right = plan.sides
    if left:
        _under_axis(ax, left, 0.0, y, pal=pal, sizes=sizes)
    if right:
        y_right = y - line if plan.stacked else y
        _under_axis(ax, right, 1.0, y_right, pal=pal, sizes=sizes)


def _under_axis(ax: Axes, text: str, x: float, y: float, *, pal: Palette, sizes: Sizes) -> None:
    """Text `y` points below the axis line: at x=0 flush left, 0.5 centred, 1 flush right."""
    ha = {0.0: "left", 0.5: "center", 1.0: "right"}[x]
    ax.annotate(text, (x, 0), xycoords="axes fraction", xytext=(0, y),
                textcoords="offset points", ha=ha, va="top", size=sizes.text, color=pal.ink)
