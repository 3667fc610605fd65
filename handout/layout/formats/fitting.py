"""Fitting a fixed format, in a designer's order: tighten the space between blocks, step
the body text down by half points to its floor, then leave out optional parts (and set
what is left as large as it then fits); a booklet takes more pages only when the content
file allows them (`pages:`).

Each step tried is one real layout pass (ReportLab decides the line breaks), and the
search is a plain one: the roomiest step first, then, for each page count in turn, its
tightest step, and bisection between a step that runs over and one that fits. A rebuild
may first try the answer of the last search (`hint`): a few passes confirm it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Generic, Protocol, TypeVar

from handout.input.loader import Loc
from handout.input.model import Document
from handout.input.placed import FORMATS, shown
from handout.layout.formats.zones import Overflow

SPACINGS = (1.0, 0.85, 0.7)
FLOOR, LARGE_FLOOR = 12.0, 18.0  # the smallest body text: patient text, large print


@dataclass(frozen=True)
class Step:
    pages: int
    spacing: float
    body_size: float
    left_out: tuple[Loc, ...] = ()
    # The covers' body size and spacing where the pages between them were set roomier (a
    # booklet's text grown into pages to spare, its covers already full); None: the same.
    covers: tuple[float, float] | None = None


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


def larger(step: Step, most: float) -> list[Step]:
    """`step` set up to `most` points larger, half a point at a time, largest first."""
    return [replace(step, body_size=step.body_size + 0.5 * i)
            for i in range(int(most * 2), 0, -1)]


def roomier_inside(step: Step, most: float) -> list[Step]:
    """The pages between the covers set roomier than `step`, roomiest first, the covers
    as `step` sets them: up to `most` points larger at the loosest spacing, then at
    `step`'s size each spacing looser than its own."""
    out = [replace(s, spacing=SPACINGS[0]) for s in larger(step, most)]
    out += [replace(step, spacing=spacing) for spacing in SPACINGS if spacing > step.spacing]
    return [replace(s, covers=(step.body_size, step.spacing)) for s in out]


def fit(ladders: list[list[Step]], attempt: Callable[[Step], Tried[T]],
        hint: Step | None = None) -> Tried[T]:
    """The roomiest step of the first ladder that has one that fits (the ladders in the
    designer's order: fewer parts left out, then more pages); when none does, the
    tightest try of the last (its overflow says how far it is from fitting).

    For each page count in turn: its roomiest step first (most content fits it), then
    its tightest step of all (if it runs over, the next page count; on the last, only if
    the bisection needs it); bisection over its ladders' tightest steps for the first
    ladder that can fit, and over that ladder's steps for the roomiest that does (a
    tighter step never takes more room than a roomier one). A tightest step that runs
    over where neither leaving parts out nor more pages help (a cover) ends the search.

    `hint`, the answer of an earlier search (a rebuild's), is tried first: it is the
    answer if it fits and the steps `over_before` it run over; else the search, which
    lays out none of those steps again.
    """
    if hint is not None:
        attempt = _once(attempt)
        if _confirmed(ladders, hint, attempt):
            return attempt(hint)
    tried = attempt(ladders[0][0])
    groups = _by_pages(ladders)
    for n, group in enumerate(groups):
        first = tried if n == 0 else attempt(group[0][0])
        if first.overflow is None:
            return first
        tightest = first if group[-1][-1] == group[0][0] else \
            attempt(group[-1][-1]) if n + 1 < len(groups) else None  # more pages may follow
        if tightest is not None and tightest.overflow is not None:
            tried = tightest
            if not tightest.overflow.zone.after_sections:
                break  # a cover, or one part too tall for any page: more pages cannot help
            continue
        high, fits = _first_ladder(group, attempt, tightest)
        # On the last page count, even its tightest step may run over.
        return fits if fits.overflow else roomiest(group[high], fits, attempt,
                                                   tried_first=high == 0)
    return tried


def _first_ladder(group: list[list[Step]], attempt: Callable[[Step], Tried[T]],
                  tightest: Tried[T] | None) -> tuple[int, Tried[T]]:
    """The first ladder of `group` whose tightest step fits, and that pass, by bisection;
    the last one's (`tightest`, if laid out yet) is laid out if needed: it may run over."""
    low, high = -1, len(group) - 1
    while high - low > 1:
        mid = (low + high + 1) // 2  # rounded up, as in `roomiest`
        t = attempt(group[mid][-1])
        if t.overflow is None:
            high, tightest = mid, t
        else:
            low = mid
    return high, tightest if tightest is not None else attempt(group[high][-1])


