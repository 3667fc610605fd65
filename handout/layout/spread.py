"""Vertical justification: a page's spare height spread over the gaps between its blocks,
as a designer absorbs the room a unit leaves when it moves on to the next page or panel
(../shared/print-formats.md: up to about twice the normal gap).

A story gets a `Gap` between each two blocks. The first pass lays it out as it is and
each gap remembers where it fell; the spread pass gives the gaps of each frame their share
of what that frame had left. Less than all of it: every block then still has at least
the room it had, so each page breaks exactly where it did.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import ActionFlowable, Flowable

LEAST = 1.0  # points of a frame's spare room never given out (rounding)


class Gap(Flowable):  # type: ignore[misc]
    """A place between two blocks that may take `extra` points. With none it is not there
    at all: the space after the block above still collapses with the space before the
    block below (ReportLab's flags for a flowable of no size)."""

    _ZEROSIZE = True
    _SPACETRANSFER = True

    def __init__(self) -> None:
        super().__init__()
        self.extra = 0.0
        self.at_top = True  # first in its frame: extra room there would only push down
        self.left = 0.0  # the frame's height left under it (set while laid out)
        self.page, self.frame = 0, ""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        self.at_top = bool(getattr(frame, "_atTop", False))
        self.left = avail_height
        return 0, self.extra

    def draw(self) -> None:
        pass


def with_gaps(story: Sequence[Flowable]) -> tuple[list[Flowable], list[Gap]]:
    """`story` with a Gap before each block that follows another block (not around page
    and frame breaks, template changes or marks, which take no room)."""
    out: list[Flowable] = []
    gaps: list[Gap] = []
    after_block = False
    for f in story:
        block = not isinstance(f, ActionFlowable) and not getattr(f, "_ZEROSIZE", False)
        if block and after_block:
            gaps.append(Gap())
            out.append(gaps[-1])
        out.append(f)
        if block:
            after_block = True
        elif isinstance(f, ActionFlowable):
            after_block = False
    return out, gaps


@dataclass(frozen=True)
class FrameEnd:
    """Where a frame was left: its page (from 1), id, and the height left unused in it."""

    page: int
    frame: str
    left: float


def spread(gaps: Sequence[Gap], ends: Sequence[FrameEnd], most: float,
           skip_last: bool = False) -> dict[int, float]:
    """Each gap's extra height, by its place in `gaps`: the room each frame had left
    (`ends`), shared among the gaps with a block after them in that frame, at most `most`
    points each. `skip_last`: the story's last frame keeps its room (a document's last
    page ends where its text does)."""
    left = {(e.page, e.frame): e.left for e in ends}
    last = (ends[-1].page, ends[-1].frame) if ends else None
    inner: dict[tuple[int, str], list[int]] = defaultdict(list)
    for n, gap in enumerate(gaps):
        where = (gap.page, gap.frame)
        # A block followed it in its frame when the frame had less left at its end.
        if not gap.at_top and where in left and gap.left > left[where] + LEAST:
            inner[where].append(n)
    out: dict[int, float] = {}
    for where, ns in inner.items():
        if skip_last and where == last:
            continue
        share = min(most, max(0.0, left[where] - LEAST) / len(ns))
        if share > 0.5:
            out.update(dict.fromkeys(ns, share))
    return out
