"""Kind "bars": one bar per group, labelled directly, alternate bars striped."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from handout.chart.geometry import Box, fit_height, hide_spines, illustration_note, note_height
from handout.chart.sizes import KOREAN, WIDE, Sizes, measure, wrap, wrap_wide, wrap_words
from handout.chart.style import PT, ChartText, Palette

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from handout.chart.data import ChartFigure


@dataclass(frozen=True)
class BarsPlan:
    box: Box
    labels: list[str]  # wrapped group labels
    label_lines: int  # lines of the longest group label
    label_size: float
    ymax: float
    ticks: list[float]  # empty when illustrative: no numbered axis
    half_width: float  # half a bar, in data units (one group = 1.0)
    text: ChartText


@dataclass(frozen=True)
class BarsFrame:
    """The part of the plan that decides the chart's size: measured text only, no y scale.
    (The y scale sets only the left margin, for the tick numbers: never the height.)"""

    labels: list[str]  # wrapped group labels
    label_lines: int
    height: float
    top: float
    bottom: float
    label_size: float  # the group labels': less than Sizes.label where Korean needs it


def plan_bars(figure: ChartFigure, width: float, sizes: Sizes, grow: float,
               text: ChartText) -> BarsPlan:
    frame = frame_bars(figure, width, sizes, grow)
    height, top, bottom = frame.height, frame.top, frame.bottom
    ymax, ticks = _y_scale(figure, height - top - bottom, sizes)
    left = 4.0 if not ticks else max(measure(text.number(t), sizes.text) for t in ticks) + 10
    box = Box(width, height, left, 6.0, top, bottom)
    # Keep bars at most ~1.1 in wide: a two-group chart should not look like two walls.
    n = len(figure.groups)
    half = min(0.31, 40.0 / (box.plot_width / n))
    return BarsPlan(box, frame.labels, frame.label_lines, frame.label_size, ymax, ticks, half,
                    text)


def frame_bars(figure: ChartFigure, width: float, sizes: Sizes, grow: float) -> BarsFrame:
    """Group labels wrapped, and the chart's height fixed to fit them."""
    n = len(figure.groups)
    slot = (width - 50) / n  # 50 pt: room kept for the value axis labels
    texts = [g.label for g in figure.groups]
    labels, size = _korean_labels(texts, sizes, slot) or (
        [_label(text, sizes.label, slot) for text in texts], sizes.label)
    lines = max(label.count("\n") + 1 for label in labels)
    show_n = not figure.illustrative and any(g.n for g in figure.groups)
    bottom = 8 + lines * sizes.line(size) + (sizes.line(sizes.text) + 4) * show_n + 4
    top = sizes.line(sizes.text) + 10 if figure.axis_label else 8.0
    height = fit_height(2.4 + 0.1 * n, top + bottom + 1.3 * PT, grow)
    return BarsFrame(labels, lines, height, top, bottom, size)


def _label(text: str, size: float, slot: float) -> str:
    """A group's label wrapped to its slot less a gap; Chinese or Japanese that no break at
    its spaces keeps off the next label is broken between its characters."""
    label = wrap(text, size, slot - 10)
    if measure(label, size) > slot - 4 and WIDE.search(text):
        return wrap_wide(text, size, slot - 4)
    return label


def _korean_labels(texts: list[str], sizes: Sizes, slot: float
                   ) -> tuple[list[str], float] | None:
    """Korean group labels (None for any other language) broken only between words, never
    inside one (sizes.wrap_words). A word wider than its bar's slot may reach into the next
    slot as far as the label there leaves clear; where it would not, the labels are set a
    point smaller, down to the 10 pt floor. Only where even that fails are they broken
    between syllables, as Chinese: better than one label printed over the next."""
    if not any(KOREAN.search(text) for text in texts):
        return None
    size = sizes.label
    while size >= 10:
        labels = [wrap_words(text, size, slot - 10) for text in texts]
        half = [measure(label, size) / 2 for label in labels]
        ends = max(half[0], half[-1]) <= slot / 2 + 3  # the chart's side margins: 4 pt, 6 pt
        if ends and all(a + b + 4 <= slot for a, b in pairwise(half)):
            return labels, size
        size -= 1
    return [_label(text, sizes.label, slot) for text in texts], sizes.label


def _y_scale(figure: ChartFigure, plot_height: float, sizes: Sizes) -> tuple[float, list[float]]:
    """Top of the value axis with headroom for value labels (or the illustration note)."""
    from matplotlib.ticker import MaxNLocator

    tallest = max(g.value + (g.error or 0.0) for g in figure.groups) or 1.0
    room = note_height(sizes) if figure.illustrative else sizes.line(sizes.label) + 8
    ymax = tallest / (1 - room / plot_height)
    if figure.illustrative:
        return ymax, []
    ticks = MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]).tick_values(0, ymax)
    return ymax, [float(t) for t in ticks if 0 <= t <= ymax]


