"""The answer key: a box headed "Answers" at the foot of the puzzle page, the right way up.

It stands apart from the word search: at least KEY_GAP of clear space above it (the filler
adds the rest of the page's spare height), a solid rule along its top and a thin border
round it, its text smaller than the puzzle's (never under 11 pt) but upright, which low
vision reads far better than upside-down print.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph

from handout.layout.puzzle.placement import PuzzlePage, refuse
from handout.layout.theme import INK, MUTED

KEY_GAP = 0.5 * inch  # clear space between the word search and the key, at least
RULE = 2.0  # the rule along the box's top
BORDER = 0.75  # the box's other sides
KEY_TEXT = 11.0  # the smallest size of the key's text (large print: larger)


class AnswerKey(Flowable):  # type: ignore[misc]
    """The heading ("Answers") with the numbered answers beside it, in a box under KEY_GAP
    of clear space; on a page too narrow for both on a row, the answers under the heading.

    Its own drawing (rule and border) is layout; the heading and the answers, drawn here,
    keep their own tags.
    """

    alt_text = ""  # its paragraphs are read, each with its own tag

    def __init__(self, heading: Paragraph, answers: Paragraph, page: PuzzlePage,
                 pad: float) -> None:
        super().__init__()
        self.heading, self.answers, self.page, self.pad = heading, answers, page, pad

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = avail_width - 2 * self.pad
        _, head = self.heading.wrap(inner, avail_height)
        head_width = max(self.heading.getActualLineWidths0())
        room = inner - head_width - 2 * self.pad
        self.beside = room >= self.answers.minWidth()
        self.answers_x = self.pad + (head_width + 2 * self.pad if self.beside else 0.0)
        _, answers = self.answers.wrap(room if self.beside else inner, avail_height)
        body = max(head, answers) if self.beside else head + answers
        self.box = body + 2 * self.pad
        self.width, self.height = avail_width, KEY_GAP + self.box
        return self.width, self.height

    def draw(self) -> None:
        canv, pad, top = self.canv, self.pad, self.box
        if canv.getPageNumber() != self.page.number:
            refuse(self.page)
        canv.saveState()
        canv.setStrokeColor(MUTED)
        canv.setLineWidth(BORDER)
        canv.rect(0, 0, self.width, top, stroke=1, fill=0)
        canv.setStrokeColor(INK)
        canv.setLineWidth(RULE)
        canv.line(0, top, self.width, top)
        canv.restoreState()
        self.heading.drawOn(canv, pad, top - pad - self.heading.height)
        under = 0.0 if self.beside else self.heading.height
        self.answers.drawOn(canv, self.answers_x, top - pad - under - self.answers.height)
