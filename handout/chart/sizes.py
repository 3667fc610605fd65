"""Text sizes, and measuring and wrapping text exactly as the chart will draw it."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from handout.chart.style import FALLBACK_FAMILY, FAMILY


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


def measure(text: str, size: float, weight: str = "normal") -> float:
    """Width in points of (multi-line) text exactly as the SVG's text paths will draw it."""
    names = _FAMILIES[-1]
    return max((_line_width(line, size, weight, names) for line in text.split("\n")),
               default=0.0)


_FAMILIES: list[tuple[str, ...]] = [(FAMILY, FALLBACK_FAMILY)]  # innermost `families` last


@contextmanager
def families(names: list[str]) -> Iterator[None]:
    """Measure text in `names` (the chart's language's fonts, render.chart_families)."""
    _FAMILIES.append(tuple(names))
    try:
        yield
    finally:
        _FAMILIES.pop()


@cache  # wrapping tries many breaks of one label: most of their lines recur
def _line_width(line: str, size: float, weight: str,
                names: tuple[str, ...] = (FAMILY, FALLBACK_FAMILY)) -> float:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=list(names), size=size, weight=weight)
    return float(text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0])


def wrap(text: str, size: float, max_width: float) -> str:
    """Break `text` into as few lines as fit in `max_width` points (long words stay whole),
    made as even as those lines allow: "Variety, counting how / even the mix is", never
    "Variety, counting how even the / mix is" with a stub left on its own."""
    fitted: str | None = None
    tried = ""
    for chars in range(len(text), 5, -1):
        wrapped = "\n".join(textwrap.wrap(text, chars, break_long_words=False))
        if wrapped == tried:
            continue  # one character narrower often breaks the same way
        tried = wrapped
        if fitted is not None and wrapped.count("\n") > fitted.count("\n"):
            break  # narrower would take another line
        if measure(wrapped, size) <= max_width:
            fitted = wrapped
    return fitted or "\n".join(textwrap.wrap(text, 6, break_long_words=False))


def number(value: float) -> str:
    """A short number for print: 0.50 -> '0.5', -1 -> '−1' (true minus sign), 1200 -> '1,200'."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text.replace("-", "\u2212")
