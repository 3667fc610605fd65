"""Write-in boxes: one empty square per letter of a riddle's answer."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from handout.layout.theme import INK

BOX = 0.33 * inch  # write-in square: room for a capital written by an unsteady hand
BOX_GAP = 4.0


class LetterBoxes(Flowable):  # type: ignore[misc]
    """A row of empty squares, one per letter of an answer, to write the answer in."""

    def __init__(self, count: int, indent: float, alt_text: str, scale: float = 1.0) -> None:
        super().__init__()
        self.count, self.indent, self.alt_text = count, indent, alt_text
        self.largest = BOX * scale
        self.box = self.largest

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # Long answers on a narrow page get slightly smaller boxes, never a second row.
        room = avail_width - self.indent - (self.count - 1) * BOX_GAP
        self.box = min(self.largest, room / self.count)
        self.width = avail_width
        return avail_width, self.box + 2

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.25)
        for i in range(self.count):
            canv.rect(self.indent + i * (self.box + BOX_GAP), 1, self.box, self.box)
