"""The folded booklet: cover, inside pages, "My plan", the puzzle, "When to get help" on
the inside back cover, and the back cover (contact, QR code, review dates).

Pages are half-letter (A5 on A4), in reading order; `pdf/impose.py` makes the 2-up
print file from them. A page's spare room is spread over its gaps (layout/spread.py); the
one question area goes under the plan, or on the back cover.
"""

from __future__ import annotations

from functools import cache
from typing import ClassVar

from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from handout.input.model import Document
from handout.layout.band import BAND_HEIGHT, draw_band
from handout.layout.closing import contact_flowables, review_flowables
from handout.layout.cover import key_points_box, title_block
from handout.layout.footer import DOT, FOOTER_EDGE, draw_centred, footer_note
from handout.layout.formats import panels as geometry
from handout.layout.formats.base import Format
from handout.layout.formats.fillers import CoverIcon, Questions, QuestionsBox
from handout.layout.formats.fitting import Step
from handout.layout.formats.parts import Parts, body_zone
from handout.layout.formats.zones import Layout, Overflow, Zone
from handout.layout.grown_qr import MOST_WIDTH, GrownHere, grown
from handout.layout.help_panel import help_flowables
from handout.layout.measure import stack_height
from handout.layout.page import Mark
from handout.layout.plan import plan_flowables
from handout.layout.puzzle import puzzle_flowables
from handout.layout.spread import FILL_FROM
from handout.layout.theme import MUTED, Theme, resized
from handout.layout.when import When
from handout.pdf import FOOTER, HEADER, marked


class Booklet(Format):
    """Half-letter (A5) pages, 8 of them or up to the content's `pages:`."""

    name, label, imposable, grows_inside = "booklet", "booklet", True, True
    zone_names: ClassVar[dict[str, str]] = {
        "cover": "the cover", "inside": "the inside pages", "plan": "the \"My plan\" page",
        "puzzle": "the puzzle pages", "help": "the \"When to get help\" page",
        "back": "the back cover"}

    def page_counts(self, doc: Document) -> list[int]:
        return list(range(8, doc.pages + 1, 4))

    def geometry_theme(self, paper: str) -> dict[str, object]:
        return {"page": geometry.BOOKLET_PAGES[paper], "margin": geometry.BOOKLET_MARGIN}

    def layout(self, doc: Document, theme: Theme, parts: Parts, step: Step,
               logo: Drawing | None) -> Layout:
        return _booklet(doc, theme, parts, step, logo)

    def more_pages(self, over: Overflow, doc: Document) -> str:
        if over.zone.per_page > 0 and doc.pages < 16:
            return f" or allow more pages (`pages: {doc.pages + 4}`),"
        return ""


