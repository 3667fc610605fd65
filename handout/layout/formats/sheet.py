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
)

from handout.input.model import Document
from handout.layout.band import BAND_HEIGHT, draw_band
from handout.layout.closing import contact_flowables, review_flowables, sources_flowables
from handout.layout.cover import key_points_box, title_block
from handout.layout.footer import draw_footer, footer_note
from handout.layout.formats import panels as geometry
from handout.layout.formats.base import Format
from handout.layout.formats.fillers import Questions, QuestionsBox
from handout.layout.formats.fitting import Step
from handout.layout.formats.parts import Parts, body_zone
from handout.layout.formats.zones import Layout, Zone
from handout.layout.help_panel import help_flowables
from handout.layout.measure import flat, stack_height
from handout.layout.page import Mark
from handout.layout.plan import plan_flowables
from handout.layout.theme import Theme
from handout.pdf import FOOTER, HEADER, marked


class Sheet(Format):
    """One sheet of the paper, both sides, in two columns."""

    name, label, drops_plan_extra = "sheet", "sheet", True
    page_footer = True
    zone_names: ClassVar[dict[str, str]] = {"side1": "the first side",
                                            "side2": "the second side"}

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
    side2 = [*([KeepTogether(flat(plan))] if plan else []),
             *help_flowables(doc.help, theme, whole=False), *contact_flowables(doc.clinic, theme)]
    room = 2 * geo.slots[3].height * SIDE_USE
    foot, end1 = (closing, []) if stack_height([*side2, *closing], geo.slots[3].width) <= room \
        else ([], closing)
    story: list[Flowable] = [
        *title, FrameBreak(), key_points_box(doc, theme), *body, *end1, Mark("end:side1"),
        PageBreak(), Mark("start:side2", loc=("plan",)), *side2,
        QuestionsBox(theme, Questions(), below=foot), *foot, Mark("end:side2")]
    zones = [Zone("side1", 0, 2, marks, loc=("sections",)),
             Zone("side2", 3, 4, loc=("plan",))]
    return Layout(geo, _templates(geo, theme, doc, logo), story, zones)


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
