"""The contact box's QR code grown into room a page or panel would otherwise leave empty
(a picture grows rather than leave a page unfinished): one rule for every format.

The code grows by QR_STEPS; where the largest step still leaves `spare` room, on by
bisection up to `most` (in body sizes): the largest that fits. Every size tried is a real
box, measured; a format decides where the room is (before layout, or while the page is
laid out: `GrownHere`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from handout.layout.measure import stack_height
from handout.layout.when import When

QR_STEPS = (8.0, 9.5, 11.0)  # the sizes it grows by into room (body sizes), smallest first
MOST_WIDTH = 0.8  # the largest code: this share of its column's width


def grown(box: Callable[[float], list[Flowable]], room: float, width: float, *,
          most: float, below: Sequence[Flowable] = (), gap: float = 0.0,
          spare: float = float("inf")) -> list[Flowable] | None:
    """`box(ems)` with the largest QR code (`ems` body sizes) that fits `room` with `gap`
    and `below` under it: the largest of QR_STEPS (up to `most`) that fits; where the
    largest step fits and leaves `spare` or more, the largest size up to `most` that fits
    (bisection to half a body size). None when no step fits."""
    def left(made: list[Flowable]) -> float:
        return room - gap - stack_height([*made, *below], width)

    best: list[Flowable] | None = None
    for ems in sorted((s for s in QR_STEPS if s <= most), reverse=True):
        made = box(ems)
        if (room_left := left(made)) >= 0:
            best, low = made, ems
            break
    if best is None:
        return None
    if low < QR_STEPS[-1]:
        return best
    high = most  # the room the largest step leaves decides whether to go on past it
    while room_left >= spare and high - low > 0.5:
        mid = (low + high) / 2
        made = box(mid)
        if left(made) >= 0:
            best, low = made, mid
        else:
            high = mid
    return best


class GrownHere(When):
    """`choose(page, height)` (the box grown into the height left in the frame) where it
    gives one, else `otherwise`: decided while the page is laid out, and only there (a
    pass that stops before it never makes the boxes)."""

    def __init__(self, choose: Callable[[int, float], list[Flowable] | None],
                 otherwise: Sequence[Flowable]) -> None:
        super().__init__(lambda _page, _height: False, (), otherwise)
        self.choose = choose

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        chosen = self.choose(self.canv.getPageNumber(), avail_height)
        self.add_content(*(self.blocks[0] if chosen is None else chosen))
        return 0, 0
