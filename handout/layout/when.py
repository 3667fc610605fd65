"""A choice made while the pages are laid out, from where the layout has got to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus.flowables import DocIf


class When(DocIf):  # type: ignore[misc]
    """ReportLab's DocIf, tested by a Python function of the page number (from 1) and the
    height left in the frame, instead of an expression: DocIf evaluates its expression
    with ReportLab's safe eval, which reads the whole call stack's source files on every
    call (about 10 ms each, measured: 33 ms of a cold build's layout went to three)."""

    def __init__(self, test: Callable[[int, float], bool], then: Sequence[Flowable],
                 otherwise: Sequence[Flowable] = ()) -> None:
        super().__init__("", list(then), list(otherwise))
        self.test = test

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        chosen = self.test(self.canv.getPageNumber(), avail_height)
        self.add_content(*self.blocks[int(bool(chosen))])
        return 0, 0


class Unseen(When):
    """A When that leaves no trace where it stands: a zero-size flowable is still drawn
    (an empty save, move and restore in the page's content), this one is not, so a choice
    added to a story leaves the pages where it adds nothing byte for byte as they were."""

    def drawOn(self, *_args: Any, **_kwargs: Any) -> None:  # noqa: N802 (ReportLab's name)
        return None
