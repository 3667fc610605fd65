"""The whole story, in reading order: opening, sections with Fig. 1, plan, puzzle, closing."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer
from reportlab.platypus.flowables import DocAssign, DocIf

from handout.chart.art import ChartDrawer, draw_later
from handout.input.model import Document
from handout.layout.body import section_flowables
from handout.layout.closing import contact_flowables, reference_flowables, review_flowables
from handout.layout.cover import cover_flowables
from handout.layout.figure import figure_flowables
from handout.layout.help_panel import help_flowables
from handout.layout.plan import plan_flowables
from handout.layout.puzzle import puzzle_flowables
from handout.layout.theme import REGULAR_BODY, Theme


def story(
    doc: Document, theme: Theme, *, grayscale: bool = False, charts: ChartDrawer = draw_later
) -> list[Flowable]:
    """Flowables for the whole handout; a pure function of the model and the theme.

    `charts` draws Fig. 1 (default: here, when needed; a build passes a cached one).
    """
    out: list[Flowable] = cover_flowables(doc, theme)
    fig = doc.figure

    def figure() -> list[Flowable]:
        assert fig is not None
        flowables: list[Flowable] = figure_flowables(
            fig, theme, grayscale=grayscale, charts=charts)
        return flowables

    placed = any(s.figure for s in doc.sections)
    for section in doc.sections:
        out.extend(section_flowables(section, theme, figure if fig else None))
    if fig is not None and not placed:
        out.extend(figure())
    # The take-home pages: the plan with the clinic's contact, then the help panel (kept
    # whole). Review dates and disclaimer follow it where the page has room, else they
    # close the references (always in large print: there the help panel fills its page).
    here, later = _review(doc, theme)
    out += [PageBreak(), *plan_flowables(doc.plan, theme), Spacer(1, theme.body_size),
            *contact_flowables(doc.clinic, theme), *help_flowables(doc.help, theme), *here]
    if doc.puzzle is not None:
        out += [PageBreak(), *puzzle_flowables(doc.puzzle, theme)]
    out += [PageBreak(), *reference_flowables(doc, theme), *later]
    return out


def _review(doc: Document, theme: Theme) -> tuple[list[Flowable], list[Flowable]]:
    """Review dates and disclaimer under the help panel, or after the references: decided
    while the page is laid out, from the room left under the panel (one layout pass)."""
    if theme.body_size > REGULAR_BODY:
        return [], review_flowables(doc, theme)
    review = review_flowables(doc, theme)
    needed = sum(f.wrap(theme.frame_width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                 for f in review)
    here = [DocAssign("review_later", "False"),
            DocIf(f"availableHeight >= {needed:.1f}", review,
                  [DocAssign("review_later", "True")])]
    return here, [DocIf("review_later", review_flowables(doc, theme))]