def _booklet(doc: Document, theme: Theme, parts: Parts, step: Step,
             logo: Drawing | None) -> Layout:
    # The front and back covers keep the fitted size where the pages between them grew.
    covers = theme if step.covers is None else resized(theme, *step.covers)
    geo = geometry.booklet(theme.paper, step.pages, BAND_HEIGHT + 12)
    puzzle = parts.puzzle(doc)
    back = len(geo.slots) - 1
    # After the inside pages: the plan's page, the puzzle's (two on a small page: the word
    # search has one of its own), "When to get help" (a page, or two if it must), notes
    # pages if any are left over, and the back cover.
    puzzle_pages = (2 if puzzle.word_search else 1) if puzzle else 0
    plan_page, help_page = int(doc.plan is not None), int(doc.help is not None)
    inside_last = back - 1 - plan_page - puzzle_pages - help_page
    cover = [*title_block(doc, covers, with_icon=doc.icon is None),
             key_points_box(doc, covers)]
    if doc.icon is not None:  # large, in the room the cover's text leaves
        cover.insert(-1, CoverIcon(doc.icon, covers, least=covers.body_size * 3,
                                   most=covers.body_size * 14, below=cover[-1]))
    story: list[Flowable] = [NextPageTemplate("inner"), *cover, Mark("end:cover"), PageBreak()]
    page = geo.slots[1].height
    body, marks = body_zone(doc, theme, parts)
    # The handout's one question area goes where a page would otherwise have the most
    # room left: at the end of the inside pages, under the plan, under the help panel or
    # beside the contact details on the back cover (each page known before layout but the
    # inside pages' last; the back cover's room as left once its QR code has grown).
    once = Questions()
    plan = plan_flowables(doc.plan, theme) if doc.plan is not None else []
    contact, review = contact_flowables(doc.clinic, covers), review_flowables(doc, covers)
    width = geo.slots[1].width
    help_panel = help_flowables(doc.help, theme, whole=False) if doc.help is not None else []
    plan_room = page - stack_height(plan, width) if plan else 0.0
    help_room = max(0.0, page - stack_height(help_panel, width)) if help_panel else 0.0
    # The back cover without the question area: its QR code grows into the room
    # (layout/grown_qr.py), as large as the page holds, up to most of its width.
    slot = geo.slots[back]

    @cache
    def grown_into(room: float) -> list[Flowable] | None:
        return grown(lambda ems: contact_flowables(doc.clinic, covers, qr_ems=ems), room,
                     slot.width,
                     most=MOST_WIDTH * slot.width / covers.body_size, below=review,
                     gap=covers.gap(2), spare=FILL_FROM * slot.height)
    back_room = page - stack_height([*(grown_into(slot.height) or contact), *review], width)
    under_plan = bool(plan) and plan_room >= max(help_room, back_room)
    # The inside pages' last takes it where it has more room than any of those (a quarter
    # of a page at least) and the plan follows (without a plan, pages to spare go before
    # the back cover, and the first of them takes it).
    least = max(page * FILL_FROM, plan_room, help_room, back_room)
    rescue = [QuestionsBox(theme, once, least=least)] if plan else []
    story += [*body, *rescue, Mark("end:inside"), PageBreak()]
    first = True  # the next part starts the page the inside pages' break began
    if plan:
        story += [Mark("start:plan", loc=("plan",)), KeepTogether(plan), Mark("end:plan"),
                  *([QuestionsBox(theme, once)] if under_plan else [])]
        first = False
    if puzzle:
        story += [*([] if first else [PageBreak()]), Mark("start:puzzle", loc=("puzzle",)),
                  *puzzle_flowables(puzzle, theme),
                  Mark("end:puzzle")]
        first = False
    if doc.help is not None:
        story += [*([] if first else [PageBreak()]), Mark("start:help", loc=("help",)),
                  *help_panel,
                  QuestionsBox(theme, once, least=max(page * FILL_FROM, back_room)),
                  Mark("end:help")]
    # On the back cover without the question area, the QR code grows into the room left.
    contact_here = [GrownHere(lambda _page, height: grown_into(height) if once.placed
                              else None, contact)]
    # A page the parts before the back cover leave a quarter empty (or blank: a page break
    # with nothing after it) takes the question area, if it has no place yet.
    story += [QuestionsBox(theme, once, least=max(page * FILL_FROM, back_room)),
              _pad_to(back, theme, once),
              NextPageTemplate("back"), PageBreak(),
              Mark("start:back", loc=("review",)),
              *contact_here,
              QuestionsBox(covers, once, below=review), *review, Mark("end:back")]
    # Each zone from the inside pages on gains a page's room with every page added.
    zones = [Zone("cover", 0, 0, loc=("key_points",)),
             Zone("inside", 1, inside_last, marks, loc=("sections",), per_page=page)]
    if doc.plan is not None:
        zones.append(Zone("plan", 1, inside_last + 1, loc=("plan",), per_page=page))
    if puzzle:
        zones.append(Zone("puzzle", 1, inside_last + plan_page + puzzle_pages,
                          loc=("puzzle",), per_page=page))
    if doc.help is not None:
        zones.append(Zone("help", 1, back - 1, loc=("help",), per_page=page))
    zones.append(Zone("back", back, back, loc=("review",)))
    return Layout(geo, _templates(geo, theme, doc, logo), story, zones)


def _pad_to(back: int, theme: Theme, once: Questions) -> Flowable:
    """Pages the text does not need, until the back cover's page comes next: they go just
    before the back cover (ReportLab decides each at layout time, from the page it has
    reached; `back` counts from 0). The first holds the question area if none has a
    place yet; any other stays blank, which the page rules report."""
    pad: list[Flowable] = []
    for _ in range(back):
        pad = [When(lambda page, _height: page < back,
                    [PageBreak(), QuestionsBox(theme, once), *pad])]
    return pad[0]


def _templates(geo: geometry.Geometry, theme: Theme, doc: Document,
               logo: Drawing | None) -> list[PageTemplate]:
    def cover(canv: Canvas, _doc: BaseDocTemplate) -> None:
        with marked(canv, HEADER):
            draw_band(canv, theme, doc.clinic, logo)

    def number(canv: Canvas, _doc: BaseDocTemplate) -> None:
        with marked(canv, FOOTER):
            canv.setFillColor(MUTED)
            draw_centred(canv, theme, theme.page_size[0] / 2, FOOTER_EDGE, DOT.join(
                [*filter(None, [footer_note(doc, theme)]), str(canv.getPageNumber())]),
                face=theme.regular, size=theme.footer_size)

    back = geo.slots[-1].page
    return [PageTemplate("cover", geo.frames(0), onPage=cover),
            PageTemplate("inner", geo.frames(1), onPage=number),
            PageTemplate("back", geo.frames(back))]
