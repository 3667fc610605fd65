"""What a rack format prints: the parts its `formats:` allow, less what fitting left out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from handout.input.formats import ROOMY, shown
from handout.input.model import Document, Plan, Puzzle
from handout.layout.blocks import paragraphs
from handout.layout.body import FigureMaker, section_flowables
from handout.layout.closing import sources_flowables
from handout.layout.page import Mark
from handout.layout.theme import Theme

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Parts:
    """The parts of one layout pass: `left_out` holds the places (in the content file) of
    optional parts fitting has dropped; `figure` draws Fig. 1."""

    fmt: str
    figure: FigureMaker | None = None
    left_out: frozenset[Loc] = field(default_factory=frozenset)

    def puzzle(self, doc: Document) -> Puzzle | None:
        p = doc.puzzle
        return p if p and shown(p, self.fmt, ROOMY) and ("puzzle",) not in self.left_out \
            else None

    def plan(self, doc: Document) -> Plan:
        """"My plan", less its extra tip when fitting left that out."""
        if ("plan", "extra") in self.left_out:
            return doc.plan.model_copy(update={"extra": "", "extra_title": ""})
        return doc.plan


def optional_parts(doc: Document, fmt: str) -> list[Loc]:
    """Parts fitting may leave out of format `fmt`, in the order it drops them: the last
    in the file first (a handout leads with what matters most)."""
    return list(reversed(list(_optional(doc, fmt))))


def _optional(doc: Document, fmt: str) -> Iterator[Loc]:
    for i, section in enumerate(doc.sections):
        if not shown(section, fmt):
            continue
        if section.optional:
            yield ("sections", i)
        elif section.box is not None and section.box.optional and shown(section.box, fmt):
            yield ("sections", i, "box")
    if doc.figure is not None and doc.figure.optional and shown(doc.figure, fmt, ROOMY):
        yield ("figure",)
    if doc.puzzle is not None and doc.puzzle.optional and shown(doc.puzzle, fmt, ROOMY):
        yield ("puzzle",)
    # The plan's extra tip is a nice-to-have where room is shortest; it comes after the
    # sections in the file, so it goes first.
    if fmt in {"trifold", "sheet"} and doc.plan.extra:
        yield ("plan", "extra")


def body_zone(doc: Document, theme: Theme, parts: Parts, fmt: str, *, sources: bool = True,
              intro: bool = True) -> tuple[list[Flowable], tuple[tuple[str, Loc, str], ...]]:
    """The intro, the sections, Fig. 1 and the short list of sources, with a mark at the
    start of each section (for an overflow's message)."""
    fig = parts.figure if doc.figure is not None and shown(doc.figure, fmt, ROOMY) \
        and ("figure",) not in parts.left_out else None
    out: list[Flowable] = paragraphs(doc.intro, theme) if intro else []
    marks = []
    placed = False
    for i, full in enumerate(doc.sections):
        if ("sections", i) in parts.left_out or not shown(full, fmt):
            continue
        section = full.model_copy(update={"box": None}) \
            if ("sections", i, "box") in parts.left_out else full
        key = f"section:{i}"
        marks.append((key, ("sections", i), section.heading))
        placed = placed or section.figure
        out += [Mark(key), *section_flowables(section, theme, fig, fmt)]
    if fig is not None and not placed:
        out.extend(fig())
    if sources:
        out.extend(sources_flowables(doc, theme))
    return out, tuple(marks)
