"""Fitting a fixed format, in a designer's order: tighten the space between blocks, step
the body text down by half points to its floor, then leave out optional parts (and set
what is left as large as it then fits); a booklet takes more pages only when the content
file allows them (`pages:`).

Each step tried is one real layout pass (ReportLab decides the line breaks), and the
search is a plain one: the roomiest step first, then, for each page count in turn, its
tightest step, and bisection between a step that runs over and one that fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from handout.input.loader import Loc
from handout.layout.formats.zones import Overflow

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


def ladders(start: float, floor: float, optional: Sequence[Loc], pages: int
            ) -> list[list[Step]]:
    """The ladders on `pages` pages: one for each number of optional parts left out (none
    first, then one more at a time), each from roomiest to tightest: spacing, then size.
    Text that fits once a part is left out is set as large as it then can be."""
    sizes = [start - 0.5 * i for i in range(int((start - floor) * 2) + 1)]
    out = []
    for k in range(len(optional) + 1):
        left_out = tuple(optional[:k])
        steps = [Step(pages, s, start, left_out) for s in SPACINGS]
        steps += [Step(pages, SPACINGS[-1], size, left_out) for size in sizes[1:]]
        out.append(steps)
    return out


def fit(ladders: list[list[Step]], attempt: Callable[[Step], Tried[T]]) -> Tried[T]:
    """The roomiest step of the first ladder that has one that fits (the ladders in the
    designer's order: fewer parts left out, then more pages); when none does, the
    tightest try of the last (its overflow says how far it is from fitting).

    Most content fits its roomiest step, so that goes first. Otherwise each ladder's
    tightest step says whether any of its steps can fit, and bisection finds the roomiest
    that does (a tighter step never takes more room than a roomier one). A tightest step
    that runs over where neither leaving parts out nor more pages help (a cover) ends
    the search.
    """
    tried = attempt(ladders[0][0])
    if tried.overflow is None:
        return tried
    for n, steps in enumerate(ladders):
        tightest = attempt(steps[-1]) if len(steps) > 1 or n > 0 else tried
        if tightest.overflow is not None:
            tried = tightest
            if not tightest.overflow.zone.after_sections:
                break  # a cover, or one part too tall for any page: more pages cannot help
            continue
        low, high, fits = (0 if n == 0 else -1), len(steps) - 1, tightest
        while high - low > 1:  # steps[low] runs over (or is untried), steps[high] fits
            mid = (low + high) // 2
            t = attempt(steps[mid])
            if t.overflow is None:
                high, fits = mid, t
            else:
                low = mid
        return fits
    return tried
