"""A section's table (header row, thin rules) and its checklist (tick boxes).

Tagged, a table is Table > TR > TH / TD, each header cell with its column scope, and its
caption the Table's first kid. When a table splits across pages its header row prints
again on the next: the copy is a layout artifact, so a screen reader reads it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from handout.input.sections import Table as TableData
from handout.layout.markup import markup, plain, runt_free
from handout.layout.plan import ticked
from handout.layout.runs import Paragraph
from handout.layout.theme import INK, MUTED, Theme
from handout.pdf import LAYOUT, Element, artifact, tag


class HeaderCell(Paragraph):
    """A header cell: drawn first as itself, then (repeated on a later page) as decoration."""

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        super().drawOn(canv, x, y, _sW)
        # Tagged (roles.tag), this runs inside the TH's marked content; later draws of the
        # same cell are the repeated header row.
        self.__dict__["tag"] = LAYOUT


def _widths(table: TableData, width: float, size: float, pad: float,
            theme: Theme) -> list[float]:
    """Column widths: each at least its longest word, the room left shared in proportion
    to how much more each column's longest cell would need to fit on one line."""
    def measure(text: str, font: str) -> tuple[float, float]:
        words = plain(text).split() or [""]
        if chain.cjk:  # lines break between characters: the widest unbreakable is one
            words = [c for w in words for c in w] or [""]
        return (max(chain.width(w, font, size) for w in words) + pad,
                chain.width(" ".join(plain(text).split()), font, size) + pad)

    chain = theme.chain
    cells = [[measure(t, theme.bold) for t in table.header],
             *([measure(t, theme.regular) for t in row] for row in table.rows)]
    least = [max(row[c][0] for row in cells) for c in range(len(table.header))]
    most = [max(row[c][1] for row in cells) for c in range(len(table.header))]
    spare = width - sum(least)
    wanted = [m - n for m, n in zip(most, least, strict=True)]
    if spare <= 0 or not sum(wanted):  # even single words do not fit: ReportLab splits them
        return [width * n / sum(least) for n in least]
    if sum(wanted) <= spare:  # all on one line: share out what is left evenly
        extra = (spare - sum(wanted)) / len(least)
        return [m + extra for m in most]
    return [n + spare * w / sum(wanted) for n, w in zip(least, wanted, strict=True)]


def table_flowables(table: TableData, theme: Theme) -> list[Flowable]:
    """The caption (if any) over the table, its source line (if any) under it; the header
    row repeats after a page break."""
    element = Element("Table")
    body = theme.style("tight")
    head = ParagraphStyle("th", parent=body, fontName=theme.bold)
    rows: list[list[Flowable]] = []
    for r, texts in enumerate([table.header, *table.rows]):
        row = Element("TR", parent=element)
        if r == 0:
            rows.append([tag(HeaderCell(markup(t), head), "TH", parent=row, scope="Column")
                         for t in texts])
        else:
            rows.append([tag(Paragraph(markup(t), body), "TD", parent=row) for t in texts])
    pad = theme.body_size * 0.4
    widths = _widths(table, theme.frame_width, body.fontSize, pad, theme)
    drawn = Table(rows, colWidths=widths,
                  repeatRows=1, spaceAfter=theme.gap(0.6))
    drawn.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), theme.regular),  # ReportLab's default would list Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.4),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, MUTED),
    ]))
    out: list[Flowable] = []
    if table.caption:
        style = ParagraphStyle("table_caption", parent=body, fontName=theme.bold,
                               spaceBefore=theme.gap(0.3), keepWithNext=1)
        out.append(tag(Paragraph(markup(table.caption), style), "Caption", parent=element))
    out.append(artifact(drawn, element))
    if table.source:  # under the table, small, as a figure's source line (layout/figure.py)
        drawn.spaceAfter = theme.gap(0.2)
        source = ParagraphStyle("table_source", parent=theme.style("small"),
                                spaceAfter=theme.gap(0.6))
        out.append(tag(Paragraph(markup(theme.text("source", source=table.source)), source),
                       "P"))
    return out


def checklist(items: Sequence[str], theme: Theme) -> Flowable:
    """Items with a tick box each, like "My plan" (plan.py): a list, L > LI > LBody, with
    the boxes drawn as the layout artifact of its grid."""
    style = theme.style("body")
    items_list = Element("L")
    table = ticked([tag(Paragraph(runt_free(text, style, theme.frame_width), style), "LBody",
                        parent=Element("LI", parent=items_list)) for text in items],
                   theme, items_list)
    table.spaceAfter = theme.gap(0.4)
    return table
