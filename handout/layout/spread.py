"""Vertical justification: a page's spare height spread over the gaps between its blocks,
as a designer absorbs the room a unit leaves when it moves on to the next page or panel
(../shared/print-formats.md: up to about twice the normal gap); where that is not enough,
a key fact pulled into a callout at the page's foot.

A story gets a `Gap` between each two blocks. The first pass lays it out as it is and
each gap remembers where it fell; the spread pass gives the gaps of each frame their share
of what that frame had left. Less than all of it: every block then still has at least
the room it had, so each page breaks exactly where it did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.platypus import ActionFlowable, Flowable, NextPageTemplate, PageBreak

LEAST = 1.0  # points of a frame's spare room never given out (rounding)
SPLIT_LINES = 3  # frames with less room left than this many lines (of `most`) keep it
MOST_EMPTY = 0.25  # a page or panel a quarter empty or more looks unfinished
# The question area takes the room left on a page where that is this share of it or more:
# a little under a quarter, as the box keeps a margin above it and the page's gaps count.
FILL_FROM = 0.2


class Gap(Flowable):  # type: ignore[misc]
    """A place between two blocks that may take `extra` points. With none it is not there
    at all: the space after the block above still collapses with the space before the
    block below (ReportLab's flags for a flowable of no size)."""

    _ZEROSIZE = True
    _SPACETRANSFER = True

    def __init__(self) -> None:
        super().__init__()
        self.extra = 0.0
        self.callout: Flowable | None = None  # drawn at the gap's foot, under the extra
        self.callout_height = 0.0
        self.at_top = True  # first in its frame: extra room there would only push down
        self.left = 0.0  # the frame's height left under it (set while laid out)
        self.page, self.frame = 0, ""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        self.at_top = bool(getattr(frame, "_atTop", False))
        self.left = avail_height
        self.callout_height = 0.0
        if self.callout is not None:
            self.callout_height = self.callout.wrap(avail_width, avail_height)[1]
        return avail_width, self.extra + self.callout_height

    def draw(self) -> None:
        if self.callout is not None:
            self.callout.drawOn(self.canv, 0, 0)


def with_gaps(story: Sequence[Flowable]) -> tuple[list[Flowable], list[Gap]]:
    """`story` with a Gap between each two blocks, and after the last block before each
    page break (a change of page template before it too) and at the end (marks and
    template changes take no room and are not blocks). Not before a frame break: a frame
    sized to its content (a sheet's title) has no room even for a gap of no height."""
    out: list[Flowable] = []
    gaps: list[Gap] = []
    after_block = False

    def gap() -> None:
        gaps.append(Gap())
        # A heading's keep-with-next reaches past the gap to the block under it
        # (ReportLab keeps a run of keep-with-next flowables with the one after them).
        if out and out[-1].getKeepWithNext():
            gaps[-1].keepWithNext = 1
        out.append(gaps[-1])

    for f in story:
        block = not isinstance(f, ActionFlowable) and not getattr(f, "_ZEROSIZE", False)
        if after_block and (block or isinstance(f, PageBreak)):
            gap()
        out.append(f)
        if block:
            after_block = True
        elif isinstance(f, ActionFlowable) and not isinstance(f, NextPageTemplate):
            after_block = False  # (a change of page template stays in the frame)
    if after_block:
        gap()
    return out, gaps


@dataclass(frozen=True)
class FrameEnd:
    """Where a frame was left: its page (from 1), id, height and the height left unused;
    `filled`: where its blocks printed, each (top, bottom) in points from its top."""

    page: int
    frame: str
    left: float
    height: float
    filled: tuple[tuple[float, float], ...] = ()

    def empty(self, allowed: float) -> float:
        """The height nothing is printed in: each stretch between two blocks, above the
        first or under the last, taller than `allowed` (a wider gap between blocks reads
        as space, not as a hole), as the proof measures a printed page."""
        empty, reach = 0.0, 0.0
        for top, bottom in sorted(self.filled):
            if top - reach > allowed:
                empty += top - reach
            reach = max(reach, bottom)
        if self.height - reach > allowed:
            empty += self.height - reach
        return empty


@dataclass(frozen=True)
class Spread:
    """What the spread pass adds: extra height for gap n, and a callout (a key fact) in
    the gap at the foot of a frame that would otherwise be a quarter empty."""

    extra: dict[int, float] = field(default_factory=dict)
    callouts: dict[int, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.extra or self.callouts)


def spread(gaps: Sequence[Gap], ends: Sequence[FrameEnd], most: float, *,
           facts: Sequence[str] = (), callout: Callable[[str], float] = lambda _: 0.0,
           skip_last: bool = False, allowed: float = 0.0) -> Spread:
    """The room each frame had left (`ends`), given out: shared among the gaps with a
    block after them in that frame, at most `most` points each; then, where a quarter of
    the frame or more would still be empty as the page rules measure it (FrameEnd.empty,
    holes taller than `allowed` counted), a callout with the next of `facts` (`callout`:
    its height) at the foot of the frame's room, in the gap at the frame's foot (set
    halfway down, it would leave two holes instead of one), the inner gaps given less
    where the callout needs their room. `skip_last`: the story's last frame keeps its
    room (a document's last page ends where its text does)."""
    last = (ends[-1].page, ends[-1].frame) if ends else None
    unused = list(facts)
    out = Spread()
    for end in ends:
        where = (end.page, end.frame)
        # A frame with under three lines left may end on a split paragraph, whose split
        # point widow and orphan control can move by two lines for a point less room.
        if (skip_last and where == last) or end.left < SPLIT_LINES * most:
            continue
        mine = [(n, gap) for n, gap in enumerate(gaps)
                if (gap.page, gap.frame) == where and not gap.at_top]
        # A block followed a gap in its frame when the frame had less left at its end; a
        # printed one (not only a space) when one starts under it.
        inner = [n for n, gap in mine if gap.left > end.left + LEAST]
        moving = {n for n in inner
                  if any(top >= end.height - gaps[n].left - LEAST for top, _ in end.filled)}
        foot = [n for n, _ in mine if n not in moving]  # nothing printed under them
        room = end.left - LEAST
        share = min(most, room / len(inner)) if inner else 0.0
        share = share if share > 0.5 else 0.0
        # What the page rules will find empty once the inner gaps have their share: the
        # room at the foot, and any hole between blocks taller than `allowed`, less what
        # the gaps that move a printed block down give.
        # (Without `allowed`, the room under the last block's ink, the space after it
        # included.)
        foot_room = end.height - max((bottom for _, bottom in end.filled), default=0.0)
        empty = (end.empty(allowed) if allowed else max(end.left, foot_room)) \
            - share * len(moving)
        if unused and foot and empty > MOST_EMPTY * end.height:
            height = callout(unused[0])
            if height + most <= room:  # at the foot of the room, the inner gaps less if so
                at = foot[-1]
                inner = [n for n in inner if n != at]
                share = min(share, (room - height - most) / len(inner)) if inner else 0.0
                out.callouts[at] = unused.pop(0)
                out.extra[at] = room - share * len(inner) - height - LEAST
        if share > 0.5:
            out.extra.update(dict.fromkeys(inner, share))
    return out


def kept_back(plan: Spread, placed: list[tuple[int, str]], moved: list[tuple[int, str]]
               ) -> Spread:
    """`plan` less what it gives the frame before the first gap that fell elsewhere in
    the pass it made (`moved`) than in the fitted pass (`placed`); less all it gives
    before that gap if that frame had nothing."""
    first = next((n for n, (a, b) in enumerate(zip(placed, moved, strict=False)) if a != b),
                 min(len(placed), len(moved)))
    frame = placed[first - 1] if first else None
    mine = {n for n in (*plan.extra, *plan.callouts) if placed[n] == frame}
    if not mine:
        mine = {n for n in (*plan.extra, *plan.callouts) if n < first}
    if not mine:
        return Spread()
    return Spread({n: h for n, h in plan.extra.items() if n not in mine},
                  {n: t for n, t in plan.callouts.items() if n not in mine})
