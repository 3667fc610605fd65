"""The word-search grid, with the answer key beside it or, on a narrow page, under it."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from handout.input.wordsearch import WordSearchGrid
from handout.layout.puzzle.draw import centred_letter, dashed_line, grid_lines
from handout.layout.puzzle.key import GAP, AnswerKey
from handout.layout.theme import INK, SEMIBOLD

CELL = 0.3 * inch  # word-search cell, largest
MIN_CELL = 0.24 * inch  # smallest word-search cell, still holding a 12 pt letter
MIN_LETTER = 12.0


class WordSearchRow(Flowable):  # type: ignore[misc]
    """The grid of letters with the answer key beside it, or under it when the page is narrow."""

    def __init__(self, grid: WordSearchGrid, key: AnswerKey, alt_text: str,
                 scale: float = 1.0) -> None:
        super().__init__()
        self.grid, self.key, self.alt_text = grid, key, alt_text
        self.largest, self.smallest = CELL * scale, MIN_CELL * scale
        self.cell = self.largest

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        n, key = self.grid.size, self.key
        room = avail_width - GAP - key.min_width()
        self.beside = room / n >= self.smallest
        key.rule = not self.beside
        if self.beside:
            fit = min(room / n, avail_height / n)
            self.cell = max(self.smallest, min(self.largest, fit))
            key.wrap(avail_width - GAP - n * self.cell, avail_height)
            self.height = max(n * self.cell, key.height)
        else:
            key.wrap(avail_width, avail_height)
            fit = min(avail_width / n, (avail_height - key.height - GAP) / n)
            self.cell = max(self.smallest, min(self.largest, fit))
            self.height = n * self.cell + GAP + key.height
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        canv, n, cell, key = self.canv, self.grid.size, self.cell, self.key
        side, top = n * cell, self.height
        size = max(MIN_LETTER, cell * 0.6)
        canv.setFillColor(INK)
        for r, row in enumerate(self.grid.rows):
            for c, ch in enumerate(row):
                y = top - (r + 1) * cell
                centred_letter(canv, ch, c * cell, y, cell=cell, font=SEMIBOLD, size=size)
        grid_lines(canv, 0, top - side, n=n, cell=cell, colour=INK)
        if self.beside:
            dashed_line(canv, side + GAP / 2, 0, side + GAP / 2, top)
            key.drawOn(canv, self.width - key.width, 0)
        else:
            key.drawOn(canv, 0, 0)
