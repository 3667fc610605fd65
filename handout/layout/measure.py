"""How tall flowables stand, measured before they are laid out: as ReportLab's KeepTogether
measures its own content; and the lines a laid-out paragraph printed."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.flowables import _listWrapOn  # KeepTogether's own measure

from handout.layout.unbroken import NBSP


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


def lines_of(f: Flowable) -> list[str]:
    """The text of each line a laid-out paragraph printed ([] for anything else)."""
    if not isinstance(f, Paragraph) or not hasattr(f, "blPara"):
        return []
    para = f.blPara
    out = []
    for line in para.lines:
        if para.kind == 0:  # (extra space, words)
            out.append(" ".join(line[1]))
        else:  # a line of fragments
            out.append("".join(getattr(w, "text", "") for w in line.words).strip())
    return [text.replace(NBSP, " ") for text in out]
