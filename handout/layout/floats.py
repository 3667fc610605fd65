"""Figures and pictures that float: one too tall for the room left in its frame waits for
the top of the next frame, while the blocks after it in its section fill that room, as a
designer sets a figure at the top of the next page instead of leaving a gap there.

It passes only blocks of text and the start of a section: at a page or frame break, a
zone's mark or another float, it takes its place again.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, Flowable, Frame, FrameBreak, KeepTogether

from handout.layout.measure import stack_height
from handout.layout.spread import Gap


class Floating(KeepTogether):  # type: ignore[misc]
    """A figure or picture with its caption: one block that may float."""


def floating(flowables: Sequence[Flowable]) -> Floating:
    return Floating(list(flowables))


class Floats:
    """What the layout holds back: at most one float, and the frame it was held in.
    `decided` records, float by float, whether each was held back; a later pass of the
    same pages (the spread pass) replays those decisions (`replay`), so each page keeps
    the blocks it had."""

    def __init__(self, replay: Sequence[bool] = ()) -> None:
        self.waiting: Flowable | None = None
        self.held_in: tuple[int, str] = (0, "")
        self.replay = list(replay)
        self.decided: list[bool] = []
        self.seen: set[tuple[int, int, str]] = set()  # (float, page, frame) decided

    def next(self, flowables: list[Flowable], page: int, frame: Frame, canv: Canvas) -> bool:
        """Before the layout takes `flowables[0]` into `frame` on `page`: put a waiting
        float back at the front when its time has come, or hold back a float that does
        not fit here. True when `flowables[0]` was taken away (held back)."""
        first = flowables[0]
        if self.waiting is not None:
            moved_on = (page, frame.id) != self.held_in
            if moved_on or isinstance(first, Floating) or not _block(first):
                # A block ReportLab moved on to this frame must open it (it checks that a
                # block it put back fits an empty frame), and the frame break a block kept
                # together starts with moves on first: the float comes after either.
                after = int((moved_on and hasattr(first, "_postponed"))
                            or isinstance(first, type(FrameBreak)))
                flowables.insert(after, self.waiting)
                self.waiting = None
            return False
        # Each float is decided once in each frame it reaches: put back where it was held,
        # it goes in (or on to the next frame) as any block does; there it may wait again.
        if not isinstance(first, Floating) or (id(first), page, frame.id) in self.seen:
            return False
        self.seen.add((id(first), page, frame.id))
        n = len(self.decided)
        hold = self.replay[n] if n < len(self.replay) else not _fits(first, frame, canv)
        self.decided.append(hold)
        if hold:
            self.waiting, self.held_in = flowables.pop(0), (page, frame.id)
        return hold


def _block(f: Flowable) -> bool:
    """A block of text, a gap between blocks or a section's start: not a break, a
    template change or a zone's mark."""
    if isinstance(f, Gap) or getattr(f, "floats_pass", False):
        return True
    return not (isinstance(f, ActionFlowable) or getattr(f, "_ZEROSIZE", False))


def _fits(f: Floating, frame: Frame, canv: Canvas) -> bool:
    """Whether `f` fits the room left in `frame`, or would not fit an empty one either
    (then holding it back gains nothing)."""
    if frame._atTop:  # ReportLab's frame: nothing placed in it yet
        return True
    # The frame's current point and its bottom: the room left.
    room = frame._y - frame._y1p - f.getSpaceBefore()
    # Its content measured (a KeepTogether's own wrap says "too tall", to make the frame
    # split it).
    height = stack_height([f], frame._getAvailableWidth(), canv)
    return bool(height <= room or height > frame._height)
