"""Icons as vector drawings: recoloured to the theme, sized to their text, tagged.

An icon is decoration (a layout artifact) unless the content gives it `alt`; then it is a
Figure with that alt text, read just before the text it stands beside.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, Spacer

from handout.common import icon_set
from handout.input.fields import Icon, Point
from handout.layout.blocks import bullet_list
from handout.layout.drawings import parse_svg
from handout.layout.markup import runt_free
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import LAYOUT, Element, marked, tag

# The icons are drawn on a 48-unit square with about 6 units of margin on each side, so
# a box this many times the body text's line height shows a glyph about as tall as a line.
BOX_PER_LINE = 1.35
GAP = 0.45  # space between icon and text, in ems of the text


@lru_cache(maxsize=128)
def icon_drawing(name: str, colour: str) -> Drawing:
    """The named icon (checked by the model) with every line and fill in `colour` (hex)."""
    info = icon_set.find(name)
    assert info is not None, "the model checks icon names"
    # Parsed afresh, not through the logos' file cache: this function keeps each coloured
    # icon, so it may recolour the drawing in place.
    drawing = parse_svg(info.path)
    assert drawing is not None, f"bundled icon {info.path} is unreadable"
    paint = Color(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))

    def walk(node: object) -> None:
        for attr in ("fillColor", "strokeColor"):
            if getattr(node, attr, None) is not None:
                setattr(node, attr, paint)
        for child in getattr(node, "contents", []):
            walk(child)

    walk(drawing)
    return drawing


def draw_icon(canv: Any, name: str, colour: Color, *, at: tuple[float, float],
              size: float) -> None:
    """The icon in the `size`-point square at `at`: a form XObject named after the icon
    and its colour, drawn into the PDF once and placed wherever the icon is used."""
    hex_colour = "#" + str(colour.hexval())[2:8].upper()
    form = "icon-" + re.sub(r"[^A-Za-z0-9_-]", lambda m: f"x{ord(m.group()):02X}",
                            f"{name}-{hex_colour[1:]}")
    drawing = icon_drawing(name, hex_colour)
    if not canv.hasForm(form):
        canv.beginForm(form, 0, 0, drawing.width, drawing.height)
        renderPDF.draw(drawing, canv, 0, 0)
        canv.endForm()
    canv.saveState()
    canv.translate(*at)
    scale = size / max(drawing.width, drawing.height)
    canv.scale(scale, scale)
    canv.doForm(form)
    canv.restoreState()


def icon_size(theme: Theme, leading: float) -> float:
    """The icon box for text of line height `leading`: the body text's icon size at the
    least (so headings and text share one size), the line's height for larger text."""
    return round(max(leading, float(theme.style("body").leading) * BOX_PER_LINE), 1)