def over_before(ladders: list[list[Step]], step: Step) -> list[Step] | None:
    """The steps that run over when `step`, fitting, is what `fit` finds: the step before
    it on its ladder, the tightest step of the ladder before (one part fewer left out) and
    the tightest step of all of each fewer page count. Under the search's own assumption
    (a tighter step, or one with more parts left out, never takes more room) no step
    before `step` fits then. None when `step` is on no ladder (the content changed)."""
    groups = _by_pages(ladders)
    for g, group in enumerate(groups):
        for k, steps in enumerate(group):
            if step in steps:
                j = steps.index(step)
                return ([steps[j - 1]] if j else []) + ([group[k - 1][-1]] if k else []) + \
                    [fewer[-1][-1] for fewer in groups[:g]]
    return None


def _confirmed(ladders: list[list[Step]], hint: Step,
               attempt: Callable[[Step], Tried[T]]) -> bool:
    """Whether `hint` is what the search would find: it fits and each step `over_before`
    it runs over (one of fewer pages where more pages help: the search stops at a cover)."""
    before = over_before(ladders, hint)
    if before is None or attempt(hint).overflow is not None:
        return False
    for step in before:
        over = attempt(step).overflow
        if over is None or (step.pages != hint.pages and not over.zone.after_sections):
            return False
    return True


def _once(attempt: Callable[[Step], Tried[T]]) -> Callable[[Step], Tried[T]]:
    """`attempt`, laying out each step once (a pass is the same each time)."""
    tried: dict[Step, Tried[T]] = {}

    def once(step: Step) -> Tried[T]:
        if step not in tried:
            tried[step] = attempt(step)
        return tried[step]
    return once


def _by_pages(ladders: list[list[Step]]) -> list[list[list[Step]]]:
    """The ladders grouped by page count, in order."""
    return [list(group) for _, group in groupby(ladders, key=lambda steps: steps[0].pages)]


def roomiest(steps: list[Step], fits: Tried[T], attempt: Callable[[Step], Tried[T]], *,
             tried_first: bool) -> Tried[T]:
    """The roomiest of `steps` (roomiest first) that fits, by bisection: its last
    (`fits`) does; its first ran over when `tried_first`. The middle is rounded up, to
    the tighter steps, where fitted text mostly ends: a pass fewer there (with
    `_first_ladder`: 14 of the 27 first builds of bench/same_pdfs.py's grid, none more).
    """
    low, high = (0 if tried_first else -1), len(steps) - 1
    while high - low > 1:  # steps[low] runs over (or is untried), steps[high] fits
        mid = (low + high + 1) // 2
        t = attempt(steps[mid])
        if t.overflow is None:
            high, fits = mid, t
        else:
            low = mid
    return fits


def loosest(steps: list[Step], fits: Tried[T], attempt: Callable[[Step], Tried[T]]
            ) -> Tried[T]:
    """The loosest of `steps` (loosest first) that fits, else `fits` (a tighter step's
    pass): tried from the tightest up, and the first that runs over ends it, as every
    looser one would too (the search's own assumption: a roomier step never takes less
    room). One pass where the least looser step already runs over."""
    for step in reversed(steps):
        tried = attempt(step)
        if tried.overflow is not None:
            break
        fits = tried
    return fits


MOST_LEFT_OUT = 5  # sections a refusal tries leaving out, to say what would fit


class HasName(Protocol):
    """A format, as `what_fits` needs it: its name."""

    @property
    def name(self) -> str: ...


def what_fits(doc: Document, fmt: HasName, tried: Tried[T],
              attempt: Callable[[Step], Tried[T]]) -> str:
    """Which sections, left out of this format, would let the rest fit: found by real
    passes at the tightest step, leaving out one more section each time, the last first
    (the first section, the handout's opening, always stays). "" when none would do."""
    over, step = tried.overflow, tried.step
    assert over is not None
    if not over.zone.parts:  # the sections' own zone did not run over: leaving one out
        return ""            # would not help
    printed = [i for i, s in enumerate(doc.sections)
               if shown(s, fmt.name) and ("sections", i) not in step.left_out]
    dropped: list[int] = []
    for i in reversed(printed[1:]):
        if len(dropped) == MOST_LEFT_OUT:
            break
        dropped.insert(0, i)
        fewer = replace(step, left_out=(*step.left_out, *(("sections", j) for j in dropped)))
        if attempt(fewer).overflow is None:
            names = " and ".join(f'"{doc.sections[j].heading}"' for j in dropped)
            # The other formats the handout is printed in (the document at least).
            others = [name for name in FORMATS if name != fmt.name and name in doc.formats]
            others = others or ["document"]
            return (f" It fits if {names} {'is' if len(dropped) == 1 else 'are'} left out: "
                    f"add `formats: [{', '.join(others)}]` to "
                    f"{'it' if len(dropped) == 1 else 'them'} (or `optional: true`).")
    return ""
