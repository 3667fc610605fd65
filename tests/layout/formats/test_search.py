"""The fitting search on its own: which steps it tries and which it returns. A pass here
'fits' from a given step of the ladder on (a tighter step never takes more room), so the
right answer is known without a layout, and every place that threshold can be is tried."""

from __future__ import annotations

import math

import pytest

from handout.layout.formats.fitting import Step, Tried, fit, ladders
from handout.layout.formats.zones import Overflow, Zone

ZONE = Zone("inside", 1, 5, parts=(("section:0", ("sections", 0), "A"),), per_page=300)
OPTIONAL = [("sections", 3), ("sections", 2), ("puzzle",)]


def walk(*pages: int) -> list[list[Step]]:
    """Every ladder for these page counts, in the order fitting walks them."""
    return [steps for n in pages for steps in ladders(14, 12, OPTIONAL, n)]


def threshold_passes(steps: list[list[Step]], first_fit: tuple[int, int] | None):
    """An attempt that fits at `first_fit` (page count index, step index) and every step
    after it in the designer's order; returns it and the list of steps it was asked."""
    order = [s for ladder_ in steps for s in ladder_]
    start = math.inf if first_fit is None else order.index(steps[first_fit[0]][first_fit[1]])
    asked: list[Step] = []

    def attempt(step: Step) -> Tried[Step]:
        asked.append(step)
        # More pages hold more: a step of a later page count fits if any earlier one did.
        fits = order.index(step) >= start
        return Tried(step, step, None if fits else Overflow(ZONE, 10.0, ("sections",), "A"))
    return attempt, asked


@pytest.mark.parametrize("counts", [(0,), (8, 12)])
def test_the_roomiest_step_that_fits_is_found_wherever_it_is(counts: tuple[int, ...]) -> None:
    steps = walk(*counts)
    for n, ladder_ in enumerate(steps):
        for k in range(len(ladder_)):
            attempt, asked = threshold_passes(steps, (n, k))
            found = fit(steps, attempt)
            assert found.overflow is None
            assert found.step == ladder_[k], (n, k, asked)
            # Per page count reached: its roomiest and its tightest step; then bisection
            # over the ladders' tightest steps and over one ladder's steps.
            per_count = len(ladders(14, 12, OPTIONAL, 8))
            counts_reached = n // per_count + 1
            most = 2 * counts_reached + math.ceil(math.log2(per_count + 1)) + \
                math.ceil(math.log2(len(ladder_) + 1))
            assert len(asked) <= most, (n, k, len(asked), asked)
            assert len(set(asked)) == len(asked)  # no step laid out twice


def test_content_that_fits_at_once_takes_one_pass() -> None:
    steps = walk(8, 12)
    attempt, asked = threshold_passes(steps, (0, 0))
    assert fit(steps, attempt).step == steps[0][0]
    assert asked == [steps[0][0]]


def test_the_last_page_counts_tightest_step_waits_for_the_bisection() -> None:
    # A tri-fold's one page count: a ladder before the last fits, so the tightest step of
    # all (the last ladder's) is never laid out; where only the last fits, it is.
    steps = walk(0)
    attempt, asked = threshold_passes(steps, (1, len(steps[1]) - 1))
    assert fit(steps, attempt).step == steps[1][-1]
    assert steps[-1][-1] not in asked
    attempt, asked = threshold_passes(steps, (len(steps) - 1, 0))
    assert fit(steps, attempt).step == steps[-1][0]
    assert steps[-1][-1] in asked


def test_more_pages_only_when_no_step_of_fewer_pages_fits() -> None:
    steps = walk(8, 12)
    eight = len(ladders(14, 12, OPTIONAL, 8))
    attempt, asked = threshold_passes(steps, (eight, 0))
    found = fit(steps, attempt)
    assert found.step.pages == 12 and found.step == steps[eight][0]
    # The 8 pages' tightest step of all was tried, and ran over: no 8-page step can fit.
    assert steps[eight - 1][-1] in asked
    assert not any(s.pages == 8 and s not in (steps[0][0], steps[eight - 1][-1])
                   for s in asked)


def test_when_nothing_fits_the_tightest_try_of_the_last_ladder_says_by_how_much() -> None:
    steps = walk(8, 12)
    attempt, asked = threshold_passes(steps, None)
    found = fit(steps, attempt)
    assert found.overflow is not None and found.step == steps[-1][-1]
    # Each page count but the last: its roomiest and its tightest step, nothing more. The
    # last: its roomiest, the bisection over its ladders (each runs over), its tightest.
    per_count = len(ladders(14, 12, OPTIONAL, 8))
    assert asked[:3] == [steps[0][0], steps[per_count - 1][-1], steps[per_count][0]]
    assert asked[-1] == steps[-1][-1]
    assert asked[3:-1] == [steps[per_count + k][-1] for k in (1, 2)]


def test_parts_left_out_are_set_as_large_as_they_then_fit() -> None:
    # Each ladder after the first leaves one more part out, from the roomiest step again.
    steps = ladders(14, 12, OPTIONAL, 8)
    assert [s.left_out for s in (ladder_[0] for ladder_ in steps)] == \
        [tuple(OPTIONAL[:k]) for k in range(len(OPTIONAL) + 1)]
    for ladder_ in steps:
        assert [s.spacing for s in ladder_[:3]] == [1.0, 0.85, 0.7]
        assert [s.body_size for s in ladder_[2:]] == [14, 13.5, 13, 12.5, 12]
        assert len({s.left_out for s in ladder_}) == 1


def test_a_cover_that_runs_over_at_the_tightest_step_is_not_offered_more_pages() -> None:
    steps = walk(8, 12, 16)
    cover = Zone("cover", 0, 0)
    asked: list[Step] = []

    def attempt(step: Step) -> Tried[Step]:
        asked.append(step)
        return Tried(step, step, Overflow(cover, 40.0, ("key_points",), ""))

    found = fit(steps, attempt)
    assert found.overflow is not None and found.overflow.zone is cover
    per_count = len(ladders(14, 12, OPTIONAL, 8))
    assert asked == [steps[0][0], steps[per_count - 1][-1]]
