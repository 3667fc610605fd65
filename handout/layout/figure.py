"""Fig. 1 as ReportLab flowables: title, vector chart, caption and source, kept together."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isString
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from svglib.svglib import svg2rlg

from handout.chart import ILLUSTRATION_NOTE, render_svg
from handout.model import Figure
from handout.text import markup
from handout.theme import Theme


class ChartDrawing(Drawing):  # type: ignore[misc]  # reportlab has no type hints
    """A Drawing that carries its alt text (ReportLab shapes reject unknown attributes)."""

    _attrMap = AttrMap(  # noqa: N815  (the name ReportLab looks up)
        BASE=Drawing, alt_text=AttrMapValue(isString, desc="What the chart shows, in words.")
    )

    def __init__(self, width: float, height: float, *nodes: object, alt_text: str = "") -> None:
        super().__init__(width, height, *nodes)
        self.alt_text = alt_text


def figure_flowables(
    figure: Figure, theme: Theme, *, number: int = 1, grayscale: bool = False
) -> list[Flowable]:
    """Title, chart, caption and source line, as one block that never splits across pages."""
    title = Paragraph(f"Fig. {number}. {markup(figure.title)}", theme.style("h2"))
    caption = Paragraph(markup(figure.caption), theme.style("caption"))
    source = Paragraph(markup(_source_line(figure)), theme.style("small"))
    gap = Spacer(1, theme.body_size * 0.4)
    return [KeepTogether([title, chart_drawing(figure, theme, grayscale=grayscale), gap,
                          caption, source])]


def chart_drawing(figure: Figure, theme: Theme, *, grayscale: bool = False) -> ChartDrawing:
    """The chart as a vector Drawing exactly `theme.frame_width` wide, carrying `alt_text`."""
    svg = render_svg(
        figure,
        width_in=theme.frame_width / 72,
        primary=theme.colours.primary,
        accent=theme.colours.accent,
        grayscale=grayscale,
        font_scale=theme.body_size / 14.0,  # charts grow with large-print builds
    )
    drawing = svg2rlg(io.BytesIO(svg))
    if drawing is None:  # svglib returns None instead of raising on an unreadable SVG
        raise RuntimeError("the chart SVG could not be converted to a ReportLab drawing")
    # Rendered at frame width, so this is 1:1 up to rounding; scaling keeps it exact.
    factor = theme.frame_width / drawing.width
    chart = ChartDrawing(theme.frame_width, drawing.height * factor, alt_text=figure.alt_text)
    chart.add(Group(*drawing.contents, transform=(factor, 0, 0, factor, 0, 0)))
    chart.hAlign = "LEFT"
    return chart


def _source_line(figure: Figure) -> str:
    if not figure.illustrative:
        return f"Source: {figure.source}"
    return f"{ILLUSTRATION_NOTE}. Based on: {figure.source}" if figure.source else ILLUSTRATION_NOTE