class IconBeside(Flowable):  # type: ignore[misc]
    """A flowable (heading, paragraph, list item) with a mark at the left of its first line:
    an icon, a bullet character (a list's Lbl) or nothing (the room is kept, so a list's
    texts line up).

    It stands in for `body` in the story: bookmarks, keep-with-next, spacing and the
    structure element are `body`'s. The mark's box is centred on the first line; a box
    taller than the line reaches a little into the space above, as a tall letter would.
    `above`: the mark stands on a line of its own over the body, which takes the whole
    width (for a word too wide for the line beside the mark).
    """

    def __init__(self, mark: Icon | str | None, body: Flowable, colour: Color, size: float,
                 gap: float, *, above: bool = False) -> None:
        super().__init__()
        self.mark, self.body, self.colour = mark, body, colour
        self.size, self.gap, self.above = size, gap, above
        self.structure = getattr(body, "structure", None)
        for attr in ("outline_title", "outline_level"):
            if hasattr(body, attr):
                setattr(self, attr, getattr(body, attr))
        self.keepWithNext = body.getKeepWithNext()
        self._owner: Any = None

    @property
    def _first_line(self) -> float:
        style = getattr(self.body, "style", None)
        return float(style.leading) if style is not None else self.size

    @property
    def _overhang(self) -> float:
        """How far the mark's box reaches above the body."""
        return (self.size - self._first_line) / 2

    @property
    def _room(self) -> float:
        """The width the mark takes from the body's lines."""
        return 0.0 if self.above else self.size + self.gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self._body_height = self.body.wrap(avail_width - self._room, avail_height)
        self.width = avail_width
        self.height = self._body_height + self.size + self.gap / 2 if self.above else \
            max(self._body_height, self.size - self._overhang)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self.above:  # a band's heading: kept whole with its mark
            return []
        parts: list[Flowable] = self.body.split(avail_width - self.size - self.gap,
                                                avail_height)
        return [IconBeside(self.mark if i == 0 else None, part, self.colour, self.size,
                           self.gap) for i, part in enumerate(parts)]

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's name)
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        top = self.height
        if self.mark is not None:
            with marked(self.canv, self._mark_owner()):
                if isinstance(self.mark, Icon):
                    y = top - self.size if self.above else top + self._overhang - self.size
                    draw_icon(self.canv, self.mark.name, self.colour, at=(0, y),
                              size=self.size)
                else:
                    self._bullet(top)
        self.body.drawOn(self.canv, self._room, 0 if self.above else top - self._body_height)

    def _bullet(self, top: float) -> None:
        """The bullet as a paragraph of the body's style: on the first line's baseline."""
        style = self.body.style.clone("mark", alignment=TA_CENTER, leftIndent=0,
                                      firstLineIndent=0)
        bullet = Paragraph(str(self.mark), style)
        _, height = bullet.wrap(self.size, self._first_line * 2)
        bullet.drawOn(self.canv, 0, top - height)

    def _mark_owner(self) -> Any:
        """What the mark is in the structure: decoration, a Figure with the icon's alt
        text, or the list item's label; made once, when first drawn (by then the body's
        element has its parent), and placed just before the body's element."""
        if self._owner is None:
            own = getattr(self.body, "tag", None)
            parent = own.parent if isinstance(own, Element) else None
            if isinstance(self.mark, Icon):
                self._owner = (Element("Figure", alt=self.mark.alt, parent=parent)
                               if self.mark.alt else LAYOUT)
            else:
                self._owner = Element("Lbl", parent=parent) if parent else LAYOUT
        return self._owner


def beside(icon: Icon | None, body: Flowable, theme: Theme, leading: float) -> Flowable:
    """`body` with `icon` at its first line (text of line height `leading`), or `body`."""
    if icon is None:
        return body
    return IconBeside(icon, body, theme.primary, icon_size(theme, leading), theme.body_size * GAP)


def point_list(points: Sequence[Point], theme: Theme, style: str = "bullet") -> list[Flowable]:
    """A bulleted list where a point with an icon shows the icon in place of its bullet
    (tagged L > LI > Lbl or Figure, LBody). With no icon at all, the usual bulleted list."""
    if not any(point.icon for point in points):
        return [bullet_list([point.text for point in points], theme, style=style)]
    st = theme.style(style)
    # The space between items as spacers: a box's table ignores a cell's spaceAfter.
    tight = st.clone(f"{st.name}-item", spaceAfter=0)
    items = Element("L")
    out: list[Flowable] = []
    for i, point in enumerate(points):
        body = tag(Paragraph(runt_free(point.text, tight, theme.frame_width), tight), "LBody",
                   parent=Element("LI", parent=items))
        # Before the first, room for its icon to reach above its line.
        out.append(Spacer(1, st.spaceAfter if i else theme.gap(0.25)))
        out.append(IconBeside(point.icon or "\u2022", body, theme.primary,
                              icon_size(theme, st.leading), theme.body_size * GAP))
    return [*out, Spacer(1, theme.gap(0.4))]
