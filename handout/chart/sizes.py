"""Text sizes, and measuring and wrapping text exactly as the chart will draw it."""

from __future__ import annotations

import re
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


# Han, kana and Hangul, and their full-width punctuation: Chinese and Japanese break
# between any two of them (Korean only as a chart's last resort: bars._korean_labels).
_WIDE_CHARS = "\u1100-\u11ff\u2e80-\u30ff\u3100-\u9fff\uac00-\ud7ff\uff00-\uffef"
WIDE = re.compile(f"[{_WIDE_CHARS}]")
_TOKEN = re.compile(rf"[{_WIDE_CHARS}]|[^\s{_WIDE_CHARS}]+|\s+")
_NO_START = frozenset("，。、：；？！）》」』】〕”’")
_NO_END = frozenset("（《「『【〔“‘")


def wrap_wide(text: str, size: float, max_width: float) -> str:
    """`text` broken between its wide characters (a number or a Latin word stays whole,
    a closing mark stays with the character before it, an opening one with the one after),
    each line as full as `max_width` allows."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if line and not token.isspace() and token[0] not in _NO_START and \
                measure(line + token, size) > max_width:
            # An opening mark ending the line goes on to the next, with what it opens.
            head = line.rstrip().rstrip("".join(_NO_END))
            if head:
                lines.append(head.rstrip())
                line = line.rstrip()[len(head):] + token.lstrip()
                continue
        line += token
    return "\n".join([*lines, line.strip()])


# Korean puts spaces between its words and breaks a line only there (never between the
# syllables of a word), or before an opening bracket: "아기 / (4-12개월)".
KOREAN = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_OPENING = "(（[［〈《「『【〔“‘"
_BEFORE_OPENING = re.compile(f"(?<=\\S)(?=[{_OPENING}])")


def wrap_words(text: str, size: float, max_width: float) -> str:
    """Korean `text` broken only at its spaces and before an opening bracket, never inside
    a word: the fewest lines that fit `max_width`, made as even as they allow. A word wider
    than `max_width` stays whole, on a line of its own: the caller sees it too wide."""
    units: list[str] = []  # each with the space before it, if any
    for n, word in enumerate(text.split()):
        parts = _BEFORE_OPENING.split(word)
        units += [(" " if n and not i else "") + part for i, part in enumerate(parts)]
    k = len(units)

    def width(i: int, j: int) -> float:  # units i..j-1 as one line
        return measure("".join(units[i:j]).strip(), size)

    # widest[lines][j]: the least widest line that units 0..j-1 can make in `lines` lines
    widest: list[list[float]] = [[0.0] + [width(0, j) for j in range(1, k + 1)]]
    cut: list[list[int]] = [[0] * (k + 1)]
    while widest[-1][k] > max_width and len(widest) < k:
        best, at = [float("inf")] * (k + 1), [0] * (k + 1)
        for j in range(len(widest) + 1, k + 1):
            for i in range(len(widest), j):
                w = max(widest[-1][i], width(i, j))
                if w < best[j]:
                    best[j], at[j] = w, i
        widest.append(best)
        cut.append(at)
    # The fewest lines that fit; if none fits, the fewest that make the widest word alone.
    least = min(row[k] for row in widest)
    lines = next(n for n, row in enumerate(widest) if row[k] <= max(max_width, least))
    out, end = [], k
    for n in range(lines, -1, -1):
        start = cut[n][end]
        out.append("".join(units[start:end]).strip())
        end = start
    return "\n".join(reversed(out))


def number(value: float) -> str:
    """A short number for print: 0.50 -> '0.5', -1 -> '−1' (true minus sign), 1200 -> '1,200'."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text.replace("-", "\u2212")
