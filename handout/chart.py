"""Fig. 1 as a deterministic SVG drawn with matplotlib (no ReportLab here).

The SVG is placed 1:1 at print width, so every size below is a real point on paper: no text
under 10 pt (../shared/handout-standards.md). Marks keep 3:1 contrast on white and never rely
on hue alone: one series per chart, direct labels, and hatching on alternate bars, so the chart
survives a black-and-white photocopy.
"""

from __future__ import annotations

import io
import itertools
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from handout.colour import contrast_ratio, to_gray
from handout.model import Figure
from handout.strings import strings
from handout.theme import FONT_DIR, FONT_FILES

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as MplFigure

FAMILY = "Atkinson Hyperlegible Next"
# DejaVu Sans ships with matplotlib; it draws the few glyphs Atkinson lacks (the arrows ← →).
FALLBACK_FAMILY = "DejaVu Sans"

WHITE = "#FFFFFF"
INK = "#1A1A1A"  # same as theme.INK: 17.4:1 on white
MUTED = "#4A4A4A"  # same as theme.MUTED: 8.9:1 on white
GRID = "#C8C8C8"  # reading aid only, not a data mark, so it may be light
# Okabe-Ito blue and vermillion: 5.19:1 and 3.87:1 on white (handout-standards.md).
DEFAULT_PRIMARY = "#0072B2"
DEFAULT_ACCENT = "#D55E00"
MIN_MARK_CONTRAST = 3.0  # WCAG 2.x non-text contrast for bars, lines and dots

ILLUSTRATION_NOTE = "Illustration, not real data"


@dataclass(frozen=True)
class ChartText:
    """The few fixed words drawn inside the chart, in the document's language."""

    no_difference: str = "No difference"
    illustration: str = ILLUSTRATION_NOTE
    study: str = "({n} study)"
    studies: str = "({n} studies)"
    group_size: str = "n = {n}"

    @classmethod
    def for_language(cls, language: str) -> ChartText:
        words = strings(language)
        return cls(*(words(key, n="{n}") for key in (
            "chart_no_difference", "illustration", "chart_study", "chart_studies",
            "chart_group_size")))
PT = 72.0  # points per inch


# --- colour -----------------------------------------------------------------------------


def mark_colour(hex_colour: str, fallback: str) -> str:
    """`hex_colour` if it keeps 3:1 against white paper, else the darker `fallback`."""
    if contrast_ratio(hex_colour, WHITE) >= MIN_MARK_CONTRAST:
        return hex_colour.upper()
    return fallback


@dataclass(frozen=True)
class Palette:
    """Every colour the chart uses."""

    primary: str
    accent: str
    ink: str = INK
    muted: str = MUTED
    grid: str = GRID
    paper: str = WHITE


def palette(primary: str, accent: str, *, grayscale: bool = False) -> Palette:
    """Brand colours checked for contrast; with `grayscale`, all mapped to equal-luminance grays."""
    pal = Palette(mark_colour(primary, DEFAULT_PRIMARY), mark_colour(accent, DEFAULT_ACCENT))
    if not grayscale:
        return pal
    return Palette(*(to_gray(c) for c in (pal.primary, pal.accent, pal.ink, pal.muted,
                                          pal.grid, pal.paper)))


# --- text sizes and measuring -----------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points, never below the 10 pt floor."""

    label: float  # row and group labels
    text: float  # ticks, axis and direction labels, notes

    @classmethod
    def scaled(cls, font_scale: float) -> Sizes:
        return cls(label=max(10.0, 12.0 * font_scale), text=max(10.0, 11.0 * font_scale))

    def line(self, size: float) -> float:
        """Height of one text line in points (matplotlib's default 1.2 line spacing)."""
        return size * 1.2


def _measure(text: str, size: float, weight: str = "normal") -> float:
    """Width in points of (multi-line) text exactly as the SVG's text paths will draw it."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=[FAMILY, FALLBACK_FAMILY], size=size, weight=weight)
    widths = [text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0]
              for line in text.split("\n")]
    return max(widths, default=0.0)


def _wrap(text: str, size: float, max_width: float, weight: str = "normal") -> str:
    """Break `text` into lines no wider than `max_width` points (long words stay whole)."""
    for chars in range(len(text), 5, -1):
        wrapped = "\n".join(textwrap.wrap(text, chars, break_long_words=False))
        if _measure(wrapped, size, weight) <= max_width:
            return wrapped
    return "\n".join(textwrap.wrap(text, 6, break_long_words=False))


def _number(value: float) -> str:
    """A short number for print: 0.50 -> '0.5', -1 -> '−1' (true minus sign), 1200 -> '1,200'."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text.replace("-", "\u2212")


