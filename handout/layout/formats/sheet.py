"""The one-sheet: one sheet of paper, both sides (2 pages) in two columns. Side 1: the
title across the top, key points, the main sections, the contact box, sources and review
dates. Side 2, the side to act on: "My plan" and "When to get help"."""

from __future__ import annotations

from typing import ClassVar

from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    FrameBreak,
    PageBreak,
    PageTemplate,
)

from handout.input.model import Document
from handout.layout.band import BAND_HEIGHT, draw_band
from handout.layout.closing import contact_flowables, review_flowables, sources_flowables
from handout.layout.cover import key_points_box, title_block
from handout.layout.formats import panels as geometry
from handout.layout.formats.base import Format
from handout.layout.formats.fillers import LEAST_GAP, NotesBox, planned, stack_height
from handout.layout.formats.fitting import Step
from handout.layout.formats.parts import Parts, body_zone
from handout.layout.formats.zones import Layout, Zone
from handout.layout.help_panel import help_flowables
from handout.layout.page import Mark, draw_footer
from handout.layout.plan import plan_flowables
from handout.layout.theme import Theme
from handout.layout.when import When
from handout.pdf import FOOTER, HEADER, marked


class Sheet(Format):
    """One sheet of the paper, both sides, in two columns."""

    name, label, drops_plan_extra = "sheet", "sheet", True
    zone_names: ClassVar[dict[str, str]] = {"sheet": "the two sides"}

    def geometry_theme(self, paper: str) -> dict[str, object]:
        return {"column": geometry.sheet_column(paper), "margin": geometry.SHEET_SIDE}

    def layout(self, doc: Document, theme: Theme, parts: Parts, step: Step,
               logo: Drawing | None) -> Layout:
        return _sheet(doc, theme, parts, logo)


def _sheet(doc: Document, theme: Theme, parts: Parts, logo: Drawing | None) -> Layout:
    title = title_block(doc, theme)
    width = theme.page_size[0] - 2 * geometry.SHEET_SIDE
    head = stack_height(title, width) + 2
    geo = geometry.sheet(theme.paper, BAND_HEIGHT, head, theme.top_margin,
                         theme.bottom_margin)
    body, marks = body_zone(doc, theme, parts, sources=False, intro=False)
    # The plan opens the second side (the side to act on and keep for the next visit),
    # never split over the turn of the sheet; contact, sources and review close the first.
    column = geo.slots[1].height
    turn: list[Flowable] = [When(lambda page, _height: page == 1, [
        NotesBox(theme, least=column * LEAST_GAP), PageBreak()])] if doc.plan or doc.help else []
    story: list[Flowable] = [*title, FrameBreak(), *planned([
        key_points_box(doc, theme), *body, *contact_flowables(doc.clinic, theme),
        *sources_flowables(doc, theme), *review_flowables(doc, theme), *turn,
        *plan_flowables(parts.plan(doc), theme), *help_flowables(doc.help, theme, whole=False),
        ], theme, column), Mark("end:sheet"), NotesBox(theme)]
    zones = [Zone("sheet", 0, 4, marks, loc=("sections",))]
    return Layout(geo, _templates(geo, theme, doc, logo), story, zones)


def _templates(geo: geometry.Geometry, theme: Theme, doc: Document,
               logo: Drawing | None) -> list[PageTemplate]:
    def footer(canv: Canvas, _doc: BaseDocTemplate) -> None:
        with marked(canv, FOOTER):
            draw_footer(canv, theme, doc.clinic, canv.getPageNumber())

    def first(canv: Canvas, doc_: BaseDocTemplate) -> None:
        with marked(canv, HEADER):
            draw_band(canv, theme, doc.clinic, logo)
        footer(canv, doc_)

    return [PageTemplate("first", geo.frames(0), onPage=first, autoNextPageTemplate="later"),
            PageTemplate("later", geo.frames(1), onPage=footer)]
