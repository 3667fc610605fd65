"""The whole story, in reading order: opening, sections with their figures, plan, puzzle,
closing."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from handout.input.model import Document
from handout.input.placed import ROOMY, shown
from handout.layout.closing import contact_flowables, reference_flowables, review_flowables
from handout.layout.cover import cover_flowables
from handout.layout.formats.base import Format
from handout.layout.formats.fillers import Questions, QuestionsBox, fits_a_page
from handout.layout.formats.fitting import Step
from handout.layout.formats.parts import Parts, body_zone
from handout.layout.formats.zones import Layout
from handout.layout.grown_qr import QR_STEPS, GrownHere, grown
from handout.layout.help_panel import help_flowables
from handout.layout.measure import flat, stack_height
from handout.layout.page import Mark
from handout.layout.plan import plan_flowables
from handout.layout.puzzle import puzzle_flowables
from handout.layout.spread import FILL_FROM, MOST_EMPTY
from handout.layout.theme import Theme
from handout.layout.when import Unseen, When


class DocumentFormat(Format):
    """Loose pages of the paper, as many as the content needs: nothing to fit."""

    name, label, fitted, splits_boxes = "document", "document", False, True
    page_footer = True

    def layout(self, doc: Document, theme: Theme, parts: Parts, step: Step,
               logo: Drawing | None) -> Layout:
        return Layout(None, None, story(doc, theme, parts), [])


def story(doc: Document, theme: Theme, parts: Parts) -> list[Flowable]:
    """Flowables for the whole handout; a pure function of the model and the theme.
    `parts` draws the figures and holds the sections' pictures."""
    out: list[Flowable] = cover_flowables(doc, theme)
    page = theme.page_size[1] - theme.top_margin - theme.bottom_margin
    out += body_zone(doc, theme, parts, sources=False, intro=False)[0]
    # The take-home part: the plan with the clinic's contact on one page, then the help
    # panel (kept whole), all three on one page where they fit. Where even the plan and
    # the contact do not fit one page (large print), the contact box closes the handout
    # instead of standing alone on a page. Review dates and the disclaimer follow the help
    # panel where the page has room, else they close the references. The handout's one
    # question area takes the room left on the take-home page, if it is enough to write on.
    out.append(Mark("start:plan", loc=("plan",)))
    here, later = _review(doc, theme)
    plan = plan_flowables(doc.plan, theme)
    contact = [Spacer(1, theme.gap(1)), *contact_flowables(doc.clinic, theme)]
    once = Questions()
    least = page * FILL_FROM
    # A tier that moves on to the next page leaves its room to the question area.
    help_panel = help_flowables(doc.help, theme, split_last=True, before_tier=lambda tier:
                                QuestionsBox(theme, once, least=least, before=[tier]))
    # Room kept under it for the review dates, which may follow.
    questions = QuestionsBox(theme, once, below=review_flowables(doc, theme))
    last: list[Flowable] = []
    # Where the take-home unit moves on and leaves a quarter of the page or more, the
    # question area fills that room, just before the plan.
    if fits_a_page([*plan, *contact, *help_panel], theme, page):
        unit = [*plan, *contact, *help_panel]
        out += [QuestionsBox(theme, once, least=least, before=unit), _whole(unit), questions]
    elif fits_a_page([*plan, *contact], theme, page):
        unit = [*plan, *contact]
        out += [QuestionsBox(theme, once, least=least, before=unit), _whole(unit),
                QuestionsBox(theme, once), *help_panel, questions]
    else:
        # The contact box closes the sections where their last page has room for it (the
        # plan then starts the next page; its QR code grows into room to spare), else it
        # follows the help panel where that page has room, else it closes the handout.
        here_contact, after_help, last = _contact(contact, theme, page, lambda ems: [
            Spacer(1, theme.gap(1)), *contact_flowables(doc.clinic, theme, qr_ems=ems)])
        # The question area under the plan where that page has room, unless the help panel
        # runs onto a second page, whose room it then takes.
        under_plan = [QuestionsBox(theme, once, least=least)] \
            if fits_a_page(help_panel, theme, page) else []
        whole_plan = fits_a_page(plan, theme, page)
        # A help panel taller than a page starts a page of its own where the page it would
        # start on has room for the question area (its urgent tiers then stay together).
        before_help = [] if under_plan or fits_a_page(help_panel, theme, page) else \
            [QuestionsBox(theme, once, least=least, before=help_panel)]
        # Where the plan (kept whole) moves on from the sections' last page and leaves a
        # third of it empty, more than the page's gaps can take, the question area takes
        # that room.
        out += [*here_contact,
                *([QuestionsBox(theme, once, least=page / 3, before=plan), _whole(plan)]
                  if whole_plan else plan),
                *under_plan, *before_help, *help_panel, questions, *after_help]
    out += here
    if doc.puzzle is not None and shown(doc.puzzle, parts.fmt, ROOMY):
        out += [PageBreak(), Mark("start:puzzle", loc=("puzzle",)),
                *puzzle_flowables(doc.puzzle, theme)]
    # The references start a page of their own, or follow on the page the take-home part
    # ends where it would otherwise be left a quarter empty (back matter at its foot,
    # running on to the last page).
    references = reference_flowables(doc, theme)
    out += [When(lambda _page, height: MOST_EMPTY * page <= height < page - 1,
                 [Mark("start:references", loc=("references",)), *references],
                 [PageBreak(), Mark("start:references", loc=("references",)), *references]),
            *last, *later]
    return out


