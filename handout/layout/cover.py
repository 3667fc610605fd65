"""Page 1 opening: title, subtitle, the boxed key points, and the short intro."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from handout.input.model import Document
from handout.layout.blocks import boxed, paragraphs
from handout.layout.icons import beside, point_list
from handout.layout.markup import runt_free
from handout.layout.measure import stack_height
from handout.layout.page import Mark
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import tag


def cover_flowables(doc: Document, theme: Theme) -> list[Flowable]:
    """Title block and key points: the main message and action come first (CDC index)."""
    # The marks say which part a page rule's finding is about (layout/proof.py): a key
    # points box that moves on to page 2 is the key points', not the file's first line.
    key = key_points_box(doc, theme)
    return [Mark("part:title", loc=("title",)), *title_block(doc, theme, under=key),
            Mark("part:key_points", loc=("key_points",)), key,
            Spacer(1, theme.gap(0.8)), Mark("part:intro", loc=("intro",)),
            *paragraphs(doc.intro, theme)]


def title_block(doc: Document, theme: Theme, *, with_icon: bool = True,
                subtitle: bool = True, under: Flowable | None = None) -> list[Flowable]:
    """The title (with its icon beside it, unless the cover draws the icon large) and the
    subtitle (unless a narrow cover leaves it out); `under`: the block that must fit the
    page under the subtitle (the key points box: see Subtitle)."""
    title = theme.style("title")
    heading = tag(Paragraph(runt_free(doc.title, title, theme.frame_width), title), "H1")
    out = [beside(doc.icon if with_icon else None, heading, theme, title.leading)]
    if doc.subtitle and subtitle:
        sub = theme.style("subtitle")
        out.append(tag(Subtitle(doc.subtitle, sub, theme, under) if under is not None else
                       Paragraph(runt_free(doc.subtitle, sub, theme.frame_width), sub), "P"))
    return out


def key_points_box(doc: Document, theme: Theme) -> Flowable:
    key = [
        tag(Paragraph(runt_free(doc.key_points.title, theme.style("h2"), theme.frame_width),
                      theme.style("h2")), "H2"),
        *point_list(doc.key_points.items, theme),
    ]
    return boxed(key, theme, background=theme.tint, rule=theme.primary)


class Subtitle(Paragraph):
    """The subtitle of a cover that adapts: where a long title and subtitle leave the page
    too little room for the block under them (the key points box, kept whole: it would
    move on and leave page 1 two-thirds empty), the subtitle is set smaller, by half
    points, the largest size at which the block fits, never under the body size (18 pt in
    large print). Where it fits at the usual size, or fits at no size, the usual size."""

    def __init__(self, text: str, style: ParagraphStyle, theme: Theme, under: Flowable
                 ) -> None:
        self.source, self.usual, self.theme, self.under = text, style, theme, under
        self.below: float | None = None  # the block's height with the space above it
        super().__init__(runt_free(text, style, theme.frame_width), style)

    def wrap(self, avail_width: float, avail_height: float) -> Any:
        if self.below is None:
            self.below = stack_height([self.under], self.theme.frame_width) + \
                self.usual.spaceAfter
        chosen = next((style for style in self._sizes()
                       if self._height(style, avail_width) + self.below <= avail_height),
                      self.usual)
        if chosen.fontSize != self.style.fontSize:
            Paragraph.__init__(self, runt_free(self.source, chosen, self.theme.frame_width),
                               chosen)
        return super().wrap(avail_width, avail_height)

    def _sizes(self) -> Iterator[ParagraphStyle]:
        """The usual style, then one a half point smaller each, down to the body size."""
        usual, floor = self.usual.fontSize, self.theme.body_size
        yield self.usual
        for size in (n / 2 for n in range(math.ceil(usual * 2) - 1, int(floor * 2) - 1, -1)):
            yield self.usual.clone("subtitle", fontSize=size, leading=max(
                size * self.usual.leading / usual, size * self.theme.ink))

    def _height(self, style: ParagraphStyle, width: float) -> float:
        para = Paragraph(runt_free(self.source, style, self.theme.frame_width), style)
        return float(para.wrap(width, 1e6)[1])
