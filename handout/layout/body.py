"""The article's sections: heading, paragraphs, bullets, an optional box and Fig. 1."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from handout.input.formats import shown
from handout.input.model import Box, Section
from handout.layout.blocks import boxed, bullet_list, heading, paragraphs
from handout.layout.icons import beside
from handout.layout.markup import markup
from handout.layout.theme import Theme
from handout.pdf import group, tag

FigureMaker = Callable[[], list[Flowable]]


def section_flowables(section: Section, theme: Theme, figure: FigureMaker | None,
                      fmt: str = "document") -> list[Flowable]:
    """One section (tagged Sect); the heading is kept with its first paragraph."""
    body: list[Flowable] = paragraphs(section.paragraphs, theme)
    if section.bullets:
        body.append(bullet_list(section.bullets, theme))
    head = [beside(section.icon, heading(section.heading, theme), theme,
                   theme.style("h1").leading)]
    # The heading stays with its first paragraph; in a section that is one paragraph and
    # a box, with the box too (a lone line of introduction must not be left above it).
    first = 1
    if section.figure and figure is not None:
        body.extend(figure())
    if section.box is not None and shown(section.box, fmt):
        first = 3 if len(body) == 1 else 1
        # Kept with the heading, the box must not be a KeepTogether of its own: nested,
        # ReportLab would always move it to a new page.
        body += [Spacer(1, theme.gap(0.3)),
                 box_flowable(section.box, theme, keep_together=first == 1)]
    out: list[Flowable] = [KeepTogether(head + body[:first]), *body[first:]]
    group("Sect", out)
    return out


def box_flowable(box: Box, theme: Theme, *, keep_together: bool = True) -> Flowable:
    content: list[Flowable] = [tag(Paragraph(markup(box.title), theme.style("h2")), "H3")]
    content.extend(paragraphs(box.paragraphs, theme, "box_body"))
    if box.bullets:
        content.append(bullet_list(box.bullets, theme))
    return boxed(content, theme, background=theme.tint, rule=theme.accent,
                 keep_together=keep_together)
