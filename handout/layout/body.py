"""The article's sections: heading, paragraphs, bullets, an optional box and Fig. 1."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from handout.input.model import Box, Section
from handout.layout.blocks import boxed, bullet_list, heading, paragraphs
from handout.layout.icons import beside
from handout.layout.markup import markup
from handout.layout.theme import Theme
from handout.pdf import group, tag

FigureMaker = Callable[[], list[Flowable]]


def section_flowables(section: Section, theme: Theme, figure: FigureMaker | None) -> list[Flowable]:
    """One section (tagged Sect); the heading is kept with its first paragraph."""
    body: list[Flowable] = paragraphs(section.paragraphs, theme)
    if section.bullets:
        body.append(bullet_list(section.bullets, theme))
    head = [beside(section.icon, heading(section.heading, theme), theme,
                   theme.style("h1").leading)]
    out: list[Flowable] = [KeepTogether(head + body[:1]), *body[1:]]
    if section.figure and figure is not None:
        out.extend(figure())
    if section.box is not None:
        out.append(Spacer(1, theme.body_size * 0.3))
        out.append(box_flowable(section.box, theme))
    group("Sect", out)
    return out


def box_flowable(box: Box, theme: Theme) -> Flowable:
    content: list[Flowable] = [tag(Paragraph(markup(box.title), theme.style("h2")), "H3")]
    content.extend(paragraphs(box.paragraphs, theme, "box_body"))
    if box.bullets:
        content.append(bullet_list(box.bullets, theme))
    return boxed(content, theme, background=theme.tint, rule=theme.accent)
