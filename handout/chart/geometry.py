"""Plot geometry and furniture shared by both kinds of chart: margins, height, spines, note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from handout.chart.sizes import Sizes
from handout.chart.style import PT, Palette

if TYPE_CHECKING:
    from matplotlib.axes import Axes


@dataclass(frozen=True)
class Box:
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


def fit_height(default_in: float, needed_pt: float, grow: float) -> float:
    """Chart height in points: compact (2.2-3.2 in), taller only when labels need the room."""
    return max(min(max(default_in, 2.2), 3.2) * grow * PT, needed_pt)


def hide_spines(ax: Axes, keep: str, colour: str) -> None:
    for name, spine in ax.spines.items():
        spine.set_visible(name == keep)
        spine.set_color(colour)
        spine.set_linewidth(1.2)


def illustration_note(ax: Axes, note: str, pal: Palette, sizes: Sizes, *, right: bool) -> None:
    """The 'not real data' label, boxed inside the plot area so it cannot be cropped away."""
    ax.annotate(
        note, (1.0 if right else 0.0, 1.0), xycoords="axes fraction",
        xytext=(-6 if right else 6, -6), textcoords="offset points",
        ha="right" if right else "left", va="top", size=sizes.text, style="italic",
        color=pal.ink, zorder=6,
        bbox={"boxstyle": "square,pad=0.35", "facecolor": pal.paper, "edgecolor": pal.muted,
              "linewidth": 0.8},
    )


def note_height(sizes: Sizes) -> float:
    """Room the boxed note takes from the top of the plot, with a clear gap below it."""
    return 6 + sizes.line(sizes.text) + 2 * 0.35 * sizes.text + 14
