"""Canvas helpers for the word-search grid."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from handout.layout.fontstack import coverage, face_coverage, font_chain


def puzzle_face(letters: str, face: str) -> str:
    """`face` (the puzzle's semibold) if it has all of `letters`, else the bold face of the
    first family that has them all: one design for a grid and its word list."""
    codes = {ord(c) for c in letters if not c.isspace()}
    if codes <= face_coverage(face):
        return face
    return next((f.bold for f in font_chain().families if codes <= coverage(f)), face)


def centred_letter(
    canv: Canvas, ch: str, x: float, y: float, *, cell: float, font: str, size: float
) -> None:
    """Draw `ch` centred in the cell whose lower-left corner is (x, y), in `font` or, for
    a letter it lacks (a Chinese or Vietnamese word's), the first bold face that has it."""
    if ord(ch) not in face_coverage(font):
        font = next((f.bold for f in font_chain().families if ord(ch) in coverage(f)), font)
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

