"""PDF operands for matplotlib's graphics state: numbers, colours, dashes, and what is set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from matplotlib.backend_bases import GraphicsContextBase

PRECISION = 3  # decimals: 0.001 pt is far below what any printer or screen can show


def num(value: float, decimals: int = PRECISION) -> str:
    """`value` rounded to `decimals`, without trailing zeros or a negative zero."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def colour_op(rgb: Any, *, stroking: bool) -> str:
    """The colour operator: `g`/`G` for a gray, `rg`/`RG` otherwise."""
    r, g, b = (num(float(c)) for c in tuple(rgb)[:3])
    if r == g == b:
        return f"{r} {'G' if stroking else 'g'}"
    return f"{r} {g} {b} {'RG' if stroking else 'rg'}"


@dataclass(frozen=True)
class State:
    """What the operators have set so far; None means unknown (the page's own value)."""

    fill: str | None = None
    stroke: str | None = None
    width: str | None = None
    cap: str | None = None
    join: str | None = None
    dash: str | None = None


def dash_op(gc: GraphicsContextBase) -> str:
    """The `d` operands: the dash pattern (already scaled to the line width) and offset."""
    offset, dashes = cast("tuple[float | None, Sequence[float] | None]", gc.get_dashes())
    if dashes is None or len(dashes) == 0:
        return "[] 0"
    return f"[{' '.join(num(float(d)) for d in dashes)}] {num(float(offset or 0))}"


def opacity(gc: GraphicsContextBase, rgba: Any, what: str) -> float:
    """0 (paint nothing) or 1; anything between needs an ExtGState resource, so it raises."""
    colour = tuple(rgba)
    alpha = float(gc.get_alpha()) if gc.get_forced_alpha() else (
        float(colour[3]) if len(colour) > 3 else 1.0)
    if alpha not in (0.0, 1.0):
        raise RuntimeError(f"a {what} with alpha {alpha:g} needs a PDF transparency resource")
    return alpha
