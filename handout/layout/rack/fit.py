"""Fitting a fixed format, in a designer's order: tighten the space between blocks, step
the body text down by half points to its floor, then leave out optional parts; a booklet
takes more pages only when the content file allows them (`pages:`).

Each step is one real layout pass (ReportLab decides the line breaks); the search tries
the roomiest step first, then the tightest, then halves the steps between them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
    slack: dict[str, float] = field(default_factory=dict)  # room left per zone, if it fits


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
    """The roomiest step that fits; when none does, the tightest try of the most pages
    (its overflow says how far the content is from fitting).

    Each page count starts with its roomiest step. When a pass overflows, how far it ran
    over says how much smaller the text must get: the next try is the step predicted to be
    just small enough, and once one fits the search narrows back (`_between`). `share` is each
    optional part's share of the sections' text, in the order fitting leaves them out: it
    predicts how many must go, and skips a page count that could not fit even without them.
    """
    tried: Tried[T] | None = None
    for n, steps in enumerate(steps_by_pages):
        last = len(steps) - 1
        low, tried = 0, attempt(steps[0])
        if tried.overflow is None:
            return tried
        while True:  # predict again from each pass that runs over, always further on
            at = low + _predict(steps[low:], tried.overflow, share)
            if at > last:
                if n < len(steps_by_pages) - 1:
                    break  # hopeless on these pages, by the prediction: try more pages
                at = last
            guess = attempt(steps[at])
            if guess.overflow is None:
                return _between(steps, attempt, low=(low, tried), high=(at, guess))
            tried, low = guess, at
            if at == last:
                break  # not even the tightest: more pages, or refuse
    assert tried is not None
    return tried


def _between(steps: list[Step], attempt: Callable[[Step], Tried[T]], *,
             low: tuple[int, Tried[T]], high: tuple[int, Tried[T]]) -> Tried[T]:
    """The roomiest step that fits, between `low` (a step that overflows) and `high` (one
    that fits). Each try goes where the overflow of the one and the room left by the other
    point, as on a straight line between them (halfway when they say nothing)."""
    (lo, over), (hi, fits) = low, high
    while hi - lo > 1:
        assert over.overflow is not None
        room = fits.slack.get(over.overflow.zone.name, 0.0)
        share = over.overflow.points / (over.overflow.points + room) if room > 0 else 0.5
        mid = min(hi - 1, max(lo + 1, lo + round((hi - lo) * share)))
        t = attempt(steps[mid])
        if t.overflow is None:
            hi, fits = mid, t
        else:
            lo, over = mid, t
    return fits


def _predict(steps: list[Step], over: Overflow, share: Sequence[float] = ()) -> int:
    """The first step after `steps[0]` whose text should take no more room than the zone
    has, from how far `steps[0]` ran over; len(steps) when none should.

    Text of body size b takes room in proportion to about b squared (longer lines and
    taller ones); tight spacing saves up to a tenth. Leaving a part out saves its `share`
    of the sections' text (by characters: a guess the search corrects). Without shares, or
    when the overflow is not the sections' (a cover, a back cover), the first step that
    leaves something out.
    """
    if not over.room or over.points <= 0:
        return len(steps) - 1
    need = over.room / (over.room + over.points)
    first = steps[0]

    def demand(step: Step) -> float:  # relative to the first step's
        def parts(s: Step) -> float:
            return 1.0 - (sum(share[:len(s.left_out)]) if sections else 0.0)
        return parts(step) / max(parts(first), 1e-6) * (step.body_size / first.body_size) ** 2 * \
            (0.9 + 0.1 * step.spacing) / (0.9 + 0.1 * first.spacing)

    sections = bool(share) and bool(over.zone.parts)
    for i, step in enumerate(steps[1:], start=1):
        if (step.left_out and not sections) or demand(step) <= need:
            return i
    return len(steps) if sections else len(steps) - 1
