"""Planned empty space: what fills the rest of a page or panel once its text is placed.

A page a quarter empty looks unfinished (../shared/print-formats.md); a designer fills
it on purpose. These flowables take the height left in their frame, or nothing when too
little is left to be worth it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from io import BytesIO

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, FrameBreak, KeepTogether, PageBreak
from reportlab.platypus.flowables import _listWrapOn  # KeepTogether's own measure

from handout.input.fields import Icon
from handout.layout.icons import draw_icon
from handout.layout.theme import BOLD, INK, MUTED, Theme
from handout.pdf import LAYOUT, Element, marked

SLACK = 2.0  # points left unused, so rounding never pushes the filler to the next frame
# A gap this share of a frame or more gets lines to write on: under the 25 % a page may
# be left empty, with a margin for the space around the box.
LEAST_GAP = 0.2


class NotesBox(Flowable):  # type: ignore[misc]
    """A box of ruled lines to write on, headed "Questions for my care team" the first
    time in a handout and "Notes" after that (the same heading over and over would read
    as filler)."""

    # Often nothing at all: then the spaces around it collapse as if it were not there.
    _ZEROSIZE = True
    _SPACETRANSFER = True

    def __init__(self, theme: Theme, least: float | None = None, *, plain: bool = False
                 ) -> None:
        """`plain`: always headed "Notes" (a box read last, though drawn first)."""
        super().__init__()
        self.theme, self.plain = theme, plain
        self.rule = theme.body_size * 2.0  # handwriting needs about 2 lines of print
        self.least = least if least is not None else self.rule * 3.5
        self.height = 0.0
        self.structure = Element("P")

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        room = avail_height - SLACK - self.theme.gap(0.6)
        self.width = avail_width
        self.height = room if room >= self.least else 0.0
        return avail_width, self.height

    def _title_lines(self, title: str) -> list[str]:
        """The title, wrapped to the box (a long title in a narrow panel)."""
        size = self.theme.body_size
        lines: list[str] = simpleSplit(title, BOLD, size, self.width - size * 1.2)
        return lines

    def draw(self) -> None:
        if not self.height:
            return
        canv, theme = self.canv, self.theme
        size = theme.body_size
        y = self.height - size * 1.5
        # The canvas is this handout's own: it remembers whether a notes box came before.
        first = not self.plain and not getattr(canv, "notes_drawn", False)
        canv.notes_drawn = getattr(canv, "notes_drawn", False) if self.plain else True
        title = theme.text("notes_title" if first else "notes_more")
        with marked(canv, self.structure):
            canv.setFillColor(INK)
            canv.setFont(BOLD, size)
            for line in self._title_lines(title):
                canv.drawString(size * 0.6, y, line)
                y -= size * 1.3
        with marked(canv, LAYOUT):
            canv.setStrokeColor(MUTED)
            canv.setLineWidth(1)
            canv.roundRect(0, 0, self.width, self.height, radius=6, stroke=1, fill=0)
            canv.setLineWidth(0.6)
            y += size * 1.3 - self.rule
            while y > self.rule * 0.4:
                canv.line(size * 0.6, y, self.width - size * 0.6, y)
                y -= self.rule


class KeepWhole(KeepTogether):  # type: ignore[misc]
    """A KeepTogether that, where it moves on to the next page or panel and so leaves
    `least` points or more of this one empty, leaves lines to write on there instead.

    ReportLab's own KeepTogether decides whether the block moves (its split starts with
    a frame break); this only adds the notes box before that break.
    """

    def __init__(self, flowables: Sequence[Flowable], theme: Theme, least: float) -> None:
        # A KeepTogether inside another would always start a new page: keep one level.
        super().__init__(_flat(flowables))
        self.theme, self.least = theme, least

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)
        moves = bool(parts) and isinstance(parts[0], type(FrameBreak))
        if moves and avail_height - SLACK - self.theme.gap(0.6) >= self.least:
            notes = NotesBox(self.theme, least=self.least)
            notes.structure.parent = _part_placed(self._content)
            return [notes, *parts]
        return parts


def _part_placed(flowables: Sequence[Flowable]) -> Element | None:
    """The outermost part (below the document) that `flowables` belong to, if it already
    has its place in the reading order (a tri-fold's parts get theirs before any page is
    drawn), so a notes box before them is read where it stands; else None."""
    element = next((f.structure for f in _flat(flowables)
                    if isinstance(getattr(f, "structure", None), Element)), None)
    while element is not None and element.parent is not None and \
            element.parent.parent is not None:
        element = element.parent
    return element if element is not None and element.placed else None


def stack_height(flowables: Sequence[Flowable], width: float,
                 canv: Canvas | None = None) -> float:
    """The height these flowables take one under another at the top of a frame (a
    KeepTogether: its content), measured as ReportLab's KeepTogether measures its own:
    with its list measure, which collapses the space between them as a frame does."""
    height: float = _listWrapOn(_flat(flowables), width, canv or _scratch())[1]
    return height


@cache
def _scratch() -> Canvas:
    """A canvas to measure on, never saved."""
    return Canvas(BytesIO())


def _flat(flowables: Sequence[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    for f in flowables:
        out += _flat(f._content) if isinstance(f, KeepTogether) else [f]
    return out


def fits_a_page(flowables: list[Flowable], theme: Theme, page: float) -> bool:
    return stack_height(flowables, theme.frame_width) <= page


def planned(flowables: list[Flowable], theme: Theme, frame: float) -> list[Flowable]:
    """Each block that must stay whole (a KeepTogether at the top of `flowables`) as a
    KeepWhole for frames `frame` points tall: where one moves on and leaves a quarter of
    the frame empty, that room gets lines to write on. Each page break gets them too."""
    out: list[Flowable] = []
    for f in flowables:
        if isinstance(f, KeepTogether) and not isinstance(f, KeepWhole):
            out.append(KeepWhole(f._content, theme, frame * LEAST_GAP))
        elif isinstance(f, PageBreak):
            out += [NotesBox(theme, least=frame * LEAST_GAP), f]
        else:
            out.append(f)
    return out


def on_one_page(flowables: list[Flowable], theme: Theme, page: float) -> list[Flowable]:
    """`flowables` on one page: on the next when they do not fit this one, the room they
    leave planned as lines to write on when a quarter of the page or more."""
    return [KeepWhole(flowables, theme, page * LEAST_GAP)]


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
