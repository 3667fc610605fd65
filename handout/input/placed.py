"""Which parts of a handout print in which format (document, booklet, tri-fold, sheet).

A part (a section, its box, a figure, the puzzle) may list `formats:`; without one it
prints where its kind does by default. `optional: true` lets fitting leave it out of a
booklet, tri-fold or sheet when the pages are full (a document has no page limit).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from handout.input.fields import Strict

FormatName = Literal["document", "booklet", "trifold", "sheet"]
FORMATS: tuple[str, ...] = ("document", "booklet", "trifold", "sheet")
# The chart and the puzzle need a page of their own size: not on a panel or a sheet.
ROOMY: tuple[str, ...] = ("document", "booklet")


class Placed(Strict):
    """The fields every part that can be left out of a format shares."""

    formats: list[FormatName] | None = Field(
        default=None, min_length=1,
        description="The formats this part prints in, e.g. [document, booklet]. "
        "Default: every format (a figure and the puzzle: document and booklet).")
    optional: bool = Field(
        default=False,
        description="When a booklet, tri-fold or sheet is full, fitting may leave this "
        "part out (after it has tightened the spacing and stepped the text size down).")


def shown(part: Placed, fmt: str, default: tuple[str, ...] = FORMATS) -> bool:
    """Whether `part` prints in format `fmt`."""
    return fmt in (part.formats if part.formats is not None else default)
