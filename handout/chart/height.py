"""Fig. 1's height without matplotlib, so the layout need not wait for the chart worker.

The height comes from the same planning code as the drawn chart (`frame_interval`,
`frame_bars`), with text measured by ReportLab's metrics of the same font file instead of
matplotlib's text paths. matplotlib shapes text with HarfBuzz (libraqm), which applies the
font's GPOS kerning: up to about 1 pt per label at 15 pt, enough to wrap the large-print
default label "Number of kinds (observed)" differently. ReportLab only adds advance widths, so
the kerning pairs are read here from the font's GPOS table (`Kerning`). What is left: HarfBuzz
rounds positions to 1/64 px at 100 px, and matplotlib's width can include ink overhanging the
advance; together about 0.005 pt. So only a label within a hair (~0.01 pt) of its wrap limit,
or direction labels that just fit side by side, can give a different height. Measured on
labels of many lengths: tests/test_chart.py::test_height_prediction_rarely_misses. The caller
must still check the drawn chart's height and lay out again when it differs.
"""

from __future__ import annotations

import importlib.util
import struct
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from handout.chart.bars import frame_bars
from handout.chart.data import chart_figure
from handout.chart.interval import frame_interval
from handout.chart.style import PT, ChartText
from handout.chart.text import Sizes
from handout.fonts import FONT_DIR, FONT_FILES, REGULAR

if TYPE_CHECKING:
    from handout.chart.data import ChartFigure
    from handout.model import Figure

# Glyphs Atkinson lacks are drawn by the fallback font, DejaVu Sans (chart/style.py). The
# arrows `_arrowed` adds are in nearly every interval chart, so their advance widths (1/1000
# em) are kept here and DejaVu Sans is parsed only for any other missing glyph (a test checks
# these numbers against the font file).
FALLBACK_WIDTHS = {"←": 837.890625, "→": 837.890625}


def chart_height(
    figure: Figure | ChartFigure, *, width_in: float, font_scale: float = 1.0, language: str = "en"
) -> float:
    """The height in points `render_ops` returns for these arguments (float for float), predicted
    without matplotlib in a few ms. Same as the drawn chart's unless a label sits within a hair
    of its wrap limit (see the module docstring)."""
    data = chart_figure(figure)
    sizes = Sizes.scaled(font_scale)  # as render._build_figure derives them
    grow = max(1.0, font_scale)
    if data.kind == "interval":
        text = ChartText.for_language(language)
        frame = frame_interval(data, width_in * PT, sizes, grow, text, width_of=reportlab_width)
        height = frame.box.height
    else:
        height = frame_bars(data, width_in * PT, sizes, grow, width_of=reportlab_width).height
    # plan.box.height as render_ops reports it: the figure is sized in inches, drawn at 72 dpi
    # and scaled to exactly width_in * 72, which can move the last bit (301.8 -> 301.79999...95).
    fig_width, fig_height = 72 * (width_in * PT / PT), 72 * (height / PT)
    return fig_height * (width_in * 72 / fig_width)


def reportlab_width(text: str, size: float) -> float:
    """Width in points of (multi-line) regular text, as `text.measure` but from ReportLab's
    advance widths of the same font file (and DejaVu Sans's for glyphs Atkinson lacks)."""
    from handout.theme import register_fonts  # here: importing this module needs no pydantic

    register_fonts()
    return max((_line_width(line, size) for line in text.split("\n")), default=0.0)


def _line_width(line: str, size: float) -> float:
    """Advance widths (ReportLab) plus kerning between neighbours of the same font."""
    have = pdfmetrics.getFont(REGULAR).face.charToGlyph
    kerning = _kerning()
    width, run, kern, before = 0.0, "", 0, None
    for ch in line:
        glyph = have.get(ord(ch))
        if glyph is None:  # drawn by the fallback font: no kerning across the change
            width += pdfmetrics.stringWidth(run, REGULAR, size) + _fallback_width(ch) * size / 1000
            run, before = "", None
            continue
        if before is not None:
            kern += kerning.pair(before, glyph)
        run, before = run + ch, glyph
    return width + float(pdfmetrics.stringWidth(run, REGULAR, size)) + kern * size / kerning.upm


@cache
def _kerning() -> Kerning:
    return Kerning((FONT_DIR / FONT_FILES[REGULAR]).read_bytes())


