"""Page 1 opening: title, subtitle, the boxed key points, and the short intro."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from handout.input.model import Document
from handout.layout.blocks import boxed, paragraphs
from handout.layout.icons import beside, point_list
from handout.layout.markup import runt_free
from handout.layout.page import Mark
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import tag


def cover_flowables(doc: Document, theme: Theme) -> list[Flowable]:
    """Title block and key points: the main message and action come first (CDC index)."""
    # The marks say which part a page rule's finding is about (layout/proof.py): a key
    # points box that moves on to page 2 is the key points', not the file's first line.
    return [Mark("part:title", loc=("title",)), *title_block(doc, theme),
            Mark("part:key_points", loc=("key_points",)), key_points_box(doc, theme),
            Spacer(1, theme.gap(0.8)), Mark("part:intro", loc=("intro",)),
            *paragraphs(doc.intro, theme)]


def title_block(doc: Document, theme: Theme, *, with_icon: bool = True,
                subtitle: bool = True) -> list[Flowable]:
    """The title (with its icon beside it, unless the cover draws the icon large) and the
    subtitle (unless a narrow cover leaves it out)."""
    title = theme.style("title")
    heading = tag(Paragraph(runt_free(doc.title, title, theme.frame_width), title), "H1")
    out = [beside(doc.icon if with_icon else None, heading, theme, title.leading)]
    if doc.subtitle and subtitle:
        sub = theme.style("subtitle")
        out.append(tag(Paragraph(runt_free(doc.subtitle, sub, theme.frame_width), sub), "P"))
    return out


def key_points_box(doc: Document, theme: Theme) -> Flowable:
    key = [
        tag(Paragraph(runt_free(doc.key_points.title, theme.style("h2"), theme.frame_width),
                      theme.style("h2")), "H2"),
        *point_list(doc.key_points.items, theme),
    ]
    return boxed(key, theme, background=theme.tint, rule=theme.primary)
