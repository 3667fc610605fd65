"""The formats a handout prints in: loose pages (the document), and the rack's folded
booklet, tri-fold and one-sheet, fitted to their pages. Each is one object (base.Format)."""

from __future__ import annotations

from handout.layout.formats.base import Format
from handout.layout.formats.booklet import Booklet
from handout.layout.formats.document import DocumentFormat
from handout.layout.formats.sheet import Sheet
from handout.layout.formats.trifold import Trifold

FORMATS: dict[str, Format] = {f.name: f for f in (DocumentFormat(), Booklet(), Trifold(),
                                                   Sheet())}


def format_named(name: str) -> Format:
    """The format a content file or the command line names (validated upstream)."""
    return FORMATS[name]
