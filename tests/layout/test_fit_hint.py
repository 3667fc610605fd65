"""A hint (what fitting found in an earlier build) changes how many passes fitting makes,
never the step it finds: real layout passes of content.yaml and of the sleep example in
each fitted format, with the right hint, wrong ones and the other file's.

Each step is laid out once per file and format and its pass reused (a pass is the same
each time), so the many searches below cost about one search each."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from handout.layout.drawings import load_pictures
from handout.layout.figure import draw_later
from handout.layout.formats.fitting import Step, Tried, fit, over_before
from handout.layout.typeset import Pass, _Passes
from handout.layout.variant import Variant
from handout.pipeline.build import read_document
from tests.conftest import CONTENT, ROOT

SLEEP = ROOT / "examples" / "sleep" / "content.yaml"
FORMATS = ("booklet", "trifold", "sheet")


@cache
def laid_out(content: Path, fmt: str) -> tuple[list[list[Step]], Callable[[Step], Tried[Pass]]]:
    """The format's ladders and its passes, each step laid out once."""
    doc = read_document(content)
    pictures = load_pictures(doc.sections, content.parent, grayscale=False)
    passes = _Passes(doc, None, Variant(format=fmt), draw_later, pictures)
    done: dict[Step, Tried[Pass]] = {}

    def attempt(step: Step) -> Tried[Pass]:
        if step not in done:
            done[step] = passes.attempt(step)
        return done[step]
    return passes.ladders, attempt


def found(content: Path, fmt: str, hint: Step | None = None) -> Step:
    steps, attempt = laid_out(content, fmt)
    tried = fit(steps, attempt, hint)
    assert tried.overflow is None  # both files fit every format
    return tried.step


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("content", [CONTENT, SLEEP], ids=["content", "sleep"])
def test_a_hint_never_changes_the_step_fitting_finds(content: Path, fmt: str) -> None:
    steps, attempt = laid_out(content, fmt)
    answer = found(content, fmt)
    ladder = next(ladder for ladder in steps if answer in ladder)
    after = ladder[ladder.index(answer) + 1:]  # tighter: they fit too, but are not the answer
    more_out = steps[steps.index(ladder) + 1:]  # one part more left out
    wrong = [steps[0][0], steps[-1][-1], *after[:1], *(s[0] for s in more_out[:1]),
             *(s[-2] for s in more_out[:1]), Step(99, 1.0, 14.0)]
    other = SLEEP if content == CONTENT else CONTENT
    stale = found(other, fmt)  # another file's answer, as a rebuild after big edits has
    for hint in [answer, *wrong, stale]:
        assert found(content, fmt, hint) == answer, hint
    # The right hint is confirmed by a few passes, every one of them the search's own.
    before = over_before(steps, answer)
    assert before is not None and len(before) <= 3
    assert all(attempt(step).overflow is not None for step in before)
