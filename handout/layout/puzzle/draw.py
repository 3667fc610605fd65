"""Canvas helpers for the word-search grid."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas


def centred_letter(
    canv: Canvas, ch: str, x: float, y: float, *, cell: float, font: str, size: float
) -> None:
    """Draw `ch` centred in the cell whose lower-left corner is (x, y)."""
    cap_height = pdfmetrics.getFont(font).face.capHeight / 1000 * size
    canv.setFont(font, size)
    canv.drawCentredString(x + cell / 2, y + (cell - cap_height) / 2, ch)


def grid_lines(canv: Canvas, x: float, y: float, *, n: int, cell: float, colour: Color) -> None:
    """Cell outlines of an n x n grid with its lower-left corner at (x, y)."""
    canv.setStrokeColor(colour)
    canv.setLineWidth(0.6)
    for i in range(1, n):
        canv.line(x + i * cell, y, x + i * cell, y + n * cell)
        canv.line(x, y + i * cell, x + n * cell, y + i * cell)
    canv.setLineWidth(1.25)
    canv.rect(x, y, n * cell, n * cell)

