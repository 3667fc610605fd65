"""Write-in boxes: one empty square per letter of a riddle's answer."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from handout.layout.theme import INK

BOX = 0.33 * inch  # write-in square: room for a capital written by an unsteady hand
BOX_GAP = 4.0


class LetterBoxes(Flowable):  # type: ignore[misc]
    """A row of empty squares, one per letter of an answer, to write the answer in; a
    wider gap, half a square more, between the written parts of an answer that has several
    (Vietnamese "loạn khuẩn": 4 squares, a gap, 5)."""

    def __init__(self, count: int | Sequence[int], indent: float, alt_text: str,
                 scale: float = 1.0) -> None:
        super().__init__()
        self.parts = [count] if isinstance(count, int) else list(count)
        self.count, self.indent, self.alt_text = sum(self.parts), indent, alt_text
        self.largest = BOX * scale
        self.box = self.largest

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # Long answers on a narrow page get slightly smaller boxes, never a second row.
        breaks = len(self.parts) - 1
        room = avail_width - self.indent - (self.count - 1) * BOX_GAP
        self.box = min(self.largest, room / (self.count + breaks / 2))
        self.width = avail_width
        return avail_width, self.box + 2

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.25)
        x = self.indent
        for part in self.parts:
            for _ in range(part):
                canv.rect(x, 1, self.box, self.box)
                x += self.box + BOX_GAP
            x += self.box / 2
