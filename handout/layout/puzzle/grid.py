"""The word-search grid, with what to find beside it or, on a narrow page, above it."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from handout.input.wordsearch import WordSearchGrid
from handout.layout.puzzle.draw import centred_letter, grid_lines, puzzle_face
from handout.layout.puzzle.placement import PuzzlePage
from handout.layout.theme import INK, SEMIBOLD
from handout.pdf import Element, marked

CELL = 0.3 * inch  # word-search cell, largest
MIN_CELL = 0.24 * inch  # smallest word-search cell, still holding a 12 pt letter
MIN_LETTER = 12.0
GAP = 20.0  # between the grid and the text beside it
SIDE_EMS = 11.0  # the text beside the grid needs this many body-size ems of width


def stack_height(paras: Sequence[Flowable], width: float) -> float:
    """Height of `paras` drawn one under another at `width`, with their spacing."""
    total = 0.0
    for i, para in enumerate(paras):
        total += para.wrap(width, 1e6)[1] + (para.getSpaceBefore() if i else 0.0)
        total += para.getSpaceAfter() if i < len(paras) - 1 else 0.0
    return total


def draw_stack(canv: Canvas, paras: Sequence[Flowable], x: float, top: float) -> float:
    """Draw `paras` (already wrapped) one under another from `top` down; the y reached."""
    y = top
    for i, para in enumerate(paras):
        y -= (para.getSpaceBefore() if i else 0.0) + para.height
        para.drawOn(canv, x, y)
        y -= para.getSpaceAfter()
    return y


class WordSearchRow(Flowable):  # type: ignore[misc]
    """What to find (`side`: its tagged paragraphs) and the grid of letters.

    The text stands beside the grid, top-aligned, where the page leaves it SIDE_EMS of
    width with the grid no smaller than MIN_CELL, else above it at the full width (large
    print); on a page of its own (`grow`), whichever way the grid is the larger. The grid
    shrinks (never below MIN_CELL) to leave room for `reserve` (the answer key) under the
    row.
    Read in that order: the text, then the grid, a Figure with `alt_text`.
    """

    alt_text = ""  # its text is read; the grid is a Figure of its own

    def __init__(self, grid: WordSearchGrid, side: Sequence[Flowable], reserve: Flowable,
                 page: PuzzlePage, alt_text: str, *, scale: float = 1.0, em: float = 14.0,
                 grow: bool = False) -> None:
        super().__init__()
        self.grid, self.side, self.reserve, self.page = grid, list(side), reserve, page
        # On a page of its own (`grow`) the grid takes the room the page has, up to half
        # as large again: bigger letters, and no gap left over above the answers.
        self.largest, self.smallest = CELL * scale * (1.5 if grow else 1.0), MIN_CELL * scale
        self.cell, self.em, self.grow = self.largest, em, grow
        self.structure = Element("Figure", alt=alt_text)  # the grid's element

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        n = self.grid.size
        room = avail_height - self.reserve.wrap(avail_width, avail_height)[1]
        # Beside: the grid as large as the height and the text's width allow.
        cell = min(self.largest, room / n, (avail_width - GAP - SIDE_EMS * self.em) / n)
        self.beside = cell >= self.smallest
        if self.beside and self.grow:  # on its own page: the larger grid of the two ways
            above = stack_height(self.side, avail_width) + self.side[-1].getSpaceAfter()
            self.beside = cell >= min(self.largest, avail_width / n, (room - above) / n)
        if self.beside:
            self.cell = cell
            self.text_width = avail_width - GAP - n * cell
            self.text_height = stack_height(self.side, self.text_width)
            self.height = max(n * cell, self.text_height)
        else:
            self.text_width = avail_width
            self.text_height = stack_height(self.side, avail_width)
            above = self.text_height + self.side[-1].getSpaceAfter()
            fit = min(avail_width, room - above) / n
            self.cell = max(self.smallest, min(self.largest, fit))
            self.height = above + n * self.cell
        self.page.shortfall = max(self.page.shortfall, self.height - room)
        self.width = avail_width
        # Taller than the page: it says so as tall as the page, and the key, pushed on to
        # the next, refuses the puzzle, located (ReportLab's own error names no part).
        return self.width, min(self.height, avail_height)

    def draw(self) -> None:
        canv, n, cell, top = self.canv, self.grid.size, self.cell, self.height
        x = n * cell + GAP if self.beside else 0.0
        end = draw_stack(canv, self.side, x, top)
        grid_top = top if self.beside else end
        with marked(canv, self.structure):
            self._draw_grid(0.0, grid_top - n * cell)

    def _draw_grid(self, x: float, y: float) -> None:
        canv, n, cell = self.canv, self.grid.size, self.cell
        size = max(MIN_LETTER, cell * 0.6)
        canv.setFillColor(INK)
        face = puzzle_face("".join("".join(row) for row in self.grid.rows), SEMIBOLD)
        for r, row in enumerate(self.grid.rows):
            for c, ch in enumerate(row):
                top = y + (n - r - 1) * cell
                centred_letter(canv, ch, x + c * cell, top, cell=cell, font=face, size=size)
        grid_lines(canv, x, y, n=n, cell=cell, colour=INK)
