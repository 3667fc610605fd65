"""The fitting search given a hint (the answer of an earlier search): it finds what the
search finds without one, whatever the hint, and a right hint takes a few passes.

Passes here are a model of the search's own assumption: each ladder fits from one of its
steps on (a tighter step never takes more room), a ladder with more parts left out fits
from the same step or an earlier one, and more pages fit from the same step or an earlier
one. Every such case on one page count is tried, with every step as the hint."""

from __future__ import annotations

import itertools

from handout.layout.formats.fitting import Step, Tried, fit, ladders, over_before
from handout.layout.formats.zones import Overflow, Zone

SECTIONS = Zone("inside", 1, 5, parts=(("section:0", ("sections", 0), "A"),), per_page=300)
COVER = Zone("cover", 0, 0)
OPTIONAL = [("sections", 3), ("sections", 2), ("puzzle",)]
NEVER = 99  # a ladder none of whose steps fits


def model(steps: list[list[Step]], fits_from: list[int], cover: int = -1):
    """An attempt where ladder n fits from its step fits_from[n] on; ladder `cover` runs
    over at the cover whatever its step. Returns it and the steps it was asked."""
    asked: list[Step] = []

    def attempt(step: Step) -> Tried[Step]:
        asked.append(step)
        n = next(n for n, ladder_ in enumerate(steps) if step in ladder_)
        if n == cover:
            return Tried(step, step, Overflow(COVER, 40.0, ("key_points",), ""))
        fits = steps[n].index(step) >= fits_from[n]
        return Tried(step, step, None if fits else Overflow(SECTIONS, 10.0, ("sections",), "A"))
    return attempt, asked


def thresholds(count: int, most: int) -> list[tuple[int, ...]]:
    """Every fits_from for `count` ladders of `most` steps: one part more left out never
    fits later (NEVER: the ladder has no step that fits)."""
    values = [*range(most), NEVER]
    return [t for t in itertools.product(values, repeat=count)
            if all(a >= b for a, b in itertools.pairwise(t))]


def test_any_hint_finds_what_the_search_finds() -> None:
    steps = ladders(14, 12, OPTIONAL, 0)
    hints = [None, *(s for ladder_ in steps for s in ladder_), Step(0, 1.0, 15.0)]
    for fits_from in thresholds(len(steps), len(steps[0])):
        attempt, _ = model(steps, list(fits_from))
        plain = fit(steps, attempt)
        for hint in hints:
            attempt, asked = model(steps, list(fits_from))
            found = fit(steps, attempt, hint)
            assert (found.step, found.overflow is None) == (plain.step, plain.overflow is None), \
                (fits_from, hint)
            assert len(set(asked)) == len(asked)  # no step laid out twice


def test_the_right_hint_takes_its_own_pass_and_at_most_two_more() -> None:
    steps = ladders(14, 12, OPTIONAL, 0)
    for fits_from in thresholds(len(steps), len(steps[0])):
        attempt, asked = model(steps, list(fits_from))
        answer = fit(steps, attempt)
        if answer.overflow is not None:
            continue
        attempt, asked = model(steps, list(fits_from))
        assert fit(steps, attempt, answer.step).step == answer.step
        before = over_before(steps, answer.step)
        assert before is not None and asked == [answer.step, *before]
        assert len(asked) <= 3


def test_a_hint_on_more_pages_is_confirmed_by_each_fewer_page_count() -> None:
    eight, twelve = ladders(14, 12, OPTIONAL, 8), ladders(14, 12, OPTIONAL, 12)
    steps = eight + twelve
    for fits_12 in thresholds(len(twelve), len(twelve[0])):
        for fits_8 in [(NEVER,) * len(eight), (NEVER, NEVER, 5, 0)]:
            fits_from = [*fits_8, *(min(a, b) for a, b in zip(fits_8, fits_12, strict=True))]
            attempt, _ = model(steps, fits_from)
            plain = fit(steps, attempt)
            for hint in [plain.step, *(ladder_[2] for ladder_ in steps)]:
                attempt, asked = model(steps, fits_from)
                assert fit(steps, attempt, hint).step == plain.step, (fits_from, hint)
            if plain.overflow is None and plain.step.pages == 12:
                attempt, asked = model(steps, fits_from)
                fit(steps, attempt, plain.step)
                assert eight[-1][-1] in asked and len(asked) <= 4


def test_a_cover_that_runs_over_on_fewer_pages_is_not_hinted_past() -> None:
    """The search stops at a fewer page count whose cover runs over: a hint of more pages,
    from before the cover grew, is not taken."""
    steps = ladders(14, 12, OPTIONAL, 8) + ladders(14, 12, OPTIONAL, 12)
    last_of_eight = len(OPTIONAL)
    attempt, _ = model(steps, [NEVER] * 4 + [0] * 4, cover=last_of_eight)
    plain = fit(steps, attempt)
    assert plain.overflow is not None and plain.overflow.zone is COVER
    attempt, _ = model(steps, [NEVER] * 4 + [0] * 4, cover=last_of_eight)
    found = fit(steps, attempt, steps[len(OPTIONAL) + 1][0])
    assert found.step == plain.step and found.overflow is not None


def test_a_hint_on_no_ladder_is_no_pass_of_its_own() -> None:
    steps = ladders(14, 12, OPTIONAL, 0)
    assert over_before(steps, Step(0, 1.0, 14.0, (("sections", 9),))) is None
    attempt, asked = model(steps, [NEVER, 3, 0, 0])
    fit(steps, attempt, Step(0, 1.0, 14.0, (("sections", 9),)))
    attempt, plain = model(steps, [NEVER, 3, 0, 0])
    fit(steps, attempt)
    assert asked == plain
