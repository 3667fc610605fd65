"""A long box that may split between its list items, its title repeated on the next page
as "… (continued)": in the document, a box kept whole that misses the room left on a page
would leave that room empty (a page a quarter empty looks unfinished,
../shared/print-formats.md). It splits only where that reads well: at least LEAST items
on each side, never inside an item, never before its paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from handout.layout.blocks import box_commands, bullet_list
from handout.layout.markup import runt_free
from handout.layout.measure import stack_height
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import Element, TaggedList, artifact, group

LEAST = 2  # items a box keeps on each side of a split


Row = list[Flowable]  # a row's cell: its flowables


class SplitBox(Table):  # type: ignore[misc]
    """A box of one row per block: its title, its paragraphs, then one row per list item.
    `lead`: the rows before the items (title and paragraphs); `items`: the items' rows."""

    maker: BoxMaker
    lead: list[Row]
    items: list[Row]

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (ReportLab's)
        return self.maker.split(self, aW, aH)


Style = Callable[[int, int], list[tuple[object, ...]]]  # rows before the items, items


class BoxMaker:
    """Makes a box, whole or in the parts a split gives (each a SplitBox): `style` gives
    its table style for so many rows before the items and so many items; `again` makes
    the row that opens a continued part (its title, marked as continued)."""

    def __init__(self, lead: Sequence[Row], items: Sequence[Row], *, style: Style,
                 again: Callable[[], Row], structure: Element) -> None:
        self.lead, self.items = list(lead), list(items)
        self.style, self.again, self.structure = style, again, structure

    def make(self, lead: Sequence[Row], items: Sequence[Row]) -> SplitBox:
        width = self.width
        table = SplitBox([[row] for row in [*lead, *items]], colWidths=[width])
        table.setStyle(self.style(len(lead), len(items)))
        table.maker, table.lead, table.items = self, list(lead), list(items)
        return artifact(table, self.structure)

    width = 0.0  # the column's, set by `whole`

    def whole(self, width: float) -> SplitBox:
        self.width = width
        return self.make(self.lead, self.items)

    def first_rows(self, width: float) -> float:
        """The height of the box's first part at its smallest: the rows before the items
        and LEAST items."""
        part = self.make(self.lead, self.items[:LEAST])
        return float(part.wrap(width, 1e6)[1])

    def split(self, box: SplitBox, width: float, height: float) -> list[Flowable]:
        """The box split after as many items as fit `height`, LEAST at least on each side;
        [] where no such split fits (the box then moves on whole)."""
        lead, items = box.lead, box.items
        for k in range(len(items) - LEAST, LEAST - 1, -1):
            head = self.make(lead, items[:k])
            if head.wrap(width, height)[1] <= height:
                return [head, self.make([self.again()], items[k:])]
        return []


def continued_title(title: str, style: ParagraphStyle, theme: Theme) -> Flowable:
    """A box's title again on the next page, marked as continued: an artifact (a screen
    reader has read it where the box began)."""
    text = theme.text("box_continued", title=title)
    return artifact(Paragraph(runt_free(text, style, theme.frame_width), style))


def item_rows(listing: TaggedList) -> list[Row]:
    """A list's items, each drawn with its bullet, as ReportLab lays a list out. A cell
    keeps the space after a flowable only before another: an empty spacer keeps it."""
    items: list[Flowable] = list(listing._content)
    rows: list[Row] = [[item, Spacer(1, 0)] for item in items[:-1]]
    rows.append([items[-1]])
    return rows


def split_box(title: Flowable, title_text: str, paragraphs: Sequence[Flowable],
              bullets: Sequence[str], theme: Theme) -> SplitBox | None:
    """A box that may split between its items, or None where it has too few to split."""
    if len(bullets) < 2 * LEAST:
        return None
    listing = bullet_list(bullets, theme)
    structure = group("Div", [title, *paragraphs, listing])
    lead = [[title], *([p] for p in paragraphs)]
    commands = box_commands(theme, background=theme.tint, rule=theme.accent)
    maker = BoxMaker(lead, item_rows(listing), style=lambda _lead, _items: commands,
                     again=lambda: [continued_title(title_text, theme.style("h2"), theme)],
                     structure=structure)
    return maker.whole(theme.frame_width)


def opening_least(head: Sequence[Flowable], box: SplitBox, width: float) -> float:
    """The least room a section's opening needs on a page to start there: its heading and
    lines above the box, and the box's first part."""
    return stack_height(head, width) + box.maker.first_rows(width)


class Opening(KeepTogether):  # type: ignore[misc]
    """A section's heading, its line of introduction and a box that may split: kept
    together, except where the room left holds them with the box's first part (`least`);
    then they start here and the box splits."""

    def __init__(self, flowables: list[Flowable], least: float, *,
                 taller_only: bool = False) -> None:
        """`taller_only`: start here only when the whole is taller than a fresh frame (it
        cannot be kept together anyway); else move on whole, as a KeepTogether."""
        super().__init__(flowables)
        self.least, self.taller_only = least, taller_only

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (ReportLab's)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        taller = frame is not None and frame._height < self._H
        if self._H > aH >= self.least and (taller or not self.taller_only):
            return list(self._content)
        parts: list[Flowable] = super().split(aW, aH)
        return parts
