"""A section's picture: the image at the column's width (or its own size, if smaller),
its caption and credit, kept together.

Tagged, a Div holding the image as a Figure with its alt text (a decorative one is a
layout artifact), the caption and the credit as paragraphs.
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Spacer

from handout.input.images import printed_size
from handout.input.sections import Image
from handout.layout.drawings import Picture
from handout.layout.floats import floating
from handout.layout.markup import markup
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import artifact, group, tag


class PictureFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The picture, as large as the column and the page allow, never larger than it is."""

    def __init__(self, picture: Picture, theme: Theme, alt_text: str) -> None:
        super().__init__()
        self.picture = picture
        self.column = theme.frame_width
        self.text_height = theme.page_size[1] - theme.top_margin - theme.bottom_margin
        self.alt_text = alt_text
        self.hAlign = "LEFT"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = printed_size(self.picture.width, self.picture.height,
                                               min(self.column, avail_width), self.text_height)
        return self.width, self.height

    def draw(self) -> None:
        picture, canv = self.picture, self.canv
        if picture.drawing is not None:
            canv.saveState()
            canv.scale(self.width / picture.width, self.height / picture.height)
            renderPDF.draw(picture.drawing, canv, 0, 0)
            canv.restoreState()
            return
        raster = picture.raster
        source = raster if isinstance(raster, str) else ImageReader(raster)
        canv.drawImage(source, 0, 0, self.width, self.height, mask="auto")


def picture_flowables(image: Image, picture: Picture, theme: Theme) -> list[Flowable]:
    """The picture, its caption and its credit, as one block that never splits."""
    drawn = PictureFlowable(picture, theme, image.alt)
    parts: list[Flowable] = [artifact(drawn) if image.decorative
                             else tag(drawn, "Figure", image.alt)]
    if image.caption or image.credit:
        parts.append(Spacer(1, theme.gap(0.3)))
    if image.caption:
        parts.append(tag(Paragraph(markup(image.caption), theme.style("caption")), "P"))
    if image.credit:
        parts.append(tag(Paragraph(markup(image.credit), theme.style("small")), "P"))
    if not image.caption and not image.credit:
        parts.append(Spacer(1, theme.gap(0.6)))
    group("Div", parts)
    return [floating(parts)]
