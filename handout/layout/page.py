"""Page furniture: the document's page templates, the footer on every page, bookmarks, and
the marks fitting reads (the header band is band.py)."""

from __future__ import annotations

from io import BytesIO
from types import SimpleNamespace
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import black
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from handout.common.errors import LayoutFitError
from handout.input.clinic import Clinic
from handout.layout.band import BAND_HEIGHT, draw_band
from handout.layout.floats import Floats
from handout.layout.spread import Gap
from handout.layout.theme import FOOTER_SIZE, MUTED, REGULAR, Theme
from handout.pdf import FOOTER, HEADER, TaggingCanvas, marked

PAGE_LABEL_ROOM = 80.0  # "Page 10 of 12" at 10 pt, with a gap
TOTAL_FORM = "handout-page-total"
CROP_BORDER = 36.0  # print-shop sheet margin around the trim, where the crop marks sit
FOOTER_EDGE = 0.5 * inch  # nothing in the footer comes nearer the paper's edge than this


class HandoutTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Two page templates (first page under the band, later pages) and a bookmark per heading."""

    def __init__(self, target: BytesIO, theme: Theme, clinic: Clinic, logo: Drawing | None,
                 templates: list[PageTemplate] | None = None, **meta: Any) -> None:
        """`templates`: a rack format's pages (layout/formats); None: the document's."""
        height = theme.page_size[1]
        super().__init__(
            target, pagesize=theme.page_size, leftMargin=theme.margin,
            rightMargin=theme.margin, topMargin=theme.top_margin,
            bottomMargin=theme.bottom_margin, invariant=1, initialFontName=REGULAR,
            initialFontSize=theme.body_size, **meta,
        )
        self.theme, self.clinic, self.logo = theme, clinic, logo
        if theme.bleed:
            self._print_shop_boxes(theme)
        self._bookmarks = 0
        self.refused: LayoutFitError | None = None  # see handle_pageBegin
        self.marks: dict[str, Mark] = {}
        self.frame_left: dict[tuple[int, str], float] = {}
        self.floats = Floats()
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

    def build(self, *args: Any, **kwargs: Any) -> None:
        self.refused = None
        try:
            super().build(*args, **kwargs)
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
        if frame is None or not self.floats.next(flowables, self.page, frame, self.canv):
            super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        if isinstance(flowable, Mark | Gap):
            flowable.page, flowable.frame = self.page, self.frame.id
        if isinstance(flowable, Mark):
            self.marks[flowable.key] = flowable
        # The height left in this frame so far: at its last flowable, what it left unused
        # (ReportLab's frame keeps its current point and its bottom in these two).
        frame = self.frame
        if frame is not None:
            self.frame_left[(self.page, frame.id)] = frame._y - frame._y1p
        title = getattr(flowable, "outline_title", None)
        if title:
            key = f"h{self._bookmarks}"
            self._bookmarks += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=getattr(flowable, "outline_level", 0))

    # Tagged, band and footer are page furniture (artifacts): the footer repeats the
    # clinic's name and contact on every page; the band's logo is a Figure of its own.
    def _first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        with marked(canv, HEADER):
            draw_band(canv, self.theme, self.clinic, self.logo)
        self._footer(canv, doc)

    def _footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        with marked(canv, FOOTER):
            draw_footer(canv, self.theme, self.clinic, canv.getPageNumber())


class Mark(Flowable):  # type: ignore[misc]
    """An invisible point in the story that remembers where it was laid out: the page
    (from 1), the frame's id and the height left in the frame under it. Fitting reads
    these to tell whether each part stayed in its own pages or panels."""

    # ReportLab's flags for a flowable that takes no room: the space after the flowable
    # before it still collapses with the space before the one after it.
    _ZEROSIZE = True
    _SPACETRANSFER = True

    def __init__(self, key: str, *, floats_pass: bool = False) -> None:
        """`floats_pass`: a held-back figure may be placed after it (a section's start;
        not a zone's end, layout/floats.py)."""
        super().__init__()
        self.key, self.floats_pass = key, floats_pass
        self.page, self.frame, self.left = 0, "", 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.left = avail_height
        return 0, 0

    def draw(self) -> None:
        pass


class FooterCanvas(TaggingCanvas):
    """A canvas that writes the page total once, as a form every footer refers to.

    The total is only known when the document is saved, and a form avoids a second
    layout pass (or the state-copying canvas that breaks bookmarks).
    """

    def save(self) -> None:
        total = self.getPageNumber() - (0 if self._code else 1)
        self.beginForm(TOTAL_FORM)
        self.setFont(REGULAR, FOOTER_SIZE)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


def draw_footer(canv: Canvas, theme: Theme, clinic: Clinic, page: int) -> None:
    """Clinic, phone, website and "Page X of Y" on a thin rule; 10 pt, the smallest text.
    One line, or two planned lines (footer_lines); never a line run past its room."""
    width, _ = theme.page_size
    lines = footer_lines(clinic, footer_text_room(theme))
    if lines is None:
        field, message = footer_problem(clinic, theme)
        raise LayoutFitError(("clinic", field), message)
    leading = FOOTER_SIZE * 1.25
    # The lowest line's descenders stay FOOTER_EDGE above the paper's edge, which office
    # printers do not reach; `y` is the first line's baseline.
    y = FOOTER_EDGE - pdfmetrics.getDescent(REGULAR, FOOTER_SIZE) + (len(lines) - 1) * leading
    canv.saveState()
    canv.setStrokeColor(theme.primary)
    canv.setLineWidth(0.8)
    canv.line(theme.margin, y + 14, width - theme.margin, y + 14)
    canv.setFillColor(MUTED)
    canv.setFont(REGULAR, FOOTER_SIZE)
    for i, line in enumerate(lines):
        canv.drawString(theme.margin, y - i * leading, line)
    label = theme.text("page_of", page=page)
    x = width - theme.margin - canv.stringWidth(label + "00", REGULAR, FOOTER_SIZE)
    canv.drawString(x, y, label)
    canv.translate(x + canv.stringWidth(label, REGULAR, FOOTER_SIZE), y)
    canv.doForm(TOTAL_FORM)
    canv.restoreState()


DOT = "  \u00b7  "


def footer_plans(clinic: Clinic) -> list[list[list[tuple[str, str]]]]:
    """The footer's possible layouts, best first: each a list of lines, each line the
    (field, text) pairs it joins with dots. The name is the short name, if any."""
    name = ("short_name" if clinic.short_name else "name", clinic.short)
    phone = ("phone", clinic.phone)
    web = ("website_label" if clinic.website_label else "website", clinic.website_text)
    return [[[name, phone, web]], [[name, phone], [web]], [[name], [phone, web]]]


def footer_lines(clinic: Clinic, room: float) -> list[str] | None:
    """Name, phone and website on one line, or on two planned lines, each within `room`;
    None when no plan fits."""
    for plan in footer_plans(clinic):
        lines = [DOT.join(text for _, text in line) for line in plan]
        if all(pdfmetrics.stringWidth(line, REGULAR, FOOTER_SIZE) <= room for line in lines):
            return lines
    return None


def footer_problem(clinic: Clinic, theme: Theme) -> tuple[str, str]:
    """For a footer no plan fits: the field to blame and what to do. The plan that runs
    over least decides; on its longest line, the widest field is the one to shorten."""
    room = footer_text_room(theme)

    def width(line: list[tuple[str, str]]) -> float:
        return float(pdfmetrics.stringWidth(DOT.join(t for _, t in line), REGULAR,
                                            FOOTER_SIZE))

    plan = min(footer_plans(clinic), key=lambda p: max(width(line) for line in p))
    line = max(plan, key=width)
    field, _ = max(line, key=lambda f: pdfmetrics.stringWidth(f[1], REGULAR, FOOTER_SIZE))
    over = width(line) - room
    hint = {"name": "add short_name: or shorten it", "website": "add a shorter "
            "website_label: (e.g. the domain alone) or shorten it"}.get(field, "shorten it")
    paper = {"a4": "A4"}.get(theme.paper, theme.paper)
    joined = " · ".join(t for _, t in line)
    return field, (f"too long for the footer: on {paper} paper its line "
                   f"\"{joined}\" runs {over:.0f} pt past the "
                   f"room at {FOOTER_SIZE:g} pt, even with the footer on two lines; {hint}")


def footer_text_room(theme: Theme) -> float:
    """The footer's width for text: the page's between its margins, less "Page X of Y"."""
    return float(theme.page_size[0] - 2 * theme.margin - PAGE_LABEL_ROOM)
