"""Fitting a fixed format, in a designer's order: tighten the space between blocks, step
the body text down by half points to its floor, then leave out optional parts; a booklet
takes more pages only when the content file allows them (`pages:`).

Each step is one real layout pass (ReportLab decides the line breaks); the search tries
the roomiest step first, then the tightest, then halves the steps between them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from handout.layout.rack.zones import Overflow

Loc = tuple[str | int, ...]
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


def fit(steps_by_pages: list[list[Step]], attempt: Callable[[Step], Tried[T]]) -> Tried[T]:
    """The roomiest step that fits; when none does, the tightest try of the most pages
    (its overflow says how far the content is from fitting)."""
    tried: Tried[T] | None = None
    for steps in steps_by_pages:
        tried = attempt(steps[0])
        if tried.overflow is None:
            return tried
        tight = attempt(steps[-1]) if len(steps) > 1 else tried
        if tight.overflow is not None:
            tried = tight
            continue
        low, high, best = 0, len(steps) - 1, tight  # steps[low] fails, steps[high] fits
        while high - low > 1:
            mid = (low + high) // 2
            t = attempt(steps[mid])
            if t.overflow is None:
                high, best = mid, t
            else:
                low = mid
        return best
    assert tried is not None
    return tried
