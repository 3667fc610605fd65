"""The upside-down answer key: riddle answers and the solved word search."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from handout.common.errors import LayoutFitError
from handout.input.wordsearch import WordSearchGrid
from handout.layout.puzzle.draw import centred_letter, dashed_line, grid_lines
from handout.layout.puzzle.placement import PuzzlePage
from handout.layout.theme import BOLD, INK, MUTED, REGULAR

KEY_CELL = 11.0  # answer-key cell: holds a 10 pt letter
KEY_LETTER = 10.0
KEY_TEXT = 11.0
SHADE = HexColor("#C8C8C8")  # answer-key highlight; ink on it stays above 10:1, also in grey
# Answer-key filler letters: lighter, so the words stand out, yet 4.5:1 on white.
FADED = HexColor("#767676")
GAP = 20.0  # between the grid and the answer key
RULE_GAP = 10.0  # between the dashed rule and the key it sets apart


def _stack_height(paras: Sequence[Flowable], width: float) -> float:
    """Height of `paras` drawn one under another at `width`, with their spacing."""
    total = 0.0
    for i, para in enumerate(paras):
        total += para.wrap(width, 1e6)[1] + (para.getSpaceBefore() if i else 0.0)
        total += para.getSpaceAfter() if i < len(paras) - 1 else 0.0
    return total


def _draw_stack(canv: Canvas, paras: Sequence[Flowable], x: float, top: float) -> None:
    """Draw `paras` (already wrapped) one under another from `top` down."""
    y = top
    for i, para in enumerate(paras):
        y -= (para.getSpaceBefore() if i else 0.0) + para.height
        para.drawOn(canv, x, y)
        y -= para.getSpaceAfter()


class AnswerKey(Flowable):  # type: ignore[misc]
    """Riddle answers and the solved grid, drawn upside down so they do not give it away.

    With room, the solved grid sits beside the answers; in a narrow column, under them.
    `rule` draws a dashed line above the key, for when it spans the page.
    """

    def __init__(
        self, text: list[Paragraph], grid: WordSearchGrid | None, page: PuzzlePage, alt_text: str
    ) -> None:
        super().__init__()
        self.text, self.grid, self.page, self.alt_text = text, grid, page, alt_text
        self.rule = True
        self.side = grid.size * KEY_CELL if grid else 0.0

    def _text_min(self) -> float:
        return max(float(para.minWidth()) for para in self.text)

    def min_width(self) -> float:
        """The narrowest the key can be: its solved grid with the answers under it."""
        return max(self.side, self._text_min())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.beside = self.grid is None or avail_width >= self._text_min() + GAP + self.side
        text_width = avail_width - self.side - GAP if self.grid and self.beside else avail_width
        self.text_height = _stack_height(self.text, text_width)
        stacked = self.text_height + RULE_GAP + self.side
        body = max(self.text_height, self.side) if self.beside else stacked
        self.width, self.height = avail_width, body + (RULE_GAP if self.rule else 0.0)
        return self.width, self.height

    def draw(self) -> None:
        canv, width, height = self.canv, self.width, self.height
        if canv.getPageNumber() != self.page.number:
            short = f" (about {self.page.shortfall:.0f} pt too tall)" if self.page.shortfall else ""
            raise LayoutFitError(
                ("puzzle",),
                f"the puzzle does not fit on one page{short}: shorten the intro or the "
                "riddles, use fewer riddles, or make the word search smaller or leave it out",
            )
        if self.rule:
            dashed_line(canv, 0, height, width, height)
        # Upside down: turning the page round puts the key the right way up.
        canv.translate(width, height)
        canv.rotate(180)
        _draw_stack(canv, self.text, 0, height)
        if self.grid:
            x = width - self.side if self.beside else 0.0
            top = height if self.beside else height - self.text_height - RULE_GAP
            self._draw_solution(self.grid, x, top)

    def _draw_solution(self, grid: WordSearchGrid, x: float, top: float) -> None:
        canv, n, cell = self.canv, grid.size, KEY_CELL
        hidden = {rc for placement in grid.placements for rc in placement.cells()}
        canv.setFillColor(SHADE)
        for r, c in hidden:
            canv.rect(x + c * cell, top - (r + 1) * cell, cell, cell, stroke=0, fill=1)
        for r, row in enumerate(grid.rows):
            for c, ch in enumerate(row):
                font, colour = (BOLD, INK) if (r, c) in hidden else (REGULAR, FADED)
                canv.setFillColor(colour)
                y = top - (r + 1) * cell
                centred_letter(canv, ch, x + c * cell, y, cell=cell, font=font, size=KEY_LETTER)
        grid_lines(canv, x, top - n * cell, n=n, cell=cell, colour=MUTED)
