"""What a rack format prints: the parts its `formats:` allow, less what fitting left out."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from handout.chart.art import ChartDrawer
from handout.input.loader import Loc
from handout.input.model import Document, Plan, Puzzle
from handout.input.placed import ROOMY, shown
from handout.input.sections import figure_marks, section_blocks
from handout.layout.blocks import paragraphs
from handout.layout.body import FigureMaker, Placing, section_flowables
from handout.layout.closing import sources_flowables
from handout.layout.drawings import Picture
from handout.layout.figure import figure_flowables
from handout.layout.page import Mark
from handout.layout.theme import Theme


@dataclass(frozen=True)
class Parts:
    """The parts of one layout pass: `left_out` holds the places (in the content file) of
    optional parts fitting has dropped; `figure` draws Fig. n + 1; `pictures` are the
    sections' image files, loaded."""

    fmt: str
    figure: FigureMaker | None = None
    left_out: frozenset[Loc] = field(default_factory=frozenset)
    pictures: Mapping[str, Picture] = field(default_factory=dict)
    split_boxes: bool = False  # a long box may split between its items (layout/continued)

    def puzzle(self, doc: Document) -> Puzzle | None:
        p = doc.puzzle
        return p if p and shown(p, self.fmt, ROOMY) and ("puzzle",) not in self.left_out \
            else None

    def plan(self, doc: Document) -> Plan | None:
        """"My plan", less its extra tip when fitting left that out."""
        if doc.plan is not None and ("plan", "extra") in self.left_out:
            return doc.plan.model_copy(update={"extra": "", "extra_title": ""})
        return doc.plan


def optional_parts(doc: Document, fmt: str, *, plan_extra: bool = False) -> list[Loc]:
    """Parts fitting may leave out of format `fmt`, in the order it drops them: the last
    in the file first (a handout leads with what matters most). `plan_extra`: the plan's
    extra tip too, first of all (a nice-to-have where room is shortest)."""
    return list(reversed(list(_optional(doc, fmt, plan_extra))))


def _optional(doc: Document, fmt: str, plan_extra: bool) -> Iterator[Loc]:
    for i, section in enumerate(doc.sections):
        if not shown(section, fmt):
            continue
        if section.optional:
            yield ("sections", i)
            continue
        for loc, block in section_blocks(section):
            if block.box is not None and block.box.optional and shown(block.box, fmt):
                yield ("sections", i, *loc)
    for loc, figure in doc.all_figures():
        if figure.optional and shown(figure, fmt, ROOMY):
            yield loc
    if doc.puzzle is not None and doc.puzzle.optional and shown(doc.puzzle, fmt, ROOMY):
        yield ("puzzle",)
    if plan_extra and doc.plan is not None and doc.plan.extra:
        yield ("plan", "extra")


def body_zone(doc: Document, theme: Theme, parts: Parts, *, sources: bool = True,
              intro: bool = True) -> tuple[list[Flowable], tuple[tuple[str, Loc, str], ...]]:
    """The intro, the sections with the figures they place (the others after the last
    section) and the short list of sources, with a mark at the start of each section (for
    an overflow's message)."""
    made = parts.figure

    def figure(number: int) -> list[Flowable]:
        assert made is not None
        return made(number)

    printed = [i for i, s in enumerate(doc.sections)
               if ("sections", i) not in parts.left_out and shown(s, parts.fmt)]
    figures = [] if made is None else [
        n for n, (loc, fig) in enumerate(doc.all_figures())
        if shown(fig, parts.fmt, ROOMY) and loc not in parts.left_out]
    # The n-th `figure: true` places the n-th figure, where both print.
    placed = {mark: n for n, mark in enumerate(figure_marks(doc.sections))
              if n in figures and mark[0] in printed}
    placing = Placing(parts.fmt, figure, placed, parts.pictures, parts.left_out,
                      parts.split_boxes)
    out: list[Flowable] = paragraphs(doc.intro, theme) if intro else []
    marks = []
    for i in printed:
        section = doc.sections[i]
        key = f"section:{i}"
        marks.append((key, ("sections", i), section.heading))
        out += [Mark(key, floats_pass=True, loc=("sections", i)),
                *section_flowables(i, section, theme, placing)]
    for n in figures:
        if n not in placed.values():
            out.extend(figure(n))
    if sources:
        out.extend(sources_flowables(doc, theme))
    return out, tuple(marks)


def figure_maker(doc: Document, theme: Theme, grayscale: bool, charts: ChartDrawer,
                 chart_scale: float | None = None) -> FigureMaker:
    """Fig. n + 1's flowables, made only where it is placed."""
    figures = [figure for _, figure in doc.all_figures()]

    def figure(n: int) -> list[Flowable]:
        return figure_flowables(figures[n], theme, number=n + 1, grayscale=grayscale,
                                charts=charts, chart_scale=chart_scale)
    return figure


def callout_facts(doc: Document) -> list[str]:
    """The key points, to pull into callouts: not one that holds a riddle's answer."""
    answers = [r.answer.lower() for r in doc.puzzle.riddles] if doc.puzzle else []
    return [point.text for point in doc.key_points.items
            if not any(answer in point.text.lower() for answer in answers)]
