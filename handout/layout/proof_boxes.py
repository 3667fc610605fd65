"""The page rules about where blocks printed (layout/proof.py holds the rest): each block
stays inside its column or panel, boxes keep the theme's gap from each other, and a unit
kept whole (a box, a help tier, the plan, a figure, a group kept together) is drawn in one
column or panel. What they read is recorded as the layout places each block
(layout/placing.py).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph, Spacer

from handout.input.loader import Loc
from handout.layout.measure import lines_of
from handout.layout.placing import Block, Rect

NEAREST_BOXES = 2.0  # points distinct boxes keep between them at least (tests/proof's)
# What the build holds them to: this share of the theme's gap (Theme.gap; the help tiers
# keep 0.4 of it and 4 pt, less their borders' ink), never under NEAREST_BOXES.
BOX_GAP = 0.3
SPILL = 1.0  # points a block may reach past its frame (rounding)


@dataclass(frozen=True)
class Broken:
    """A rule the pages break: where in the content, where on the pages, and what to do."""

    loc: Loc
    where: str
    message: str
    refused: bool = True  # False: reported, the PDF still written (proof.EMPTY_REFUSED)
    says_what_to_do: bool = False  # the message says what to change (an empty page's)


def outside_frame(blocks: Sequence[Block], names: Mapping[tuple[int, str], str]
                  ) -> list[Broken]:
    """Each block that reaches past its column or panel (then into the margin the safe
    area keeps: the frames lie inside it), and by how much."""
    out = []
    for p in blocks:
        if p.rect is None or p.frame_rect is None:
            continue
        (x, y, w, h), (fx, fy, fw, fh) = p.rect, p.frame_rect
        past = {"left": fx - x, "right": x + w - fx - fw, "foot": fy - y, "top": y + h - fy - fh}
        side, points = max(past.items(), key=lambda item: item[1])
        if points > SPILL:
            where = names.get((p.page, p.frame), f"page {p.page}")
            out.append(Broken(p.loc, where, f'a block ("{first_words(p.flowable)}") runs '
                              f"{points:.0f} pt past the {side} of its column on {where}, "
                              "out of the page's safe area"))
    return out


def distance(a: Rect, b: Rect) -> float:
    """How far apart two rectangles are: between their nearest sides, or set corner to
    corner (apart both ways), between their nearest corners; below 0 where they overlap."""
    dx = max(b[0] - a[0] - a[2], a[0] - b[0] - b[2])
    dy = max(b[1] - a[1] - a[3], a[1] - b[1] - b[3])
    return math.hypot(dx, dy) if dx > 0 and dy > 0 else max(dx, dy)


def boxes_apart(blocks: Sequence[Block], names: Mapping[tuple[int, str], str],
                nearest: float = NEAREST_BOXES) -> list[Broken]:
    """Each two boxes on a page that overlap or come nearer than `nearest` points (at
    least NEAREST_BOXES), located at the later one."""
    nearest = max(nearest, NEAREST_BOXES)
    out = []
    boxes = [p for p in blocks if p.box is not None]
    for n, two in enumerate(boxes):
        for one in boxes[:n]:
            assert one.box is not None and two.box is not None
            gap = distance(one.box, two.box)
            if one.page != two.page or gap >= nearest - 0.05:
                continue
            where = names.get((two.page, two.frame), f"page {two.page}")
            how = "overlap" if gap < 0 else "touch" if gap < 0.05 else \
                f"are {gap:.1f} pt apart"
            out.append(Broken(two.loc, where, f'the boxes "{first_words(one.flowable)}" and '
                              f'"{first_words(two.flowable)}" {how} on {where}; boxes keep at '
                              f"least {nearest:.1f} pt between them"))
    return out


def split_units(blocks: Sequence[Block], names: Mapping[tuple[int, str], str]
                ) -> list[Broken]:
    """Each unit kept whole whose blocks printed in more than one frame, located at its
    first block."""
    frames: dict[int, list[Block]] = {}
    for p in blocks:
        if p.unit is not None and not isinstance(p.flowable, Spacer) and p.rect and \
                p.rect[3] > 0.5:
            frames.setdefault(id(p.unit), []).append(p)
    out = []
    for parts in frames.values():
        seen = list(dict.fromkeys((p.page, p.frame) for p in parts))
        if len(seen) > 1:
            first, second = (names.get(key, f"page {key[0]}") for key in seen[:2])
            out.append(Broken(parts[0].loc, first, f'"{first_words(parts[0].flowable)}" is split '
                              f"between {first} and {second}; a box, a help panel, the "
                              "plan or a figure is kept whole on one page or panel"))
    return out


def first_words(f: Flowable, most: int = 40) -> str:
    """The first words a block prints, for a message (or what it is, with none)."""
    for para in paragraphs(f, laid_out=False):
        marked = re.sub(r"<br\s*/?>", " ", str(getattr(para, "text", None) or ""))
        text = " ".join(html.unescape(re.sub(r"<[^>]*>", "", marked)).split()) or \
            " ".join(lines_of(para))
        if text:
            return text if len(text) <= most else text[:most - 1].rstrip() + "…"
    return "the question area" if hasattr(f, "drawn_box") else type(f).__name__


def paragraphs(f: Flowable, *, laid_out: bool = True) -> list[Paragraph]:
    """The paragraphs in a block (`laid_out`: those laid out): itself, or those inside its
    box, table, list or kept-together group (a contact box's phone line sits in a table
    in a box)."""
    if isinstance(f, Paragraph):
        return [f] if hasattr(f, "blPara") or not laid_out else []
    out: list[Paragraph] = []
    # Text set beside a picture (layout/pictures.py) as drawn: beside it and under it (its
    # _content is the same text before it was split).
    names = ("_C0", "_C1") if hasattr(f, "_C0") else \
        ("_content", "_flowables", "_cellvalues", "body")
    for name in names:
        out += [p for child in _children(getattr(f, name, None))
                for p in paragraphs(child, laid_out=laid_out)]
    return out


def _children(value: object) -> list[Flowable]:
    """The flowables in a block's attribute: one, a list, or a table's rows of cells."""
    if isinstance(value, Flowable):
        return [value]
    if isinstance(value, list | tuple):
        return [f for item in value for f in _children(item)]
    return []
