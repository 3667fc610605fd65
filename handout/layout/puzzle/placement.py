"""Where the puzzle starts, and the filler that pushes the word search to the page foot."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable


@dataclass
class PuzzlePage:
    """What the puzzle's flowables share to prove that they all landed on one page."""

    number: int = 0
    shortfall: float = 0.0  # points missing at the foot, when the filler found too little


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


class FootFill(Flowable):  # type: ignore[misc]
    """Empty space that takes what is left of the page but the height of `tail`.

    The last of `tail` may shrink to fit (the word-search row); it gets all the room left.
    """

    alt_text = ""  # layout only: an artifact, nothing to read

    def __init__(self, tail: list[Flowable], page: PuzzlePage) -> None:
        super().__init__()
        self.tail, self.page = tail, page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        *fixed, last = self.tail
        above = sum(
            f.wrap(avail_width, avail_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in fixed
        )
        needed = above + last.wrap(avail_width, avail_height - above)[1]
        self.page.shortfall = max(0.0, needed - avail_height)
        # The 1 pt slack absorbs rounding, so the tail never spills onto a new page.
        return avail_width, max(0.0, avail_height - needed - 1)

    def draw(self) -> None:
        pass
