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
    (its overflow says how far the content is from fitting).

    Each page count starts with its roomiest step. When that overflows, how far it ran
    over says how much smaller the text must get: the search goes next to the step
    predicted to be just small enough. If that fits, roomier steps are tried while they
    fit; if not, the tightest, then halves the steps between.
    """
    tried: Tried[T] | None = None
    for steps in steps_by_pages:
        tried = attempt(steps[0])
        if tried.overflow is None:
            return tried
        at = _predict(steps, tried.overflow)
        guess = attempt(steps[at])
        if guess.overflow is None:  # fits: try roomier steps while they fit
            best = guess
            for step in reversed(steps[1:at]):
                t = attempt(step)
                if t.overflow is not None:
                    break
                best = t
            return best
        tried = guess
        if at == len(steps) - 1:
            continue
        tight = attempt(steps[-1])
        if tight.overflow is not None:  # not even the tightest: more pages, or refuse
            tried = tight
            continue
        low, high, best = at, len(steps) - 1, tight  # steps[low] overflows, steps[high] fits
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


def _predict(steps: list[Step], over: Overflow) -> int:
    """The first step whose text should take no more room than the zone has.

    Text of body size b takes room in proportion to about b squared (longer lines and
    taller ones); tight spacing saves up to a tenth. Leaving parts out is not predicted:
    when sizes alone cannot do it, the first step that leaves something out.
    """
    if not over.room or over.points <= 0:
        return len(steps) - 1
    need = over.room / (over.room + over.points)
    first = steps[0]

    def demand(step: Step) -> float:
        return (step.body_size / first.body_size) ** 2 * (0.9 + 0.1 * step.spacing) / \
            (0.9 + 0.1 * first.spacing)

    for i, step in enumerate(steps[1:], start=1):
        if step.left_out or demand(step) <= need:
            return i
    return len(steps) - 1
