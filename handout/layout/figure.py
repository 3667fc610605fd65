"""Fig. 1 as ReportLab flowables: title, vector chart, caption and source, kept together.

The chart itself comes from a `ChartRenderer` (by default `draw_chart`, which runs
matplotlib and svglib); build.py passes a caching one, so this module does no I/O.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from handout.model import Figure
from handout.tagging import group, tag
from handout.text import markup
from handout.theme import Theme


@dataclass(frozen=True)
class ChartRequest:
    """Everything the chart's look depends on: equal requests give equal charts."""

    figure: Figure
    width_in: float
    primary: str
    accent: str
    grayscale: bool = False
    font_scale: float = 1.0
    language: str = "en"


@dataclass(frozen=True)
class ChartArt:
    """The chart as PDF drawing operators, `width` x `height` points, origin bottom left.

    The operators name no fonts, images or other resources (glyphs are outlines), so they
    can be stored as text and replayed on any page.
    """

    width: float
    height: float
    ops: str


ChartRenderer = Callable[[ChartRequest], ChartArt]


class ChartForm(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Places a `ChartArt` like a Drawing would, and carries the chart's alt text."""

    def __init__(self, art: ChartArt, alt_text: str) -> None:
        super().__init__()
        self.width, self.height, self.ops = art.width, art.height, art.ops
        self.alt_text = alt_text
        self.hAlign = "LEFT"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.addLiteral(self.ops)  # drawOn() has already saved state and translated


def figure_flowables(
    figure: Figure, theme: Theme, *, number: int = 1, grayscale: bool = False,
    renderer: ChartRenderer | None = None,
) -> list[Flowable]:
    """Title, chart, caption and source line, as one block that never splits across pages.

    Tagged, a Div holding the title, the chart as a Figure with the alt text, the caption
    and the source as paragraphs.
    """
    label = theme.text("figure_label", number=number)
    title = Paragraph(f"{markup(label)} {markup(figure.title)}", theme.style("h2"))
    caption = Paragraph(markup(figure.caption), theme.style("caption"))
    source = Paragraph(markup(_source_line(figure, theme)), theme.style("small"))
    gap = Spacer(1, theme.body_size * 0.4)
    request = chart_request(figure, theme, grayscale=grayscale)
    chart = ChartForm((renderer or draw_chart)(request), figure.alt_text)
    parts = [tag(title, "P"), tag(chart, "Figure", figure.alt_text), gap, tag(caption, "P"),
             tag(source, "P")]
    group("Div", parts)
    return [KeepTogether(parts)]


def chart_request(figure: Figure, theme: Theme, *, grayscale: bool = False) -> ChartRequest:
    """The chart exactly `theme.frame_width` wide, in the theme's brand colours."""
    return ChartRequest(
        figure, width_in=theme.frame_width / 72, primary=theme.colours.primary,
        accent=theme.colours.accent, grayscale=grayscale,
        font_scale=theme.body_size / 14.0,  # charts grow with large-print builds
        language=theme.language,
    )


def draw_chart(request: ChartRequest) -> ChartArt:
    """Render the chart: matplotlib to SVG, svglib to a Drawing, ReportLab to PDF operators."""
    # Deferred: a build whose chart comes from the cache never imports any of these.
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing, Group
    from reportlab.pdfgen.canvas import Canvas
    from svglib.svglib import svg2rlg

    from handout.chart import render_svg

    svg = render_svg(request.figure, width_in=request.width_in, primary=request.primary,
                     accent=request.accent, grayscale=request.grayscale,
                     font_scale=request.font_scale, language=request.language)
    drawing = svg2rlg(io.BytesIO(svg))
    if drawing is None:  # svglib returns None instead of raising on an unreadable SVG
        raise RuntimeError("the chart SVG could not be converted to a ReportLab drawing")
    width = request.width_in * 72
    factor = width / drawing.width  # rendered at this width: 1:1 up to rounding, now exact
    scaled = Drawing(width, drawing.height * factor)
    scaled.add(Group(*drawing.contents, transform=(factor, 0, 0, factor, 0, 0)))
    scratch = Canvas(io.BytesIO())  # only its operator list is kept
    renderPDF.draw(scaled, scratch, 0, 0)
    ops = "\n".join(scratch._code)
    if "/" in ops:  # a named resource (font, image, transparency) would dangle on replay
        raise RuntimeError("the chart uses PDF resources and cannot be stored as operators")
    return ChartArt(scaled.width, scaled.height, ops)


def _source_line(figure: Figure, theme: Theme) -> str:
    text = theme.text
    if not figure.illustrative:
        return text("source", source=figure.source)
    note = text("illustration")
    return f"{note}. {text('based_on', source=figure.source)}" if figure.source else note
