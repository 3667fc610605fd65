"""Where the puzzle starts, and the filler that pushes the answer key to the page foot."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from handout.common.errors import LayoutFitError


@dataclass
class PuzzlePage:
    """What the puzzle's flowables share to prove that they all landed on one page."""

    number: int = 0
    shortfall: float = 0.0  # points missing at the foot, when the page had too little room


def refuse(page: PuzzlePage) -> None:
    """The puzzle's refusal: what should be on one page ran on to the next."""
    short = f" (about {page.shortfall:.0f} pt too tall)" if page.shortfall > 0 else ""
    raise LayoutFitError(
        ("puzzle",),
        f"the puzzle does not fit on one page{short}: shorten the intro or the "
        "riddles, use fewer riddles, or make the word search smaller or leave it out",
    )


class PageMark(Flowable):  # type: ignore[misc]
    """Zero-size flowable that notes the page the puzzle starts on."""

    alt_text = ""  # nothing to read

    def __init__(self, page: PuzzlePage) -> None:
        super().__init__()
        self.page = page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.page.number = self.canv.getPageNumber()


class PageEnd(PageMark):
    """Zero-size flowable that ends the riddles' page where the word search has a page of
    its own: the riddles too must have stayed on the page the puzzle starts."""

    def draw(self) -> None:
        if self.canv.getPageNumber() != self.page.number:
            refuse(self.page)


class FootFill(Flowable):  # type: ignore[misc]
    """Empty space that takes what is left of the page but the height of `foot`."""

    alt_text = ""  # layout only: an artifact, nothing to read

    def __init__(self, foot: Flowable, page: PuzzlePage) -> None:
        super().__init__()
        self.foot, self.page = foot, page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        needed = self.foot.wrap(avail_width, avail_height)[1]
        self.page.shortfall = max(self.page.shortfall, needed - avail_height)
        # The 1 pt slack absorbs rounding, so the foot never spills onto a new page.
        return avail_width, max(0.0, avail_height - needed - 1)

    def draw(self) -> None:
        pass
