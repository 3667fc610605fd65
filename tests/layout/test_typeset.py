"""A fitting pass that runs over stops at the first frame past its zone (the rest of its
story cannot change the answer); a refusal is measured on a pass laid out to the end."""

from __future__ import annotations

from handout.layout.drawings import load_pictures
from handout.layout.figure import draw_later
from handout.layout.typeset import _Passes
from handout.layout.variant import Variant
from handout.pipeline.build import read_document
from tests.conftest import CONTENT


def test_a_pass_that_runs_over_stops_there_and_blames_the_same_part() -> None:
    doc = read_document(CONTENT)
    pictures = load_pictures(doc.sections, CONTENT.parent, grayscale=False)
    passes = _Passes(doc, None, Variant(format="booklet"), draw_later, pictures)
    roomiest = passes.ladders[0][0]  # content.yaml needs 12 pages; this is 8
    assert roomiest.pages == 8
    stopped = passes.attempt(roomiest)
    whole = passes.attempt(roomiest, whole=True)
    assert stopped.overflow is not None and whole.overflow is not None
    assert stopped.result.pages < whole.result.pages
    assert (stopped.overflow.zone, stopped.overflow.loc, stopped.overflow.heading) == \
        (whole.overflow.zone, whole.overflow.loc, whole.overflow.heading)
    # Stopped early, the amount is only a lower bound: refusals use the whole pass.
    assert 0 < stopped.overflow.points < whole.overflow.points
