"""A section's picture: the image at the column's width, or half or a third of it (or its
own size, if smaller), its caption and credit, kept together. The paragraphs after a half
or third picture flow beside it, then on under it (ReportLab's ImageAndFlowables), where
the column leaves them room enough.

Tagged, a Div holding the image as a Figure with its alt text (a decorative one is a
layout artifact), the caption and the credit as paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, ImageAndFlowables, KeepTogether, Spacer
from reportlab.platypus.flowables import _Container, _listWrapOn

from handout.input.images import printed_size
from handout.input.sections import Image
from handout.layout.drawings import Picture
from handout.layout.floats import floating
from handout.layout.markup import markup
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import artifact, group, tag

GUTTER = 1.0  # ems of body text between a narrow picture and the text beside it
# Text beside a picture needs this many ems of body text (some 25 characters a line);
# in a narrower column (a tri-fold panel) it goes under the picture instead.
LEAST_BESIDE = 12.0


class PictureFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The picture, as large as the column and the page allow, never larger than it is."""

    def __init__(self, picture: Picture, theme: Theme, alt_text: str, share: float = 1.0
                 ) -> None:
        super().__init__()
        self.picture = picture
        self.column = theme.frame_width * share
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
    drawn = PictureFlowable(picture, theme, image.alt, image.share)
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


class Inset(_Container, Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A narrow picture with its caption and credit, stacked in a box `width` wide: the
    "image" of ImageAndFlowables, which asks any image to fit itself to the room."""

    def __init__(self, parts: Sequence[Flowable], width: float) -> None:
        super().__init__()
        self._content = list(parts)
        self.box = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self.box, avail_width)
        # ImageAndFlowables calls wrap itself, not wrapOn: there may be no canvas yet.
        self.height = _listWrapOn(self._content, self.width, getattr(self, "canv", None))[1]
        return self.width, self.height

    def _restrictSize(self, avail_width: float, avail_height: float  # noqa: N802
                      ) -> tuple[float, float]:
        return self.width, self.height  # a picture is never squeezed to fit

    def _unRestrictSize(self) -> None:  # noqa: N802
        pass

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        _Container.drawOn(self, canv, x, y, content=self._content, aW=self.width)


def beside(picture: Flowable, text: Sequence[Flowable], share: float, theme: Theme
           ) -> list[Flowable]:
    """A narrow picture (from `picture_flowables`) with the paragraphs after it flowing
    beside it on the right, then under it. Where the column leaves the text too little
    room, the picture is printed as a full one, the text under it: a small picture alone
    in a narrow column would only leave a hole beside it."""
    gutter = GUTTER * theme.body_size
    room = theme.frame_width * (1 - share) - gutter
    parts = picture._content if isinstance(picture, KeepTogether) else [picture]
    if not text:
        return [picture]
    if room < LEAST_BESIDE * theme.body_size:
        for part in parts:
            if isinstance(part, PictureFlowable):
                part.column = theme.frame_width
        return [picture, *text]
    inset = Inset(parts, theme.frame_width * share)
    return [TextBeside(inset, list(text), imageLeftPadding=gutter, imageRightPadding=0,
                       imageBottomPadding=theme.gap(0.4), imageSide="right")]


class TextBeside(ImageAndFlowables):  # type: ignore[misc]  # reportlab has no type hints
    """ImageAndFlowables that, where the picture does not fit the room left in the frame,
    sets the text at the full width down to the frame's foot and the picture at the top of
    the next, with the rest of the text beside it (as a figure floats, layout/floats.py),
    instead of leaving the room empty."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)
        if parts:
            if type(parts[0]) is ImageAndFlowables:
                parts[0].__class__ = TextBeside
            return parts
        placed: list[Flowable] = []
        rest, room = list(self._content), avail_height
        while rest:
            height = rest[0].wrap(avail_width, room)[1] + rest[0].getSpaceAfter()
            if height > room:
                pieces = rest[0].split(avail_width, room)
                if len(pieces) > 1:
                    placed.append(pieces[0])
                    rest = [*pieces[1:], *rest[1:]]
                break
            placed.append(rest.pop(0))
            room -= height
        if not placed:
            return []  # not a line fits: all of it moves on
        return [*placed, TextBeside(self._I, rest, imageLeftPadding=self._ilpad,
                                    imageRightPadding=self._irpad,
                                    imageTopPadding=self._itpad,
                                    imageBottomPadding=self._ibpad, imageSide=self._side)]
