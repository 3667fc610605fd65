"""Fitting a fixed format, in a designer's order: tighten the space between blocks, step
the body text down by half points to its floor, then leave out optional parts; a booklet
takes more pages only when the content file allows them (`pages:`).

Each step tried is one real layout pass (ReportLab decides the line breaks). The search
tries the roomiest step first; a pass that runs over measures how far, and how much room
each section took, and the next try is the step those figures say should just fit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from handout.layout.rack.zones import Loc, Overflow

SPACINGS = (1.0, 0.85, 0.7)
FLOOR, LARGE_FLOOR = 12.0, 18.0  # the smallest body text: patient text, large print


@dataclass(frozen=True)
class Step:
    pages: int
    spacing: float
    body_size: float
    left_out: tuple[Loc, ...] = ()


T = TypeVar("T")


@dataclass(frozen=True)
class Tried(Generic[T]):
    step: Step
    result: T
    overflow: Overflow | None
    slack: dict[str, float] = field(default_factory=dict)  # room left per zone, if it fits
    heights: dict[Loc, float] = field(default_factory=dict)  # the overflowing zone's parts


def ladders(start: float, floor: float, optional: Sequence[Loc],
            page_counts: Sequence[int]) -> list[list[Step]]:
    """For each page count, the steps from roomiest to tightest."""
    sizes = [start - 0.5 * i for i in range(int((start - floor) * 2) + 1)]
    out = []
    for pages in page_counts:
        steps = [Step(pages, s, start) for s in SPACINGS]
        steps += [Step(pages, SPACINGS[-1], size) for size in sizes[1:]]
        steps += [Step(pages, SPACINGS[-1], sizes[-1], tuple(optional[:k]))
                  for k in range(1, len(optional) + 1)]
        out.append(steps)
    return out


def fit(steps_by_pages: list[list[Step]], attempt: Callable[[Step], Tried[T]],
        share: Sequence[float] = ()) -> Tried[T]:
    """The roomiest step that fits, in the designer's order (every step of a page count
    before more pages); when none does, the tightest try of the most pages (its overflow
    says how far the content is from fitting).

    The search starts with the roomiest step. When a pass overflows, how far it ran over
    says how much smaller the text must get: the next try is the step predicted to be just
    small enough (`_predict`), on as many pages as that needs, and once one fits the search
    narrows back (`_between`). `share` is each optional part's share of the sections' text,
    in the order fitting leaves them out: the guess for a part the pass did not measure.
    """
    steps = [step for ladder in steps_by_pages for step in ladder]
    last = len(steps) - 1
    low, tried = 0, attempt(steps[0])
    while tried.overflow is not None and low < last:
        # Predicted from each pass that runs over, always further on.
        at = min(last, low + _predict(steps[low:], tried, share))
        guess = attempt(steps[at])
        if guess.overflow is None:
            return _between(steps, attempt, low=(low, tried), high=(at, guess))
        tried, low = guess, at
    return tried


def _between(steps: list[Step], attempt: Callable[[Step], Tried[T]], *,
             low: tuple[int, Tried[T]], high: tuple[int, Tried[T]]) -> Tried[T]:
    """The roomiest step that fits, between `low` (a step that overflows) and `high` (one
    that fits). `high` is usually the one predicted, so the step before it goes first; if
    that fits too, each try goes where the overflow of the one and the room left by the
    other point, as on a straight line between them (halfway when they say nothing)."""
    (lo, over), (hi, fits) = low, high
    if hi - lo > 1:  # `high` was predicted to be the first that fits: is the one before it?
        t = attempt(steps[hi - 1])
        if t.overflow is None:
            hi, fits = hi - 1, t
        else:
            return fits
    while hi - lo > 1:
        assert over.overflow is not None
        room = fits.slack.get(over.overflow.zone.name, 0.0)
        points = over.overflow.points
        share = points / (points + room) if room > 0 and points > 0 else 0.5
        mid = min(hi - 1, max(lo + 1, lo + round((hi - lo) * share)))
        t = attempt(steps[mid])
        if t.overflow is None:
            hi, fits = mid, t
        else:
            lo, over = mid, t
    return fits


def _predict(steps: list[Step], tried: Tried[T], share: Sequence[float] = ()) -> int:
    """The first step after `steps[0]` (the one `tried` ran over) whose text should take no
    more room than its zone has on its pages; len(steps) when none should.

    Text of body size b takes room in proportion to about b squared (longer lines and
    taller ones); the spacing steps save too little to count on. A part left out saves the
    room the pass measured it taking (`tried.heights`), or, for a part it did not measure,
    its `share` of the measured sections. A booklet's extra pages add `per_page` each to a
    zone that runs through them. When the overflow is not the sections' own, leaving a part
    out cannot help a cover or a back cover, only a smaller size: when none is predicted to
    do, the smallest is still tried once (a cover's icon and boxes do not shrink as text
    does). In a zone after the sections (a booklet's help pages) leaving a part out may
    help: the first step that leaves out more is tried, unless a smaller size should do.
    """
    over = tried.overflow
    assert over is not None
    if over.points <= 0 or over.room <= 0:  # a part taller than any page: no measure to go by
        return len(steps) - 1
    first = steps[0]
    demand = over.room + over.points  # the zone's text at `first`, on any number of pages
    sections = bool(over.zone.parts) and bool(tried.heights or share)
    measured = sum(tried.heights.values()) or demand
    # The last step leaves out every optional part, in the order fitting drops them.
    order = {loc: k for k, loc in enumerate(steps[-1].left_out)}

    def weight(loc: Loc) -> float:
        k = order.get(loc, -1)
        guess = share[k] * measured if 0 <= k < len(share) else 0.0
        return tried.heights.get(loc, guess)

    def fits(step: Step) -> bool:
        room = over.room + (step.pages - first.pages) * over.zone.per_page
        saved = sum(weight(loc) for loc in set(step.left_out) - set(first.left_out)) - \
            sum(weight(loc) for loc in set(first.left_out) - set(step.left_out))
        text = (demand - saved) if sections else demand
        return text * (step.body_size / first.body_size) ** 2 <= room

    drops_help = over.zone.after_sections
    for i, step in enumerate(steps[1:], start=1):
        if fits(step) or (not sections and drops_help and step.left_out != first.left_out):
            return i
    if not drops_help:  # only a smaller size can help: the smallest is worth one pass
        smaller = [i for i, step in enumerate(steps) if step.body_size < first.body_size
                   and step.pages == first.pages and step.left_out == first.left_out]
        return smaller[-1] if smaller else len(steps)
    return len(steps)
