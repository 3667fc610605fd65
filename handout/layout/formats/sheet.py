"""The one-sheet: one sheet of paper, both sides (2 pages) in two columns. Side 1: the
title across the top, key points and the main sections. Side 2, the side to act on: "My
plan", "When to get help", the contact details, and at its foot the sources, review
dates and disclaimer (../shared/print-formats.md)."""

from __future__ import annotations

from typing import ClassVar

from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    FrameBreak,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
)

from handout.input.model import Document
from handout.layout.band import BAND_HEIGHT, BAND_INSET, draw_band
from handout.layout.closing import contact_flowables, review_flowables, sources_flowables
from handout.layout.cover import key_points_box, title_block
from handout.layout.footer import draw_footer, footer_note
from handout.layout.formats import panels as geometry
from handout.layout.formats.base import Format
from handout.layout.formats.fillers import Questions, QuestionsBox
from handout.layout.formats.fitting import Step
from handout.layout.formats.parts import Parts, body_zone
from handout.layout.formats.zones import Extents, Layout, Zone
from handout.layout.help_panel import help_flowables
from handout.layout.icons import IconBeside
from handout.layout.measure import flat, stack_height
from handout.layout.page import Mark
from handout.layout.plan import plan_flowables
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import FOOTER, HEADER, marked


class Sheet(Format):
    """One sheet of the paper, both sides, in two columns."""

    name, label, drops_plan_extra = "sheet", "sheet", True
    page_footer = True
    zone_names: ClassVar[dict[str, str]] = {"side1": "the first side",
                                            "side2": "the second side", "sides": "the sheet"}

    def geometry_theme(self, paper: str) -> dict[str, object]:
        return {"column": geometry.sheet_column(paper), "margin": geometry.SHEET_SIDE}

    def layout(self, doc: Document, theme: Theme, parts: Parts, step: Step,
               logo: Drawing | None) -> Layout:
        return _sheet(doc, theme, parts, logo)

    def frame_name(self, page: int, frame: str) -> str:
        return f"side {page}" if frame == "head" else f"side {page}, {frame} column"


# The share of a side's two columns its blocks can fill: a block kept whole that does not
# fit a column's foot leaves that room behind.
SIDE_USE = 0.9


def _sheet(doc: Document, theme: Theme, parts: Parts, logo: Drawing | None) -> Layout:
    title = title_block(doc, theme)
    width = theme.page_size[0] - 2 * geometry.SHEET_SIDE
    head = stack_height(title, width) + 2
    geo = geometry.sheet(theme.paper, BAND_HEIGHT, head, theme.top_margin,
                         theme.bottom_margin)
    body, marks = body_zone(doc, theme, parts, sources=False, intro=False)
    # Side 1 is what a person picks up and reads; side 2, the side to act on and keep,
    # runs the plan (whole), the help panel (each tier whole), the contact details, and at
    # its foot the sources, review dates and disclaimer, with the one question area above
    # them. Where side 2 cannot hold that back matter, it closes side 1 instead, at the
    # foot of its last column (back matter last, never at the top of a side).
    closing = [*sources_flowables(doc, theme), *review_flowables(doc, theme)]
    plan = plan_flowables(parts.plan(doc), theme)
    # The contact box apart from the help panel's last tier by what parts the tiers: boxes
    # never touch, even in a column with no room to spread.
    contact = contact_flowables(doc.clinic, theme)
    side2 = [*([KeepTogether(flat(plan))] if plan else []),
             *help_flowables(doc.help, theme, whole=False), Spacer(1, theme.gap(0.4) + 4),
             *contact]
    room = 2 * geo.slots[3].height * SIDE_USE
    foot, end1 = (closing, []) if stack_height([*side2, *closing], geo.slots[3].width) <= room \
        else ([], closing)
    once = Questions()
    if not plan and doc.help is None:
        # Nothing to act on but the contact details: the sections run on over both sides,
        # and the contact box, the question area and the back matter close side 2.
        story: list[Flowable] = [
            *title, FrameBreak(), key_points_box(doc, theme), *body, *contact,
            QuestionsBox(theme, once, below=closing), *closing, Mark("end:sides")]
        return Layout(geo, _templates(geo, theme, doc, logo), story,
                      [Zone("sides", 0, 4, marks, loc=("sections",))],
                      above={(1, "right"): _beside_title(title, geo, theme)})
    # Where the back matter closes side 1, the question area above it takes the room its
    # right column has left (side 2 has none).
    ask = [QuestionsBox(theme, once, below=end1, frames={"right"})] if end1 else []
    story = [
        *title, FrameBreak(), key_points_box(doc, theme), *body, *ask, *end1,
        Mark("end:side1"), PageBreak(), Mark("start:side2", loc=("plan",)), *side2,
        QuestionsBox(theme, once, below=foot), *foot, Mark("end:side2")]
    zones = [Zone("side1", 0, 2, marks, loc=("sections",)),
             Zone("side2", 3, 4, loc=("plan",))]
    above = {(1, "right"): _beside_title(title, geo, theme)}
    return Layout(geo, _templates(geo, theme, doc, logo), story, zones, above=above)


def _beside_title(title: list[Flowable], geo: geometry.Geometry, theme: Theme
                  ) -> tuple[float, Extents]:
    """Side 1's right column as a printed page is read (tests/proof/pages.py) starts at the
    band's foot: the room from there to the column's top, and where in it a line of the
    title (laid out) reaches far enough into the page's right half to count for it."""
    mid, head = theme.page_size[0] / 2, geo.slots[0]
    y = theme.top_margin - (0.0 if theme.bleed else BAND_INSET)  # the band's foot to the title
    top, printed = y, []
    for n, f in enumerate(title):
        y += f.getSpaceBefore() if n else 0.0
        lead = f.size + f.gap if isinstance(f, IconBeside) else 0.0
        body = f.body if isinstance(f, IconBeside) else f
        if isinstance(body, Paragraph):
            leading = body.style.leading
            printed += [(y + i * leading, y + (i + 1) * leading)
                        for i, w in enumerate(body.getActualLineWidths0())
                        if head.x + lead + w - mid >= 0.5 * min(w, mid)]
        y += f.wrap(head.width, head.height)[1] + f.getSpaceAfter()
    return top + head.height, tuple(printed)


def _templates(geo: geometry.Geometry, theme: Theme, doc: Document,
               logo: Drawing | None) -> list[PageTemplate]:
    def footer(canv: Canvas, _doc: BaseDocTemplate) -> None:
        with marked(canv, FOOTER):
            draw_footer(canv, theme, doc.clinic, canv.getPageNumber(), footer_note(doc, theme))

    def first(canv: Canvas, doc_: BaseDocTemplate) -> None:
        with marked(canv, HEADER):
            draw_band(canv, theme, doc.clinic, logo)
        footer(canv, doc_)

    return [PageTemplate("first", geo.frames(0), onPage=first, autoNextPageTemplate="later"),
            PageTemplate("later", geo.frames(1), onPage=footer)]