def draw_bars(ax: Axes, figure: ChartFigure, plan: BarsPlan, pal: Palette, sizes: Sizes) -> None:
    ax.set_xlim(-0.5, len(figure.groups) - 0.5)
    ax.set_ylim(0, plan.ymax)
    half = plan.half_width
    for i, group in enumerate(figure.groups):
        colour = pal.accent if i % 2 else pal.primary
        ax.bar(i, group.value, width=2 * half, color=colour, linewidth=0, zorder=3)
        if i % 2:  # the second cue: alternate bars are striped, so hue is never needed
            _hatch(ax, plan.box, (i - half, i + half), (0.0, group.value), pal.paper)
        if group.error:
            ax.errorbar([i], [group.value], yerr=[group.error], fmt="none", ecolor=pal.ink,
                        elinewidth=1.5, capsize=6, capthick=1.5, zorder=5)
        if not figure.illustrative:
            ax.annotate(plan.text.number(group.value), (i, group.value + (group.error or 0.0)),
                        xytext=(0, 4), textcoords="offset points", ha="center", va="bottom",
                        size=sizes.label, weight="bold", color=pal.ink, zorder=6,
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": pal.paper,
                              "linewidth": 0})  # keeps grid lines from crossing the digits
    hide_spines(ax, "bottom", pal.ink)
    ax.set_xticks([])
    ax.set_yticks(plan.ticks, [plan.text.number(t) for t in plan.ticks])
    ax.tick_params(axis="y", length=0, pad=6, labelcolor=pal.ink, labelsize=sizes.text)
    if plan.ticks:
        ax.yaxis.grid(True, color=pal.grid, linewidth=0.8)
        ax.set_axisbelow(True)
    _group_labels(ax, figure, plan, pal, sizes)
    if figure.illustrative:
        illustration_note(ax, plan.text.illustration, pal, sizes, right=True)


def _group_labels(
    ax: Axes, figure: ChartFigure, plan: BarsPlan, pal: Palette, sizes: Sizes
) -> None:
    """Group names under the bars; '40 people' on one shared line below them (real data
    only)."""
    from matplotlib.transforms import blended_transform_factory

    where = blended_transform_factory(ax.transData, ax.transAxes)
    n_line = -8 - plan.label_lines * sizes.line(plan.label_size) - 4
    for i, (group, label) in enumerate(zip(figure.groups, plan.labels, strict=True)):
        ax.annotate(label, (i, 0), xycoords=where, xytext=(0, -8), textcoords="offset points",
                    ha="center", va="top", size=plan.label_size, color=pal.ink,
                    multialignment="center")
        if group.n and not figure.illustrative:
            size_label = plan.text.people(group.n)
            ax.annotate(size_label, (i, 0), xycoords=where, xytext=(0, n_line),
                        textcoords="offset points", ha="center", va="top", size=sizes.text,
                        color=pal.muted)
    if figure.axis_label:
        ax.annotate(figure.axis_label, (0, 1), xycoords="figure fraction", xytext=(0, -2),
                    textcoords="offset points", ha="left", va="top", size=sizes.text,
                    color=pal.ink)


def _hatch(
    ax: Axes, box: Box, xs: tuple[float, float], ys: tuple[float, float], colour: str
) -> None:
    """45° stripes inside a bar as plain lines: svglib silently drops SVG <pattern> hatches."""
    from matplotlib.collections import LineCollection

    spacing = 7.0  # points between stripes
    (x0, x1), (y0, y1) = xs, ys
    xlo, xhi = ax.get_xlim()
    ylo, yhi = ax.get_ylim()
    sx, sy = (xhi - xlo) / box.plot_width, (yhi - ylo) / box.plot_height  # data per point
    w, h = (x1 - x0) / sx, (y1 - y0) / sy
    segments = []
    for k in range(int((w + h) / spacing) + 1):
        c = -h + spacing / 2 + k * spacing  # the stripe u - v = c, in points from the corner
        u0, u1 = max(0.0, c), min(w, c + h)
        if u1 > u0:
            segments.append([(x0 + u0 * sx, y0 + (u0 - c) * sy),
                             (x0 + u1 * sx, y0 + (u1 - c) * sy)])
    ax.add_collection(LineCollection(segments, colors=colour, linewidths=1.5, zorder=4),
                      autolim=False)
