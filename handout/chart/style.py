"""The chart's fonts, colours and fixed words: the look shared by every kind of chart."""

from __future__ import annotations

from dataclasses import dataclass

from handout.common.colours import INK, MUTED, WHITE, contrast_ratio, to_gray
from handout.common.translations import strings

FAMILY = "Atkinson Hyperlegible Next"
# DejaVu Sans ships with matplotlib; it draws the few glyphs Atkinson lacks (the arrows ← →).
FALLBACK_FAMILY = "DejaVu Sans"

GRID = "#C8C8C8"  # reading aid only, not a data mark, so it may be light
# Okabe-Ito blue and vermillion: 5.19:1 and 3.87:1 on white (handout-standards.md).
DEFAULT_PRIMARY = "#0072B2"
DEFAULT_ACCENT = "#D55E00"
MIN_MARK_CONTRAST = 3.0  # WCAG 2.x non-text contrast for bars, lines and dots

ILLUSTRATION_NOTE = "Illustration, not real data"
PT = 72.0  # points per inch


@dataclass(frozen=True)
class ChartText:
    """The few fixed words drawn inside the chart, in the document's language."""

    no_difference: str = "No difference"
    illustration: str = ILLUSTRATION_NOTE
    study: str = "({n} study)"
    studies: str = "({n} studies)"
    person: str = "{n} person"
    group_size: str = "{n} people"  # how many people a bar stands for, in plain words
    decimal_mark: str = "."  # how the language writes numbers: 7.5 and 1,200 in English
    group_mark: str = ","

    @classmethod
    def for_language(cls, language: str) -> ChartText:
        words = strings(language)
        return cls(no_difference=words("chart_no_difference"),
                   illustration=words("illustration"),
                   study=words("chart_study", n="{n}"), studies=words("chart_studies", n="{n}"),
                   person=words("chart_person", n="{n}"),
                   group_size=words("chart_group_size", n="{n}"),
                   decimal_mark=words("decimal_mark"), group_mark=words("group_mark"))

    def number(self, value: float) -> str:
        """A value or tick as the language writes it: '7.5' in English, '7,5' in French."""
        from handout.chart.sizes import number  # sizes imports this module

        marks = {".": self.decimal_mark, ",": self.group_mark}
        return "".join(marks.get(c, c) for c in number(value))

    def people(self, n: int) -> str:
        """'40 people' under a bar: a reader need not know that 'n' means a count."""
        return (self.person if n == 1 else self.group_size).format(n=self.number(n))


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
