"""The tri-fold: one landscape sheet, two sides, three panels a side.

Outside side: flap | back cover (contact, QR code, sources, review) | front cover (clinic,
title, icon, key points). The flap holds one whole unit: the help panel, or where it is
too tall for it, "My plan" (the help panel then opens the inside). The sections run on
across the inside panels like columns. The text flows back, front, flap, inside; the
tagged reading order is front, flap and inside, back, as a reader meets them.
"""

from __future__ import annotations

from typing import ClassVar

from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
)

from handout.input.model import Document
from handout.layout.band import BAND_HEIGHT, draw_band
from handout.layout.closing import contact_flowables, review_flowables, sources_flowables
from handout.layout.cover import key_points_box, title_block
from handout.layout.formats import panels as geometry
from handout.layout.formats.base import Format
from handout.layout.formats.fillers import CoverIcon, Questions, QuestionsBox
from handout.layout.formats.fitting import FLOOR, LARGE_FLOOR, SPACINGS, Step
from handout.layout.formats.parts import Parts, body_zone
from handout.layout.formats.zones import Layout, Zone
from handout.layout.grown_qr import MOST_WIDTH, grown
from handout.layout.help_panel import help_flowables
from handout.layout.measure import stack_height
from handout.layout.page import Mark
from handout.layout.plan import plan_flowables
from handout.layout.spread import FILL_FROM
from handout.layout.theme import MUTED, Theme
from handout.pdf import HEADER, LAYOUT, group, marked

PANEL_NAMES = {"back": "the back cover", "front": "the front cover", "flap": "the flap",
               "inside-left": "the inside left panel", "inside-middle": "the inside middle panel",
               "inside-right": "the inside right panel"}
MARK_LENGTH = 0.15 * 72  # fold marks: short ticks at the sheet's top and bottom edges
MARK_EDGE = 0.2 * 72  # ... starting this far in, where an office printer still prints


class Trifold(Format):
    """One landscape sheet, two sides, three panels a side."""

    name, label, drops_plan_extra = "trifold", "tri-fold", True
    zone_names: ClassVar[dict[str, str]] = {
        "front": "the front cover panel", "back": "the back cover panel",
        "flap": "the flap", "inside": "the inside panels"}

    def geometry_theme(self, paper: str) -> dict[str, object]:
        geo = geometry.trifold(paper, 0)
        return {"page": geo.page, "column": geo.column, "margin": geometry.PANEL_PAD}

    def layout(self, doc: Document, theme: Theme, parts: Parts, step: Step,
               logo: Drawing | None) -> Layout:
        tightest = step.spacing == SPACINGS[-1] and step.body_size in (FLOOR, LARGE_FLOOR)
        return _trifold(doc, theme, parts, logo, tightest=tightest)

    def sample_centre(self, page: int, theme: Theme) -> float:
        """The sample mark goes under the front cover panel on the outside, and under the
        middle panel inside: the one a reader sees first on each side."""
        if page % 2 == 0:
            return theme.page_size[0] / 2
        front = geometry.trifold(theme.paper, 0).slots[1]
        return front.x + front.width / 2

    def frame_name(self, page: int, frame: str) -> str:
        return PANEL_NAMES.get(frame, frame)


def _trifold(doc: Document, theme: Theme, parts: Parts, logo: Drawing | None, *,
             tightest: bool = False) -> Layout:
    geo = geometry.trifold(theme.paper, BAND_HEIGHT + 12)
    front, key, inside_key = _front(doc, theme, geo.slots[1])
    sources = sources_flowables(doc, theme)
    closing = [*sources, *review_flowables(doc, theme)]
    back = [*contact_flowables(doc.clinic, theme), *closing]
    # Where the back cover cannot hold the review dates and disclaimer even at the
    # tightest step (text that runs longer than English), they close the inside panels,
    # as the document moves them after the references: moved only once the text is as
    # small as it goes, in a designer's order.
    moved: list[Flowable] = []
    if tightest and stack_height(back, geo.slots[0].width) > geo.slots[0].height:
        moved = [Mark("part:review", loc=("review",)), *review_flowables(doc, theme)]
        closing = sources
        back = [*contact_flowables(doc.clinic, theme), *closing]
    body, marks = body_zone(doc, theme, parts, sources=False, intro=False)
    plan = [KeepTogether(plan_flowables(parts.plan(doc), theme))] if doc.plan else []
    help_panel, flap = _flap(doc, plan, theme, geo.slots[2])
    if flap is plan:
        plan = []
    # The one question area goes under the flap's panel or beside the contact details,
    # whichever has more room; it takes that room when there is enough to write on.
    column = geo.slots[2].width  # the flap and the back cover are equally tall
    once = Questions()
    if flap and stack_height(flap, column) < stack_height(back, column):
        flap = [*flap, QuestionsBox(theme, once)]
        back = _grown(doc, theme, back, closing, geo.slots[0])
    else:
        back.insert(len(back) - len(closing), QuestionsBox(theme, once, below=closing))
    flap_loc: tuple[str | int, ...] = ("plan",) if help_panel else ("help",)
    # The plan located: a page rule it breaks names it (layout/proof.py).
    plan_mark = [Mark("part:plan", loc=("plan",))] if plan else []
    # Where the inside panels end with a quarter of the last one left, the question area
    # takes that room, if it has no place yet (the back cover is laid out first).
    rescue = QuestionsBox(theme, once, least=geo.slots[-1].height * FILL_FROM,
                          below=moved[1:])
    # Where the plan (kept whole) does not fit the room a panel has left, the question
    # area takes that room, if it has no place yet, and the plan opens the next panel;
    # unless the plan leaves that panel more room (measured before layout), which the
    # question area then takes, under it.
    before_plan = [QuestionsBox(theme, once, before=plan)] if plan else []
    if plan:
        after_plan = geo.slots[-1].height - stack_height(plan, geo.slots[-1].width)
        before_plan[0].least = max(before_plan[0].least, after_plan)
    inside = [*help_panel, *([key] if inside_key else []), *body, *plan_mark, *before_plan,
              *plan, rescue, *moved]
    order = [group("Div", part) for part in (front, [*flap, *inside], back)]
    story: list[Flowable] = [
        NextPageTemplate("inside"), Mark("start:back", loc=("references",)), *back,
        Mark("end:back"), FrameBreak(), Mark("start:front", loc=("key_points",)), *front,
        Mark("end:front"), FrameBreak(), Mark("start:flap", loc=flap_loc), *flap,
        Mark("end:flap"), *([FrameBreak()] if flap else []), *inside, Mark("end:inside")]
    zones = [Zone("back", 0, 0, loc=("references",)),
             Zone("front", 1, 1, loc=("key_points",)),
             Zone("flap", 2, 2, loc=flap_loc),
             Zone("inside", 3 if flap else 2, 5, marks, loc=("sections",))]
    return Layout(geo, _templates(geo, theme, doc, logo, order[0]), story, zones,
                  reading_order=order)