# --- matplotlib setup -------------------------------------------------------------------


@cache
def _setup() -> None:
    """Force the Agg backend and register the bundled fonts once per process."""
    import matplotlib
    from matplotlib import font_manager

    matplotlib.use("Agg")  # no display on build machines; never probe for a GUI toolkit
    for filename in FONT_FILES.values():
        font_manager.fontManager.addfont(str(FONT_DIR / filename))


@contextmanager
def _chart_rc() -> Iterator[None]:
    """rcParams for building and saving, restored afterwards (no lasting global state)."""
    import matplotlib

    _setup()
    with matplotlib.rc_context({
        "font.family": [FAMILY, FALLBACK_FAMILY],
        "axes.unicode_minus": True,
        "svg.fonttype": "path",  # no font needed by svglib or the PDF: glyphs are outlines
        "text.parse_math": False,  # a '$' typed by staff is a dollar sign, not TeX
        "svg.hashsalt": "handout-figure",  # fixed ids -> byte-identical SVG
        "svg.id": "handout-figure",
    }):
        yield


# --- public entry points ----------------------------------------------------------------


def render_svg(
    figure: Figure,
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
    with _chart_rc():
        fig = _build_figure(figure, width_in=width_in, primary=primary, accent=accent,
                            grayscale=grayscale, font_scale=font_scale, language=language)
        out = io.BytesIO()
        # Date: None drops the timestamp; a fixed Creator keeps the bytes stable across builds.
        fig.savefig(out, format="svg", transparent=True,
                    metadata={"Date": None, "Creator": "handout"})
    return out.getvalue()


def _build_figure(
    figure: Figure,
    *,
    width_in: float,
    primary: str,
    accent: str,
    grayscale: bool = False,
    font_scale: float = 1.0,
    language: str = "en",
) -> MplFigure:
    """The matplotlib Figure behind `render_svg` (also used by tests to inspect the artists)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure

    pal = palette(primary, accent, grayscale=grayscale)
    sizes = Sizes.scaled(font_scale)
    text = ChartText.for_language(language)
    grow = max(1.0, font_scale)  # larger print needs more room, not a squeezed plot
    with _chart_rc():
        plan: _IntervalPlan | _BarsPlan
        if figure.kind == "interval":
            plan = _plan_interval(figure, width_in * PT, sizes, grow, text)
        else:
            plan = _plan_bars(figure, width_in * PT, sizes, grow, text)
        box = plan.box
        fig = MplFigure(figsize=(box.width / PT, box.height / PT))
        FigureCanvasAgg(fig)  # Agg explicitly: measuring and saving never touch pyplot
        fig.patch.set_visible(False)
        ax = fig.add_axes(box.axes_rect())
        ax.patch.set_visible(False)
        if isinstance(plan, _IntervalPlan):
            _draw_interval(ax, figure, plan, pal, sizes)
        else:
            _draw_bars(ax, figure, plan, pal, sizes)
    return fig


# --- geometry shared by both kinds ------------------------------------------------------


@dataclass(frozen=True)
class _Box:
    """Figure size and the margins around the plot area, all in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def plot_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> float:
        return self.height - self.top - self.bottom

    def axes_rect(self) -> tuple[float, float, float, float]:
        return (self.left / self.width, self.bottom / self.height,
                self.plot_width / self.width, self.plot_height / self.height)


def _height(default_in: float, needed_pt: float, grow: float) -> float:
    """Chart height in points: compact (2.2-3.2 in), taller only when labels need the room."""
    return max(min(max(default_in, 2.2), 3.2) * grow * PT, needed_pt)


def _hide_spines(ax: Axes, keep: str, colour: str) -> None:
    for name, spine in ax.spines.items():
        spine.set_visible(name == keep)
        spine.set_color(colour)
        spine.set_linewidth(1.2)


def _illustration_note(ax: Axes, note: str, pal: Palette, sizes: Sizes, *, right: bool) -> None:
    """The 'not real data' label, boxed inside the plot area so it cannot be cropped away."""
    ax.annotate(
        note, (1.0 if right else 0.0, 1.0), xycoords="axes fraction",
        xytext=(-6 if right else 6, -6), textcoords="offset points",
        ha="right" if right else "left", va="top", size=sizes.text, style="italic",
        color=pal.ink, zorder=6,
        bbox={"boxstyle": "square,pad=0.35", "facecolor": pal.paper, "edgecolor": pal.muted,
              "linewidth": 0.8},
    )


def _note_height(sizes: Sizes) -> float:
    """Room the boxed note takes from the top of the plot, with a clear gap below it."""
    return 6 + sizes.line(sizes.text) + 2 * 0.35 * sizes.text + 14


# --- kind "interval": dots with ranges around a dashed zero line ------------------------


@dataclass(frozen=True)
class _IntervalPlan:
    box: _Box
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


def _x_scale(figure: Figure) -> tuple[tuple[float, float], list[float]]:
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


def _plan_interval(figure: Figure, width: float, sizes: Sizes, grow: float,
                   text: ChartText) -> _IntervalPlan:
    # An illustration claims no studies: its counts would read as real evidence.
    labels = [(_wrap(r.label, sizes.label, 0.4 * width),
               "" if figure.illustrative else _studies(r.studies, text)) for r in figure.rows]
    label_col = max(max(_measure(a, sizes.label), _measure(b, sizes.text)) for a, b in labels)
    left, right = label_col + 16, 16.0
    plot_w = width - left - right
    axis_label = _wrap(figure.axis_label, sizes.text, plot_w) if figure.axis_label else ""
    sides = (_arrowed(figure.left_label, left=True), _arrowed(figure.right_label, left=False))
    stacked = _measure(sides[0], sizes.text) + _measure(sides[1], sizes.text) + 24 > plot_w
    line = sizes.line(sizes.text)
    tick_block = 4.0 if figure.illustrative else 8 + line
    under = (4 + line * (axis_label.count("\n") + 1)) if axis_label else 0.0
    if any(sides):
        under += 4 + line * (2 if stacked else 1)
    top, bottom = line + 8, tick_block + under + 6
    needs = [_row_height(a, b, sizes) for a, b in labels]
    note = _note_height(sizes) if figure.illustrative else 0.0
    height = _height(1.45 + 0.42 * len(needs), top + bottom + sum(needs) + note, grow)
    box = _Box(width, height, left, right, top, bottom)
    xlim, ticks = _x_scale(figure)
    return _IntervalPlan(box, labels, axis_label, sides, xlim,
                         [] if figure.illustrative else ticks, tick_block, stacked,
                         *_row_positions(needs, box.plot_height, note), text)


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


def _draw_interval(
    ax: Axes, figure: Figure, plan: _IntervalPlan, pal: Palette, sizes: Sizes
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
    _hide_spines(ax, "bottom", pal.ink)
    ax.set_yticks([])
    ax.set_xticks(plan.ticks, [_number(t) for t in plan.ticks])
    ax.tick_params(axis="x", length=4, width=1.2, pad=4, colors=pal.ink, labelsize=sizes.text)
    _row_labels(ax, plan, pal, sizes)
    _under_axis_labels(ax, figure, plan, pal, sizes)
    if figure.illustrative:
        _illustration_note(ax, plan.text.illustration, pal, sizes,
                           right=_zero_fraction(plan.xlim) < 0.5)


def _row_labels(ax: Axes, plan: _IntervalPlan, pal: Palette, sizes: Sizes) -> None:
    """Row labels flush with the text column's left edge, studies count under each label."""
    from matplotlib.transforms import blended_transform_factory

    where = blended_transform_factory(ax.figure.transFigure, ax.transData)
    for i, (label, studies) in zip(plan.rows_y, plan.labels, strict=True):
        # Centre the whole block (label + count) on the row, so wrapped labels stay in their row.
        half = _row_height(label, studies, sizes, pad=0.0) / 2 if studies else 0.0
        ax.annotate(label, (0, i), xycoords=where, xytext=(0, half),
                    textcoords="offset points", ha="left",
                    va="top" if studies else "center", size=sizes.label, color=pal.ink)
        if studies:
            ax.annotate(studies, (0, i), xycoords=where, xytext=(0, -half),
                        textcoords="offset points", ha="left", va="bottom", size=sizes.text,
                        color=pal.muted)


def _under_axis_labels(
    ax: Axes, figure: Figure, plan: _IntervalPlan, pal: Palette, sizes: Sizes
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


# --- kind "bars": one bar per group, labelled directly ----------------------------------


@dataclass(frozen=True)
class _BarsPlan:
    box: _Box
    labels: list[str]  # wrapped group labels
    label_lines: int  # lines of the longest group label
    ymax: float
    ticks: list[float]  # empty when illustrative: no numbered axis
    half_width: float  # half a bar, in data units (one group = 1.0)
    text: ChartText


def _plan_bars(figure: Figure, width: float, sizes: Sizes, grow: float,
               text: ChartText) -> _BarsPlan:
    n = len(figure.groups)
    slot = (width - 50) / n  # 50 pt: room kept for the value axis labels
    labels = [_wrap(g.label, sizes.label, slot - 10) for g in figure.groups]
    lines = max(label.count("\n") + 1 for label in labels)
    show_n = not figure.illustrative and any(g.n for g in figure.groups)
    bottom = 8 + lines * sizes.line(sizes.label) + (sizes.line(sizes.text) + 4) * show_n + 4
    top = sizes.line(sizes.text) + 10 if figure.axis_label else 8.0
    height = _height(2.4 + 0.1 * n, top + bottom + 1.3 * PT, grow)
    ymax, ticks = _y_scale(figure, height - top - bottom, sizes)
    left = 4.0 if not ticks else max(_measure(_number(t), sizes.text) for t in ticks) + 10
    box = _Box(width, height, left, 6.0, top, bottom)
    # Keep bars at most ~1.1 in wide: a two-group chart should not look like two walls.
    half = min(0.31, 40.0 / (box.plot_width / n))
    return _BarsPlan(box, labels, lines, ymax, ticks, half, text)


def _y_scale(figure: Figure, plot_height: float, sizes: Sizes) -> tuple[float, list[float]]:
    """Top of the value axis with headroom for value labels (or the illustration note)."""
    from matplotlib.ticker import MaxNLocator

    tallest = max(g.value + (g.error or 0.0) for g in figure.groups) or 1.0
    room = _note_height(sizes) if figure.illustrative else sizes.line(sizes.label) + 8
    ymax = tallest / (1 - room / plot_height)
    if figure.illustrative:
        return ymax, []
    ticks = MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]).tick_values(0, ymax)
    return ymax, [float(t) for t in ticks if 0 <= t <= ymax]


def _draw_bars(ax: Axes, figure: Figure, plan: _BarsPlan, pal: Palette, sizes: Sizes) -> None:
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
            ax.annotate(_number(group.value), (i, group.value + (group.error or 0.0)),
                        xytext=(0, 4), textcoords="offset points", ha="center", va="bottom",
                        size=sizes.label, weight="bold", color=pal.ink, zorder=6,
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": pal.paper,
                              "linewidth": 0})  # keeps grid lines from crossing the digits
    _hide_spines(ax, "bottom", pal.ink)
    ax.set_xticks([])
    ax.set_yticks(plan.ticks, [_number(t) for t in plan.ticks])
    ax.tick_params(axis="y", length=0, pad=6, labelcolor=pal.ink, labelsize=sizes.text)
    if plan.ticks:
        ax.yaxis.grid(True, color=pal.grid, linewidth=0.8)
        ax.set_axisbelow(True)
    _group_labels(ax, figure, plan, pal, sizes)
    if figure.illustrative:
        _illustration_note(ax, plan.text.illustration, pal, sizes, right=True)


