"""Page 1 opening: title, subtitle, the boxed key points, and the short intro."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from handout.input.model import Document
from handout.layout.blocks import boxed, paragraphs
from handout.layout.icons import beside, point_list
from handout.layout.markup import markup
from handout.layout.theme import Theme
from handout.layout.unbroken import no_lone_last_word
from handout.pdf import tag


def cover_flowables(doc: Document, theme: Theme) -> list[Flowable]:
    """Title block and key points: the main message and action come first (CDC index)."""
    title = theme.style("title")
    heading = tag(Paragraph(markup(no_lone_last_word(doc.title)), title), "H1")
    out = [beside(doc.icon, heading, theme, title.leading)]
    if doc.subtitle:
        out.append(tag(Paragraph(markup(doc.subtitle), theme.style("subtitle")), "P"))
    key = [
        tag(Paragraph(markup(doc.key_points.title), theme.style("h2")), "H2"),
        *point_list(doc.key_points.items, theme),
    ]
    out.append(boxed(key, theme, background=theme.tint, rule=theme.primary))
    out.append(Spacer(1, theme.body_size * 0.8))
    out.extend(paragraphs(doc.intro, theme))
    return out
