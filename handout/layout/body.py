"""The article's sections: a heading, then the section's blocks in order (paragraphs,
lists, checklists, tables, boxes, pictures and the figures placed there)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, KeepTogether, Spacer

from handout.input.loader import Loc
from handout.input.placed import shown
from handout.input.sections import Block, Box, Section, section_blocks
from handout.layout.blocks import boxed, bullet_list, heading, paragraphs
from handout.layout.drawings import Picture
from handout.layout.icons import beside
from handout.layout.markup import runt_free
from handout.layout.pictures import picture_flowables
from handout.layout.runs import Paragraph
from handout.layout.tables import checklist, table_flowables
from handout.layout.theme import Theme
from handout.pdf import group, tag

FigureMaker = Callable[[int], list[Flowable]]  # the flowables of Fig. n + 1


@dataclass(frozen=True)
class Placing:
    """What the sections are drawn with in one format: `figures` gives, for each
    `figure: true` that places a printed figure, (section, place in it) -> which figure;
    `figure` draws it; `pictures` are the image files, loaded; `left_out` holds the
    places of optional parts fitting has dropped."""

    fmt: str = "document"
    figure: FigureMaker | None = None
    figures: Mapping[tuple[int, Loc], int] = field(default_factory=dict)
    pictures: Mapping[str, Picture] = field(default_factory=dict)
    left_out: frozenset[Loc] = frozenset()


def section_flowables(i: int, section: Section, theme: Theme, placing: Placing
                      ) -> list[Flowable]:
    """Section `i` (tagged Sect); the heading is kept with its first block."""
    printed = [(loc, block) for loc, block in section_blocks(section)
               if ("sections", i, *loc) not in placing.left_out
               and (block.box is None or shown(block.box, placing.fmt))]
    made_all = [(block, _block(i, loc, block, theme, placing)) for loc, block in printed]
    made = [flowables for _, flowables in made_all if flowables]
    kinds = [block for block, flowables in made_all if flowables]
    head = [beside(section.icon, heading(section.heading, theme), theme,
                   theme.style("h1").leading)]
    # The heading stays with its first block; in a section that is one block and a box,
    # with the box too (a lone line of introduction must not be left above it). Kept
    # with the heading, the box must not be a KeepTogether of its own: nested, ReportLab
    # would always move it to a new page.
    first = 1
    box = kinds[1].box if len(kinds) == 2 else None
    if box is not None and len(made[0]) == 1:
        first = 3
        made[1] = [Spacer(1, theme.gap(0.3)), box_flowable(box, theme, keep_together=False)]
    body = [f for flowables in made for f in flowables]
    opening = [part for f in body[:first]
               for part in (f._content if isinstance(f, KeepTogether) else [f])]
    out: list[Flowable] = [KeepTogether(head + opening), *body[first:]]
    group("Sect", out)
    return out


def _block(i: int, loc: Loc, block: Block, theme: Theme, placing: Placing  # noqa: PLR0911
           ) -> list[Flowable]:  # one return per kind of block
    if block.paragraph is not None:
        return paragraphs([block.paragraph], theme)
    if block.bullets is not None:
        return [bullet_list(block.bullets, theme)]
    if block.steps is not None:
        return [bullet_list(block.steps, theme, numbered=True)]
    if block.checklist is not None:
        return [checklist(block.checklist, theme)]
    if block.table is not None:
        return table_flowables(block.table, theme)
    if block.box is not None:
        return [Spacer(1, theme.gap(0.3)), box_flowable(block.box, theme)]
    if block.image is not None:
        return picture_flowables(block.image, placing.pictures[block.image.file], theme)
    number = placing.figures.get((i, loc))
    if number is None or placing.figure is None:
        return []  # no figure left to place here, or it does not print in this format
    return placing.figure(number)


def box_flowable(box: Box, theme: Theme, *, keep_together: bool = True) -> Flowable:
    title = theme.style("h2")
    content: list[Flowable] = [tag(Paragraph(runt_free(box.title, title, theme.frame_width),
                                             title), "H3")]
    content.extend(paragraphs(box.paragraphs, theme, "box_body"))
    if box.bullets:
        content.append(bullet_list(box.bullets, theme))
    return boxed(content, theme, background=theme.tint, rule=theme.accent,
                 keep_together=keep_together)
