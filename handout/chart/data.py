"""Fig. 1's data as plain frozen dataclasses: exactly what the chart code reads from a
`handout.input.model.Figure`, without pydantic. A chart worker (handout/pipeline/forks.py) is
sent one of these, so it unpickles and draws the chart without importing pydantic (about 0.1 s
on the cold build's critical path)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from handout.input.figures import Figure


@dataclass(frozen=True)
class ChartRow:
    """One row of an interval chart (model.IntervalRow)."""

    label: str
    estimate: float
    low: float
    high: float
    studies: int | None = None


@dataclass(frozen=True)
class ChartGroup:
    """One bar of a bars chart (model.BarGroup)."""

    label: str
    value: float
    error: float | None = None
    n: int | None = None


@dataclass(frozen=True)
class ChartFigure:
    """The fields of model.Figure that the chart's look depends on (title, caption, source
    and alt text are printed by the layout, not drawn)."""

    kind: Literal["interval", "bars"]
    illustrative: bool = False
    axis_label: str = ""
    left_label: str = ""
    right_label: str = ""
    rows: tuple[ChartRow, ...] = ()
    groups: tuple[ChartGroup, ...] = ()


def chart_figure(figure: Figure | ChartFigure) -> ChartFigure:
    """`figure` as a ChartFigure (one already is comes back as it is). Reads attributes only,
    so handout.input.model need not be imported here."""
    if isinstance(figure, ChartFigure):
        return figure
    return ChartFigure(
        kind=figure.kind,
        illustrative=figure.illustrative,
        axis_label=figure.axis_label,
        left_label=figure.left_label,
        right_label=figure.right_label,
        rows=tuple(ChartRow(r.label, r.estimate, r.low, r.high, r.studies)
                   for r in figure.rows),
        groups=tuple(ChartGroup(g.label, g.value, g.error, g.n) for g in figure.groups),
    )