def _grown(doc: Document, theme: Theme, back: list[Flowable], closing: list[Flowable],
           panel: geometry.Slot) -> list[Flowable]:
    """The back cover without the question area: where it would be a quarter empty, its
    QR code grows into the room (a picture grows rather than leave a panel unfinished),
    as large as the panel holds, up to most of its width (layout/grown_qr.py: past its
    steps as far as it fits, as the panel has no other room to give the code)."""
    room = panel.height - stack_height(back, panel.width) - theme.gap(2)
    if room <= FILL_FROM * panel.height:
        return back
    box = grown(lambda ems: contact_flowables(doc.clinic, theme, qr_ems=ems), panel.height,
                panel.width, most=MOST_WIDTH * panel.width / theme.body_size, below=closing,
                gap=theme.gap(2), spare=0.0)
    return back if box is None else [*box, *closing]


def _flap(doc: Document, plan: list[Flowable], theme: Theme, flap: geometry.Slot
          ) -> tuple[list[Flowable], list[Flowable]]:
    """What opening the cover shows: the help panel with all its tiers, where it fits the
    flap whole; else "My plan" there (where it is too tall even so, the fitting tightens
    the text or refuses at the plan), and the help panel opens the inside, its tiers whole
    in the inside panels, which the open sheet shows side by side like columns. Never the
    tiers on the flap: the rest would run on past a turn of the paper. A topic with
    neither starts its sections there. Returns the help panel for the inside ([] when on
    the flap) and the flap's content."""
    help_whole = help_flowables(doc.help, theme)[1:]  # no space above it at a panel's top
    room = flap.height - 2 * theme.body_size  # a margin: a box measured is not a box laid out
    if help_whole and (not plan or stack_height(help_whole, flap.width) <= room):
        return [], help_whole
    return help_flowables(doc.help, theme, whole=False)[1:], plan


def _front(doc: Document, theme: Theme, cover: geometry.Slot
           ) -> tuple[list[Flowable], Flowable, bool]:
    """The front cover: title, subtitle, icon and key points. Where they do not all fit,
    the subtitle goes first, then the key points move inside (they open the flap)."""
    key = key_points_box(doc, theme)
    for subtitle, inside in ((True, False), (False, False), (True, True)):
        front = title_block(doc, theme, with_icon=doc.icon is None, subtitle=subtitle)
        if inside or stack_height([*front, key], cover.width) <= cover.height:
            break
    if doc.icon is not None:
        front.append(CoverIcon(doc.icon, theme, least=theme.body_size * 3,
                               most=theme.body_size * 11, below=None if inside else key))
    return (front if inside else [*front, key]), key, inside


def _templates(geo: geometry.Geometry, theme: Theme, doc: Document, logo: Drawing | None,
               front: object) -> list[PageTemplate]:
    cover = geo.slots[1]

    def outside(canv: Canvas, _doc: BaseDocTemplate) -> None:
        with marked(canv, HEADER):
            left = cover.x - geometry.PANEL_PAD
            draw_band(canv, theme, doc.clinic, logo, parent=front,  # type: ignore[arg-type]
                      span=(left, left + cover.width + 2 * geometry.PANEL_PAD))
        _fold_marks(canv, geo, 0, theme.bleed)

    def inside(canv: Canvas, _doc: BaseDocTemplate) -> None:
        _fold_marks(canv, geo, 1, theme.bleed)

    return [PageTemplate("outside", geo.frames(0), onPage=outside),
            PageTemplate("inside", geo.frames(1), onPage=inside)]


def _fold_marks(canv: Canvas, geo: geometry.Geometry, page: int, bleed: float) -> None:
    """Short ticks where the sheet folds: just inside the top and bottom edges for an
    office printer; for a print shop, outside the trim beyond the bleed, like crop marks."""
    height = geo.page[1]
    start = -(bleed + MARK_EDGE) if bleed else MARK_EDGE  # from the edge, inwards
    with marked(canv, LAYOUT):
        canv.saveState()
        canv.setStrokeColor(MUTED)
        canv.setLineWidth(0.5)
        for on, x in geo.folds:
            if on == page:
                canv.line(x, height - start, x, height - start - MARK_LENGTH)
                canv.line(x, start, x, start + MARK_LENGTH)
        canv.restoreState()
