"""How tall flowables stand, measured before they are laid out: as ReportLab's KeepTogether
measures its own content."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.flowables import _listWrapOn  # KeepTogether's own measure


def stack_height(flowables: Sequence[Flowable], width: float,
                 canv: Canvas | None = None) -> float:
    """The height these flowables take one under another at the top of a frame (a
    KeepTogether: its content), measured as ReportLab's KeepTogether measures its own:
    with its list measure, which collapses the space between them as a frame does."""
    height: float = _listWrapOn(flat(flowables), width, canv or _scratch())[1]
    return height


@cache
def _scratch() -> Canvas:
    """A canvas to measure on, never saved."""
    return Canvas(BytesIO())


def flat(flowables: Sequence[Flowable]) -> list[Flowable]:
    """`flowables` with each KeepTogether replaced by its content, at any depth."""
    out: list[Flowable] = []
    for f in flowables:
        out += flat(f._content) if isinstance(f, KeepTogether) else [f]
    return out
