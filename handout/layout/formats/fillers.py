"""What takes the room its frame has left, on purpose: the cover's icon, and the one
"Questions for my care team" area (../shared/print-formats.md: placed once, where it
helps the reader, never as padding). Each takes the height left in its frame, or nothing
when too little is left to be worth it."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from handout.input.fields import Icon
from handout.layout.icons import draw_icon
from handout.layout.markup import runt_free
from handout.layout.measure import stack_height
from handout.layout.runs import Paragraph
from handout.layout.theme import INK, MUTED, Theme
from handout.pdf import LAYOUT, Element, marked

SLACK = 2.0  # points left unused, so rounding never pushes the box to the next frame


class Questions:
    """The one "Questions for my care team" area a handout gets: the first QuestionsBox
    laid out with room for it takes it; any later one then takes no room."""

    def __init__(self) -> None:
        self.placed = False


class QuestionsBox(Flowable):  # type: ignore[misc]
    """Lines to write questions on (PEMAT and AHRQ recommend question prompts), in the
    room left in its frame, keeping room for the flowables that must follow it there
    (`below`); nothing at all when that room is under `least` or the handout's one
    question area is already placed."""

    _ZEROSIZE = True  # with no room it is not there: the spaces around it collapse
    _SPACETRANSFER = True

    def __init__(self, theme: Theme, once: Questions, *, least: float | None = None,
                 below: Sequence[Flowable] = (), before: Sequence[Flowable] = (),
                 frames: Collection[str] = ()) -> None:
        """`before`: a unit kept whole that follows; the box takes room only where that
        unit does not fit and moves on to the next page (the room it leaves). `frames`:
        the frames it may take room in (a sheet's right column), if not any."""
        super().__init__()
        self.theme, self.once, self.below = theme, once, list(below)
        self.before, self.frames = list(before), set(frames)
        self.rule = theme.body_size * 2.0  # handwriting needs about 2 lines of print
        self.least = least if least is not None else self.rule * 4
        self.height = 0.0
        self.above = theme.gap(0.8)  # inside its height: clear of the box above it
        self.structure = Element("P")

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        under = 0.0
        if self.below:  # what follows, with the space above it and under its last line
            under = stack_height(self.below, avail_width) + self.below[0].getSpaceBefore() \
                + self.below[-1].getSpaceAfter()
        room = avail_height - under - SLACK - self.theme.gap(0.6)
        if self.before and stack_height(self.before, avail_width) <= avail_height:
            room = 0.0  # the unit fits here: no room is left to fill
        frame = getattr(getattr(self, "_frame", None), "id", None)
        if self.frames and frame not in self.frames:
            # Not its frame: where what follows goes on to the next frame anyway, so does
            # the box (it splits into nothing), to take the room above it there.
            self.width, self.height = avail_width, 0.0
            return avail_width, (avail_height + 1 if under > avail_height else 0.0)
        self.width = avail_width
        fits = room - self.above >= self.least and not self.once.placed
        self.height = room if fits else 0.0
        return avail_width, self.height

    def drawn_box(self) -> tuple[float, float, float, float] | None:
        """The box it draws from where it is drawn, its border's ink included (x, y, width,
        height; boxes keep apart: layout/proof_boxes.py); None where it takes no room."""
        return (-0.5, -0.5, self.width + 1, self.height - self.above + 1) if self.height \
            else None

    def draw(self) -> None:
        if not self.height:
            return
        self.once.placed = True
        canv, theme = self.canv, self.theme
        size = theme.body_size
        box = self.height - self.above
        # The title as any box title is set: in the language's fonts, broken by its rules,
        # never ending on one word; its first baseline 1.5 sizes under the box's top.
        style = ParagraphStyle("notes_title", fontName=theme.bold, fontSize=size,
                               leading=size * 1.3, textColor=INK, fontChain=theme.chain,
                               wordWrap=theme.style("body").wordWrap)
        room = self.width - size * 1.2
        title = Paragraph(runt_free(theme.text("notes_title"), style, room), style)
        title.wrap(room, box)
        with marked(canv, self.structure):
            title.drawOn(canv, size * 0.6, box - size * 0.5 - title.height)
        y = box - size * 1.5 - len(title.blPara.lines) * size * 1.3
        with marked(canv, LAYOUT):
            canv.setStrokeColor(MUTED)
            canv.setLineWidth(1)
            canv.roundRect(0, 0, self.width, box, radius=6, stroke=1, fill=0)
            canv.setLineWidth(0.6)
            y += size * 1.3 - self.rule
            while y > self.rule * 0.4:
                canv.line(size * 0.6, y, self.width - size * 0.6, y)
                y -= self.rule


def fits_a_page(flowables: list[Flowable], theme: Theme, page: float) -> bool:
    return stack_height(flowables, theme.frame_width) <= page


class CoverIcon(Flowable):  # type: ignore[misc]
    """The cover's icon, as large as the room left on the cover allows (within limits),
    keeping room for the flowable that follows it (`below`)."""

    def __init__(self, icon: Icon, theme: Theme, *, least: float, most: float,
                 below: Flowable | None = None) -> None:
        super().__init__()
        self.icon, self.theme, self.least, self.most = icon, theme, least, most
        self.below = below
        self.size = 0.0
        self.structure = Element("Figure", alt=icon.alt) if icon.alt else None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        under = 0.0
        if self.below is not None:
            under = stack_height([self.below], avail_width, self.canv)
        room = min(avail_height - under - SLACK - self.theme.gap(0.6), avail_width, self.most)
        self.size = room if room >= self.least else 0.0
        self.width = avail_width
        return avail_width, self.size

    def draw(self) -> None:
        if not self.size:
            return
        with marked(self.canv, self.structure or LAYOUT):
            draw_icon(self.canv, self.icon.name, self.theme.primary,
                      at=((self.width - self.size) / 2, 0), size=self.size)