def _whole(flowables: list[Flowable]) -> Flowable:
    """One unit on one page: nested KeepTogethers flattened (one inside another would
    always start a new page)."""
    return KeepTogether(flat(flowables))


def _contact(contact: list[Flowable], theme: Theme, page: float,
             grown_box: Callable[[float], list[Flowable]] | None = None
             ) -> tuple[list[Flowable], list[Flowable], list[Flowable]]:
    """The contact box after the sections, where the page they end on (`page`: a page's
    height) has room for it; else after the help panel (before the review dates), where
    its last page has room; else at the handout's end. Decided while the page is laid out
    (one layout pass); returned in that order. Sections that end at a page's foot leave no
    room to fill. Where the box would leave the sections' page a quarter empty, its QR
    code grows into the room, up to the largest of QR_STEPS (layout/grown_qr.py;
    `grown_box(ems)`: the box at that size). At the handout's end a box too tall for the
    references' last page moves on to a page of its own and leaves theirs a third empty
    (Vietnamese large print: 219 pt), where the help panel's page had room for it."""
    needed = stack_height(contact, theme.frame_width) + theme.gap(1)
    placed: list[bool] = []

    def room_here(_page: int, height: float) -> bool:
        placed.append(bool(needed <= height < page - 1))
        return placed[-1]

    def larger(_page: int, height: float) -> list[Flowable] | None:
        if grown_box is None or not (height < page - 1 and
                                     height - needed >= MOST_EMPTY * page):
            return None
        box = grown(grown_box, height, theme.frame_width, most=QR_STEPS[-1],
                    gap=theme.gap(1))
        if box is not None:
            placed.append(True)
        return box

    def unplaced() -> bool:
        return not (placed and placed[-1])

    def room_after_help(_page: int, height: float) -> bool:
        return unplaced() and room_here(_page, height)

    here: list[Flowable] = [GrownHere(larger, [When(room_here, contact)])]
    later = When(lambda _page, _height: unplaced(), contact)
    return here, [Unseen(room_after_help, contact)], [later]


def _review(doc: Document, theme: Theme) -> tuple[list[Flowable], list[Flowable]]:
    """Review dates and disclaimer under the help panel, or after the references: decided
    while the page is laid out, from the room left under the panel (one layout pass)."""
    review = review_flowables(doc, theme)
    needed = sum(f.wrap(theme.frame_width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                 for f in review)
    placed: list[bool] = []  # whether the dates went under the panel, once laid out there

    def room_here(_page: int, height: float) -> bool:
        placed.append(bool(height >= needed))
        return placed[-1]

    later = When(lambda _page, _height: not (placed and placed[-1]), review_flowables(doc, theme))
    return [When(room_here, review)], [later]