def _group_labels(ax: Axes, figure: Figure, plan: _BarsPlan, pal: Palette, sizes: Sizes) -> None:
    """Group names under the bars; 'n = …' on one shared line below them (real data only)."""
    from matplotlib.transforms import blended_transform_factory

    where = blended_transform_factory(ax.transData, ax.transAxes)
    n_line = -8 - plan.label_lines * sizes.line(sizes.label) - 4
    for i, (group, label) in enumerate(zip(figure.groups, plan.labels, strict=True)):
        ax.annotate(label, (i, 0), xycoords=where, xytext=(0, -8), textcoords="offset points",
                    ha="center", va="top", size=sizes.label, color=pal.ink,
                    multialignment="center")
        if group.n and not figure.illustrative:
            size_label = plan.text.group_size.format(n=f"{group.n:,}")
            ax.annotate(size_label, (i, 0), xycoords=where, xytext=(0, n_line),
                        textcoords="offset points", ha="center", va="top", size=sizes.text,
                        color=pal.muted)
    if figure.axis_label:
        ax.annotate(figure.axis_label, (0, 1), xycoords="figure fraction", xytext=(0, -2),
                    textcoords="offset points", ha="left", va="top", size=sizes.text,
                    color=pal.ink)


def _hatch(
    ax: Axes, box: _Box, xs: tuple[float, float], ys: tuple[float, float], colour: str
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
