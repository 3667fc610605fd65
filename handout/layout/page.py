"""Page furniture: the document's page templates, the footer on every page, bookmarks, and
the marks fitting reads (the header band is band.py)."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from types import SimpleNamespace
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)

from handout.common.errors import LayoutFitError
from handout.input.clinic import Clinic
from handout.input.loader import Loc
from handout.layout.band import BAND_HEIGHT, draw_band
from handout.layout.floats import Floats
from handout.layout.footer import draw_footer, draw_sample_mark
from handout.layout.placing import Block, Units, box_of, placed_at
from handout.layout.spread import Gap
from handout.layout.theme import REGULAR, Theme
from handout.pdf import FOOTER, HEADER, marked

CROP_BORDER = 36.0  # print-shop sheet margin around the trim, where the crop marks sit


class HandoutTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Two page templates (first page under the band, later pages) and a bookmark per heading."""

    def __init__(self, target: BytesIO, theme: Theme, clinic: Clinic, logo: Drawing | None,
                 templates: list[PageTemplate] | None = None, *,
                 sample: Callable[[int], float] | None = None, **meta: Any) -> None:
        """`templates`: a rack format's pages (layout/formats); None: the document's.
        `sample`: for a handout that still holds placeholders, where on page N (from 1) the
        "SAMPLE – not for patients" mark is centred; None: no mark."""
        height = theme.page_size[1]
        super().__init__(
            target, pagesize=theme.page_size, leftMargin=theme.margin,
            rightMargin=theme.margin, topMargin=theme.top_margin,
            bottomMargin=theme.bottom_margin, invariant=1, initialFontName=REGULAR,
            initialFontSize=theme.body_size, **meta,
        )
        self.theme, self.clinic, self.logo = theme, clinic, logo
        self.sample = sample
        self.footer_note = ""  # a draft translation's (footer.footer_note)
        if theme.bleed:
            self._print_shop_boxes(theme)
        self._bookmarks = 0
        self.refused: LayoutFitError | None = None  # see handle_pageBegin
        self.marks: dict[str, Mark] = {}
        self.frame_left: dict[tuple[int, str], float] = {}
        self.frame_height: dict[tuple[int, str], float] = {}
        # What each frame printed: each block's extent, from the frame's top (points down).
        self.filled: dict[tuple[int, str], list[tuple[float, float]]] = {}
        self.frame_loc: dict[tuple[int, str], Loc] = {}  # the part laid out as it began
        # Where the next block starts: page, frame, the frame's point, whether at its top
        # and the space after the block above (see handle_flowable).
        self._before: tuple[int, str, float, bool, float] | None = None
        self.units = Units()  # the unit kept whole each block is part of (proof_boxes)
        self.floats = Floats()
        # Asked after each flowable placed, with the marks so far and the page and frame
        # it went in: whether this pass can stop there (a fitting pass that has run over:
        # the rest of its story would not change the answer).
        self.stop_if: Callable[[dict[str, Mark], tuple[int, str]], bool] | None = None
        self.stopped_at: tuple[int, str] | None = None
        self.story: list[Flowable] = []
        self.placed: list[Block] = []  # every block, as placed (layout/proof.py)
        self.loc: Loc = ()  # the part of the content being laid out (from the marks)
        if templates is not None:
            self.addPageTemplates(templates)
            return
        frame_h = height - theme.top_margin - theme.bottom_margin
        first = Frame(theme.margin, theme.bottom_margin, theme.frame_width,
                      frame_h - BAND_HEIGHT, id="first", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        later = Frame(theme.margin, theme.bottom_margin, theme.frame_width, frame_h,
                      id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("first", [first], onPage=self._first_page),
            PageTemplate("later", [later], onPage=self._footer),
        ])

    def _print_shop_boxes(self, theme: Theme) -> None:
        """Crop marks outside the trim, and TrimBox/BleedBox for the printer's RIP."""
        width, height = theme.page_size
        b = theme.bleed
        self.cropMarks = SimpleNamespace(borderWidth=CROP_BORDER, markLength=CROP_BORDER - 2 * b,
                                         markWidth=0.5, markColor=black, bleedWidth=0,
                                         markLast=1)
        self.trimBox = (CROP_BORDER, CROP_BORDER, CROP_BORDER + width, CROP_BORDER + height)
        self.bleedBox = (CROP_BORDER - b, CROP_BORDER - b, CROP_BORDER + width + b,
                         CROP_BORDER + height + b)

    # A band or footer that cannot fit raises LayoutFitError as the page begins; ReportLab
    # rewraps an error raised there (losing where it came from), so it is kept and raised
    # again as it was once the build stops.
    def handle_pageBegin(self) -> None:  # noqa: N802 (ReportLab's name)
        try:
            super().handle_pageBegin()
        except LayoutFitError as exc:
            self.refused = exc
            raise

    def beforePage(self) -> None:  # noqa: N802 (ReportLab's name)
        """After the page template's own furniture: the sample mark, on every page of
        every format (page furniture, like the footer)."""
        if self.sample is not None:
            with marked(self.canv, FOOTER):
                draw_sample_mark(self.canv, self.theme, self.sample(self.page))

    def build(self, flowables: list[Flowable], **kwargs: Any) -> None:
        """ReportLab's build, remembering the list it lays out from (see `stop_if`)."""
        self.refused = None
        self.story = flowables
        try:
            super().build(flowables, **kwargs)
        except Exception:
            if self.refused is not None:
                raise self.refused from None
            raise

    def story_start(self) -> list[Flowable]:
        """Flowables that must open every story: later pages use the plain template."""
        return [NextPageTemplate("later")]

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """ReportLab's, after a figure or picture that does not fit here is held back for
        the next frame (layout/floats.py)."""
        frame = getattr(self, "frame", None)  # none before the first page begins
        if frame is not None:  # where the next block starts (see afterFlowable)
            self._before = (self.page, frame.id, frame._y, bool(frame._atTop),
                            frame._prevASpace)
        if frame is None or not self.floats.next(flowables, self.page, frame, self.canv):
            self.units.begin(flowables)
            super().handle_flowable(flowables)
            self.units.end(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        if isinstance(flowable, Mark | Gap):
            flowable.page, flowable.frame = self.page, self.frame.id
        if isinstance(flowable, Mark):
            self.marks[flowable.key] = flowable
            if flowable.loc is not None:
                self.loc = flowable.loc
        elif self.frame is not None and not isinstance(flowable, ActionFlowable):
            self._place(flowable)
        # The height left in this frame so far: at its last flowable, what it left unused
        # (ReportLab's frame keeps its current point and its bottom in these two).
        frame = self.frame
        if frame is not None:
            where = (self.page, frame.id)
            self.frame_left[where] = frame._y - frame._y1p
            self.frame_height[where] = frame._height
            self.frame_loc.setdefault(where, self.loc)
            self._fill(flowable, where)
            if self.stop_if is not None and not isinstance(flowable, ActionFlowable) and \
                    self.stop_if(self.marks, (self.page, frame.id)):
                del self.story[:]  # ReportLab lays out from this list until it is empty
                self.stopped_at = (self.page, frame.id)
                # Nor is it saved as a PDF, which no one reads: ReportLab's own switch, as
                # its multiBuild sets for the passes it only measures.
                self._doSave = 0
        title = getattr(flowable, "outline_title", None)
        if title:
            key = f"h{self._bookmarks}"
            self._bookmarks += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=getattr(flowable, "outline_level", 0))

    def _place(self, flowable: Flowable) -> None:
        """Records a block just placed, where it printed and the box it draws (for a gap,
        the callout at its foot, if any): layout/proof.py."""
        frame, before = self.frame, self._before
        at = placed_at(flowable, frame, before[2:] if before is not None and
                       before[:2] == (self.page, frame.id) else None)
        pulled = isinstance(flowable, Gap)
        if pulled:  # the callout drawn at its foot, if any
            if flowable.callout is None or not flowable.callout_height:
                return
            flowable, at = flowable.callout, (*at[:2], at[2], flowable.callout_height)
        whole = (frame._x1, frame._y1, frame._width, frame._height)
        self.placed.append(Block(flowable, self.page, frame.id, frame._width, self.loc, at,
                                 whole, box_of(flowable, at), self.units.current, pulled))

    def _fill(self, flowable: Flowable, key: tuple[int, str]) -> None:
        """Where `flowable`, just placed, printed in its frame (layout/proof.py measures
        the frame's empty room from these): nothing for a space, a mark or a gap between
        blocks, except a callout drawn at a gap's foot."""
        if isinstance(flowable, ActionFlowable | Spacer | Mark):
            return
        frame = self.frame
        top_y = frame._y2 - frame._topPadding  # the frame's top
        bottom = frame._y + flowable.getSpaceAfter()
        before = self._before
        top = before[2] if before is not None and before[:2] == key else top_y
        if before is not None and before[:2] == key and not before[3]:
            top -= flowable.getSpaceBefore()
        if isinstance(flowable, Gap):
            top = bottom + flowable.callout_height
        if top - bottom > 0.5:
            self.filled.setdefault(key, []).append((top_y - top, top_y - bottom))

    # Tagged, band and footer are page furniture (artifacts): the footer repeats the
    # clinic's name and contact on every page; the band's logo is a Figure of its own.
    def _first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        with marked(canv, HEADER):
            draw_band(canv, self.theme, self.clinic, self.logo)
        self._footer(canv, doc)

    def _footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        with marked(canv, FOOTER):
            draw_footer(canv, self.theme, self.clinic, canv.getPageNumber(), self.footer_note)


class Mark(Flowable):  # type: ignore[misc]
    """An invisible point in the story that remembers where it was laid out: the page
    (from 1), the frame's id and the height left in the frame under it. Fitting reads
    these to tell whether each part stayed in its own pages or panels."""

    # ReportLab's flags for a flowable that takes no room: the space after the flowable
    # before it still collapses with the space before the one after it.
    _ZEROSIZE = True
    _SPACETRANSFER = True

    def __init__(self, key: str, *, floats_pass: bool = False, loc: Loc | None = None
                 ) -> None:
        """`floats_pass`: a held-back figure may be placed after it (a section's start;
        not a zone's end, layout/floats.py). `loc`: the part of the content that starts
        here, for what the page rules find (layout/proof.py)."""
        super().__init__()
        self.key, self.floats_pass, self.loc = key, floats_pass, loc
        self.page, self.frame, self.left = 0, "", 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.left = avail_height
        return 0, 0

    def draw(self) -> None:
        pass