class Kerning:
    """The pair adjustments of a font's GPOS 'kern' feature, looked up as HarfBuzz applies them
    (each lookup once per pair, its first subtable that covers the pair), read lazily from the
    file's bytes: nothing is parsed until a pair is asked for (no fontTools: ~75 ms to load)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        tables = {data[12 + 16 * i:16 + 16 * i]: self._u32(20 + 16 * i)
                  for i in range(self._u16(4))}
        self.upm = self._u16(tables[b"head"] + 18)
        self.lookups: list[list[int]] = []  # per 'kern' lookup, its PairPos subtables
        gpos = tables.get(b"GPOS")
        if gpos is None:
            return
        features, lookups = gpos + self._u16(gpos + 6), gpos + self._u16(gpos + 8)
        indices: set[int] = set()
        for i in range(self._u16(features)):
            if data[features + 2 + 6 * i:features + 6 + 6 * i] == b"kern":
                feature = features + self._u16(features + 6 + 6 * i)
                indices.update(self._u16(feature + 4 + 2 * k)
                               for k in range(self._u16(feature + 2)))
        for index in sorted(indices):  # HarfBuzz applies a feature's lookups in list order
            lookup = lookups + self._u16(lookups + 2 + 2 * index)
            kind, subtables = self._u16(lookup), []
            for k in range(self._u16(lookup + 4)):
                sub = lookup + self._u16(lookup + 6 + 2 * k)
                if kind == 9 and self._u16(sub + 2) == 2:  # an extension wrapping a PairPos
                    subtables.append(sub + self._u32(sub + 4))
                elif kind == 2:
                    subtables.append(sub)
            self.lookups.append(subtables)

    def _u16(self, at: int) -> int:
        value: int = struct.unpack_from(">H", self.data, at)[0]
        return value

    def _i16(self, at: int) -> int:
        value: int = struct.unpack_from(">h", self.data, at)[0]
        return value

    def _u32(self, at: int) -> int:
        value: int = struct.unpack_from(">I", self.data, at)[0]
        return value

    @cache  # noqa: B019 - one Kerning per process (`_kerning`), pairs repeat in every wrap try
    def pair(self, first: int, second: int) -> int:
        """Font units added to the advance between glyphs `first` and `second`."""
        total = 0
        for subtables in self.lookups:
            for sub in subtables:
                found = self._apply(sub, first, second)
                if found is not None:
                    total += found
                    break
        return total

    def _apply(self, sub: int, first: int, second: int) -> int | None:
        """The x-advance change if PairPos subtable `sub` applies to the pair, else None."""
        covered = self._coverage(sub + self._u16(sub + 2), first)
        if covered is None:
            return None
        form, format1, format2 = self._u16(sub), self._u16(sub + 4), self._u16(sub + 6)
        size1, size2 = 2 * format1.bit_count(), 2 * format2.bit_count()
        if form == 1:
            pairs = sub + self._u16(sub + 10 + 2 * covered)
            lo, hi, step = 0, self._u16(pairs), 2 + size1 + size2
            while lo < hi:  # records sorted by second glyph
                mid = (lo + hi) // 2
                record = pairs + 2 + mid * step
                glyph = self._u16(record)
                if glyph == second:
                    return self._advance(record + 2, format1) + self._advance(
                        record + 2 + size1, format2)
                lo, hi = (mid + 1, hi) if glyph < second else (lo, mid)
            return None
        class1 = self._class(sub + self._u16(sub + 8), first)
        class2 = self._class(sub + self._u16(sub + 10), second)
        count1, count2 = self._u16(sub + 12), self._u16(sub + 14)
        if class1 >= count1 or class2 >= count2:
            return None
        record = sub + 16 + (class1 * count2 + class2) * (size1 + size2)
        return self._advance(record, format1) + self._advance(record + size1, format2)

    def _advance(self, record: int, value_format: int) -> int:
        """XAdvance of a ValueRecord (0 when the format has none)."""
        if not value_format & 4:
            return 0
        return self._i16(record + 2 * (value_format & 3).bit_count())

    def _coverage(self, table: int, glyph: int) -> int | None:
        count = self._u16(table + 2)
        if self._u16(table) == 1:  # sorted glyph ids
            lo, hi = 0, count
            while lo < hi:
                mid = (lo + hi) // 2
                found = self._u16(table + 4 + 2 * mid)
                if found == glyph:
                    return mid
                lo, hi = (mid + 1, hi) if found < glyph else (lo, mid)
            return None
        for i in range(count):  # ranges: start, end, coverage index of start
            start, end, index = struct.unpack_from(">HHH", self.data, table + 4 + 6 * i)
            if start <= glyph <= end:
                return int(index) + glyph - int(start)
        return None

    def _class(self, table: int, glyph: int) -> int:
        if self._u16(table) == 1:
            start, count = self._u16(table + 2), self._u16(table + 4)
            return self._u16(table + 6 + 2 * (glyph - start)) if 0 <= glyph - start < count else 0
        for i in range(self._u16(table + 2)):
            start, end, klass = struct.unpack_from(">HHH", self.data, table + 4 + 6 * i)
            if start <= glyph <= end:
                return int(klass)
        return 0


def _fallback_width(ch: str) -> float:
    if ch in FALLBACK_WIDTHS:
        return FALLBACK_WIDTHS[ch]
    face = fallback_font().face
    return float(face.charWidths.get(ord(ch), face.defaultWidth))


@cache
def fallback_font() -> TTFont:
    """DejaVu Sans as matplotlib ships it (the file the chart falls back to), found without
    importing matplotlib; parsed (about 15 ms), not registered: nothing prints with it."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("matplotlib is not installed: the chart's fallback font is missing")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return TTFont("Chart-Fallback", str(folder / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"))
