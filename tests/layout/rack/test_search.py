"""The fitting search on its own: which steps it tries and which it returns, with a pass
that 'fits' when the text is small enough (no layout: the search is pure)."""

from __future__ import annotations

from handout.layout.rack.fit import Step, Tried, fit, ladders
from handout.layout.rack.zones import Overflow, Zone

ZONE = Zone("inside", 1, 5, parts=(("section:0", ("sections", 0), "A"),))


def passes(demand: float, room: float, share: list[float]):
    """A pass whose text takes `demand` points at 14 pt, room for `room`; each part left
    out takes its share away. Returns the attempt function and the steps it was asked."""
    asked: list[Step] = []

    def attempt(step: Step) -> Tried[Step]:
        asked.append(step)
        kept = 1 - sum(share[:len(step.left_out)])
        need = demand * kept * (step.body_size / 14) ** 2 * (0.9 + 0.1 * step.spacing)
        over = need - room
        if over > 0:
            return Tried(step, step, Overflow(ZONE, over, ("sections",), "A", room=room))
        return Tried(step, step, None, {"inside": -over})
    return attempt, asked


def test_the_roomiest_step_that_fits_wins_in_few_passes() -> None:
    share = [0.1, 0.1, 0.1, 0.1]
    attempt, asked = passes(demand=1500, room=1000, share=share)
    steps = ladders(14, 12, [("sections", i) for i in range(4)], [0])
    found = fit(steps, attempt, share)
    passes_made = len(asked)
    fitting = [s for s in steps[0] if attempt(s).overflow is None]
    assert found.step == fitting[0]  # the roomiest that fits
    assert passes_made <= 5


def test_a_page_count_that_cannot_fit_is_skipped_after_one_pass() -> None:
    share = [0.1, 0.1]
    attempt, asked = passes(demand=5000, room=1000, share=share)
    steps = ladders(14, 12, [("sections", 0), ("sections", 1)], [8, 12])
    steps[1] = [Step(12, s.spacing, s.body_size, s.left_out) for s in steps[1]]
    fit(steps, attempt, share)
    assert sum(1 for s in asked if s.pages == 8) == 1


def test_when_nothing_fits_the_tightest_try_says_by_how_much() -> None:
    attempt, _ = passes(demand=5000, room=1000, share=[0.1])
    steps = ladders(14, 12, [("sections", 0)], [0])
    found = fit(steps, attempt, [0.1])
    assert found.overflow is not None and found.step == steps[0][-1]
