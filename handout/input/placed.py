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


def formats_list(data: object) -> object:
    """A content file's older single `format: booklet`, read as `formats: [booklet]`."""
    if isinstance(data, dict) and "format" in data:
        if "formats" in data:
            raise ValueError("this handout has both `format` and `formats`: keep "
                             "`formats`, the list of every format it is printed in")
        data = {("formats" if k == "format" else k): ([v] if k == "format" else v)
                for k, v in data.items()}
    return data


def each_format_once(formats: list[str]) -> list[str]:
    """A content file's `formats:`, each listed once."""
    twice = sorted({f for f in formats if formats.count(f) > 1})
    if twice:
        raise ValueError(f"{', '.join(twice)} is listed more than once; list each format once")
    return formats
