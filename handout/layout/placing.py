"""What the layout records of each block it places, for the page rules (layout/proof.py,
layout/proof_boxes.py): its page and frame, where it printed, the box it draws and the
unit kept whole it is part of, followed through ReportLab's splits. Recorded by the
document template as it places each block (layout/page.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Frame, KeepTogether, Table

from handout.input.loader import Loc
from handout.layout.continued import Opening, SplitBox
from handout.layout.floats import Floating

Rect = tuple[float, float, float, float]  # x, y (up from the page's foot), width, height


@dataclass(frozen=True)
class Block:
    """One block as the layout placed it: its page (from 1), frame and the frame's width,
    and the part of the content it belongs to (the last part started before it). Where it
    printed (`rect`, in its frame `frame_rect`), the box it draws (`box`, its border's ink
    included), the unit kept whole it is part of, and whether it is a key fact pulled into
    a callout at a gap's foot (layout/spread.py) rather than a block of the story."""

    flowable: Flowable
    page: int
    frame: str
    width: float  # the frame's
    loc: Loc
    rect: Rect | None = None
    frame_rect: Rect | None = None
    box: Rect | None = None
    unit: Flowable | None = None
    pulled: bool = False


def whole(f: Flowable) -> bool:
    """Whether `f` is a unit that must not split: a box (a table with a background or a
    border: a help tier, a callout), a table kept from splitting, a figure or picture, or
    a group kept together that holds one of these or a grid (the plan). Not a box made to
    split with its title continued (layout/continued.py), nor a heading kept with text
    that may go on; a list or a table with its header repeated may go on."""
    if isinstance(f, Opening | SplitBox):
        return False
    if isinstance(f, Table):
        return box_of(f, (0, 0, 0, 0)) is not None or bool(f._nosplitCmds)
    return isinstance(f, Floating) or (isinstance(f, KeepTogether) and any(
        whole(part) or (isinstance(part, Table) and not part.repeatRows and
                        not isinstance(part, SplitBox)) for part in f._content))


class Units:
    """Which unit kept whole each block belongs to, followed through ReportLab's splits:
    the parts a split puts back in front of the story (a group's content, a table's rest)
    belong to the unit of what was split. `begin` and `end` go around ReportLab's
    handling of `flowables[0]`; `current` is its unit meanwhile."""

    def __init__(self) -> None:
        self._of: dict[int, tuple[Flowable, Flowable]] = {}  # id -> (flowable, its unit)
        self.current: Flowable | None = None
        self._count = 0

    def begin(self, flowables: Sequence[Flowable]) -> None:
        f = flowables[0]
        if id(f) not in self._of and whole(f):
            self._of[id(f)] = (f, f)
        entry = self._of.get(id(f))
        self.current = entry[1] if entry else None
        self._count = len(flowables)

    def end(self, flowables: Sequence[Flowable]) -> None:
        if self.current is not None:
            for f in flowables[:max(0, len(flowables) - self._count + 1)]:
                self._of.setdefault(id(f), (f, self.current))


def placed_at(f: Flowable, frame: Frame, before: tuple[float, bool, float] | None) -> Rect:
    """Where `f`, just placed in `frame`, printed. `before`: the frame's current point,
    whether it was at its top and the space after the block above, as `f` was taken in
    (None: `f` opens the frame). As ReportLab's frame places it: under the space before
    it (less what the block above left after it), aligned in the column's width."""
    top = frame._y2 - frame._topPadding
    if before is not None and not before[1]:
        y, _, prev = before
        space = f.getSpaceBefore()
        if frame._oASpace:
            if getattr(f, "_SPACETRANSFER", False) or getattr(f, "_ZEROSIZE", False):
                space = prev
            space = max(space - prev, 0)
        top = y - space
    elif before is not None:
        top = before[0]
    bottom = frame._y + f.getSpaceAfter()
    room = frame._getAvailableWidth()
    width = float(f._width if isinstance(f, Table) else getattr(f, "width", room) or 0)
    x = f._hAlignAdjust(frame._x + frame._leftExtraIndent, room - width)
    return (x, bottom, width, top - bottom)


# Which outer edges a table's line command can draw on: left, right, bottom, top.
_EDGES = {"BOX": "lrbt", "OUTLINE": "lrbt", "GRID": "lrbt", "LINEBEFORE": "l",
          "LINEAFTER": "r", "LINEBELOW": "b", "LINEABOVE": "t"}


def box_of(f: Flowable, rect: Rect) -> Rect | None:
    """The box `f` draws where it printed at `rect`, with half its border's width around
    it (what prints): a table with a background or a border, or a flowable that says
    which box it draws (the question area's `drawn_box`). None: it draws no box."""
    x, y, w, h = rect
    drawn = getattr(f, "drawn_box", None)
    if callable(drawn):
        own = drawn()
        return None if own is None else (x + own[0], y + own[1], own[2], own[3])
    if not isinstance(f, Table):
        return None
    lines = [c for c in f._linecmds if c[0] in _EDGES]
    if not f._bkgrndcmds and not any(c[0] in ("BOX", "OUTLINE", "GRID") for c in lines):
        return None
    half = {e: max((c[3] / 2 for c in lines if e in _EDGES[c[0]]), default=0.0)
            for e in "lrbt"}
    return (x - half["l"], y - half["b"], w + half["l"] + half["r"], h + half["b"] + half["t"])
