"""The fitting search on its own: which steps it tries and which it returns, with a pass
that 'fits' when the text is small enough (no layout: the search is pure)."""

from __future__ import annotations

from handout.layout.page import Mark
from handout.layout.rack.fit import Step, Tried, fit, ladders
from handout.layout.rack.panels import Geometry, Slot
from handout.layout.rack.zones import PARTS_END, Layout, Overflow, Zone, heights

ZONE = Zone("inside", 1, 5, parts=(("section:0", ("sections", 0), "A"),))


def passes(demand: float, room: float, share: list[float], *, per_page: float = 0.0,
           measured: bool = False):
    """A pass whose text takes `demand` points at 14 pt, room for `room` (on 8 pages, and
    `per_page` more for each page past 8); each part left out takes its share away.
    `measured`: an overflowing pass reports its parts' heights, as a real one does.
    Returns the attempt function and the steps it was asked."""
    asked: list[Step] = []
    zone = Zone("inside", 1, 5, parts=ZONE.parts, per_page=per_page)

    def attempt(step: Step) -> Tried[Step]:
        asked.append(step)
        kept = 1 - sum(share[:len(step.left_out)])
        scale = (step.body_size / 14) ** 2 * (0.9 + 0.1 * step.spacing)
        has = room + max(0, step.pages - 8) * per_page
        over = demand * kept * scale - has
        heights = {("sections", i): demand * part * scale for i, part in enumerate(share)
                   if ("sections", i) not in step.left_out} if measured else {}
        if over > 0:
            return Tried(step, step, Overflow(zone, over, ("sections",), "A", room=has),
                         heights=heights)
        return Tried(step, step, None, {"inside": -over})
    return attempt, asked


def roomiest_that_fits(steps: list[list[Step]], attempt) -> Step:
    return next(s for ladder in steps for s in ladder if attempt(s).overflow is None)


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


def booklet_ladders(optional: int) -> list[list[Step]]:
    locs = [("sections", i) for i in range(optional)]
    eight, twelve = ladders(14, 12, locs, [8, 12])
    return [eight, [Step(12, s.spacing, s.body_size, s.left_out) for s in twelve]]


def test_more_pages_start_from_what_the_first_pass_measured() -> None:
    # 8 pages cannot hold it; on 12 the demand measured on 8 says which step will do,
    # so the 12-page ladder does not start again from its roomiest step.
    share = [0.15, 0.15, 0.15]
    attempt, asked = passes(demand=4800, room=1000, share=share, per_page=500,
                            measured=True)
    steps = booklet_ladders(3)
    found = fit(steps, attempt, share)
    assert found.step == roomiest_that_fits(steps, passes(4800, 1000, share, per_page=500)[0])
    assert steps[1][0] not in asked
    assert len(asked) <= 3


def test_measured_heights_outweigh_the_guess_by_characters() -> None:
    # The text's characters say the last section is small; the pass measured it large
    # (a picture, a table): leaving it out is predicted to be enough, and it is.
    real = [0.3, 0.05]
    guessed = [0.02, 0.05]
    attempt, asked = passes(demand=1500, room=1000, share=real, measured=True)
    steps = ladders(14, 12, [("sections", 0), ("sections", 1)], [0])
    found = fit(steps, attempt, guessed)
    assert found.step == roomiest_that_fits(steps, passes(1500, 1000, real)[0])
    assert asked[1] == found.step


def test_a_part_measures_from_its_mark_to_the_next_across_frames() -> None:
    slots = tuple(Slot("inner", p, 0, 0, 300, 100) for p in range(3))
    layout = Layout(Geometry((300, 300), slots), [], [], [])
    zone = Zone("inside", 0, 2, parts=(("a", ("sections", 0), "A"),
                                       ("b", ("sections", 1), "B")))

    def mark(key: str, page: int, left: float) -> Mark:
        m = Mark(key)
        m.page, m.frame, m.left = page, "inner", left
        return m

    marks = {m.key: m for m in (mark("a", 1, 80), mark("b", 2, 50),
                                mark(PARTS_END, 5, 90))}  # page 5: the story ran over
    assert heights(layout, marks, zone) == {("sections", 0): 130.0,
                                            ("sections", 1): 50.0 + 2 * 100 + 10}


def test_a_full_cover_is_not_helped_by_leaving_sections_out() -> None:
    # The cover holds no section and gains nothing from more pages: only a smaller size
    # can help, so the smallest is tried once, and then the search goes to its last step
    # (for the refusal's numbers) instead of trying each part left out on each page count.
    cover = Zone("cover", 0, 0)
    asked: list[Step] = []

    def attempt(step: Step) -> Tried[Step]:
        asked.append(step)
        need = 900 * (step.body_size / 14) ** 2  # over 400 even at 12 pt
        return Tried(step, step, Overflow(cover, need - 400, ("key_points",), "", room=400))

    steps = booklet_ladders(4)
    found = fit(steps, attempt, [0.1] * 4)
    assert found.overflow is not None and found.step == steps[-1][-1]
    assert asked == [steps[0][0], Step(8, 0.7, 12.0), steps[-1][-1]]
