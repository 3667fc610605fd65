"""Where the text may go on each page of a rack format: pages, panels and folds.

Facts from ../shared/print-formats.md. A tri-fold's tuck-in panel is the narrow one: on
the outside side it is the flap at the left, on the inside side the panel at the right
(the sheet turns over on its short edge, which mirrors the panels).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, A5, LETTER, landscape
from reportlab.lib.units import inch, mm
from reportlab.platypus import Frame

PANEL_PAD = 0.35 * inch  # a panel's text keeps this far from its folds and the trim
BOOKLET_MARGIN = 0.55 * inch
BOOKLET_FOOT = 0.8 * inch  # room for the page number under the text
SHEET_SIDE = 0.45 * inch  # a sheet's side margins
SHEET_GUTTER = 0.28 * inch  # between a sheet's two columns

# Panel widths left to right on the inside side; the outside side is their mirror.
TRIFOLD_PANELS = {"letter": (3.6875 * inch, 3.6875 * inch, 3.625 * inch),
                  "a4": (100 * mm, 100 * mm, 97 * mm)}
PAPERS = {"letter": LETTER, "a4": A4}
# Half a Letter sheet; A5 itself (148 mm, half a millimetre under half of A4: imposed, it
# sits centred on its half of the A4 sheet).
BOOKLET_PAGES = {"letter": (LETTER[1] / 2, LETTER[0] * 1.0), "a4": (float(A5[0]), float(A5[1]))}


@dataclass(frozen=True)
class Slot:
    """One frame the text flows through: frame `name` (a panel, or the page) on page
    `page` (from 0)."""

    name: str
    page: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Geometry:
    """A format's page size, its text frames in flow order, and its fold lines."""

    page: tuple[float, float]
    slots: tuple[Slot, ...]
    folds: tuple[tuple[int, float], ...] = ()  # (page, x) of each vertical fold line

    @property
    def column(self) -> float:
        return min(slot.width for slot in self.slots)

    def on_page(self, page: int) -> list[Slot]:
        return [slot for slot in self.slots if slot.page == page]

    def frames(self, page: int) -> list[Frame]:
        """ReportLab's frames for page `page`, unpadded, named after their slots."""
        return [Frame(s.x, s.y, s.width, s.height, id=s.name, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0) for s in self.on_page(page)]

    def index(self, page: int, frame: str) -> int:
        """The place in flow order of frame `frame` on page `page` (from 0). A page past
        the format's last repeats the last page's frames (the story ran over), and a frame
        the page does not have (a booklet's inner page where the back cover belongs)
        counts as the page's first."""
        last = self.slots[-1].page
        names = [s.name for s in self.on_page(min(page, last))]
        before = sum(len(self.on_page(p)) for p in range(min(page, last)))
        before += max(0, page - last) * len(names)
        return before + (names.index(frame) if frame in names else 0)

    def depth(self, page: int, frame: str, left: float) -> float:
        """How far into the flow a point lies, in points of frame height: the frames
        before it (past the last, the last one's height again) and its own frame above it
        (`left`: the height under it)."""
        at = self.index(page, frame)
        heights = [s.height for s in self.slots]
        extra = max(0, at + 1 - len(heights))
        return sum(heights[:at + 1]) + extra * heights[-1] - left


def trifold(paper: str, band: float) -> Geometry:
    """Six panels: outside [flap | back cover | front cover], inside [left | middle | right].

    Text flows back cover, front cover, then flap and on across the inside side, so the
    flap's text may run on inside; the tagged reading order is set apart from this
    (layout/formats/trifold.py).
    """
    width, height = landscape(PAPERS[paper])
    inside = TRIFOLD_PANELS[paper]
    outside = tuple(reversed(inside))
    top, foot = PANEL_PAD + 0.05 * inch, PANEL_PAD + 0.1 * inch

    def slot(name: str, page: int, widths: tuple[float, ...], i: int, head: float = 0) -> Slot:
        left = sum(widths[:i])
        return Slot(name, page, left + PANEL_PAD, foot, widths[i] - 2 * PANEL_PAD,
                    height - top - foot - head)

    slots = (slot("back", 0, outside, 1), slot("front", 0, outside, 2, band),
             slot("flap", 0, outside, 0), slot("inside-left", 1, inside, 0),
             slot("inside-middle", 1, inside, 1), slot("inside-right", 1, inside, 2))
    folds = tuple((page, sum(widths[:i])) for page, widths in ((0, outside), (1, inside))
                  for i in (1, 2))
    return Geometry((width, height), slots, folds)


def booklet(paper: str, pages: int, band: float) -> Geometry:
    """Half-letter (or A5) pages, one frame each; page 1, the cover, has the band."""
    width, height = BOOKLET_PAGES[paper]
    m = BOOKLET_MARGIN
    frame = (m, BOOKLET_FOOT, width - 2 * m, height - m - BOOKLET_FOOT)
    slots = [Slot("cover", 0, frame[0], frame[1], frame[2], frame[3] - band)]
    slots += [Slot("inner", p, *frame) for p in range(1, pages - 1)]
    slots.append(Slot("back", pages - 1, *frame))
    return Geometry((width, height), tuple(slots))


def sheet_column(paper: str) -> float:
    """The width of each of a sheet's two columns."""
    column: float = (PAPERS[paper][0] - 2 * SHEET_SIDE - SHEET_GUTTER) / 2
    return column


def sheet(paper: str, band: float, head: float, top: float, foot: float) -> Geometry:
    """Two pages of the paper, each in two columns; on page 1 the title (`head` points
    tall) spans both columns under the band."""
    width, height = PAPERS[paper]
    m = SHEET_SIDE
    column = sheet_column(paper)
    right = m + column + SHEET_GUTTER
    tall = height - top - foot
    low = tall - band - head
    slots = (Slot("head", 0, m, foot + low, width - 2 * m, head),
             Slot("left", 0, m, foot, column, low), Slot("right", 0, right, foot, column, low),
             Slot("left", 1, m, foot, column, tall), Slot("right", 1, right, foot, column, tall))
    return Geometry((width, height), slots)
