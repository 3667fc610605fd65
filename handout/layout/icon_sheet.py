"""`handout icons WORD --sheet FILE`: the matching icons drawn on pages, each with its name
under it, so a clinic sees what an icon looks like before naming it (`pill_1` is a pill
in a "no" sign, not "take your medicine")."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from handout.common.icon_set import IconInfo
from handout.layout.icons import draw_icon
from handout.layout.theme import BOLD, INK, MUTED, REGULAR, register_fonts

MARGIN = 43.2  # 0.6 in
COLUMNS = 5
ICON = 54.0  # the icon's square, in points: about four lines of 14 pt text
NAME_SIZE = 10.0  # the standards' floor for print
NAME_LINES = 2
ROW = ICON + 10 + NAME_LINES * NAME_SIZE * 1.25 + 14
HEAD = 44.0  # the title and the line under it


def sheet_pdf(icons: Sequence[IconInfo], heading: str) -> tuple[bytes, int]:
    """A Letter PDF of `icons` in a grid, each name under its icon; and its page count."""
    register_fonts()
    width, height = LETTER
    cell = (width - 2 * MARGIN) / COLUMNS
    rows = int((height - 2 * MARGIN - HEAD) // ROW)
    per_page = rows * COLUMNS
    pages = max(1, -(-len(icons) // per_page))
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=LETTER, invariant=1, initialFontName=REGULAR,
                  initialFontSize=NAME_SIZE)
    canv.setTitle(heading)
    for page in range(pages):
        canv.setFillColor(INK)
        canv.setFont(BOLD, 16)
        canv.drawString(MARGIN, height - MARGIN - 16, heading)
        canv.setFont(REGULAR, NAME_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN, height - MARGIN - 32,
                        "Write `icon: NAME` in a content file to print one of these. "
                        f"Page {page + 1} of {pages}.")
        for n, info in enumerate(icons[page * per_page:(page + 1) * per_page]):
            row, column = divmod(n, COLUMNS)
            left = MARGIN + column * cell
            top = height - MARGIN - HEAD - row * ROW
            draw_icon(canv, info.name, INK, at=(left + (cell - ICON) / 2, top - ICON),
                      size=ICON)
            canv.setFillColor(INK)
            for k, line in enumerate(name_lines(info.name, cell - 6)):
                # A line still too wide (one long word) is set smaller, never cut.
                size = min(NAME_SIZE, NAME_SIZE * (cell - 6) / _width(line))
                canv.setFont(REGULAR, size)
                canv.drawCentredString(left + cell / 2, top - ICON - 10 - NAME_SIZE
                                       - k * NAME_SIZE * 1.25, line)
        canv.showPage()
    canv.save()
    return buffer.getvalue(), pages


def _width(text: str) -> float:
    return float(stringWidth(text, REGULAR, NAME_SIZE))


def name_lines(name: str, width: float) -> list[str]:
    """`name` in at most NAME_LINES lines, broken after a '/', '_' or '-' where a line
    would be wider than `width` (a line may still be wider: one long word)."""
    if _width(name) <= width:
        return [name]
    pieces: list[str] = []
    piece = ""
    for char in name:
        piece += char
        if char in "/_-":
            pieces.append(piece)
            piece = ""
    pieces.append(piece)
    lines = [""]
    for piece in pieces:
        if lines[-1] and _width(lines[-1] + piece) > width and len(lines) < NAME_LINES:
            lines.append("")
        lines[-1] += piece
    return lines
